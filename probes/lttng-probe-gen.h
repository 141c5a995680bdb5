/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Turns a declarative event file (a header in instrumentation/events/)
 * into a probe provider: field descriptions, one probe function per event
 * class, and the provider description the core registers.
 *
 * A probe module defines LTTNG_PROVIDER (a bare word) and LTTNG_EVENTS_FILE
 * (an #include target) and includes this file once.  The events file is
 * read several times, each time with the description macros meaning
 * something else; it therefore has no include guard.
 *
 * The description language:
 *
 *   LTTNG_EVENT_CLASS(class, PROTO(...), ARGS(...), FIELDS(...))
 *   LTTNG_EVENT_CLASS_CODE(class, PROTO(...), ARGS(...),
 *                          LOCALS(decls), CODE(stmts), FIELDS(...))
 *	A field layout and the tracepoint prototype it reads from.  CODE
 *	runs first in the probe and may fill the LOCALS, which field
 *	expressions read as loc->name.  It runs twice for an event with a
 *	filter, so it only computes locals (or returns early).
 *   LTTNG_EVENT_INSTANCE(class, name)
 *	Event "name" on kernel tracepoint "name", laid out as "class".
 *   LTTNG_EVENT_INSTANCE_MAP(class, tracepoint, name)
 *	Same, when the event name differs from the tracepoint's.
 *   LTTNG_EVENT(name, PROTO, ARGS, FIELDS)
 *	A class and its single instance of the same name.
 *   LTTNG_EVENT_INSTANCE_INTERNAL(class, name, attach, detach)
 *	Event "name" fired by one of our modules, not by a kernel
 *	tracepoint: the core binds it through attach/detach (see
 *	struct lttng_event_desc); no kernel prototype to check against.
 *   LTTNG_ENUM(enum, ENTRIES(...))
 *	Labels for f_enum fields, before their first use:
 *	e_auto(label), e_value(label, v), e_range(label, first, last).
 *
 * Fields, written one after the other inside FIELDS(...):
 *   f_int(type, name, expr)		integer, decimal
 *   f_hex(type, name, expr)		integer, shown in hex
 *   f_oct(type, name, expr)		integer, shown in octal (file flags)
 *   f_text(name, src, len)		char[len], UTF8 text
 *   f_array(type, name, src, count)	type[count], copied from src
 *   f_seq(type, name, src, ltype, lexpr)	ltype length, then type[length]
 *   f_seq_fn(type, name, ltype, lexpr, i, expr)
 *					as f_seq, element i computed by expr
 *   f_string(name, src)		NUL-terminated string
 *   f_int_net, f_hex_net, f_array_net, f_seq_net
 *					as without _net, for values already in
 *					network byte order (big-endian)
 *   f_seq_text(name, src, ltype, lexpr)	char sequence, UTF8 text
 *   f_array_bits(type, name, src, count)
 *   f_seq_bits(type, name, src, ltype, lexpr)
 *					type[count] seen as sizeof(type) * 8
 *					one-bit integers; the sequence length
 *					counts bits
 *   f_enum(enum, type, name, expr)	integer labelled by LTTNG_ENUM enum
 *
 * A module that needs more than registering the provider at load time
 * defines LTTNG_PROBE_OWN_INIT and calls __lttng_probe_init() and
 * __lttng_probe_exit() from its own module_init/module_exit.
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/string.h>
#include <lttng/events.h>
#include <wrapper/compiler.h>
#include <wrapper/tracepoint.h>

#define PROTO(...)	__VA_ARGS__
#define ARGS(...)	__VA_ARGS__
#define FIELDS(...)	__VA_ARGS__
#define LOCALS(...)	__VA_ARGS__
#define CODE(...)	__VA_ARGS__

#define LTTNG_EVENT(name, proto, args, fields)				\
	LTTNG_EVENT_CLASS(name, PROTO(proto), ARGS(args), FIELDS(fields)) \
	LTTNG_EVENT_INSTANCE(name, name)
#define LTTNG_EVENT_CLASS(cls, proto, args, fields)			\
	LTTNG_EVENT_CLASS_CODE(cls, PROTO(proto), ARGS(args), LOCALS(),	\
			       CODE(), FIELDS(fields))
#define LTTNG_EVENT_INSTANCE(cls, name)					\
	LTTNG_EVENT_INSTANCE_MAP(cls, name, name)
#define ENTRIES(...)	__VA_ARGS__
/* Internal events only matter to passes 5 and 6. */
#define LTTNG_EVENT_INSTANCE_INTERNAL(cls, name, attach_fn, detach_fn)

#define __lttng_is_signed(type)	(((type)-1) < (type)1)
#define __lttng_int(type, b, enc)					\
	{ .size = sizeof(type) * 8, .is_signed = __lttng_is_signed(type), \
	  .base = (b), .encoding = (enc) }
#define __lttng_int_be(type, b)						\
	{ .size = sizeof(type) * 8, .is_signed = __lttng_is_signed(type), \
	  .base = (b), .encoding = LTTNG_ENCODING_NONE,			\
	  .byte_order = LTTNG_BYTE_ORDER_BE }
/* One bit; the metadata bit-aligns every integer not a whole byte wide. */
#define __lttng_bit							\
	{ .size = 1, .is_signed = 0, .base = 10,			\
	  .encoding = LTTNG_ENCODING_NONE }

#define __LTTNG_PROVIDER_SYM(p)		__lttng_provider_##p
#define __LTTNG_PROVIDER(p)		__LTTNG_PROVIDER_SYM(p)
#define __LTTNG_STR(x)			#x
#define __LTTNG_XSTR(x)			__LTTNG_STR(x)

static struct lttng_probe_desc __LTTNG_PROVIDER(LTTNG_PROVIDER);

/* ---- Pass 1: field descriptions and the per-class locals ---- */
#define f_int(_t, _n, expr)						\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_INTEGER,		\
	  .integer = __lttng_int(_t, 10, LTTNG_ENCODING_NONE) } },
