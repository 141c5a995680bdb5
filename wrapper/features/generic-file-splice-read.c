// SPDX-License-Identifier: GPL-2.0-only
/*
 * generic_file_splice_read() drives ->read_iter into a pipe-backed
 * iov_iter (4.9 until 6.5).  Before 4.9 it read the page cache, which an
 * anonymous-inode file does not have, so the probe needs iov_iter_pipe(),
 * which came with that change.
 */
#include <linux/fs.h>
#include <linux/uio.h>
ssize_t ftr_splice(struct file *in, loff_t *ppos, struct pipe_inode_info *pipe, size_t len, unsigned int flags)
{
	struct iov_iter it;

	iov_iter_pipe(&it, READ, pipe, len);
	return generic_file_splice_read(in, ppos, pipe, len, flags);
}
