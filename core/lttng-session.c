// SPDX-License-Identifier: GPL-2.0-only
/*
 * Sessions, channels, enablers and events.
 *
 * An EVENT ioctl creates an enabler: a name or star-glob that asks for
 * events in one channel.  Events are the enablers' matches among the probe
 * providers registered now; "syncing" a session creates the events that
 * are missing (and attaches their probes) and sets each event's enabled
 * state from its enablers.  Sessions are synced whenever an enabler or a
 * provider comes or goes, so a probe module loaded after enable-event
 * starts recording.  Everything here runs under lttng_lock.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/seq_file.h>
#include <linux/file.h>
#include <linux/ktime.h>
#include <linux/math64.h>
#include <wrapper/clock.h>	/* ktime_get_*_ns(), the trace clock and its plugin */
#include <lttng/statedump.h>
#include <wrapper/string.h>
#include <wrapper/mem.h>
#include "tracer.h"

DEFINE_MUTEX(lttng_lock);
LIST_HEAD(lttng_sessions);

static const struct lttng_statedump_ops *statedump_ops;

int lttng_statedump_register(const struct lttng_statedump_ops *ops)
{
	int ret = 0;

	mutex_lock(&lttng_lock);
	if (statedump_ops)
		ret = -EBUSY;
	else
		statedump_ops = ops;
	mutex_unlock(&lttng_lock);
	return ret;
}
EXPORT_SYMBOL_GPL(lttng_statedump_register);

void lttng_statedump_unregister(const struct lttng_statedump_ops *ops)
{
	mutex_lock(&lttng_lock);
	if (statedump_ops == ops)
		statedump_ops = NULL;
	mutex_unlock(&lttng_lock);
}
EXPORT_SYMBOL_GPL(lttng_statedump_unregister);

/* With lttng_lock held and the session active.  No walker: no dump. */
static int session_statedump(struct lttng_session *session)
{
	const struct lttng_statedump_ops *ops = statedump_ops;
	int ret;

	if (!ops || !try_module_get(ops->owner))
		return 0;
	ret = ops->run(session);
	module_put(ops->owner);
	return ret;
}

int lttng_session_statedump(struct lttng_session *session)
{
	int ret = 0;

	mutex_lock(&lttng_lock);
	if (session->active)
		ret = session_statedump(session);
	mutex_unlock(&lttng_lock);
	return ret;
}

struct lttng_session *lttng_session_create(void)
{
	struct lttng_session *session;

	session = kzalloc(sizeof(*session), GFP_KERNEL);
	if (!session)
		return NULL;
	INIT_LIST_HEAD(&session->channels);
	INIT_LIST_HEAD(&session->events);
	INIT_LIST_HEAD(&session->enablers);
	uuid_gen(&session->uuid);
	/* What upstream does without SET_OUTPUT_FORMAT (lttng-tools < 2.15). */
	session->output_format = LTTNG_ABI_OUTPUT_FORMAT_CTF_1_8;
	session->metadata = lttng_metadata_cache_create(&session->uuid);
	if (!session->metadata) {
		kfree(session);
		return NULL;
	}
	mutex_lock(&lttng_lock);
	list_add(&session->node, &lttng_sessions);
	mutex_unlock(&lttng_lock);
	return session;
}

static void event_destroy(struct lttng_event *ev)
{
	struct module *owner = ev->desc->provider->owner;

	lttng_event_filter_destroy(ev);
	list_del(&ev->chan_node);
	list_del(&ev->session_node);
	kfree(ev);
	module_put(owner);
}

/*
 * The last file referring to the session is gone: no ioctl can reach it
 * any more.  Detach every probe, wait until none runs, then let the
 * buffers go (streams keep them until the consumer closes them).
 */
void lttng_session_destroy(struct lttng_session *session)
{
	struct lttng_event *ev, *etmp;
	struct lttng_enabler *en, *entmp;
	struct lttng_channel *chan, *ctmp;

	mutex_lock(&lttng_lock);
	WRITE_ONCE(session->active, 0);
	list_for_each_entry(ev, &session->events, session_node)
		lttng_event_detach(ev);
	lttng_tracepoints_quiesce();
	list_for_each_entry_safe(ev, etmp, &session->events, session_node)
		event_destroy(ev);
	list_for_each_entry_safe(en, entmp, &session->enablers, node)
		lttng_enabler_destroy(en);
	list_for_each_entry_safe(chan, ctmp, &session->channels, node)
		lttng_channel_destroy(chan);
	list_del(&session->node);
	mutex_unlock(&lttng_lock);
	lttng_metadata_streams_finalize(session->metadata);
	lttng_metadata_cache_put(session->metadata);
	lttng_session_trackers_free(session);
	kfree(session);
}

