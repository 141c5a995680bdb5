// SPDX-License-Identifier: GPL-2.0-only
/*
 * CTF 2 metadata generator: see lttng-ctf2.h.
 *
 * The fragments describe exactly the layouts the TSDL generator
 * (lttng-tsdl.c) describes, so that a stream decodes to the same events
 * in either format: the binary structures of include/lttng/ctf-pack.h
 * and the ring-buffer records.  Byte-sized integers are byte aligned,
 * sub-byte ones bit aligned, everything little-endian except the
 * network-order fields.  CTF 2 has no reserved member names: the roles
 * say which field is the magic, a timestamp, a size, an id.  Member names
 * are the ones CTF 1.8 readers show (the TSDL generator prefixes one
 * underscore, which CTF 1.8 strips), so both formats print alike.
 *
 * The text is compact JSON, one fragment per line, and depends on the
 * inputs only.
 */
#include <linux/kernel.h>
#ifdef __KERNEL__
#include <linux/bug.h>	/* ARRAY_SIZE() needs it on 3.x; tests/unit has no shim */
#endif
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/math64.h>
#include <lttng/ctf-pack.h>

#include "lttng-ctf2.h"

#define CTF2_RS		"\x1e"
#define NSEC_PER_S	1000000000

/* ---- JSON text ---- */

/* Length of the well-formed UTF-8 sequence at @p, 0 if none starts there. */
static size_t utf8_len(const unsigned char *p)
{
	unsigned int n, i;
	u32 cp;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		n = 2;
		cp = p[0] & 0x1f;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		n = 3;
		cp = p[0] & 0x0f;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		n = 4;
		cp = p[0] & 0x07;
	} else {
		return 0;
	}
	/* A NUL is no continuation byte: never reads past the string. */
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

/*
 * The body of a JSON string.  Session name, creation time, hostname and
 * uname come from outside: quote, backslash and control characters are
 * escaped, and bytes that are not UTF-8 become U+FFFD, since a reader
 * must reject a metadata stream that is not valid UTF-8 JSON.
 */
static void json_chars(struct lttng_md_buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	const unsigned char *run = p;

	while (*p) {
		size_t n = utf8_len(p);

		if (n && *p >= 0x20 && *p != '"' && *p != '\\') {
			p += n;
			continue;
		}
		lttng_md_append(b, (const char *)run, p - run);
		switch (*p) {
		case '"':
			lttng_md_puts(b, "\\\"");
			break;
		case '\\':
			lttng_md_puts(b, "\\\\");
			break;
		case '\n':
			lttng_md_puts(b, "\\n");
			break;
		case '\t':
			lttng_md_puts(b, "\\t");
			break;
		default:
			if (*p < 0x20)
				lttng_md_printf(b, "\\u%04x", *p);
			else
				lttng_md_puts(b, "\\ufffd");
			break;
		}
		run = ++p;
	}
	lttng_md_append(b, (const char *)run, p - run);
}

static void json_str(struct lttng_md_buf *b, const char *s)
{
	lttng_md_append(b, "\"", 1);
	json_chars(b, s);
	lttng_md_append(b, "\"", 1);
}

/* `,"key":"value"` */
static void json_kv_str(struct lttng_md_buf *b, const char *key,
			const char *val)
{
	lttng_md_printf(b, ",\"%s\":", key);
	json_str(b, val);
}

static void fragment_open(struct lttng_md_buf *b, const char *type)
{
	lttng_md_printf(b, CTF2_RS "{\"type\":\"%s\"", type);
}

static void fragment_close(struct lttng_md_buf *b)
{
	lttng_md_puts(b, "}\n");
}

/* Opens a structure member object; the caller writes its field class. */
static void member_open(struct lttng_md_buf *b, bool *first,
			const char *prefix, const char *name,
			const char *suffix)
{
	lttng_md_puts(b, *first ? "{\"name\":\"" : ",{\"name\":\"");
	*first = false;
	lttng_md_puts(b, prefix);
	json_chars(b, name);
	lttng_md_puts(b, suffix);
	lttng_md_puts(b, "\",\"field-class\":");
}

/* ---- Field classes ---- */

static unsigned int ctf2_base(unsigned int base)
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

/*
 * Opens a fixed-length integer field class: bit aligned when not a whole
 * number of bytes wide, byte aligned otherwise, as lttng-tsdl.c says.
 */
