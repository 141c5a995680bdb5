/* generic_file_splice_read() drives ->read_iter into a pipe (until 6.5). */
#include <linux/fs.h>
ssize_t ftr_splice(struct file *in, loff_t *ppos, struct pipe_inode_info *pipe, size_t len, unsigned int flags)
{ return generic_file_splice_read(in, ppos, pipe, len, flags); }
