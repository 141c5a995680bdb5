// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of the CTF writer pieces: the TSDL generator
 * (core/lttng-tsdl.c) and the binary packers (include/lttng/ctf-pack.h).
 *
 * Beyond checking bytes and substrings, the decisive test writes a small
 * CTF 1.8 trace from them (metadata + two data streams, one with compact
 * and one with large event headers) and has the real babeltrace2 decode
 * it: the reader the tools ship is the judge of what is valid.
 *
 * Prints one "PASS name" / "FAIL name" / "SKIP name" line per case and
 * exits non-zero if any case failed.
 */
#define _GNU_SOURCE

#include "lttng-tsdl.h"
#include "fixture.h"

/* ---- Running babeltrace2 ---- */

static const char *bt2_path(void)
{
	const char *p = getenv("BABELTRACE2");

	if (p && *p)
		return p;
	return "/usr/bin/babeltrace2";
}

static int check_bytes(const char *what, const u8 *got, const u8 *want,
		       size_t n)
{
	size_t i;

	if (!memcmp(got, want, n))
		return 1;
	note("    %s: bytes differ\n      got: ", what);
	for (i = 0; i < n; i++)
		note("%02x ", got[i]);
	note("\n     want: ");
	for (i = 0; i < n; i++)
		note("%02x ", want[i]);
	note("\n");
	return 0;
}

static int have_bt2(void)
{
	return access(bt2_path(), X_OK) == 0;
}

/*
 * Write a trace with the given metadata form into a fresh directory and
 * decode it.  Returns 1 if bt2 was happy; its stdout in *out.
 */
static int trace_and_decode(const char *hostname, bool packetized,
			    char **out)
{
	char dir[] = "/tmp/lttng-tsdl-test.XXXXXX";
	char *err = NULL;
	int ok = 1, rc;

	*out = NULL;
	if (!mkdtemp(dir)) {
		note("    mkdtemp: %s\n", strerror(errno));
		return 0;
	}
	ok = write_trace(dir, &lttng_tsdl_format, false, hostname,
			 !packetized);
	if (ok) {
		rc = run_bt2_cmd(bt2_path(), dir, out, &err);
		CHECK(rc == 0);
		CHECK(err && !*err);
		if (rc != 0 || !err || *err)
			note("    babeltrace2 exit %d, stderr:\n%.1500s\n", rc,
			     err ? err : "(none)");
	}
	free(err);
	remove_dir(dir);
	return ok;
}

static void test_bt2(const char *name, bool packetized)
{
	char *out;
	int ok;

	if (!have_bt2()) {
		printf("SKIP %s (no %s)\n", name, bt2_path());
		return;
	}
	ok = trace_and_decode("unit-host", packetized, &out);
	if (ok && (!out || strcmp(out, expected_events()))) {
		show_diff(out ? out : "", expected_events());
		ok = 0;
	}
	free(out);
	report(name, ok);
}

static void test_bt2_escaped_hostname(void)
{
	const char *name = "bt2-escaped-hostname";
	char *out;
	int ok;

	if (!have_bt2()) {
		printf("SKIP %s (no %s)\n", name, bt2_path());
		return;
	}
	/* The pretty printer shows env hostname raw: find it unescaped. */
	ok = trace_and_decode("we\"ird\\host\nname", true, &out);
	if (ok && (!out || !strstr(out, "] we\"ird\\host\nname test_empty: { cpu_id = 1 }"))) {
		note("    decoded hostname not found in:\n%.2000s\n",
		     out ? out : "");
		ok = 0;
	}
	free(out);
	report(name, ok);
}

/* ---- Text-level tests of the generator ---- */