static void int_open(struct lttng_md_buf *b, unsigned int size, bool sgn,
		     bool be, unsigned int base)
{
	lttng_md_printf(b,
		"{\"type\":\"fixed-length-%s-integer\",\"length\":%u,\"byte-order\":\"%s\"",
		sgn ? "signed" : "unsigned", size,
		be ? "big-endian" : "little-endian");
	if (size % 8 == 0)
		lttng_md_puts(b, ",\"alignment\":8");
	base = ctf2_base(base);
	if (base != 10)
		lttng_md_printf(b, ",\"preferred-display-base\":%u", base);
}

static void int_fc(struct lttng_md_buf *b, const struct lttng_integer_type *t)
{
	int_open(b, t->size, t->is_signed, t->byte_order == LTTNG_BYTE_ORDER_BE,
		 t->base);
	lttng_md_puts(b, "}");
}

/* An unsigned integer of the fixed structures, with one role or none. */
static void uint_role(struct lttng_md_buf *b, unsigned int size,
		      const char *role)
{
	int_open(b, size, false, false, 10);
	if (role)
		lttng_md_printf(b, ",\"roles\":[\"%s\"]", role);
	lttng_md_puts(b, "}");
}

static bool int_ok(const struct lttng_integer_type *t)
{
	return t->size >= 1 && t->size <= 64;
}

static void range_value(struct lttng_md_buf *b, bool sgn, s64 v)
{
	if (sgn)
		lttng_md_printf(b, "%lld", (long long)v);
	else
		lttng_md_printf(b, "%llu", (unsigned long long)v);
}

/* Whether an entry before @i has the label of entry @i. */
static bool label_seen(const struct lttng_enum_desc *e, unsigned int i)
{
	unsigned int k;

	for (k = 0; k < i; k++)
		if (!strcmp(e->entries[k].name, e->entries[i].name))
			return true;
	return false;
}

/*
 * The "mappings" of an enumeration: each label with all its ranges (a
 * JSON object cannot repeat a key).  Labels without a value ("auto") get
 * the previous value + 1, starting at 0, as in the TSDL.  An unsigned
 * container cannot map a negative value.
 */
static void enum_mappings(struct lttng_md_buf *b, const struct lttng_type *t)
{
	const struct lttng_enum_desc *e = t->enum_desc;
	bool sgn = t->integer.is_signed;
	bool first = true;
	s64 next = 0;
	unsigned int i, j;

	if (!e || !e->nr_entries || !e->entries) {
		lttng_md_fail(b, -EINVAL);
		return;
	}
	lttng_md_puts(b, ",\"mappings\":{");
	for (i = 0; i < e->nr_entries; i++) {
		const struct lttng_enum_entry *en = &e->entries[i];
		s64 start = en->is_auto ? next : en->start;
		s64 end = en->is_auto ? next : en->end;
		s64 nx = next;
		bool first_range = true;

		if (!en->name || end < start || (!sgn && start < 0)) {
			lttng_md_fail(b, -EINVAL);
			return;
		}
		next = (s64)((u64)end + 1);
		if (label_seen(e, i))
			continue;
		if (!first)
			lttng_md_puts(b, ",");
		first = false;
		json_str(b, en->name);
		lttng_md_puts(b, ":[");
		/* This entry and every later one with the same label. */
		for (j = i; j < e->nr_entries; j++) {
			const struct lttng_enum_entry *o = &e->entries[j];
			s64 s = o->is_auto ? nx : o->start;
			s64 en_end = o->is_auto ? nx : o->end;

			nx = (s64)((u64)en_end + 1);
			if (!o->name || strcmp(o->name, en->name))
				continue;
			lttng_md_puts(b, first_range ? "[" : ",[");
			first_range = false;
			range_value(b, sgn, s);
			lttng_md_puts(b, ",");
			range_value(b, sgn, en_end);
			lttng_md_puts(b, "]");
		}
		lttng_md_puts(b, "]");
	}
	lttng_md_puts(b, "}");
}

/* Text arrays and sequences of bytes are strings, as CTF 1.8 readers show them. */
static bool is_text(const struct lttng_integer_type *t)
{
	return t->encoding == LTTNG_ENCODING_UTF8 && t->size == 8;
}

/*
 * One field as a structure member.  A sequence is two members: its
 * length, named _<name>_length, then the array, which finds its length
 * through a location relative to the enclosing structure.
 */
