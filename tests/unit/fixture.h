/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The fake session the metadata tests share (test_tsdl.c, test_ctf2.c):
 * its environment, event and context descriptions, the same small data
 * streams for either metadata format, and helpers to write a trace
 * directory and run a babeltrace2 on it.
 *
 * Besides hand-made descriptions, the real lttng_test_filter_event is
 * read from instrumentation/events/lttng-test.h, with the description
 * macros below standing in for pass 1 of probes/lttng-probe-gen.h: it
 * has a field of every kind the tracer can describe.
 */
#ifndef UNIT_FIXTURE_H
#define UNIT_FIXTURE_H

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <lttng/ctf-pack.h>
#include "lttng-mdtext.h"
#include "unit.h"

/* ---- Memory backend of the generators, with failure injection ---- */

static int alloc_budget = -1;	/* < 0: unlimited */

void *lttng_md_realloc(void *p, size_t old_size, size_t new_size)
{
	(void)old_size;
	if (alloc_budget == 0)
		return NULL;
	if (alloc_budget > 0)
		alloc_budget--;
	return realloc(p, new_size);
}

void lttng_md_free(void *p)
{
	free(p);
}

/* ---- The fake session ---- */

static const u8 trace_uuid[16] = {
	0x2a, 0x6c, 0x41, 0x8e, 0x90, 0x13, 0x4f, 0x77,
	0xb0, 0x05, 0xc1, 0xd2, 0xe3, 0xf4, 0x05, 0x16,
};
#define TRACE_UUID_TEXT "2a6c418e-9013-4f77-b005-c1d2e3f40516"
#define BOOT_ID "5b1a9c2e-7d3f-4e60-8a91-0c2b3d4e5f60"

static struct lttng_md_env make_env(const char *hostname)
{
	struct lttng_md_env env = {
		.uuid = trace_uuid,
		.hostname = hostname,
		.sysname = "Linux",
		.kernel_release = "6.1.0-test-amd64",
		.kernel_version = "#1 SMP PREEMPT_DYNAMIC Debian 6.1.0 (test)",
		.trace_name = "unit-session",
		.creation_time = "20240102T030405+0000",
		.product_uuid = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
		.tracer_major = 2,
		.tracer_minor = 13,
		.tracer_patchlevel = 9,
		.fork_name = "lttng-modules-ns",
		.fork_version = "0.1.0",
		.clock_uuid = BOOT_ID,
		.clock_offset = 1700000000123456789LL,
	};
	return env;
}

#define INT_T(sz, sg, b) \
	{ .size = (sz), .is_signed = (sg), .base = (b), \
	  .encoding = LTTNG_ENCODING_NONE }
#define CHAR_T \
	{ .size = 8, .is_signed = 1, .base = 10, \
	  .encoding = LTTNG_ENCODING_UTF8 }
#define F_INT(n, sz, sg, b) \
	{ .name = (n), .type = { .kind = LTTNG_TYPE_INTEGER, \
				 .integer = INT_T(sz, sg, b) } }

static const struct lttng_field_desc ints_fields[] = {
	F_INT("s8", 8, 1, 10),
	F_INT("u8", 8, 0, 10),
	F_INT("s16", 16, 1, 10),
	F_INT("u16", 16, 0, 10),
	F_INT("s32", 32, 1, 10),
	F_INT("u32", 32, 0, 10),
	F_INT("s64", 64, 1, 10),
	F_INT("u64", 64, 0, 10),
	F_INT("x32", 32, 0, 16),
	F_INT("x64", 64, 0, 16),
};

