/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the signal events read of the signal tracepoints: the siginfo
 * type they pass (struct kernel_siginfo since 4.20, struct siginfo
 * before), and its errno and code as the kernel's own events report them
 * (no siginfo at all for a signal sent by a user or by the kernel).
 */
#ifndef LTTNG_WRAPPER_SIGNAL_H
#define LTTNG_WRAPPER_SIGNAL_H

#include <linux/sched.h>
#include <linux/signal.h>
#ifdef LTTNG_HAVE_SCHED_SIGNAL_H
#include <linux/sched/signal.h>	/* SEND_SIG_*, out of sched.h in 4.11 */
#endif

#if defined(LTTNG_HAVE_KERNEL_SIGINFO)
typedef struct kernel_siginfo lttng_siginfo_t;
#elif defined(LTTNG_HAVE_SIGINFO)
typedef struct siginfo lttng_siginfo_t;
#else
#error "conftest: no siginfo probe compiled (wrapper/features/required)"
#endif

static inline int lttng_siginfo_errno(const lttng_siginfo_t *info)
{
	if (info == SEND_SIG_NOINFO || info == SEND_SIG_PRIV)
		return 0;
	return info->si_errno;
}

static inline int lttng_siginfo_code(const lttng_siginfo_t *info)
{
	if (info == SEND_SIG_NOINFO)
		return SI_USER;
	if (info == SEND_SIG_PRIV)
		return SI_KERNEL;
	return info->si_code;
}

#endif
