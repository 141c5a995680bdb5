/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Forgets every field macro of the generated syscall descriptions
 * (SC_INT, SC_STR, ...), after a pass of core/lttng-syscalls.c over them,
 * so that the next pass defines them all anew.  Included several times:
 * no include guard.
 */
#undef SC_INT
#undef SC_HEX
#undef SC_STR
#undef SC_UINT
#undef SC_UARRAY
#undef SC_SOCKADDR
#undef SC_ZERO
#undef SC_FDSETS
#undef SC_RET
#undef SC_RET_HEX
