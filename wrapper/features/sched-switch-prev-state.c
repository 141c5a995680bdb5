// SPDX-License-Identifier: GPL-2.0-only
/* sched_switch gained a trailing prev_state argument (5.18). */
#include <linux/sched.h>
#include <trace/events/sched.h>
static void probe(void *data, bool preempt, struct task_struct *prev,
		  struct task_struct *next, unsigned int prev_state) { }
void ftr_check(void) { check_trace_callback_type_sched_switch(probe); }
