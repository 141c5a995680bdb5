// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-lib-ring-buffer: the ring buffer library the tracer core and the
 * ring buffer clients use (include/lttng/ringbuffer.h), and the trace
 * clock's per-CPU state.  It is the bottom of the module stack: it uses
 * nothing of the other lttng modules, so lttng-sessiond can load it first
 * (2.13.15 and later require it by name) and it unloads last.  Only
 * lttng-clock is below it: the library reads the clock plugin's pointer,
 * which lttng-tracer pins for as long as any channel can exist.
 */
#include <linux/module.h>
#include <linux/percpu.h>
#include <wrapper/clock.h>

/* Last timestamp handed out per CPU (wrapper/clock.h). */
DEFINE_PER_CPU(u64, lttng_clock_last);
EXPORT_PER_CPU_SYMBOL_GPL(lttng_clock_last);

static int __init lttng_rb_init(void)
{
	return 0;
}
module_init(lttng_rb_init);

static void __exit lttng_rb_exit(void)
{
}
module_exit(lttng_rb_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("lttng-modules-ns developers");
MODULE_DESCRIPTION("LTTng ring buffer library and trace clock");
