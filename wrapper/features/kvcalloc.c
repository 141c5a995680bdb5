// SPDX-License-Identifier: GPL-2.0-only
/* kvcalloc() (4.18). */
#include <linux/mm.h>
#include <linux/slab.h>
void *ftr_kvcalloc(size_t n) { return kvcalloc(n, 8, GFP_KERNEL); }
