// SPDX-License-Identifier: GPL-2.0-only
/*
 * CTF 1.8 TSDL generator: see lttng-tsdl.h.
 *
 * The text must match the binary layouts of include/lttng/ctf-pack.h and
 * the ring-buffer record format.  On x86_64 the ring buffer pads nothing,
 * so every byte-sized integer is declared with align = 8 (bits) and only
 * the sub-byte header bitfields get align = 1.  The output depends on the
 * inputs only, so the same session always yields the same bytes.
 */
#include <linux/kernel.h>
#ifdef __KERNEL__
#include <linux/bug.h>	/* ARRAY_SIZE() needs it on 3.x; tests/unit has no shim */
#endif
#include <linux/string.h>
#include <linux/errno.h>

#include "lttng-tsdl.h"

/*
 * A TSDL string literal.  The values come from user space (session name,
 * creation time) or from the host (hostname, uname), so quote, backslash
 * and newline must not end or break the literal; other bytes pass as is.
 */
static void tsdl_quoted(struct lttng_md_buf *b, const char *s)
{
	const char *run = s ? s : "";
	const char *p;

	lttng_md_append(b, "\"", 1);
	for (p = run; *p; p++) {
		const char *esc;

		switch (*p) {
		case '"':
			esc = "\\\"";
			break;
		case '\\':
			esc = "\\\\";
			break;
		case '\n':
			esc = "\\n";
			break;
		default:
			continue;
		}
		lttng_md_append(b, run, p - run);
		lttng_md_puts(b, esc);
		run = p + 1;
	}
	lttng_md_append(b, run, p - run);
	lttng_md_append(b, "\"", 1);
}

/* ---- Types ---- */

static unsigned int tsdl_base(unsigned int base)
{
	switch (base) {
	case 2:
	case 8:
	case 16:
		return base;
	default:
		return 10;
	}
}

static void tsdl_integer(struct lttng_md_buf *b,
			 const struct lttng_integer_type *t)
{
	lttng_md_printf(b,
		"integer { size = %u; align = %u; signed = %u; encoding = %s; base = %u;%s }",
		t->size, t->size % 8 ? 1U : 8U, t->is_signed ? 1U : 0U,
		t->encoding == LTTNG_ENCODING_UTF8 ? "UTF8" : "none",
		tsdl_base(t->base),
		t->byte_order == LTTNG_BYTE_ORDER_BE ? " byte_order = be;" : "");
}

/*
 * An enumeration over its integer container.  Labels without a value
 * ("auto") are given the previous value + 1 explicitly, starting at 0, so
 * readers need not implement the implicit rule.
 */
static void tsdl_enum(struct lttng_md_buf *b, const struct lttng_type *t,
		      unsigned int indent)
{
	const struct lttng_enum_desc *e = t->enum_desc;
	s64 next = 0;
	unsigned int i, j;

	if (!e || !e->nr_entries) {
		lttng_md_fail(b, -EINVAL);
		return;
	}
	lttng_md_puts(b, "enum : ");
	tsdl_integer(b, &t->integer);
	lttng_md_puts(b, " {\n");
	for (i = 0; i < e->nr_entries; i++) {
		const struct lttng_enum_entry *en = &e->entries[i];
		s64 start = en->is_auto ? next : en->start;
		s64 end = en->is_auto ? next : en->end;

		if (!en->name || end < start) {
			lttng_md_fail(b, -EINVAL);
			return;
		}
		for (j = 0; j < indent + 1; j++)
			lttng_md_append(b, "\t", 1);
		tsdl_quoted(b, en->name);
		if (start == end)
			lttng_md_printf(b, " = %lld,\n", (long long)start);
		else
			lttng_md_printf(b, " = %lld ... %lld,\n",
					(long long)start, (long long)end);
		next = end + 1;
	}
	for (j = 0; j < indent; j++)
		lttng_md_append(b, "\t", 1);
	lttng_md_puts(b, "}");
}

