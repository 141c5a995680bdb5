/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Attaching a probe to a kernel tracepoint by name.  Before 3.15 the
 * kernel did the lookup itself; since then it wants the struct tracepoint,
 * which for core tracepoints only for_each_kernel_tracepoint() can find
 * (the __tracepoint_* symbols are not exported).
 */
#ifndef LTTNG_WRAPPER_TRACEPOINT_H
#define LTTNG_WRAPPER_TRACEPOINT_H

#include <linux/tracepoint.h>
#include <linux/string.h>

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
