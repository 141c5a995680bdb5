// SPDX-License-Identifier: GPL-2.0-only
/* struct_size(): overflow-checked size of a struct with a flexible array (5.0). */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/overflow.h>
struct ftr_s { int n; int a[]; };
size_t ftr_struct_size(struct ftr_s *p, size_t n) { return struct_size(p, a, n); }
