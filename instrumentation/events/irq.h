/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Interrupts: hard irq handlers and softirqs, with upstream lttng-modules
 * 2.13's names (the softirq events prefixed irq_) and fields, which Trace
 * Compass's Resources view and lttng-analyses' IRQ analysis read.  vec is
 * the softirq number, a plain integer as upstream records it.  Read
 * several times by probes/lttng-probe-gen.h: no include guard.
 */
#include <linux/interrupt.h>

LTTNG_EVENT(irq_handler_entry,
	PROTO(int irq, struct irqaction *action),
	ARGS(irq, action),
	FIELDS(
		f_int(int, irq, irq)
		/* A handler requested without a name: the kernel's own word. */
		f_string(name, action->name ? action->name : "(null)")
	)
)

LTTNG_EVENT(irq_handler_exit,
	PROTO(int irq, struct irqaction *action, int ret),
	ARGS(irq, action, ret),
	FIELDS(
		f_int(int, irq, irq)
		f_int(int, ret, ret)
	)
)

LTTNG_EVENT_CLASS(irq_softirq,
	PROTO(unsigned int vec_nr),
	ARGS(vec_nr),
	FIELDS(
		f_int(unsigned int, vec, vec_nr)
	)
)

LTTNG_EVENT_INSTANCE_MAP(irq_softirq, softirq_entry, irq_softirq_entry)
LTTNG_EVENT_INSTANCE_MAP(irq_softirq, softirq_exit, irq_softirq_exit)
LTTNG_EVENT_INSTANCE_MAP(irq_softirq, softirq_raise, irq_softirq_raise)
