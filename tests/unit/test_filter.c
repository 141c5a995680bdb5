// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of core/lttng-filter.c: filter bytecode as lttng-tools
 * 2.13.9 emits it, hand-assembled here instruction by instruction in the
 * order its compiler produces (operands in post-order, the cast it adds
 * after a field reference that is an operand of && or ||, && / || with
 * the absolute offset of the end of their right-hand side, a final
 * RETURN, then the relocation table: u16 offset of the referencing
 * instruction and the NUL-terminated name), and hostile inputs that must
 * be refused.
 *
 * Prints one "PASS name" / "FAIL name" line per case and exits non-zero
 * if any failed.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/kernel.h>
#include <linux/errno.h>

#include "lttng-filter.h"

static long alloc_budget = -1;	/* -1: unlimited */

void *lttng_filter_zalloc(size_t size)
{
	if (alloc_budget == 0)
		return NULL;
	if (alloc_budget > 0)
		alloc_budget--;
	return calloc(1, size);
}

void lttng_filter_free(void *p)
{
	free(p);
}

/* ---- Tiny test framework ---- */

#define UNIT_PREFIX "filter-"
#include "unit.h"

/* ---- A bytecode assembler, following lttng-tools' emission ---- */

enum {
	OP_RETURN = 1, OP_MUL = 2, OP_PLUS = 5,
	OP_RSHIFT = 7, OP_LSHIFT = 8, OP_BAND = 9, OP_BOR = 10, OP_BXOR = 11,
	OP_EQ = 12, OP_NE = 13, OP_GT = 14, OP_LT = 15, OP_GE = 16, OP_LE = 17,
	OP_EQ_S64 = 24,
	OP_MINUS1 = 49, OP_NOT = 50,
	OP_AND = 57, OP_OR = 58,
	OP_FIELD_REF = 59, OP_FIELD_REF_S64 = 62,
	OP_LOAD_STRING = 64, OP_LOAD_S64 = 65, OP_LOAD_DOUBLE = 66,
	OP_CAST_TO_S64 = 67, OP_CAST_NOP = 69,
	OP_CONTEXT_REF = 70, OP_STAR_GLOB = 76,
	OP_PAYLOAD_ROOT = 81, OP_GET_SYMBOL = 82, OP_GET_INDEX_U64 = 85,
	OP_LOAD_FIELD = 86,
	OP_BIT_NOT = 98,
};

struct bc {
	u8 code[4096];
	u32 n;
	u8 rel[4096];
	u32 rn;
	u8 out[16 + 8192];
	size_t size;
};

static void put(u8 *buf, u32 *n, const void *p, size_t len)
{
	memcpy(buf + *n, p, len);
	*n += len;
}

static void a_op(struct bc *b, u8 op)
{
	put(b->code, &b->n, &op, 1);
}

static void a_s64(struct bc *b, s64 v)
{
	a_op(b, OP_LOAD_S64);
	put(b->code, &b->n, &v, 8);
}

static void a_strop(struct bc *b, u8 op, const char *s)
{
	a_op(b, op);
	put(b->code, &b->n, s, strlen(s) + 1);
}

static void a_ref(struct bc *b, u8 op, const char *name)
{
	u16 at = b->n, dummy = 0xffff;

	a_op(b, op);
	put(b->code, &b->n, &dummy, 2);
	put(b->rel, &b->rn, &at, 2);
	put(b->rel, &b->rn, name, strlen(name) + 1);
}

static void a_field(struct bc *b, const char *name)
{
	a_ref(b, OP_FIELD_REF, name);
}

/* && or ||: returns where to patch the skip offset. */
static u32 a_logic(struct bc *b, u8 op)
{
	u16 dummy = 0xffff;
	u32 at;

	a_op(b, op);
	at = b->n;
	put(b->code, &b->n, &dummy, 2);
	return at;
}

static void a_land(struct bc *b, u32 at)
{
	u16 here = b->n;

	memcpy(b->code + at, &here, 2);
}

/* Header, code, relocation table. */
static void a_finish(struct bc *b)
{
	u32 len = b->n + b->rn, reloc = b->n, n = 0;
	u64 seq = 0;

	put(b->out, &n, &len, 4);
	put(b->out, &n, &reloc, 4);
	put(b->out, &n, &seq, 8);
	put(b->out, &n, b->code, b->n);
	put(b->out, &n, b->rel, b->rn);
	b->size = n;
}

/* ---- An event like lttng_test_filter_event, and two contexts ---- */

#define INT(bits, sgn) { .size = bits, .is_signed = sgn, .base = 10 }
#define TEXT8 { .size = 8, .is_signed = 1, .base = 10, \
		.encoding = LTTNG_ENCODING_UTF8 }