static const struct lttng_field_desc fork_fields[] = {
	{ .name = "parent_comm",
	  .type = { .kind = LTTNG_TYPE_ARRAY, .integer = CHAR_T,
		    .count = 16 } },
	F_INT("parent_tid", 32, 1, 10),
	{ .name = "nums",
	  .type = { .kind = LTTNG_TYPE_ARRAY, .integer = INT_T(16, 0, 10),
		    .count = 3 } },
	{ .name = "vtids",
	  .type = { .kind = LTTNG_TYPE_SEQUENCE, .integer = INT_T(32, 1, 10),
		    .length = INT_T(8, 0, 10) } },
	{ .name = "filename", .type = { .kind = LTTNG_TYPE_STRING } },
	F_INT("child_pid", 32, 1, 10),
};

static const struct lttng_event_desc ev_ints = {
	.name = "test_ints", .tp_name = "test_ints",
	.fields = ints_fields, .nr_fields = 10,
};
static const struct lttng_event_desc ev_fork = {
	.name = "test_fork", .tp_name = "test_fork",
	.fields = fork_fields, .nr_fields = 6,
};
static const struct lttng_event_desc ev_empty = {
	.name = "test_empty", .tp_name = "test_empty",
};

/* ---- The real test event, through stand-ins for the generator's pass 1 ---- */

#define fx_is_signed(type)	(((type)-1) < (type)1)
#define fx_int(type, b, enc)						\
	{ .size = sizeof(type) * 8, .is_signed = fx_is_signed(type),	\
	  .base = (b), .encoding = (enc) }
#define fx_int_be(type, b)						\
	{ .size = sizeof(type) * 8, .is_signed = fx_is_signed(type),	\
	  .base = (b), .byte_order = LTTNG_BYTE_ORDER_BE }
#define fx_bit	{ .size = 1, .base = 10 }

#define PROTO(...)	__VA_ARGS__
#define ARGS(...)	__VA_ARGS__
#define FIELDS(...)	__VA_ARGS__
#define ENTRIES(...)	__VA_ARGS__
#define e_auto(label)		{ .name = (label), .is_auto = 1 },
#define e_value(label, v)	{ .name = (label), .start = (v), .end = (v) },
#define e_range(label, first, last)					\
	{ .name = (label), .start = (first), .end = (last) },
#define LTTNG_ENUM(en, ents)						\
	static const struct lttng_enum_entry fx_enum_entries_##en[] = { ents }; \
	static const struct lttng_enum_desc fx_enum_##en = {		\
		.name = #en, .entries = fx_enum_entries_##en,		\
		.nr_entries = ARRAY_SIZE(fx_enum_entries_##en),		\
	};
#define LTTNG_EVENT_CLASS(cls, proto, args, fields)			\
	static const struct lttng_field_desc fx_fields_##cls[] = { fields };
#define LTTNG_EVENT_INSTANCE_INTERNAL(cls, _n, attach_fn, detach_fn)	\
	static const struct lttng_event_desc fx_ev_##_n = {		\
		.name = #_n, .tp_name = #_n,				\
		.fields = fx_fields_##cls,				\
		.nr_fields = ARRAY_SIZE(fx_fields_##cls),		\
	};
#define f_int(_t, _n, expr)						\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_INTEGER,		\
	  .integer = fx_int(_t, 10, LTTNG_ENCODING_NONE) } },
#define f_hex(_t, _n, expr)						\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_INTEGER,		\
	  .integer = fx_int(_t, 16, LTTNG_ENCODING_NONE) } },
#define f_int_net(_t, _n, expr)					\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_INTEGER,		\
	  .integer = fx_int_be(_t, 10) } },
#define f_hex_net(_t, _n, expr)					\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_INTEGER,		\
	  .integer = fx_int_be(_t, 16) } },
#define f_array(_t, _n, src, cnt)					\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_ARRAY, .count = (cnt), \
	  .integer = fx_int(_t, 10, LTTNG_ENCODING_NONE) } },
#define f_text(_n, src, len)						\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_ARRAY, .count = (len), \
	  .integer = fx_int(char, 10, LTTNG_ENCODING_UTF8) } },
#define f_array_net(_t, _n, src, cnt)				\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_ARRAY, .count = (cnt), \
	  .integer = fx_int_be(_t, 10) } },
