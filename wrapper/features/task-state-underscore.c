// SPDX-License-Identifier: GPL-2.0-only
/* task_struct.state became __state (5.14). */
#include <linux/sched.h>
unsigned int ftr_state(struct task_struct *t) { return READ_ONCE(t->__state); }