#define f_hex(_t, _n, expr)						\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_INTEGER,		\
	  .integer = __lttng_int(_t, 16, LTTNG_ENCODING_NONE) } },
#define f_oct(_t, _n, expr)						\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_INTEGER,		\
	  .integer = __lttng_int(_t, 8, LTTNG_ENCODING_NONE) } },
#define f_text(_n, src, len)						\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_ARRAY, .count = (len), \
	  .integer = __lttng_int(char, 10, LTTNG_ENCODING_UTF8) } },
#define f_array(_t, _n, src, cnt)					\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_ARRAY, .count = (cnt), \
	  .integer = __lttng_int(_t, 10, LTTNG_ENCODING_NONE) } },
#define f_seq(_t, _n, src, ltype, lexpr)				\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_SEQUENCE,		\
	  .integer = __lttng_int(_t, 10, LTTNG_ENCODING_NONE),		\
	  .length = __lttng_int(ltype, 10, LTTNG_ENCODING_NONE) } },
#define f_seq_fn(_t, _n, ltype, lexpr, i, expr)			\
	f_seq(_t, _n, NULL, ltype, lexpr)
#define f_string(_n, src)						\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_STRING,		\
	  .integer = __lttng_int(char, 10, LTTNG_ENCODING_UTF8) } },
#define f_int_net(_t, _n, expr)					\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_INTEGER,		\
	  .integer = __lttng_int_be(_t, 10) } },
#define f_hex_net(_t, _n, expr)					\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_INTEGER,		\
	  .integer = __lttng_int_be(_t, 16) } },
#define f_array_net(_t, _n, src, cnt)				\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_ARRAY, .count = (cnt), \
	  .integer = __lttng_int_be(_t, 10) } },
#define f_seq_net(_t, _n, src, ltype, lexpr)			\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_SEQUENCE,		\
	  .integer = __lttng_int_be(_t, 10),				\
	  .length = __lttng_int(ltype, 10, LTTNG_ENCODING_NONE) } },
