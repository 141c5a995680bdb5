/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The test event of the lttng-test module, laid out like upstream
 * lttng-modules' so that the stock LTTng tools' filter and type tests
 * (which write to /proc/lttng-test-filter-event) find every field they
 * expect: one field of each kind the tracer can describe.  No kernel
 * tracepoint fires it; probes/lttng-test.c does.
 *
 * Read several times by probes/lttng-probe-gen.h: no include guard.
 */
#include <linux/types.h>

/* Auto entries continue from the previous value: 0, 28, 304. */
LTTNG_ENUM(lttng_test_filter_event_enum,
	ENTRIES(
		e_auto("AUTO: EXPECT 0")
		e_value("VALUE: 23", 23)
		e_value("VALUE: 27", 27)
		e_auto("AUTO: EXPECT 28")
		e_range("RANGE: 101 TO 303", 101, 303)
		e_auto("AUTO: EXPECT 304")
		e_value("VALUE: -1", -1)
	)
)

/*
 * netint and net_values arrive already in network byte order; values
 * holds 3 longs, text a NUL-terminated string in a 10-byte buffer of
 * which textlen bytes are used, etext another string.
 */
LTTNG_EVENT_CLASS(lttng_test_filter_event,
	PROTO(int anint, int netint, long *values, char *text, size_t textlen,
	      char *etext, uint32_t *net_values),
	ARGS(anint, netint, values, text, textlen, etext, net_values),
	FIELDS(
		f_int(int, intfield, anint)
		f_hex(int, intfield2, anint)
		f_int(long, longfield, anint)
		f_int(int, signedfield, -1)
		f_int_net(int, netintfield, netint)
		f_hex_net(int, netintfieldhex, netint)
		f_array(long, arrfield1, values, 3)
		f_text(arrfield2, text, 10)
		f_array_net(uint32_t, arrfield3, net_values, 3)
		f_seq(char, seqfield1, text, size_t, textlen)
		f_seq_text(seqfield2, text, size_t, textlen)
		f_seq_net(uint32_t, seqfield3, net_values, size_t, 3)
		f_seq(long, seqfield4, values, size_t, 3)
		f_string(stringfield, text)
		f_string(stringfield2, etext)
		f_seq_bits(long, bitfield_seq, values, uint8_t, 3)
		f_array_bits(long, bitfield_array, values, 3)
		f_enum(lttng_test_filter_event_enum, int, enum0, 0)
		f_enum(lttng_test_filter_event_enum, int, enum23, 23)
		f_enum(lttng_test_filter_event_enum, int, enum27, 27)
		f_enum(lttng_test_filter_event_enum, int, enum28, 28)
		f_enum(lttng_test_filter_event_enum, int, enum202, 202)
		f_enum(lttng_test_filter_event_enum, int, enum304, 304)
		f_enum(lttng_test_filter_event_enum, int, enumnegative, -1)
	)
)

LTTNG_EVENT_INSTANCE_INTERNAL(lttng_test_filter_event, lttng_test_filter_event,
			      lttng_test_attach, lttng_test_detach)

/*
 * Ours, not upstream's: a string that changes between the moment its
 * record is sized and the moment its bytes are copied, by construction
 * (lttng_test_torn_next() in probes/lttng-test.c hands out a short then a
 * long value for even events, a long then a short one for odd ones), so
 * that a test can prove the record keeps its layout (tests/vm/guest/
 * 44-torn-strings.sh).  after is always 42.
 */
LTTNG_EVENT_CLASS(lttng_test_torn_string,
	PROTO(struct lttng_test_torn *t),
	ARGS(t),
	FIELDS(
		f_int(unsigned int, seq, t->seq)
		f_string(name, lttng_test_torn_next(t))
		f_int(int, after, 42)
	)
)

LTTNG_EVENT_INSTANCE_INTERNAL(lttng_test_torn_string, lttng_test_torn_string,
			      lttng_test_attach_torn, lttng_test_detach_torn)
