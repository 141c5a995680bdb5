// SPDX-License-Identifier: GPL-2.0-only
/* migrate_disable() nesting in task_struct, for every SMP kernel (5.11). */
#include <linux/sched.h>
unsigned int ftr_migration_disabled(struct task_struct *t)
{
	return t->migration_disabled;
}
