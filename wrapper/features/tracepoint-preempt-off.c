// SPDX-License-Identifier: GPL-2.0-only
/*
 * Ordinary tracepoints call their probes with preemption disabled
 * (__DO_TRACE, from 2.6.37 to 6.12 at least).
 */
#include <linux/tracepoint.h>
#ifndef __DO_TRACE
#error "no __DO_TRACE: tracepoints call their probes some other way"
#endif
int ftr_tracepoint_preempt_off(void) { return 0; }
