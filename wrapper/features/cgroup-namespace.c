// SPDX-License-Identifier: GPL-2.0-only
/* Cgroup namespaces (4.6). */
#include <linux/nsproxy.h>
#include <linux/cgroup.h>
unsigned int ftr_cgroup_ns(struct nsproxy *p) { return p->cgroup_ns->ns.inum; }
