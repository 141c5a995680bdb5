/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Reading user memory from a probe, which may run with interrupts off and
 * must never sleep or fault a page in: access_ok() (which refuses kernel
 * addresses, and lost its first argument in 5.0), then an atomic copy
 * with page faults disabled.  A page that is not resident is not read.
 */
#ifndef LTTNG_WRAPPER_UACCESS_H
#define LTTNG_WRAPPER_UACCESS_H

#include <linux/uaccess.h>
#include <linux/string.h>

#ifdef LTTNG_HAVE_ACCESS_OK_TWO_ARGS
#define lttng_access_ok(p, n)	access_ok(p, n)
#else
#define lttng_access_ok(p, n)	access_ok(VERIFY_READ, p, n)
#endif

/*
 * Copy @n bytes from user address @src; on any fault the whole of @dst is
 * zeroed (a trace never holds half a value, nor kernel stack).  Returns 0,
 * or -EFAULT.
 */
static inline int lttng_copy_from_user_nofault(void *dst, unsigned long src,
					       size_t n)
{
	const void __user *p = (const void __user *)src;
	unsigned long left = n;

	if (lttng_access_ok(p, n)) {
		pagefault_disable();
		left = __copy_from_user_inatomic(dst, p, n);
		pagefault_enable();
	}
	if (likely(!left))
		return 0;
	memset(dst, 0, n);
	return -EFAULT;
}

#endif