static void field(struct lttng_md_buf *b, const struct lttng_field_desc *f,
		  bool *first)
{
	const struct lttng_type *t = &f->type;

	if (!f->name || !*f->name) {
		lttng_md_fail(b, -EINVAL);
		return;
	}
	if (t->kind != LTTNG_TYPE_STRING && !int_ok(&t->integer)) {
		lttng_md_fail(b, -EINVAL);
		return;
	}

	switch (t->kind) {
	case LTTNG_TYPE_INTEGER:
		member_open(b, first, "", f->name, "");
		int_fc(b, &t->integer);
		break;
	case LTTNG_TYPE_ENUM:
		member_open(b, first, "", f->name, "");
		int_open(b, t->integer.size, t->integer.is_signed,
			 t->integer.byte_order == LTTNG_BYTE_ORDER_BE,
			 t->integer.base);
		enum_mappings(b, t);
		lttng_md_puts(b, "}");
		break;
	case LTTNG_TYPE_STRING:
		member_open(b, first, "", f->name, "");
		lttng_md_puts(b, "{\"type\":\"null-terminated-string\"}");
		break;
	case LTTNG_TYPE_ARRAY:
		member_open(b, first, "", f->name, "");
		if (is_text(&t->integer)) {
			lttng_md_printf(b,
				"{\"type\":\"static-length-string\",\"length\":%u}",
				t->count);
			break;
		}
		lttng_md_printf(b,
			"{\"type\":\"static-length-array\",\"length\":%u,\"element-field-class\":",
			t->count);
		int_fc(b, &t->integer);
		lttng_md_puts(b, "}");
		break;
	case LTTNG_TYPE_SEQUENCE:
		if (!int_ok(&t->length) || t->length.is_signed) {
			lttng_md_fail(b, -EINVAL);
			return;
		}
		member_open(b, first, "_", f->name, "_length");
		int_fc(b, &t->length);
		lttng_md_puts(b, "}");
		member_open(b, first, "", f->name, "");
		lttng_md_printf(b, "{\"type\":\"dynamic-length-%s\"",
				is_text(&t->integer) ? "string" : "array");
		lttng_md_puts(b, ",\"length-field-location\":{\"path\":[\"_");
		json_chars(b, f->name);
		lttng_md_puts(b, "_length\"]}");
		if (!is_text(&t->integer)) {
			lttng_md_puts(b, ",\"element-field-class\":");
			int_fc(b, &t->integer);
		}
		lttng_md_puts(b, "}");
		break;
	default:
		lttng_md_fail(b, -EINVAL);
		return;
	}
	lttng_md_puts(b, "}");	/* the member */
}

/* ---- Trace: preamble, trace class, clock class ---- */

/* Packet header, include/lttng/ctf-pack.h: the roles readers look for. */
static void packet_header_fc(struct lttng_md_buf *b)
{
	bool first = true;

	lttng_md_puts(b, "{\"type\":\"structure\",\"member-classes\":[");
	member_open(b, &first, "", "magic", "");
	uint_role(b, 32, "packet-magic-number");
	lttng_md_puts(b, "}");
	member_open(b, &first, "", "uuid", "");
	lttng_md_puts(b,
		"{\"type\":\"static-length-blob\",\"length\":16,\"roles\":[\"metadata-stream-uuid\"]}}");
	member_open(b, &first, "", "stream_id", "");
	uint_role(b, 32, "data-stream-class-id");
	lttng_md_puts(b, "}");
	member_open(b, &first, "", "stream_instance_id", "");
	uint_role(b, 64, "data-stream-id");
	lttng_md_puts(b, "}]}");
}

/* Same keys and values as the TSDL env block; versions stay integers. */
static void environment(struct lttng_md_buf *b, const struct lttng_md_env *env)
{
	lttng_md_puts(b, ",\"environment\":{\"hostname\":");
	json_str(b, env->hostname);
	json_kv_str(b, "domain", "kernel");
	json_kv_str(b, "sysname", env->sysname);
	json_kv_str(b, "kernel_release", env->kernel_release);
	json_kv_str(b, "kernel_version", env->kernel_version);
	json_kv_str(b, "tracer_name", "lttng-modules");
	lttng_md_printf(b,
		",\"tracer_major\":%u,\"tracer_minor\":%u,\"tracer_patchlevel\":%u",
		env->tracer_major, env->tracer_minor, env->tracer_patchlevel);
	json_kv_str(b, "trace_buffering_scheme", "global");
	json_kv_str(b, "trace_name", env->trace_name);
	json_kv_str(b, "trace_creation_datetime", env->creation_time);
	if (env->product_uuid)
		json_kv_str(b, "product_uuid", env->product_uuid);
	if (env->fork_name)
		json_kv_str(b, "tracer_fork", env->fork_name);
	if (env->fork_version)
		json_kv_str(b, "tracer_fork_version", env->fork_version);
	lttng_md_puts(b, "}");
}

