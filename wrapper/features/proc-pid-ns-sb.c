// SPDX-License-Identifier: GPL-2.0-only
/* procfs keeps its pid namespace in struct proc_fs_info, read by proc_pid_ns(sb) (5.8). */
#include <linux/fs.h>
#include <linux/proc_fs.h>
struct pid_namespace *ftr_proc_ns(struct super_block *sb) { return proc_pid_ns(sb); }
