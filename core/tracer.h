/* SPDX-License-Identifier: GPL-2.0-only */
/* Private interfaces between the files of the tracer core module. */
#ifndef LTTNG_CORE_TRACER_H
#define LTTNG_CORE_TRACER_H

#include <linux/fs.h>
#include <lttng/abi.h>
#include <lttng/ctf-pack.h>
#include <lttng/events.h>

#define LTTNG_FORK_NAME		"lttng-modules-ns"
#define LTTNG_FORK_VERSION	"0.1.0"

/* Serialises every change to sessions, probes, transports and enablers. */
extern struct mutex lttng_lock;
extern struct list_head lttng_sessions;

/*
 * The record path: pick this CPU's buffer, reserve header + context +
 * payload, write the CTF event header and the context.  The ring buffer
 * decides whether the header needs the full timestamp (it sees the clock
 * read its reservation is made with); an id too large for the short
 * header forces the full one.  Probes run with preemption disabled
 * (by the tracepoint or by lttng_probe_begin()).  Inline for the core's
 * own events (system calls), exported as lttng_event_reserve() for the
 * probe modules.
 */
static __always_inline int __lttng_event_reserve(struct lttng_record *r,
						 struct lttng_event *ev,
						 size_t payload)
{
	struct lttng_channel *chan = ev->chan;
	struct lttng_rb_buf *buf = chan->rb->bufs[smp_processor_id()];
	const bool large = chan->large_header;
	unsigned int i;
	int ret;

	ret = lttng_rb_reserve(buf, &r->rb, payload + chan->ctx.size,
			       lttng_event_header_len(large, false),
			       lttng_event_header_len(large, true),
			       lttng_event_id_needs_extended(large, ev->id));
	if (unlikely(ret))
		return ret;
	r->rb.pos += lttng_pack_event_header((u8 *)r->rb.pos, large, ev->id,
					     r->rb.tsc, r->rb.full_tsc);
	r->event = ev;
	for (i = 0; i < chan->ctx.nr; i++)
		chan->ctx.fields[i].record(&r->rb, chan);
	return 0;
}

/* lttng-abi.c */
int lttng_abi_init(void);
void lttng_abi_exit(void);

/* lttng-session.c */
struct lttng_session *lttng_session_create(void);
void lttng_session_destroy(struct lttng_session *session);
int lttng_session_start(struct lttng_session *session);
int lttng_session_stop(struct lttng_session *session);
int lttng_session_metadata_regen(struct lttng_session *session);
int lttng_session_set_output_format(struct lttng_session *session,
				    u32 format);
int lttng_session_statedump(struct lttng_session *session);
struct lttng_channel *lttng_channel_create(struct lttng_session *session,
					   const struct lttng_abi_channel *p,
					   bool metadata);
void lttng_channel_destroy(struct lttng_channel *chan);
int lttng_channel_set_enabled(struct lttng_channel *chan, bool enabled);
struct lttng_enabler *lttng_enabler_create(struct lttng_channel *chan,
					   const struct lttng_abi_event *p);
int lttng_enabler_set_enabled(struct lttng_enabler *en, bool enabled);
void lttng_enabler_destroy(struct lttng_enabler *en);
int lttng_enabler_install_filter(struct lttng_enabler *en, void *bc,
				 size_t size);
bool lttng_enabler_applies(const struct lttng_enabler *en,
			   const struct lttng_event *ev);
void lttng_sessions_sync_all(void);
void lttng_sessions_remove_provider(const struct lttng_probe_desc *desc);
int lttng_list_tracepoints(struct seq_file *m);

/* lttng-probes.c */
extern struct list_head lttng_providers;
int lttng_event_attach(struct lttng_event *ev);
void lttng_event_detach(struct lttng_event *ev);
void lttng_tracepoints_quiesce(void);

/* lttng-syscalls.c */
int lttng_syscalls_init(void);
void lttng_syscalls_exit(void);
bool lttng_desc_is_syscall(const struct lttng_event_desc *desc);
bool lttng_desc_syscall_is_exit(const struct lttng_event_desc *desc);
const char *lttng_desc_syscall_name(const struct lttng_event_desc *desc);
void lttng_syscalls_channel_free(struct lttng_channel *chan);
int lttng_syscalls_list(struct seq_file *m);
long lttng_syscalls_mask(struct lttng_channel *chan, u32 __user *uptr);

/* lttng-transport.c */
const struct lttng_transport *lttng_transport_get(bool overwrite, bool mmap,
						  bool metadata);
void lttng_transport_put(const struct lttng_transport *t);
extern const struct lttng_rb_client lttng_data_client;
extern const struct lttng_rb_client lttng_metadata_client;
extern const struct lttng_rb_client lttng_metadata_ctf2_client;
/* Low timestamp bits a short event header keeps (ring buffer tsc_bits). */
#define LTTNG_EVENT_TSC_BITS	LTTNG_CTF_TS_BITS

u64 lttng_packet_header_field(const void *header, unsigned int ioc_nr);

/* lttng-metadata.c */
struct lttng_metadata_cache *lttng_metadata_cache_create(const uuid_t *uuid);
void lttng_metadata_cache_put(struct lttng_metadata_cache *cache);
int lttng_metadata_session(struct lttng_session *session);
int lttng_metadata_channel(struct lttng_session *session,
			   struct lttng_channel *chan);
int lttng_metadata_event(struct lttng_session *session,
			 struct lttng_event *ev);
void lttng_metadata_cache_reset(struct lttng_metadata_cache *cache);

/* lttng-stream.c */
int lttng_stream_open_data(struct lttng_channel *chan);
int lttng_stream_open_metadata(struct lttng_session *session,
			       struct lttng_channel *chan);
void lttng_metadata_streams_finalize(struct lttng_metadata_cache *cache);
void lttng_metadata_wake(struct lttng_metadata_cache *cache);

/* lttng-tracker.c */
int lttng_session_track(struct lttng_session *session, u32 type, s32 id,
			bool add);
void lttng_session_trackers_free(struct lttng_session *session);

/* lttng-context.c */
int lttng_context_add(struct lttng_ctx *ctx, u32 type);
const struct lttng_field_desc * const *lttng_context_filter_table(void);
int lttng_context_filter_prepare(u64 mask);
void lttng_context_filter_values(u64 mask, struct lttng_filter_value *fv);

/* lttng-event-filter.c */
int lttng_enabler_set_filter(struct lttng_enabler *en,
			     const void __user *arg);
int lttng_event_filter_sync(struct lttng_event *ev, bool unfiltered,
			    struct list_head *dead);
void lttng_event_filters_free_dead(struct list_head *dead);
void lttng_event_filter_destroy(struct lttng_event *ev);

#endif
