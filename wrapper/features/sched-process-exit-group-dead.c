// SPDX-License-Identifier: GPL-2.0-only
/* sched_process_exit gained a group_dead argument (6.16). */
#include <linux/sched.h>
#include <trace/events/sched.h>
static void probe(void *data, struct task_struct *p, bool group_dead) { }
void ftr_check(void) { check_trace_callback_type_sched_process_exit(probe); }
