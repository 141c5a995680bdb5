/* SPDX-License-Identifier: GPL-2.0-only */
/* User-space stand-in for <linux/errno.h>, for the unit tests only. */
#ifndef LTTNG_SHIM_LINUX_ERRNO_H
#define LTTNG_SHIM_LINUX_ERRNO_H

/*
 * glibc's <errno.h> reaches the UAPI <linux/errno.h>, which this file
 * shadows: forward to it so the E* constants exist either way.
 */
#include_next <linux/errno.h>
#include <errno.h>

#endif
