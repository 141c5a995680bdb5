// SPDX-License-Identifier: GPL-2.0-only
/* sched_stat_runtime passes runtime and vruntime (until 6.8). */
#include <linux/sched.h>
#include <trace/events/sched.h>
static void probe(void *data, struct task_struct *tsk, u64 runtime, u64 vruntime) { }
void ftr_check(void) { check_trace_callback_type_sched_stat_runtime(probe); }
