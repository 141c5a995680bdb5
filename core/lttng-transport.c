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

/* The data packet header and context of spec 4.2: 84 bytes, packed. */
struct data_packet_header {
	u32 magic;
	u8 uuid[16];
	u32 stream_id;
	u64 stream_instance_id;
	u64 timestamp_begin;
	u64 timestamp_end;
	u64 content_size;
	u64 packet_size;
	u64 packet_seq_num;
	u64 events_discarded;
	u32 cpu_id;
} __packed;

#define DATA_PACKET_MAGIC	0xC1FC1FC1U
#define METADATA_PACKET_MAGIC	0x75D11D57U

static void data_packet_open(const struct lttng_rb_buf *buf, void *header,
			     u64 tsc, u64 seq)
{
	struct data_packet_header *h = header;
	const struct lttng_rb_chan *chan = buf->chan;

	h->magic = DATA_PACKET_MAGIC;
	memcpy(h->uuid, chan->uuid, sizeof(h->uuid));
	h->stream_id = chan->stream_id;
	h->stream_instance_id = buf->cpu;
	h->timestamp_begin = tsc;
	/* Until the packet is closed its size fields say "unknown". */
	h->timestamp_end = 0;
	h->content_size = ~0ULL;
	h->packet_size = ~0ULL;
	h->packet_seq_num = seq;
	h->events_discarded = 0;
	h->cpu_id = buf->cpu;
}

static void data_packet_close(const struct lttng_rb_buf *buf, void *header,
			      const struct lttng_rb_packet_end *end)
{
	struct data_packet_header *h = header;

	h->timestamp_end = end->timestamp_end;
	h->content_size = (u64)end->data_size * 8;
	h->packet_size = (u64)PAGE_ALIGN(end->data_size) * 8;
	h->events_discarded = end->events_lost;
}

const struct lttng_rb_client lttng_data_client = {
	.header_size = sizeof(struct data_packet_header),
	.packet_open = data_packet_open,
	.packet_close = data_packet_close,
};

/* The metadata packet header of spec 4.4: 37 bytes, packed. */
struct metadata_packet_header {
	u32 magic;
	u8 uuid[16];
	u32 checksum;
	u32 content_size;
	u32 packet_size;
	u8 compression_scheme;
	u8 encryption_scheme;
	u8 checksum_scheme;
	u8 major;
	u8 minor;
} __packed;

static void metadata_packet_open(const struct lttng_rb_buf *buf, void *header,
				 u64 tsc, u64 seq)
{
	struct metadata_packet_header *h = header;

	memset(h, 0, sizeof(*h));
	h->magic = METADATA_PACKET_MAGIC;
	memcpy(h->uuid, buf->chan->uuid, sizeof(h->uuid));
	h->major = 1;
	h->minor = 8;
}

static void metadata_packet_close(const struct lttng_rb_buf *buf,
				  void *header,
				  const struct lttng_rb_packet_end *end)
{
	struct metadata_packet_header *h = header;

	h->content_size = end->data_size * 8;
	h->packet_size = PAGE_ALIGN(end->data_size) * 8;
}

const struct lttng_rb_client lttng_metadata_client = {
	.header_size = sizeof(struct metadata_packet_header),
	.packet_open = metadata_packet_open,
	.packet_close = metadata_packet_close,
};

u64 lttng_packet_header_field(const void *header, unsigned int ioc_nr)
{
	const struct data_packet_header *h = header;

	switch (ioc_nr) {
	case 0x20: return h->timestamp_begin;
	case 0x21: return h->timestamp_end;
	case 0x22: return h->events_discarded;
	case 0x23: return h->content_size;
	case 0x24: return h->packet_size;
	case 0x25: return h->stream_id;
	case 0x27: return h->packet_seq_num;
	case 0x28: return h->stream_instance_id;
	}
	return 0;
}

/*
 * The record path: pick this CPU's buffer, reserve header + context +
 * payload, write the context.  Probes run with preemption disabled.
 */
int lttng_event_reserve(struct lttng_record *r, struct lttng_event *ev,
			size_t payload)
{
	struct lttng_channel *chan = ev->chan;
	struct lttng_rb_buf *buf = chan->rb->bufs[smp_processor_id()];
	unsigned int i;
	int ret;

	ret = lttng_rb_reserve(buf, &r->rb, ev->id, payload + chan->ctx.size,
			       chan->large_header ? LTTNG_RB_HEADER_LARGE :
			       LTTNG_RB_HEADER_COMPACT);
	if (unlikely(ret))
		return ret;
	r->event = ev;
	for (i = 0; i < chan->ctx.nr; i++)
		chan->ctx.fields[i].record(&r->rb, chan);
	return 0;
}
EXPORT_SYMBOL_GPL(lttng_event_reserve);