static const char * const required_text[] = {
	"typealias integer { size = 8; align = 8; signed = false; } := uint8_t;",
	"typealias integer { size = 16; align = 8; signed = false; } := uint16_t;",
	"typealias integer { size = 32; align = 8; signed = false; } := uint32_t;",
	"typealias integer { size = 64; align = 8; signed = false; } := uint64_t;",
	"typealias integer { size = 64; align = 8; signed = false; } := unsigned long;",
	"typealias integer { size = 5; align = 1; signed = false; } := uint5_t;",
	"typealias integer { size = 27; align = 1; signed = false; } := uint27_t;",
	"typealias integer { size = 27; align = 1; signed = false; map = clock.monotonic.value; } := uint27_clock_monotonic_t;",
	"typealias integer { size = 32; align = 8; signed = false; map = clock.monotonic.value; } := uint32_clock_monotonic_t;",
	"typealias integer { size = 64; align = 8; signed = false; map = clock.monotonic.value; } := uint64_clock_monotonic_t;",
	"major = 1;",
	"minor = 8;",
	"uuid = \"" TRACE_UUID_TEXT "\";",
	"byte_order = le;",
	"hostname = \"golden-host\";",
	"domain = \"kernel\";",
	"sysname = \"Linux\";",
	"kernel_release = \"6.1.0-test-amd64\";",
	"kernel_version = \"#1 SMP PREEMPT_DYNAMIC Debian 6.1.0 (test)\";",
	"tracer_name = \"lttng-modules\";",
	"tracer_major = 2;",
	"tracer_minor = 13;",
	"tracer_patchlevel = 9;",
	"trace_buffering_scheme = \"global\";",
	"trace_name = \"unit-session\";",
	"trace_creation_datetime = \"20240102T030405+0000\";",
	"product_uuid = \"0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0\";",
	"tracer_fork = \"lttng-modules-ns\";",
	"tracer_fork_version = \"0.1.0\";",
	"name = \"monotonic\";",
	"uuid = \"" BOOT_ID "\";",
	"description = \"Monotonic Clock\";",
	"freq = 1000000000;",
	"offset = 1700000000123456789;",
	"struct packet_context {",
	"unsigned long events_discarded;",
	"struct event_header_compact {",
	"struct event_header_large {",
	"enum : uint5_t { compact = 0 ... 30, extended = 31 } id;",
	"enum : uint16_t { compact = 0 ... 65534, extended = 65535 } id;",
};

/* Things that must appear in this order in the preamble (spec 4.5). */
static const char * const preamble_order[] = {
	":= uint8_t;", ":= uint27_t;", "trace {", "env {", "clock {",
	":= uint27_clock_monotonic_t;", ":= uint64_clock_monotonic_t;",
	"struct packet_context {", "struct event_header_compact {",
	"struct event_header_large {",
};

static void test_golden(void)
{
	struct lttng_md_env env = make_env("golden-host");
	struct lttng_md_buf b;
	const char *pos;
	unsigned int i;
	int ok = 1;

	lttng_md_buf_init(&b);
	CHECK(lttng_tsdl_trace(&b, &env) == 0);
	CHECK(b.data && strlen(b.data) == b.len);
	for (i = 0; ok && i < sizeof(required_text) / sizeof(*required_text);
	     i++) {
		if (!strstr(b.data, required_text[i])) {
			note("    missing: %s\n", required_text[i]);
			ok = 0;
		}
	}
	pos = b.data;
	for (i = 0; ok && i < sizeof(preamble_order) / sizeof(*preamble_order);
	     i++) {
		pos = strstr(pos, preamble_order[i]);
		if (!pos) {
			note("    out of order: %s\n", preamble_order[i]);
			ok = 0;
		}
	}
	/* Integers, not strings: bt2 insists. */
	CHECK(!strstr(b.data, "tracer_major = \""));
	CHECK(!strstr(b.data, "/* CTF 1.8 */"));
	if (!ok)
		note("    text:\n%.4000s\n", b.data ? b.data : "");
	lttng_md_buf_release(&b);

	/* No product uuid: the key is left out, not emitted empty. */
	env.product_uuid = NULL;
	lttng_md_buf_init(&b);
	CHECK(lttng_tsdl_trace(&b, &env) == 0);
	CHECK(b.data && !strstr(b.data, "product_uuid"));
	lttng_md_buf_release(&b);
	report("tsdl-golden", ok);
}

