// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-probe-power: the events of instrumentation/events/power.h.  The
 * kernel's tracepoint header is included for its declarations only: the
 * generator checks each probe against the tracepoint's prototype.
 */
#include <linux/module.h>
#include <trace/events/power.h>

#define LTTNG_PROVIDER		power
#define LTTNG_EVENTS_FILE	<instrumentation/events/power.h>
#include <probes/lttng-probe-gen.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("lttng-modules-ns developers");
MODULE_DESCRIPTION("LTTng power management probes (power_* events)");
