// SPDX-License-Identifier: GPL-2.0-only
/*
 * Ordinary tracepoints call their probes under SRCU-fast, preemptible
 * (7.x; __DO_TRACE is gone).
 */
#include <linux/tracepoint.h>
void ftr_tracepoint_srcu_fast(void) { guard(srcu_fast_notrace)(&tracepoint_srcu); }