#define f_seq(_t, _n, src, ltype, lexpr)				\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_SEQUENCE,		\
	  .integer = fx_int(_t, 10, LTTNG_ENCODING_NONE),		\
	  .length = fx_int(ltype, 10, LTTNG_ENCODING_NONE) } },
#define f_seq_text(_n, src, ltype, lexpr)				\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_SEQUENCE,		\
	  .integer = fx_int(char, 10, LTTNG_ENCODING_UTF8),		\
	  .length = fx_int(ltype, 10, LTTNG_ENCODING_NONE) } },
#define f_seq_net(_t, _n, src, ltype, lexpr)			\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_SEQUENCE,		\
	  .integer = fx_int_be(_t, 10),				\
	  .length = fx_int(ltype, 10, LTTNG_ENCODING_NONE) } },
#define f_string(_n, src)						\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_STRING,		\
	  .integer = fx_int(char, 10, LTTNG_ENCODING_UTF8) } },
#define f_array_bits(_t, _n, src, cnt)				\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_ARRAY,		\
	  .count = sizeof(_t) * 8 * (cnt), .integer = fx_bit } },
#define f_seq_bits(_t, _n, src, ltype, lexpr)			\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_SEQUENCE,		\
	  .integer = fx_bit,						\
	  .length = fx_int(ltype, 10, LTTNG_ENCODING_NONE) } },
#define f_enum(en, _t, _n, expr)					\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_ENUM,		\
	  .integer = fx_int(_t, 10, LTTNG_ENCODING_NONE),		\
	  .enum_desc = &fx_enum_##en } },

#include <instrumentation/events/lttng-test.h>

/* The event as the tools' tests know it: 24 fields. */
#define ev_test fx_ev_lttng_test_filter_event

static const struct lttng_field_desc ctx_pid = F_INT("pid", 32, 1, 10);
static const struct lttng_field_desc ctx_procname = {
	.name = "procname",
	.type = { .kind = LTTNG_TYPE_ARRAY, .integer = CHAR_T, .count = 16 },
};
static const struct lttng_field_desc * const stream0_ctx[] = {
	&ctx_pid, &ctx_procname,
};

/* Event ids: stream 0 (compact), stream 1 (large). */
#define S0_INTS		0
#define S0_FORK		1
#define S0_TEST		2
#define S0_EMPTY	40	/* > 30: needs the extended compact header */
#define S1_FORK		3
#define S1_EMPTY	70000	/* > 65534: needs the extended large header */

/* The complete metadata text of the fake session, in format @fmt. */
static int build_metadata(const struct lttng_md_format *fmt,
			  struct lttng_md_buf *b, const char *hostname)
{
	struct lttng_md_env env = make_env(hostname);
	int ret;

	ret = fmt->trace(b, &env);
	if (!ret)
		ret = fmt->stream(b, 0, false, stream0_ctx, 2);
	if (!ret)
		ret = fmt->stream(b, 1, true, NULL, 0);
	if (!ret)
		ret = fmt->event(b, &ev_ints, S0_INTS, 0);
	if (!ret)
		ret = fmt->event(b, &ev_fork, S0_FORK, 0);
	if (!ret)
		ret = fmt->event(b, &ev_test, S0_TEST, 0);
	if (!ret)
		ret = fmt->event(b, &ev_empty, S0_EMPTY, 0);
	if (!ret)
		ret = fmt->event(b, &ev_fork, S1_FORK, 1);
	if (!ret)
		ret = fmt->event(b, &ev_empty, S1_EMPTY, 1);
	return ret;
}

/* ---- Data stream writer ---- */

#define PKT_BYTES 4096

struct packet {
	u8 d[PKT_BYTES];
	size_t len;
	bool large;
	u64 last_tsc;
};

static void put8(struct packet *p, u8 v)
{
	p->d[p->len++] = v;
}

