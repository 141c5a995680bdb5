// SPDX-License-Identifier: GPL-2.0-only
/*
 * Gate: namespace files live on nsfs (3.19).  Its magic number is user
 * ABI, so this answer does not move when the namespace internals do.
 */
#include <linux/magic.h>
#ifndef NSFS_MAGIC
#error "no nsfs"
#endif
int ftr_nsfs(void) { return NSFS_MAGIC; }
