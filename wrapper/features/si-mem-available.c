// SPDX-License-Identifier: GPL-2.0-only
/* si_mem_available(): the kernel's estimate of allocatable memory (4.6). */
#include <linux/mm.h>
long ftr_avail(void) { return si_mem_available(); }
