/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * x86 page faults, from user and kernel mode, with upstream lttng-modules
 * 2.13's names (prefixed x86_exceptions_) and fields: the faulting
 * address, the instruction pointer, and the error code's low byte in hex
 * as upstream records it.  Since 3.13, wherever the kernel declares them
 * (wrapper/page-fault.h).  Read several times by probes/lttng-probe-gen.h:
 * no include guard.
 */
#ifdef LTTNG_PAGE_FAULT_EVENTS
LTTNG_EVENT_CLASS(x86_exceptions_page_fault,
	PROTO(unsigned long address, struct pt_regs *regs, unsigned long error_code),
	ARGS(address, regs, error_code),
	FIELDS(
		f_hex(unsigned long, address, address)
		f_hex(unsigned long, ip, regs->ip)
		f_hex(unsigned char, error_code, error_code)
	)
)

LTTNG_EVENT_INSTANCE_MAP(x86_exceptions_page_fault, page_fault_user,
			 x86_exceptions_page_fault_user)
LTTNG_EVENT_INSTANCE_MAP(x86_exceptions_page_fault, page_fault_kernel,
			 x86_exceptions_page_fault_kernel)
#endif
