/*
 * Namespace operations hand out a struct ns_common (3.19; before, a bare
 * void *), and nsfs keeps it in the inode's i_private, under its own magic.
 */
#include <linux/fs.h>
#include <linux/proc_ns.h>
#include <linux/magic.h>
int ftr_proc_ns_ops_get(struct inode *inode, struct task_struct *t)
{
	struct ns_common *ns = get_proc_ns(inode);
	struct ns_common *(*get)(struct task_struct *) = ns->ops->get;

	return ns->ops->type + (get(t) == ns) + NSFS_MAGIC;
}
