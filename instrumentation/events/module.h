/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Modules: loaded, freed, a reference taken or dropped, a module asked
 * for by the kernel (request_module), with upstream lttng-modules 2.13's
 * fields.  taints is the module's taint mask, labelled with the kernel's
 * taint flags (their bit numbers are ABI: Documentation/admin-guide/
 * tainted-kernels.rst).  Read several times by probes/lttng-probe-gen.h:
 * no include guard.
 */
#include <linux/module.h>
#include <wrapper/module.h>

LTTNG_ENUM(module_taints, ENTRIES(
	e_value("PROPRIETARY_MODULE", 1U << 0)
	e_value("FORCED_MODULE", 1U << 1)
	e_value("CPU_OUT_OF_SPEC", 1U << 2)
	e_value("FORCED_RMMOD", 1U << 3)
	e_value("MACHINE_CHECK", 1U << 4)
	e_value("BAD_PAGE", 1U << 5)
	e_value("USER", 1U << 6)
	e_value("DIE", 1U << 7)
	e_value("OVERRIDDEN_ACPI_TABLE", 1U << 8)
	e_value("WARN", 1U << 9)
	e_value("CRAP", 1U << 10)
	e_value("FIRMWARE_WORKAROUND", 1U << 11)
	e_value("OOT_MODULE", 1U << 12)
	e_value("UNSIGNED_MODULE", 1U << 13)
	e_value("SOFTLOCKUP", 1U << 14)
	e_value("LIVEPATCH", 1U << 15)
	e_value("AUX", 1U << 16)
	e_value("RANDSTRUCT", 1U << 17)
))

LTTNG_EVENT(module_load,
	PROTO(struct module *mod),
	ARGS(mod),
	FIELDS(
		f_enum(module_taints, unsigned int, taints, mod->taints)
		f_string(name, mod->name)
	)
)

LTTNG_EVENT(module_free,
	PROTO(struct module *mod),
	ARGS(mod),
	FIELDS(
		f_string(name, mod->name)
	)
)

#ifdef CONFIG_MODULE_UNLOAD
LTTNG_EVENT_CLASS(module_refcnt,
	PROTO(struct module *mod, unsigned long ip),
	ARGS(mod, ip),
	FIELDS(
		f_hex(unsigned long, ip, ip)
		f_int(int, refcnt, lttng_module_refcnt(mod))
		f_string(name, mod->name)
	)
)

LTTNG_EVENT_INSTANCE(module_refcnt, module_get)
LTTNG_EVENT_INSTANCE(module_refcnt, module_put)
#endif

LTTNG_EVENT(module_request,
	PROTO(char *name, bool wait, unsigned long ip),
	ARGS(name, wait, ip),
	FIELDS(
		f_hex(unsigned long, ip, ip)
		f_int(u8, wait, wait)
		f_string(name, name)
	)
)
