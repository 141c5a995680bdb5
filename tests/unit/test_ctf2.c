// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of the CTF 2 metadata generator (core/lttng-ctf2.c).
 *
 * The text checks run the metadata through ctf2_check.py, which parses
 * every fragment as JSON, checks the fragment order and properties and
 * prints each fragment canonically (sorted keys), and look for exact
 * values there.  The decisive tests write the fake session of fixture.h
 * (the same data streams test_tsdl.c writes, the real
 * lttng_test_filter_event among them) with CTF 2 metadata the way
 * lttng-consumerd 2.14+ stores it, and have a babeltrace2 that reads CTF
 * 2 decode it: it must print exactly what the CTF 1.8 version of the
 * same streams prints, through the same babeltrace2.
 *
 * The babeltrace2 is the shell command in $CTF2_BABELTRACE2 if set (one
 * that reads CTF 2, i.e. 2.1+), else that of the Debian suite root
 * $UNIT_BT2_SUITE (default trixie: babeltrace2 2.1.1), which
 * tests/lib/suite-root makes when missing (root, a few minutes once);
 * failing to get one fails these tests.
 *
 * Prints one "PASS name" / "FAIL name" line per case and exits non-zero
 * if any case failed.
 */
#define _GNU_SOURCE

#include "lttng-ctf2.h"
#include "lttng-tsdl.h"
#include "fixture.h"

#ifndef TOP_DIR
#error "TOP_DIR must name the source tree (tests/unit/Makefile sets it)"
#endif

/* ---- Canonical JSON through ctf2_check.py ---- */

/*
 * Checks @b's text with ctf2_check.py; returns its canonical form (one
 * sorted-keys JSON object per line), or NULL with the reason noted.
 */
static char *canonical(const struct lttng_md_buf *b)
{
	char dir[] = "/tmp/lttng-ctf2-json.XXXXXX";
	char *out = NULL, *err = NULL;
	char cmd[1200];
	int rc;

	if (!mkdtemp(dir))
		return NULL;
	if (!write_file(dir, "metadata", b->data ? b->data : "", b->len))
		goto out;
	snprintf(cmd, sizeof(cmd),
		 "python3 '%s/tests/unit/ctf2_check.py' '%s/metadata' >'%s/out' 2>'%s/err'",
		 TOP_DIR, dir, dir, dir);
	rc = system(cmd);
	snprintf(cmd, sizeof(cmd), "%s/out", dir);
	out = slurp(cmd);
	snprintf(cmd, sizeof(cmd), "%s/err", dir);
	err = slurp(cmd);
	if (rc != 0) {
		note("    ctf2_check.py failed (%d): %s\n", rc, err ? err : "");
		free(out);
		out = NULL;
	}
	free(err);
out:
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		note("    could not remove %s\n", dir);
	return out;
}

static int has(const char *text, const char *want)
{
	if (text && strstr(text, want))
		return 1;
	note("    missing: %s\n", want);
	return 0;
}

/* ---- Text-level tests ---- */

