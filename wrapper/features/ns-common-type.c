// SPDX-License-Identifier: GPL-2.0-only
/*
 * The namespace type moved from struct proc_ns_operations into struct
 * ns_common itself (ns_type: after 6.12, 7.2 has it); the operations
 * still hand out and take back a struct ns_common, kept by nsfs in the
 * inode's i_private.
 */
#include <linux/fs.h>
#include <linux/proc_ns.h>
#include <linux/ns_common.h>
#include <linux/magic.h>
#include <linux/sched.h>
int ftr_ns_common_type(struct inode *inode, struct task_struct *t)
{
	struct ns_common *ns = get_proc_ns(inode);
	struct ns_common *(*get)(struct task_struct *) = ns->ops->get;
	void (*put)(struct ns_common *) = ns->ops->put;

	put(get(t));
	return (ns->ns_type == CLONE_NEWNS) + NSFS_MAGIC;
}
