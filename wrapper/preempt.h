/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Scheduling state of the traced code, as seen from inside a probe, for
 * the preemptible and migratable contexts.  LTTNG_SCHED_<NAME> is defined
 * only where the kernel keeps the state we need; elsewhere the context is
 * unavailable rather than wrong.
 */
#ifndef LTTNG_WRAPPER_PREEMPT_H
#define LTTNG_WRAPPER_PREEMPT_H

#include <linux/preempt.h>
#include <linux/sched.h>
#ifdef LTTNG_HAVE_SCHED_RT_H
#include <linux/sched/rt.h>	/* MAX_RT_PRIO (prio context), 3.9-3.18 */
#endif

#ifdef LTTNG_HAVE_PREEMPT_COUNT
/*
 * The tracer itself raises the preempt count once before a probe runs:
 * the tracepoint disables preemption around its probes, or where it no
 * longer does (7.x) the probe itself (lttng_probe_begin() in
 * wrapper/tracepoint.h); the record path adds nothing.  The traced code was preemptible if that is all
 * there is: no preempt_disable() of its own, and no softirq, hardirq or
 * NMI context, whose bits are part of preempt_count() too.
 */
#define LTTNG_TRACER_PREEMPT_NESTING	1

static inline bool lttng_traced_code_preemptible(void)
{
	return preempt_count() == LTTNG_TRACER_PREEMPT_NESTING;
}
#define LTTNG_SCHED_PREEMPTIBLE	1
#endif

#ifdef LTTNG_HAVE_TASK_MIGRATION_DISABLED
/*
 * Not inside a migrate_disable() section.  The preemption the tracer
 * disabled around the probe does not count: it is not the traced code's.
 */
static inline bool lttng_current_migratable(void)
{
	return !current->migration_disabled;
}
#define LTTNG_SCHED_MIGRATABLE	1
#endif

#endif