static void test_trace_text(void)
{
	struct lttng_md_env env = make_env("golden-host");
	struct lttng_md_buf b;
	char *c;
	int ok = 1;

	lttng_md_buf_init(&b);
	CHECK(lttng_ctf2_trace(&b, &env) == 0);
	c = canonical(&b);
	CHECK(c != NULL);
	CHECK(b.data && b.data[0] == 0x1e && b.data[b.len - 1] == '\n');
	/* Preamble: version, and the uuid as 16 numbers. */
	CHECK(has(c, "{\"type\": \"preamble\", \"uuid\": [42, 108, 65, 142, 144, 19, 79, 119, 176, 5, 193, 210, 227, 244, 5, 22], \"version\": 2}\n"));
	/* Trace class. */
	CHECK(has(c, "\"namespace\": \"lttng.org,2009\""));
	CHECK(has(c, "\"uid\": \"" TRACE_UUID_TEXT "\""));
	CHECK(has(c, "\"environment\": {\"domain\": \"kernel\", \"hostname\": \"golden-host\", "
		     "\"kernel_release\": \"6.1.0-test-amd64\", "
		     "\"kernel_version\": \"#1 SMP PREEMPT_DYNAMIC Debian 6.1.0 (test)\", "
		     "\"product_uuid\": \"0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0\", "
		     "\"sysname\": \"Linux\", \"trace_buffering_scheme\": \"global\", "
		     "\"trace_creation_datetime\": \"20240102T030405+0000\", "
		     "\"trace_name\": \"unit-session\", \"tracer_fork\": \"lttng-modules-ns\", "
		     "\"tracer_fork_version\": \"0.1.0\", \"tracer_major\": 2, "
		     "\"tracer_minor\": 13, \"tracer_name\": \"lttng-modules\", "
		     "\"tracer_patchlevel\": 9}"));
	/* Packet header: the roles, in the order ctf-pack.h writes. */
	CHECK(has(c, "\"packet-header-field-class\": {\"member-classes\": ["
		     "{\"field-class\": {\"alignment\": 8, \"byte-order\": \"little-endian\", \"length\": 32, \"roles\": [\"packet-magic-number\"], \"type\": \"fixed-length-unsigned-integer\"}, \"name\": \"magic\"}, "
		     "{\"field-class\": {\"length\": 16, \"roles\": [\"metadata-stream-uuid\"], \"type\": \"static-length-blob\"}, \"name\": \"uuid\"}, "
		     "{\"field-class\": {\"alignment\": 8, \"byte-order\": \"little-endian\", \"length\": 32, \"roles\": [\"data-stream-class-id\"], \"type\": \"fixed-length-unsigned-integer\"}, \"name\": \"stream_id\"}, "
		     "{\"field-class\": {\"alignment\": 8, \"byte-order\": \"little-endian\", \"length\": 64, \"roles\": [\"data-stream-id\"], \"type\": \"fixed-length-unsigned-integer\"}, \"name\": \"stream_instance_id\"}], "
		     "\"type\": \"structure\"}"));
	/* Clock: 1700000000123456789 ns = 1700000000 s + 123456789 cycles. */
	CHECK(has(c, "{\"description\": \"Monotonic Clock\", \"frequency\": 1000000000, \"id\": \"monotonic\", "
		     "\"name\": \"monotonic\", \"offset-from-origin\": {\"cycles\": 123456789, \"seconds\": 1700000000}, "
		     "\"origin\": \"unix-epoch\", \"type\": \"clock-class\", \"uid\": \"" BOOT_ID "\"}\n"));
	free(c);
	lttng_md_buf_release(&b);

	/* A negative offset still has cycles in [0, 1e9). */
	env.clock_offset = -1500000001LL;
	env.product_uuid = NULL;
	env.fork_name = NULL;
	env.fork_version = NULL;
	lttng_md_buf_init(&b);
	CHECK(lttng_ctf2_trace(&b, &env) == 0);
	c = canonical(&b);
	CHECK(has(c, "\"offset-from-origin\": {\"cycles\": 499999999, \"seconds\": -2}"));
	CHECK(c && !strstr(c, "product_uuid") && !strstr(c, "tracer_fork"));
	free(c);
	lttng_md_buf_release(&b);
	report("ctf2-trace", ok);
}

