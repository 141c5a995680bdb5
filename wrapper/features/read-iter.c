// SPDX-License-Identifier: GPL-2.0-only
/* file_operations.read_iter and copy_to_iter() (3.16). */
#include <linux/fs.h>
#include <linux/uio.h>
static ssize_t rd(struct kiocb *k, struct iov_iter *to) { return copy_to_iter("x", 1, to); }
const struct file_operations ftr_fops = { .read_iter = rd };