static void uuid_text(struct lttng_md_buf *b, const u8 *u)
{
	lttng_md_printf(b,
		"\"%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x\"",
		u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7],
		u[8], u[9], u[10], u[11], u[12], u[13], u[14], u[15]);
}

/*
 * The clock: the monotonic clock in ns (or a clock plugin's, in its own
 * cycles), whose origin is the Unix epoch once shifted by the offset
 * sampled at session start.  CTF 2 splits the offset into seconds and a
 * cycle count in [0, frequency).  The class keeps the id "monotonic"
 * that the stream classes refer to; a plugin names it.
 */
static void clock_class(struct lttng_md_buf *b,
			const struct lttng_md_env *env)
{
	u64 freq = env->clock_freq ? env->clock_freq : NSEC_PER_S;
	u64 rem;
	s64 sec = div64_s64(env->clock_offset, (s64)freq);

	rem = env->clock_offset - sec * (s64)freq;
	if ((s64)rem < 0) {
		sec--;
		rem += freq;
	}
	fragment_open(b, "clock-class");
	lttng_md_puts(b, ",\"id\":\"monotonic\"");
	json_kv_str(b, "name", env->clock_name ? env->clock_name : "monotonic");
	json_kv_str(b, "uid", env->clock_uuid);
	json_kv_str(b, "description", env->clock_description ?
		    env->clock_description : "Monotonic Clock");
	lttng_md_printf(b,
		",\"frequency\":%llu,\"origin\":\"unix-epoch\",\"offset-from-origin\":{\"seconds\":%lld,\"cycles\":%llu}",
		(unsigned long long)freq, (long long)sec,
		(unsigned long long)rem);
	fragment_close(b);
}

int lttng_ctf2_trace(struct lttng_md_buf *b, const struct lttng_md_env *env)
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

	/* The uuid every packet header repeats (role metadata-stream-uuid). */
	fragment_open(b, "preamble");
	lttng_md_puts(b, ",\"version\":2,\"uuid\":[");
	for (i = 0; i < 16; i++)
		lttng_md_printf(b, i ? ",%u" : "%u", env->uuid[i]);
	lttng_md_puts(b, "]");
	fragment_close(b);

	fragment_open(b, "trace-class");
	lttng_md_puts(b, ",\"namespace\":\"lttng.org,2009\",\"uid\":");
	uuid_text(b, env->uuid);
	lttng_md_puts(b, ",\"packet-header-field-class\":");
	packet_header_fc(b);
	environment(b, env);
	fragment_close(b);

	clock_class(b, env);
	return lttng_md_end(b, mark);
}

/* ---- Data stream classes and event record classes ---- */

/* Packet context, in the order lttng_pack_packet_header_begin() writes. */
static void packet_context_fc(struct lttng_md_buf *b)
{
	static const struct {
		const char *name;
		unsigned int size;
		const char *role;
	} m[] = {
		{ "timestamp_begin", 64, "default-clock-timestamp" },
		{ "timestamp_end", 64, "packet-end-default-clock-timestamp" },
		{ "content_size", 64, "packet-content-length" },
		{ "packet_size", 64, "packet-total-length" },
		{ "packet_seq_num", 64, "packet-sequence-number" },
		{ "events_discarded", 64,
		  "discarded-event-record-counter-snapshot" },
		{ "cpu_id", 32, NULL },
	};
	bool first = true;
	unsigned int i;

	lttng_md_puts(b, "{\"type\":\"structure\",\"member-classes\":[");
	for (i = 0; i < ARRAY_SIZE(m); i++) {
		member_open(b, &first, "", m[i].name, "");
		uint_role(b, m[i].size, m[i].role);
		lttng_md_puts(b, "}");
	}
	lttng_md_puts(b, "]}");
}

/*
 * Event record header, as lttng_pack_event_header() writes it: a short
 * id (5 or 16 bits) then, unless it is the escape value, a short
 * timestamp (27 or 32 bits); after the escape, a 32-bit id and a 64-bit
 * timestamp.  Both ids carry the class id role, both timestamps the
 * clock role: the reader keeps the last one decoded and rebuilds the
 * full time from a short one.
 */
