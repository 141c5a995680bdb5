// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-probe-printk: the events of instrumentation/events/printk.h.  The
 * kernel's tracepoint header is included for its declarations only: the
 * generator checks each probe against the tracepoint's prototype.
 */
#include <linux/module.h>
#include <trace/events/printk.h>

#define LTTNG_PROVIDER		printk
#define LTTNG_EVENTS_FILE	<instrumentation/events/printk.h>
#include <probes/lttng-probe-gen.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("lttng-modules-ns developers");
MODULE_DESCRIPTION("LTTng console message probe (printk_console)");
