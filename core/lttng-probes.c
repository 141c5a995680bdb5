// SPDX-License-Identifier: GPL-2.0-only
/*
 * The registry of probe providers, and attaching events to the hooks that
 * fire them.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <wrapper/tracepoint.h>
#include "tracer.h"

LIST_HEAD(lttng_providers);

static bool provider_known(const struct lttng_probe_desc *desc)
{
	struct lttng_probe_desc *p;
	unsigned int i, j;

	list_for_each_entry(p, &lttng_providers, node) {
		if (p == desc || !strcmp(p->provider, desc->provider))
			return true;
		/* Two providers may not offer the same event name. */
		for (i = 0; i < p->nr_events; i++)
			for (j = 0; j < desc->nr_events; j++)
				if (!strcmp(p->events[i]->name,
					    desc->events[j]->name))
					return true;
	}
	return false;
}

int lttng_probe_register(struct lttng_probe_desc *desc)
{
	int ret = 0;

	mutex_lock(&lttng_lock);
	if (provider_known(desc)) {
		ret = -EEXIST;
		goto out;
	}
	list_add_tail(&desc->node, &lttng_providers);
	/* Enablers waiting for these names start recording now. */
	lttng_sessions_sync_all();
out:
	mutex_unlock(&lttng_lock);
	return ret;
}
EXPORT_SYMBOL_GPL(lttng_probe_register);

void lttng_probe_unregister(struct lttng_probe_desc *desc)
{
	mutex_lock(&lttng_lock);
	lttng_sessions_remove_provider(desc);
	list_del(&desc->node);
	mutex_unlock(&lttng_lock);
}
EXPORT_SYMBOL_GPL(lttng_probe_unregister);

/*
 * Attach an event's probe to its hook.  A tracepoint that does not exist
 * on this kernel is not an error: the event simply never fires, as users
 * of upstream LTTng expect.
 */
int lttng_event_attach(struct lttng_event *ev)
{
	const struct lttng_event_desc *desc = ev->desc;
	int ret;

	if (ev->registered)
		return 0;
	if (desc->attach)
		ret = desc->attach(desc->probe, ev);
	else
		ret = lttng_tp_register(desc->tp_name, desc->probe, ev);
	if (!ret)
		ev->registered = true;
	return ret;
}

void lttng_event_detach(struct lttng_event *ev)
{
	const struct lttng_event_desc *desc = ev->desc;

	if (!ev->registered)
		return;
	if (desc->detach)
		desc->detach(desc->probe, ev);
	else
		WARN_ON_ONCE(lttng_tp_unregister(desc->tp_name, desc->probe,
						 ev));
	ev->registered = false;
}

void lttng_tracepoints_quiesce(void)
{
	lttng_tp_quiesce();
}
