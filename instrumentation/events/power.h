/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Power management: CPU idle states and frequencies (Trace Compass's CPU
 * views read them), wakeup sources, clocks and power domains, with
 * upstream lttng-modules 2.13's names (prefixed power_) and fields; a
 * CPU's frequency is its "state", as upstream records it.  Read several
 * times by probes/lttng-probe-gen.h: no include guard.
 */
LTTNG_EVENT_CLASS(power_cpu,
	PROTO(unsigned int state, unsigned int cpu_id),
	ARGS(state, cpu_id),
	FIELDS(
		f_int(u32, state, state)
		f_int(u32, cpu_id, cpu_id)
	)
)

LTTNG_EVENT_INSTANCE_MAP(power_cpu, cpu_idle, power_cpu_idle)
LTTNG_EVENT_INSTANCE_MAP(power_cpu, cpu_frequency, power_cpu_frequency)

LTTNG_EVENT_CLASS(power_wakeup_source,
	PROTO(const char *name, unsigned int state),
	ARGS(name, state),
	FIELDS(
		f_string(name, name)
		f_int(u64, state, state)
	)
)

LTTNG_EVENT_INSTANCE_MAP(power_wakeup_source, wakeup_source_activate,
			 power_wakeup_source_activate)
LTTNG_EVENT_INSTANCE_MAP(power_wakeup_source, wakeup_source_deactivate,
			 power_wakeup_source_deactivate)

/*
 * The clock events left power.h by 7.2 (LTTNG_HAVE_POWER_CLOCK_EVENTS),
 * and power_domain_target is OMAP2+'s only there.
 */
#if defined(LTTNG_HAVE_POWER_CLOCK_EVENTS) || defined(LTTNG_HAVE_POWER_DOMAIN_TARGET)
LTTNG_EVENT_CLASS(power_clock,
	PROTO(const char *name, unsigned int state, unsigned int cpu_id),
	ARGS(name, state, cpu_id),
	FIELDS(
		f_string(name, name)
		f_int(u64, state, state)
		f_int(u64, cpu_id, cpu_id)
	)
)

#ifdef LTTNG_HAVE_POWER_CLOCK_EVENTS
LTTNG_EVENT_INSTANCE_MAP(power_clock, clock_enable, power_clock_enable)
LTTNG_EVENT_INSTANCE_MAP(power_clock, clock_disable, power_clock_disable)
LTTNG_EVENT_INSTANCE_MAP(power_clock, clock_set_rate, power_clock_set_rate)
#endif
#ifdef LTTNG_HAVE_POWER_DOMAIN_TARGET
LTTNG_EVENT_INSTANCE_MAP(power_clock, power_domain_target, power_domain_target)
#endif
#endif
