/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Event filters: the bytecode that `lttng enable-event --filter EXPR`
 * compiles (lttng-tools 2.13) and hands to the FILTER ioctl, checked,
 * bound to one event's fields, and evaluated.
 *
 * Pure logic, no kernel API beyond <linux/types.h>: the unit tests
 * (tests/unit/test_filter.c) build it in user space.
 *
 * Three steps:
 *
 *  - lttng_filter_check(): everything that can be decided without an
 *    event (header, opcodes, operand sizes, string literals, the
 *    relocation table, jump targets, stack depth).  Meant for the ioctl.
 *  - lttng_filter_link(): the same checks, then each field name of the
 *    relocation table is looked up in the event's payload fields or in
 *    the context fields, every operation is typed, and a program ready to
 *    run is allocated.  Meant for when a filtered enabler meets an event.
 *  - lttng_filter_run(): evaluates a linked program against the values of
 *    the fields it uses.  No allocation, no recursion, no loop that does
 *    not advance: every jump goes forward, so it ends after at most one
 *    step per instruction.
 *
 * What is accepted: the operations lttng-tools 2.13 emits for a kernel
 * filter, except those this tracer cannot evaluate:
 *
 *   supported   field references by name (payload fields and $ctx.NAME
 *               context fields) of integer, enumeration, string, and
 *               array/sequence-of-byte-with-text-encoding types; integer
 *               and string literals, star-glob patterns ("a*b");
 *               == != < > <= >= on integers and on strings; == != between
 *               a string field and a star-glob pattern; && || ! - ~
 *               & | ^ << >>; the casts the tools add around && and ||.
 *   rejected    floating point (kernel code has no FPU: 1.5, and any
 *   (-EINVAL)   double op); arithmetic + - * / % (upstream refuses them
 *               too); indexed or nested field access (a[1], $ctx.a.b,
 *               the GET_* / LOAD_FIELD family of operations), $app.*
 *               contexts; the typed operations that only a tracer's own
 *               specialisation pass produces; fields of other types
 *               (arrays of integers that are not text, ...); a comparison
 *               between an integer and a string.
 *
 * Semantics worth knowing:
 *   - integers compare as signed 64-bit values (an unsigned 64-bit field
 *     above 2^63-1 reads as negative);
 *   - a string field ends at its first NUL or at its length; strings
 *     compare bytewise as unsigned chars;
 *   - in a plain string literal, '\' makes the next character ordinary,
 *     and an unescaped '*' matches whatever remains ("sched_*");
 *   - in a star-glob pattern, '*' matches any run of characters anywhere
 *     and '\' escapes the next character;
 *   - a shift by a count outside 0..63, or a NULL string value, makes the
 *     filter answer "no match" for that event, as an evaluation error
 *     does upstream (the event is not recorded).
 */
#ifndef LTTNG_FILTER_H
#define LTTNG_FILTER_H

#include <linux/types.h>
#include <lttng/desc.h>
#include <lttng/filter-value.h>

/* The FILTER ioctl's argument: this 16-byte header, then len data bytes. */
#define LTTNG_FILTER_HDR_LEN	16
/* Most data bytes (code, then relocation table) one filter may carry. */
#define LTTNG_FILTER_MAX_LEN	65536
/* Deepest evaluation stack a program may need. */
#define LTTNG_FILTER_STACK_MAX	16
/* Most context fields a program can be linked against. */
#define LTTNG_FILTER_MAX_CTX	64

struct lttng_filter_prog;

/*
 * @bc points to the ioctl argument (header then data), @size is how many
 * bytes of it are readable.  0 or -EINVAL.
 */
int lttng_filter_check(const void *bc, size_t size);

/*
 * Link against an event whose payload fields are @fields[0..nr_fields)
 * and against the context fields @ctx[0..nr_ctx) that $ctx.NAME may name.
 * In the value array later given to lttng_filter_run(), payload field i
 * is at index i, and the context fields the program reads (the bits of
 * lttng_filter_ctx_mask()) follow from index nr_fields on, in ascending
 * j order: at most LTTNG_FILTER_CTX_SLOTS of them.
 * 0 and *progp set, -EINVAL (bad bytecode, unknown field, unsupported
 * field type, type mismatch, too many context fields) or -ENOMEM.
 */
int lttng_filter_link(const void *bc, size_t size,
		      const struct lttng_field_desc *fields,
		      unsigned int nr_fields,
		      const struct lttng_field_desc * const *ctx,
		      unsigned int nr_ctx,
		      struct lttng_filter_prog **progp);

void lttng_filter_prog_free(struct lttng_filter_prog *prog);

/* Which payload field / context field values the program reads. */
bool lttng_filter_uses_field(const struct lttng_filter_prog *prog,
			     unsigned int i);
u64 lttng_filter_ctx_mask(const struct lttng_filter_prog *prog);

/* 1: the event matches (record it), 0: it does not. */
int lttng_filter_run(const struct lttng_filter_prog *prog,
		     const struct lttng_filter_value *vals);

/* Supplied by the environment (kernel: kvmalloc; unit tests: calloc). */
void *lttng_filter_zalloc(size_t size);
void lttng_filter_free(void *p);

#endif
