// SPDX-License-Identifier: GPL-2.0-only
/*
 * Namespace operations hand out a struct ns_common (3.19; before, a bare
 * void *) and say which type of namespace they serve (ops->type, until a
 * kernel after 6.12 moved it to ns_common: ns-common-type), and nsfs
 * keeps the ns_common in the inode's i_private, under its own magic.
 */
#include <linux/fs.h>
#include <linux/proc_ns.h>
#include <linux/magic.h>
#include <linux/sched.h>
int ftr_proc_ns_ops_get(struct inode *inode, struct task_struct *t)
{
	struct ns_common *ns = get_proc_ns(inode);
	struct ns_common *(*get)(struct task_struct *) = ns->ops->get;
	void (*put)(struct ns_common *) = ns->ops->put;

	put(get(t));
	return (ns->ops->type == CLONE_NEWNS) + NSFS_MAGIC;
}
