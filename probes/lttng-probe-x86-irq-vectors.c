// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-probe-x86-irq-vectors: the events of instrumentation/events/x86-irq-vectors.h.  The
 * kernel's tracepoint header is included for its declarations only: the
 * generator checks each probe against the tracepoint's prototype.
 */
#include <linux/module.h>
#ifdef LTTNG_HAVE_X86_IRQ_VECTORS
#include <asm/trace/irq_vectors.h>
#endif

#define LTTNG_PROVIDER		x86_irq_vectors
#define LTTNG_EVENTS_FILE	<instrumentation/events/x86-irq-vectors.h>
#include <probes/lttng-probe-gen.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("lttng-modules-ns developers");
MODULE_DESCRIPTION("LTTng x86 interrupt vector probes (x86_irq_vectors_* events)");
