// SPDX-License-Identifier: GPL-2.0-only
/* /proc entries are declared with a struct file_operations (before 5.6's proc_ops). */
#include <linux/fs.h>
#include <linux/proc_fs.h>
static const struct file_operations probe_fops = { .llseek = noop_llseek };
struct proc_dir_entry *ftr_proc(void) { return proc_create_data("x", 0, NULL, &probe_fops, NULL); }
