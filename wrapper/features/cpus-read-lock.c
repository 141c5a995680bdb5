// SPDX-License-Identifier: GPL-2.0-only
/* get_online_cpus() became cpus_read_lock() (4.13). */
#include <linux/cpu.h>
void ftr_cpus(void) { cpus_read_lock(); cpus_read_unlock(); }
