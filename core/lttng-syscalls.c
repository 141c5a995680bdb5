// SPDX-License-Identifier: GPL-2.0-only
/*
 * System call events: syscall_entry_NAME and syscall_exit_NAME for every
 * syscall of this kernel, described at build time from its own headers
 * (scripts/gen-syscalls writes core/syscalls-64.gen.h), and
 * syscall_{entry,exit}_unknown for the numbers without a description;
 * the same again as compat_syscall_* for 32-bit tasks, whose numbers are
 * another table's (core/syscalls-32.gen.h) and whose arguments come in
 * other registers.
 *
 * They are ordinary events of a provider of the core ("syscalls"), matched
 * by SYSCALL enablers only.  What differs is how they fire: no tracepoint
 * per event, but the kernel's sys_enter and sys_exit tracepoints, attached
 * once per channel that has a syscall event, with that channel's table as
 * probe data.  The table maps a syscall number to the channel's event for
 * it (NULL: not traced), so the probe for a syscall nobody traces in this
 * channel costs one load; no lock, no allocation.
 *
 * A record is laid out from the event's field descriptions: an integer
 * field takes the low bytes of its argument register (x86 is little
 * endian), a string field the bytes copied from user memory once, with
 * page faults disabled, into a per-CPU buffer whose copy also sizes the
 * record: the string is read exactly once.  The few values upstream
 * reads through a pointer (pipe's two fds, an address length, a socket
 * address decoded as family, port and IP address) are copied the same
 * way, onto the stack.
 */
#include <linux/module.h>
#include <linux/percpu.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/in.h>
#include <linux/in6.h>
#include <linux/socket.h>
#include <wrapper/compiler.h>
#include <wrapper/mem.h>
#include <wrapper/syscall.h>
#include <wrapper/tracepoint.h>
#include <wrapper/uaccess.h>
#include "tracer.h"
#include "syscalls-64.gen.h"
#include "syscalls-32.gen.h"

/* Longest string recorded, NUL included: a path (PATH_MAX). */
#define LTTNG_SC_STR_MAX	4096
#define LTTNG_SC_UNKNOWN_ARGS	6

/*
 * How a field is read, one byte per field: the low nibble is the argument
 * register (SC_ARG_RET: the return value), bits 4-5 an integer's size
 * (log2 of its bytes), the top two bits where the value is: the register
 * itself (0), the memory it points to (SC_ARG_USER: as many bytes as the
 * field has), a string it points to (SC_ARG_STRING), or a group of fields
 * upstream fills with code of its own (SC_ARG_SPECIAL, bits 4-5 say which;
 * the group's other bytes are its own):
 *   SC_SPECIAL_SOCK  family, port, v4addr, v6addr of a socket address:
 *                    the address's register, then its length's, with
 *                    SC_ARG_DEREF if that register points to the length;
 *   SC_SPECIAL_FDS   readfds, writefds, exceptfds of select: the register
 *                    of n, then those of the three sets (two nibbles, one);
 *   SC_SPECIAL_ZERO  a constant 0 (select's "overflow").
 */
#define SC_ARG_RET	0x0f
#define SC_ARG_INDEX	0x0f
#define SC_ARG_KIND	0xc0
#define SC_ARG_USER	0x40
#define SC_ARG_STRING	0x80
#define SC_ARG_SPECIAL	0xc0
#define SC_SPECIAL	0x30
#define SC_SPECIAL_SOCK	0x00
#define SC_SPECIAL_FDS	0x10
#define SC_SPECIAL_ZERO	0x20
#define SC_ARG_DEREF	0x10
/* An fd set's bytes: n is at most FD_SETSIZE for select. */
#define SC_FDS_MAX	(__FD_SETSIZE / BITS_PER_BYTE)
#define SC_ARG_SIZE_SHIFT	4
#define SC_ARG_SIZE(t)	((sizeof(t) == 8 ? 3 : sizeof(t) == 4 ? 2 :		\
			  sizeof(t) == 2 ? 1 : 0) << SC_ARG_SIZE_SHIFT)

/* The user memory one event reads besides strings, at most. */
#define SC_USER_MAX	32
/* Fields of one event, at most: six arguments, ret, a socket address's. */
#define SC_MAX_FIELDS	10

#define LTTNG_SC_MAX_STRINGS	(LTTNG_SC_MAX_STRINGS_64 > LTTNG_SC_MAX_STRINGS_32 ? \
				 LTTNG_SC_MAX_STRINGS_64 : LTTNG_SC_MAX_STRINGS_32)

/* What a syscall event's desc->probe points at. */
struct lttng_sc_event {
	int nr;				/* -1: the unknown event */
	bool exit;
	bool compat;			/* a 32-bit task's syscall */
	u8 nr_fields;
	u8 nr_strings;
	bool slow;			/* strings, user memory, or unknown */
	u16 int_len;			/* bytes of its fixed-size fields */
	const u8 *args;			/* per field: SC_ARG_* */
};

struct lttng_chan_syscalls {
	struct lttng_event *entry[LTTNG_SC_NR_64];
	struct lttng_event *exit[LTTNG_SC_NR_64];
	/* Numbers beyond the table (or negative: no syscall) go here. */
	struct lttng_event *entry_unknown, *exit_unknown;
	/* The same for 32-bit tasks. */
	struct lttng_event *compat_entry[LTTNG_SC_NR_32];
	struct lttng_event *compat_exit[LTTNG_SC_NR_32];
	struct lttng_event *compat_entry_unknown, *compat_exit_unknown;
	unsigned int nr_entry, nr_exit;	/* attached events, both ABIs */
};

