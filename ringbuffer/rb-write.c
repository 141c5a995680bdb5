// SPDX-License-Identifier: GPL-2.0-only
/*
 * Ring buffer writer: reserve, commit, packet switch.
 *
 * Runs in any context (NMI included) with preemption disabled, on the CPU
 * that owns the buffer.  The only concurrency is nesting: an interrupt may
 * start a record while the interrupted code is between its reserve and its
 * commit.  Every state change is therefore a single local cmpxchg on
 * buf->offset, and everything else a writer does afterwards touches only
 * bytes that cmpxchg gave it.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <lttng/ringbuffer.h>
#include "rb-pos.h"
#include "rb-internal.h"
#include <wrapper/clock.h>

/*
 * The physical sub-buffer that holds packet @pos.  In overwrite mode the
 * reader may have swapped the slot's sub-buffer out; marking the slot with
 * the packet's use number first makes such a swap impossible until this use
 * is delivered (the reader's cmpxchg expects the previous use number).
 */
static inline unsigned long phys_of(struct lttng_rb_buf *buf,
				    unsigned long pos)
{
	struct lttng_rb_chan *chan = buf->chan;
	struct lttng_rb_slot *slot;
	unsigned long use, word, old;

	if (!chan->overwrite)
		return slot_of(chan, pos);
	slot = &buf->slots[slot_of(chan, pos)];
	use = use_of(chan, pos);
	word = atomic_long_read(&slot->map);
	while ((word >> LTTNG_RB_PHYS_BITS) != use) {
		old = word;
		word = atomic_long_cmpxchg(&slot->map, old,
			(use << LTTNG_RB_PHYS_BITS) |
			(old & RB_PHYS_MASK));
		if (word == old)
			break;
	}
	return word & RB_PHYS_MASK;
}

static inline char *addr_of(struct lttng_rb_buf *buf, unsigned long pos)
{
	struct lttng_rb_chan *chan = buf->chan;

	/*
	 * Discard mode: packet n's slot is its own sub-buffer (phys_of()),
	 * and the sub-buffers are mapped in a row, nsb (a power of two) of
	 * sbsize each: one mask.
	 */
	if (!chan->overwrite)
		return buf->base + (pos & (chan->buf_size - 1));
	return buf->base + (phys_of(buf, pos) << chan->sbshift) +
	       (pos & sb_mask(chan));
}

/*
 * Every byte committed; fill the header's end fields and hand it over.
 * Once per packet: out of line, so that commit_bytes(), on every record,
 * carries neither its frame nor its stack canary.
 */
static noinline void deliver(struct lttng_rb_buf *buf, unsigned long start)
{
	struct lttng_rb_chan *chan = buf->chan;
	struct lttng_rb_slot *slot = &buf->slots[slot_of(chan, start)];
	struct lttng_rb_packet_end end = {
		.data_size = slot->end_data_size,
		.timestamp_end = slot->end_tsc,
		.events_lost = slot->end_lost,
	};

	chan->client->packet_close(buf, addr_of(buf, start), &end);
	smp_store_release(&slot->delivered, start + chan->sbsize);
}

static __always_inline void commit_bytes(struct lttng_rb_buf *buf, unsigned long pos,
			 unsigned long len)
{
	struct lttng_rb_chan *chan = buf->chan;
	struct lttng_rb_slot *slot = &buf->slots[slot_of(chan, pos)];
	unsigned long total;

	/* Order the record's bytes before the count that publishes them. */
	smp_wmb();
	total = local_add_return(len, &slot->commit);
	/* Partial sums of one use never reach a multiple of sbsize. */
	if (!(total & sb_mask(chan)))
		deliver(buf, pos & ~sb_mask(chan));
}

/*
 * May a new packet start at @start?  Its slot's previous use must be fully
 * committed (a stalled outer writer could still be in it after a wrap), and
 * in discard mode the reader must have consumed it.  In overwrite mode the
 * oldest packet is pushed out of the reader's reach instead.
 */
static bool packet_may_open(struct lttng_rb_buf *buf, unsigned long start)
{
	struct lttng_rb_chan *chan = buf->chan;
	struct lttng_rb_slot *slot = &buf->slots[slot_of(chan, start)];
	unsigned long consumed, want;

	if ((unsigned long)local_read(&slot->commit) !=
	    (start >> (chan->sbshift + chan->nshift)) << chan->sbshift)
		return false;
	consumed = atomic_long_read(&buf->consumed);
	if ((long)(start - consumed) < (long)chan->buf_size)
		return true;
	if (!chan->overwrite)
		return false;
	want = start - chan->buf_size + chan->sbsize;
	while ((long)(want - consumed) > 0) {
		unsigned long seen = atomic_long_cmpxchg(&buf->consumed,
							 consumed, want);
		if (seen == consumed)
			break;
		consumed = seen;
	}
	return true;
}

