// SPDX-License-Identifier: GPL-2.0-only
/* in_compat_syscall(): whether the current syscall is a 32-bit one (4.6). */
#include <linux/compat.h>
bool ftr_in_compat_syscall(void) { return in_compat_syscall(); }