static char __percpu *sc_scratch;

static int sc_attach(void *probe, void *data);
static int sc_detach(void *probe, void *data);

static struct lttng_probe_desc sc_provider;

/* ---- Descriptions, from the generated header ---- */

#define __sc_signed(type)	(((type)-1) < (type)1)
#define __sc_int(type, b)						\
	{ .size = sizeof(type) * 8, .is_signed = __sc_signed(type),	\
	  .base = (b), .encoding = LTTNG_ENCODING_NONE }
#define SC_IN(...)	__VA_ARGS__
#define SC_OUT(...)	__VA_ARGS__

/* Pass 1: field descriptions. */
#define SC_INT(_t, _n, _a)						\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_INTEGER,		\
	  .integer = __sc_int(_t, 10) } },
#define SC_HEX(_t, _n, _a)						\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_INTEGER,		\
	  .integer = __sc_int(_t, 16) } },
#define SC_STR(_n, _a)							\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_STRING,		\
	  .integer = { .size = 8, .base = 10,				\
		       .encoding = LTTNG_ENCODING_UTF8 } } },
#define SC_UINT(_t, _n, _a)	SC_INT(_t, _n, _a)
#define SC_UARRAY(_t, _n, _a, cnt)					\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_ARRAY, .count = (cnt), \
	  .integer = __sc_int(_t, 10) } },
#define __sc_be(type)							\
	{ .size = sizeof(type) * 8, .is_signed = 0, .base = 10,		\
	  .encoding = LTTNG_ENCODING_NONE, .byte_order = LTTNG_BYTE_ORDER_BE }
/* Upstream's decoded socket address, after the syscall's own fields. */
#define SC_SOCKADDR(_port, addr, len, deref)				\
	{ .name = "family", .type = { .kind = LTTNG_TYPE_INTEGER,	\
	  .integer = __sc_int(unsigned short, 10) } },			\
	{ .name = #_port, .type = { .kind = LTTNG_TYPE_INTEGER,	\
	  .integer = __sc_be(u16) } },					\
	{ .name = "v4addr", .type = { .kind = LTTNG_TYPE_SEQUENCE,	\
	  .integer = __sc_be(u8), .length = __sc_int(unsigned int, 10) } }, \
	{ .name = "v6addr", .type = { .kind = LTTNG_TYPE_SEQUENCE,	\
	  .integer = __sc_be(u16), .length = __sc_int(unsigned int, 10) } },
#define SC_ZERO(_t, _n)	SC_INT(_t, _n, 0)
#define __sc_fdset(_n)							\
	{ .name = #_n, .type = { .kind = LTTNG_TYPE_SEQUENCE,		\
	  .integer = __sc_int(u8, 16), .length = __sc_int(u8, 10) } },
#define SC_FDSETS(n, in, out, ex)					\
	__sc_fdset(readfds) __sc_fdset(writefds) __sc_fdset(exceptfds)
#define SC_RET(_t)	SC_INT(_t, ret, 0)
#define SC_RET_HEX(_t)	SC_HEX(_t, ret, 0)
#define SC_DO(abi, nr, _n, in, out)					\
	static const struct lttng_field_desc sc##abi##_fields_entry_##_n[] = { \
		SC_LIST in };						\
	static const struct lttng_field_desc sc##abi##_fields_exit_##_n[] = { \
		SC_LIST out };
#include "lttng-syscalls-each.h"
#undef SC_DO
#include "lttng-syscalls-undef.h"

/* Pass 2: where each field's value comes from, and its size. */
#define SC_INT(type, name, arg)	(arg) | SC_ARG_SIZE(type),
#define SC_HEX(type, name, arg)	(arg) | SC_ARG_SIZE(type),
#define SC_STR(name, arg)	SC_ARG_STRING | (arg),
#define SC_UINT(type, name, arg)	SC_ARG_USER | (arg),
#define SC_UARRAY(type, name, arg, cnt)	SC_ARG_USER | (arg),
#define SC_SOCKADDR(port, addr, len, deref)				\
	SC_ARG_SPECIAL | SC_SPECIAL_SOCK | (addr),			\
	(len) | ((deref) ? SC_ARG_DEREF : 0), 0, 0,
#define SC_ZERO(type, name)	SC_ARG_SPECIAL | SC_SPECIAL_ZERO,
#define SC_FDSETS(n, in, out, ex)					\
	SC_ARG_SPECIAL | SC_SPECIAL_FDS | (n), (in) | (out) << 4, (ex),
#define SC_RET(type)		SC_ARG_RET | SC_ARG_SIZE(type),
#define SC_RET_HEX(type)	SC_ARG_RET | SC_ARG_SIZE(type),
#define SC_DO(abi, nr, name, in, out)					\
	static const u8 sc##abi##_args_entry_##name[] = { SC_LIST in };	\
	static const u8 sc##abi##_args_exit_##name[] = { SC_LIST out };
#include "lttng-syscalls-each.h"
#undef SC_DO
#include "lttng-syscalls-undef.h"

/*
 * Pass 2b: the bytes of the fixed-size fields, plus SC_LEN_STRING per
 * string and SC_LEN_USER per field read from user memory, so that a
 * record with neither is sized before it is read and goes the fast way.
 * A socket address's fixed part is its family, port and the two
 * sequences' lengths; the address bytes are added when it is read.
 */