/* Star-glob: '*' matches any run of characters, anywhere. */
static bool glob_match(const char *pat, const char *str)
{
	const char *star = NULL, *resume = NULL;

	while (*str) {
		if (*pat == '*') {
			star = ++pat;
			resume = str;
		} else if (*pat == *str) {
			pat++;
			str++;
		} else if (star) {
			pat = star;
			str = ++resume;
		} else {
			return false;
		}
	}
	while (*pat == '*')
		pat++;
	return !*pat;
}

/*
 * Tracepoint enablers match event names; syscall enablers match the
 * syscall's name ("openat", "*") of the entry or exit events they ask for.
 */
static bool enabler_matches(const struct lttng_enabler *en,
			    const struct lttng_event_desc *desc)
{
	bool exit;

	if (!lttng_desc_is_syscall(desc))
		return en->instrumentation == LTTNG_ABI_TRACEPOINT &&
		       glob_match(en->name, desc->name);
	if (en->instrumentation != LTTNG_ABI_SYSCALL)
		return false;
	exit = lttng_desc_syscall_is_exit(desc);
	if ((en->sc_entryexit == LTTNG_ABI_SYSCALL_ENTRY && exit) ||
	    (en->sc_entryexit == LTTNG_ABI_SYSCALL_EXIT && !exit))
		return false;
	return glob_match(en->name, lttng_desc_syscall_name(desc));
}

/* Whether @en is one of the enabled enablers that ask for @ev. */
bool lttng_enabler_applies(const struct lttng_enabler *en,
			   const struct lttng_event *ev)
{
	return en->chan == ev->chan && en->enabled &&
	       enabler_matches(en, ev->desc);
}

static struct lttng_event *event_find(struct lttng_channel *chan,
				      const struct lttng_event_desc *desc)
{
	struct lttng_event *ev;

	list_for_each_entry(ev, &chan->events, chan_node)
		if (ev->desc == desc)
			return ev;
	return NULL;
}

static struct lttng_event *event_create(struct lttng_channel *chan,
					const struct lttng_event_desc *desc)
{
	struct lttng_session *session = chan->session;
	struct lttng_event *ev;

	/*
	 * The event calls into its provider's module (the probe, the
	 * descriptions, its statedump hooks) until the session is
	 * destroyed: the module stays loaded that long, and rmmod says it is
	 * in use.  A provider already leaving gets no new event.
	 */
	if (!try_module_get(desc->provider->owner))
		return NULL;
	ev = kzalloc(sizeof(*ev), GFP_KERNEL);
	if (!ev) {
		module_put(desc->provider->owner);
		return NULL;
	}
	ev->chan = chan;
	ev->desc = desc;
	ev->id = chan->next_event_id++;
	INIT_LIST_HEAD(&ev->filter_links);
	list_add_tail(&ev->chan_node, &chan->events);
	list_add_tail(&ev->session_node, &session->events);
	if (session->been_active)
		lttng_metadata_event(session, ev);
	return ev;
}

/*
 * Make the session's events match its enablers and the providers.  An
 * event whose filters cannot be set up (no memory) stays off, and the
 * error is returned.
 */
static int session_sync(struct lttng_session *session)
{
	struct lttng_probe_desc *provider;
	struct lttng_enabler *en;
	struct lttng_event *ev;
	LIST_HEAD(dead_filters);
	unsigned int i;
	int err = 0;

	list_for_each_entry(provider, &lttng_providers, node) {
		for (i = 0; i < provider->nr_events; i++) {
			const struct lttng_event_desc *desc =
				provider->events[i];

			list_for_each_entry(en, &session->enablers, node) {
				if (!enabler_matches(en, desc) ||
				    event_find(en->chan, desc))
					continue;
				event_create(en->chan, desc);
			}
		}
	}
	list_for_each_entry(ev, &session->events, session_node) {
		bool enabled = false, unfiltered = false;
		int ret;

		list_for_each_entry(en, &session->enablers, node) {
			if (!lttng_enabler_applies(en, ev))
				continue;
			enabled = true;
			if (!en->filter)
				unfiltered = true;
		}
		if (!ev->registered)
			lttng_event_attach(ev);
		if (!enabled) {
			/* Its filters stay as they are: no probe uses them. */
			WRITE_ONCE(ev->enabled, 0);
			continue;
		}
		/* Filters in place before the event turns on. */
		ret = lttng_event_filter_sync(ev, unfiltered, &dead_filters);
		if (ret) {
			err = err ?: ret;
			WRITE_ONCE(ev->enabled, 0);
			continue;
		}
		smp_wmb();	/* ev->filter before ev->enabled */
		WRITE_ONCE(ev->enabled, 1);
	}
	lttng_event_filters_free_dead(&dead_filters);
	return err;
}

