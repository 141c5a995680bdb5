// SPDX-License-Identifier: GPL-2.0-only
/* Gate: the kernel has cgroup namespaces (4.6): CLONE_NEWCGROUP is user ABI. */
#include <linux/sched.h>
#ifndef CLONE_NEWCGROUP
#error "no cgroup namespaces"
#endif
unsigned long ftr_clone_newcgroup(void) { return CLONE_NEWCGROUP; }
