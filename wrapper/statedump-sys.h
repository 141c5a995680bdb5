/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The system part of the statedump (interrupts, block devices, x86 CPUs),
 * reached without kallsyms.  Each part exists on a kernel only when its
 * feature probes and exports say every helper it uses is there:
 *
 *  LTTNG_SD_INTERRUPT     descriptors by number through the exported
 *                         irq_get_irq_data() and irq_data_to_desc(), freed
 *                         after RCU (irq-desc-rcu), the exported irq count;
 *  LTTNG_SD_BLOCK_DEVICE  the block class found from a block_device on the
 *                         exported blockdev_superblock, then walked with
 *                         class_dev_iter_*() (bdev-device,
 *                         class-dev-iter-const, inode-state-*);
 *  LTTNG_SD_CPU_TOPOLOGY  x86 cpu_data() and topology helpers
 *                         (x86-cpuinfo), cpu_info exported on SMP.
 *
 * The event header includes this file for the decisions and the snapshot
 * helpers; only lttng-statedump-impl.c calls the walkers' helpers.
 */
#ifndef LTTNG_WRAPPER_STATEDUMP_SYS_H
#define LTTNG_WRAPPER_STATEDUMP_SYS_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <wrapper/string.h>

#if defined(LTTNG_HAVE_IRQ_DESC_RCU) &&				\
	defined(LTTNG_HAVE_EXPORT_IRQ_GET_IRQ_DATA) &&			\
	(defined(LTTNG_HAVE_EXPORT_IRQ_GET_NR_IRQS) ||			\
	 defined(LTTNG_HAVE_EXPORT_NR_IRQS))
#define LTTNG_SD_INTERRUPT	1
#endif

#if defined(LTTNG_HAVE_BDEV_DEVICE) &&					\
	defined(LTTNG_HAVE_EXPORT_BLOCKDEV_SUPERBLOCK) &&		\
	defined(LTTNG_HAVE_EXPORT_I_BDEV) &&				\
	defined(LTTNG_HAVE_EXPORT_CLASS_DEV_ITER_INIT)
#define LTTNG_SD_BLOCK_DEVICE	1
#endif

#if defined(LTTNG_HAVE_X86_CPUINFO) &&					\
	(defined(LTTNG_HAVE_EXPORT_CPU_INFO) || !defined(CONFIG_SMP))
#define LTTNG_SD_CPU_TOPOLOGY	1
#endif

/* One CPU as /proc/cpuinfo describes it (x86). */
struct lttng_sd_cpu {
	unsigned int id;
	char vendor[16];
	u8 family, model;
	char model_name[64];
	u16 physical_id, core_id, cores;
};

#ifdef LTTNG_SD_INTERRUPT
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/irqnr.h>
#include <linux/interrupt.h>

static inline unsigned int lttng_nr_irqs(void)
{
#ifdef LTTNG_HAVE_EXPORT_IRQ_GET_NR_IRQS
	return irq_get_nr_irqs();
#else
	return READ_ONCE(nr_irqs);
#endif
}

/*
 * The descriptor of @irq, or NULL.  Caller holds rcu_read_lock(): a
 * sparse descriptor is freed only after a grace period, so the pointer
 * stays valid until then even if the irq is being freed.
 */
static inline struct irq_desc *lttng_irq_desc(unsigned int irq)
{
	struct irq_data *d = irq_get_irq_data(irq);

	return d ? irq_data_to_desc(d) : NULL;
}
#endif /* LTTNG_SD_INTERRUPT */

#ifdef LTTNG_SD_BLOCK_DEVICE
#include <linux/fs.h>
#include <linux/blkdev.h>
#include <linux/device.h>

/*
 * The inode's I_* state flags; the caller holds inode->i_lock.  A plain
 * word until 6.19 made it a struct read with inode_state_read().
 */
static inline unsigned long lttng_inode_state(struct inode *inode)
{
#if defined(LTTNG_HAVE_INODE_STATE_READ)
	return inode_state_read(inode);
#elif defined(LTTNG_HAVE_INODE_I_STATE)
	return inode->i_state;
#else
#error "conftest: no inode-state probe compiled (wrapper/features/required)"
#endif
}

static inline void lttng_class_dev_iter_init(struct class_dev_iter *iter,
					     const struct class *cls)
{
#ifdef LTTNG_HAVE_CLASS_DEV_ITER_CONST
	class_dev_iter_init(iter, cls, NULL, NULL);
#else
	class_dev_iter_init(iter, (struct class *)cls, NULL, NULL);
#endif
}
#endif /* LTTNG_SD_BLOCK_DEVICE */

#ifdef LTTNG_SD_CPU_TOPOLOGY
#include <linux/smp.h>
#include <asm/processor.h>
#include <asm/topology.h>

/*
 * cpu_data() is per-CPU storage that exists for every possible CPU: a
 * read racing with a CPU coming up may mix old and new values, never
 * touches freed memory.
 */
static inline void lttng_sd_cpu_read(int cpu, struct lttng_sd_cpu *sc)
{
	const struct cpuinfo_x86 *c = &cpu_data(cpu);

	sc->id = c->cpu_index;
	strscpy(sc->vendor, c->x86_vendor_id[0] ? c->x86_vendor_id : "unknown",
		sizeof(sc->vendor));
	sc->family = c->x86;
	sc->model = c->x86_model;
	strscpy(sc->model_name,
		c->x86_model_id[0] ? c->x86_model_id : "unknown",
		sizeof(sc->model_name));
	sc->physical_id = topology_physical_package_id(cpu);
	sc->core_id = topology_core_id(cpu);
	sc->cores = c->booted_cores;
}
#endif /* LTTNG_SD_CPU_TOPOLOGY */

#endif