#define f_seq_text(_n, src, ltype, lexpr)				\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_SEQUENCE,		\
	  .integer = __lttng_int(char, 10, LTTNG_ENCODING_UTF8),	\
	  .length = __lttng_int(ltype, 10, LTTNG_ENCODING_NONE) } },
#define f_array_bits(_t, _n, src, cnt)				\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_ARRAY,		\
	  .count = sizeof(_t) * 8 * (cnt), .integer = __lttng_bit } },
#define f_seq_bits(_t, _n, src, ltype, lexpr)			\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_SEQUENCE,		\
	  .integer = __lttng_bit,					\
	  .length = __lttng_int(ltype, 10, LTTNG_ENCODING_NONE) } },
#define f_enum(en, _t, _n, expr)					\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_ENUM,		\
	  .integer = __lttng_int(_t, 10, LTTNG_ENCODING_NONE),	\
	  .enum_desc = &__lttng_enum_##en } },

#define e_auto(label)		{ .name = (label), .is_auto = 1 },
#define e_value(label, v)	{ .name = (label), .start = (v), .end = (v) },
#define e_range(label, first, last)					\
	{ .name = (label), .start = (first), .end = (last) },
#define LTTNG_ENUM(en, _ents)						\
	static const struct lttng_enum_entry __lttng_enum_entries_##en[] = { \
		_ents							\
	};								\
	static const struct lttng_enum_desc __lttng_enum_##en = {	\
		.name = #en,						\
		.entries = __lttng_enum_entries_##en,			\
		.nr_entries = ARRAY_SIZE(__lttng_enum_entries_##en),	\
	};

#undef LTTNG_EVENT_CLASS_CODE
#define LTTNG_EVENT_CLASS_CODE(cls, proto, args, locals, code, fields)	\
	static const struct lttng_field_desc __lttng_fields_##cls[] = {	\
		fields							\
	};								\
	struct __lttng_locals_##cls { char __unused; locals };
#undef LTTNG_EVENT_INSTANCE_MAP
#define LTTNG_EVENT_INSTANCE_MAP(cls, tp, _n)

#include LTTNG_EVENTS_FILE

/*
 * ---- Pass 1b: filter values, for events with a filter only ----
 * One value per field, in field order, as core/lttng-filter.h reads them:
 * integers (network-order ones decoded), and the text fields a filter
 * can compare.  Fields no filter can read (integer arrays and sequences,
 * bit fields) only take their slot.
 */
#undef LTTNG_ENUM
#define LTTNG_ENUM(en, entries)
#include "lttng-probe-fields-undef.h"
#define __lttng_fv_skip		__fv++;
#define __lttng_fv_text(_src, _n)					\
	{ __fv->s.p = (const char *)(_src); __fv->s.len = (_n); __fv++; }
#define __lttng_from_be(type, x)					\
	((type)(sizeof(type) == 8 ? be64_to_cpu((__force __be64)(u64)(x)) : \
		sizeof(type) == 4 ? be32_to_cpu((__force __be32)(u32)(x)) : \
		sizeof(type) == 2 ? be16_to_cpu((__force __be16)(u16)(x)) : \
		(x)))
#define f_int(type, name, expr)		(__fv++)->i = (type)(expr);
#define f_hex(type, name, expr)		f_int(type, name, expr)
#define f_oct(type, name, expr)		f_int(type, name, expr)
#define f_enum(en, type, name, expr)	f_int(type, name, expr)
#define f_int_net(type, name, expr)					\
	(__fv++)->i = __lttng_from_be(type, expr);
#define f_hex_net(type, name, expr)	f_int_net(type, name, expr)
#define f_text(name, src, len)		__lttng_fv_text(src, len)
#define f_string(name, src)		__lttng_fv_text(src, (size_t)-1)
#define f_seq_text(name, src, ltype, lexpr)				\
	__lttng_fv_text(src, lexpr)
