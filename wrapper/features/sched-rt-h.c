// SPDX-License-Identifier: GPL-2.0-only
/* MAX_RT_PRIO and the rt helpers live in <linux/sched/rt.h> (3.9). */
#include <linux/sched.h>
#include <linux/sched/rt.h>
int ftr_max_rt_prio(void) { return MAX_RT_PRIO; }