static const struct lttng_field_desc fields[] = {
	{ "intfield", { .kind = LTTNG_TYPE_INTEGER, .integer = INT(32, 1) } },
	{ "longfield", { .kind = LTTNG_TYPE_INTEGER, .integer = INT(64, 1) } },
	{ "stringfield", { .kind = LTTNG_TYPE_STRING } },
	{ "arrfield2", { .kind = LTTNG_TYPE_ARRAY, .integer = TEXT8,
			 .count = 10 } },
	{ "seqfield2", { .kind = LTTNG_TYPE_SEQUENCE, .integer = TEXT8,
			 .length = INT(64, 0) } },
	{ "arrfield1", { .kind = LTTNG_TYPE_ARRAY, .integer = INT(64, 1),
			 .count = 3 } },
	{ "enum23", { .kind = LTTNG_TYPE_ENUM, .integer = INT(32, 1) } },
	{ "ufield", { .kind = LTTNG_TYPE_INTEGER, .integer = INT(64, 0) } },
};
enum { F_INT, F_LONG, F_STR, F_ARR2, F_SEQ2, F_ARR1, F_ENUM, F_U64, NF };

static const struct lttng_field_desc ctx_pid = {
	"pid", { .kind = LTTNG_TYPE_INTEGER, .integer = INT(32, 1) } };
static const struct lttng_field_desc ctx_procname = {
	"procname", { .kind = LTTNG_TYPE_ARRAY, .integer = TEXT8,
		      .count = 16 } };
static const struct lttng_field_desc * const ctxs[] = {
	&ctx_pid, &ctx_procname };

static struct lttng_filter_value vals[NF + 2];

static void set_vals(s64 i, const char *s)
{
	memset(vals, 0, sizeof(vals));
	vals[F_INT].i = i;
	vals[F_LONG].i = i;
	vals[F_STR].s.p = s;
	vals[F_STR].s.len = (size_t)-1;
	/* arrfield2: 10 bytes, NUL-padded; seqfield2: exactly strlen. */
	vals[F_ARR2].s.p = s;
	vals[F_ARR2].s.len = 10;
	vals[F_SEQ2].s.p = s;
	vals[F_SEQ2].s.len = strlen(s);
	vals[F_ENUM].i = 23;
	vals[F_U64].i = (s64)0xffffffffffffffffULL;
	vals[NF].i = 1234;			/* $ctx.pid */
	vals[NF + 1].s.p = "lttng-sessiond";	/* $ctx.procname */
	vals[NF + 1].s.len = 16;
}

static int do_link(struct bc *b, struct lttng_filter_prog **p)
{
	return lttng_filter_link(b->out, b->size, fields, NF, ctxs, 2, p);
}

/*
 * Link @b, then run it on (i, s) for each row of @rows, expecting
 * @rows[].want.
 */
struct row { s64 i; const char *s; int want; };

static void expect_runs(const char *name, struct bc *b,
			const struct row *rows, size_t nr)
{
	struct lttng_filter_prog *p = NULL;
	int ok = 1, ret;
	size_t k;

	a_finish(b);
	CHECK(lttng_filter_check(b->out, b->size) == 0);
	ret = do_link(b, &p);
	CHECK(ret == 0);
	if (ret == 0) {
		for (k = 0; k < nr; k++) {
			int got;

			set_vals(rows[k].i, rows[k].s);
			got = lttng_filter_run(p, vals);
			if (got != rows[k].want) {
				note("    row %zu (%lld, \"%s\"): got %d\n", k,
				     rows[k].i, rows[k].s, got);
				ok = 0;
			}
		}
		lttng_filter_prog_free(p);
	}
	report(name, ok);
}

#define RUNS(name, b, ...) do {						\
	static const struct row rows_[] = { __VA_ARGS__ };		\
	expect_runs(name, b, rows_, ARRAY_SIZE(rows_));			\
} while (0)

/* ---- Expressions as lttng-tools 2.13.9 compiles them ---- */

/* intfield > 10, spelled out byte by byte. */
static void test_wire_layout(void)
{
	static const u8 want[] = {
		25, 0, 0, 0,  14, 0, 0, 0,  0, 0, 0, 0, 0, 0, 0, 0,
		59, 0xff, 0xff,				/* LOAD_FIELD_REF */
		65, 10, 0, 0, 0, 0, 0, 0, 0,		/* LOAD_S64 10 */
		14,					/* GT */
		1,					/* RETURN */
		0, 0, 'i', 'n', 't', 'f', 'i', 'e', 'l', 'd', 0,
	};
	struct bc b = { .n = 0 };
	struct lttng_filter_prog *p = NULL;
	int ok = 1;

	a_field(&b, "intfield");
	a_s64(&b, 10);
	a_op(&b, OP_GT);
	a_op(&b, OP_RETURN);
	a_finish(&b);
	CHECK(b.size == sizeof(want) && !memcmp(b.out, want, sizeof(want)));
	CHECK(lttng_filter_check(want, sizeof(want)) == 0);
	CHECK(lttng_filter_link(want, sizeof(want), fields, NF, ctxs, 2,
				&p) == 0);
	if (p) {
		set_vals(11, "");
		CHECK(lttng_filter_run(p, vals) == 1);
		set_vals(10, "");
		CHECK(lttng_filter_run(p, vals) == 0);
		CHECK(lttng_filter_uses_field(p, F_INT));
		CHECK(!lttng_filter_uses_field(p, F_STR));
		CHECK(lttng_filter_ctx_mask(p) == 0);
		lttng_filter_prog_free(p);
	}
	report("wire-layout-intfield-gt-10", ok);
}