#define SC_LEN_STRING		0x10000
#define SC_LEN_USER		0x1000000
#define SC_SOCK_FIXED		(2 * sizeof(u16) + 2 * sizeof(u32))
#define SC_INT(type, name, arg)	+ sizeof(type)
#define SC_HEX(type, name, arg)	+ sizeof(type)
#define SC_STR(name, arg)	+ SC_LEN_STRING
#define SC_UINT(type, name, arg)	+ sizeof(type) + SC_LEN_USER
#define SC_UARRAY(type, name, arg, cnt)	+ sizeof(type) * (cnt) + SC_LEN_USER
#define SC_SOCKADDR(port, addr, len, deref)	+ SC_SOCK_FIXED + SC_LEN_USER
#define SC_ZERO(type, name)	+ sizeof(type) + SC_LEN_USER
#define SC_FDSETS(n, in, out, ex)	+ 3 * sizeof(u8) + SC_LEN_USER
#define SC_RET(type)		+ sizeof(type)
#define SC_RET_HEX(type)	+ sizeof(type)
#define SC_DO(abi, nr, name, in, out)					\
	enum { sc##abi##_len_entry_##name = 0 SC_LIST in,		\
	       sc##abi##_len_exit_##name = 0 SC_LIST out };
#include "lttng-syscalls-each.h"
#undef SC_DO
#include "lttng-syscalls-undef.h"

/* Pass 2c: the user memory each event reads, which must fit SC_USER_MAX. */
#define SC_INT(type, name, arg)
#define SC_HEX(type, name, arg)
#define SC_STR(name, arg)
#define SC_RET(type)
#define SC_RET_HEX(type)
#define SC_UINT(type, name, arg)	+ sizeof(type)
#define SC_UARRAY(type, name, arg, cnt)	+ sizeof(type) * (cnt)
#define SC_SOCKADDR(port, addr, len, deref)
#define SC_ZERO(type, name)
#define SC_FDSETS(n, in, out, ex)
#define SC_DO(abi, nr, name, in, out)					\
	_Static_assert(0 SC_LIST in <= SC_USER_MAX && 0 SC_LIST out <= SC_USER_MAX, \
		      #name ": more user memory than SC_USER_MAX");
#include "lttng-syscalls-each.h"
#undef SC_DO
#include "lttng-syscalls-undef.h"

/* Pass 3: the events; a 32-bit task's are named compat_syscall_*. */
#define SC_PREFIX_64	"syscall_"
#define SC_PREFIX_32	"compat_syscall_"
#define __SC_EVENT(abi, nr_, _n, dir, is_exit, tp)			\
	_Static_assert(ARRAY_SIZE(sc##abi##_args_##dir##_##_n) <= SC_MAX_FIELDS, \
		       #_n ": more fields than SC_MAX_FIELDS");		\
	static const struct lttng_sc_event sc##abi##_ev_##dir##_##_n = { \
		.nr = (nr_), .exit = (is_exit), .compat = (abi) == 32,	\
		.nr_fields = ARRAY_SIZE(sc##abi##_args_##dir##_##_n),	\
		.nr_strings = (sc##abi##_len_##dir##_##_n / SC_LEN_STRING) & 0xff, \
		.slow = sc##abi##_len_##dir##_##_n >= SC_LEN_STRING || (nr_) < 0, \
		.int_len = sc##abi##_len_##dir##_##_n % SC_LEN_STRING,	\
		.args = sc##abi##_args_##dir##_##_n,			\
	};								\
	static const struct lttng_event_desc sc##abi##_desc_##dir##_##_n = { \
		.name = SC_PREFIX_##abi #dir "_" #_n,			\
		.tp_name = tp,						\
		.probe = (void *)&sc##abi##_ev_##dir##_##_n,		\
		.fields = sc##abi##_fields_##dir##_##_n,		\
		.nr_fields = ARRAY_SIZE(sc##abi##_fields_##dir##_##_n),	\
		.provider = &sc_provider,				\
		.attach = sc_attach,					\
		.detach = sc_detach,					\
	};
#define SC_DO(abi, nr, name, in, out)					\
	__SC_EVENT(abi, nr, name, entry, false, "sys_enter")		\
	__SC_EVENT(abi, nr, name, exit, true, "sys_exit")
#include "lttng-syscalls-each.h"
#undef SC_DO

/* The unknown events, with upstream's fields. */
static const struct lttng_field_desc sc64_fields_entry_unknown[] = {
	{ .name = "id", .type = { .kind = LTTNG_TYPE_INTEGER,
	  .integer = __sc_int(int, 10) } },
	{ .name = "args", .type = { .kind = LTTNG_TYPE_ARRAY,
	  .count = LTTNG_SC_UNKNOWN_ARGS,
	  .integer = __sc_int(unsigned long, 10) } },
};
static const struct lttng_field_desc sc64_fields_exit_unknown[] = {
	{ .name = "id", .type = { .kind = LTTNG_TYPE_INTEGER,
	  .integer = __sc_int(int, 10) } },
	{ .name = "ret", .type = { .kind = LTTNG_TYPE_INTEGER,
	  .integer = __sc_int(long, 10) } },
	{ .name = "args", .type = { .kind = LTTNG_TYPE_ARRAY,
	  .count = LTTNG_SC_UNKNOWN_ARGS,
	  .integer = __sc_int(unsigned long, 10) } },
};
static const u8 sc64_args_entry_unknown[] = { 0 };
static const u8 sc64_args_exit_unknown[] = { 0 };
/* Recorded by sc_record_unknown(), which needs none of these. */
enum { sc64_len_entry_unknown = 0, sc64_len_exit_unknown = 0 };
/* The 32-bit unknown events share the 64-bit ones' fields. */
#define sc32_fields_entry_unknown	sc64_fields_entry_unknown
#define sc32_fields_exit_unknown	sc64_fields_exit_unknown
#define sc32_args_entry_unknown		sc64_args_entry_unknown
#define sc32_args_exit_unknown		sc64_args_exit_unknown
#define sc32_len_entry_unknown		sc64_len_entry_unknown
#define sc32_len_exit_unknown		sc64_len_exit_unknown
__SC_EVENT(64, -1, unknown, entry, false, "sys_enter")
__SC_EVENT(64, -1, unknown, exit, true, "sys_exit")
__SC_EVENT(32, -1, unknown, entry, false, "sys_enter")
__SC_EVENT(32, -1, unknown, exit, true, "sys_exit")

/* Pass 4: the provider's list, then each table's entry events by number. */
#define SC_DO(abi, nr, name, in, out)					\
	&sc##abi##_desc_entry_##name, &sc##abi##_desc_exit_##name,
static const struct lttng_event_desc * const sc_events[] = {
#include "lttng-syscalls-each.h"
	&sc64_desc_entry_unknown, &sc64_desc_exit_unknown,
	&sc32_desc_entry_unknown, &sc32_desc_exit_unknown,
};
#undef SC_DO

#define LTTNG_SC(nr, name, in, out)	[nr] = &sc64_desc_entry_##name,
static const struct lttng_event_desc * const sc_by_nr[LTTNG_SC_NR_64] = {
#include "syscalls-64.gen.h"
};
#undef LTTNG_SC
#define LTTNG_SC(nr, name, in, out)	[nr] = &sc32_desc_entry_##name,
static const struct lttng_event_desc * const sc32_by_nr[LTTNG_SC_NR_32] = {
#include "syscalls-32.gen.h"
};
#undef LTTNG_SC

static struct lttng_probe_desc sc_provider = {
	.provider = "syscalls",
	.events = sc_events,
	.nr_events = ARRAY_SIZE(sc_events),
	.owner = THIS_MODULE,
};

bool lttng_desc_is_syscall(const struct lttng_event_desc *desc)
{
	return desc->provider == &sc_provider;
}

bool lttng_desc_syscall_is_exit(const struct lttng_event_desc *desc)
{
	return ((const struct lttng_sc_event *)desc->probe)->exit;
}

/*
 * "syscall_entry_openat" -> "openat", what SYSCALL enablers name; the
 * 32-bit "compat_syscall_entry_openat" too, as upstream matches them.
 */
const char *lttng_desc_syscall_name(const struct lttng_event_desc *desc)
{
	const struct lttng_sc_event *sce = desc->probe;
	const char *n = desc->name + strlen(sce->compat ? SC_PREFIX_32 :
						      SC_PREFIX_64);

	return n + (lttng_desc_syscall_is_exit(desc) ? strlen("exit_") :
						       strlen("entry_"));
}

/* ---- Recording ---- */

static s64 sc_int_value(unsigned long v, const struct lttng_integer_type *t)
{
	switch (t->size) {
	case 8:
		return t->is_signed ? (s64)(s8)v : (s64)(u8)v;
	case 16:
		return t->is_signed ? (s64)(s16)v : (s64)(u16)v;
	case 32:
		return t->is_signed ? (s64)(s32)v : (s64)(u32)v;
	default:
		return (s64)v;
	}
}

/*
 * Copy a user string into @dst (LTTNG_SC_STR_MAX bytes), once; returns
 * its length.  A fault (NULL, unmapped, a kernel address: access_ok()
 * refuses those) records an empty string; one without a NUL in reach is
 * cut.  Page faults are disabled: the probe may not sleep, and a page
 * that is not resident is not read.
 */
static size_t sc_copy_string(char *dst, unsigned long uaddr)
{
	long n;

	pagefault_disable();
	n = strncpy_from_user(dst, (const char __user *)uaddr,
			      LTTNG_SC_STR_MAX);
	pagefault_enable();
	if (n < 0)
		n = 0;
	else if (n >= LTTNG_SC_STR_MAX)
		n = LTTNG_SC_STR_MAX - 1;
	dst[n] = '\0';
	return n;
}

static noinline void sc_record_unknown(struct lttng_event *ev,
				       const unsigned long *args, long id,
				       long ret, bool is_exit)
{
	struct lttng_record r;
	size_t len = sizeof(int) + (is_exit ? sizeof(long) : 0) +
		     LTTNG_SC_UNKNOWN_ARGS * sizeof(unsigned long);
	int id32 = id;

	if (unlikely(rcu_access_pointer(ev->filter))) {
		struct lttng_filter_value vals[3 + LTTNG_FILTER_CTX_SLOTS];

		vals[0].i = id32;
		vals[1].i = ret;
		if (!lttng_event_filter_pass(ev, vals))
			return;
	}
	if (lttng_event_reserve(&r, ev, len))
		return;
	lttng_event_write(&r, &id32, sizeof(id32));
	if (is_exit)
		lttng_event_write(&r, &ret, sizeof(ret));
	lttng_event_write(&r, args,
			  LTTNG_SC_UNKNOWN_ARGS * sizeof(unsigned long));
	lttng_event_commit(&r);
}

/*
 * The common record: integers only, no filter.  Its size is known before
 * anything is read, so each field goes from its register straight into
 * the reservation, as one store of its size.
 */
static void sc_record_ints(struct lttng_event *ev,
			   const struct lttng_sc_event *sce,
			   const struct pt_regs *regs, long ret)
{
	struct lttng_record r __uninitialized;
	unsigned int i;

	if (__lttng_event_reserve(&r, ev, sce->int_len))
		return;
	for (i = 0; i < sce->nr_fields; i++) {
		u8 a = sce->args[i];
		unsigned long v = (a & SC_ARG_INDEX) == SC_ARG_RET ?
			(unsigned long)ret :
			lttng_syscall_arg(regs, a & SC_ARG_INDEX, sce->compat);

		/* Little endian: the low bytes come first. */
		switch (a >> SC_ARG_SIZE_SHIFT) {
		case 0:
			lttng_event_write(&r, &v, 1);
			break;
		case 1:
			lttng_event_write(&r, &v, 2);
			break;
		case 2:
			lttng_event_write(&r, &v, 4);
			break;
		default:
			lttng_event_write(&r, &v, 8);
			break;
		}
	}
	lttng_event_commit(&r);
}

/* The bytes of a field read from user memory: an integer or an array. */
static size_t sc_user_bytes(const struct lttng_type *t)
{
	return t->integer.size / 8 * (t->kind == LTTNG_TYPE_ARRAY ? t->count : 1);
}

/* A socket address as upstream records it: port and address as sent. */
struct sc_sockaddr {
	u16 family;
	__be16 port;
	u32 v4_len;			/* bytes: 0 or 4 */
	u8 v4[4];
	u32 v6_len;			/* 16-bit words: 0 or 8 */
	__be16 v6[8];
};

/*
 * Decode the socket address of @len bytes at user address @uaddr: its
 * family if the length holds one, its port and address if the family is
 * AF_INET or AF_INET6 and the length holds the whole structure; what
 * cannot be read stays zero.  (Upstream compares the int length as an
 * unsigned, so a negative one passes there; here it holds nothing.)
 */
static void sc_read_sockaddr(struct sc_sockaddr *sa, unsigned long uaddr,
			     long len)
{
	memset(sa, 0, sizeof(*sa));
	if (len < (long)sizeof(sa->family) ||
	    lttng_copy_from_user_nofault(&sa->family, uaddr, sizeof(sa->family)))
		return;
	switch (sa->family) {
	case AF_INET:
		if (len < (long)sizeof(struct sockaddr_in))
			break;
		lttng_copy_from_user_nofault(&sa->port, uaddr +
			offsetof(struct sockaddr_in, sin_port), sizeof(sa->port));
		lttng_copy_from_user_nofault(sa->v4, uaddr +
			offsetof(struct sockaddr_in, sin_addr), sizeof(sa->v4));
		sa->v4_len = sizeof(sa->v4);
		break;
	case AF_INET6:
		if (len < (long)sizeof(struct sockaddr_in6))
			break;
		lttng_copy_from_user_nofault(&sa->port, uaddr +
			offsetof(struct sockaddr_in6, sin6_port), sizeof(sa->port));
		lttng_copy_from_user_nofault(sa->v6, uaddr +
			offsetof(struct sockaddr_in6, sin6_addr), sizeof(sa->v6));
		sa->v6_len = ARRAY_SIZE(sa->v6);
		break;
	}
}

/*
 * The three fd sets of select (@a: the group's bytes, SC_SPECIAL_FDS) into
 * @dst, SC_FDS_MAX bytes each, and their lengths: the bytes of n fds, as
 * upstream records them: none for a NULL set, for n out of 1..FD_SETSIZE,
 * at exit unless @ret > 0, and for every set if one of them faults.
 * (Upstream reads them in whole longs; so do we, to fault alike.)
 */
static void sc_read_fdsets(char *dst, u8 *len, const unsigned long *args,
			   const u8 *a, long ret)
{
	unsigned long set[3] = { args[a[1] & SC_ARG_INDEX],
				 args[a[1] >> 4], args[a[2] & SC_ARG_INDEX] };
	int n = args[a[0] & SC_ARG_INDEX];
	unsigned int bytes = 0, k;

	if (n > 0 && n <= __FD_SETSIZE && ret > 0)
		bytes = DIV_ROUND_UP(n, BITS_PER_BYTE);
	for (k = 0; k < 3 && bytes; k++)
		if (set[k] && lttng_copy_from_user_nofault(dst + k * SC_FDS_MAX,
				set[k], round_up(bytes, sizeof(long))))
			bytes = 0;
	for (k = 0; k < 3; k++)
		len[k] = set[k] ? bytes : 0;
}

/*
 * Strings, user memory, a filter, or the unknown events.  User memory is
 * read once, before the filter sees it, and the same bytes are recorded.
 */
static noinline void sc_record_slow(struct lttng_event *ev,
				    struct pt_regs *regs, long id, long ret)
{
	const struct lttng_event_desc *desc = ev->desc;
	const struct lttng_sc_event *sce = desc->probe;
	size_t slen[LTTNG_SC_MAX_STRINGS];
	char *sbuf[LTTNG_SC_MAX_STRINGS];
	u8 ubuf[SC_USER_MAX] __aligned(8);
	struct sc_sockaddr sa;
	unsigned long args[6];
	struct lttng_record r;
	unsigned int i, ns = 0, nu = 0;
	size_t len = sce->int_len, n;
	char *scratch, *fds = NULL;
	u8 fdlen[3] = { 0, 0, 0 };
	int ulen = 0, ulen_reg = -1;

	if (unlikely(sce->compat))
		lttng_syscall_compat_args(regs, args);
	else
		lttng_syscall_args(regs, args);
	if (unlikely(sce->nr < 0)) {
		sc_record_unknown(ev, args, id, ret, sce->exit);
		return;
	}
	scratch = this_cpu_ptr(sc_scratch);
	for (i = 0; i < desc->nr_fields; i++) {
		u8 a = sce->args[i];
		/* A register's value: ret (SC_ARG_RET) is none of them. */
		unsigned long uaddr = (a & SC_ARG_INDEX) < ARRAY_SIZE(args) ?
				      args[a & SC_ARG_INDEX] : 0;

		switch (a & SC_ARG_KIND) {
		case SC_ARG_STRING:
			sbuf[ns] = scratch + ns * LTTNG_SC_STR_MAX;
			slen[ns] = sc_copy_string(sbuf[ns], uaddr);
			len += slen[ns++] + 1;
			break;
		case SC_ARG_USER:
			n = sc_user_bytes(&desc->fields[i].type);
			lttng_copy_from_user_nofault(ubuf + nu, uaddr, n);
			/* An int read here may be the length of an address. */
			if (n == sizeof(int)) {
				memcpy(&ulen, ubuf + nu, sizeof(int));
				ulen_reg = a & SC_ARG_INDEX;
			}
			nu += n;
			break;
		case SC_ARG_SPECIAL:
			switch (a & SC_SPECIAL) {
			case SC_SPECIAL_SOCK: {
				u8 l = sce->args[i + 1];
				long alen = args[l & SC_ARG_INDEX];

				if (l & SC_ARG_DEREF) {
					if (ulen_reg != (l & SC_ARG_INDEX) &&
					    lttng_copy_from_user_nofault(&ulen,
							alen, sizeof(ulen)))
						ulen = 0;
					alen = ulen;
				} else {
					alen = (int)alen;
				}
				sc_read_sockaddr(&sa, uaddr, alen);
				len += sa.v4_len + sa.v6_len * sizeof(sa.v6[0]);
				i += 3;
				break;
			}
			case SC_SPECIAL_FDS:
				fds = scratch + sce->nr_strings * LTTNG_SC_STR_MAX;
				sc_read_fdsets(fds, fdlen, args, &sce->args[i],
					       sce->exit ? ret : 1);
				len += fdlen[0] + fdlen[1] + fdlen[2];
				i += 2;
				break;
			}
			break;
		}
	}
	if (unlikely(rcu_access_pointer(ev->filter))) {
		struct lttng_filter_value vals[SC_MAX_FIELDS + LTTNG_FILTER_CTX_SLOTS];

		for (i = 0, ns = 0, nu = 0; i < desc->nr_fields; i++) {
			const struct lttng_type *t = &desc->fields[i].type;
			u8 a = sce->args[i];
			unsigned long v = 0;

			switch (a & SC_ARG_KIND) {
			case SC_ARG_STRING:
				vals[i].s.p = sbuf[ns];
				vals[i].s.len = slen[ns++];
				break;
			case SC_ARG_USER:
				/* Arrays: no filter links to them. */
				n = sc_user_bytes(t);
				if (t->kind == LTTNG_TYPE_INTEGER)
					memcpy(&v, ubuf + nu, n);
				vals[i].i = sc_int_value(v, &t->integer);
				nu += n;
				break;
			case SC_ARG_SPECIAL:
				/* Sequences: no filter links to them. */
				vals[i].i = 0;
				if ((a & SC_SPECIAL) == SC_SPECIAL_SOCK) {
					vals[i].i = sa.family;
					vals[i + 1].i = be16_to_cpu(sa.port);
					vals[i + 2].i = vals[i + 3].i = 0;
					i += 3;
				} else if ((a & SC_SPECIAL) == SC_SPECIAL_FDS) {
					vals[i + 1].i = vals[i + 2].i = 0;
					i += 2;
				}
				break;
			default:
				a &= SC_ARG_INDEX;
				vals[i].i = sc_int_value(a == SC_ARG_RET ?
						(unsigned long)ret : args[a],
						&t->integer);
				break;
			}
		}
		if (!lttng_event_filter_pass(ev, vals))
			return;
	}
	if (lttng_event_reserve(&r, ev, len))
		return;
	for (i = 0, ns = 0, nu = 0; i < desc->nr_fields; i++) {
		u8 a = sce->args[i];
		unsigned long v;

		switch (a & SC_ARG_KIND) {
		case SC_ARG_STRING:
			lttng_event_write(&r, sbuf[ns], slen[ns] + 1);
			ns++;
			break;
		case SC_ARG_USER:
			n = sc_user_bytes(&desc->fields[i].type);
			lttng_event_write(&r, ubuf + nu, n);
			nu += n;
			break;
		case SC_ARG_SPECIAL:
			switch (a & SC_SPECIAL) {
			case SC_SPECIAL_SOCK:
				/* family, port, each sequence's length, words */
				lttng_event_write(&r, &sa.family, sizeof(sa.family));
				lttng_event_write(&r, &sa.port, sizeof(sa.port));
				lttng_event_write(&r, &sa.v4_len, sizeof(sa.v4_len));
				lttng_event_write(&r, sa.v4, sa.v4_len);
				lttng_event_write(&r, &sa.v6_len, sizeof(sa.v6_len));
				lttng_event_write(&r, sa.v6,
						  sa.v6_len * sizeof(sa.v6[0]));
				i += 3;
				break;
			case SC_SPECIAL_FDS:
				for (n = 0; n < 3; n++) {
					lttng_event_write(&r, &fdlen[n], 1);
					lttng_event_write(&r, fds + n * SC_FDS_MAX,
							  fdlen[n]);
				}
				i += 2;
				break;
			default:	/* SC_SPECIAL_ZERO */
				v = 0;
				lttng_event_write(&r, &v,
					desc->fields[i].type.integer.size / 8);
				break;
			}
			break;
		default:
			/* Little endian: the low bytes come first. */
			v = (a & SC_ARG_INDEX) == SC_ARG_RET ? (unsigned long)ret :
			    args[a & SC_ARG_INDEX];
			lttng_event_write(&r, &v,
				desc->fields[i].type.integer.size / 8);
			break;
		}
	}
	lttng_event_commit(&r);
}

static __always_inline void sc_record(struct lttng_event *ev,
				      struct pt_regs *regs, long id, long ret)
{
	const struct lttng_sc_event *sce = ev->desc->probe;

	if (likely(!sce->slow && !rcu_access_pointer(ev->filter)))
		sc_record_ints(ev, sce, regs, ret);
	else
		sc_record_slow(ev, regs, id, ret);
}

static inline struct lttng_event *sc_lookup(struct lttng_event * const *tbl,
					    unsigned long nr,
					    struct lttng_event * const *unknown,
					    long id)
{
	if (likely((unsigned long)id < nr))
		return READ_ONCE(tbl[id]);
	return READ_ONCE(*unknown);
}

/* A 32-bit task's numbers are another table's: compat_syscall_*. */
static __always_inline struct lttng_event *
sc_event(struct lttng_chan_syscalls *cs, long id, bool exit)
{
	if (unlikely(lttng_syscall_compat()))
		return exit ? sc_lookup(cs->compat_exit, LTTNG_SC_NR_32,
					&cs->compat_exit_unknown, id) :
			      sc_lookup(cs->compat_entry, LTTNG_SC_NR_32,
					&cs->compat_entry_unknown, id);
	return exit ? sc_lookup(cs->exit, LTTNG_SC_NR_64, &cs->exit_unknown, id) :
		      sc_lookup(cs->entry, LTTNG_SC_NR_64, &cs->entry_unknown, id);
}

static void sc_enter_probe(void *data, struct pt_regs *regs, long id)
{
	struct lttng_chan_syscalls *cs = data;
	struct lttng_event *ev;

	ev = sc_event(cs, id, false);
	if (likely(!ev))
		return;
	lttng_syscall_probe_begin();
	if (lttng_event_on(ev))
		sc_record(ev, regs, id, 0);
	lttng_syscall_probe_end();
}

static void sc_exit_probe(void *data, struct pt_regs *regs, long ret)
{
	struct lttng_chan_syscalls *cs = data;
	struct lttng_event *ev;
	long id;

	id = lttng_syscall_nr(regs);
	ev = sc_event(cs, id, true);
	if (likely(!ev))
		return;
	lttng_syscall_probe_begin();
	if (lttng_event_on(ev))
		sc_record(ev, regs, id, ret);
	lttng_syscall_probe_end();
}

/* ---- Binding events to the channel's table (lttng_lock held) ---- */

/*
 * The table slot(s) an event fills: its number's, or, for an unknown
 * event, the one beyond the table and every number without a description.
 */
static void sc_set_slot(struct lttng_chan_syscalls *cs,
			const struct lttng_sc_event *sce, struct lttng_event *ev)
{
	const struct lttng_event_desc * const *by_nr;
	struct lttng_event **tbl, **unknown;
	unsigned int nr, n;

	if (sce->compat) {
		tbl = sce->exit ? cs->compat_exit : cs->compat_entry;
		unknown = sce->exit ? &cs->compat_exit_unknown :
				      &cs->compat_entry_unknown;
		by_nr = sc32_by_nr;
		n = LTTNG_SC_NR_32;
	} else {
		tbl = sce->exit ? cs->exit : cs->entry;
		unknown = sce->exit ? &cs->exit_unknown : &cs->entry_unknown;
		by_nr = sc_by_nr;
		n = LTTNG_SC_NR_64;
	}
	if (sce->nr >= 0) {
		WRITE_ONCE(tbl[sce->nr], ev);
		return;
	}
	WRITE_ONCE(*unknown, ev);
	for (nr = 0; nr < n; nr++)
		if (!by_nr[nr])
			WRITE_ONCE(tbl[nr], ev);
}

static int sc_attach(void *probe, void *data)
{
	const struct lttng_sc_event *sce = probe;
	struct lttng_event *ev = data;
	struct lttng_channel *chan = ev->chan;
	struct lttng_chan_syscalls *cs = chan->syscalls;
	unsigned int *count;
	int ret;

	lockdep_assert_held(&lttng_lock);
	if (!cs) {
		cs = kvmalloc(sizeof(*cs), GFP_KERNEL | __GFP_ZERO);
		if (!cs)
			return -ENOMEM;
		chan->syscalls = cs;
	}
	count = sce->exit ? &cs->nr_exit : &cs->nr_entry;
	if (!*count) {
		ret = sce->exit ?
			lttng_tp_register("sys_exit", sc_exit_probe, cs) :
			lttng_tp_register("sys_enter", sc_enter_probe, cs);
		if (ret)
			return ret;
	}
	(*count)++;
	sc_set_slot(cs, sce, ev);
	return 0;
}

/*
 * The slot is cleared at once; the core waits for running probes
 * (lttng_tracepoints_quiesce()) before it frees the event.
 */
static int sc_detach(void *probe, void *data)
{
	const struct lttng_sc_event *sce = probe;
	struct lttng_event *ev = data;
	struct lttng_chan_syscalls *cs = ev->chan->syscalls;
	unsigned int *count;

	lockdep_assert_held(&lttng_lock);
	if (WARN_ON_ONCE(!cs))
		return -EINVAL;
	sc_set_slot(cs, sce, NULL);
	count = sce->exit ? &cs->nr_exit : &cs->nr_entry;
	if (!--(*count))
		WARN_ON_ONCE(sce->exit ?
			lttng_tp_unregister("sys_exit", sc_exit_probe, cs) :
			lttng_tp_unregister("sys_enter", sc_enter_probe, cs));
	return 0;
}

/* With lttng_lock held, once no probe can run with its table. */
void lttng_syscalls_channel_free(struct lttng_channel *chan)
{
	kvfree(chan->syscalls);
	chan->syscalls = NULL;
}

/* ---- What lttng-tools reads ---- */

/*
 * SYSCALL_LIST, in upstream's format: the 64-bit table by number, then the
 * 32-bit one, whose indexes follow the 64-bit table's (as in the mask).
 */
int lttng_syscalls_list(struct seq_file *m)
{
	static const char fmt[] =
		"syscall { index = %u; name = %s; bitness = %u; };\n";
	unsigned int nr;

	for (nr = 0; nr < LTTNG_SC_NR_64; nr++)
		if (sc_by_nr[nr])
			seq_printf(m, fmt, nr,
				   lttng_desc_syscall_name(sc_by_nr[nr]), 64);
	for (nr = 0; nr < LTTNG_SC_NR_32; nr++)
		if (sc32_by_nr[nr])
			seq_printf(m, fmt, LTTNG_SC_NR_64 + nr,
				   lttng_desc_syscall_name(sc32_by_nr[nr]), 32);
	return 0;
}

static bool sc_traced(struct lttng_event *ev)
{
	return ev && READ_ONCE(ev->enabled);
}

/*
 * SYSCALL_MASK on a channel: a bit per index of the list, set when the
 * channel records that syscall's entry or exit, most significant bit of
 * each byte first (upstream's big-endian bit field); the 32-bit table's
 * bits follow the 64-bit one's.  A length below the tables' is answered
 * with the length needed.
 */
long lttng_syscalls_mask(struct lttng_channel *chan, u32 __user *uptr)
{
	struct lttng_chan_syscalls *cs;
	u32 len, bits = LTTNG_SC_NR_64 + LTTNG_SC_NR_32;
	size_t bytes = DIV_ROUND_UP(bits, 8);
	unsigned int nr;
	u8 *mask;
	long ret = 0;

	if (get_user(len, uptr))
		return -EFAULT;
	if (len < bits)
		return put_user(bits, uptr);
	mask = kzalloc(bytes, GFP_KERNEL);
	if (!mask)
		return -ENOMEM;
	mutex_lock(&lttng_lock);
	cs = chan->syscalls;
	for (nr = 0; cs && nr < LTTNG_SC_NR_64; nr++)
		if (sc_by_nr[nr] &&
		    (sc_traced(cs->entry[nr]) || sc_traced(cs->exit[nr])))
			mask[nr / 8] |= 0x80 >> (nr % 8);
	for (nr = 0; cs && nr < LTTNG_SC_NR_32; nr++) {
		unsigned int bit = LTTNG_SC_NR_64 + nr;

		if (sc32_by_nr[nr] && (sc_traced(cs->compat_entry[nr]) ||
				       sc_traced(cs->compat_exit[nr])))
			mask[bit / 8] |= 0x80 >> (bit % 8);
	}
	mutex_unlock(&lttng_lock);
	if (put_user(bits, uptr) || copy_to_user(uptr + 1, mask, bytes))
		ret = -EFAULT;
	kfree(mask);
	return ret;
}

int lttng_syscalls_init(void)
{
	int ret;

	sc_scratch = __alloc_percpu(LTTNG_SC_MAX_STRINGS * LTTNG_SC_STR_MAX +
				    3 * SC_FDS_MAX,
				    sizeof(long));
	if (!sc_scratch)
		return -ENOMEM;
	ret = lttng_probe_register(&sc_provider);
	if (ret)
		free_percpu(sc_scratch);
	return ret;
}

void lttng_syscalls_exit(void)
{
	lttng_probe_unregister(&sc_provider);
	free_percpu(sc_scratch);
}
