// SPDX-License-Identifier: GPL-2.0-only
/*
 * Syscall tracepoints that may fault (6.13): sys_enter/sys_exit probes
 * then run with preemption enabled, under RCU tasks trace.
 */
#include <linux/tracepoint.h>
#ifndef DEFINE_TRACE_SYSCALL
#error "syscall tracepoints run with preemption disabled"
#endif
int ftr_tracepoint_syscall_faultable(void) { return 0; }