static void test_stream_text(void)
{
	struct lttng_md_env env = make_env("h");
	struct lttng_md_buf b;
	char *c;
	int ok = 1;

	lttng_md_buf_init(&b);
	CHECK(lttng_ctf2_trace(&b, &env) == 0);
	CHECK(lttng_ctf2_stream(&b, 0, false, stream0_ctx, 2) == 0);
	CHECK(lttng_ctf2_stream(&b, 1, true, NULL, 0) == 0);
	c = canonical(&b);
	CHECK(c != NULL);
	CHECK(has(c, "\"default-clock-class-id\": \"monotonic\""));
	/* Packet context, roles included. */
	CHECK(has(c, "\"packet-context-field-class\": {\"member-classes\": ["
		     "{\"field-class\": {\"alignment\": 8, \"byte-order\": \"little-endian\", \"length\": 64, \"roles\": [\"default-clock-timestamp\"], \"type\": \"fixed-length-unsigned-integer\"}, \"name\": \"timestamp_begin\"}, "
		     "{\"field-class\": {\"alignment\": 8, \"byte-order\": \"little-endian\", \"length\": 64, \"roles\": [\"packet-end-default-clock-timestamp\"], \"type\": \"fixed-length-unsigned-integer\"}, \"name\": \"timestamp_end\"}, "
		     "{\"field-class\": {\"alignment\": 8, \"byte-order\": \"little-endian\", \"length\": 64, \"roles\": [\"packet-content-length\"], \"type\": \"fixed-length-unsigned-integer\"}, \"name\": \"content_size\"}, "
		     "{\"field-class\": {\"alignment\": 8, \"byte-order\": \"little-endian\", \"length\": 64, \"roles\": [\"packet-total-length\"], \"type\": \"fixed-length-unsigned-integer\"}, \"name\": \"packet_size\"}, "
		     "{\"field-class\": {\"alignment\": 8, \"byte-order\": \"little-endian\", \"length\": 64, \"roles\": [\"packet-sequence-number\"], \"type\": \"fixed-length-unsigned-integer\"}, \"name\": \"packet_seq_num\"}, "
		     "{\"field-class\": {\"alignment\": 8, \"byte-order\": \"little-endian\", \"length\": 64, \"roles\": [\"discarded-event-record-counter-snapshot\"], \"type\": \"fixed-length-unsigned-integer\"}, \"name\": \"events_discarded\"}, "
		     "{\"field-class\": {\"alignment\": 8, \"byte-order\": \"little-endian\", \"length\": 32, \"type\": \"fixed-length-unsigned-integer\"}, \"name\": \"cpu_id\"}], "
		     "\"type\": \"structure\"}"));
	/* Compact header: 5-bit id, 27-bit time, both bit aligned. */
	CHECK(has(c, "{\"field-class\": {\"byte-order\": \"little-endian\", \"length\": 5, \"roles\": [\"event-record-class-id\"], \"type\": \"fixed-length-unsigned-integer\"}, \"name\": \"id\"}"));
	CHECK(has(c, "\"selector-field-ranges\": [[0, 30]]"));
	CHECK(has(c, "{\"field-class\": {\"byte-order\": \"little-endian\", \"length\": 27, \"roles\": [\"default-clock-timestamp\"], \"type\": \"fixed-length-unsigned-integer\"}, \"name\": \"timestamp\"}"));
	CHECK(has(c, "\"selector-field-ranges\": [[31, 31]]"));
	/* Large header: 16-bit id, 32-bit time, byte aligned. */
	CHECK(has(c, "{\"field-class\": {\"alignment\": 8, \"byte-order\": \"little-endian\", \"length\": 16, \"roles\": [\"event-record-class-id\"], \"type\": \"fixed-length-unsigned-integer\"}, \"name\": \"id\"}"));
	CHECK(has(c, "\"selector-field-ranges\": [[0, 65534]]"));
	CHECK(has(c, "\"selector-field-ranges\": [[65535, 65535]]"));
	CHECK(has(c, "{\"field-class\": {\"alignment\": 8, \"byte-order\": \"little-endian\", \"length\": 32, \"roles\": [\"default-clock-timestamp\"], \"type\": \"fixed-length-unsigned-integer\"}, \"name\": \"timestamp\"}"));
	/* Extended: a 32-bit id and a 64-bit time, both with their roles. */
	CHECK(has(c, "{\"field-class\": {\"alignment\": 8, \"byte-order\": \"little-endian\", \"length\": 32, \"roles\": [\"event-record-class-id\"], \"type\": \"fixed-length-unsigned-integer\"}, \"name\": \"id\"}, "
		     "{\"field-class\": {\"alignment\": 8, \"byte-order\": \"little-endian\", \"length\": 64, \"roles\": [\"default-clock-timestamp\"], \"type\": \"fixed-length-unsigned-integer\"}, \"name\": \"timestamp\"}"));
	CHECK(has(c, "\"minimum-alignment\": 8"));
	/* Contexts on stream 0 only. */
	CHECK(has(c, "\"event-record-common-context-field-class\": {\"member-classes\": ["
		     "{\"field-class\": {\"alignment\": 8, \"byte-order\": \"little-endian\", \"length\": 32, \"type\": \"fixed-length-signed-integer\"}, \"name\": \"pid\"}, "
		     "{\"field-class\": {\"length\": 16, \"type\": \"static-length-string\"}, \"name\": \"procname\"}], \"type\": \"structure\"}"));
	{
		const char *s1 = c ? strstr(c, "\"id\": 1, \"packet-context") : NULL;

		CHECK(s1 && !strstr(s1, "event-record-common-context"));
	}
	free(c);
	lttng_md_buf_release(&b);
	report("ctf2-stream", ok);
}

