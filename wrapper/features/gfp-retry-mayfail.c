// SPDX-License-Identifier: GPL-2.0-only
/* __GFP_RETRY_MAYFAIL: try hard, but fail instead of OOM-killing (4.13). */
#include <linux/gfp.h>
gfp_t ftr_gfp(void) { return GFP_KERNEL | __GFP_RETRY_MAYFAIL; }