static void put16(struct packet *p, u16 v)
{
	lttng_le_put16(p->d + p->len, v);
	p->len += 2;
}

static void put32(struct packet *p, u32 v)
{
	lttng_le_put32(p->d + p->len, v);
	p->len += 4;
}

static void put32_be(struct packet *p, u32 v)
{
	p->d[p->len++] = (u8)(v >> 24);
	p->d[p->len++] = (u8)(v >> 16);
	p->d[p->len++] = (u8)(v >> 8);
	p->d[p->len++] = (u8)v;
}

static void put64(struct packet *p, u64 v)
{
	lttng_le_put64(p->d + p->len, v);
	p->len += 8;
}

static void put_chars(struct packet *p, const char *s, size_t n)
{
	memset(p->d + p->len, 0, n);
	memcpy(p->d + p->len, s, strnlen(s, n));
	p->len += n;
}

static void put_string(struct packet *p, const char *s)
{
	size_t n = strlen(s) + 1;

	memcpy(p->d + p->len, s, n);
	p->len += n;
}

static void packet_open(struct packet *p, u32 stream_id, u64 instance,
			u64 ts_begin, u32 cpu)
{
	memset(p, 0, sizeof(*p));
	lttng_pack_packet_header_begin(p->d, trace_uuid, stream_id, instance,
				       ts_begin, 0, cpu);
	p->len = LTTNG_PKT_HEADER_LEN;
	p->last_tsc = ts_begin;
}

/* Header the way the record path chooses it, and the stream context. */
static void event_begin(struct packet *p, u32 id, u64 tsc)
{
	bool ext = lttng_event_header_needs_extended(p->large, id, tsc,
						     p->last_tsc);

	p->len += lttng_pack_event_header(p->d + p->len, p->large, id, tsc,
					  ext);
	p->last_tsc = tsc;
	if (!p->large) {
		put32(p, (u32)-4321);		/* pid */
		put_chars(p, "unit-test", 16);	/* procname */
	}
}

static void ints_payload(struct packet *p)
{
	put8(p, (u8)-5);
	put8(p, 200);
	put16(p, (u16)-300);
	put16(p, 60000);
	put32(p, (u32)-70000);
	put32(p, 4000000000U);
	put64(p, (u64)-5000000000000LL);
	put64(p, 18000000000000000000ULL);
	put32(p, 0xdeadbeef);
	put64(p, 0x0123456789abcdefULL);
}

static void fork_payload(struct packet *p, const char *comm, s32 tid,
			 unsigned int nvtids)
{
	unsigned int i;

	put_chars(p, comm, 16);
	put32(p, (u32)tid);
	put16(p, 7);
	put16(p, 65535);
	put16(p, 0);
	put8(p, (u8)nvtids);
	for (i = 0; i < nvtids; i++)
		put32(p, (u32)(i ? 1 : 214));
	memcpy(p->d + p->len, "/bin/true", 10);
	p->len += 10;
	put32(p, (u32)tid + 1);
}

/*
 * lttng_test_filter_event as probes/lttng-test.c fires it with anint
 * @i, field by field in the layout of lttng-test.h.  @enum_shift moves
 * every enumeration value, to reach values without a label too.
 */
