// SPDX-License-Identifier: GPL-2.0-only
/*
 * ns_rigtest_warn - self-test module for the lttng-modules-ns VM test rig.
 *
 * Loaded with trigger=1, its init emits a kernel WARNING (and taints W),
 * which the rig must report as a failed run even though the guest test that
 * loaded it succeeds.  Loaded without it, it does nothing.
 */
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/bug.h>

static bool trigger;
module_param(trigger, bool, 0444);
MODULE_PARM_DESC(trigger, "emit a WARN() from module init");

static int __init ns_rigtest_warn_init(void)
{
	WARN(trigger, "ns_rigtest_warn: deliberate warning (trigger=1)\n");
	return 0;
}

static void __exit ns_rigtest_warn_exit(void)
{
}

module_init(ns_rigtest_warn_init);
module_exit(ns_rigtest_warn_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("VM test rig self-test: WARN on demand");
