// SPDX-License-Identifier: GPL-2.0-only
/* The signal tracepoints pass a struct kernel_siginfo (4.20), not a siginfo. */
#include <linux/signal.h>
int ftr_errno(struct kernel_siginfo *i) { return i->si_errno; }
