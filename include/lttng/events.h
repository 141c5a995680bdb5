/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Event descriptions (what a probe module provides) and the runtime
 * objects of the tracer core (sessions, channels, events), plus the inline
 * record path that generated probes call.
 */
#ifndef LTTNG_EVENTS_H
#define LTTNG_EVENTS_H

#include <linux/string.h>
#include <linux/types.h>
#include <linux/list.h>
#include <linux/kref.h>
#include <linux/mutex.h>
#include <wrapper/uuid.h>
#include <lttng/ringbuffer.h>

struct module;
struct file;

#include <lttng/desc.h>
#include <lttng/filter-value.h>

int lttng_probe_register(struct lttng_probe_desc *desc);
void lttng_probe_unregister(struct lttng_probe_desc *desc);

/* ---- Runtime objects ---- */

struct lttng_session;
struct lttng_channel;

/* A context field the channel prepends to every event's payload. */
struct lttng_ctx_field {
	struct lttng_field_desc desc;
	size_t size;			/* bytes in the record */
	void (*record)(struct lttng_rb_rec *rec, struct lttng_channel *chan);
	int type;			/* ABI context number, for EEXIST */
};

#define LTTNG_MAX_CTX	40

struct lttng_ctx {
	unsigned int nr;
	size_t size;			/* sum of the fields' sizes */
	struct lttng_ctx_field fields[LTTNG_MAX_CTX];
};

struct lttng_event_filter;
struct lttng_chan_syscalls;

struct lttng_event {
	struct lttng_channel *chan;
	const struct lttng_event_desc *desc;
	unsigned int id;		/* per channel */
	int enabled;			/* read by probes */
	bool registered;		/* probe attached to its tracepoint */
	bool metadata_done;
	/* Read by probes; NULL: record every hit (core/lttng-event-filter.c). */
	struct lttng_event_filter __rcu *filter;
	struct list_head filter_links;	/* filters linked for this event */
	struct list_head chan_node;	/* chan->events */
	struct list_head session_node;	/* session->events */
};

/* An EVENT ioctl's request: a name or star-glob, enabled or not. */
struct lttng_enabler {
	struct lttng_channel *chan;
	char name[256];
	int instrumentation;
	/* SYSCALL: LTTNG_ABI_SYSCALL_{ENTRYEXIT,ENTRY,EXIT} */
	unsigned char sc_entryexit;
	int enabled;
	void *filter;			/* checked bytecode, or NULL */
	size_t filter_size;
	struct list_head node;		/* session->enablers */
};

struct lttng_channel {
	struct lttng_session *session;
	struct lttng_rb_chan *rb;
	const struct lttng_transport *transport;
	unsigned int id;		/* CTF stream id */
	int enabled;			/* read by probes */
	bool is_metadata;
	bool large_header;		/* chosen at the first start */
	bool metadata_done;
	unsigned int next_event_id;
	struct lttng_ctx ctx;
	/* Its syscall events by number (core/lttng-syscalls.c), or NULL. */
	struct lttng_chan_syscalls *syscalls;
	struct list_head events;
	struct list_head node;		/* session->channels */
	struct file *file;
	unsigned int nr_streams_opened;
};

struct lttng_metadata_cache {
	struct kref ref;
	struct mutex lock;
	char *data;
	size_t len, alloc;
	u64 version;
	wait_queue_head_t wait;		/* metadata stream readers */
	struct list_head streams;
	uuid_t uuid;
};

struct lttng_id_set;

struct lttng_session {
	int active;			/* read by probes */
	unsigned int trackers_restricted;	/* bit per tracker with a set */
	struct lttng_id_set __rcu *trackers[6];
	bool been_active;
	struct list_head channels;
	struct list_head events;
	struct list_head enablers;
	struct list_head node;		/* global session list */
	struct lttng_metadata_cache *metadata;
	unsigned int next_chan_id;
	uuid_t uuid;
	char name[256];
	char creation_time[26];
	s64 clock_offset;		/* realtime - monotonic, ns */
	/*
	 * enum lttng_abi_output_format of the metadata.  Fixed once a
	 * metadata channel exists or the session started: the metadata
	 * of one trace is in one format.
	 */
	u32 output_format;
	bool output_format_fixed;
	struct file *file;
};

/* A ring buffer flavour, registered by one client module. */
struct lttng_transport {
	const char *name;
	struct module *owner;
	bool overwrite;
	bool output_mmap;
	bool metadata;
	struct list_head node;
};

void lttng_transport_register(struct lttng_transport *t);
void lttng_transport_unregister(struct lttng_transport *t);

/* ---- The record path, called by generated probes ---- */

struct lttng_record {
	struct lttng_rb_rec rb;
	struct lttng_event *event;
};

bool lttng_session_tracks_current(struct lttng_session *session);

static inline bool lttng_event_on(const struct lttng_event *ev)
{
	struct lttng_session *session = ev->chan->session;

	if (!READ_ONCE(ev->enabled) || !READ_ONCE(ev->chan->enabled) ||
	    !READ_ONCE(session->active))
		return false;
	return likely(!READ_ONCE(session->trackers_restricted)) ||
	       lttng_session_tracks_current(session);
}

int lttng_event_reserve(struct lttng_record *r, struct lttng_event *ev,
			size_t payload);

static inline void lttng_event_write(struct lttng_record *r, const void *src,
				     size_t len)
{
	lttng_rb_write(&r->rb, src, len);
}

/*
 * A NUL-terminated string whose size was taken when the record was
 * reserved: @len bytes then the NUL, whatever @src holds by now.  Another
 * CPU may change @src meanwhile (an interface renamed, another task's
 * comm...), and the record's layout must not follow: the bytes are read
 * once, by the copy, and a string that got shorter is padded with '#'
 * (as upstream LTTng pads) instead of ending early, while one that got
 * longer is cut.  A reader therefore finds exactly one NUL, at the end.
 */
static inline void lttng_event_write_string(struct lttng_record *r,
					    const char *src, size_t len)
{
	char *dst = r->rb.pos;
	char *nul;

	memcpy(dst, src, len);
	nul = memchr(dst, '\0', len);
	if (unlikely(nul))
		memset(nul, '#', dst + len - nul);
	dst[len] = '\0';
	r->rb.pos += len + 1;
}

/*
 * For an event with a filter: @vals holds its payload values, then room
 * for LTTNG_FILTER_CTX_SLOTS context values.  True: record the event.
 */
bool lttng_event_filter_pass(const struct lttng_event *ev,
			     struct lttng_filter_value *vals);

static inline void lttng_event_commit(struct lttng_record *r)
{
	lttng_rb_commit(&r->rb);
}

#endif
