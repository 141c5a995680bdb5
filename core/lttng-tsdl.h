/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * CTF 1.8 TSDL (metadata text) generator.
 *
 * The text goes into the metadata text buffer of lttng-mdtext.h, shared
 * with the CTF 2 generator (lttng-ctf2.h); both read the same event and
 * field descriptions (include/lttng/desc.h).
 */
#ifndef LTTNG_TSDL_H
#define LTTNG_TSDL_H

#include <linux/types.h>
#include <lttng/desc.h>
#include "lttng-mdtext.h"

/*
 * Trace preamble, emitted once per session: typealiases, trace, env,
 * clock, clock-mapped typealiases, packet context and both event header
 * structures.
 */
int lttng_tsdl_trace(struct lttng_md_buf *b,
		     const struct lttng_md_env *env);

/*
 * One stream (channel) block.  @ctx lists the channel's context fields;
 * event.context is only declared when @nr_ctx > 0.
 */
int lttng_tsdl_stream(struct lttng_md_buf *b, unsigned int stream_id,
		      bool large_header,
		      const struct lttng_field_desc * const *ctx,
		      unsigned int nr_ctx);

/* One event block; fields come from @desc in order. */
int lttng_tsdl_event(struct lttng_md_buf *b,
		     const struct lttng_event_desc *desc,
		     unsigned int event_id, unsigned int stream_id);

/* The three above, for callers that choose the format at run time. */
extern const struct lttng_md_format lttng_tsdl_format;

#endif
