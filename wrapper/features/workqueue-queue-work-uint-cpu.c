// SPDX-License-Identifier: GPL-2.0-only
/* workqueue_queue_work's req_cpu, an unsigned int up to 4.x. */
#include <linux/workqueue.h>
struct pool_workqueue;
#include <trace/events/workqueue.h>
static void probe(void *data, unsigned int req_cpu, struct pool_workqueue *pwq,
		  struct work_struct *work) { }
void ftr_check(void) { check_trace_callback_type_workqueue_queue_work(probe); }