static void test_fields_text(void)
{
	struct lttng_md_buf b;
	int ok = 1;

	lttng_md_buf_init(&b);
	CHECK(lttng_tsdl_stream(&b, 0, false, stream0_ctx, 2) == 0);
	CHECK(lttng_tsdl_stream(&b, 1, true, NULL, 0) == 0);
	CHECK(lttng_tsdl_event(&b, &ev_fork, 1, 0) == 0);
	CHECK(lttng_tsdl_event(&b, &ev_empty, 40, 0) == 0);
	if (ok) {
		const char *s1 = strstr(b.data, "id = 1;");

		CHECK(strstr(b.data, "event.header := struct event_header_compact;"));
		CHECK(strstr(b.data, "event.header := struct event_header_large;"));
		CHECK(strstr(b.data, "packet.context := struct packet_context;"));
		CHECK(strstr(b.data, "integer { size = 32; align = 8; signed = 1; encoding = none; base = 10; } _pid;"));
		CHECK(strstr(b.data, "integer { size = 8; align = 8; signed = 1; encoding = UTF8; base = 10; } _procname[16];"));
		/* Stream 1 has no contexts, hence no event.context. */
		CHECK(s1 && !strstr(s1, "event.context"));
		CHECK(strstr(b.data, "integer { size = 8; align = 8; signed = 0; encoding = none; base = 10; } __vtids_length;"));
		CHECK(strstr(b.data, "integer { size = 32; align = 8; signed = 1; encoding = none; base = 10; } _vtids[ __vtids_length ];"));
		CHECK(strstr(b.data, "integer { size = 16; align = 8; signed = 0; encoding = none; base = 10; } _nums[3];"));
		CHECK(strstr(b.data, "string { encoding = UTF8; } _filename;"));
		CHECK(strstr(b.data, "name = \"test_empty\";"));
		CHECK(strstr(b.data, "id = 40;"));
		CHECK(strstr(b.data, "stream_id = 0;"));
		if (!ok)
			note("    text:\n%.4000s\n", b.data);
	}
	lttng_md_buf_release(&b);
	report("tsdl-fields", ok);
}

static void test_escape(void)
{
	struct lttng_md_env env = make_env("a\"b\\c\nd");
	struct lttng_md_buf b;
	int ok = 1;

	env.trace_name = "\\\"";
	env.creation_time = "";
	lttng_md_buf_init(&b);
	CHECK(lttng_tsdl_trace(&b, &env) == 0);
	CHECK(b.data && strstr(b.data, "hostname = \"a\\\"b\\\\c\\nd\";"));
	CHECK(b.data && strstr(b.data, "trace_name = \"\\\\\\\"\";"));
	CHECK(b.data && strstr(b.data, "trace_creation_datetime = \"\";"));
	if (!ok)
		note("    text:\n%.4000s\n", b.data ? b.data : "");
	lttng_md_buf_release(&b);
	report("tsdl-escape", ok);
}

static void test_deterministic(void)
{
	struct lttng_md_buf a, b;
	int ok = 1;

	lttng_md_buf_init(&a);
	lttng_md_buf_init(&b);
	CHECK(build_metadata(&lttng_tsdl_format, &a, "h") == 0);
	CHECK(build_metadata(&lttng_tsdl_format, &b, "h") == 0);
	CHECK(a.len == b.len && a.len > 0 && !memcmp(a.data, b.data, a.len));
	lttng_md_buf_release(&a);
	lttng_md_buf_release(&b);
	report("tsdl-deterministic", ok);
}

