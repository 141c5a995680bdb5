// SPDX-License-Identifier: GPL-2.0-only
/* vma->vm_flags is read-only; use vm_flags_set() (6.3). */
#include <linux/mm.h>
void ftr_flags(struct vm_area_struct *vma) { vm_flags_set(vma, VM_DONTEXPAND); }
