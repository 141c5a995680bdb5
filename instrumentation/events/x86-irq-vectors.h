/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * x86 interrupt vectors (local timer, IPIs, APIC errors, ...), entry and
 * exit, with upstream lttng-modules 2.13's names (prefixed
 * x86_irq_vectors_; x86_platform_ipi is "ipi") and field.  The kernel
 * declares them only for the configurations that have the vector, and
 * since 3.11 (LTTNG_HAVE_X86_IRQ_VECTORS; the deferred error vector's
 * since 4.2).  Read several times by
 * probes/lttng-probe-gen.h: no include guard.
 */
#if defined(LTTNG_HAVE_X86_IRQ_VECTORS) && defined(CONFIG_X86_LOCAL_APIC)
LTTNG_EVENT_CLASS(x86_irq_vector,
	PROTO(int vector),
	ARGS(vector),
	FIELDS(
		f_int(int, vector, vector)
	)
)

#define LTTNG_X86_VECTOR(tp, name)					\
	LTTNG_EVENT_INSTANCE_MAP(x86_irq_vector, tp##_entry,		\
				 x86_irq_vectors_##name##_entry)	\
	LTTNG_EVENT_INSTANCE_MAP(x86_irq_vector, tp##_exit,		\
				 x86_irq_vectors_##name##_exit)

LTTNG_X86_VECTOR(local_timer, local_timer)
LTTNG_X86_VECTOR(spurious_apic, spurious_apic)
LTTNG_X86_VECTOR(error_apic, error_apic)
LTTNG_X86_VECTOR(x86_platform_ipi, ipi)
#ifdef CONFIG_IRQ_WORK
LTTNG_X86_VECTOR(irq_work, irq_work)
#endif
#ifdef CONFIG_SMP
LTTNG_X86_VECTOR(reschedule, reschedule)
LTTNG_X86_VECTOR(call_function, call_function)
LTTNG_X86_VECTOR(call_function_single, call_function_single)
#endif
#ifdef CONFIG_X86_MCE_THRESHOLD
LTTNG_X86_VECTOR(threshold_apic, threshold_apic)
#endif
#if defined(CONFIG_X86_MCE_AMD) && defined(LTTNG_HAVE_X86_DEFERRED_ERROR_APIC)
LTTNG_X86_VECTOR(deferred_error_apic, deferred_error_apic)
#endif
#ifdef CONFIG_X86_THERMAL_VECTOR
LTTNG_X86_VECTOR(thermal_apic, thermal_apic)
#endif
#undef LTTNG_X86_VECTOR
#endif
