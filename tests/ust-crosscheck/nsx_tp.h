/* SPDX-License-Identifier: GPL-2.0-only */
/* Tracepoint provider of the ust cross-check app (lttng-ust 2.13 API). */
#undef TRACEPOINT_PROVIDER
#define TRACEPOINT_PROVIDER nsx

#undef TRACEPOINT_INCLUDE
#define TRACEPOINT_INCLUDE "./nsx_tp.h"

#if !defined(NSX_TP_H) || defined(TRACEPOINT_HEADER_MULTI_READ)
#define NSX_TP_H

#include <lttng/tracepoint.h>

/*
 * One per thread: its ids as the initial namespaces' procfs gives them
 * (global), its pid-namespace level and inode, and the ids it knows itself
 * (getpid, gettid: in its own namespace).
 */
TRACEPOINT_EVENT(nsx, task,
	TP_ARGS(int, gtid, int, gpid, int, level, unsigned long, pidns,
		int, own_tid, int, own_pid),
	TP_FIELDS(
		ctf_integer(int, gtid, gtid)
		ctf_integer(int, gpid, gpid)
		ctf_integer(int, level, level)
		ctf_integer(unsigned long, pidns, pidns)
		ctf_integer(int, own_tid, own_tid)
		ctf_integer(int, own_pid, own_pid)
	)
)

#endif

#include <lttng/tracepoint-event.h>
