// SPDX-License-Identifier: GPL-2.0-only
/*
 * preempt_count() counts preempt_disable() nesting only with
 * CONFIG_PREEMPT_COUNT; without it, it holds just the irq bits.
 */
#include <linux/preempt.h>
#ifndef CONFIG_PREEMPT_COUNT
#error "preempt_disable() is not counted"
#endif
int ftr_preempt_count(void) { return preempt_count(); }
