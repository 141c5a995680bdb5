/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Single-copy accesses and acquire/release ordering: READ_ONCE() and
 * WRITE_ONCE() came in 3.19 (ACCESS_ONCE() before, removed in 4.15),
 * smp_load_acquire() and smp_store_release() in 3.14.  These are macros,
 * so the target's own headers answer directly (#ifndef) and no probe is
 * needed; on older kernels this header provides the modern names with
 * the same guarantees for the aligned scalars the tracer uses them on.
 */
#ifndef LTTNG_WRAPPER_BARRIER_H
#define LTTNG_WRAPPER_BARRIER_H

#include <linux/compiler.h>
#include <asm/barrier.h>

#ifndef READ_ONCE
#define READ_ONCE(x)		ACCESS_ONCE(x)
#endif
#ifndef WRITE_ONCE
#define WRITE_ONCE(x, val)	do { ACCESS_ONCE(x) = (val); } while (0)
#endif

#ifndef smp_load_acquire
#define smp_load_acquire(p)						\
({									\
	typeof(*(p)) ___v = ACCESS_ONCE(*(p));				\
	smp_mb();							\
	___v;								\
})
#endif
#ifndef smp_store_release
#define smp_store_release(p, v)						\
do {									\
	smp_mb();							\
	ACCESS_ONCE(*(p)) = (v);					\
} while (0)
#endif

#endif
