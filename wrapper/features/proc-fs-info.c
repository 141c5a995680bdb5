// SPDX-License-Identifier: GPL-2.0-only
/*
 * Gate: a procfs super block's s_fs_info is a struct proc_fs_info (5.8),
 * no longer the pid namespace itself: reading it as one would be wrong.
 */
#include <linux/fs.h>
#include <linux/proc_fs.h>
size_t ftr_proc_fs_info(void) { return sizeof(struct proc_fs_info); }
