// SPDX-License-Identifier: GPL-2.0-only
/* <linux/timekeeping.h> and ktime_get_ns() (3.17); before, hrtimer.h declared ktime_get(). */
#include <linux/ktime.h>
#include <linux/timekeeping.h>
u64 ftr_ns(void) { return ktime_get_ns() + ktime_get_real_ns(); }
