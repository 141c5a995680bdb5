// SPDX-License-Identifier: GPL-2.0-only
/*
 * Kernel memory backend of the metadata text buffer (core/lttng-mdtext.c),
 * which itself stays free of kernel allocation APIs so the unit tests can
 * build it in user space.
 *
 * The whole-session metadata can reach hundreds of KiB when many events
 * are enabled, so use kvmalloc: it falls back to vmalloc instead of
 * failing on a high-order page allocation.  kvrealloc's signature has
 * changed across kernel versions, so grow by copying instead.  Callers
 * hold sleeping locks only, hence GFP_KERNEL.
 */
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <wrapper/mem.h>

#include "lttng-mdtext.h"

void *lttng_md_realloc(void *p, size_t old_size, size_t new_size)
{
	void *n;

	n = kvmalloc(new_size, GFP_KERNEL);
	if (!n)
		return NULL;
	if (p) {
		memcpy(n, p, min(old_size, new_size));
		kvfree(p);
	}
	return n;
}

void lttng_md_free(void *p)
{
	kvfree(p);
}
