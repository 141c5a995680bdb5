/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Copying reads and splices of a stream file that implements ->read_iter.
 *
 *  - Splice: copy_splice_read() since 6.5; generic_file_splice_read()
 *    from 4.9 (when it started to drive ->read_iter through a pipe-backed
 *    iov_iter) until then.  Before 4.9 that helper reads the page cache,
 *    which an anonymous inode does not have, so .splice_read stays NULL
 *    and the kernel's default_file_splice_read() copies through
 *    ->read/->read_iter instead (removed in 5.10, long after 4.9).
 *  - Read: ->read_iter and copy_to_iter() came in 3.16 (read-iter).
 *    Before, LTTNG_READ_ITER_COMPAT() defines a ->read that wraps the
 *    user buffer in a one-segment iov_iter and calls the same function,
 *    and copy_to_iter() is provided for that one case.
 *
 * A file_operations initialiser says LTTNG_FOPS_READ_ITER(fn) after
 * LTTNG_READ_ITER_COMPAT(fn) has followed the definition of fn.
 */
#ifndef LTTNG_WRAPPER_SPLICE_H
#define LTTNG_WRAPPER_SPLICE_H

#include <linux/fs.h>
#include <linux/splice.h>
#include <linux/uio.h>
#include <linux/uaccess.h>
/* struct kiocb, for ->read_iter(), moved from <linux/aio.h> to fs.h in 4.1. */
#ifndef LTTNG_HAVE_KIOCB_IN_FS_H
#include <linux/aio.h>
#endif

#if defined(LTTNG_HAVE_COPY_SPLICE_READ)
#define lttng_copy_splice_read	copy_splice_read
#elif defined(LTTNG_HAVE_GENERIC_FILE_SPLICE_READ)
#define lttng_copy_splice_read	generic_file_splice_read
#elif defined(LTTNG_HAVE_SPLICE_PAGE_CACHE)
#define lttng_copy_splice_read	NULL
#else
#error "conftest: no splice-read probe compiled (wrapper/features/required)"
#endif

#ifdef LTTNG_HAVE_READ_ITER
#define LTTNG_READ_ITER_COMPAT(fn)
#define LTTNG_FOPS_READ_ITER(fn)					\
	.read_iter = fn,						\
	.splice_read = lttng_copy_splice_read
#else
/* Only for the one-segment user iov_iter LTTNG_READ_ITER_COMPAT builds. */
static inline size_t copy_to_iter(const void *src, size_t n,
				  struct iov_iter *i)
{
	n = min(n, i->count);
	n -= copy_to_user((char __user *)i->iov->iov_base + i->iov_offset,
			  src, n);
	i->iov_offset += n;
	i->count -= n;
	return n;
}

#define LTTNG_READ_ITER_COMPAT(fn)					\
static ssize_t fn##_compat_read(struct file *file, char __user *ubuf,	\
				size_t len, loff_t *ppos)		\
{									\
	struct iovec iov = { .iov_base = ubuf, .iov_len = len };	\
	struct iov_iter to = {						\
		.iov = &iov, .nr_segs = 1, .iov_offset = 0, .count = len, \
	};								\
	struct kiocb kiocb;						\
	ssize_t ret;							\
									\
	init_sync_kiocb(&kiocb, file);					\
	kiocb.ki_pos = *ppos;						\
	ret = fn(&kiocb, &to);						\
	*ppos = kiocb.ki_pos;						\
	return ret;							\
}
#define LTTNG_FOPS_READ_ITER(fn)					\
	.read = fn##_compat_read,					\
	.splice_read = lttng_copy_splice_read
#endif

#endif
