// SPDX-License-Identifier: GPL-2.0-only
/* The x86 interrupt vector tracepoints, <asm/trace/irq_vectors.h> (3.11). */
#include <asm/trace/irq_vectors.h>
static void probe(void *data, int vector) { }
void ftr_check(void) { check_trace_callback_type_local_timer_entry(probe); }
