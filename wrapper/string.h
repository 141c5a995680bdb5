/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * strscpy() (4.3): copy a NUL-terminated string into a bounded buffer,
 * always terminated, returning the length copied or -E2BIG on truncation.
 * Provided here on older kernels.
 */
#ifndef LTTNG_WRAPPER_STRING_H
#define LTTNG_WRAPPER_STRING_H

#include <linux/string.h>
#include <linux/errno.h>

#ifndef LTTNG_HAVE_STRSCPY
static inline ssize_t strscpy(char *dst, const char *src, size_t size)
{
	size_t len;

	if (!size)
		return -E2BIG;
	len = strnlen(src, size);
	if (len == size) {
		memcpy(dst, src, size - 1);
		dst[size - 1] = '\0';
		return -E2BIG;
	}
	memcpy(dst, src, len + 1);
	return len;
}
#endif

#endif
