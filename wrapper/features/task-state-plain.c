// SPDX-License-Identifier: GPL-2.0-only
/* The task state word is task_struct.state (until 5.14 renamed it __state). */
#include <linux/sched.h>
long ftr_state(struct task_struct *t) { return READ_ONCE(t->state); }