/* Binary comparison `field OP literal`. */
static void cmp_int(struct bc *b, const char *f, u8 op, s64 v)
{
	a_field(b, f);
	a_s64(b, v);
	a_op(b, op);
}

static void cmp_str(struct bc *b, const char *f, u8 op, u8 lit,
		    const char *s)
{
	a_field(b, f);
	a_strop(b, lit, s);
	a_op(b, op);
}

static void test_expressions(void)
{
	struct bc b;
	u32 j, j2;

	/* intfield == 42 && stringfield == "test" */
	memset(&b, 0, sizeof(b));
	cmp_int(&b, "intfield", OP_EQ, 42);
	j = a_logic(&b, OP_AND);
	cmp_str(&b, "stringfield", OP_EQ, OP_LOAD_STRING, "test");
	a_land(&b, j);
	a_op(&b, OP_RETURN);
	RUNS("and-int-string", &b, { 42, "test", 1 }, { 42, "tes", 0 },
	     { 41, "test", 0 }, { 42, "test2", 0 });

	/* intfield < 3 || intfield >= 100 */
	memset(&b, 0, sizeof(b));
	cmp_int(&b, "intfield", OP_LT, 3);
	j = a_logic(&b, OP_OR);
	cmp_int(&b, "intfield", OP_GE, 100);
	a_land(&b, j);
	a_op(&b, OP_RETURN);
	RUNS("or-short-circuit", &b, { 2, "", 1 }, { 3, "", 0 },
	     { 99, "", 0 }, { 100, "", 1 }, { -7, "", 1 });

	/* intfield   (a bare field: no cast outside && / ||) */
	memset(&b, 0, sizeof(b));
	a_field(&b, "intfield");
	a_op(&b, OP_RETURN);
	RUNS("bare-field", &b, { 0, "", 0 }, { 5, "", 1 }, { -1, "", 1 });

	/* intfield && 1   (field operand of && gets CAST_TO_S64) */
	memset(&b, 0, sizeof(b));
	a_field(&b, "intfield");
	a_op(&b, OP_CAST_TO_S64);
	j = a_logic(&b, OP_AND);
	a_s64(&b, 1);
	a_land(&b, j);
	a_op(&b, OP_RETURN);
	RUNS("field-and-literal-cast", &b, { 0, "", 0 }, { 9, "", 1 });

	/* !(intfield > 5) */
	memset(&b, 0, sizeof(b));
	cmp_int(&b, "intfield", OP_GT, 5);
	a_op(&b, OP_NOT);
	a_op(&b, OP_RETURN);
	RUNS("not", &b, { 5, "", 1 }, { 6, "", 0 });

	/* intfield > -5   (unary minus is not folded by the tools) */
	memset(&b, 0, sizeof(b));
	a_field(&b, "intfield");
	a_s64(&b, 5);
	a_op(&b, OP_MINUS1);
	a_op(&b, OP_GT);
	a_op(&b, OP_RETURN);
	RUNS("negative-literal", &b, { -5, "", 0 }, { -4, "", 1 },
	     { -100, "", 0 });

	/* (intfield & 3) == 2 */
	memset(&b, 0, sizeof(b));
	a_field(&b, "intfield");
	a_s64(&b, 3);
	a_op(&b, OP_BAND);
	a_s64(&b, 2);
	a_op(&b, OP_EQ);
	a_op(&b, OP_RETURN);
	RUNS("bit-and", &b, { 6, "", 1 }, { 7, "", 0 }, { 2, "", 1 });

	/* ((intfield >> 1) | (intfield << 2) ^ 1) != ~intfield */
	memset(&b, 0, sizeof(b));
	a_field(&b, "intfield");
	a_s64(&b, 1);
	a_op(&b, OP_RSHIFT);
	a_field(&b, "intfield");
	a_s64(&b, 2);
	a_op(&b, OP_LSHIFT);
	a_s64(&b, 1);
	a_op(&b, OP_BXOR);
	a_op(&b, OP_BOR);
	a_field(&b, "intfield");
	a_op(&b, OP_BIT_NOT);
	a_op(&b, OP_NE);
	a_op(&b, OP_RETURN);
	/* 4: (2 | 17) = 19 != -5 */
	RUNS("bitwise-mix", &b, { 4, "", 1 });

	/* intfield >> 64 == 0: undefined shift makes the event not match */
	memset(&b, 0, sizeof(b));
	a_field(&b, "intfield");
	a_s64(&b, 64);
	a_op(&b, OP_RSHIFT);
	a_s64(&b, 0);
	a_op(&b, OP_EQ);
	a_op(&b, OP_RETURN);
	RUNS("shift-out-of-range-no-match", &b, { 4, "", 0 });

	/* stringfield == "te*"   (trailing star: plain literal, prefix) */
	memset(&b, 0, sizeof(b));
	cmp_str(&b, "stringfield", OP_EQ, OP_LOAD_STRING, "te*");
	a_op(&b, OP_RETURN);
	RUNS("string-prefix-star", &b, { 0, "test", 1 }, { 0, "te", 1 },
	     { 0, "t", 0 }, { 0, "xtest", 0 });

	/* stringfield == "a\*b"   (escaped star is an ordinary char) */
	memset(&b, 0, sizeof(b));
	cmp_str(&b, "stringfield", OP_EQ, OP_LOAD_STRING, "a\\*b");
	a_op(&b, OP_RETURN);
	RUNS("string-escaped-star", &b, { 0, "a*b", 1 }, { 0, "axb", 0 },
	     { 0, "a*", 0 });

	/* stringfield == "*st"   (star elsewhere: STAR_GLOB literal) */
	memset(&b, 0, sizeof(b));
	cmp_str(&b, "stringfield", OP_EQ, OP_STAR_GLOB, "*st");
	a_op(&b, OP_RETURN);
	RUNS("star-glob-eq", &b, { 0, "test", 1 }, { 0, "st", 1 },
	     { 0, "stx", 0 }, { 0, "", 0 });

	/* "*e*t" != stringfield   (pattern on the left) */
	memset(&b, 0, sizeof(b));
	a_strop(&b, OP_STAR_GLOB, "*e*t");
	a_field(&b, "stringfield");
	a_op(&b, OP_NE);
	a_op(&b, OP_RETURN);
	RUNS("star-glob-ne-left", &b, { 0, "test", 0 }, { 0, "eeeet", 0 },
	     { 0, "tes", 1 }, { 0, "et", 0 });

	/* stringfield > "b" && stringfield <= "d" */
	memset(&b, 0, sizeof(b));
	cmp_str(&b, "stringfield", OP_GT, OP_LOAD_STRING, "b");
	j = a_logic(&b, OP_AND);
	cmp_str(&b, "stringfield", OP_LE, OP_LOAD_STRING, "d");
	a_land(&b, j);
	a_op(&b, OP_RETURN);
	RUNS("string-order", &b, { 0, "b", 0 }, { 0, "ba", 1 },
	     { 0, "d", 1 }, { 0, "da", 0 }, { 0, "\xe9", 0 });

	/* arrfield2 == "test" && seqfield2 == "test" */
	memset(&b, 0, sizeof(b));
	cmp_str(&b, "arrfield2", OP_EQ, OP_LOAD_STRING, "test");
	j = a_logic(&b, OP_AND);
	cmp_str(&b, "seqfield2", OP_EQ, OP_LOAD_STRING, "test");
	a_land(&b, j);
	a_op(&b, OP_RETURN);
	RUNS("text-array-and-sequence", &b, { 0, "test", 1 },
	     { 0, "tes", 0 }, { 0, "testt", 0 });

	/* $ctx.procname == "lttng*" && $ctx.pid == 1234 */
	memset(&b, 0, sizeof(b));
	a_ref(&b, OP_CONTEXT_REF, "$ctx.procname");
	a_strop(&b, OP_LOAD_STRING, "lttng*");
	a_op(&b, OP_EQ);
	j = a_logic(&b, OP_AND);
	a_ref(&b, OP_CONTEXT_REF, "$ctx.pid");
	a_s64(&b, 1234);
	a_op(&b, OP_EQ);
	a_land(&b, j);
	a_op(&b, OP_RETURN);
	RUNS("context-fields", &b, { 0, "", 1 });

	/* enum23 == 23 && ufield == -1   (u64 compares as s64) */
	memset(&b, 0, sizeof(b));
	cmp_int(&b, "enum23", OP_EQ, 23);
	j = a_logic(&b, OP_AND);
	a_field(&b, "ufield");
	a_s64(&b, 1);
	a_op(&b, OP_MINUS1);
	a_op(&b, OP_EQ);
	a_land(&b, j);
	a_op(&b, OP_RETURN);
	RUNS("enum-and-u64", &b, { 0, "", 1 });

	/* (intfield == 1 || intfield == 2) && (longfield || 0): nesting */
	memset(&b, 0, sizeof(b));
	cmp_int(&b, "intfield", OP_EQ, 1);
	j = a_logic(&b, OP_OR);
	cmp_int(&b, "intfield", OP_EQ, 2);
	a_land(&b, j);
	j = a_logic(&b, OP_AND);
	a_field(&b, "longfield");
	a_op(&b, OP_CAST_TO_S64);
	j2 = a_logic(&b, OP_OR);
	a_s64(&b, 0);
	a_land(&b, j2);
	a_land(&b, j);
	a_op(&b, OP_RETURN);
	RUNS("nested-logic", &b, { 1, "", 1 }, { 2, "", 1 }, { 3, "", 0 },
	     { 0, "", 0 });
}

