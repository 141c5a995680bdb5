/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Session and trace UUIDs: uuid_t, uuid_gen() and uuid_copy() since 4.13;
 * before, the same 16 bytes as uuid_be and uuid_be_gen().  On those
 * kernels this header provides the modern names.
 */
#ifndef LTTNG_WRAPPER_UUID_H
#define LTTNG_WRAPPER_UUID_H

#include <linux/uuid.h>
#include <linux/string.h>

#ifndef LTTNG_HAVE_UUID_T
typedef uuid_be uuid_t;

static inline void uuid_gen(uuid_t *u)
{
	uuid_be_gen(u);
}

static inline void uuid_copy(uuid_t *dst, const uuid_t *src)
{
	memcpy(dst, src, sizeof(*dst));
}
#endif

#endif
