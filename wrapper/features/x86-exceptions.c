// SPDX-License-Identifier: GPL-2.0-only
/* The x86 page fault tracepoints, <asm/trace/exceptions.h> (3.13). */
#include <linux/ptrace.h>
#include <asm/trace/exceptions.h>
static void probe(void *data, unsigned long address, struct pt_regs *regs,
		  unsigned long error_code) { }
void ftr_check(void) { check_trace_callback_type_page_fault_user(probe); }
