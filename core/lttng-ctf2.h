/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * CTF 2 metadata generator: the metadata stream as a JSON text sequence
 * (RFC 7464: each fragment is RS 0x1E, one JSON object, LF), written from
 * the same descriptions as the TSDL generator (lttng-tsdl.h) and into the
 * same text buffer (lttng-mdtext.h).  The data streams do not depend on
 * the format: both generators describe the same packets and records.
 *
 * Each call appends whole fragments or nothing (see lttng-mdtext.h), in
 * the order the format needs them: the trace (preamble, trace class,
 * clock class) first, a stream before the events that refer to it.
 */
#ifndef LTTNG_CTF2_H
#define LTTNG_CTF2_H

#include <linux/types.h>
#include <lttng/desc.h>
#include "lttng-mdtext.h"

/* Preamble, trace class (packet header, environment) and clock class. */
int lttng_ctf2_trace(struct lttng_md_buf *b, const struct lttng_md_env *env);

/*
 * One data stream class: packet context, event record header (compact or
 * large), and the channel's context fields (@ctx) when @nr_ctx > 0.
 */
int lttng_ctf2_stream(struct lttng_md_buf *b, unsigned int stream_id,
		      bool large_header,
		      const struct lttng_field_desc * const *ctx,
		      unsigned int nr_ctx);

/* One event record class; payload fields come from @desc in order. */
int lttng_ctf2_event(struct lttng_md_buf *b,
		     const struct lttng_event_desc *desc,
		     unsigned int event_id, unsigned int stream_id);

/* The three above, for callers that choose the format at run time. */
extern const struct lttng_md_format lttng_ctf2_format;

#endif
