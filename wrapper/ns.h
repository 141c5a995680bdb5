/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Namespace identity for every namespace type: the inode number user space
 * sees as /proc/PID/ns/<type>.  The pid namespace lives in pid-ns.h, whose
 * helpers this file builds on.
 *
 * The lttng_current_*_ns_inum() readers are for the record path: they may
 * run in any context, NMI included, so they take no lock.  None is needed
 * for current's own namespaces: only current replaces current->nsproxy, and
 * it drops the old one only after publishing the new one, so whatever we
 * read stays alive while we use it.  Late in exit current has no nsproxy any
 * more and every reader answers 0.
 *
 * LTTNG_NS_<TYPE> is defined when this kernel has that namespace type (user
 * space has /proc/PID/ns/<type>) and we can read its inode.
 */
#ifndef LTTNG_WRAPPER_NS_H
#define LTTNG_WRAPPER_NS_H

#include <linux/sched.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/err.h>
#include <linux/nsproxy.h>
#include <linux/utsname.h>
#include <linux/ipc_namespace.h>
#include <linux/user_namespace.h>
#include <net/net_namespace.h>
#include <wrapper/pid-ns.h>
#include <wrapper/barrier.h>

/*
 * The parameter must not be called "ns": it would also replace the member
 * name in the 3.19+ expansion.
 */
#if defined(LTTNG_HAVE_NS_COMMON_INUM)
#define lttng_ns_inum(nsobj)	((nsobj)->ns.inum)
#elif defined(LTTNG_HAVE_NS_PROC_INUM)
#define lttng_ns_inum(nsobj)	((nsobj)->proc_inum)
#else
#error "conftest: no namespace-inode probe compiled (wrapper/features/required)"
#endif

#ifdef CONFIG_PID_NS
#define LTTNG_NS_PID		1
#endif
#ifdef CONFIG_USER_NS
#define LTTNG_NS_USER		1
#endif
#ifdef CONFIG_UTS_NS
#define LTTNG_NS_UTS		1
#endif
#ifdef CONFIG_IPC_NS
#define LTTNG_NS_IPC		1
#endif
#ifdef CONFIG_NET_NS
#define LTTNG_NS_NET		1
#endif
#if defined(LTTNG_HAVE_CGROUP_NAMESPACE) && defined(CONFIG_CGROUPS)
#include <linux/cgroup.h>
#define LTTNG_NS_CGROUP		1
#endif
#if defined(LTTNG_HAVE_TIME_NAMESPACE) && defined(CONFIG_TIME_NS)
#include <linux/time_namespace.h>
#define LTTNG_NS_TIME		1
#endif
/*
 * See lttng_mnt_ns_locate(): needs nsfs (3.19) and procfs to find the
 * inode, and the namespace's type: in its operations up to 6.12 at least
 * (proc-ns-operations-get), in struct ns_common in later kernels such as
 * 7.2 (ns-common-type).
 */
#if (defined(LTTNG_HAVE_NS_COMMON_TYPE) ||				\
     defined(LTTNG_HAVE_PROC_NS_OPERATIONS_GET)) && defined(CONFIG_PROC_FS)
#include <linux/proc_ns.h>
#include <linux/magic.h>
#define LTTNG_NS_MNT		1
#endif

/* The namespace current lives in, not the one its children will get. */
static inline unsigned int lttng_current_pid_ns_inum(void)
{
	return lttng_task_pid_ns_inum(current);
}

/* Credentials outlive the nsproxy, so this one never reads 0. */
static inline unsigned int lttng_current_user_ns_inum(void)
{
	return lttng_ns_inum(current_user_ns());
}

/* Expands to the inode of current's <member> namespace, or 0. */
#define lttng_current_nsproxy_inum(member)				\
({									\
	struct nsproxy *__nsp = READ_ONCE(current->nsproxy);		\
	__nsp ? lttng_ns_inum(__nsp->member) : 0U;			\
})

static inline unsigned int lttng_current_uts_ns_inum(void)
{
	return lttng_current_nsproxy_inum(uts_ns);
}

static inline unsigned int lttng_current_ipc_ns_inum(void)
{
	return lttng_current_nsproxy_inum(ipc_ns);
}