/*
 * Allocation failure: -ENOMEM, the buffer keeps what earlier calls
 * wrote, and the error stays until the buffer is released.
 */
static void test_enomem(void)
{
	struct lttng_md_env env = make_env("h");
	struct lttng_md_buf b;
	size_t before;
	char *copy;
	int ok = 1;

	lttng_md_buf_init(&b);
	alloc_budget = 0;
	CHECK(lttng_tsdl_trace(&b, &env) == -ENOMEM);
	CHECK(b.len == 0);
	lttng_md_buf_release(&b);

	/* One allocation of 4 KiB holds the preamble but not much more. */
	alloc_budget = 1;
	CHECK(lttng_tsdl_trace(&b, &env) == 0);
	before = b.len;
	copy = strdup(b.data);
	CHECK(copy != NULL);
	while (ok && !b.error)
		lttng_tsdl_event(&b, &ev_ints, 0, 0);
	CHECK(b.error == -ENOMEM);
	CHECK(b.len >= before && strlen(b.data) == b.len);
	CHECK(copy && !strncmp(b.data, copy, before));
	/* The last event in the buffer is complete. */
	CHECK(b.len >= 4 && !strcmp(b.data + b.len - 4, "};\n\n"));
	alloc_budget = -1;
	CHECK(lttng_tsdl_event(&b, &ev_ints, 0, 0) == -ENOMEM);
	free(copy);
	lttng_md_buf_release(&b);

	/* Bad descriptions are refused, not half written. */
	{
		static const struct lttng_field_desc bad = {
			.name = "bad",
			.type = { .kind = LTTNG_TYPE_INTEGER,
				  .integer = INT_T(0, 0, 10) },
		};
		static const struct lttng_event_desc ev_bad = {
			.name = "bad", .fields = &bad, .nr_fields = 1,
		};

		lttng_md_buf_init(&b);
		CHECK(lttng_tsdl_event(&b, &ev_bad, 0, 0) == -EINVAL);
		CHECK(b.len == 0);
		lttng_md_buf_release(&b);
	}
	report("tsdl-errors", ok);
}

/* ---- Packing ---- */

static void test_pack_event_header(void)
{
	static const u8 compact[] = { 0x05, 0xcf, 0x8a, 0x46 };
	static const u8 compact_ext[] = {
		0x1f, 0x28, 0x00, 0x00, 0x00,
		0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01,
	};
	static const u8 large[] = { 0x05, 0x00, 0x78, 0x56, 0x34, 0x12 };
	static const u8 large_ext[] = {
		0xff, 0xff, 0x70, 0x11, 0x01, 0x00,
		0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01,
	};
	u8 buf[LTTNG_CTF_MAX_EVENT_HDR_LEN + 2];
	int ok = 1;

	memset(buf, 0xaa, sizeof(buf));
	CHECK(lttng_pack_event_header(buf, false, 5, 0x12345678, false) == 4);
	ok = ok && check_bytes("compact", buf, compact, 4);
	CHECK(buf[4] == 0xaa);

	memset(buf, 0xaa, sizeof(buf));
	CHECK(lttng_pack_event_header(buf, false, 40, 0x0102030405060708ULL,
				      true) == 13);
	ok = ok && check_bytes("compact extended", buf, compact_ext, 13);
	CHECK(buf[13] == 0xaa);

	memset(buf, 0xaa, sizeof(buf));
	CHECK(lttng_pack_event_header(buf, true, 5, 0x12345678, false) == 6);
	ok = ok && check_bytes("large", buf, large, 6);
	CHECK(buf[6] == 0xaa);

	memset(buf, 0xaa, sizeof(buf));
	CHECK(lttng_pack_event_header(buf, true, 70000, 0x0102030405060708ULL,
				      true) == 14);
	ok = ok && check_bytes("large extended", buf, large_ext, 14);
	CHECK(buf[14] == 0xaa);

	CHECK(lttng_event_header_len(false, false) == 4);
	CHECK(lttng_event_header_len(false, true) == 13);
	CHECK(lttng_event_header_len(true, false) == 6);
	CHECK(lttng_event_header_len(true, true) == 14);
	report("pack-event-header", ok);
}