static void test_event_text(void)
{
	struct lttng_md_env env = make_env("h");
	struct lttng_md_buf b;
	char *c;
	int ok = 1;

	lttng_md_buf_init(&b);
	CHECK(lttng_ctf2_trace(&b, &env) == 0);
	CHECK(lttng_ctf2_stream(&b, 0, false, stream0_ctx, 2) == 0);
	CHECK(lttng_ctf2_event(&b, &ev_fork, 1, 0) == 0);
	CHECK(lttng_ctf2_event(&b, &ev_test, 2, 0) == 0);
	CHECK(lttng_ctf2_event(&b, &ev_empty, 40, 0) == 0);
	c = canonical(&b);
	CHECK(c != NULL);
	CHECK(has(c, "\"data-stream-class-id\": 0, \"id\": 1, \"name\": \"test_fork\""));
	/* Text array, integer array, sequence with its length first. */
	CHECK(has(c, "{\"field-class\": {\"length\": 16, \"type\": \"static-length-string\"}, \"name\": \"parent_comm\"}"));
	CHECK(has(c, "{\"field-class\": {\"element-field-class\": {\"alignment\": 8, \"byte-order\": \"little-endian\", \"length\": 16, \"type\": \"fixed-length-unsigned-integer\"}, \"length\": 3, \"type\": \"static-length-array\"}, \"name\": \"nums\"}"));
	CHECK(has(c, "{\"field-class\": {\"alignment\": 8, \"byte-order\": \"little-endian\", \"length\": 8, \"type\": \"fixed-length-unsigned-integer\"}, \"name\": \"_vtids_length\"}, "
		     "{\"field-class\": {\"element-field-class\": {\"alignment\": 8, \"byte-order\": \"little-endian\", \"length\": 32, \"type\": \"fixed-length-signed-integer\"}, \"length-field-location\": {\"path\": [\"_vtids_length\"]}, \"type\": \"dynamic-length-array\"}, \"name\": \"vtids\"}"));
	CHECK(has(c, "{\"field-class\": {\"type\": \"null-terminated-string\"}, \"name\": \"filename\"}"));
	/* The test event: hex, network order, text sequence, bits, enums. */
	CHECK(has(c, "{\"field-class\": {\"alignment\": 8, \"byte-order\": \"little-endian\", \"length\": 32, \"preferred-display-base\": 16, \"type\": \"fixed-length-signed-integer\"}, \"name\": \"intfield2\"}"));
	CHECK(has(c, "{\"field-class\": {\"alignment\": 8, \"byte-order\": \"big-endian\", \"length\": 32, \"type\": \"fixed-length-signed-integer\"}, \"name\": \"netintfield\"}"));
	CHECK(has(c, "{\"field-class\": {\"alignment\": 8, \"byte-order\": \"big-endian\", \"length\": 32, \"preferred-display-base\": 16, \"type\": \"fixed-length-signed-integer\"}, \"name\": \"netintfieldhex\"}"));
	CHECK(has(c, "{\"field-class\": {\"length\": 10, \"type\": \"static-length-string\"}, \"name\": \"arrfield2\"}"));
	CHECK(has(c, "{\"field-class\": {\"element-field-class\": {\"alignment\": 8, \"byte-order\": \"big-endian\", \"length\": 32, \"type\": \"fixed-length-unsigned-integer\"}, \"length\": 3, \"type\": \"static-length-array\"}, \"name\": \"arrfield3\"}"));
	CHECK(has(c, "{\"field-class\": {\"element-field-class\": {\"alignment\": 8, \"byte-order\": \"little-endian\", \"length\": 8, \"type\": \"fixed-length-signed-integer\"}, \"length-field-location\": {\"path\": [\"_seqfield1_length\"]}, \"type\": \"dynamic-length-array\"}, \"name\": \"seqfield1\"}"));
	CHECK(has(c, "{\"field-class\": {\"length-field-location\": {\"path\": [\"_seqfield2_length\"]}, \"type\": \"dynamic-length-string\"}, \"name\": \"seqfield2\"}"));
	CHECK(has(c, "{\"field-class\": {\"alignment\": 8, \"byte-order\": \"little-endian\", \"length\": 8, \"type\": \"fixed-length-unsigned-integer\"}, \"name\": \"_bitfield_seq_length\"}, "
		     "{\"field-class\": {\"element-field-class\": {\"byte-order\": \"little-endian\", \"length\": 1, \"type\": \"fixed-length-unsigned-integer\"}, \"length-field-location\": {\"path\": [\"_bitfield_seq_length\"]}, \"type\": \"dynamic-length-array\"}, \"name\": \"bitfield_seq\"}"));
	CHECK(has(c, "{\"field-class\": {\"element-field-class\": {\"byte-order\": \"little-endian\", \"length\": 1, \"type\": \"fixed-length-unsigned-integer\"}, \"length\": 192, \"type\": \"static-length-array\"}, \"name\": \"bitfield_array\"}"));
	/* Auto entries count on from the previous value: 0, 28, 304. */
	CHECK(has(c, "{\"field-class\": {\"alignment\": 8, \"byte-order\": \"little-endian\", \"length\": 32, "
		     "\"mappings\": {\"AUTO: EXPECT 0\": [[0, 0]], \"AUTO: EXPECT 28\": [[28, 28]], "
		     "\"AUTO: EXPECT 304\": [[304, 304]], \"RANGE: 101 TO 303\": [[101, 303]], "
		     "\"VALUE: -1\": [[-1, -1]], \"VALUE: 23\": [[23, 23]], \"VALUE: 27\": [[27, 27]]}, "
		     "\"type\": \"fixed-length-signed-integer\"}, \"name\": \"enum0\"}"));
	/* No fields: an empty payload structure, as the TSDL has one. */
	CHECK(has(c, "\"id\": 40, \"name\": \"test_empty\", \"payload-field-class\": {\"member-classes\": [], \"type\": \"structure\"}"));
	free(c);
	lttng_md_buf_release(&b);
	report("ctf2-event", ok);
}

