// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-probe-statedump: the statedump events
 * (instrumentation/events/lttng-statedump.h).  lttng-sessiond loads it
 * by name; its descriptions name the attach/detach hooks of the
 * lttng-statedump module, so loading this one loads the walker too.
 */
#include <linux/module.h>
#include <linux/kernel.h>

#define LTTNG_PROVIDER		lttng_statedump
#define LTTNG_EVENTS_FILE	<instrumentation/events/lttng-statedump.h>
#include <probes/lttng-probe-gen.h>

/*
 * The walker calls every probe through lttng_sd_probe_t; a class whose
 * generated probe had another type would be called with the wrong
 * arguments, so make that a build error.
 */
#define LTTNG_SD_CHECK(cls)						\
	BUILD_BUG_ON(!__same_type(&__lttng_probe_##cls, lttng_sd_probe_t))

static inline __attribute__((unused)) void lttng_sd_typecheck(void)
{
	LTTNG_SD_CHECK(lttng_statedump_start);
	LTTNG_SD_CHECK(lttng_statedump_end);
	LTTNG_SD_CHECK(lttng_statedump_process_state);
	LTTNG_SD_CHECK(lttng_statedump_process_pid_ns);
	LTTNG_SD_CHECK(lttng_statedump_process_user_ns);
#ifdef LTTNG_NS_CGROUP
	LTTNG_SD_CHECK(lttng_statedump_process_cgroup_ns);
#endif
	LTTNG_SD_CHECK(lttng_statedump_process_ipc_ns);
	LTTNG_SD_CHECK(lttng_statedump_process_mnt_ns);
	LTTNG_SD_CHECK(lttng_statedump_process_net_ns);
	LTTNG_SD_CHECK(lttng_statedump_process_uts_ns);
#ifdef LTTNG_NS_TIME
	LTTNG_SD_CHECK(lttng_statedump_process_time_ns);
#endif
	LTTNG_SD_CHECK(lttng_statedump_file_descriptor);
	LTTNG_SD_CHECK(lttng_statedump_network_interface);
#ifdef LTTNG_SD_BLOCK_DEVICE
	LTTNG_SD_CHECK(lttng_statedump_block_device);
#endif
#ifdef LTTNG_SD_INTERRUPT
	LTTNG_SD_CHECK(lttng_statedump_interrupt);
#endif
#ifdef LTTNG_SD_CPU_TOPOLOGY
	LTTNG_SD_CHECK(lttng_statedump_cpu_topology);
#endif
}

MODULE_LICENSE("GPL");
MODULE_AUTHOR("lttng-modules-ns developers");
MODULE_DESCRIPTION("LTTng statedump event descriptions");
