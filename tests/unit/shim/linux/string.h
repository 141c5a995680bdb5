/* SPDX-License-Identifier: GPL-2.0-only */
/* User-space stand-in for <linux/string.h>, for the unit tests only. */
#ifndef LTTNG_SHIM_LINUX_STRING_H
#define LTTNG_SHIM_LINUX_STRING_H

#include <string.h>

#endif
