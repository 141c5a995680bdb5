// SPDX-License-Identifier: GPL-2.0-only
/* Pid numbers are allocated from a bitmap of pages (until 4.15 brought the IDR). */
#include <linux/pid_namespace.h>
int ftr_pidmap(struct pid_namespace *ns) { return atomic_read(&ns->pidmap[0].nr_free); }
