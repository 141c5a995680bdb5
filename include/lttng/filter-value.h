/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The values a probe hands to its event's filter (core/lttng-filter.h),
 * shared by the filter interpreter and the generated probes.
 */
#ifndef LTTNG_FILTER_VALUE_H
#define LTTNG_FILTER_VALUE_H

#include <linux/types.h>

/* Most distinct context fields one filter may read. */
#define LTTNG_FILTER_CTX_SLOTS	8

/*
 * One field's value, as the probe hands it to lttng_filter_run():
 *   integer and enumeration fields: .i, sign- or zero-extended;
 *   string fields, and byte arrays/sequences with a text encoding: .s,
 *   the bytes and how many of them at most (the string stops earlier at
 *   a NUL; (size_t)-1 for a NUL-terminated string).
 */
struct lttng_filter_value {
	union {
		s64 i;
		struct {
			const char *p;
			size_t len;
		} s;
	};
};

#endif
