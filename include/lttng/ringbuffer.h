/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The ring buffer library (module lttng-lib-ring-buffer): per-CPU buffers
 * of sub-buffers ("packets"), a lock-free writer usable from any context,
 * a reader that hands whole packets to lttng-consumerd, and the trace
 * clock.  It knows nothing of the trace format: the client that creates a
 * channel writes packet headers (struct lttng_rb_client) and record
 * headers (after lttng_rb_reserve()).  doc/design.md explains the
 * protocol; the short version:
 *
 *  - buf->offset is a virtual byte position that only grows.  Packet number
 *    p occupies [p * sbsize, (p + 1) * sbsize) and lives in slot p % nsb.
 *    An offset on a packet boundary means "no packet open".
 *  - Writers claim space with a local cmpxchg on buf->offset (only the
 *    owning CPU writes, so nesting is the only race), then write, then add
 *    what they wrote to the slot's commit counter.
 *  - Whoever closes a packet commits its padding; the commit that completes
 *    sbsize bytes "delivers" the packet: it fills in the header's end fields
 *    and publishes slot->delivered, which is what the reader waits for.
 *  - In overwrite mode the reader swaps a spare sub-buffer into the slot it
 *    reads, so writers never scribble over a packet being read.
 */
#ifndef LTTNG_RINGBUFFER_H
#define LTTNG_RINGBUFFER_H

#include <linux/types.h>
#include <linux/cache.h>
#include <linux/kref.h>
#include <wrapper/barrier.h>
#include <linux/mutex.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <asm/local.h>

struct lttng_rb_chan;
struct lttng_rb_buf;

/* What the packet header code learns when a packet is closed. */
struct lttng_rb_packet_end {
	unsigned long data_size;	/* bytes, header included */
	u64 timestamp_end;
	unsigned long events_lost;	/* cumulative, at close time */
};

/* The packet format: supplied by the client that creates the channel. */
struct lttng_rb_client {
	size_t header_size;
	/* Write the header of packet number @seq of @buf, opened at @tsc. */
	void (*packet_open)(const struct lttng_rb_buf *buf, void *header,
			    u64 tsc, u64 seq);
	/* Fill in the end fields once every byte of the packet is committed. */
	void (*packet_close)(const struct lttng_rb_buf *buf, void *header,
			     const struct lttng_rb_packet_end *end);
};

struct lttng_rb_config {
	size_t subbuf_size;		/* power of 2, >= PAGE_SIZE */
	size_t num_subbuf;		/* power of 2; >= 2 to overwrite */
	/*
	 * Low timestamp bits a short record header keeps (1..64): a record
	 * written 2^tsc_bits or more after the previous one on its buffer
	 * needs the full timestamp (see lttng_rb_reserve()).
	 */
	unsigned int tsc_bits;
	unsigned int switch_timer_us;
	unsigned int read_timer_us;
	bool overwrite;
	bool output_mmap;
	bool per_cpu;			/* else one buffer, writers serialised */
};

struct lttng_rb_slot {
	local_t commit;			/* bytes committed, all uses summed */
	unsigned long delivered;	/* end offset of the last delivered use */
	unsigned long end_data_size;	/* set by the closer, read at delivery */
	u64 end_tsc;
	unsigned long end_lost;
	atomic_long_t map;		/* overwrite: use << RB_PHYS_BITS | phys */
};

#define LTTNG_RB_PHYS_BITS	20
#define LTTNG_RB_MAX_SUBBUF	((1UL << LTTNG_RB_PHYS_BITS) - 2)

struct lttng_rb_buf {
	struct lttng_rb_chan *chan;
	int cpu;			/* -1 for a global buffer */

	/* Writer side: touched on every event, by the owning CPU only. */
	local_t offset;
	u64 last_tsc;
	local_t lost_full;
	local_t lost_big;
	char *base;			/* vmap of all physical sub-buffers */
	struct lttng_rb_slot *slots;

	/* Reader side, on its own cache lines: the writer never waits on it. */
	atomic_long_t consumed ____cacheline_aligned;
	struct mutex read_lock;		/* serialises get/put/mmap offsets */
	bool held;
	unsigned long read_pos;		/* virtual offset of the held packet */
	unsigned long read_phys;	/* physical sub-buffer holding it */
	unsigned long held_size;	/* its data bytes, header included */
	unsigned long spare_phys;	/* overwrite: the reader's own */
	unsigned long sample_consumed, sample_produced;
	atomic_t has_reader;
	int finalized;
	wait_queue_head_t read_wait;

