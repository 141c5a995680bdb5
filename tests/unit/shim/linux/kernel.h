/* SPDX-License-Identifier: GPL-2.0-only */
/* User-space stand-in for <linux/kernel.h>, for the unit tests only. */
#ifndef LTTNG_SHIM_LINUX_KERNEL_H
#define LTTNG_SHIM_LINUX_KERNEL_H

#include <stdarg.h>
#include <stdio.h>
#include <linux/types.h>

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define __printf(a, b)	__attribute__((format(printf, a, b)))
#define min(a, b)	((a) < (b) ? (a) : (b))

#endif
