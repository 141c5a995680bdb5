// SPDX-License-Identifier: GPL-2.0-only
/*
 * generic_file_splice_read() reads the page cache (before 4.9 made it
 * drive ->read_iter through a pipe iov_iter): iov_iter_pipe() is not
 * declared yet, so this definition does not conflict with one.  The
 * kernel's default_file_splice_read() (until 5.10) copies through ->read
 * for files without a splice_read.
 */
#include <linux/fs.h>
#include <linux/uio.h>
static inline int iov_iter_pipe(void) { return 0; }
ssize_t ftr_splice(struct file *in, loff_t *ppos, struct pipe_inode_info *pipe, size_t len, unsigned int flags)
{
	return generic_file_splice_read(in, ppos, pipe, len, flags) + iov_iter_pipe();
}
