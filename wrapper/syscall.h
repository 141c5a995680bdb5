/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What a sys_enter/sys_exit probe needs from the kernel: the arguments
 * and number of the current syscall, whether it is a 32-bit one, and the
 * scheduling state the record path expects.
 */
#ifndef LTTNG_WRAPPER_SYSCALL_H
#define LTTNG_WRAPPER_SYSCALL_H

#include <linux/compat.h>
#include <linux/preempt.h>
#include <linux/ptrace.h>
#include <asm/syscall.h>

/*
 * The six argument registers of an x86-64 syscall, read from the saved
 * registers directly: syscall_get_arguments() changed its signature
 * (5.1) and costs a copy loop; the registers are the ABI and do not move.
 * Still valid at sys_exit, where only ax holds the return value.
 */
static inline void lttng_syscall_args(const struct pt_regs *regs,
				      unsigned long *args)
{
	args[0] = regs->di;
	args[1] = regs->si;
	args[2] = regs->dx;
	args[3] = regs->r10;
	args[4] = regs->r8;
	args[5] = regs->r9;
}

/*
 * A 32-bit task's six arguments (int 0x80, sysenter, syscall from compat
 * mode all save them alike): ebx, ecx, edx, esi, edi, ebp, zero-extended
 * as the kernel's compat wrappers read them.
 */
static inline void lttng_syscall_compat_args(const struct pt_regs *regs,
					     unsigned long *args)
{
	args[0] = (u32)regs->bx;
	args[1] = (u32)regs->cx;
	args[2] = (u32)regs->dx;
	args[3] = (u32)regs->si;
	args[4] = (u32)regs->di;
	args[5] = (u32)regs->bp;
}

/*
 * Argument @i alone, of the 64-bit (@compat false) or 32-bit ABI: where
 * each keeps it in pt_regs, for a record that reads a few arguments and
 * need not copy all six.
 */
static const unsigned short lttng_syscall_arg_off[2][6] = {
	{ offsetof(struct pt_regs, di), offsetof(struct pt_regs, si),
	  offsetof(struct pt_regs, dx), offsetof(struct pt_regs, r10),
	  offsetof(struct pt_regs, r8), offsetof(struct pt_regs, r9) },
	{ offsetof(struct pt_regs, bx), offsetof(struct pt_regs, cx),
	  offsetof(struct pt_regs, dx), offsetof(struct pt_regs, si),
	  offsetof(struct pt_regs, di), offsetof(struct pt_regs, bp) },
};

static inline unsigned long lttng_syscall_arg(const struct pt_regs *regs,
					      unsigned int i, bool compat)
{
	unsigned long v = *(const unsigned long *)((const char *)regs +
					lttng_syscall_arg_off[compat][i]);

	return compat ? (u32)v : v;
}

static inline long lttng_syscall_nr(struct pt_regs *regs)
{
	return syscall_get_nr(current, regs);
}

static inline bool lttng_syscall_compat(void)
{
#if defined(LTTNG_HAVE_IN_COMPAT_SYSCALL)
	return in_compat_syscall();
#elif defined(CONFIG_COMPAT)
	return is_compat_task();
#else
	return false;
#endif
}

/*
 * Our ring buffer writes per-CPU state: its writers need preemption
 * disabled.  Syscall tracepoints gave that until they became faultable
 * (6.13); there the probe disables it itself, and not elsewhere, so that
 * the preemptible context keeps reading the traced code's state.
 */
#ifdef LTTNG_HAVE_TRACEPOINT_SYSCALL_FAULTABLE
#define lttng_syscall_probe_begin()	preempt_disable_notrace()
#define lttng_syscall_probe_end()	preempt_enable_notrace()
#else
#define lttng_syscall_probe_begin()	do { } while (0)
#define lttng_syscall_probe_end()	do { } while (0)
#endif

#endif
