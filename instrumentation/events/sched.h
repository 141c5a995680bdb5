/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Scheduler events: the set, names and layouts of upstream lttng-modules
 * 2.13 for the running kernel, so that existing analyses (Trace Compass,
 * babeltrace2 scripts) read them unchanged.  sched_process_fork follows
 * doc: namespace-events.md section 1 and records the child's full vtid
 * chain.
 *
 * Priorities are reported as upstream does: the kernel's prio minus
 * MAX_RT_PRIO, so that normal tasks land on -20..19 around nice 0 = 20.
 *
 * Tracepoints whose prototype changed over time go through the
 * LTTNG_SCHED_* macros of wrapper/trace-protos.h.  Read several times by
 * probes/lttng-probe-gen.h: no include guard.
 */
#include <linux/sched.h>
#include <linux/pid.h>
#include <linux/binfmts.h>
#include <wrapper/trace-protos.h>
#include <wrapper/pid-ns.h>

/* kthread_stop() asked a kernel thread to stop... */
LTTNG_EVENT(sched_kthread_stop,
	PROTO(struct task_struct *t),
	ARGS(t),
	FIELDS(
		f_text(comm, t->comm, TASK_COMM_LEN)
		f_int(pid_t, tid, t->pid)
	)
)

/* ...and what the thread function returned. */
LTTNG_EVENT(sched_kthread_stop_ret,
	PROTO(int ret),
	ARGS(ret),
	FIELDS(
		f_int(int, ret, ret)
	)
)

LTTNG_EVENT_CLASS(sched_wakeup_template,
	PROTO(LTTNG_SCHED_WAKEUP_PROTO),
	ARGS(LTTNG_SCHED_WAKEUP_ARGS),
	FIELDS(
		f_text(comm, p->comm, TASK_COMM_LEN)
		f_int(pid_t, tid, p->pid)
		f_int(int, prio, p->prio - MAX_RT_PRIO)
		LTTNG_SCHED_WAKEUP_SUCCESS_FIELD
		f_int(int, target_cpu, task_cpu(p))
	)
)

/* In the waker's context, before the wakee is runnable (4.3+ only). */
LTTNG_SCHED_WAKING_INSTANCE(sched_wakeup_template)
LTTNG_EVENT_INSTANCE(sched_wakeup_template, sched_wakeup)
LTTNG_EVENT_INSTANCE(sched_wakeup_template, sched_wakeup_new)

LTTNG_EVENT(sched_switch,
	PROTO(LTTNG_SCHED_SWITCH_PROTO),
	ARGS(LTTNG_SCHED_SWITCH_ARGS),
	FIELDS(
		f_text(prev_comm, prev->comm, TASK_COMM_LEN)
		f_int(pid_t, prev_tid, prev->pid)
		f_int(int, prev_prio, prev->prio - MAX_RT_PRIO)
		f_int(long, prev_state, LTTNG_SCHED_SWITCH_STATE)
		f_text(next_comm, next->comm, TASK_COMM_LEN)
		f_int(pid_t, next_tid, next->pid)
		f_int(int, next_prio, next->prio - MAX_RT_PRIO)
	)
)

/* Fired before the move: task_cpu() is still the CPU it leaves. */
LTTNG_EVENT(sched_migrate_task,
	PROTO(struct task_struct *p, int dest_cpu),
	ARGS(p, dest_cpu),
	FIELDS(
		f_text(comm, p->comm, TASK_COMM_LEN)
		f_int(pid_t, tid, p->pid)
		f_int(int, prio, p->prio - MAX_RT_PRIO)
		f_int(int, orig_cpu, task_cpu(p))
		f_int(int, dest_cpu, dest_cpu)
	)
)

LTTNG_EVENT_CLASS(sched_process_template,
	PROTO(struct task_struct *p),
	ARGS(p),
	FIELDS(
		f_text(comm, p->comm, TASK_COMM_LEN)
		f_int(pid_t, tid, p->pid)
		f_int(int, prio, p->prio - MAX_RT_PRIO)
	)
)

LTTNG_EVENT_INSTANCE(sched_process_template, sched_process_free)

/*
 * Own class because its prototype grew (6.16); the layout stays that of
 * the other process events.
 */
LTTNG_EVENT(sched_process_exit,
	PROTO(LTTNG_SCHED_PROCESS_EXIT_PROTO),
	ARGS(LTTNG_SCHED_PROCESS_EXIT_ARGS),
	FIELDS(
		f_text(comm, p->comm, TASK_COMM_LEN)
		f_int(pid_t, tid, p->pid)
		f_int(int, prio, p->prio - MAX_RT_PRIO)
	)
)

