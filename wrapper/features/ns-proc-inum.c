// SPDX-License-Identifier: GPL-2.0-only
/* Namespaces carry their inode number in proc_inum (3.8 until 3.19). */
#include <linux/pid_namespace.h>
unsigned int ftr_ns_proc_inum(struct pid_namespace *ns) { return ns->proc_inum; }
