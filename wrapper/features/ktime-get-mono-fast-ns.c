// SPDX-License-Identifier: GPL-2.0-only
/* NMI-safe CLOCK_MONOTONIC read (3.17). */
#include <linux/ktime.h>
u64 ftr_clock(void) { return ktime_get_mono_fast_ns(); }
