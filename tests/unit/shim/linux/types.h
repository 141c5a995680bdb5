/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * User-space stand-in for <linux/types.h>, for the unit tests only.
 * 64-bit types are spelled long long as in the kernel, so that "%llu"
 * format strings are right in both builds.
 */
#ifndef LTTNG_SHIM_LINUX_TYPES_H
#define LTTNG_SHIM_LINUX_TYPES_H

/*
 * System headers (sys/stat.h, errno.h) include the UAPI <linux/types.h>,
 * which this file shadows, so pull it in too for __u32 and friends.
 */
#include_next <linux/types.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef unsigned long long u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef long long s64;

struct list_head {
	struct list_head *next, *prev;
};

#endif
