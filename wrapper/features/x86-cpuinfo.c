// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86 per-CPU identification (cpu_data()) with the fields /proc/cpuinfo
 * shows, and the topology helpers that hide where package and core ids
 * live (cpuinfo_x86.topo since 6.7).  Fails on other architectures.
 */
#include <linux/smp.h>
#include <asm/processor.h>
#include <asm/topology.h>
int ftr_x86_cpuinfo(int cpu)
{
	struct cpuinfo_x86 *c = &cpu_data(cpu);

	return c->cpu_index + c->x86 + c->x86_model + c->x86_vendor_id[0] +
		c->x86_model_id[0] + c->booted_cores +
		topology_physical_package_id(cpu) + topology_core_id(cpu);
}
