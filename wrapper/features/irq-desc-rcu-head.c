// SPDX-License-Identifier: GPL-2.0-only
/*
 * Gate: interrupt descriptors can be read under RCU.  With sparse irqs
 * they are freed after a grace period (an rcu head in struct irq_desc);
 * without, they are static and irq_data_to_desc() (4.3) reaches them.
 */
#include <linux/irq.h>
#include <linux/irqdesc.h>
#ifdef CONFIG_SPARSE_IRQ
size_t ftr_irq_desc_rcu_head(void) { return sizeof(((struct irq_desc *)0)->rcu); }
#else
struct irq_desc *ftr_irq_desc_static(struct irq_data *d) { return irq_data_to_desc(d); }
#endif