static void packet_open(struct lttng_rb_buf *buf, unsigned long start, u64 tsc)
{
	struct lttng_rb_chan *chan = buf->chan;

	chan->client->packet_open(buf, addr_of(buf, start), tsc,
				  start >> chan->sbshift);
	commit_bytes(buf, start, chan->client->header_size);
}

/*
 * Close the packet at @start holding @data_size bytes: record the end
 * fields for delivery, zero the bytes the consumer will copy as padding
 * (up to the next page), and commit the rest of the sub-buffer.
 */
static void packet_close(struct lttng_rb_buf *buf, unsigned long start,
			 unsigned long data_size, u64 tsc)
{
	struct lttng_rb_chan *chan = buf->chan;
	struct lttng_rb_slot *slot = &buf->slots[slot_of(chan, start)];
	unsigned long padded = min_t(unsigned long, PAGE_ALIGN(data_size),
				     chan->sbsize);

	slot->end_data_size = data_size;
	slot->end_tsc = tsc;
	slot->end_lost = lttng_rb_events_lost(buf);
	if (padded > data_size)
		memset(addr_of(buf, start + data_size), 0, padded - data_size);
	commit_bytes(buf, start, chan->sbsize - data_size);
}

/*
 * What every successful reservation ends with: the record starts at
 * @start and holds @len bytes, stamped @tsc.
 */
static __always_inline void reserved(struct lttng_rb_buf *buf,
				     struct lttng_rb_rec *rec,
				     unsigned long start, size_t len,
				     bool full, u64 tsc)
{
	struct lttng_rb_chan *chan = buf->chan;

	/*
	 * A record that ends exactly on the packet boundary closes the packet
	 * without padding: nobody else will, so record its end here, before
	 * our own commit can deliver it.
	 */
	if (unlikely(!((start + len) & sb_mask(chan)))) {
		struct lttng_rb_slot *slot = &buf->slots[slot_of(chan, start)];

		slot->end_data_size = chan->sbsize;
		slot->end_tsc = tsc;
		slot->end_lost = lttng_rb_events_lost(buf);
	}
	buf->last_tsc = tsc;
	rec->buf = buf;
	rec->begin = start;
	rec->len = len;
	rec->full_tsc = full;
	rec->tsc = tsc;
	rec->pos = addr_of(buf, start);
}

/*
 * Whether the header must carry the full timestamp: when @force_full says
 * so (say, an id the short form cannot hold) or when 2^tsc_bits or more
 * passed since the previous record on this buffer, for a reader rebuilds
 * each timestamp from the low bits and the previous one.
 */
static __always_inline bool needs_full(struct lttng_rb_buf *buf, u64 tsc,
				       bool force_full)
{
	return force_full || ((tsc - buf->last_tsc) & buf->chan->tsc_full_mask);
}

/*
 * lttng_rb_reserve() when the record does not fit the open packet, or
 * another writer (an interrupt) moved the offset under it: the same
 * attempt, from the offset and clock read it saw, then as many as it
 * takes.  Out of line, so that the common case carries none of this.
 */
static noinline int reserve_slow(struct lttng_rb_buf *buf,
				 struct lttng_rb_rec *rec, size_t payload,
				 unsigned int hdr_len, unsigned int hdr_full_len,
				 bool force_full, unsigned long old, u64 tsc)
{
	struct lttng_rb_chan *chan = buf->chan;
	const size_t hdr = chan->client->header_size;
	unsigned long off, next;
	bool full, close;
	size_t len;

	for (;; old = local_read(&buf->offset), tsc = lttng_clock_read()) {
		full = needs_full(buf, tsc, force_full);
		len = payload + (full ? hdr_full_len : hdr_len);
		off = old & sb_mask(chan);

		if (likely(off && off + len <= chan->sbsize)) {
			if (local_cmpxchg(&buf->offset, old, old + len) != old)
				continue;
			reserved(buf, rec, old, len, full, tsc);
			return 0;
		}

		/* The record opens a packet, maybe closing one. */
		if (unlikely(hdr + len > chan->sbsize)) {
			local_inc(&buf->lost_big);
			return -ENOBUFS;
		}
		close = off != 0;
		next = close ? old - off + chan->sbsize : old;
		if (!packet_may_open(buf, next)) {
			local_inc(&buf->lost_full);
			return -ENOBUFS;
		}
		if (local_cmpxchg(&buf->offset, old, next + hdr + len) != old)
			continue;
		if (close)
			packet_close(buf, old - off, off, tsc);
		packet_open(buf, next, tsc);
		reserved(buf, rec, next + hdr, len, full, tsc);
		return 0;
	}
}

