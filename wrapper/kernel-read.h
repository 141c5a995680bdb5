/* SPDX-License-Identifier: GPL-2.0-only */
/* Reading a file from the kernel: kernel_read() changed its arguments (4.14). */
#ifndef LTTNG_WRAPPER_KERNEL_READ_H
#define LTTNG_WRAPPER_KERNEL_READ_H

#include <linux/fs.h>

static inline ssize_t lttng_kernel_read(struct file *file, void *buf,
					size_t count, loff_t *pos)
{
#ifdef LTTNG_HAVE_KERNEL_READ_POS_LAST
	return kernel_read(file, buf, count, pos);
#else
	ssize_t ret = kernel_read(file, *pos, buf, count);

	if (ret > 0)
		*pos += ret;
	return ret;
#endif
}

#endif
