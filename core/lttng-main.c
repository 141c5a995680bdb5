// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-tracer: the tracer core module.  The client modules that
 * lttng-sessiond loads by name depend on it, which is how it gets loaded;
 * it depends on lttng-lib-ring-buffer in turn.
 *
 * It pins the clock (a plugin registered before it loaded, or the
 * built-in one) for its whole life, as upstream's tracer does: every
 * channel, hence every timestamp the ring buffer library takes, belongs
 * to a session of this module, so no trace changes clocks.  Pinning in
 * the library instead would hold a plugin for good under lttng-tools
 * before 2.13.15, which never unloads the library.
 */
#include <linux/module.h>
#include <lttng/clock.h>
#include "tracer.h"

static int __init lttng_tracer_init(void)
{
	int ret;

	lttng_clock_ref();
	ret = lttng_abi_init();
	if (ret) {
		lttng_clock_unref();
		return ret;
	}
	ret = lttng_syscalls_init();
	if (ret) {
		lttng_abi_exit();
		lttng_clock_unref();
		return ret;
	}
	pr_info("lttng-tracer: %s %s (LTTng kernel ABI %d.%d)\n",
		LTTNG_FORK_NAME, LTTNG_FORK_VERSION, LTTNG_ABI_MAJOR,
		LTTNG_ABI_MINOR);
	return 0;
}
module_init(lttng_tracer_init);

static void __exit lttng_tracer_exit(void)
{
	lttng_syscalls_exit();
	lttng_abi_exit();
	lttng_clock_unref();
}
module_exit(lttng_tracer_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("lttng-modules-ns developers");
MODULE_DESCRIPTION("Container-aware LTTng kernel tracer core");
MODULE_VERSION(LTTNG_FORK_VERSION);
