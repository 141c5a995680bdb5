// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-probe-module: the events of instrumentation/events/module.h.  The
 * kernel's <trace/events/module.h> is included for its declarations only:
 * the generator checks each probe against the tracepoint's prototype.
 */
#include <linux/module.h>
#include <trace/events/module.h>

#define LTTNG_PROVIDER		module
#define LTTNG_EVENTS_FILE	<instrumentation/events/module.h>
#include <probes/lttng-probe-gen.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("lttng-modules-ns developers");
MODULE_DESCRIPTION("LTTng module probes (module_* events)");
