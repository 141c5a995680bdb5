// SPDX-License-Identifier: GPL-2.0-only
/* sched_wakeup/sched_wakeup_new lost their success argument, sched_waking came (4.3). */
#include <linux/sched.h>
#include <trace/events/sched.h>
static void probe(void *data, struct task_struct *p) { }
void ftr_check(void)
{
	check_trace_callback_type_sched_wakeup(probe);
	check_trace_callback_type_sched_waking(probe);
}