void lttng_sessions_sync_all(void)
{
	struct lttng_session *session;

	lockdep_assert_held(&lttng_lock);
	list_for_each_entry(session, &lttng_sessions, node)
		session_sync(session);
}

/* A provider is leaving: its events go with it, in every session. */
void lttng_sessions_remove_provider(const struct lttng_probe_desc *desc)
{
	struct lttng_session *session;
	struct lttng_event *ev, *tmp;

	lockdep_assert_held(&lttng_lock);
	list_for_each_entry(session, &lttng_sessions, node)
		list_for_each_entry(ev, &session->events, session_node)
			if (ev->desc->provider == desc)
				lttng_event_detach(ev);
	lttng_tracepoints_quiesce();
	list_for_each_entry(session, &lttng_sessions, node)
		list_for_each_entry_safe(ev, tmp, &session->events,
					 session_node)
			if (ev->desc->provider == desc)
				event_destroy(ev);
}

/* @ns in cycles of a @freq Hz clock; freq <= 10^10 keeps it in 64 bits. */
static u64 ns_to_cycles(u64 ns, u64 freq)
{
	u32 rem;
	u64 sec = div_u64_rem(ns, NSEC_PER_SEC, &rem);

	return sec * freq + div64_u64((u64)rem * freq, NSEC_PER_SEC);
}

/* Realtime minus the trace clock, in the trace clock's cycles. */
static s64 clock_offset_now(void)
{
	struct lttng_trace_clock *plugin = READ_ONCE(lttng_clock_plugin);
	struct lttng_clock_info info;
	u64 now, real;

	if (plugin) {
		lttng_clock_get_info(&info);
		preempt_disable();
		now = lttng_clock_read();
		real = ktime_get_real_ns();
		preempt_enable();
		return (s64)(ns_to_cycles(real, info.freq) - now);
	}
	/* Sample both clocks back to back; the pair defines the offset. */
	now = ktime_get_ns();
	real = ktime_get_real_ns();
	return (s64)(real - now);
}

int lttng_session_start(struct lttng_session *session)
{
	struct lttng_channel *chan;
	struct lttng_event *ev;
	int ret = 0;

	mutex_lock(&lttng_lock);
	if (session->active) {
		ret = -EBUSY;
		goto out;
	}
	if (!session->been_active) {
		/* The header kind is chosen once, from the ids known now. */
		list_for_each_entry(chan, &session->channels, node)
			chan->large_header = chan->next_event_id >= 31;
		session->clock_offset = clock_offset_now();
		session->output_format_fixed = true;
		ret = lttng_metadata_session(session);
		if (ret)
			goto out;
		session->been_active = true;
	}
	list_for_each_entry(chan, &session->channels, node)
		if (!chan->is_metadata && !chan->metadata_done)
			lttng_metadata_channel(session, chan);
	list_for_each_entry(ev, &session->events, session_node)
		if (!ev->metadata_done)
			lttng_metadata_event(session, ev);
	session_sync(session);
	WRITE_ONCE(session->active, 1);
	session_statedump(session);
out:
	mutex_unlock(&lttng_lock);
	return ret;
}

int lttng_session_stop(struct lttng_session *session)
{
	struct lttng_channel *chan;
	int ret = 0;

	mutex_lock(&lttng_lock);
	if (!session->active) {
		ret = -EBUSY;
		goto out;
	}
	WRITE_ONCE(session->active, 0);
	/* Close every open packet so the consumer can drain to the end. */
	list_for_each_entry(chan, &session->channels, node) {
		if (chan->is_metadata)
			continue;
		lttng_rb_chan_switch_all(chan->rb, LTTNG_RB_SWITCH_FLUSH);
		lttng_rb_chan_wake_readers(chan->rb);
	}
out:
	mutex_unlock(&lttng_lock);
	return ret;
}

