/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Event and field descriptions: constant data that probe modules provide
 * and that the metadata (TSDL) generator reads.  Plain C with no kernel
 * dependency beyond <linux/types.h>, so that user-space unit
 * tests can compile the generator against it.
 */
#ifndef LTTNG_DESC_H
#define LTTNG_DESC_H

#include <linux/types.h>

struct module;

/* ---- Descriptions: constant, owned by probe modules ---- */

enum lttng_type_kind {
	LTTNG_TYPE_INTEGER,
	LTTNG_TYPE_ARRAY,	/* fixed length, of integers */
	LTTNG_TYPE_SEQUENCE,	/* length field, then integers */
	LTTNG_TYPE_STRING,	/* NUL-terminated */
	LTTNG_TYPE_ENUM,	/* an integer (the container) with labels */
};

enum lttng_encoding {
	LTTNG_ENCODING_NONE,
	LTTNG_ENCODING_UTF8,
};

/*
 * Network-order fields hold bytes already swapped by their producer (e.g.
 * htonl()); the record keeps them as is and the metadata says "be".
 */
enum lttng_byte_order {
	LTTNG_BYTE_ORDER_NATIVE,
	LTTNG_BYTE_ORDER_BE,
};

struct lttng_integer_type {
	unsigned char size;		/* bits */
	unsigned char is_signed;
	unsigned char base;		/* 10 or 16 */
	unsigned char encoding;		/* enum lttng_encoding */
	unsigned char byte_order;	/* enum lttng_byte_order */
};

/* One label of an enumeration: start..end, or "previous + 1" if is_auto. */
struct lttng_enum_entry {
	const char *name;
	s64 start, end;
	unsigned char is_auto;
};

struct lttng_enum_desc {
	const char *name;
	const struct lttng_enum_entry *entries;
	unsigned int nr_entries;
};

struct lttng_type {
	enum lttng_type_kind kind;
	struct lttng_integer_type integer;	/* the value, or the elements */
	struct lttng_integer_type length;	/* SEQUENCE: its length field */
	unsigned int count;			/* ARRAY: number of elements */
	const struct lttng_enum_desc *enum_desc;	/* ENUM: the labels */
};

struct lttng_field_desc {
	const char *name;
	struct lttng_type type;
};

struct lttng_probe_desc;

struct lttng_event_desc {
	const char *name;		/* as users see it */
	const char *tp_name;		/* kernel tracepoint it attaches to */
	void *probe;			/* void (*)(void *event, TP_PROTO) */
	const struct lttng_field_desc *fields;
	unsigned int nr_fields;
	const struct lttng_probe_desc *provider;
	/*
	 * Events fired by a module of ours rather than by a kernel
	 * tracepoint ("internal" events, e.g. lttng-test) set both: the
	 * core then calls attach(probe, event) / detach(probe, event)
	 * instead of the tracepoint API with tp_name.  detach returns only
	 * once no call of probe with that data can still be running.
	 */
	int (*attach)(void *probe, void *data);
	int (*detach)(void *probe, void *data);
};

struct lttng_probe_desc {
	const char *provider;
	const struct lttng_event_desc * const *events;
	unsigned int nr_events;
	struct module *owner;
	struct list_head node;		/* core's registry */
};

#endif