static void test_context_mask(void)
{
	struct lttng_filter_prog *p = NULL;
	struct bc b;
	int ok = 1;

	memset(&b, 0, sizeof(b));
	a_ref(&b, OP_CONTEXT_REF, "$ctx.procname");
	a_strop(&b, OP_LOAD_STRING, "x");
	a_op(&b, OP_EQ);
	a_op(&b, OP_RETURN);
	a_finish(&b);
	CHECK(do_link(&b, &p) == 0);
	if (p) {
		struct lttng_filter_value v[NF + 1] = { 0 };

		CHECK(lttng_filter_ctx_mask(p) == 2);
		CHECK(!lttng_filter_uses_field(p, F_INT));
		/* The only context read takes the first slot after the payload. */
		v[NF].s.p = "x";
		v[NF].s.len = 16;
		CHECK(lttng_filter_run(p, v) == 1);
		v[NF].s.p = "y";
		CHECK(lttng_filter_run(p, v) == 0);
		lttng_filter_prog_free(p);
	}
	report("context-mask", ok);
}

/* A program may read at most LTTNG_FILTER_CTX_SLOTS context fields. */
static void test_context_slots(void)
{
	static const char *const names[] = {
		"c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8" };
	struct lttng_field_desc many[ARRAY_SIZE(names)];
	const struct lttng_field_desc *table[ARRAY_SIZE(names)];
	struct lttng_filter_value v[NF + LTTNG_FILTER_CTX_SLOTS] = { 0 };
	struct lttng_filter_prog *p = NULL;
	unsigned int n, k;
	char ref[16];
	struct bc b;
	int ok = 1;

	for (k = 0; k < ARRAY_SIZE(names); k++) {
		many[k].name = names[k];
		many[k].type = ctx_pid.type;
		table[k] = &many[k];
	}
	/* ($ctx.c0 == 100) & ($ctx.c1 == 101) & ...: n context fields. */
	for (n = LTTNG_FILTER_CTX_SLOTS; n <= LTTNG_FILTER_CTX_SLOTS + 1; n++) {
		memset(&b, 0, sizeof(b));
		for (k = 0; k < n; k++) {
			snprintf(ref, sizeof(ref), "$ctx.c%u", k);
			a_ref(&b, OP_CONTEXT_REF, ref);
			a_s64(&b, 100 + k);
			a_op(&b, OP_EQ);
			if (k)
				a_op(&b, OP_BAND);
		}
		a_op(&b, OP_RETURN);
		a_finish(&b);
		p = NULL;
		if (n > LTTNG_FILTER_CTX_SLOTS) {
			CHECK(lttng_filter_link(b.out, b.size, fields, NF,
						table, n, &p) == -EINVAL);
			continue;
		}
		CHECK(lttng_filter_link(b.out, b.size, fields, NF, table, n,
					&p) == 0);
		if (!p)
			continue;
		for (k = 0; k < n; k++)
			v[NF + k].i = 100 + k;
		CHECK(lttng_filter_run(p, v) == 1);
		v[NF + n - 1].i = 0;
		CHECK(lttng_filter_run(p, v) == 0);
		lttng_filter_prog_free(p);
	}
	report("context-slots", ok);
}

