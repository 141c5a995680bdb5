// SPDX-License-Identifier: GPL-2.0-only
/* close_on_exec() takes the files_struct instead of its fdtable (6.10). */
#include <linux/fdtable.h>
bool ftr_cloexec(struct files_struct *f) { return close_on_exec(0, f); }
