// SPDX-License-Identifier: GPL-2.0-only
/* Gate: an x86 kernel, where /proc/cpuinfo's fields have a stable home. */
#ifndef CONFIG_X86
#error "not x86"
#endif
int ftr_x86(void) { return 1; }
