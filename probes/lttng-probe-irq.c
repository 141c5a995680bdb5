// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-probe-irq: the events of instrumentation/events/irq.h.  The
 * kernel's <trace/events/irq.h> is included for its declarations only:
 * the generator checks each probe against the tracepoint's prototype.
 */
#include <linux/module.h>
#include <linux/interrupt.h>
#include <trace/events/irq.h>

#define LTTNG_PROVIDER		irq
#define LTTNG_EVENTS_FILE	<instrumentation/events/irq.h>
#include <probes/lttng-probe-gen.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("lttng-modules-ns developers");
MODULE_DESCRIPTION("LTTng interrupt probes (irq_handler_*, irq_softirq_* events)");