static bool tsdl_integer_ok(const struct lttng_integer_type *t)
{
	return t->size >= 1 && t->size <= 64;
}

/* One struct member, on its own line, indented with @indent tabs. */
static void tsdl_field(struct lttng_md_buf *b,
		       const struct lttng_field_desc *f, unsigned int indent)
{
	const struct lttng_type *t = &f->type;
	unsigned int i;

	if (!f->name || !*f->name) {
		lttng_md_fail(b, -EINVAL);
		return;
	}
	if (t->kind != LTTNG_TYPE_STRING && !tsdl_integer_ok(&t->integer)) {
		lttng_md_fail(b, -EINVAL);
		return;
	}

	for (i = 0; i < indent; i++)
		lttng_md_append(b, "\t", 1);

	switch (t->kind) {
	case LTTNG_TYPE_INTEGER:
		tsdl_integer(b, &t->integer);
		lttng_md_printf(b, " _%s;\n", f->name);
		break;
	case LTTNG_TYPE_ARRAY:
		tsdl_integer(b, &t->integer);
		lttng_md_printf(b, " _%s[%u];\n", f->name, t->count);
		break;
	case LTTNG_TYPE_SEQUENCE:
		if (!tsdl_integer_ok(&t->length) || t->length.is_signed) {
			lttng_md_fail(b, -EINVAL);
			return;
		}
		/*
		 * The length is a field of its own, named _<name>_length,
		 * which like every field gets one more underscore here.
		 */
		tsdl_integer(b, &t->length);
		lttng_md_printf(b, " __%s_length;\n", f->name);
		for (i = 0; i < indent; i++)
			lttng_md_append(b, "\t", 1);
		tsdl_integer(b, &t->integer);
		lttng_md_printf(b, " _%s[ __%s_length ];\n", f->name, f->name);
		break;
	case LTTNG_TYPE_STRING:
		lttng_md_printf(b, "string { encoding = UTF8; } _%s;\n",
				f->name);
		break;
	case LTTNG_TYPE_ENUM:
		tsdl_enum(b, t, indent);
		lttng_md_printf(b, " _%s;\n", f->name);
		break;
	default:
		lttng_md_fail(b, -EINVAL);
		break;
	}
}

/* ---- Trace preamble ---- */

/* Byte-aligned helper types used by the fixed structures below. */
static const struct {
	unsigned int size;
	const char *name;
} tsdl_uint_aliases[] = {
	{ 8, "uint8_t" },
	{ 16, "uint16_t" },
	{ 32, "uint32_t" },
	{ 64, "uint64_t" },
	{ 64, "unsigned long" },	/* LP64 */
};

/* Clock-mapped counterparts: the reader rebuilds time from these. */
static const unsigned int tsdl_clock_alias_sizes[] = { 27, 32, 64 };

static void tsdl_uuid(struct lttng_md_buf *b, const u8 *u)
{
	lttng_md_printf(b,
		"%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7],
		u[8], u[9], u[10], u[11], u[12], u[13], u[14], u[15]);
}

static void tsdl_env_str(struct lttng_md_buf *b, const char *key,
			 const char *val)
{
	lttng_md_printf(b, "\t%s = ", key);
	tsdl_quoted(b, val);
	lttng_md_puts(b, ";\n");
}

