// SPDX-License-Identifier: GPL-2.0-only
/* sched_switch is (preempt, prev, next): from 4.4 until prev_state came in 5.18. */
#include <linux/sched.h>
#include <trace/events/sched.h>
static void probe(void *data, bool preempt, struct task_struct *prev,
		  struct task_struct *next) { }
void ftr_check(void) { check_trace_callback_type_sched_switch(probe); }
