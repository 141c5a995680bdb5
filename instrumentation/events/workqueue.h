/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Workqueues: a work item queued, activated, started and finished, with
 * upstream lttng-modules 2.13's fields (the work item's and its
 * function's addresses; the pool_workqueue the kernel passes, declared
 * by <trace/events/workqueue.h>, is private to kernel/workqueue.c and
 * never read).  Read several times by
 * probes/lttng-probe-gen.h: no include guard.
 */
#include <linux/workqueue.h>
#include <wrapper/workqueue.h>

LTTNG_EVENT(workqueue_queue_work,
	PROTO(LTTNG_WQ_REQ_CPU_T req_cpu, struct pool_workqueue *pwq,
	      struct work_struct *work),
	ARGS(req_cpu, pwq, work),
	FIELDS(
		f_hex(unsigned long, work, (unsigned long)work)
		f_hex(unsigned long, function, (unsigned long)work->func)
		f_int(int, req_cpu, req_cpu)
	)
)

LTTNG_EVENT_CLASS(workqueue_work,
	PROTO(struct work_struct *work),
	ARGS(work),
	FIELDS(
		f_hex(unsigned long, work, (unsigned long)work)
	)
)

LTTNG_EVENT_INSTANCE(workqueue_work, workqueue_activate_work)

LTTNG_EVENT(workqueue_execute_start,
	PROTO(struct work_struct *work),
	ARGS(work),
	FIELDS(
		f_hex(unsigned long, work, (unsigned long)work)
		f_hex(unsigned long, function, (unsigned long)work->func)
	)
)

/*
 * The work item may be freed by now: its address is recorded, and the
 * function where the kernel passes it.
 */
LTTNG_EVENT(workqueue_execute_end,
	PROTO(LTTNG_WQ_EXECUTE_END_PROTO),
	ARGS(LTTNG_WQ_EXECUTE_END_ARGS),
	FIELDS(
		f_hex(unsigned long, work, (unsigned long)work)
		LTTNG_WQ_EXECUTE_END_FUNCTION_FIELD
	)
)
