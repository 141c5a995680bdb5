// SPDX-License-Identifier: GPL-2.0-only
/* tracepoint_probe_register() looks the tracepoint up by name (before 3.15). */
#include <linux/tracepoint.h>
int ftr_tp_reg(const char *name, void *probe) { return tracepoint_probe_register(name, probe, NULL); }
