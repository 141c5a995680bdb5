/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A module's reference count as the kernel's module_get/module_put
 * events report it: the atomic_t itself since 4.0 (one more than
 * module_refcount(), which hides its base), the sum of the per-CPU
 * counts module_refcount() makes before.
 */
#ifndef LTTNG_WRAPPER_MODULE_H
#define LTTNG_WRAPPER_MODULE_H

#include <linux/module.h>

static inline int lttng_module_refcnt(struct module *mod)
{
#ifdef LTTNG_HAVE_MODULE_REFCNT_ATOMIC
	return atomic_read(&mod->refcnt);
#else
	return module_refcount(mod);
#endif
}

#endif