/* A label used twice is one mapping with both ranges (no repeated key). */
static void test_enum_grouping(void)
{
	static const struct lttng_enum_entry entries[] = {
		{ .name = "low", .start = 0, .end = 3 },
		{ .name = "mid", .is_auto = 1 },
		{ .name = "low", .start = 10, .end = 10 },
		{ .name = "high", .start = 100, .end = 200 },
		{ .name = "mid", .is_auto = 1 },
	};
	static const struct lttng_enum_desc ed = {
		.name = "e", .entries = entries, .nr_entries = 5,
	};
	static const struct lttng_field_desc f = {
		.name = "state",
		.type = { .kind = LTTNG_TYPE_ENUM, .integer = INT_T(8, 0, 16),
			  .enum_desc = &ed },
	};
	static const struct lttng_event_desc ev = {
		.name = "ev", .fields = &f, .nr_fields = 1,
	};
	struct lttng_md_env env = make_env("h");
	struct lttng_md_buf b;
	char *c;
	int ok = 1;

	lttng_md_buf_init(&b);
	CHECK(lttng_ctf2_trace(&b, &env) == 0);
	CHECK(lttng_ctf2_stream(&b, 0, false, NULL, 0) == 0);
	CHECK(lttng_ctf2_event(&b, &ev, 0, 0) == 0);
	c = canonical(&b);
	CHECK(has(c, "\"mappings\": {\"high\": [[100, 200]], \"low\": [[0, 3], [10, 10]], \"mid\": [[4, 4], [201, 201]]}, "
		     "\"preferred-display-base\": 16, \"type\": \"fixed-length-unsigned-integer\""));
	free(c);
	lttng_md_buf_release(&b);
	report("ctf2-enum-grouping", ok);
}

/*
 * Strings from outside (hostname, session name...) stay valid JSON and
 * valid UTF-8: escapes for quote, backslash and control characters,
 * U+FFFD for bytes that are not UTF-8, UTF-8 kept.
 */