/*
 * lttng-tools 2.15+ sets the format right after creating the session.
 * Upstream takes any value at any time and fails later, at the first
 * metadata dump; here a value that is no format is refused at once
 * (-EINVAL), and so is a change once a metadata channel exists or the
 * session started (-EBUSY): part of the trace's metadata, or the packet
 * headers of its metadata stream, would be in the other format.
 * Setting the current format again is always fine.
 */
int lttng_session_set_output_format(struct lttng_session *session,
				    u32 format)
{
	int ret = 0;

	if (format != LTTNG_ABI_OUTPUT_FORMAT_CTF_1_8 &&
	    format != LTTNG_ABI_OUTPUT_FORMAT_CTF_2)
		return -EINVAL;
	mutex_lock(&lttng_lock);
	if (session->output_format == format)
		ret = 0;
	else if (session->output_format_fixed)
		ret = -EBUSY;
	else
		session->output_format = format;
	mutex_unlock(&lttng_lock);
	return ret;
}

int lttng_session_metadata_regen(struct lttng_session *session)
{
	struct lttng_channel *chan;
	struct lttng_event *ev;
	int ret;

	mutex_lock(&lttng_lock);
	if (!session->active) {
		ret = -EBUSY;
		goto out;
	}
	lttng_metadata_cache_reset(session->metadata);
	ret = lttng_metadata_session(session);
	if (ret)
		goto out;
	list_for_each_entry(chan, &session->channels, node) {
		chan->metadata_done = false;
		if (!chan->is_metadata)
			lttng_metadata_channel(session, chan);
	}
	list_for_each_entry(ev, &session->events, session_node) {
		ev->metadata_done = false;
		lttng_metadata_event(session, ev);
	}
out:
	mutex_unlock(&lttng_lock);
	return ret;
}

struct lttng_channel *lttng_channel_create(struct lttng_session *session,
					   const struct lttng_abi_channel *p,
					   bool metadata)
{
	struct lttng_rb_config cfg = {
		.subbuf_size = p->subbuf_size,
		.num_subbuf = p->num_subbuf,
		.switch_timer_us = p->switch_timer_us,
		.read_timer_us = p->read_timer_us,
		.overwrite = p->overwrite == 1,
		.output_mmap = p->output == LTTNG_ABI_OUTPUT_MMAP,
		.per_cpu = !metadata,
		/* Metadata records are raw text: no timestamp to compress. */
		.tsc_bits = metadata ? 64 : LTTNG_EVENT_TSC_BITS,
	};
	const struct lttng_rb_client *client;
	struct lttng_channel *chan;
	struct lttng_rb_chan *rb;
	int ret;

	if (p->output != LTTNG_ABI_OUTPUT_SPLICE &&
	    p->output != LTTNG_ABI_OUTPUT_MMAP)
		return ERR_PTR(-EINVAL);
	if (p->overwrite != 0 && p->overwrite != 1)
		return ERR_PTR(-EINVAL);
	if (p->subbuf_size > SIZE_MAX || p->num_subbuf > SIZE_MAX)
		return ERR_PTR(-EINVAL);
	if (metadata && cfg.overwrite)
		return ERR_PTR(-EINVAL);

	chan = kzalloc(sizeof(*chan), GFP_KERNEL);
	if (!chan)
		return ERR_PTR(-ENOMEM);
	chan->session = session;
	chan->is_metadata = metadata;
	chan->enabled = 1;
	INIT_LIST_HEAD(&chan->events);

	mutex_lock(&lttng_lock);
	/* Channels are part of the trace's layout: fixed once started. */
	if (session->been_active && !metadata) {
		ret = -EINVAL;
		goto fail;
	}
	if (!metadata)
		client = &lttng_data_client;
	else if (session->output_format == LTTNG_ABI_OUTPUT_FORMAT_CTF_2)
		client = &lttng_metadata_ctf2_client;
	else
		client = &lttng_metadata_client;
	chan->transport = lttng_transport_get(cfg.overwrite, cfg.output_mmap,
					      metadata);
	if (!chan->transport) {
		ret = -ENOENT;
		goto fail;
	}
	chan->id = session->next_chan_id;
	rb = lttng_rb_chan_create(&cfg, client, session->uuid.b, chan->id);
	if (IS_ERR(rb)) {
		ret = PTR_ERR(rb);
		lttng_transport_put(chan->transport);
		goto fail;
	}
	chan->rb = rb;
	/* Its packet headers name the format. */
	if (metadata)
		session->output_format_fixed = true;
	session->next_chan_id++;
	/* A metadata channel lives as long as its file (one per snapshot). */
	if (!metadata)
		list_add_tail(&chan->node, &session->channels);
	else
		INIT_LIST_HEAD(&chan->node);
	mutex_unlock(&lttng_lock);
	return chan;
fail:
	mutex_unlock(&lttng_lock);
	kfree(chan);
	return ERR_PTR(ret);
}