static void test_payload(struct packet *p, s32 i, s32 enum_shift)
{
	static const s32 enums[] = { 0, 23, 27, 28, 202, 304, -1 };
	static const s64 values[] = { 1, 2, 3 };
	unsigned int k;

	put32(p, (u32)i);		/* intfield */
	put32(p, (u32)i);		/* intfield2 (hex) */
	put64(p, (u64)(s64)i);		/* longfield */
	put32(p, (u32)-1);		/* signedfield */
	put32_be(p, (u32)i);		/* netintfield */
	put32_be(p, (u32)i);		/* netintfieldhex */
	for (k = 0; k < 3; k++)		/* arrfield1 */
		put64(p, (u64)values[k]);
	put_chars(p, "test", 10);	/* arrfield2 */
	for (k = 0; k < 3; k++)		/* arrfield3 */
		put32_be(p, k + 1);
	put64(p, 4);			/* seqfield1: chars, not text */
	put_chars(p, "test", 4);
	put64(p, 4);			/* seqfield2: text */
	put_chars(p, "test", 4);
	put64(p, 3);			/* seqfield3 */
	for (k = 0; k < 3; k++)
		put32_be(p, k + 1);
	put64(p, 3);			/* seqfield4 */
	for (k = 0; k < 3; k++)
		put64(p, (u64)values[k]);
	put_string(p, "test");		/* stringfield */
	put_string(p, "\\*");		/* stringfield2 */
	put8(p, 3 * 64);		/* bitfield_seq: the length counts bits */
	for (k = 0; k < 3; k++)
		put64(p, (u64)values[k]);
	for (k = 0; k < 3; k++)		/* bitfield_array */
		put64(p, (u64)values[k]);
	for (k = 0; k < ARRAY_SIZE(enums); k++)
		put32(p, (u32)(enums[k] + enum_shift));
}

static void packet_close(struct packet *p, u64 ts_end)
{
	lttng_pack_packet_header_end(p->d, ts_end, (u64)p->len * 8,
				     (u64)PKT_BYTES * 8, 0);
}

static int write_file(const char *dir, const char *name, const void *data,
		      size_t len)
{
	char path[512];
	FILE *f;
	int ok;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f)
		return 0;
	ok = fwrite(data, 1, len, f) == len;
	ok = (fclose(f) == 0) && ok;
	return ok;
}

/* The data streams: the same bytes whatever the metadata's format. */
static int write_streams(const char *dir)
{
	struct packet p;

	/* Stream 0, compact headers, CPU 0. */
	packet_open(&p, 0, 0, 1000, 0);
	event_begin(&p, S0_INTS, 1000);
	ints_payload(&p);
	event_begin(&p, S0_FORK, 2000);
	fork_payload(&p, "bash", 4242, 2);
	event_begin(&p, S0_TEST, 2100);
	test_payload(&p, 0, 0);
	event_begin(&p, S0_TEST, 2200);
	test_payload(&p, -7, 1000);
	event_begin(&p, S0_EMPTY, 2500);	/* id forces extension */
	/* Compact, with bit 26 of the 27-bit timestamp set. */
	event_begin(&p, S0_FORK, 2500 + (1ULL << 26));
	fork_payload(&p, "bit-26", 26, 1);
	event_begin(&p, S0_INTS, 2500 + (1ULL << 28));	/* time: extended */
	ints_payload(&p);
	event_begin(&p, S0_FORK, 2510 + (1ULL << 28));
	fork_payload(&p, "a-sixteen-char-c", 7, 0);
	packet_close(&p, 3000 + (1ULL << 28));
	if (!write_file(dir, "chan0_0", p.d, sizeof(p.d)))
		return 0;

	/* Stream 1, large headers, CPU 1. */
	packet_open(&p, 1, 1, 500, 1);
	p.large = true;
	event_begin(&p, S1_FORK, 600);
	fork_payload(&p, "sh", 99, 1);
	event_begin(&p, S1_EMPTY, 700);
	event_begin(&p, S1_FORK, 700 + (1ULL << 33));
	fork_payload(&p, "", 100, 0);
	/* Compact again, with bit 27 of the 32-bit timestamp set. */
	event_begin(&p, S1_FORK, 700 + (1ULL << 33) + (1ULL << 27) - 1);
	fork_payload(&p, "bit-27", 27, 0);
	packet_close(&p, 800 + (1ULL << 33) + (1ULL << 27));
	return write_file(dir, "chan1_1", p.d, sizeof(p.d));
}

