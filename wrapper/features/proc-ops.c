// SPDX-License-Identifier: GPL-2.0-only
/* struct proc_ops replaced file_operations for /proc entries (5.6). */
#include <linux/proc_fs.h>
static const struct proc_ops probe_ops = { .proc_ioctl = NULL };
const void *ftr_proc_ops(void) { return &probe_ops; }
