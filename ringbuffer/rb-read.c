// SPDX-License-Identifier: GPL-2.0-only
/*
 * Ring buffer reader: the consumer's view of a buffer.
 *
 * Positions are virtual byte offsets in which every packet takes exactly
 * sbsize bytes, as lttng-consumerd expects.  The reader owns buf->consumed
 * except in overwrite mode, where a writer that needs the oldest slot
 * pushes it forward (cmpxchg on both sides).  Callers hold buf->read_lock.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <lttng/ringbuffer.h>
#include "rb-pos.h"


/* Start of the packet being written: everything before it is closed. */
unsigned long lttng_rb_produced(struct lttng_rb_buf *buf)
{
	return local_read(&buf->offset) & ~sb_mask(buf->chan);
}
EXPORT_SYMBOL_GPL(lttng_rb_produced);

bool lttng_rb_data_ready(struct lttng_rb_buf *buf)
{
	return (long)(lttng_rb_produced(buf) -
		      atomic_long_read(&buf->consumed)) > 0;
}
EXPORT_SYMBOL_GPL(lttng_rb_data_ready);

bool lttng_rb_is_full(struct lttng_rb_buf *buf)
{
	struct lttng_rb_chan *chan = buf->chan;

	return !chan->overwrite &&
	       (long)(lttng_rb_produced(buf) - atomic_long_read(&buf->consumed))
	       >= (long)(chan->buf_size - chan->sbsize);
}
EXPORT_SYMBOL_GPL(lttng_rb_is_full);

/* SNAPSHOT: sample both positions; is a whole packet ready? */
int lttng_rb_snapshot(struct lttng_rb_buf *buf)
{
	unsigned long consumed = atomic_long_read(&buf->consumed);
	unsigned long produced = lttng_rb_produced(buf);

	buf->sample_consumed = consumed;
	buf->sample_produced = produced;
	if ((long)(produced - consumed) > 0)
		return 0;
	return smp_load_acquire(&buf->finalized) ? -ENODATA : -EAGAIN;
}
EXPORT_SYMBOL_GPL(lttng_rb_snapshot);

/* SNAPSHOT_SAMPLE_POSITIONS: like SNAPSHOT, with the raw write offset. */
void lttng_rb_sample_positions(struct lttng_rb_buf *buf)
{
	buf->sample_consumed = atomic_long_read(&buf->consumed);
	buf->sample_produced = local_read(&buf->offset);
}
EXPORT_SYMBOL_GPL(lttng_rb_sample_positions);

/*
 * Take the packet at @pos for reading.  -EAGAIN: not readable (yet, or any
 * more in overwrite mode); -ENODATA: finalized and nothing left.
 */
int lttng_rb_get_subbuf(struct lttng_rb_buf *buf, unsigned long pos)
{
	struct lttng_rb_chan *chan = buf->chan;
	struct lttng_rb_slot *slot;
	unsigned long consumed, size, word, phys, use;

	if (buf->held)
		return -EBUSY;
	if (pos & sb_mask(chan))
		return -EINVAL;
	consumed = atomic_long_read(&buf->consumed);
	if ((long)(pos - consumed) < 0)
		return -EAGAIN;
	if ((long)(lttng_rb_produced(buf) - pos) <= 0)
		return smp_load_acquire(&buf->finalized) ? -ENODATA : -EAGAIN;
	slot = &buf->slots[slot_of(chan, pos)];
	if (smp_load_acquire(&slot->delivered) != pos + chan->sbsize)
		return -EAGAIN;
	size = READ_ONCE(slot->end_data_size);

	if (chan->overwrite) {
		/*
		 * Swap our spare in.  The cmpxchg fails if a writer already
		 * marked the slot for its next use: the packet is gone.
		 */
		use = use_of(chan, pos);
		word = atomic_long_read(&slot->map);
		if ((word >> LTTNG_RB_PHYS_BITS) != use)
			return -EAGAIN;
		phys = word & RB_PHYS_MASK;
		if (atomic_long_cmpxchg(&slot->map, word,
					(use << LTTNG_RB_PHYS_BITS) |
					buf->spare_phys) != word)
			return -EAGAIN;
	} else {
		phys = slot_of(chan, pos);
	}
	buf->read_pos = pos;
	buf->read_phys = phys;
	buf->held_size = size;
	buf->held = true;
	return 0;
}
EXPORT_SYMBOL_GPL(lttng_rb_get_subbuf);

int lttng_rb_get_next_subbuf(struct lttng_rb_buf *buf)
{
	return lttng_rb_get_subbuf(buf, atomic_long_read(&buf->consumed));
}
EXPORT_SYMBOL_GPL(lttng_rb_get_next_subbuf);

/*
 * Release the held packet; @advance also consumes it.  In overwrite mode
 * try to put the packet back in its slot (so a later GET of the same
 * position still finds it); if a writer took the slot meanwhile, keep the
 * packet's sub-buffer as our new spare.
 */
int lttng_rb_put_subbuf(struct lttng_rb_buf *buf, bool advance)
{
	struct lttng_rb_chan *chan = buf->chan;

	if (!buf->held)
		return -EINVAL;
	if (chan->overwrite) {
		struct lttng_rb_slot *slot = &buf->slots[slot_of(chan,
							buf->read_pos)];
		unsigned long use = use_of(chan, buf->read_pos);
		unsigned long ours = (use << LTTNG_RB_PHYS_BITS) |
				     buf->spare_phys;

		if (atomic_long_cmpxchg(&slot->map, ours,
					(use << LTTNG_RB_PHYS_BITS) |
					buf->read_phys) != ours)
			buf->spare_phys = buf->read_phys;
	}
	if (advance)
		atomic_long_cmpxchg(&buf->consumed, buf->read_pos,
				    buf->read_pos + chan->sbsize);
	buf->held = false;
	return 0;
}
EXPORT_SYMBOL_GPL(lttng_rb_put_subbuf);

/* CLEAR: forget everything not read yet (the caller switched first). */
void lttng_rb_clear(struct lttng_rb_buf *buf)
{
	unsigned long produced = lttng_rb_produced(buf);
	unsigned long consumed = atomic_long_read(&buf->consumed);

	while ((long)(produced - consumed) > 0) {
		unsigned long seen = atomic_long_cmpxchg(&buf->consumed,
							 consumed, produced);
		if (seen == consumed)
			break;
		consumed = seen;
	}
}
EXPORT_SYMBOL_GPL(lttng_rb_clear);

void *lttng_rb_held_header(struct lttng_rb_buf *buf)
{
	if (!buf->held)
		return NULL;
	return buf->base + (buf->read_phys << buf->chan->sbshift);
}
EXPORT_SYMBOL_GPL(lttng_rb_held_header);

unsigned long lttng_rb_held_size(struct lttng_rb_buf *buf)
{
	return buf->held ? buf->held_size : 0;
}
EXPORT_SYMBOL_GPL(lttng_rb_held_size);
