/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The scheduler tracepoints whose prototypes changed across kernels, and
 * the task-state helpers their events need.  instrumentation/events/sched.h
 * only names the macros below; which variant applies is decided here, from
 * the LTTNG_HAVE_* feature probes (wrapper/features/), because distribution
 * kernels backport tracepoint changes and the version number would lie.
 *
 * For each tracepoint: <NAME>_PROTO / <NAME>_ARGS are its probe prototype
 * and argument list; field macros expand to the fields that exist only in
 * some variants (or to nothing), so that the event keeps the upstream
 * lttng-modules layout of the running kernel's era.
 */
#ifndef LTTNG_WRAPPER_TRACE_PROTOS_H
#define LTTNG_WRAPPER_TRACE_PROTOS_H

#include <linux/sched.h>
#ifdef LTTNG_HAVE_SCHED_RT_H
#include <linux/sched/rt.h>	/* MAX_RT_PRIO, before it moved to prio.h */
#endif

/* ---- Task state ---- */

/* The raw state word: task_struct.state became __state in 5.14. */
static inline long lttng_task_state(struct task_struct *t)
{
#if defined(LTTNG_HAVE_TASK_STATE_UNDERSCORE)
	return READ_ONCE(t->__state);
#elif defined(LTTNG_HAVE_TASK_STATE_PLAIN)
	return READ_ONCE(t->state);
#else
#error "conftest: no task-state probe compiled (wrapper/features/required)"
#endif
}

/*
 * prev_state of sched_switch, as upstream reports it.  From 4.14 on it is
 * the reported-state index turned back into its single TASK_* bit
 * (index 0, running, stays 0), and TASK_REPORT_MAX for a preempted task:
 * a preempted task is still runnable whatever its state word says.
 * Before 4.14 it is the state word itself, with TASK_STATE_MAX or'ed in
 * for a preempted task.  prev_state is the state word the kernel passed
 * (5.18+); older kernels read it from prev, which is current here.
 */
static inline long lttng_state_index_bit(unsigned int index)
{
	return index ? 1L << (index - 1) : 0;
}

static inline long lttng_sched_switch_state(bool preempt,
					    struct task_struct *prev,
					    unsigned int prev_state)
{
#if defined(LTTNG_HAVE_TASK_STATE_INDEX_RAW) && \
	defined(LTTNG_HAVE_SCHED_SWITCH_PREV_STATE)
	if (preempt)
		return TASK_REPORT_MAX;
	return lttng_state_index_bit(__task_state_index(prev_state,
							prev->exit_state));
#elif defined(LTTNG_HAVE_TASK_STATE_INDEX)
	if (preempt)
		return TASK_REPORT_MAX;
	return lttng_state_index_bit(task_state_index(prev));
#elif defined(LTTNG_HAVE_GET_TASK_STATE)
	if (preempt)
		return TASK_REPORT_MAX;
	return lttng_state_index_bit(__get_task_state(prev));
#elif defined(LTTNG_HAVE_SCHED_SWITCH_PREEMPT)
	if (preempt)
		return TASK_RUNNING | TASK_STATE_MAX;
	return lttng_task_state(prev);
#else
	/*
	 * Before 4.4 the tracepoint did not say whether the switch was a
	 * preemption; the PREEMPT_ACTIVE bit of the preempt count did.
	 * 3.13-3.18 kept the outgoing task's count apart
	 * (task_preempt_count); otherwise prev is current and its count is
	 * preempt_count().
	 */
	long state = lttng_task_state(prev);

#if defined(CONFIG_PREEMPT) && defined(PREEMPT_ACTIVE)
#ifdef task_preempt_count
	if (task_preempt_count(prev) & PREEMPT_ACTIVE)
#else
	if (preempt_count() & PREEMPT_ACTIVE)
#endif
		state = TASK_RUNNING | TASK_STATE_MAX;
#endif
	return state;
#endif
}

/* ---- sched_switch: (prev, next) <4.4, preempt 4.4, prev_state 5.18 ---- */

#if defined(LTTNG_HAVE_SCHED_SWITCH_PREV_STATE)
#define LTTNG_SCHED_SWITCH_PROTO					\
	bool preempt, struct task_struct *prev, struct task_struct *next, \
	unsigned int prev_state
#define LTTNG_SCHED_SWITCH_ARGS		preempt, prev, next, prev_state
#define LTTNG_SCHED_SWITCH_STATE					\
	lttng_sched_switch_state(preempt, prev, prev_state)
#elif defined(LTTNG_HAVE_SCHED_SWITCH_PREEMPT)
#define LTTNG_SCHED_SWITCH_PROTO					\
	bool preempt, struct task_struct *prev, struct task_struct *next
