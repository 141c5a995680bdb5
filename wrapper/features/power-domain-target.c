// SPDX-License-Identifier: GPL-2.0-only
/* power_domain_target, declared for OMAP2+ only by 7.2. */
#include <trace/events/power.h>
static void probe(void *data, const char *name, unsigned int state, unsigned int cpu_id) { }
void ftr_check(void) { check_trace_callback_type_power_domain_target(probe); }
