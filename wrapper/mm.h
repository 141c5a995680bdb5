/* SPDX-License-Identifier: GPL-2.0-only */
/* VMA flags became read-only behind vm_flags_set()/vm_flags_clear() (6.3). */
#ifndef LTTNG_WRAPPER_MM_H
#define LTTNG_WRAPPER_MM_H

#include <linux/mm.h>

/*
 * A mapping of buffer pages the consumer may read but never write, even
 * after mprotect(), and which must not grow.
 */
static inline void lttng_vma_set_readonly_mapping(struct vm_area_struct *vma)
{
#ifdef LTTNG_HAVE_VM_FLAGS_SET
	vm_flags_mod(vma, VM_DONTEXPAND | VM_DONTDUMP, VM_MAYWRITE);
#else
	vma->vm_flags |= VM_DONTEXPAND | VM_DONTDUMP;
	vma->vm_flags &= ~VM_MAYWRITE;
#endif
}

#endif
