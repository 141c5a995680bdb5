// SPDX-License-Identifier: GPL-2.0-only
/* workqueue_execute_end passed only the work item before 5.6. */
#include <linux/workqueue.h>
struct pool_workqueue;
#include <trace/events/workqueue.h>
static void probe(void *data, struct work_struct *work) { }
void ftr_check(void) { check_trace_callback_type_workqueue_execute_end(probe); }
