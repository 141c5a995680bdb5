// SPDX-License-Identifier: GPL-2.0-only
/*
 * Interrupt descriptors without irq_to_desc(): irq_get_irq_data() and
 * irq_data_to_desc() (4.3), the descriptor's raw lock and action list,
 * and, with CONFIG_SPARSE_IRQ, descriptors freed only after an RCU grace
 * period (struct irq_desc has an rcu head), so that one looked up under
 * rcu_read_lock() stays valid memory until the read side ends.
 */
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/interrupt.h>
#include <linux/sched.h>
int ftr_irq_desc(unsigned int irq)
{
	struct irq_data *d = irq_get_irq_data(irq);
	struct irq_desc *desc;
	struct irqaction *a;
	unsigned long flags;
	int n = 0;

	if (!d)
		return 0;
	desc = irq_data_to_desc(d);
	raw_spin_lock_irqsave(&desc->lock, flags);
	for (a = desc->action; a; a = a->next)
		n += (a->name != NULL) + (a->thread ? a->thread->pid : 0);
	n += irq_desc_get_chip(desc)->name != NULL;
	raw_spin_unlock_irqrestore(&desc->lock, flags);
#ifdef CONFIG_SPARSE_IRQ
	n += sizeof(desc->rcu);
#endif
	return n;
}