LTTNG_EVENT_INSTANCE(sched_process_template, sched_wait_task)

/* The waiter is current; tid is the pid waited for (0: any child). */
LTTNG_EVENT(sched_process_wait,
	PROTO(struct pid *pid),
	ARGS(pid),
	FIELDS(
		f_text(comm, current->comm, TASK_COMM_LEN)
		f_int(pid_t, tid, pid_nr(pid))
		f_int(int, prio, current->prio - MAX_RT_PRIO)
	)
)

/*
 * Both tid and pid of each side, so that readers tell a new process
 * (child_tid == child_pid) from a new thread.  Everything about the child
 * is read from its own struct pid: the tracepoint runs before the child
 * is first woken, so that pid is stable, and it holds the tid at every
 * pid-namespace level from the root down (up to MAX_PID_NS_LEVEL + 1
 * entries; all of them are kept).
 */
LTTNG_EVENT_CLASS_CODE(sched_process_fork,
	PROTO(struct task_struct *parent, struct task_struct *child),
	ARGS(parent, child),
	LOCALS(
		struct pid *pid;
		unsigned int levels;
	),
	CODE(
		loc->pid = task_pid(child);
		loc->levels = loc->pid ? loc->pid->level + 1 : 0;
	),
	FIELDS(
		f_text(parent_comm, parent->comm, TASK_COMM_LEN)
		f_int(pid_t, parent_tid, parent->pid)
		f_int(pid_t, parent_pid, parent->tgid)
		f_int(unsigned int, parent_ns_inum,
		      lttng_task_pid_ns_inum(parent))
		f_text(child_comm, child->comm, TASK_COMM_LEN)
		f_int(pid_t, child_tid, child->pid)
		f_seq_fn(pid_t, vtids, u8, loc->levels, i,
			 loc->pid->numbers[i].nr)
		f_int(pid_t, child_pid, child->tgid)
		f_int(unsigned int, child_ns_inum,
		      lttng_pid_ns_inum(ns_of_pid(loc->pid)))
	)
)
LTTNG_EVENT_INSTANCE(sched_process_fork, sched_process_fork)

/* After the new image is in place; old_tid differs when a thread exec'd. */
LTTNG_EVENT(sched_process_exec,
	PROTO(struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm),
	ARGS(p, old_pid, bprm),
	FIELDS(
		f_string(filename, bprm->filename)
		f_int(pid_t, tid, p->pid)
		f_int(pid_t, old_tid, old_pid)
	)
)

/* Delays in ns; the kernel fires these for fair-class tasks only. */
LTTNG_EVENT_CLASS(sched_stat_template,
	PROTO(struct task_struct *tsk, u64 delay),
	ARGS(tsk, delay),
	FIELDS(
		f_text(comm, tsk->comm, TASK_COMM_LEN)
		f_int(pid_t, tid, tsk->pid)
		f_int(u64, delay, delay)
	)
)

LTTNG_EVENT_INSTANCE(sched_stat_template, sched_stat_wait)
LTTNG_EVENT_INSTANCE(sched_stat_template, sched_stat_sleep)
LTTNG_EVENT_INSTANCE(sched_stat_template, sched_stat_iowait)
LTTNG_EVENT_INSTANCE(sched_stat_template, sched_stat_blocked)

LTTNG_EVENT(sched_stat_runtime,
	PROTO(LTTNG_SCHED_STAT_RUNTIME_PROTO),
	ARGS(LTTNG_SCHED_STAT_RUNTIME_ARGS),
	FIELDS(
		f_text(comm, tsk->comm, TASK_COMM_LEN)
		f_int(pid_t, tid, tsk->pid)
		f_int(u64, runtime, runtime)
		LTTNG_SCHED_STAT_RUNTIME_VRUNTIME_FIELD
	)
)

/* Priority inheritance: tsk's priority changes to newprio. */
LTTNG_EVENT(sched_pi_setprio,
	PROTO(LTTNG_SCHED_PI_SETPRIO_PROTO),
	ARGS(LTTNG_SCHED_PI_SETPRIO_ARGS),
	FIELDS(
		f_text(comm, tsk->comm, TASK_COMM_LEN)
		f_int(pid_t, tid, tsk->pid)
		f_int(int, oldprio, tsk->prio - MAX_RT_PRIO)
		f_int(int, newprio, LTTNG_SCHED_PI_NEWPRIO)
	)
)
