// SPDX-License-Identifier: GPL-2.0-only
/*
 * The task state word is task_struct.state (until 5.14 renamed it
 * __state).  Read plainly: READ_ONCE() is 3.19, and wrapper/barrier.h
 * provides it to the shim on older kernels, not to probes.
 */
#include <linux/sched.h>
long ftr_state(struct task_struct *t) { return t->state; }
