// SPDX-License-Identifier: GPL-2.0-only
/* kcalloc_node() (4.14). */
#include <linux/slab.h>
void *ftr_kcalloc_node(size_t n) { return kcalloc_node(n, 8, GFP_KERNEL, 0); }