static void test_escape(void)
{
	struct lttng_md_env env = make_env("a\"b\\c\nd\x01\t\xff\xc3\xa9\xe2\x82");
	struct lttng_md_buf b;
	char *c;
	int ok = 1;

	env.trace_name = "\xed\xa0\x80-\xf4\x90\x80\x80-\xc0\xaf-\xf0\x9f\x90\xa7";
	env.creation_time = "";
	lttng_md_buf_init(&b);
	CHECK(lttng_ctf2_trace(&b, &env) == 0);
	CHECK(b.data && strstr(b.data, "\"hostname\":\"a\\\"b\\\\c\\nd\\u0001\\t\\ufffd\xc3\xa9\\ufffd\\ufffd\""));
	c = canonical(&b);
	CHECK(has(c, "\"hostname\": \"a\\\"b\\\\c\\nd\\u0001\\t\\ufffd\\u00e9\\ufffd\\ufffd\""));
	/* Surrogate, beyond U+10FFFF, overlong: refused; U+1F427 kept. */
	CHECK(has(c, "\"trace_name\": \"\\ufffd\\ufffd\\ufffd-\\ufffd\\ufffd\\ufffd\\ufffd-\\ufffd\\ufffd-\\ud83d\\udc27\""));
	CHECK(has(c, "\"trace_creation_datetime\": \"\""));
	free(c);
	lttng_md_buf_release(&b);
	report("ctf2-escape", ok);
}

static void test_deterministic(void)
{
	struct lttng_md_buf a, b;
	int ok = 1;

	lttng_md_buf_init(&a);
	lttng_md_buf_init(&b);
	CHECK(build_metadata(&lttng_ctf2_format, &a, "h") == 0);
	CHECK(build_metadata(&lttng_ctf2_format, &b, "h") == 0);
	CHECK(a.len == b.len && a.len > 0 && !memcmp(a.data, b.data, a.len));
	lttng_md_buf_release(&a);
	lttng_md_buf_release(&b);
	report("ctf2-deterministic", ok);
}

/*
 * Allocation failure: -ENOMEM, what earlier calls wrote stays whole, the
 * error sticks.  Bad descriptions: -EINVAL and nothing written.
 */
