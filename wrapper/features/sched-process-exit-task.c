// SPDX-License-Identifier: GPL-2.0-only
/* sched_process_exit passes only the task (until 6.16 added group_dead). */
#include <linux/sched.h>
#include <trace/events/sched.h>
static void probe(void *data, struct task_struct *p) { }
void ftr_check(void) { check_trace_callback_type_sched_process_exit(probe); }
