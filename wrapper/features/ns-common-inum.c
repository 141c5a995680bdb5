// SPDX-License-Identifier: GPL-2.0-only
/* Namespaces embed struct ns_common with .inum (3.19); before: .proc_inum. */
#include <linux/pid_namespace.h>
unsigned int ftr_ns_common_inum(struct pid_namespace *ns) { return ns->ns.inum; }
