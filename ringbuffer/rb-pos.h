/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Position arithmetic shared by the writer and the reader: a virtual
 * offset names a packet (offset / sbsize), its slot (packet mod nsb) and
 * its use of that slot (packet / nsb, as stored in overwrite-mode slot maps).
 */
#ifndef LTTNG_RB_POS_H
#define LTTNG_RB_POS_H

#include <lttng/ringbuffer.h>

#define RB_PHYS_MASK	((1UL << LTTNG_RB_PHYS_BITS) - 1)

static inline unsigned long sb_mask(const struct lttng_rb_chan *chan)
{
	return chan->sbsize - 1;
}

static inline unsigned int slot_of(const struct lttng_rb_chan *chan,
				   unsigned long pos)
{
	return (pos >> chan->sbshift) & (chan->nsb - 1);
}

static inline unsigned long use_of(const struct lttng_rb_chan *chan,
				   unsigned long pos)
{
	return (pos >> (chan->sbshift + chan->nshift)) &
	       ((1UL << (BITS_PER_LONG - LTTNG_RB_PHYS_BITS)) - 1);
}

#endif