	struct page **pages;
	unsigned long nr_pages;
};

struct lttng_rb_chan {
	struct kref ref;
	const struct lttng_rb_client *client;
	/* What the packet headers say; lives as long as the buffers do. */
	u8 uuid[16];
	u32 stream_id;
	unsigned long sbsize, buf_size;
	unsigned int sbshift, nsb, nshift, nr_phys;
	u64 tsc_full_mask;		/* delta bits a short header loses */
	bool overwrite, output_mmap, per_cpu;
	unsigned int nr_bufs;
	struct lttng_rb_buf **bufs;	/* indexed by CPU, NULL if impossible */
	unsigned long read_interval, switch_interval;	/* jiffies */
	struct delayed_work read_work, switch_work;
	bool timers_stopped;
	wait_queue_head_t hp_wait;	/* channel fd pollers */
	int finalized;
};

struct lttng_rb_rec {
	struct lttng_rb_buf *buf;
	char *pos;			/* next byte to write */
	unsigned long begin;		/* virtual offset of the record */
	unsigned int len;
	bool full_tsc;			/* header must carry all of tsc */
	u64 tsc;
};

enum lttng_rb_switch {
	LTTNG_RB_SWITCH_FLUSH,		/* close the open packet, if any */
	LTTNG_RB_SWITCH_EMPTY,		/* ... or write a header-only packet */
};

struct lttng_rb_chan *lttng_rb_chan_create(const struct lttng_rb_config *cfg,
					   const struct lttng_rb_client *client,
					   const u8 *uuid, u32 stream_id);
void lttng_rb_chan_get(struct lttng_rb_chan *chan);
void lttng_rb_chan_put(struct lttng_rb_chan *chan);
/* No more writes will come: close packets, stop timers, wake readers. */
void lttng_rb_chan_finalize(struct lttng_rb_chan *chan);
void lttng_rb_chan_switch_all(struct lttng_rb_chan *chan,
			      enum lttng_rb_switch mode);
void lttng_rb_buf_switch_remote(struct lttng_rb_buf *buf,
				enum lttng_rb_switch mode);
void lttng_rb_chan_wake_readers(struct lttng_rb_chan *chan);

/* Writer. */
int lttng_rb_reserve(struct lttng_rb_buf *buf, struct lttng_rb_rec *rec,
		     size_t payload, unsigned int hdr_len,
		     unsigned int hdr_full_len, bool force_full);
void lttng_rb_commit(const struct lttng_rb_rec *rec);
void lttng_rb_switch(struct lttng_rb_buf *buf, enum lttng_rb_switch mode);
size_t lttng_rb_packet_room(struct lttng_rb_buf *buf);

static inline void lttng_rb_write(struct lttng_rb_rec *rec, const void *src,
				  size_t len)
{
	memcpy(rec->pos, src, len);
	rec->pos += len;
}

static inline void lttng_rb_memset(struct lttng_rb_rec *rec, int c, size_t len)
{
	memset(rec->pos, c, len);
	rec->pos += len;
}

/* Reader. */
int lttng_rb_snapshot(struct lttng_rb_buf *buf);
int lttng_rb_flush_or_populate(struct lttng_rb_buf *buf, void *packet,
			       bool *flushed);
void lttng_rb_sample_positions(struct lttng_rb_buf *buf);
int lttng_rb_get_subbuf(struct lttng_rb_buf *buf, unsigned long pos);
int lttng_rb_get_next_subbuf(struct lttng_rb_buf *buf);
int lttng_rb_put_subbuf(struct lttng_rb_buf *buf, bool advance);
void lttng_rb_clear(struct lttng_rb_buf *buf);
bool lttng_rb_data_ready(struct lttng_rb_buf *buf);
bool lttng_rb_is_full(struct lttng_rb_buf *buf);
unsigned long lttng_rb_produced(struct lttng_rb_buf *buf);
/* The held packet's header and its data size (0 if none held). */
void *lttng_rb_held_header(struct lttng_rb_buf *buf);
unsigned long lttng_rb_held_size(struct lttng_rb_buf *buf);

static inline unsigned long lttng_rb_events_lost(struct lttng_rb_buf *buf)
{
	return local_read(&buf->lost_full) + local_read(&buf->lost_big);
}

#endif
