/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Pid-namespace identity: the inode number user space sees as
 * /proc/PID/ns/pid.  Namespaces carry it in struct ns_common since 3.19
 * (ns.inum) and in proc_inum before.
 */
#ifndef LTTNG_WRAPPER_PID_NS_H
#define LTTNG_WRAPPER_PID_NS_H

#include <linux/pid.h>
#include <linux/pid_namespace.h>
#include <linux/sched.h>

static inline unsigned int lttng_pid_ns_inum(struct pid_namespace *pid_ns)
{
	if (!pid_ns)
		return 0;
#if defined(LTTNG_HAVE_NS_COMMON_INUM)
	return pid_ns->ns.inum;
#elif defined(LTTNG_HAVE_NS_PROC_INUM)
	return pid_ns->proc_inum;
#else
#error "conftest: no namespace-inode probe compiled (wrapper/features/required)"
#endif
}

/*
 * The namespace the task itself lives in (that of its struct pid), not
 * nsproxy->pid_ns_for_children, which unshare()/setns() change without
 * moving the task.  0 once the task has released its pid at exit.
 * The caller keeps the struct pid alive (RCU, or the task not yet running).
 */
static inline unsigned int lttng_task_pid_ns_inum(struct task_struct *t)
{
	return lttng_pid_ns_inum(ns_of_pid(task_pid(t)));
}

/*
 * The tgid of t's parent as seen from @ns, 0 if not visible there.  The
 * kernel's task_ppid_nr_ns() is missing from some 3.x releases (3.10
 * lacks it, 3.19 has it), hence the probe.
 */
static inline pid_t lttng_task_ppid_nr_ns(struct task_struct *t,
					  struct pid_namespace *ns)
{
#ifdef LTTNG_HAVE_TASK_PPID_NR_NS
	return task_ppid_nr_ns(t, ns);
#else
	pid_t pid = 0;

	rcu_read_lock();
	if (pid_alive(t))
		pid = task_tgid_nr_ns(rcu_dereference(t->real_parent), ns);
	rcu_read_unlock();
	return pid;
#endif
}

#endif
