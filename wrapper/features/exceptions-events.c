// SPDX-License-Identifier: GPL-2.0-only
/* The page fault tracepoints moved to <trace/events/exceptions.h> (7.x). */
#include <linux/ptrace.h>
#include <trace/events/exceptions.h>
static void probe(void *data, unsigned long address, struct pt_regs *regs,
		  unsigned long error_code) { }
void ftr_check(void) { check_trace_callback_type_page_fault_user(probe); }
