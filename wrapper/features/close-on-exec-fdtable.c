// SPDX-License-Identifier: GPL-2.0-only
/* close_on_exec() takes the fdtable (until 6.10 took the files_struct). */
#include <linux/fdtable.h>
bool ftr_cloexec(struct files_struct *f) { return close_on_exec(0, files_fdtable(f)); }