static void tsdl_env(struct lttng_md_buf *b,
		     const struct lttng_md_env *env)
{
	lttng_md_puts(b, "env {\n");
	tsdl_env_str(b, "hostname", env->hostname);
	tsdl_env_str(b, "domain", "kernel");
	tsdl_env_str(b, "sysname", env->sysname);
	tsdl_env_str(b, "kernel_release", env->kernel_release);
	tsdl_env_str(b, "kernel_version", env->kernel_version);
	/* Readers key their quirks on these; they must stay integers. */
	tsdl_env_str(b, "tracer_name", "lttng-modules");
	lttng_md_printf(b, "\ttracer_major = %u;\n", env->tracer_major);
	lttng_md_printf(b, "\ttracer_minor = %u;\n", env->tracer_minor);
	lttng_md_printf(b, "\ttracer_patchlevel = %u;\n",
			env->tracer_patchlevel);
	tsdl_env_str(b, "trace_buffering_scheme", "global");
	tsdl_env_str(b, "trace_name", env->trace_name);
	tsdl_env_str(b, "trace_creation_datetime", env->creation_time);
	if (env->product_uuid)
		tsdl_env_str(b, "product_uuid", env->product_uuid);
	/* Extra keys: readers only look up the ones they know. */
	if (env->fork_name)
		tsdl_env_str(b, "tracer_fork", env->fork_name);
	if (env->fork_version)
		tsdl_env_str(b, "tracer_fork_version", env->fork_version);
	lttng_md_puts(b, "};\n\n");
}

/*
 * The clock block: the monotonic clock at 1 GHz, or what a clock plugin
 * says of itself (its name, an identifier lttng-clock checked, is also
 * what the timestamp types map to; the types keep their names).
 */
static void tsdl_clock(struct lttng_md_buf *b,
		       const struct lttng_md_env *env)
{
	const char *name = env->clock_name ? env->clock_name : "monotonic";
	unsigned int i;

	lttng_md_printf(b, "clock {\n\tname = \"%s\";\n\tuuid = ", name);
	tsdl_quoted(b, env->clock_uuid);
	lttng_md_puts(b, ";\n\tdescription = ");
	tsdl_quoted(b, env->clock_description ? env->clock_description :
		    "Monotonic Clock");
	lttng_md_printf(b, ";\n\tfreq = %llu;\n",
			env->clock_freq ? (unsigned long long)env->clock_freq :
			1000000000ULL);
	lttng_md_printf(b, "\toffset = %lld;\n};\n\n",
			(long long)env->clock_offset);

	for (i = 0; i < ARRAY_SIZE(tsdl_clock_alias_sizes); i++) {
		unsigned int size = tsdl_clock_alias_sizes[i];

		lttng_md_printf(b,
			"typealias integer { size = %u; align = %u; signed = false; map = clock.%s.value; } := uint%u_clock_monotonic_t;\n",
			size, size % 8 ? 1U : 8U, name, size);
	}
	lttng_md_puts(b, "\n");
}

/*
 * The packet context and both event headers.  Their member names are
 * what readers recognise (timestamp_begin, content_size, id, ...), and
 * their layout is the one include/lttng/ctf-pack.h writes.
 */
static const char tsdl_fixed_structs[] =
	"struct packet_context {\n"
	"\tuint64_clock_monotonic_t timestamp_begin;\n"
	"\tuint64_clock_monotonic_t timestamp_end;\n"
	"\tuint64_t content_size;\n"
	"\tuint64_t packet_size;\n"
	"\tuint64_t packet_seq_num;\n"
	"\tunsigned long events_discarded;\n"
	"\tuint32_t cpu_id;\n"
	"};\n\n"
	"struct event_header_compact {\n"
	"\tenum : uint5_t { compact = 0 ... 30, extended = 31 } id;\n"
	"\tvariant <id> {\n"
	"\t\tstruct { uint27_clock_monotonic_t timestamp; } compact;\n"
	"\t\tstruct { uint32_t id; uint64_clock_monotonic_t timestamp; } extended;\n"
	"\t} v;\n"
	"} align(8);\n\n"
	"struct event_header_large {\n"
	"\tenum : uint16_t { compact = 0 ... 65534, extended = 65535 } id;\n"
	"\tvariant <id> {\n"
	"\t\tstruct { uint32_clock_monotonic_t timestamp; } compact;\n"
	"\t\tstruct { uint32_t id; uint64_clock_monotonic_t timestamp; } extended;\n"
	"\t} v;\n"
	"} align(8);\n\n";

