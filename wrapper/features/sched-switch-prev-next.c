// SPDX-License-Identifier: GPL-2.0-only
/* sched_switch is (prev, next): before 4.4 added preempt. */
#include <linux/sched.h>
#include <trace/events/sched.h>
static void probe(void *data, struct task_struct *prev, struct task_struct *next) { }
void ftr_check(void) { check_trace_callback_type_sched_switch(probe); }