static void event_header_fc(struct lttng_md_buf *b, bool large)
{
	unsigned int id_bits = large ? 16 : 5;
	unsigned int ts_bits = large ? 32 : LTTNG_CTF_TS_BITS;
	unsigned int ext = large ? LTTNG_CTF_LARGE_ID_EXT :
				   LTTNG_CTF_COMPACT_ID_EXT;
	bool first = true, v_first;

	lttng_md_puts(b,
		"{\"type\":\"structure\",\"minimum-alignment\":8,\"member-classes\":[");
	member_open(b, &first, "", "id", "");
	uint_role(b, id_bits, "event-record-class-id");
	lttng_md_puts(b, "}");
	member_open(b, &first, "", "v", "");
	lttng_md_printf(b,
		"{\"type\":\"variant\",\"selector-field-location\":{\"path\":[\"id\"]},\"options\":["
		"{\"name\":\"compact\",\"selector-field-ranges\":[[0,%u]],\"field-class\":"
		"{\"type\":\"structure\",\"member-classes\":[",
		ext - 1);
	v_first = true;
	member_open(b, &v_first, "", "timestamp", "");
	uint_role(b, ts_bits, "default-clock-timestamp");
	lttng_md_printf(b,
		"}]}},{\"name\":\"extended\",\"selector-field-ranges\":[[%u,%u]],\"field-class\":"
		"{\"type\":\"structure\",\"member-classes\":[",
		ext, ext);
	v_first = true;
	member_open(b, &v_first, "", "id", "");
	uint_role(b, 32, "event-record-class-id");
	lttng_md_puts(b, "}");
	member_open(b, &v_first, "", "timestamp", "");
	uint_role(b, 64, "default-clock-timestamp");
	lttng_md_puts(b, "}]}}]}}]}");
}

int lttng_ctf2_stream(struct lttng_md_buf *b, unsigned int stream_id,
		      bool large_header,
		      const struct lttng_field_desc * const *ctx,
		      unsigned int nr_ctx)
{
	size_t mark;
	unsigned int i;
	bool first = true;
	int ret;

	ret = lttng_md_begin(b, &mark);
	if (ret)
		return ret;

	fragment_open(b, "data-stream-class");
	lttng_md_printf(b,
		",\"id\":%u,\"default-clock-class-id\":\"monotonic\",\"packet-context-field-class\":",
		stream_id);
	packet_context_fc(b);
	lttng_md_puts(b, ",\"event-record-header-field-class\":");
	event_header_fc(b, large_header);
	/* Left out without contexts, like the TSDL's event.context. */
	if (nr_ctx > 0) {
		lttng_md_puts(b,
			",\"event-record-common-context-field-class\":{\"type\":\"structure\",\"member-classes\":[");
		for (i = 0; i < nr_ctx; i++) {
			if (!ctx || !ctx[i]) {
				lttng_md_fail(b, -EINVAL);
				break;
			}
			field(b, ctx[i], &first);
		}
		lttng_md_puts(b, "]}");
	}
	fragment_close(b);
	return lttng_md_end(b, mark);
}

int lttng_ctf2_event(struct lttng_md_buf *b,
		     const struct lttng_event_desc *desc,
		     unsigned int event_id, unsigned int stream_id)
{
	size_t mark;
	unsigned int i;
	bool first = true;
	int ret;

	ret = lttng_md_begin(b, &mark);
	if (ret)
		return ret;
	if (!desc || !desc->name || (desc->nr_fields && !desc->fields)) {
		lttng_md_fail(b, -EINVAL);
		return lttng_md_end(b, mark);
	}

	fragment_open(b, "event-record-class");
	lttng_md_printf(b, ",\"id\":%u,\"data-stream-class-id\":%u",
			event_id, stream_id);
	json_kv_str(b, "name", desc->name);
	/* Always a payload, empty or not, as the TSDL's fields. */
	lttng_md_puts(b,
		",\"payload-field-class\":{\"type\":\"structure\",\"member-classes\":[");
	for (i = 0; i < desc->nr_fields; i++)
		field(b, &desc->fields[i], &first);
	lttng_md_puts(b, "]}");
	fragment_close(b);
	return lttng_md_end(b, mark);
}

const struct lttng_md_format lttng_ctf2_format = {
	.trace = lttng_ctf2_trace,
	.stream = lttng_ctf2_stream,
	.event = lttng_ctf2_event,
};