static void test_errors(void)
{
	static const struct lttng_enum_entry neg[] = {
		{ .name = "minus", .start = -1, .end = -1 },
	};
	static const struct lttng_enum_entry noname[] = {
		{ .name = "ok", .start = 0, .end = 0 },
		{ .name = NULL, .start = 1, .end = 1 },
	};
	static const struct lttng_enum_entry backwards[] = {
		{ .name = "b", .start = 5, .end = 4 },
	};
	static const struct lttng_enum_desc e_neg = { "n", neg, 1 };
	static const struct lttng_enum_desc e_noname = { "u", noname, 2 };
	static const struct lttng_enum_desc e_back = { "b", backwards, 1 };
	static const struct lttng_enum_desc e_empty = { "e", neg, 0 };
	static const struct lttng_field_desc bad[] = {
		{ .name = "zero", .type = { .kind = LTTNG_TYPE_INTEGER,
					    .integer = INT_T(0, 0, 10) } },
		{ .name = "wide", .type = { .kind = LTTNG_TYPE_INTEGER,
					    .integer = INT_T(65, 0, 10) } },
		{ .name = "", .type = { .kind = LTTNG_TYPE_INTEGER,
					.integer = INT_T(8, 0, 10) } },
		{ .name = "slen", .type = { .kind = LTTNG_TYPE_SEQUENCE,
					    .integer = INT_T(8, 0, 10),
					    .length = INT_T(8, 1, 10) } },
		{ .name = "uneg", .type = { .kind = LTTNG_TYPE_ENUM,
					    .integer = INT_T(8, 0, 10),
					    .enum_desc = &e_neg } },
		{ .name = "noname", .type = { .kind = LTTNG_TYPE_ENUM,
					      .integer = INT_T(8, 1, 10),
					      .enum_desc = &e_noname } },
		{ .name = "back", .type = { .kind = LTTNG_TYPE_ENUM,
					    .integer = INT_T(8, 1, 10),
					    .enum_desc = &e_back } },
		{ .name = "empty", .type = { .kind = LTTNG_TYPE_ENUM,
					     .integer = INT_T(8, 1, 10),
					     .enum_desc = &e_empty } },
		{ .name = "nodesc", .type = { .kind = LTTNG_TYPE_ENUM,
					      .integer = INT_T(8, 1, 10) } },
		{ .name = "kind", .type = { .kind = 42,
					    .integer = INT_T(8, 1, 10) } },
	};
	struct lttng_md_env env = make_env("h");
	struct lttng_md_buf b;
	const struct lttng_field_desc *nullctx[1] = { NULL };
	size_t before;
	unsigned int i;
	char *copy;
	int ok = 1;

	lttng_md_buf_init(&b);
	alloc_budget = 0;
	CHECK(lttng_ctf2_trace(&b, &env) == -ENOMEM);
	CHECK(b.len == 0);
	lttng_md_buf_release(&b);

	/* One 4 KiB allocation holds the trace fragments, not much more. */
	alloc_budget = 1;
	CHECK(lttng_ctf2_trace(&b, &env) == 0);
	before = b.len;
	copy = strdup(b.data);
	CHECK(copy != NULL);
	while (ok && !b.error)
		lttng_ctf2_event(&b, &ev_ints, 0, 0);
	CHECK(b.error == -ENOMEM);
	CHECK(b.len >= before && strlen(b.data) == b.len);
	CHECK(copy && !strncmp(b.data, copy, before));
	/* The last fragment in the buffer is whole. */
	CHECK(b.len >= 4 && !strcmp(b.data + b.len - 4, "]}}\n"));
	alloc_budget = -1;
	CHECK(lttng_ctf2_event(&b, &ev_ints, 0, 0) == -ENOMEM);
	CHECK(lttng_ctf2_stream(&b, 0, false, NULL, 0) == -ENOMEM);
	free(copy);
	lttng_md_buf_release(&b);

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		struct lttng_event_desc ev = {
			.name = "bad", .fields = &bad[i], .nr_fields = 1,
		};

		lttng_md_buf_init(&b);
		if (lttng_ctf2_event(&b, &ev, 0, 0) != -EINVAL || b.len) {
			note("    field %s: not refused cleanly\n", bad[i].name);
			ok = 0;
		}
		lttng_md_buf_release(&b);
	}
	{
		struct lttng_event_desc noname_ev = { .name = NULL };
		struct lttng_event_desc nofields = { .name = "x",
						     .nr_fields = 2 };

		lttng_md_buf_init(&b);
		CHECK(lttng_ctf2_event(&b, &noname_ev, 0, 0) == -EINVAL);
		lttng_md_buf_release(&b);
		lttng_md_buf_init(&b);
		CHECK(lttng_ctf2_event(&b, &nofields, 0, 0) == -EINVAL);
		CHECK(lttng_ctf2_event(&b, NULL, 0, 0) == -EINVAL);
		lttng_md_buf_release(&b);
		lttng_md_buf_init(&b);
		CHECK(lttng_ctf2_stream(&b, 0, false, nullctx, 1) == -EINVAL);
		CHECK(lttng_ctf2_stream(&b, 0, false, NULL, 1) == -EINVAL);
		CHECK(b.len == 0);
		lttng_md_buf_release(&b);
		lttng_md_buf_init(&b);
		env.uuid = NULL;
		CHECK(lttng_ctf2_trace(&b, &env) == -EINVAL);
		CHECK(lttng_ctf2_trace(&b, NULL) == -EINVAL);
		lttng_md_buf_release(&b);
	}
	report("ctf2-errors", ok);
}

/* ---- Decoding with a babeltrace2 that reads CTF 2 ---- */

static char bt2_cmd[1024];
static char bt2_problem[512];

/*
 * The babeltrace2 command for CTF 2 traces, made once: the suite root is
 * made (or found) here, not inside a decode, so its progress messages
 * never mix with babeltrace2's stderr.
 */
static const char *ctf2_bt2(void)
{
	const char *env = getenv("CTF2_BABELTRACE2");
	const char *suite = getenv("UNIT_BT2_SUITE");
	char cmd[1024], root[512];
	FILE *p;
	size_t n;
	int rc;

	if (bt2_cmd[0] || bt2_problem[0])
		return bt2_cmd[0] ? bt2_cmd : NULL;
	if (env && *env) {
		snprintf(bt2_cmd, sizeof(bt2_cmd), "%s", env);
		return bt2_cmd;
	}
	if (!suite || !*suite)
		suite = "trixie";
	snprintf(cmd, sizeof(cmd), "'%s/tests/lib/suite-root' '%s'", TOP_DIR,
		 suite);
	fprintf(stderr, "test_ctf2: babeltrace2 of the %s root: %s\n", suite,
		cmd);
	p = popen(cmd, "r");
	n = p ? fread(root, 1, sizeof(root) - 1, p) : 0;
	rc = p ? pclose(p) : -1;
	root[n] = '\0';
	while (n && root[n - 1] == '\n')
		root[--n] = '\0';
	if (rc != 0 || !n) {
		snprintf(bt2_problem, sizeof(bt2_problem),
			 "tests/lib/suite-root %s failed (status %d): no babeltrace2 2.1 to read CTF 2",
			 suite, rc);
		return NULL;
	}
	snprintf(bt2_cmd, sizeof(bt2_cmd), "'%s/tests/lib/suite-bt2' '%s'",
		 TOP_DIR, root);
	return bt2_cmd;
}

