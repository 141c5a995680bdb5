// SPDX-License-Identifier: GPL-2.0-only
/* A module's reference count is one atomic_t (4.0), no longer per CPU. */
#include <linux/module.h>
int ftr_refcnt(struct module *m) { return atomic_read(&m->refcnt); }
