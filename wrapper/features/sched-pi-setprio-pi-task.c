// SPDX-License-Identifier: GPL-2.0-only
/* sched_pi_setprio passes the donor task instead of the new priority (4.12). */
#include <linux/sched.h>
#include <trace/events/sched.h>
static void probe(void *data, struct task_struct *tsk, struct task_struct *pi_task) { }
void ftr_check(void) { check_trace_callback_type_sched_pi_setprio(probe); }