/*
 * The metadata file of a trace whose metadata stream packs @text in
 * 4 KiB packets, each with the 37-byte metadata packet header (version
 * 2.0 for CTF 2, 1.8 otherwise), as the consumer of lttng-tools writes
 * it.  Up to 2.13 it writes the packets as they are.  From 2.14 on it
 * strips each header and writes the rest of the packet's content (its
 * GET_SUBBUF_SIZE bytes); for a CTF 1.8 session it writes the plain-text
 * signature "/\* CTF 1.8 *\/" first, for a CTF 2 one nothing: the JSON
 * text sequence starts with the tracer's first fragment.
 */
static int write_metadata(const char *dir, const char *text, size_t len,
			  bool ctf2, bool consumerd_2_14)
{
	static const char sig[] = "/* CTF 1.8 */";
	size_t room = PKT_BYTES - LTTNG_MD_HEADER_LEN, off, n;
	char path[512];
	u8 pkt[PKT_BYTES];
	FILE *f;
	int ok = 1;

	snprintf(path, sizeof(path), "%s/metadata", dir);
	f = fopen(path, "wb");
	if (!f)
		return 0;
	if (consumerd_2_14 && !ctf2)
		ok = fwrite(sig, 1, sizeof(sig) - 1, f) == sizeof(sig) - 1;
	for (off = 0; off < len; off += n) {
		n = len - off < room ? len - off : room;
		memset(pkt, 0, sizeof(pkt));
		lttng_pack_metadata_header_version(pkt, trace_uuid,
				(u32)(LTTNG_MD_HEADER_LEN + n) * 8,
				PKT_BYTES * 8, ctf2 ? 2 : 1, ctf2 ? 0 : 8);
		memcpy(pkt + LTTNG_MD_HEADER_LEN, text + off, n);
		if (consumerd_2_14)
			ok = ok && fwrite(pkt + LTTNG_MD_HEADER_LEN, 1, n, f) == n;
		else
			ok = ok && fwrite(pkt, 1, sizeof(pkt), f) == sizeof(pkt);
	}
	return (fclose(f) == 0) && ok;
}

/*
 * A whole trace in the fresh directory @dir: the fake session's metadata
 * in format @fmt (@ctf2 says which) as the consumer writes it, and the
 * data streams.  Returns 1 on success.
 */
static int write_trace(const char *dir, const struct lttng_md_format *fmt,
		       bool ctf2, const char *hostname, bool consumerd_2_14)
{
	struct lttng_md_buf b;
	int ok = 1;

	lttng_md_buf_init(&b);
	CHECK(build_metadata(fmt, &b, hostname) == 0);
	/* The text must really span packets. */
	CHECK(b.len > PKT_BYTES - LTTNG_MD_HEADER_LEN);
	if (ok)
		CHECK(write_metadata(dir, b.data, b.len, ctf2, consumerd_2_14));
	if (ok)
		CHECK(write_streams(dir));
	lttng_md_buf_release(&b);
	return ok;
}

/* ---- What a babeltrace2 must print for these streams ---- */

#define HDR0 "unit-host test_"
#define CTX0 "{ cpu_id = 0 }, { pid = -4321, procname = \"unit-test\" }, "
#define INTS_PAYLOAD \
	"{ s8 = -5, u8 = 200, s16 = -300, u16 = 60000, s32 = -70000, " \
	"u32 = 4000000000, s64 = -5000000000000, " \
	"u64 = 18000000000000000000, x32 = 0xDEADBEEF, " \
	"x64 = 0x123456789ABCDEF }"

/* bt2 --clock-cycles --no-delta; cycles print as 20 digits. */
static const char expected_head[] =
	"[00000000000000000600] unit-host test_fork: { cpu_id = 1 }, "
	"{ parent_comm = \"sh\", parent_tid = 99, "
	"nums = [ [0] = 7, [1] = 65535, [2] = 0 ], _vtids_length = 1, "
	"vtids = [ [0] = 214 ], filename = \"/bin/true\", child_pid = 100 }\n"
	"[00000000000000000700] unit-host test_empty: { cpu_id = 1 }, { }\n"
	"[00000000000000001000] " HDR0 "ints: " CTX0 INTS_PAYLOAD "\n"
	"[00000000000000002000] " HDR0 "fork: " CTX0
	"{ parent_comm = \"bash\", parent_tid = 4242, "
	"nums = [ [0] = 7, [1] = 65535, [2] = 0 ], _vtids_length = 2, "
	"vtids = [ [0] = 214, [1] = 1 ], filename = \"/bin/true\", "
	"child_pid = 4243 }\n";

