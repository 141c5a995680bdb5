// SPDX-License-Identifier: GPL-2.0-only
/*
 * Gate: an x86 SMP kernel, where /proc/cpuinfo's fields have a stable
 * home and cpu_data() is the exported per-CPU cpu_info (on UP kernels it
 * is boot_cpu_data, no export needed: the feature is optional there).
 */
#if !defined(CONFIG_X86) || !defined(CONFIG_SMP)
#error "not x86 SMP"
#endif
int ftr_x86_smp(void) { return 1; }
