/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Ring buffer allocation must fail cleanly when a channel asks for more
 * memory than the machine has: ask the kernel how much is available
 * (si_mem_available(), 4.6) and never invoke the OOM killer
 * (__GFP_RETRY_MAYFAIL, 4.13; __GFP_NORETRY before).
 *
 * It also provides, on kernels that lack them, the allocation helpers the
 * tracer uses: kvfree() (3.15), kvmalloc() (4.12), kcalloc_node() (4.14),
 * kvcalloc() (4.18) and struct_size() (5.0), each decided by its probe.
 */
#ifndef LTTNG_WRAPPER_MEM_H
#define LTTNG_WRAPPER_MEM_H

#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/kernel.h>
#ifdef LTTNG_HAVE_STRUCT_SIZE
#include <linux/overflow.h>
#endif

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

#ifndef LTTNG_HAVE_KVFREE
static inline void kvfree(const void *addr)
{
	if (is_vmalloc_addr(addr))
		vfree(addr);
	else
		kfree(addr);
}
#endif

#ifndef LTTNG_HAVE_KVMALLOC
/*
 * Physically contiguous if that comes cheap, virtually contiguous
 * otherwise.  Callers pass GFP_KERNEL, possibly with __GFP_ZERO.
 */
static inline void *kvmalloc(size_t size, gfp_t flags)
{
	void *p = NULL;

	if (size <= (PAGE_SIZE << PAGE_ALLOC_COSTLY_ORDER))
		p = kmalloc(size, flags | __GFP_NOWARN | __GFP_NORETRY);
	if (!p)
		p = (flags & __GFP_ZERO) ? vzalloc(size) : vmalloc(size);
	return p;
}
#endif

#ifndef LTTNG_HAVE_KVCALLOC
static inline void *kvcalloc(size_t n, size_t size, gfp_t flags)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	return kvmalloc(n * size, flags | __GFP_ZERO);
}
#endif

#ifndef LTTNG_HAVE_KCALLOC_NODE
static inline void *kcalloc_node(size_t n, size_t size, gfp_t flags, int node)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	return kzalloc_node(n * size, flags, node);
}
#endif

#ifndef LTTNG_HAVE_STRUCT_SIZE
#ifdef struct_size
#error "wrapper/features/struct-size.c failed although struct_size() exists"
#endif
/* Saturates at SIZE_MAX, which no allocator satisfies. */
static inline size_t lttng_struct_size(size_t base, size_t elem, size_t n)
{
	if (elem && n > (SIZE_MAX - base) / elem)
		return SIZE_MAX;
	return base + n * elem;
}
#define struct_size(p, member, n)					\
	lttng_struct_size(sizeof(*(p)), sizeof(*(p)->member), (n))
#endif

#endif