#define LTTNG_SCHED_SWITCH_ARGS		preempt, prev, next
#define LTTNG_SCHED_SWITCH_STATE					\
	lttng_sched_switch_state(preempt, prev, 0)
#elif defined(LTTNG_HAVE_SCHED_SWITCH_PREV_NEXT)
#define LTTNG_SCHED_SWITCH_PROTO					\
	struct task_struct *prev, struct task_struct *next
#define LTTNG_SCHED_SWITCH_ARGS		prev, next
#define LTTNG_SCHED_SWITCH_STATE	lttng_sched_switch_state(false, prev, 0)
#else
#error "conftest: no sched-switch probe compiled (wrapper/features/required)"
#endif

/* ---- sched_wakeup family: success argument and field until 4.3 ---- */

#if defined(LTTNG_HAVE_SCHED_WAKEUP_TASK_ONLY)
#define LTTNG_SCHED_WAKEUP_PROTO	struct task_struct *p
#define LTTNG_SCHED_WAKEUP_ARGS		p
#define LTTNG_SCHED_WAKEUP_SUCCESS_FIELD
/* sched_waking came with the same change. */
#define LTTNG_SCHED_WAKING_INSTANCE(cls)				\
	LTTNG_EVENT_INSTANCE(cls, sched_waking)
#elif defined(LTTNG_HAVE_SCHED_WAKEUP_SUCCESS)
#define LTTNG_SCHED_WAKEUP_PROTO	struct task_struct *p, int success
#define LTTNG_SCHED_WAKEUP_ARGS		p, success
#define LTTNG_SCHED_WAKEUP_SUCCESS_FIELD	f_int(int, success, success)
#define LTTNG_SCHED_WAKING_INSTANCE(cls)
#else
#error "conftest: no sched-wakeup probe compiled (wrapper/features/required)"
#endif

/* ---- sched_pi_setprio: new priority until 4.12, then the donor task ---- */

#if defined(LTTNG_HAVE_SCHED_PI_SETPRIO_PI_TASK)
#define LTTNG_SCHED_PI_SETPRIO_PROTO					\
	struct task_struct *tsk, struct task_struct *pi_task
#define LTTNG_SCHED_PI_SETPRIO_ARGS	tsk, pi_task
/* Without a donor the task goes back to its own priority. */
#define LTTNG_SCHED_PI_NEWPRIO						\
	((pi_task ? pi_task->prio : tsk->prio) - MAX_RT_PRIO)
#elif defined(LTTNG_HAVE_SCHED_PI_SETPRIO_NEWPRIO)
#define LTTNG_SCHED_PI_SETPRIO_PROTO	struct task_struct *tsk, int newprio
#define LTTNG_SCHED_PI_SETPRIO_ARGS	tsk, newprio
#define LTTNG_SCHED_PI_NEWPRIO		(newprio - MAX_RT_PRIO)
#else
#error "conftest: no sched-pi-setprio probe compiled (wrapper/features/required)"
#endif

/* ---- sched_stat_runtime: vruntime argument and field until 6.8 ---- */

#if defined(LTTNG_HAVE_SCHED_STAT_RUNTIME_NO_VRUNTIME)
#define LTTNG_SCHED_STAT_RUNTIME_PROTO	struct task_struct *tsk, u64 runtime
#define LTTNG_SCHED_STAT_RUNTIME_ARGS	tsk, runtime
#define LTTNG_SCHED_STAT_RUNTIME_VRUNTIME_FIELD
#elif defined(LTTNG_HAVE_SCHED_STAT_RUNTIME_VRUNTIME)
#define LTTNG_SCHED_STAT_RUNTIME_PROTO					\
	struct task_struct *tsk, u64 runtime, u64 vruntime
#define LTTNG_SCHED_STAT_RUNTIME_ARGS	tsk, runtime, vruntime
#define LTTNG_SCHED_STAT_RUNTIME_VRUNTIME_FIELD				\
	f_int(u64, vruntime, vruntime)
#else
#error "conftest: no sched-stat-runtime probe compiled (wrapper/features/required)"
#endif

/* ---- sched_process_exit: group_dead argument since 6.16 ---- */

#if defined(LTTNG_HAVE_SCHED_PROCESS_EXIT_GROUP_DEAD)
#define LTTNG_SCHED_PROCESS_EXIT_PROTO	struct task_struct *p, bool group_dead
#define LTTNG_SCHED_PROCESS_EXIT_ARGS	p, group_dead
#elif defined(LTTNG_HAVE_SCHED_PROCESS_EXIT_TASK)
#define LTTNG_SCHED_PROCESS_EXIT_PROTO	struct task_struct *p
#define LTTNG_SCHED_PROCESS_EXIT_ARGS	p
#else
#error "conftest: no sched-process-exit probe compiled (wrapper/features/required)"
#endif

#endif
