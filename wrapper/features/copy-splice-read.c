// SPDX-License-Identifier: GPL-2.0-only
/* copy_splice_read() replaced generic_file_splice_read() for copying splice (6.5). */
#include <linux/fs.h>
#include <linux/splice.h>
ssize_t ftr_splice(struct file *in, loff_t *ppos, struct pipe_inode_info *pipe, size_t len, unsigned int flags)
{ return copy_splice_read(in, ppos, pipe, len, flags); }
