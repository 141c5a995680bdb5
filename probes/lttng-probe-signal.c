// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-probe-signal: the events of instrumentation/events/signal.h.  The
 * kernel's <trace/events/signal.h> is included for its declarations only:
 * the generator checks each probe against the tracepoint's prototype.
 */
#include <linux/module.h>
#include <trace/events/signal.h>

#define LTTNG_PROVIDER		signal
#define LTTNG_EVENTS_FILE	<instrumentation/events/signal.h>
#include <probes/lttng-probe-gen.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("lttng-modules-ns developers");
MODULE_DESCRIPTION("LTTng signal probes (signal_generate, signal_deliver)");
