// SPDX-License-Identifier: GPL-2.0-only
/* task_ppid_nr_ns(): absent from some 3.x releases (3.10), present in 3.19 and later. */
#include <linux/sched.h>
#include <linux/pid_namespace.h>
pid_t ftr_ppid(struct task_struct *t, struct pid_namespace *ns) { return task_ppid_nr_ns(t, ns); }
