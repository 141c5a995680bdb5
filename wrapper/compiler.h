/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Compiler attributes the older kernels do not define.
 */
#ifndef LTTNG_WRAPPER_COMPILER_H
#define LTTNG_WRAPPER_COMPILER_H

#include <linux/compiler.h>

/*
 * __uninitialized (linux/compiler_attributes.h, not in 3.x): a local the
 * record path fills before it reads it (a reservation), left out of
 * CONFIG_INIT_STACK_ALL_ZERO's zeroing, which would cost every record a
 * store per word.  Without the attribute the local is zeroed: the same
 * behaviour, slower.
 */
#ifndef __uninitialized
#define __uninitialized
#endif

#endif
