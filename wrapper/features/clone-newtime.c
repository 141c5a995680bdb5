// SPDX-License-Identifier: GPL-2.0-only
/*
 * Gate: the kernel knows time namespaces (5.6): CLONE_NEWTIME is user
 * ABI.  Whether this build has them (CONFIG_TIME_NS) is decided apart.
 */
#include <linux/sched.h>
#ifndef CLONE_NEWTIME
#error "no time namespaces"
#endif
unsigned long ftr_clone_newtime(void) { return CLONE_NEWTIME; }
