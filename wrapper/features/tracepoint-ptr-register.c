// SPDX-License-Identifier: GPL-2.0-only
/* tracepoint_probe_register() takes a struct tracepoint * (3.15); before: a name. */
#include <linux/tracepoint.h>
int ftr_tp_reg(struct tracepoint *tp, void *probe) { return tracepoint_probe_register(tp, probe, NULL); }
