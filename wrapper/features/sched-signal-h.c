// SPDX-License-Identifier: GPL-2.0-only
/* Task iteration helpers moved to <linux/sched/signal.h> (4.11). */
#include <linux/sched/signal.h>
int ftr_thread_count(struct task_struct *t) { return get_nr_threads(t); }
