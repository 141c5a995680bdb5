/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Signals: one generated (sent) and one delivered, with upstream
 * lttng-modules 2.13's fields.  errno and code come from the siginfo as
 * the kernel's own events read them (wrapper/signal.h); for
 * signal_generate, comm and pid are the target task's, result what
 * became of the signal (delivered, ignored, already pending, ...).  Read
 * several times by probes/lttng-probe-gen.h: no include guard.
 */
#include <wrapper/signal.h>

LTTNG_EVENT(signal_generate,
	PROTO(int sig, lttng_siginfo_t *info, struct task_struct *task,
	      int group, int result),
	ARGS(sig, info, task, group, result),
	FIELDS(
		f_int(int, sig, sig)
		f_int(int, errno, lttng_siginfo_errno(info))
		f_int(int, code, lttng_siginfo_code(info))
		f_text(comm, task->comm, TASK_COMM_LEN)
		f_int(pid_t, pid, task->pid)
		f_int(int, group, group)
		f_int(int, result, result)
	)
)

/* In the receiving task, as its handler (or default action) is run. */
LTTNG_EVENT(signal_deliver,
	PROTO(int sig, lttng_siginfo_t *info, struct k_sigaction *ka),
	ARGS(sig, info, ka),
	FIELDS(
		f_int(int, sig, sig)
		f_int(int, errno, lttng_siginfo_errno(info))
		f_int(int, code, lttng_siginfo_code(info))
		f_int(unsigned long, sa_handler, (unsigned long)ka->sa.sa_handler)
		f_int(unsigned long, sa_flags, ka->sa.sa_flags)
	)
)
