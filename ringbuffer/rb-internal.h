/* SPDX-License-Identifier: GPL-2.0-only */
/* Between the files of the ring buffer library only. */
#ifndef LTTNG_RB_INTERNAL_H
#define LTTNG_RB_INTERNAL_H

#include <lttng/ringbuffer.h>

/* rb-write.c: a new per-CPU buffer starts with packet 0 open. */
void lttng_rb_open_first_packet(struct lttng_rb_buf *buf);

#endif
