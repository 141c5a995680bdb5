/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Attaching a probe to a kernel tracepoint by name.  Before 3.15 the
 * kernel did the lookup itself; since then it wants the struct tracepoint,
 * which for core tracepoints only for_each_kernel_tracepoint() can find
 * (the __tracepoint_* symbols are not exported).
 */
#ifndef LTTNG_WRAPPER_TRACEPOINT_H
#define LTTNG_WRAPPER_TRACEPOINT_H

#include <linux/preempt.h>
#include <linux/tracepoint.h>
#include <linux/string.h>

/*
 * The record path writes this CPU's buffer from reserve to commit, so it
 * must not migrate in between.  Tracepoints used to guarantee that
 * (preemption off around their probes); from 7.x they call probes under
 * SRCU-fast with preemption on, and our probes turn it off themselves.
 * Either way the traced code's preemption was raised exactly once when
 * a probe runs (the preemptible context relies on that).
 */
#if defined(LTTNG_HAVE_TRACEPOINT_SRCU_FAST) || !defined(LTTNG_HAVE_TRACEPOINT_PREEMPT_OFF)
#define lttng_probe_begin()	preempt_disable_notrace()
#define lttng_probe_end()	preempt_enable_notrace()
#else
#define lttng_probe_begin()	do { } while (0)
#define lttng_probe_end()	do { } while (0)
#endif

#if defined(LTTNG_HAVE_TRACEPOINT_PTR_REGISTER)
struct lttng_tp_search {
	const char *name;
	struct tracepoint *found;
};

static inline void lttng_tp_search_one(struct tracepoint *tp, void *priv)
{
	struct lttng_tp_search *s = priv;

	if (!s->found && !strcmp(tp->name, s->name))
		s->found = tp;
}

static inline struct tracepoint *lttng_tp_find(const char *name)
{
	struct lttng_tp_search s = { .name = name };

	for_each_kernel_tracepoint(lttng_tp_search_one, &s);
	return s.found;
}

static inline int lttng_tp_register(const char *name, void *probe, void *data)
{
	struct tracepoint *tp = lttng_tp_find(name);

	return tp ? tracepoint_probe_register(tp, probe, data) : -ENOENT;
}

static inline int lttng_tp_unregister(const char *name, void *probe, void *data)
{
	struct tracepoint *tp = lttng_tp_find(name);

	return tp ? tracepoint_probe_unregister(tp, probe, data) : -ENOENT;
}
#elif defined(LTTNG_HAVE_TRACEPOINT_NAME_REGISTER)
static inline int lttng_tp_register(const char *name, void *probe, void *data)
{
	return tracepoint_probe_register(name, probe, data);
}

static inline int lttng_tp_unregister(const char *name, void *probe, void *data)
{
	return tracepoint_probe_unregister(name, probe, data);
}
#else
#error "conftest: no tracepoint-register probe compiled (wrapper/features/required)"
#endif

/* Wait until no probe detached so far can still be running. */
static inline void lttng_tp_quiesce(void)
{
	tracepoint_synchronize_unregister();
}

#endif