/*
 * Claim room for one record: a header of @hdr_len bytes, or @hdr_full_len
 * when it must carry the full timestamp (needs_full()), then @payload
 * bytes.  The length is decided with the clock read that the winning
 * cmpxchg covers, so records are in timestamp order and the decision
 * matches the timestamp written; a writer that loses the cmpxchg (an
 * interrupt reserved in between) reads the clock again.
 *
 * On success rec->pos is the header's first byte, rec->tsc and
 * rec->full_tsc say what the header must hold, and the caller writes
 * exactly the header and the payload, then calls lttng_rb_commit().
 * -ENOBUFS: the record was counted as lost.
 */
int lttng_rb_reserve(struct lttng_rb_buf *buf, struct lttng_rb_rec *rec,
		     size_t payload, unsigned int hdr_len,
		     unsigned int hdr_full_len, bool force_full)
{
	struct lttng_rb_chan *chan = buf->chan;
	unsigned long old, off;
	bool full;
	size_t len;
	u64 tsc;

	if (!lttng_clock_usable())
		return -EPERM;
	old = local_read(&buf->offset);
	tsc = lttng_clock_read();
	full = needs_full(buf, tsc, force_full);
	len = payload + (full ? hdr_full_len : hdr_len);
	off = old & sb_mask(chan);
	/* The common case: it fits the open packet and nobody came between. */
	if (unlikely(!off || off + len > chan->sbsize ||
		     local_cmpxchg(&buf->offset, old, old + len) != old))
		return reserve_slow(buf, rec, payload, hdr_len, hdr_full_len,
				    force_full, old, tsc);
	reserved(buf, rec, old, len, full, tsc);
	return 0;
}
EXPORT_SYMBOL_GPL(lttng_rb_reserve);

void lttng_rb_commit(const struct lttng_rb_rec *rec)
{
	commit_bytes(rec->buf, rec->begin, rec->len);
}
EXPORT_SYMBOL_GPL(lttng_rb_commit);

/*
 * Open packet 0 of a new buffer, before any writer can run, as lttng users
 * expect: a CPU that records nothing still yields one (header-only) packet
 * when the session stops.
 */
void lttng_rb_open_first_packet(struct lttng_rb_buf *buf)
{
	u64 tsc;

	preempt_disable();
	tsc = lttng_clock_read();
	local_set(&buf->offset, buf->chan->client->header_size);
	packet_open(buf, 0, tsc);
	buf->last_tsc = tsc;
	preempt_enable();
}

/* Bytes a raw record could still take in the open (or next) packet. */
size_t lttng_rb_packet_room(struct lttng_rb_buf *buf)
{
	struct lttng_rb_chan *chan = buf->chan;
	unsigned long off = local_read(&buf->offset) & sb_mask(chan);

	if (!off)
		return chan->sbsize - chan->client->header_size;
	return chan->sbsize - off;
}
EXPORT_SYMBOL_GPL(lttng_rb_packet_room);

/*
 * Close the open packet (FLUSH), or if none is open write a header-only
 * packet (EMPTY), unless the buffer has no room for one.  Must run on the
 * buffer's CPU, or with that CPU offline, or for a global buffer under its
 * writers' lock.
 */
void lttng_rb_switch(struct lttng_rb_buf *buf, enum lttng_rb_switch mode)
{
	struct lttng_rb_chan *chan = buf->chan;
	const size_t hdr = chan->client->header_size;
	unsigned long old, off;
	u64 tsc;

	for (;;) {
		old = local_read(&buf->offset);
		off = old & sb_mask(chan);
		if (!off && (mode != LTTNG_RB_SWITCH_EMPTY ||
			     !packet_may_open(buf, old)))
			return;
		tsc = lttng_clock_read();
		if (local_cmpxchg(&buf->offset, old,
				  old - off + chan->sbsize) == old)
			break;
	}
	if (off) {
		packet_close(buf, old - off, off, tsc);
	} else {
		packet_open(buf, old, tsc);
		packet_close(buf, old, hdr, tsc);
	}
	buf->last_tsc = tsc;
}
EXPORT_SYMBOL_GPL(lttng_rb_switch);
