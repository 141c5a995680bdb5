/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The workqueue tracepoints whose prototypes changed: the type of
 * workqueue_queue_work's req_cpu (an int since 4.x, unsigned before) and
 * workqueue_execute_end's work function argument (5.6; upstream records
 * it as a field only where the kernel passes it).  Each decided by its
 * feature probe (wrapper/features/workqueue-*.c).
 */
#ifndef LTTNG_WRAPPER_WORKQUEUE_H
#define LTTNG_WRAPPER_WORKQUEUE_H

#include <linux/workqueue.h>

#if defined(LTTNG_HAVE_WORKQUEUE_QUEUE_WORK_INT_CPU)
#define LTTNG_WQ_REQ_CPU_T		int
#elif defined(LTTNG_HAVE_WORKQUEUE_QUEUE_WORK_UINT_CPU)
#define LTTNG_WQ_REQ_CPU_T		unsigned int
#else
#error "conftest: no workqueue_queue_work probe compiled (wrapper/features/required)"
#endif

#if defined(LTTNG_HAVE_WORKQUEUE_EXECUTE_END_FUNCTION)
#define LTTNG_WQ_EXECUTE_END_PROTO	struct work_struct *work, work_func_t function
#define LTTNG_WQ_EXECUTE_END_ARGS	work, function
#define LTTNG_WQ_EXECUTE_END_FUNCTION_FIELD				\
	f_hex(unsigned long, function, (unsigned long)function)
#elif defined(LTTNG_HAVE_WORKQUEUE_EXECUTE_END_WORK)
#define LTTNG_WQ_EXECUTE_END_PROTO	struct work_struct *work
#define LTTNG_WQ_EXECUTE_END_ARGS	work
#define LTTNG_WQ_EXECUTE_END_FUNCTION_FIELD
#else
#error "conftest: no workqueue_execute_end probe compiled (wrapper/features/required)"
#endif

#endif
