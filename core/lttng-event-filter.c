// SPDX-License-Identifier: GPL-2.0-only
/*
 * Filters on events: `lttng enable-event -k NAME --filter EXPR`.
 *
 * The FILTER ioctl leaves a checked copy of the bytecode on the enabler.
 * When a session syncs, each event gets the filters of the enabled
 * enablers that match it, each linked once against the event's fields
 * (and cached on the event for later syncs).  The event then records when
 * any of them says so; an enabled matching enabler without a filter makes
 * the event record everything, which is what its user asked for.  A
 * filter that does not link to an event (a field that event lacks, a
 * type it cannot compare) never matches it, as upstream does.
 *
 * Probes read ev->filter inside the tracepoint's RCU-sched read side (or
 * lttng-test's equivalent); a replaced set is freed only after
 * lttng_tracepoints_quiesce(), which waits for every probe that may
 * still hold it.  Linked programs live until the event goes.
 */
#include <linux/slab.h>
#include <linux/rcupdate.h>
#include <linux/uaccess.h>
#include <wrapper/mem.h>
#include "tracer.h"
#include "lttng-filter.h"

struct lttng_event_filter {
	struct list_head dead;		/* waiting for quiesce, then kfree */
	unsigned int nr;
	struct {
		const struct lttng_filter_prog *prog;	/* NULL: never */
		u64 ctx_mask;
	} progs[];
};

/* One enabler's filter linked for one event. */
struct lttng_filter_link {
	struct list_head node;		/* ev->filter_links */
	const struct lttng_enabler *en;
	struct lttng_filter_prog *prog;	/* NULL if it did not link */
};

int lttng_enabler_set_filter(struct lttng_enabler *en,
			     const void __user *arg)
{
	u32 len;
	size_t size;
	void *bc;
	int ret;

	if (get_user(len, (const u32 __user *)arg))
		return -EFAULT;
	if (len == 0 || len > LTTNG_FILTER_MAX_LEN)
		return -EINVAL;
	size = LTTNG_FILTER_HDR_LEN + len;
	bc = kvmalloc(size, GFP_KERNEL);
	if (!bc)
		return -ENOMEM;
	if (copy_from_user(bc, arg, size)) {
		ret = -EFAULT;
		goto err;
	}
	/* The length we sized by, not a second read of user memory. */
	memcpy(bc, &len, sizeof(len));
	ret = lttng_filter_check(bc, size);
	if (ret)
		goto err;
	ret = lttng_enabler_install_filter(en, bc, size);
	if (ret == -EEXIST)
		goto err;
	/* Installed; an error now is the sync's, and the enabler owns bc. */
	return ret;
err:
	kvfree(bc);
	return ret;
}

static struct lttng_filter_link *filter_link_get(struct lttng_event *ev,
						 const struct lttng_enabler *en)
{
	const struct lttng_event_desc *desc = ev->desc;
	struct lttng_filter_link *link;
	struct lttng_filter_prog *prog = NULL;
	int ret;

	list_for_each_entry(link, &ev->filter_links, node)
		if (link->en == en)
			return link;
	link = kzalloc(sizeof(*link), GFP_KERNEL);
	if (!link)
		return ERR_PTR(-ENOMEM);
	ret = lttng_filter_link(en->filter, en->filter_size, desc->fields,
				desc->nr_fields, lttng_context_filter_table(),
				LTTNG_CTX_NR, &prog);
	if (ret == -ENOMEM) {
		kfree(link);
		return ERR_PTR(ret);
	}
	if (!ret && lttng_context_filter_prepare(lttng_filter_ctx_mask(prog))) {
		lttng_filter_prog_free(prog);
		prog = NULL;
	}
	if (!prog)
		pr_debug("lttng: filter of \"%s\" does not apply to event %s\n",
			 en->name, desc->name);
	link->en = en;
	link->prog = prog;
	list_add_tail(&link->node, &ev->filter_links);
	return link;
}

static bool filter_same(const struct lttng_event_filter *a,
			const struct lttng_event_filter *b)
{
	if (!a || !b)
		return a == b;
	return a->nr == b->nr &&
	       !memcmp(a->progs, b->progs, a->nr * sizeof(a->progs[0]));
}

/*
 * With lttng_lock held.  Give @ev the filters of the enabled enablers that
 * match it (none if @unfiltered).  A set it replaces goes on @dead for
 * lttng_event_filters_free_dead().
 */
int lttng_event_filter_sync(struct lttng_event *ev, bool unfiltered,
			    struct list_head *dead)
{
	struct lttng_event_filter *old, *new = NULL;
	struct lttng_enabler *en;
	unsigned int nr = 0;

	old = rcu_dereference_protected(ev->filter,
					lockdep_is_held(&lttng_lock));
	if (!unfiltered) {
		list_for_each_entry(en, &ev->chan->session->enablers, node)
			if (lttng_enabler_applies(en, ev) && en->filter)
				nr++;
	}
	if (nr) {
		new = kzalloc(struct_size(new, progs, nr), GFP_KERNEL);
		if (!new)
			return -ENOMEM;
		list_for_each_entry(en, &ev->chan->session->enablers, node) {
			struct lttng_filter_link *link;

			if (!lttng_enabler_applies(en, ev) || !en->filter)
				continue;
			link = filter_link_get(ev, en);
			if (IS_ERR(link)) {
				kfree(new);
				return PTR_ERR(link);
			}
			new->progs[new->nr].prog = link->prog;
			if (link->prog)
				new->progs[new->nr].ctx_mask =
					lttng_filter_ctx_mask(link->prog);
			new->nr++;
		}
	}
	if (filter_same(old, new)) {
		kfree(new);
		return 0;
	}
	rcu_assign_pointer(ev->filter, new);
	if (old)
		list_add_tail(&old->dead, dead);
	return 0;
}

void lttng_event_filters_free_dead(struct list_head *dead)
{
	struct lttng_event_filter *f, *tmp;

	if (list_empty(dead))
		return;
	lttng_tracepoints_quiesce();
	list_for_each_entry_safe(f, tmp, dead, dead)
		kfree(f);
}

/* With lttng_lock held, once no probe can run for @ev any more. */
void lttng_event_filter_destroy(struct lttng_event *ev)
{
	struct lttng_filter_link *link, *tmp;

	kfree(rcu_dereference_protected(ev->filter,
					lockdep_is_held(&lttng_lock)));
	list_for_each_entry_safe(link, tmp, &ev->filter_links, node) {
		lttng_filter_prog_free(link->prog);
		kfree(link);
	}
}

/*
 * The probe side, for events with a filter only.  @vals holds the event's
 * payload values and room for LTTNG_FILTER_CTX_SLOTS context values after
 * them.  Any context, NMI included: no lock, no allocation.
 */
bool lttng_event_filter_pass(const struct lttng_event *ev,
			     struct lttng_filter_value *vals)
{
	/*
	 * Probes run under the tracepoint's read side (RCU-sched or SRCU,
	 * depending on the tracepoint), which quiesce waits for; no
	 * rcu_read_lock() flavour names all of them for lockdep.
	 */
	const struct lttng_event_filter *f = rcu_dereference_raw(ev->filter);
	unsigned int k;

	if (!f)
		return true;
	for (k = 0; k < f->nr; k++) {
		if (!f->progs[k].prog)
			continue;
		lttng_context_filter_values(f->progs[k].ctx_mask,
					    vals + ev->desc->nr_fields);
		if (lttng_filter_run(f->progs[k].prog, vals))
			return true;
	}
	return false;
}
EXPORT_SYMBOL_GPL(lttng_event_filter_pass);