static inline unsigned int lttng_current_net_ns_inum(void)
{
	return lttng_current_nsproxy_inum(net_ns);
}

#ifdef LTTNG_NS_CGROUP
static inline unsigned int lttng_current_cgroup_ns_inum(void)
{
	return lttng_current_nsproxy_inum(cgroup_ns);
}
#endif

#ifdef LTTNG_NS_TIME
/* The active time namespace, as /proc/PID/ns/time shows it. */
static inline unsigned int lttng_current_time_ns_inum(void)
{
	return lttng_current_nsproxy_inum(time_ns);
}
#endif

#ifdef LTTNG_NS_MNT
/* The CLONE_NEW* type of the namespace an nsfs inode stands for. */
static inline int lttng_ns_common_type(const struct ns_common *ns)
{
#ifdef LTTNG_HAVE_NS_COMMON_TYPE
	return ns->ns_type;
#else
	return ns->ops->type;
#endif
}

/*
 * struct mnt_namespace is private to fs/ (fs/mount.h), which distribution
 * header packages do not ship, and its layout varies with the version and
 * with struct randomisation, so where its struct ns_common sits cannot be
 * known at build time.  The kernel knows, though: the mount namespace's
 * proc_ns_operations ->get() returns exactly &mnt_ns->ns.  Those operations
 * are not exported, but every nsfs inode carries a pointer to its
 * namespace, whose ->ops leads to them.  So, once, in process context:
 * open any mount-namespace file (our own /proc/thread-self/ns/mnt), take
 * ->get() from it, call it on current and subtract current's
 * nsproxy->mnt_ns.  The difference is a property of the running kernel's
 * build, the same for every mount namespace, so the record path can then
 * find the inode from nsproxy->mnt_ns without locks or calls.
 *
 * Returns the offset (>= 0) or a negative errno.  May sleep.
 */
static inline long lttng_mnt_ns_locate(void)
{
	static const char * const paths[] = {
		"/proc/thread-self/ns/mnt", "/proc/self/ns/mnt",
	};
	const struct proc_ns_operations *ops;
	struct nsproxy *nsp = current->nsproxy;
	struct ns_common *nsc, *ns;
	struct inode *inode;
	struct file *f = ERR_PTR(-ENOENT);
	unsigned int i;
	long off;

	if (!nsp)
		return -ENOSYS;
	for (i = 0; i < ARRAY_SIZE(paths) && IS_ERR(f); i++)
		f = filp_open(paths[i], O_RDONLY, 0);
	if (IS_ERR(f))
		return -ENOSYS;
	inode = file_inode(f);
	/* Only nsfs inodes hold a struct ns_common in i_private. */
	if (inode->i_sb->s_magic != NSFS_MAGIC) {
		fput(f);
		return -ENOSYS;
	}
	nsc = get_proc_ns(inode);
	ops = nsc->ops;
	if (lttng_ns_common_type(nsc) != CLONE_NEWNS || !ops->get || !ops->put) {
		fput(f);
		return -ENOSYS;
	}
	ns = ops->get(current);
	fput(f);
	if (!ns)
		return -ENOSYS;
	off = (long)((char *)ns - (char *)nsp->mnt_ns);
	ops->put(ns);
	/* Inside the object, and where a struct ns_common can start. */
	if (off < 0 || off >= PAGE_SIZE ||
	    !IS_ALIGNED(off, __alignof__(struct ns_common)))
		return -ENOSYS;
	return off;
}

/*
 * The mount namespace of an nsproxy the caller keeps alive (current's own,
 * or another task's under task_lock); off comes from lttng_mnt_ns_locate().
 */
static inline unsigned int lttng_nsproxy_mnt_ns_inum(struct nsproxy *nsp,
						     long off)
{
	return ((struct ns_common *)((char *)nsp->mnt_ns + off))->inum;
}

/* Record path. */
static inline unsigned int lttng_current_mnt_ns_inum(long off)
{
	struct nsproxy *nsp = READ_ONCE(current->nsproxy);

	return nsp ? lttng_nsproxy_mnt_ns_inum(nsp, off) : 0;
}
#endif /* LTTNG_NS_MNT */

#endif
