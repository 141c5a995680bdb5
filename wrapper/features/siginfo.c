// SPDX-License-Identifier: GPL-2.0-only
/* Before 4.20 the signal tracepoints passed a struct siginfo. */
#include <linux/signal.h>
int ftr_errno(struct siginfo *i) { return i->si_errno; }
