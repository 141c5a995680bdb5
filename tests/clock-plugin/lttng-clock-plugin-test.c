// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-clock-plugin-test: the clock plugin lttng-tools' regression test
 * test_clock_override loads (by this name) before the session daemon.
 * It expects, in the trace's metadata, this name, uuid, description and
 * a 1 kHz frequency, and every event of the trace at the same time: the
 * clock stands still at 0.
 */
#include <linux/module.h>
#include <linux/string.h>
#include <lttng/clock.h>

static u64 frozen_read(void)
{
	return 0;
}

static u64 frozen_freq(void)
{
	return 1000;
}

static int frozen_uuid(char *uuid)
{
	static const char id[LTTNG_MODULES_UUID_STR_LEN] =
		"83c63deb-7aa4-48fb-abda-946f400d76e6";

	memcpy(uuid, id, sizeof(id));
	return 0;
}

static const char *frozen_name(void)
{
	return "lttng_test_clock_override";
}

static const char *frozen_description(void)
{
	return "Freeze time with 1KHz for regression test";
}

static struct lttng_trace_clock frozen_clock = {
	.read64 = frozen_read,
	.freq = frozen_freq,
	.uuid = frozen_uuid,
	.name = frozen_name,
	.description = frozen_description,
};

static int __init clock_plugin_test_init(void)
{
	return lttng_clock_register_plugin(&frozen_clock, THIS_MODULE);
}
module_init(clock_plugin_test_init);

static void __exit clock_plugin_test_exit(void)
{
	lttng_clock_unregister_plugin(&frozen_clock, THIS_MODULE);
}
module_exit(clock_plugin_test_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("lttng-modules-ns developers");
MODULE_DESCRIPTION("LTTng test clock plugin: a clock frozen at 0, 1 kHz");
