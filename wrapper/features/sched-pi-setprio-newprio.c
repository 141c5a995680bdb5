// SPDX-License-Identifier: GPL-2.0-only
/* sched_pi_setprio passes the new priority (before 4.12 passed the donor). */
#include <linux/sched.h>
#include <trace/events/sched.h>
static void probe(void *data, struct task_struct *tsk, int newprio) { }
void ftr_check(void) { check_trace_callback_type_sched_pi_setprio(probe); }
