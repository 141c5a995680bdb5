// SPDX-License-Identifier: GPL-2.0-only
/* Pid numbers are allocated from an IDR in the namespace (4.15). */
#include <linux/idr.h>
#include <linux/pid_namespace.h>
void *ftr_pid_next(struct pid_namespace *ns, int *nr) { return idr_get_next(&ns->idr, nr); }
