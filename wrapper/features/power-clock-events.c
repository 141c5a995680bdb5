// SPDX-License-Identifier: GPL-2.0-only
/* The clock_* events of <trace/events/power.h> (gone by 7.2: trace/events/clk.h has them). */
#include <trace/events/power.h>
static void probe(void *data, const char *name, unsigned int state, unsigned int cpu_id) { }
void ftr_check(void) { check_trace_callback_type_clock_enable(probe); }