/* NULL string value: evaluation error, no match. */
static void test_null_string(void)
{
	struct lttng_filter_prog *p = NULL;
	struct bc b;
	int ok = 1;

	memset(&b, 0, sizeof(b));
	cmp_str(&b, "stringfield", OP_NE, OP_LOAD_STRING, "x");
	a_op(&b, OP_RETURN);
	a_finish(&b);
	CHECK(do_link(&b, &p) == 0);
	if (p) {
		set_vals(0, "y");
		CHECK(lttng_filter_run(p, vals) == 1);
		vals[F_STR].s.p = NULL;
		CHECK(lttng_filter_run(p, vals) == 0);
		lttng_filter_prog_free(p);
	}
	report("null-string-no-match", ok);
}

static void test_enomem(void)
{
	struct lttng_filter_prog *p = NULL;
	struct bc b;
	int ok = 1;

	memset(&b, 0, sizeof(b));
	cmp_int(&b, "intfield", OP_EQ, 1);
	a_op(&b, OP_RETURN);
	a_finish(&b);
	alloc_budget = 0;
	CHECK(do_link(&b, &p) == -ENOMEM);
	CHECK(lttng_filter_check(b.out, b.size) == -ENOMEM);
	alloc_budget = -1;
	report("enomem", ok);
}

/* ---- Hostile and unsupported input ---- */

