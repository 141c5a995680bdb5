// SPDX-License-Identifier: GPL-2.0-only
/* The deferred error APIC vector's tracepoints (4.2, with CONFIG_X86_MCE_AMD). */
#include <asm/trace/irq_vectors.h>
static void probe(void *data, int vector) { }
void ftr_check(void) { check_trace_callback_type_deferred_error_apic_entry(probe); }