/* lttng_test_filter_event as test_payload() writes it, up to the bits. */
#define TEST_HEAD(ts, i, x) \
	"[000000000000000" ts "] " HDR0_TEST CTX0 \
	"{ intfield = " i ", intfield2 = " x ", longfield = " i \
	", signedfield = -1, netintfield = " i ", netintfieldhex = " x \
	", arrfield1 = [ [0] = 1, [1] = 2, [2] = 3 ], arrfield2 = \"test\", " \
	"arrfield3 = [ [0] = 1, [1] = 2, [2] = 3 ], _seqfield1_length = 4, " \
	"seqfield1 = [ [0] = 116, [1] = 101, [2] = 115, [3] = 116 ], " \
	"_seqfield2_length = 4, seqfield2 = \"test\", _seqfield3_length = 3, " \
	"seqfield3 = [ [0] = 1, [1] = 2, [2] = 3 ], _seqfield4_length = 3, " \
	"seqfield4 = [ [0] = 1, [1] = 2, [2] = 3 ], stringfield = \"test\", " \
	"stringfield2 = \"\\\\*\", _bitfield_seq_length = 192, "
#define HDR0_TEST "unit-host lttng_test_filter_event: "

static const char expected_test0_enums[] =
	"enum0 = ( \"AUTO: EXPECT 0\" : container = 0 ), "
	"enum23 = ( \"VALUE: 23\" : container = 23 ), "
	"enum27 = ( \"VALUE: 27\" : container = 27 ), "
	"enum28 = ( \"AUTO: EXPECT 28\" : container = 28 ), "
	"enum202 = ( \"RANGE: 101 TO 303\" : container = 202 ), "
	"enum304 = ( \"AUTO: EXPECT 304\" : container = 304 ), "
	"enumnegative = ( \"VALUE: -1\" : container = -1 ) }\n";
static const char expected_test1_enums[] =
	"enum0 = ( <unknown> : container = 1000 ), "
	"enum23 = ( <unknown> : container = 1023 ), "
	"enum27 = ( <unknown> : container = 1027 ), "
	"enum28 = ( <unknown> : container = 1028 ), "
	"enum202 = ( <unknown> : container = 1202 ), "
	"enum304 = ( <unknown> : container = 1304 ), "
	"enumnegative = ( <unknown> : container = 999 ) }\n";

static const char expected_tail[] =
	"[00000000000000002500] " HDR0 "empty: " CTX0 "{ }\n"
	"[00000000000067111364] " HDR0 "fork: " CTX0
	"{ parent_comm = \"bit-26\", parent_tid = 26, "
	"nums = [ [0] = 7, [1] = 65535, [2] = 0 ], _vtids_length = 1, "
	"vtids = [ [0] = 214 ], filename = \"/bin/true\", child_pid = 27 }\n"
	"[00000000000268437956] " HDR0 "ints: " CTX0 INTS_PAYLOAD "\n"
	"[00000000000268437966] " HDR0 "fork: " CTX0
	"{ parent_comm = \"a-sixteen-char-c\", parent_tid = 7, "
	"nums = [ [0] = 7, [1] = 65535, [2] = 0 ], _vtids_length = 0, "
	"vtids = [ ], filename = \"/bin/true\", child_pid = 8 }\n"
	"[00000000008589935292] unit-host test_fork: { cpu_id = 1 }, "
	"{ parent_comm = \"\", parent_tid = 100, "
	"nums = [ [0] = 7, [1] = 65535, [2] = 0 ], _vtids_length = 0, "
	"vtids = [ ], filename = \"/bin/true\", child_pid = 101 }\n"
	"[00000000008724153019] unit-host test_fork: { cpu_id = 1 }, "
	"{ parent_comm = \"bit-27\", parent_tid = 27, "
	"nums = [ [0] = 7, [1] = 65535, [2] = 0 ], _vtids_length = 0, "
	"vtids = [ ], filename = \"/bin/true\", child_pid = 28 }\n";


