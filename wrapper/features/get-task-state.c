// SPDX-License-Identifier: GPL-2.0-only
/* __get_task_state() was the name of task_state_index() in 4.14 only. */
#include <linux/sched.h>
unsigned int ftr_state_index(struct task_struct *t) { return __get_task_state(t); }
