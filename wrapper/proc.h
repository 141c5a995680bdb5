/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Declaring /proc files (the /proc/lttng control file, lttng-test's
 * trigger): struct proc_ops replaced file_operations for /proc entries in
 * 5.6.  Either way the file is
 * non-seekable: an lseek on a proc_ops entry without .proc_lseek oopses
 * before 6.0, and Python's open() seeks.
 */
#ifndef LTTNG_WRAPPER_PROC_H
#define LTTNG_WRAPPER_PROC_H

#include <linux/fs.h>
#include <linux/proc_fs.h>

#if defined(LTTNG_HAVE_PROC_OPS)
#define lttng_proc_ops	proc_ops
#define LTTNG_PROC_OPS_INIT(ioctl_fn) {				\
	.proc_open = nonseekable_open,				\
	.proc_lseek = noop_llseek,				\
	.proc_ioctl = (ioctl_fn),				\
	.proc_compat_ioctl = (ioctl_fn),			\
}
#define LTTNG_PROC_OPS_WRITE_INIT(write_fn) {			\
	.proc_open = nonseekable_open,				\
	.proc_lseek = noop_llseek,				\
	.proc_write = (write_fn),				\
}
#elif defined(LTTNG_HAVE_PROC_CREATE_FOPS)
#define lttng_proc_ops	file_operations
#define LTTNG_PROC_OPS_INIT(ioctl_fn) {				\
	.owner = THIS_MODULE,					\
	.open = nonseekable_open,				\
	.llseek = noop_llseek,					\
	.unlocked_ioctl = (ioctl_fn),				\
	.compat_ioctl = (ioctl_fn),				\
}
#define LTTNG_PROC_OPS_WRITE_INIT(write_fn) {			\
	.owner = THIS_MODULE,					\
	.open = nonseekable_open,				\
	.llseek = noop_llseek,					\
	.write = (write_fn),					\
}
#else
#error "conftest: no proc-entry probe compiled (wrapper/features/required)"
#endif

static inline struct proc_dir_entry *
lttng_proc_create(const char *name, umode_t mode, const struct lttng_proc_ops *ops)
{
	return proc_create_data(name, mode, NULL, ops, NULL);
}

#endif