/* Called with lttng_lock held, once no probe can write any more. */
void lttng_channel_destroy(struct lttng_channel *chan)
{
	list_del_init(&chan->node);
	lttng_syscalls_channel_free(chan);
	lttng_rb_chan_finalize(chan->rb);
	lttng_rb_chan_put(chan->rb);
	lttng_transport_put(chan->transport);
	kfree(chan);
}

int lttng_channel_set_enabled(struct lttng_channel *chan, bool enabled)
{
	int ret = 0;

	mutex_lock(&lttng_lock);
	if (!!chan->enabled == enabled)
		ret = -EEXIST;
	else
		WRITE_ONCE(chan->enabled, enabled);
	mutex_unlock(&lttng_lock);
	return ret;
}

struct lttng_enabler *lttng_enabler_create(struct lttng_channel *chan,
					   const struct lttng_abi_event *p)
{
	struct lttng_enabler *en;

	if (!memchr(p->name, '\0', sizeof(p->name)))
		return ERR_PTR(-EINVAL);
	switch (p->instrumentation) {
	case LTTNG_ABI_TRACEPOINT:
		break;
	case LTTNG_ABI_SYSCALL:
		if (p->u.syscall.entryexit > 2 || p->u.syscall.abi != 0 ||
		    p->u.syscall.match != 0)
			return ERR_PTR(-EINVAL);
		break;
	case LTTNG_ABI_FUNCTION:
	case LTTNG_ABI_NOOP:
		return ERR_PTR(-EINVAL);
	case LTTNG_ABI_KPROBE:
	case LTTNG_ABI_KRETPROBE:
	case LTTNG_ABI_UPROBE:
		return ERR_PTR(-ENOSYS);
	default:
		return ERR_PTR(-EINVAL);
	}
	en = kzalloc(sizeof(*en), GFP_KERNEL);
	if (!en)
		return ERR_PTR(-ENOMEM);
	en->chan = chan;
	strscpy(en->name, p->name, sizeof(en->name));
	en->instrumentation = p->instrumentation;
	if (p->instrumentation == LTTNG_ABI_SYSCALL)
		en->sc_entryexit = p->u.syscall.entryexit;
	mutex_lock(&lttng_lock);
	list_add_tail(&en->node, &chan->session->enablers);
	session_sync(chan->session);
	mutex_unlock(&lttng_lock);
	return en;
}

int lttng_enabler_set_enabled(struct lttng_enabler *en, bool enabled)
{
	int ret;

	mutex_lock(&lttng_lock);
	en->enabled = enabled;
	ret = session_sync(en->chan->session);
	mutex_unlock(&lttng_lock);
	return ret;
}

/*
 * Takes @bc (a checked filter) unless the enabler already has one
 * (-EEXIST); any other error is the session sync's, after taking it.
 */
int lttng_enabler_install_filter(struct lttng_enabler *en, void *bc,
				 size_t size)
{
	int ret;

	mutex_lock(&lttng_lock);
	if (en->filter) {
		/* lttng-tools sends one filter per event; keep the first. */
		mutex_unlock(&lttng_lock);
		return -EEXIST;
	}
	en->filter = bc;
	en->filter_size = size;
	ret = session_sync(en->chan->session);
	mutex_unlock(&lttng_lock);
	return ret;
}

/* With lttng_lock held, after the session's events are gone. */
void lttng_enabler_destroy(struct lttng_enabler *en)
{
	list_del(&en->node);
	kvfree(en->filter);
	kfree(en);
}

int lttng_list_tracepoints(struct seq_file *m)
{
	struct lttng_probe_desc *provider;
	unsigned int i;

	mutex_lock(&lttng_lock);
	list_for_each_entry(provider, &lttng_providers, node)
		for (i = 0; i < provider->nr_events; i++)
			/* Syscalls have a list of their own. */
			if (!lttng_desc_is_syscall(provider->events[i]))
				seq_printf(m, "event { name = %s; };\n",
					   provider->events[i]->name);
	mutex_unlock(&lttng_lock);
	return 0;
}
