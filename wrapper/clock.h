/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The trace clock: CLOCK_MONOTONIC in nanoseconds, readable from NMI, never
 * going backwards on one CPU.  Trace Compass and babeltrace2 correlate
 * kernel and lttng-ust traces through this clock, so it must be the
 * monotonic clock user space sees, not sched_clock.
 */
#ifndef LTTNG_WRAPPER_CLOCK_H
#define LTTNG_WRAPPER_CLOCK_H

#include <linux/ktime.h>
#include <linux/percpu.h>
#include <linux/hardirq.h>
#include <lttng/clock.h>
#include <wrapper/barrier.h>	/* READ_ONCE before 3.19 */
#ifdef LTTNG_HAVE_TIMEKEEPING_H
#include <linux/timekeeping.h>
#else
/*
 * Before 3.17 the timekeeping API was declared in <linux/hrtimer.h>, and
 * the u64 readers ktime_get_ns()/ktime_get_real_ns() did not exist yet:
 * provide them (the session records both clocks once, at start).
 */
#include <linux/hrtimer.h>

static inline u64 ktime_get_ns(void)
{
	return ktime_to_ns(ktime_get());
}

static inline u64 ktime_get_real_ns(void)
{
	return ktime_to_ns(ktime_get_real());
}
#endif

DECLARE_PER_CPU(u64, lttng_clock_last);

#ifdef LTTNG_HAVE_KTIME_GET_MONO_FAST_NS
/* Lock-free latch read: safe from NMI. */
static inline u64 lttng_clock_raw(void)
{
	return ktime_get_mono_fast_ns();
}
#define LTTNG_CLOCK_NMI_SAFE	1
#else
/*
 * Before 3.17 only the seqlock-protected ktime_get() exists; an NMI that
 * lands inside a timekeeping update would spin forever, so callers must
 * refuse to trace from NMI (lttng_clock_usable()).
 */
static inline u64 lttng_clock_raw(void)
{
	return ktime_to_ns(ktime_get());
}
#define LTTNG_CLOCK_NMI_SAFE	0
#endif

static inline bool lttng_clock_usable(void)
{
	return LTTNG_CLOCK_NMI_SAFE || !in_nmi();
}

/*
 * The fast clock may step back by a few ns when an NMI reads it during an
 * update.  Clamp per CPU so that timestamps within a stream never decrease.
 * Callers have preemption disabled.
 *
 * A clock plugin (include/lttng/clock.h), when one was registered before
 * lttng-tracer loaded, replaces all of it: its time is its own business,
 * in its own units.  The pointer cannot change while any channel exists.
 */
static inline u64 lttng_clock_read(void)
{
	struct lttng_trace_clock *plugin = READ_ONCE(lttng_clock_plugin);
	u64 now, last;

	if (unlikely(plugin))
		return plugin->read64();
	now = lttng_clock_raw();
	last = __this_cpu_read(lttng_clock_last);

	if (unlikely((s64)(now - last) < 0))
		return last;
	__this_cpu_write(lttng_clock_last, now);
	return now;
}

#endif
