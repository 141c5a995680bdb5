// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-probe-workqueue: the events of instrumentation/events/workqueue.h.  The
 * kernel's <trace/events/workqueue.h> is included for its declarations only:
 * the generator checks each probe against the tracepoint's prototype.
 */
#include <linux/module.h>
#include <linux/workqueue.h>
/* 3.x's header names it only inside a prototype: declare it first. */
struct pool_workqueue;
#include <trace/events/workqueue.h>

#define LTTNG_PROVIDER		workqueue
#define LTTNG_EVENTS_FILE	<instrumentation/events/workqueue.h>
#include <probes/lttng-probe-gen.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("lttng-modules-ns developers");
MODULE_DESCRIPTION("LTTng workqueue probes (workqueue_* events)");