static void test_extended_rule(void)
{
	const u64 t0 = 0x500000000ULL;
	int ok = 1;

	/* Ids: compact 0..30, large 0..65534 fit. */
	CHECK(!lttng_event_header_needs_extended(false, 0, t0, t0));
	CHECK(!lttng_event_header_needs_extended(false, 30, t0, t0));
	CHECK(lttng_event_header_needs_extended(false, 31, t0, t0));
	CHECK(lttng_event_header_needs_extended(false, 1000, t0, t0));
	CHECK(!lttng_event_header_needs_extended(true, 31, t0, t0));
	CHECK(!lttng_event_header_needs_extended(true, 65534, t0, t0));
	CHECK(lttng_event_header_needs_extended(true, 65535, t0, t0));
	CHECK(lttng_event_header_needs_extended(true, 70000, t0, t0));
	/* Time: a delta of 2^27 or more, for both header kinds. */
	CHECK(!lttng_event_header_needs_extended(false, 1, t0 + (1ULL << 27) - 1, t0));
	CHECK(lttng_event_header_needs_extended(false, 1, t0 + (1ULL << 27), t0));
	CHECK(!lttng_event_header_needs_extended(true, 1, t0 + (1ULL << 27) - 1, t0));
	CHECK(lttng_event_header_needs_extended(true, 1, t0 + (1ULL << 27), t0));
	CHECK(lttng_event_header_needs_extended(false, 1, t0 + (1ULL << 40), t0));
	/* Time going backwards wraps to a huge delta: be safe, extend. */
	CHECK(lttng_event_header_needs_extended(false, 1, t0 - 1, t0));
	report("pack-extended-rule", ok);
}

