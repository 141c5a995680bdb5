/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * SC_DO(abi, nr, name, (in), (out)) once for every described syscall of
 * both generated tables, abi 64 then 32: core/lttng-syscalls.c defines
 * SC_DO for each pass over the descriptions and includes this file.  The
 * field lists come parenthesised (their commas would split the macro's
 * arguments); SC_LIST() opens them.
 */
#define SC_LIST(...)			__VA_ARGS__
#define LTTNG_SC(nr, name, in, out)	SC_DO(64, nr, name, (in), (out))
#include "syscalls-64.gen.h"
#undef LTTNG_SC
#define LTTNG_SC(nr, name, in, out)	SC_DO(32, nr, name, (in), (out))
#include "syscalls-32.gen.h"
#undef LTTNG_SC
