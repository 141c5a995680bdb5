/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Metadata text: what both metadata generators share.  The TSDL one
 * (core/lttng-tsdl.c, CTF 1.8) and the JSON one (core/lttng-ctf2.c,
 * CTF 2) write into the same growable text buffer and describe the same
 * trace environment.
 *
 * Pure text handling with no kernel dependency beyond <linux/types.h>
 * and printf-style formatting, so that the same files are built into the
 * tracer module and into the user-space unit tests (tests/unit), which
 * feed their output to babeltrace2.  The buffer's memory comes from two
 * functions the environment supplies: core/lttng-mdtext-kernel.c in the
 * kernel, the test program in user space.
 */
#ifndef LTTNG_MDTEXT_H
#define LTTNG_MDTEXT_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <lttng/desc.h>

/*
 * NUL-terminated text of @len bytes in @data (NULL while empty), @alloc
 * bytes allocated.  @error is sticky: once an append failed, every later
 * call returns the same error without writing, so a caller may chain
 * calls and check once.  A failed public call of a generator leaves @len
 * where it was before that call (lttng_md_begin/end), so a half-written
 * block never stays in the buffer.
 */
struct lttng_md_buf {
	char *data;
	size_t len, alloc;
	int error;
};

/* The trace's environment: the same in either format. */
struct lttng_md_env {
	const u8 *uuid;			/* 16 bytes, trace uuid */
	const char *hostname, *sysname, *kernel_release, *kernel_version;
	const char *trace_name, *creation_time;	/* may be "" */
	const char *product_uuid;	/* NULL if none */
	unsigned int tracer_major, tracer_minor, tracer_patchlevel;
	const char *fork_name, *fork_version;	/* NULL to leave out */
	const char *clock_uuid;		/* boot_id text, or the plugin's */
	s64 clock_offset;		/* realtime - trace clock, in cycles */
	/* A clock plugin's (include/lttng/clock.h); NULL/0: monotonic, 1 GHz. */
	const char *clock_name, *clock_description;
	u64 clock_freq;
};

/*
 * A metadata format: its three generators, each appending whole blocks
 * or nothing.  trace() comes first, a stream before its events.
 * lttng-tsdl.h and lttng-ctf2.h define one each.
 */
struct lttng_md_format {
	/* Trace-wide preamble: trace, environment, clock. */
	int (*trace)(struct lttng_md_buf *b, const struct lttng_md_env *env);
	/* One stream (channel); @ctx are its context fields. */
	int (*stream)(struct lttng_md_buf *b, unsigned int stream_id,
		      bool large_header,
		      const struct lttng_field_desc * const *ctx,
		      unsigned int nr_ctx);
	/* One event of that stream; fields from @desc in order. */
	int (*event)(struct lttng_md_buf *b,
		     const struct lttng_event_desc *desc,
		     unsigned int event_id, unsigned int stream_id);
};

/* Supplied by the environment.  realloc(NULL, 0, n) allocates. */
void *lttng_md_realloc(void *p, size_t old_size, size_t new_size);
void lttng_md_free(void *p);

void lttng_md_buf_init(struct lttng_md_buf *b);
void lttng_md_buf_release(struct lttng_md_buf *b);

/* Appends; they do nothing once @b->error is set. */
void lttng_md_append(struct lttng_md_buf *b, const char *s, size_t n);
void lttng_md_puts(struct lttng_md_buf *b, const char *s);
__printf(2, 3)
void lttng_md_printf(struct lttng_md_buf *b, const char *fmt, ...);
/* Record @err unless an earlier error is already recorded. */
void lttng_md_fail(struct lttng_md_buf *b, int err);

/* Bracket one public generator call: refuse after an error, undo on one. */
int lttng_md_begin(struct lttng_md_buf *b, size_t *mark);
int lttng_md_end(struct lttng_md_buf *b, size_t mark);

#endif
