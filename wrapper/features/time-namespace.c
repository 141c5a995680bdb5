// SPDX-License-Identifier: GPL-2.0-only
/* Time namespaces (5.6). */
#include <linux/nsproxy.h>
#include <linux/time_namespace.h>
unsigned int ftr_time_ns(struct nsproxy *p) { return p->time_ns->ns.inum; }
