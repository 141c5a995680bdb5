/* SPDX-License-Identifier: GPL-2.0-only */
/* User-space stand-in for <linux/math64.h>, for the unit tests only. */
#ifndef LTTNG_SHIM_LINUX_MATH64_H
#define LTTNG_SHIM_LINUX_MATH64_H

#include <linux/types.h>

/* Truncating division, as the kernel's. */
static inline s64 div_s64_rem(s64 dividend, s32 divisor, s32 *remainder)
{
	*remainder = (s32)(dividend % divisor);
	return dividend / divisor;
}

static inline s64 div64_s64(s64 dividend, s64 divisor)
{
	return dividend / divisor;
}

#endif
