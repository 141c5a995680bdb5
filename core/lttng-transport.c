// SPDX-License-Identifier: GPL-2.0-only
/*
 * Transports and packet formats.
 *
 * lttng-sessiond insists on loading six "client" modules by name; each
 * registers one transport (discard or overwrite, splice or mmap, data or
 * metadata) and a channel takes a reference on the module of the one it
 * uses.  The packet headers themselves are the CTF ones of the spec, the
 * same for every data transport.
 */
#include <linux/module.h>
#include <linux/smp.h>
#include <linux/mm.h>
#include <lttng/ctf-pack.h>
#include "tracer.h"

static LIST_HEAD(transports);

void lttng_transport_register(struct lttng_transport *t)
{
	mutex_lock(&lttng_lock);
	list_add_tail(&t->node, &transports);
	mutex_unlock(&lttng_lock);
}
EXPORT_SYMBOL_GPL(lttng_transport_register);

void lttng_transport_unregister(struct lttng_transport *t)
{
	mutex_lock(&lttng_lock);
	list_del(&t->node);
	mutex_unlock(&lttng_lock);
}
EXPORT_SYMBOL_GPL(lttng_transport_unregister);

/* With lttng_lock held. */
const struct lttng_transport *lttng_transport_get(bool overwrite, bool mmap,
						  bool metadata)
{
	struct lttng_transport *t;

	list_for_each_entry(t, &transports, node) {
		if (t->metadata != metadata || t->output_mmap != mmap ||
		    (!metadata && t->overwrite != overwrite))
			continue;
		if (!try_module_get(t->owner))
			return NULL;
		return t;
	}
	return NULL;
}

void lttng_transport_put(const struct lttng_transport *t)
{
	module_put(t->owner);
}

/* The data packet header and context of spec 4.2 (include/lttng/ctf-pack.h). */
static void data_packet_open(const struct lttng_rb_buf *buf, void *header,
			     u64 tsc, u64 seq)
{
	const struct lttng_rb_chan *chan = buf->chan;

	lttng_pack_packet_header_begin(header, chan->uuid, chan->stream_id,
				       buf->cpu, tsc, seq, buf->cpu);
}

static void data_packet_close(const struct lttng_rb_buf *buf, void *header,
			      const struct lttng_rb_packet_end *end)
{
	lttng_pack_packet_header_end(header, end->timestamp_end,
				     (u64)end->data_size * 8,
				     (u64)PAGE_ALIGN(end->data_size) * 8,
				     end->events_lost);
}

const struct lttng_rb_client lttng_data_client = {
	.header_size = LTTNG_PKT_HEADER_LEN,
	.packet_open = data_packet_open,
	.packet_close = data_packet_close,
};

/*
 * Metadata packets (spec 4.4): the header is written whole at close time,
 * when the sizes are known; nothing in it depends on the open time.
 */
static void metadata_packet_open(const struct lttng_rb_buf *buf, void *header,
				 u64 tsc, u64 seq)
{
}

static void metadata_packet_close(const struct lttng_rb_buf *buf,
				  void *header,
				  const struct lttng_rb_packet_end *end)
{
	lttng_pack_metadata_header(header, buf->chan->uuid,
				   end->data_size * 8,
				   PAGE_ALIGN(end->data_size) * 8);
}

const struct lttng_rb_client lttng_metadata_client = {
	.header_size = LTTNG_MD_HEADER_LEN,
	.packet_open = metadata_packet_open,
	.packet_close = metadata_packet_close,
};

/*
 * A CTF 2 session's metadata stream: the same packets, whose header says
 * 2.0 (JSON text), as upstream's.  lttng-consumerd 2.14+ strips the
 * 37-byte header of every packet, whatever the format, and stores the
 * text alone; the tools before 2.15 never ask for CTF 2.
 */
static void metadata_ctf2_packet_close(const struct lttng_rb_buf *buf,
				       void *header,
				       const struct lttng_rb_packet_end *end)
{
	lttng_pack_metadata_header_version(header, buf->chan->uuid,
					   end->data_size * 8,
					   PAGE_ALIGN(end->data_size) * 8,
					   2, 0);
}

const struct lttng_rb_client lttng_metadata_ctf2_client = {
	.header_size = LTTNG_MD_HEADER_LEN,
	.packet_open = metadata_packet_open,
	.packet_close = metadata_ctf2_packet_close,
};

/* The stream ioctls 0x20..0x28 that read the held packet's header. */
u64 lttng_packet_header_field(const void *header, unsigned int ioc_nr)
{
	static const enum lttng_packet_field_id by_nr[] = {
		[0x20 - 0x20] = LTTNG_PKT_TIMESTAMP_BEGIN,
		[0x21 - 0x20] = LTTNG_PKT_TIMESTAMP_END,
		[0x22 - 0x20] = LTTNG_PKT_EVENTS_DISCARDED,
		[0x23 - 0x20] = LTTNG_PKT_CONTENT_SIZE,
		[0x24 - 0x20] = LTTNG_PKT_PACKET_SIZE,
		[0x25 - 0x20] = LTTNG_PKT_STREAM_ID,
		[0x27 - 0x20] = LTTNG_PKT_PACKET_SEQ_NUM,
		[0x28 - 0x20] = LTTNG_PKT_STREAM_INSTANCE_ID,
	};

	if (ioc_nr < 0x20 || ioc_nr - 0x20 >= ARRAY_SIZE(by_nr))
		return 0;
	return lttng_packet_field(header, by_nr[ioc_nr - 0x20]);
}

/* The record path for the probe modules: __lttng_event_reserve(). */
int lttng_event_reserve(struct lttng_record *r, struct lttng_event *ev,
			size_t payload)
{
	return __lttng_event_reserve(r, ev, payload);
}
EXPORT_SYMBOL_GPL(lttng_event_reserve);
