// SPDX-License-Identifier: GPL-2.0-only
/* kvmalloc(): kmalloc, falling back to vmalloc (4.12). */
#include <linux/mm.h>
#include <linux/slab.h>
void *ftr_kvmalloc(size_t n) { return kvmalloc(n, GFP_KERNEL); }