int lttng_tsdl_trace(struct lttng_md_buf *b,
		     const struct lttng_md_env *env)
{
	size_t mark;
	unsigned int i;
	int ret;

	ret = lttng_md_begin(b, &mark);
	if (ret)
		return ret;
	if (!env || !env->uuid) {
		lttng_md_fail(b, -EINVAL);
		return lttng_md_end(b, mark);
	}

	for (i = 0; i < ARRAY_SIZE(tsdl_uint_aliases); i++)
		lttng_md_printf(b,
			"typealias integer { size = %u; align = 8; signed = false; } := %s;\n",
			tsdl_uint_aliases[i].size, tsdl_uint_aliases[i].name);
	/* Sub-byte pieces of the compact event header: bit aligned. */
	lttng_md_puts(b,
		"typealias integer { size = 5; align = 1; signed = false; } := uint5_t;\n"
		"typealias integer { size = 27; align = 1; signed = false; } := uint27_t;\n\n");

	lttng_md_puts(b, "trace {\n\tmajor = 1;\n\tminor = 8;\n\tuuid = \"");
	tsdl_uuid(b, env->uuid);
	lttng_md_puts(b, "\";\n\tbyte_order = le;\n"
		      "\tpacket.header := struct {\n"
		      "\t\tuint32_t magic;\n"
		      "\t\tuint8_t  uuid[16];\n"
		      "\t\tuint32_t stream_id;\n"
		      "\t\tuint64_t stream_instance_id;\n"
		      "\t};\n};\n\n");

	tsdl_env(b, env);
	tsdl_clock(b, env);
	lttng_md_puts(b, tsdl_fixed_structs);
	return lttng_md_end(b, mark);
}

/* ---- Streams and events ---- */

int lttng_tsdl_stream(struct lttng_md_buf *b, unsigned int stream_id,
		      bool large_header,
		      const struct lttng_field_desc * const *ctx,
		      unsigned int nr_ctx)
{
	size_t mark;
	unsigned int i;
	int ret;

	ret = lttng_md_begin(b, &mark);
	if (ret)
		return ret;

	lttng_md_printf(b, "stream {\n\tid = %u;\n", stream_id);
	lttng_md_printf(b, "\tevent.header := struct event_header_%s;\n",
			large_header ? "large" : "compact");
	lttng_md_puts(b, "\tpacket.context := struct packet_context;\n");
	/* An empty event.context struct would be legal but is noise. */
	if (nr_ctx > 0) {
		lttng_md_puts(b, "\tevent.context := struct {\n");
		for (i = 0; i < nr_ctx; i++) {
			if (!ctx || !ctx[i]) {
				lttng_md_fail(b, -EINVAL);
				break;
			}
			tsdl_field(b, ctx[i], 2);
		}
		lttng_md_puts(b, "\t};\n");
	}
	lttng_md_puts(b, "};\n\n");
	return lttng_md_end(b, mark);
}

int lttng_tsdl_event(struct lttng_md_buf *b,
		     const struct lttng_event_desc *desc,
		     unsigned int event_id, unsigned int stream_id)
{
	size_t mark;
	unsigned int i;
	int ret;

	ret = lttng_md_begin(b, &mark);
	if (ret)
		return ret;
	if (!desc || !desc->name || (desc->nr_fields && !desc->fields)) {
		lttng_md_fail(b, -EINVAL);
		return lttng_md_end(b, mark);
	}

	lttng_md_puts(b, "event {\n\tname = ");
	tsdl_quoted(b, desc->name);
	lttng_md_printf(b, ";\n\tid = %u;\n\tstream_id = %u;\n",
			event_id, stream_id);
	lttng_md_puts(b, "\tfields := struct {\n");
	for (i = 0; i < desc->nr_fields; i++)
		tsdl_field(b, &desc->fields[i], 2);
	lttng_md_puts(b, "\t};\n};\n\n");
	return lttng_md_end(b, mark);
}

const struct lttng_md_format lttng_tsdl_format = {
	.trace = lttng_tsdl_trace,
	.stream = lttng_tsdl_stream,
	.event = lttng_tsdl_event,
};
