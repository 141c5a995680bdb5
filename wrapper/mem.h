/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Ring buffer allocation must fail cleanly when a channel asks for more
 * memory than the machine has: ask the kernel how much is available
 * (si_mem_available(), 4.6) and never invoke the OOM killer
 * (__GFP_RETRY_MAYFAIL, 4.13; __GFP_NORETRY before).
 */
#ifndef LTTNG_WRAPPER_MEM_H
#define LTTNG_WRAPPER_MEM_H

#include <linux/mm.h>
#include <linux/gfp.h>

static inline unsigned long lttng_available_pages(void)
{
#ifdef LTTNG_HAVE_SI_MEM_AVAILABLE
	long avail = si_mem_available();

	return avail > 0 ? avail : 0;
#else
	return totalram_pages / 2;
#endif
}

#ifdef LTTNG_HAVE_GFP_RETRY_MAYFAIL
#define LTTNG_GFP_BUFFER	(GFP_KERNEL | __GFP_RETRY_MAYFAIL | __GFP_NOWARN)
#else
#define LTTNG_GFP_BUFFER	(GFP_KERNEL | __GFP_NORETRY | __GFP_NOWARN)
#endif

#endif
