/* SPDX-License-Identifier: GPL-2.0-only */
/* CPU hotplug exclusion: get_online_cpus() was renamed cpus_read_lock() (4.13). */
#ifndef LTTNG_WRAPPER_CPU_H
#define LTTNG_WRAPPER_CPU_H

#include <linux/cpu.h>

#ifdef LTTNG_HAVE_CPUS_READ_LOCK
static inline void lttng_cpus_read_lock(void) { cpus_read_lock(); }
static inline void lttng_cpus_read_unlock(void) { cpus_read_unlock(); }
#else
static inline void lttng_cpus_read_lock(void) { get_online_cpus(); }
static inline void lttng_cpus_read_unlock(void) { put_online_cpus(); }
#endif

#endif