#define f_array(type, name, src, cnt)		__lttng_fv_skip
#define f_seq(type, name, src, ltype, lexpr)	__lttng_fv_skip
#define f_seq_fn(type, name, ltype, lexpr, i, expr)	__lttng_fv_skip
#define f_array_net(type, name, src, cnt)	__lttng_fv_skip
#define f_seq_net(type, name, src, ltype, lexpr)	__lttng_fv_skip
#define f_array_bits(type, name, src, cnt)	__lttng_fv_skip
#define f_seq_bits(type, name, src, ltype, lexpr)	__lttng_fv_skip

#undef LTTNG_EVENT_CLASS_CODE
#define LTTNG_EVENT_CLASS_CODE(cls, proto, args, locals, code, fields)	\
	static noinline bool __lttng_filter_##cls(struct lttng_event *__ev, \
				struct __lttng_locals_##cls __locv, proto) \
	{								\
		struct lttng_filter_value __vals[ARRAY_SIZE(__lttng_fields_##cls) + \
						 LTTNG_FILTER_CTX_SLOTS]; \
		struct lttng_filter_value *__fv = __vals;		\
		struct __lttng_locals_##cls *loc = &__locv;		\
									\
		(void)loc; (void)__fv;					\
		fields							\
		return lttng_event_filter_pass(__ev, __vals);		\
	}

#include LTTNG_EVENTS_FILE

/* Every field macro is undefined again; LTTNG_ENUM stays empty. */
#include "lttng-probe-fields-undef.h"
#undef __lttng_fv_skip
#undef __lttng_fv_text
#undef __lttng_from_be

/*
 * From here on the variants only differ from the base fields in their
 * descriptions, except f_seq_bits whose length counts bits (pass 4).
 */
#define f_oct(type, name, expr)		f_int(type, name, expr)
#define f_int_net(type, name, expr)	f_int(type, name, expr)
#define f_hex_net(type, name, expr)	f_int(type, name, expr)
#define f_array_net(type, name, src, cnt)	f_array(type, name, src, cnt)
#define f_seq_net(type, name, src, ltype, lexpr)			\
	f_seq(type, name, src, ltype, lexpr)
#define f_seq_text(name, src, ltype, lexpr)				\
	f_seq(char, name, src, ltype, lexpr)
#define f_array_bits(type, name, src, cnt)	f_array(type, name, src, cnt)
#define f_seq_bits(type, name, src, ltype, lexpr)			\
	f_seq(type, name, src, ltype, lexpr)
#define f_enum(en, type, name, expr)	f_int(type, name, expr)

/* ---- Pass 2: how many dynamically sized fields each class has ---- */
#undef f_int
#undef f_hex
#undef f_text
#undef f_array
#undef f_seq
#undef f_seq_fn
#undef f_string
#define f_int(type, name, expr)
#define f_hex(type, name, expr)
#define f_text(name, src, len)
#define f_array(type, name, src, cnt)
#define f_seq(type, name, src, ltype, lexpr)		+ 1
#define f_seq_fn(type, name, ltype, lexpr, i, expr)	+ 1
#define f_string(name, src)				+ 1

#undef LTTNG_EVENT_CLASS_CODE
#define LTTNG_EVENT_CLASS_CODE(cls, proto, args, locals, code, fields)	\
	enum { __lttng_ndyn_##cls = 1 fields };

#include LTTNG_EVENTS_FILE

/* ---- Pass 3: payload size; remembers each dynamic length ---- */
#undef f_seq
#undef f_seq_fn
#undef f_string
#undef f_int
#undef f_hex
#undef f_text
#undef f_array
#define f_int(type, name, expr)			__len += sizeof(type);
#define f_hex(type, name, expr)			__len += sizeof(type);
#define f_text(name, src, len)			__len += (len);
#define f_array(type, name, src, cnt)		__len += sizeof(type) * (cnt);
#define f_seq(type, name, src, ltype, lexpr)				\
	__dyn[__di] = (lexpr);						\
	__len += sizeof(ltype) + sizeof(type) * __dyn[__di++];
#define f_seq_fn(type, name, ltype, lexpr, i, expr)			\
	f_seq(type, name, NULL, ltype, lexpr)
#define f_string(name, src)						\
	__dyn[__di] = strlen(src) + 1;					\
	__len += __dyn[__di++];

#undef LTTNG_EVENT_CLASS_CODE
#define LTTNG_EVENT_CLASS_CODE(cls, proto, args, locals, code, fields)	\
	static inline __attribute__((unused)) size_t			\
	__lttng_size_##cls(size_t *__dyn,				\
			   struct __lttng_locals_##cls *loc, proto)	\
	{								\
		size_t __len = 0;					\
		unsigned int __di = 0;					\
									\
		(void)__di; (void)loc;					\
		fields							\
		return __len;						\
	}

#include LTTNG_EVENTS_FILE

/* ---- Pass 4: the probes ---- */
#undef f_seq
#undef f_seq_fn
#undef f_string
#undef f_int
#undef f_hex
#undef f_text
#undef f_array
#define f_int(type, name, expr)						\
	{ type __v = (expr); lttng_event_write(&__r, &__v, sizeof(__v)); }
#define f_hex(type, name, expr)			f_int(type, name, expr)
#define f_text(name, src, len)		lttng_event_write(&__r, (src), (len));
#define f_array(type, name, src, cnt)					\
	lttng_event_write(&__r, (src), sizeof(type) * (cnt));
#define f_seq(type, name, src, ltype, lexpr)				\
	{								\
		ltype __n = __dyn[__di++];				\
		lttng_event_write(&__r, &__n, sizeof(__n));		\
		lttng_event_write(&__r, (src), sizeof(type) * __n);	\
	}
#define f_seq_fn(type, name, ltype, lexpr, i, expr)			\
	{								\
		ltype __n = __dyn[__di++];				\
		size_t i;						\
									\
		lttng_event_write(&__r, &__n, sizeof(__n));		\
		for (i = 0; i < __n; i++) {				\
			type __e = (expr);				\
			lttng_event_write(&__r, &__e, sizeof(__e));	\
		}							\
	}
#define f_string(name, src)						\
	lttng_event_write_string(&__r, (src), __dyn[__di++] - 1);
/*
 * The bits are the elements' memory image, which is what the metadata's
 * one-bit little-endian integers describe on a little-endian CPU.
 */
#undef f_seq_bits
#define f_seq_bits(type, name, src, ltype, lexpr)			\
	{								\
		ltype __n = __dyn[__di] * sizeof(type) * 8;		\
		lttng_event_write(&__r, &__n, sizeof(__n));		\
		lttng_event_write(&__r, (src), sizeof(type) * __dyn[__di++]); \
	}

#undef LTTNG_EVENT_CLASS_CODE
/*
 * The probe itself only asks whether to record; the record body is out of
 * line, so that an event that is off costs a call and a few loads, not the
 * body's stack frame (Debian zero-fills locals).  An event with a filter
 * takes a detour that runs CODE and the filter first (so CODE runs twice
 * for it, and must only compute its locals); the record body is the same
 * either way, and an unfiltered event pays one load and a branch.
 */
#define LTTNG_EVENT_CLASS_CODE(cls, proto, args, locals, code, fields)	\
	static noinline void __lttng_record_##cls(struct lttng_event *__ev, \
						  proto)		\
	{								\
		struct __lttng_locals_##cls __loc, *loc = &__loc;	\
		size_t __dyn[__lttng_ndyn_##cls];			\
		unsigned int __di = 0;					\
		struct lttng_record __r __uninitialized;		\
									\
		(void)__di; (void)loc;					\
		{ code }						\
		if (lttng_event_reserve(&__r, __ev,			\
				__lttng_size_##cls(__dyn, loc, args)))	\
			return;						\
		fields							\
		lttng_event_commit(&__r);				\
	}								\
	static noinline void __lttng_filtered_##cls(struct lttng_event *__ev, \
						    proto)		\
	{								\
		struct __lttng_locals_##cls __loc, *loc = &__loc;	\
									\
		(void)loc;						\
		{ code }						\
		if (__lttng_filter_##cls(__ev, __loc, args))		\
			__lttng_record_##cls(__ev, args);		\
	}								\
	static void __lttng_probe_##cls(void *__data, proto)		\
	{								\
		struct lttng_event *__ev = __data;			\
									\
		if (!lttng_event_on(__ev))				\
			return;						\
		lttng_probe_begin();					\
		if (unlikely(rcu_access_pointer(__ev->filter)))		\
			__lttng_filtered_##cls(__ev, args);		\
		else							\
			__lttng_record_##cls(__ev, args);		\
		lttng_probe_end();					\
	}

#include LTTNG_EVENTS_FILE

/* ---- Pass 5: event descriptions, type-checked against the kernel ---- */
#undef LTTNG_EVENT_CLASS_CODE
#define LTTNG_EVENT_CLASS_CODE(cls, proto, args, locals, code, fields)
#undef LTTNG_EVENT_INSTANCE_MAP
#define LTTNG_EVENT_INSTANCE_MAP(cls, tp, _ev)				\
	static inline __attribute__((unused)) void			\
	__lttng_typecheck_##_ev(void)					\
	{								\
		check_trace_callback_type_##tp(__lttng_probe_##cls);	\
	}								\
	static const struct lttng_event_desc __lttng_desc_##_ev = {	\
		.name = #_ev,						\
		.tp_name = #tp,						\
		.probe = (void *)__lttng_probe_##cls,			\
		.fields = __lttng_fields_##cls,				\
		.nr_fields = ARRAY_SIZE(__lttng_fields_##cls),		\
		.provider = &__LTTNG_PROVIDER(LTTNG_PROVIDER),		\
	};
#undef LTTNG_EVENT_INSTANCE_INTERNAL
#define LTTNG_EVENT_INSTANCE_INTERNAL(cls, _ev, attach_fn, detach_fn)	\
	static const struct lttng_event_desc __lttng_desc_##_ev = {	\
		.name = #_ev,						\
		.tp_name = #_ev,					\
		.probe = (void *)__lttng_probe_##cls,			\
		.fields = __lttng_fields_##cls,				\
		.nr_fields = ARRAY_SIZE(__lttng_fields_##cls),		\
		.provider = &__LTTNG_PROVIDER(LTTNG_PROVIDER),		\
		.attach = (attach_fn),					\
		.detach = (detach_fn),					\
	};

#include LTTNG_EVENTS_FILE

/* ---- Pass 6: the provider ---- */
#undef LTTNG_EVENT_INSTANCE_MAP
#define LTTNG_EVENT_INSTANCE_MAP(cls, tp, name)	&__lttng_desc_##name,
#undef LTTNG_EVENT_INSTANCE_INTERNAL
#define LTTNG_EVENT_INSTANCE_INTERNAL(cls, name, attach_fn, detach_fn)	\
	&__lttng_desc_##name,

static const struct lttng_event_desc * const __lttng_events[] = {
#include LTTNG_EVENTS_FILE
};

static struct lttng_probe_desc __LTTNG_PROVIDER(LTTNG_PROVIDER) = {
	.provider = __LTTNG_XSTR(LTTNG_PROVIDER),
	.events = __lttng_events,
	.nr_events = ARRAY_SIZE(__lttng_events),
	.owner = THIS_MODULE,
};

static int __init __lttng_probe_init(void)
{
	return lttng_probe_register(&__LTTNG_PROVIDER(LTTNG_PROVIDER));
}
#ifndef LTTNG_PROBE_OWN_INIT
module_init(__lttng_probe_init);
#endif

static void __exit __lttng_probe_exit(void)
{
	lttng_probe_unregister(&__LTTNG_PROVIDER(LTTNG_PROVIDER));
}
#ifndef LTTNG_PROBE_OWN_INIT
module_exit(__lttng_probe_exit);
#endif

#include "lttng-probe-fields-undef.h"
#undef e_auto
#undef e_value
#undef e_range
#undef LTTNG_ENUM
#undef LTTNG_EVENT_CLASS_CODE
#undef LTTNG_EVENT_INSTANCE_MAP
#undef LTTNG_EVENT_INSTANCE_INTERNAL
