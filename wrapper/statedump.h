/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Kernel differences the statedump (lttng-statedump-impl.c) meets, each
 * decided by a feature probe of wrapper/features/:
 *
 *  - walking every pid number of a namespace: an IDR since 4.15
 *    (pid-ns-idr), a bitmap before, which we cannot read;
 *  - the pid namespace a procfs mount shows: proc_pid_ns(sb) since 5.8
 *    (proc-pid-ns-sb), the super block's s_fs_info before;
 *  - walking an interface's IPv4 addresses (in-dev-for-each-ifa-rcu, 5.3);
 *  - close_on_exec() on the files_struct (close-on-exec-files, 6.10);
 *  - opening a path below a given root: file_open_root() takes a struct
 *    path since 5.12 (file-open-root-path), (dentry, mnt) before, and
 *    a creation mode since 4.6 (file-open-root-mode).
 */
#ifndef LTTNG_WRAPPER_STATEDUMP_H
#define LTTNG_WRAPPER_STATEDUMP_H

#include <linux/fs.h>
#include <linux/mount.h>	/* struct vfsmount: fs.h stopped pulling it in */
#include <linux/fdtable.h>
#include <linux/pid.h>
#include <linux/pid_namespace.h>
#include <linux/proc_fs.h>
#include <linux/threads.h>
#include <linux/inetdevice.h>
#ifdef LTTNG_HAVE_PID_NS_IDR
#include <linux/idr.h>
#endif
#ifdef LTTNG_HAVE_SCHED_SIGNAL_H
#include <linux/sched/signal.h>	/* task iteration helpers since 4.11 */
#endif

/*
 * The first struct pid of @ns numbered *nr or above, *nr updated to its
 * number; NULL past the last.  Caller holds rcu_read_lock().  Without
 * the IDR, probe numbers one by one: slow (up to PID_MAX_LIMIT lookups
 * per walk) but correct, and only on kernels older than 4.15.
 */
static inline struct pid *lttng_pid_next(struct pid_namespace *ns, int *nr)
{
#if defined(LTTNG_HAVE_PID_NS_IDR)
	return idr_get_next(&ns->idr, nr);
#elif defined(LTTNG_HAVE_PID_NS_PIDMAP)
	for (; *nr < PID_MAX_LIMIT; (*nr)++) {
		struct pid *pid = find_pid_ns(*nr, ns);

		if (pid)
			return pid;
	}
	return NULL;
#else
#error "conftest: no pid-walk probe compiled (wrapper/features/required)"
#endif
}

/* The pid namespace whose numbers the procfs of @sb shows. */
static inline struct pid_namespace *lttng_procfs_pid_ns(struct super_block *sb)
{
#ifdef LTTNG_HAVE_PROC_PID_NS_SB
	return proc_pid_ns(sb);
#else
	return sb->s_fs_info;
#endif
}

/* for (each IPv4 address ifa of in_dev), under rcu_read_lock(). */
#ifdef LTTNG_HAVE_IN_DEV_FOR_EACH_IFA_RCU
#define lttng_for_each_ifa_rcu(ifa, in_dev)	in_dev_for_each_ifa_rcu(ifa, in_dev)
#else
#define lttng_for_each_ifa_rcu(ifa, in_dev)				\
	for ((ifa) = (in_dev)->ifa_list; (ifa); (ifa) = (ifa)->ifa_next)
#endif

static inline struct file *lttng_file_open_root(const struct path *root,
						const char *name, int flags)
{
#if defined(LTTNG_HAVE_FILE_OPEN_ROOT_PATH)
	return file_open_root(root, name, flags, 0);
#elif defined(LTTNG_HAVE_FILE_OPEN_ROOT_MODE)
	return file_open_root(root->dentry, root->mnt, name, flags, 0);
#elif defined(LTTNG_HAVE_FILE_OPEN_ROOT_DENTRY)
	return file_open_root(root->dentry, root->mnt, name, flags);
#else
#error "conftest: no file-open-root probe compiled (wrapper/features/required)"
#endif
}

/* Caller holds files->file_lock. */
static inline bool lttng_close_on_exec(unsigned int fd,
				       struct files_struct *files)
{
#if defined(LTTNG_HAVE_CLOSE_ON_EXEC_FILES)
	return close_on_exec(fd, files);
#elif defined(LTTNG_HAVE_CLOSE_ON_EXEC_FDTABLE)
	return close_on_exec(fd, files_fdtable(files));
#else
#error "conftest: no close-on-exec probe compiled (wrapper/features/required)"
#endif
}

#endif
