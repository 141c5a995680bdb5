// SPDX-License-Identifier: GPL-2.0-only
/* task_state_index() maps a task's state to its reported index (4.15). */
#include <linux/sched.h>
unsigned int ftr_state_index(struct task_struct *t) { return task_state_index(t); }
