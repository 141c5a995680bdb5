// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-probe-x86-exceptions: the events of instrumentation/events/x86-exceptions.h.  The
 * kernel's tracepoint header is included for its declarations only: the
 * generator checks each probe against the tracepoint's prototype.
 */
#include <linux/module.h>
#include <wrapper/page-fault.h>

#define LTTNG_PROVIDER		x86_exceptions
#define LTTNG_EVENTS_FILE	<instrumentation/events/x86-exceptions.h>
#include <probes/lttng-probe-gen.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("lttng-modules-ns developers");
MODULE_DESCRIPTION("LTTng x86 page fault probes (x86_exceptions_* events)");
