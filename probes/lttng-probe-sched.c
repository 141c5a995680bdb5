// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-probe-sched: the scheduler events (instrumentation/events/sched.h).
 *
 * <trace/events/sched.h> is included only for its declarations: the
 * generator checks every probe against the kernel's tracepoint prototype
 * (check_trace_callback_type_*), so a prototype change is a build error
 * instead of a probe called with the wrong arguments.
 */
#include <linux/module.h>
#include <linux/sched.h>
#include <trace/events/sched.h>

#define LTTNG_PROVIDER		sched
#define LTTNG_EVENTS_FILE	<instrumentation/events/sched.h>
#include <probes/lttng-probe-gen.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("lttng-modules-ns developers");
MODULE_DESCRIPTION("LTTng scheduler probes (sched_* events)");