/* Both check (where it can tell) and link must refuse @b. */
static void expect_reject(const char *name, struct bc *b, bool check_too)
{
	struct lttng_filter_prog *p = NULL;
	int ok = 1;

	if (!b->size)
		a_finish(b);
	if (check_too)
		CHECK(lttng_filter_check(b->out, b->size) == -EINVAL);
	CHECK(do_link(b, &p) == -EINVAL);
	CHECK(p == NULL);
	report(name, ok);
}

static void set_hdr(struct bc *b, u32 len, u32 reloc)
{
	memcpy(b->out, &len, 4);
	memcpy(b->out + 4, &reloc, 4);
}

/* A valid `intfield > 10`, assembled, ready to be damaged. */
static void good(struct bc *b)
{
	memset(b, 0, sizeof(*b));
	cmp_int(b, "intfield", OP_GT, 10);
	a_op(b, OP_RETURN);
	a_finish(b);
}

static void test_hostile(void)
{
	struct bc b;
	u32 j;
	int k;

	good(&b);
	b.size = 15;
	expect_reject("reject-short-header", &b, true);

	good(&b);
	b.size -= 1;			/* len says one byte more than given */
	expect_reject("reject-truncated-data", &b, true);

	good(&b);
	set_hdr(&b, 0xfffffff0, 14);
	expect_reject("reject-len-huge", &b, true);

	good(&b);
	set_hdr(&b, 65537, 14);
	b.size = 16 + 65537;	/* claims the size too; must still refuse */
	{
		u8 *big = calloc(1, b.size);
		struct lttng_filter_prog *p = NULL;
		int ok = 1;

		memcpy(big, b.out, 16 + 25);
		CHECK(lttng_filter_check(big, b.size) == -EINVAL);
		CHECK(lttng_filter_link(big, b.size, fields, NF, ctxs, 2,
					&p) == -EINVAL);
		free(big);
		report("reject-len-over-max", ok);
	}

	good(&b);
	set_hdr(&b, 25, 26);
	expect_reject("reject-reloc-offset-beyond-len", &b, true);

	good(&b);
	set_hdr(&b, 25, 0);
	expect_reject("reject-empty-code", &b, true);

	good(&b);
	set_hdr(&b, 25, 13);		/* reloc table starts on RETURN */
	expect_reject("reject-reloc-offset-mid-code", &b, true);

	/* Opcodes: unknown, arithmetic, double, typed, nested access. */
	{
		static const u8 bad[] = { 0, 2, 5, 24, 62, 66, 81, 82, 85, 86,
					  99, 100, 255 };
		int ok = 1;

		for (k = 0; k < (int)ARRAY_SIZE(bad); k++) {
			good(&b);
			b.out[16 + 12] = bad[k];	/* the GT */
			if (lttng_filter_check(b.out, b.size) != -EINVAL) {
				note("    opcode %u accepted\n", bad[k]);
				ok = 0;
			}
		}
		report("reject-bad-opcodes", ok);
	}

	/* intfield * 2 > 1: arithmetic, as the tools emit it */
	memset(&b, 0, sizeof(b));
	a_field(&b, "intfield");
	a_s64(&b, 2);
	a_op(&b, OP_MUL);
	a_s64(&b, 1);
	a_op(&b, OP_GT);
	a_op(&b, OP_RETURN);
	expect_reject("reject-arithmetic", &b, true);

	/* intfield > 1.5 */
	memset(&b, 0, sizeof(b));
	a_field(&b, "intfield");
	a_op(&b, OP_LOAD_DOUBLE);
	{
		double d = 1.5;

		put(b.code, &b.n, &d, 8);
	}
	a_op(&b, OP_GT);
	a_op(&b, OP_RETURN);
	expect_reject("reject-double-literal", &b, true);

	/* arrfield1[1] == 2: indexed access, as the tools emit it */
	memset(&b, 0, sizeof(b));
	a_op(&b, OP_PAYLOAD_ROOT);
	{
		u16 sym = 2, at = b.n;
		u64 idx = 1;

		a_op(&b, OP_GET_SYMBOL);
		put(b.code, &b.n, &sym, 2);
		put(b.rel, &b.rn, &at, 2);
		put(b.rel, &b.rn, "arrfield1", 10);
		a_op(&b, OP_GET_INDEX_U64);
		put(b.code, &b.n, &idx, 8);
	}
	a_op(&b, OP_LOAD_FIELD);
	a_s64(&b, 2);
	a_op(&b, OP_EQ);
	a_op(&b, OP_RETURN);
	expect_reject("reject-indexed-access", &b, true);

	/* LOAD_S64 with its operand cut by the reloc table */
	memset(&b, 0, sizeof(b));
	a_field(&b, "intfield");
	a_op(&b, OP_LOAD_S64);
	put(b.code, &b.n, "\x01\x02\x03", 3);
	expect_reject("reject-truncated-operand", &b, true);

	/* Unterminated string literal: the NUL lies in the reloc table */
	memset(&b, 0, sizeof(b));
	a_field(&b, "stringfield");
	a_op(&b, OP_LOAD_STRING);
	put(b.code, &b.n, "abc", 3);
	expect_reject("reject-unterminated-literal", &b, true);

	/* Jumps: beyond the code, backward, onto itself, mid-insn */
	{
		static const struct { const char *name; int target; } jt[] = {
			{ "reject-jump-beyond-code", 1000 },
			{ "reject-jump-to-end-of-code", -1 },
			{ "reject-jump-backward", 0 },
			{ "reject-jump-to-itself", -2 },
			{ "reject-jump-mid-instruction", -3 },
		};

		for (k = 0; k < (int)ARRAY_SIZE(jt); k++) {
			u16 t;

			memset(&b, 0, sizeof(b));
			cmp_int(&b, "intfield", OP_EQ, 1);
			j = a_logic(&b, OP_AND);
			cmp_int(&b, "intfield", OP_EQ, 2);
			a_op(&b, OP_RETURN);
			switch (jt[k].target) {
			case -1: t = b.n; break;
			case -2: t = j - 1; break;
			case -3: t = j + 3; break;	/* inside LOAD_FIELD_REF */
			default: t = jt[k].target;
			}
			memcpy(b.code + j, &t, 2);
			expect_reject(jt[k].name, &b, true);
		}
	}

	/* Jumps that cross: the inner one lands after the outer one */
	memset(&b, 0, sizeof(b));
	cmp_int(&b, "intfield", OP_EQ, 1);
	j = a_logic(&b, OP_AND);
	cmp_int(&b, "intfield", OP_EQ, 2);
	{
		u32 j2 = a_logic(&b, OP_AND);

		cmp_int(&b, "intfield", OP_EQ, 3);
		a_land(&b, j);
		a_op(&b, OP_CAST_NOP);
		a_land(&b, j2);
	}
	a_op(&b, OP_RETURN);
	expect_reject("reject-crossing-jumps", &b, true);

	/*
	 * The fall-through path consumes a slot below the && operand:
	 * 1, intfield==2, &&(L) 3 EQ, L: -> paths disagree at L.
	 */
	memset(&b, 0, sizeof(b));
	a_s64(&b, 1);
	cmp_int(&b, "intfield", OP_EQ, 2);
	j = a_logic(&b, OP_AND);
	a_s64(&b, 3);
	a_op(&b, OP_EQ);
	a_s64(&b, 4);
	a_land(&b, j);
	a_op(&b, OP_BAND);
	a_op(&b, OP_RETURN);
	expect_reject("reject-jump-paths-disagree", &b, true);

	/* Stack overflow: 17 literals */
	memset(&b, 0, sizeof(b));
	for (k = 0; k < LTTNG_FILTER_STACK_MAX + 1; k++)
		a_s64(&b, k);
	for (k = 0; k < LTTNG_FILTER_STACK_MAX; k++)
		a_op(&b, OP_BAND);
	a_op(&b, OP_RETURN);
	expect_reject("reject-stack-overflow", &b, true);

	/* ... while 16 is fine */
	memset(&b, 0, sizeof(b));
	for (k = 0; k < LTTNG_FILTER_STACK_MAX; k++)
		a_s64(&b, k + 1);
	for (k = 0; k < LTTNG_FILTER_STACK_MAX - 1; k++)
		a_op(&b, OP_BOR);
	a_op(&b, OP_RETURN);
	RUNS("stack-max-depth-ok", &b, { 0, "", 1 });

	/* Stack underflow */
	memset(&b, 0, sizeof(b));
	a_s64(&b, 1);
	a_op(&b, OP_EQ);
	a_op(&b, OP_RETURN);
	expect_reject("reject-stack-underflow", &b, true);

	/* RETURN on an empty stack, and with two values left */
	memset(&b, 0, sizeof(b));
	a_op(&b, OP_RETURN);
	expect_reject("reject-return-empty", &b, true);
	memset(&b, 0, sizeof(b));
	a_s64(&b, 1);
	a_s64(&b, 1);
	a_op(&b, OP_RETURN);
	expect_reject("reject-return-two-values", &b, true);

	/* No RETURN; RETURN not last */
	memset(&b, 0, sizeof(b));
	cmp_int(&b, "intfield", OP_EQ, 1);
	expect_reject("reject-no-return", &b, true);
	memset(&b, 0, sizeof(b));
	cmp_int(&b, "intfield", OP_EQ, 1);
	a_op(&b, OP_RETURN);
	a_s64(&b, 1);
	a_op(&b, OP_RETURN);
	expect_reject("reject-return-not-last", &b, true);

	/* Relocation table damage */
	good(&b);
	b.out[16 + 14] = 3;		/* points at the LOAD_S64 */
	expect_reject("reject-reloc-not-a-field-ref", &b, true);
	good(&b);
	b.out[16 + 14] = 200;		/* beyond the code */
	expect_reject("reject-reloc-target-beyond-code", &b, true);
	good(&b);
	b.out[16 + 24] = 'x';		/* name loses its NUL */
	expect_reject("reject-reloc-name-unterminated", &b, true);
	good(&b);
	set_hdr(&b, 16, 14);		/* table of 2 bytes: no name */
	expect_reject("reject-reloc-entry-truncated", &b, true);
	good(&b);
	set_hdr(&b, 15, 14);		/* table of 1 byte */
	expect_reject("reject-reloc-entry-one-byte", &b, true);

	/* Field reference with no relocation at all */
	memset(&b, 0, sizeof(b));
	a_op(&b, OP_FIELD_REF);
	put(b.code, &b.n, "\xff\xff", 2);
	a_op(&b, OP_RETURN);
	expect_reject("reject-field-ref-unrelocated", &b, true);

	/* Two relocations for one instruction */
	memset(&b, 0, sizeof(b));
	a_field(&b, "intfield");
	a_op(&b, OP_RETURN);
	put(b.rel, &b.rn, "\0\0intfield", 11);
	expect_reject("reject-reloc-duplicate", &b, true);

	/* ---- Refused only when linking against the event ---- */

	memset(&b, 0, sizeof(b));
	cmp_int(&b, "nosuchfield", OP_EQ, 1);
	a_op(&b, OP_RETURN);
	expect_reject("reject-unknown-field", &b, false);

	memset(&b, 0, sizeof(b));
	a_ref(&b, OP_CONTEXT_REF, "$ctx.nosuch");
	a_op(&b, OP_RETURN);
	expect_reject("reject-unknown-context", &b, false);

	memset(&b, 0, sizeof(b));
	a_ref(&b, OP_CONTEXT_REF, "$app.foo:bar");
	a_op(&b, OP_RETURN);
	expect_reject("reject-app-context", &b, false);

	memset(&b, 0, sizeof(b));
	cmp_int(&b, "arrfield1", OP_EQ, 1);
	a_op(&b, OP_RETURN);
	expect_reject("reject-non-text-array-field", &b, false);

	memset(&b, 0, sizeof(b));
	cmp_str(&b, "intfield", OP_EQ, OP_LOAD_STRING, "1");
	a_op(&b, OP_RETURN);
	expect_reject("reject-int-vs-string", &b, false);

	memset(&b, 0, sizeof(b));
	cmp_str(&b, "stringfield", OP_LT, OP_STAR_GLOB, "*a*");
	a_op(&b, OP_RETURN);
	expect_reject("reject-glob-ordering", &b, true);

	memset(&b, 0, sizeof(b));
	a_strop(&b, OP_STAR_GLOB, "*a");
	a_strop(&b, OP_LOAD_STRING, "a");
	a_op(&b, OP_EQ);
	a_op(&b, OP_RETURN);
	expect_reject("reject-glob-vs-literal", &b, true);

	/* stringfield && 1: the cast of a string field */
	memset(&b, 0, sizeof(b));
	a_field(&b, "stringfield");
	a_op(&b, OP_CAST_TO_S64);
	j = a_logic(&b, OP_AND);
	a_s64(&b, 1);
	a_land(&b, j);
	a_op(&b, OP_RETURN);
	expect_reject("reject-string-cast", &b, false);

	/* stringfield alone: a string is no verdict */
	memset(&b, 0, sizeof(b));
	a_field(&b, "stringfield");
	a_op(&b, OP_RETURN);
	expect_reject("reject-return-string", &b, false);
}

