/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * CTF 1.8 TSDL (metadata text) generator.
 *
 * Pure text generation with no kernel dependency beyond <linux/types.h>
 * and printf-style formatting, so that the same file is built into the
 * tracer module and into the user-space unit tests (tests/unit), which
 * feed its output to babeltrace2.
 *
 * The text goes into a growable buffer whose memory comes from two
 * functions the environment supplies: core/lttng-tsdl-kernel.c in the
 * kernel, the test program in user space.
 */
#ifndef LTTNG_TSDL_H
#define LTTNG_TSDL_H

#include <linux/types.h>
#include <lttng/desc.h>

/*
 * NUL-terminated text of @len bytes in @data (NULL while empty), @alloc
 * bytes allocated.  @error is sticky: once an append failed, every later
 * call returns the same error without writing, so a caller may chain
 * calls and check once.  A failed call leaves @len where it was before
 * that call, so a half-written block never stays in the buffer.
 */
struct lttng_tsdl_buf {
	char *data;
	size_t len, alloc;
	int error;
};

struct lttng_tsdl_env {
	const u8 *uuid;			/* 16 bytes, trace uuid */
	const char *hostname, *sysname, *kernel_release, *kernel_version;
	const char *trace_name, *creation_time;	/* may be "" */
	const char *product_uuid;	/* NULL if none */
	unsigned int tracer_major, tracer_minor, tracer_patchlevel;
	const char *fork_name, *fork_version;	/* NULL to leave out */
	const char *clock_uuid;		/* boot_id text */
	s64 clock_offset;		/* ns, realtime - monotonic */
};

/* Supplied by the environment.  realloc(NULL, 0, n) allocates. */
void *lttng_tsdl_realloc(void *p, size_t old_size, size_t new_size);
void lttng_tsdl_free(void *p);

void lttng_tsdl_buf_init(struct lttng_tsdl_buf *b);
void lttng_tsdl_buf_release(struct lttng_tsdl_buf *b);

/*
 * Trace preamble, emitted once per session: typealiases, trace, env,
 * clock, clock-mapped typealiases, packet context and both event header
 * structures.
 */
int lttng_tsdl_trace(struct lttng_tsdl_buf *b,
		     const struct lttng_tsdl_env *env);

/*
 * One stream (channel) block.  @ctx lists the channel's context fields;
 * event.context is only declared when @nr_ctx > 0.
 */
int lttng_tsdl_stream(struct lttng_tsdl_buf *b, unsigned int stream_id,
		      bool large_header,
		      const struct lttng_field_desc * const *ctx,
		      unsigned int nr_ctx);

/* One event block; fields come from @desc in order. */
int lttng_tsdl_event(struct lttng_tsdl_buf *b,
		     const struct lttng_event_desc *desc,
		     unsigned int event_id, unsigned int stream_id);

#endif
