// SPDX-License-Identifier: GPL-2.0-only
/* kvfree(): frees what kmalloc or vmalloc returned (3.15). */
#include <linux/mm.h>
#include <linux/slab.h>
void ftr_kvfree(void *p) { kvfree(p); }