/* Every truncation of a valid program is refused, none crashes. */
static void test_all_truncations(void)
{
	struct bc b;
	u32 j, cut, len;
	int ok = 1;

	memset(&b, 0, sizeof(b));
	cmp_int(&b, "intfield", OP_EQ, 42);
	j = a_logic(&b, OP_AND);
	cmp_str(&b, "stringfield", OP_EQ, OP_STAR_GLOB, "*es*");
	a_land(&b, j);
	a_op(&b, OP_RETURN);
	a_finish(&b);
	len = b.n + b.rn;
	for (cut = 0; cut < len; cut++) {
		u8 *copy = malloc(16 + cut);
		u32 reloc = b.n < cut ? b.n : cut;

		memcpy(copy, b.out, 16 + cut);
		memcpy(copy, &cut, 4);
		memcpy(copy + 4, &reloc, 4);
		if (lttng_filter_check(copy, 16 + cut) != -EINVAL) {
			note("    cut at %u accepted\n", cut);
			ok = 0;
		}
		free(copy);
	}
	report("reject-every-truncation", ok);
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);

	test_wire_layout();
	test_expressions();
	test_context_mask();
	test_context_slots();
	test_null_string();
	test_enomem();
	test_hostile();
	test_all_truncations();
	return failed_cases ? 1 : 0;
}
