// SPDX-License-Identifier: GPL-2.0-only
/* kernel_read(file, buf, count, pos) took this argument order in 4.14. */
#include <linux/fs.h>
ssize_t ftr_read(struct file *f, void *buf, size_t n, loff_t *pos) { return kernel_read(f, buf, n, pos); }