/*
 * Writes the fake session's trace with metadata in format @fmt as the
 * consumer of lttng-tools writes it, decodes it with the CTF 2 capable
 * babeltrace2; returns 1 if it decoded without a word on stderr.
 */
static int decode(const struct lttng_md_format *fmt, bool ctf2,
		  const char *hostname, bool consumerd_2_14, char **out)
{
	char dir[] = "/tmp/lttng-ctf2-test.XXXXXX";
	const char *bt2 = ctf2_bt2();
	char *err = NULL;
	int ok = 1, rc;

	*out = NULL;
	if (!bt2) {
		note("    %s\n", bt2_problem);
		return 0;
	}
	if (!mkdtemp(dir)) {
		note("    mkdtemp: %s\n", strerror(errno));
		return 0;
	}
	ok = write_trace(dir, fmt, ctf2, hostname, consumerd_2_14);
	if (ok) {
		rc = run_bt2_cmd(bt2, dir, out, &err);
		CHECK(rc == 0);
		CHECK(err && !*err);
		if (rc != 0 || !err || *err)
			note("    %s: exit %d, stderr:\n%.1500s\n", bt2, rc,
			     err ? err : "(none)");
	}
	free(err);
	remove_dir(dir);
	return ok;
}

/* The CTF 2 trace prints what the streams hold. */
static void test_bt2_ctf2(void)
{
	char *out;
	int ok;

	ok = decode(&lttng_ctf2_format, true, "unit-host", true, &out);
	if (ok && (!out || strcmp(out, expected_events()))) {
		show_diff(out ? out : "", expected_events());
		ok = 0;
	}
	free(out);
	report("bt2-ctf2", ok);
}

/*
 * Same streams, CTF 1.8 metadata (stripped as 2.14+ stores it, and in
 * packets as 2.13 does), same babeltrace2: the same text, byte for byte.
 */
static void test_bt2_same_as_ctf18(void)
{
	char *o2 = NULL, *o18 = NULL, *o18p = NULL;
	int ok;

	ok = decode(&lttng_ctf2_format, true, "unit-host", true, &o2);
	ok = ok && decode(&lttng_tsdl_format, false, "unit-host", true, &o18);
	ok = ok && decode(&lttng_tsdl_format, false, "unit-host", false, &o18p);
	if (ok && (!o2 || !o18 || strcmp(o2, o18))) {
		note("    CTF 2 vs CTF 1.8 (stripped):\n");
		show_diff(o2 ? o2 : "", o18 ? o18 : "");
		ok = 0;
	}
	if (ok && (!o18p || strcmp(o2, o18p))) {
		note("    CTF 2 vs CTF 1.8 (packets):\n");
		show_diff(o2, o18p ? o18p : "");
		ok = 0;
	}
	free(o2);
	free(o18);
	free(o18p);
	report("bt2-ctf2-same-as-ctf1.8", ok);
}

/* A hostname that is no valid UTF-8 still gives a readable trace. */
static void test_bt2_hostname(void)
{
	char *out;
	int ok;

	ok = decode(&lttng_ctf2_format, true, "we\"ird\\host\nname\xff", true,
		    &out);
	if (ok && (!out || !strstr(out, "] we\"ird\\host\nname\xef\xbf\xbd test_empty: { cpu_id = 1 }"))) {
		note("    decoded hostname not found in:\n%.2000s\n",
		     out ? out : "");
		ok = 0;
	}
	free(out);
	report("bt2-ctf2-escaped-hostname", ok);
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);

	test_trace_text();
	test_stream_text();
	test_event_text();
	test_enum_grouping();
	test_escape();
	test_deterministic();
	test_errors();
	test_bt2_ctf2();
	test_bt2_same_as_ctf18();
	test_bt2_hostname();
	return failed_cases ? 1 : 0;
}