/* The 192 one-bit elements of the longs 1, 2, 3, as printed. */
static void append_bits(char *dst, const char *name)
{
	static const u64 values[] = { 1, 2, 3 };
	unsigned int k;

	dst += strlen(dst);
	dst += sprintf(dst, "%s = [ ", name);
	for (k = 0; k < 192; k++)
		dst += sprintf(dst, "%s[%u] = %u", k ? ", " : "", k,
			       (unsigned int)(values[k / 64] >> (k % 64)) & 1);
	strcpy(dst, " ], ");
}

/* Everything the streams of write_streams() hold, in time order. */
static const char *expected_events(void)
{
	static char text[32768];

	if (text[0])
		return text;
	strcpy(text, expected_head);
	strcat(text, TEST_HEAD("02100", "0", "0x0"));
	append_bits(text, "bitfield_seq");
	append_bits(text, "bitfield_array");
	strcat(text, expected_test0_enums);
	strcat(text, TEST_HEAD("02200", "-7", "0xFFFFFFF9"));
	append_bits(text, "bitfield_seq");
	append_bits(text, "bitfield_array");
	strcat(text, expected_test1_enums);
	strcat(text, expected_tail);
	return text;
}

/* ---- Running a babeltrace2 ---- */

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL, *nb;
	size_t len = 0, cap = 0, n;

	if (!f)
		return NULL;
	for (;;) {
		if (cap - len < 4096) {
			cap = cap ? cap * 2 : 8192;
			nb = realloc(buf, cap);
			if (!nb) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = nb;
		}
		n = fread(buf + len, 1, cap - len - 1, f);
		len += n;
		if (!n)
			break;
	}
	fclose(f);
	if (buf)
		buf[len] = '\0';
	return buf;
}

/*
 * Runs the shell command @bt2 (a babeltrace2, or a wrapper taking its
 * arguments) as `bt2 --clock-cycles --no-delta DIR`; returns its exit
 * status, its output in *out and *err.
 */
static int run_bt2_cmd(const char *bt2, const char *dir, char **out,
		       char **err)
{
	char cmd[4096], opath[600], epath[600];
	int rc;

	snprintf(opath, sizeof(opath), "%s.out", dir);
	snprintf(epath, sizeof(epath), "%s.err", dir);
	snprintf(cmd, sizeof(cmd),
		 "LC_ALL=C %s --clock-cycles --no-delta '%s' >'%s' 2>'%s'",
		 bt2, dir, opath, epath);
	rc = system(cmd);
	*out = slurp(opath);
	*err = slurp(epath);
	unlink(opath);
	unlink(epath);
	if (rc == -1 || !WIFEXITED(rc))
		return -1;
	return WEXITSTATUS(rc);
}

static void show_diff(const char *got, const char *want)
{
	size_t i = 0;

	while (got[i] && got[i] == want[i])
		i++;
	note("    output differs at byte %zu\n    got:\n%.3000s\n"
	     "    want:\n%.3000s\n", i, got, want);
}

/* UNIT_KEEP_TRACES=1 keeps the trace directories to look at them. */
static void remove_dir(const char *dir)
{
	char cmd[600];

	if (getenv("UNIT_KEEP_TRACES")) {
		fprintf(stderr, "kept %s\n", dir);
		return;
	}
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		note("    could not remove %s\n", dir);
}

#endif