static void test_pack_packet_header(void)
{
	static const u8 uuid[16] = {
		1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
	};
	u8 h[LTTNG_PKT_HEADER_LEN + 4];
	int ok = 1;
	size_t i;

	CHECK(LTTNG_PKT_HEADER_LEN == 84);
	CHECK(LTTNG_PKT_OFF_STREAM_ID == 20);
	CHECK(LTTNG_PKT_OFF_STREAM_INSTANCE_ID == 24);
	CHECK(LTTNG_PKT_OFF_TIMESTAMP_BEGIN == 32);
	CHECK(LTTNG_PKT_OFF_TIMESTAMP_END == 40);
	CHECK(LTTNG_PKT_OFF_CONTENT_SIZE == 48);
	CHECK(LTTNG_PKT_OFF_PACKET_SIZE == 56);
	CHECK(LTTNG_PKT_OFF_PACKET_SEQ_NUM == 64);
	CHECK(LTTNG_PKT_OFF_EVENTS_DISCARDED == 72);
	CHECK(LTTNG_PKT_OFF_CPU_ID == 80);

	memset(h, 0xaa, sizeof(h));
	lttng_pack_packet_header_begin(h, uuid, 7, 3, 0x1122334455667788ULL,
				       42, 3);
	CHECK(h[0] == 0xc1 && h[1] == 0x1f && h[2] == 0xfc && h[3] == 0xc1);
	CHECK(!memcmp(h + 4, uuid, 16));
	CHECK(h[20] == 7 && h[21] == 0 && h[22] == 0 && h[23] == 0);
	CHECK(h[24] == 3 && h[31] == 0);
	CHECK(h[32] == 0x88 && h[39] == 0x11);
	for (i = 40; i < 64; i++)
		CHECK(h[i] == 0xff);
	CHECK(h[64] == 42 && h[71] == 0);
	for (i = 72; i < 80; i++)
		CHECK(h[i] == 0xff);
	CHECK(h[80] == 3 && h[83] == 0);
	CHECK(h[84] == 0xaa);	/* nothing written past 84 bytes */

	CHECK(lttng_packet_field(h, LTTNG_PKT_MAGIC) == 0xc1fc1fc1);
	CHECK(lttng_packet_field(h, LTTNG_PKT_STREAM_ID) == 7);
	CHECK(lttng_packet_field(h, LTTNG_PKT_STREAM_INSTANCE_ID) == 3);
	CHECK(lttng_packet_field(h, LTTNG_PKT_TIMESTAMP_BEGIN) ==
	      0x1122334455667788ULL);
	CHECK(lttng_packet_field(h, LTTNG_PKT_TIMESTAMP_END) == ~0ULL);
	CHECK(lttng_packet_field(h, LTTNG_PKT_CONTENT_SIZE) == ~0ULL);
	CHECK(lttng_packet_field(h, LTTNG_PKT_PACKET_SIZE) == ~0ULL);
	CHECK(lttng_packet_field(h, LTTNG_PKT_PACKET_SEQ_NUM) == 42);
	CHECK(lttng_packet_field(h, LTTNG_PKT_EVENTS_DISCARDED) == ~0ULL);
	CHECK(lttng_packet_field(h, LTTNG_PKT_CPU_ID) == 3);

	lttng_pack_packet_header_end(h, 0x99aabbccddeeff00ULL, 84 * 8 + 16,
				     4096 * 8, 5);
	CHECK(h[40] == 0x00 && h[47] == 0x99);
	CHECK(lttng_packet_field(h, LTTNG_PKT_TIMESTAMP_END) ==
	      0x99aabbccddeeff00ULL);
	CHECK(lttng_packet_field(h, LTTNG_PKT_CONTENT_SIZE) == 84 * 8 + 16);
	CHECK(lttng_packet_field(h, LTTNG_PKT_PACKET_SIZE) == 4096 * 8);
	CHECK(lttng_packet_field(h, LTTNG_PKT_EVENTS_DISCARDED) == 5);
	/* Closing leaves the open-time fields alone. */
	CHECK(lttng_packet_field(h, LTTNG_PKT_PACKET_SEQ_NUM) == 42);
	CHECK(lttng_packet_field(h, LTTNG_PKT_TIMESTAMP_BEGIN) ==
	      0x1122334455667788ULL);
	CHECK(h[84] == 0xaa);
	report("pack-packet-header", ok);
}

static void test_pack_metadata_header(void)
{
	static const u8 want[37] = {
		0x57, 0x1d, 0xd1, 0x75,
		0x2a, 0x6c, 0x41, 0x8e, 0x90, 0x13, 0x4f, 0x77,
		0xb0, 0x05, 0xc1, 0xd2, 0xe3, 0xf4, 0x05, 0x16,
		0, 0, 0, 0,
		0x28, 0x01, 0, 0,	/* (37 + 0) * 8 = 296 */
		0x00, 0x80, 0, 0,	/* 4096 * 8 = 32768 */
		0, 0, 0, 1, 8,
	};
	u8 h[40];
	int ok = 1;

	CHECK(LTTNG_MD_HEADER_LEN == 37);
	memset(h, 0xaa, sizeof(h));
	lttng_pack_metadata_header(h, trace_uuid, 296, 32768);
	ok = ok && check_bytes("metadata header", h, want, 37);
	CHECK(h[37] == 0xaa);
	report("pack-metadata-header", ok);
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);

	test_pack_event_header();
	test_extended_rule();
	test_pack_packet_header();
	test_pack_metadata_header();
	test_golden();
	test_fields_text();
	test_escape();
	test_deterministic();
	test_enomem();
	test_bt2("bt2-consumerd-2.14-metadata", false);
	test_bt2("bt2-packetized-metadata", true);
	test_bt2_escaped_hostname();
	return failed_cases ? 1 : 0;
}
