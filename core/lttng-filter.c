// SPDX-License-Identifier: GPL-2.0-only
/*
 * Event filter bytecode: checker, linker and evaluator.  See
 * lttng-filter.h for what is accepted and what it means.
 *
 * Nothing that comes from user space is trusted.  The bytecode is decoded
 * once, at link time, into an array of fixed-size instructions whose
 * operand types are all known; the evaluator then only walks that array.
 *
 * Wire format (lttng-tools 2.13, native byte order, no alignment):
 *   header   u32 len, u32 reloc_offset, u64 seqnum
 *   data     len bytes: code in [0, reloc_offset), then the relocation
 *            table in [reloc_offset, len): entries of a u16 (the byte
 *            offset in the code of the instruction that names a field)
 *            followed by the NUL-terminated field name.
 * Instructions are a one-byte opcode followed by its operand, if any: a
 * u16 for field references (meaningless until relocated) and for the
 * absolute code offset that && and || jump to when they short-circuit,
 * an s64 for integer literals, a NUL-terminated string for string
 * literals.
 *
 * Evaluation model: a stack of values.  Loads push, binary operations
 * pop two and push one, && and || either jump leaving their operand as
 * the result or pop it and let the right-hand side produce the result.
 * The checker proves, for every instruction, the stack depth and the
 * type of each slot, so the evaluator needs no run-time checks except
 * for data-dependent errors (NULL string, shift count).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>

#include "lttng-filter.h"

/* Opcodes of the wire format that this tracer knows how to handle. */
#define OPC_RETURN		1
#define OPC_BIT_RSHIFT		7
#define OPC_BIT_LSHIFT		8
#define OPC_BIT_AND		9
#define OPC_BIT_OR		10
#define OPC_BIT_XOR		11
#define OPC_EQ			12	/* then NE GT LT GE LE, 12..17 */
#define OPC_LE			17
#define OPC_UNARY_PLUS		48
#define OPC_UNARY_MINUS		49
#define OPC_UNARY_NOT		50
#define OPC_AND			57
#define OPC_OR			58
#define OPC_LOAD_FIELD_REF	59
#define OPC_LOAD_STRING		64
#define OPC_LOAD_S64		65
#define OPC_CAST_TO_S64		67
#define OPC_CAST_NOP		69
#define OPC_GET_CONTEXT_REF	70
#define OPC_LOAD_STAR_GLOB	76
#define OPC_UNARY_BIT_NOT	98

/* Comparison conditions, in the order of the wire opcodes 12..17. */
enum lf_cond { LF_EQ, LF_NE, LF_GT, LF_LT, LF_GE, LF_LE };

/* Our own instruction set, after decoding. */
enum lf_op {
	LF_RET,
	LF_IMM,		/* push imm */
	LF_LIT,		/* push a plain string literal */
	LF_GLOB,	/* push a star-glob pattern */
	LF_FIELD,	/* unlinked payload field reference */
	LF_CTX,		/* unlinked context field reference */
	LF_LOAD_INT,	/* push vals[slot].i */
	LF_LOAD_STR,	/* push vals[slot].s */
	LF_CMP,		/* untyped comparison, before typing */
	LF_CMP_INT,
	LF_CMP_STR,	/* flags: LF_LEFT_LIT, LF_RIGHT_LIT */
	LF_GLOB_MATCH,	/* flags: LF_LEFT_LIT if the pattern is on the left */
	LF_AND,
	LF_OR,
	LF_NEG,
	LF_NOT,
	LF_BIT_NOT,
	LF_BIT_AND,
	LF_BIT_OR,
	LF_BIT_XOR,
	LF_SHL,
	LF_SHR,
	LF_TO_INT,	/* cast to integer: a no-op once typed */
	LF_NOP,
};

#define LF_LEFT_LIT	1
#define LF_RIGHT_LIT	2

struct lf_insn {
	u8 op;			/* enum lf_op */
	u8 cond;		/* enum lf_cond, for comparisons */
	u8 flags;
	u8 relocated;		/* field references: name seen in the table */
	u32 off;		/* byte offset in the code */
	u32 target;		/* && ||: index of the instruction jumped to */
	u32 outer;		/* && || while checking: enclosing pending jump */
	u32 slot;		/* loads: index in the value array */
	u32 len;		/* literals: length without the NUL */
	const char *str;	/* literals: into prog->code */
	s64 imm;
};

struct lttng_filter_prog {
	u32 nr_insns;
	u32 nr_fields;
	u64 ctx_mask;
	u8 *field_used;		/* nr_fields flags */
	char *code;		/* copy of the code, for string literals */
	struct lf_insn insns[];
};

/* What the linker resolves names against; NULL when only checking. */
struct lf_env {
	const struct lttng_field_desc *fields;
	unsigned int nr_fields;
	const struct lttng_field_desc * const *ctx;
	unsigned int nr_ctx;
};

/* Static types of stack slots. */
enum lf_type { T_INT, T_STR, T_LIT, T_GLOB, T_ANY };

#define LF_NONE	((u32)-1)

static u16 get_u16(const u8 *p)
{
	u16 v;

	memcpy(&v, p, sizeof(v));
	return v;
}

/*
 * Size of the instruction at @off of the @code_len-byte code, or -EINVAL
 * if its opcode is not accepted or its operand does not fit.
 */
static int insn_width(const u8 *code, u32 off, u32 code_len)
{
	u32 left = code_len - off;
	const u8 *nul;

	switch (code[off]) {
	case OPC_RETURN:
	case OPC_BIT_RSHIFT: case OPC_BIT_LSHIFT:
	case OPC_BIT_AND: case OPC_BIT_OR: case OPC_BIT_XOR:
	case OPC_EQ ... OPC_LE:
	case OPC_UNARY_PLUS: case OPC_UNARY_MINUS: case OPC_UNARY_NOT:
	case OPC_UNARY_BIT_NOT:
	case OPC_CAST_TO_S64: case OPC_CAST_NOP:
		return 1;
	case OPC_AND: case OPC_OR:
	case OPC_LOAD_FIELD_REF: case OPC_GET_CONTEXT_REF:
		return left >= 3 ? 3 : -EINVAL;
	case OPC_LOAD_S64:
		return left >= 9 ? 9 : -EINVAL;
	case OPC_LOAD_STRING: case OPC_LOAD_STAR_GLOB:
		/* The literal must end with a NUL inside the code. */
		nul = memchr(code + off + 1, '\0', left - 1);
		if (!nul)
			return -EINVAL;
		return (int)(nul - (code + off)) + 1;
	default:
		/*
		 * Arithmetic, floating point, typed and nested-access
		 * operations, and anything unknown.
		 */
		return -EINVAL;
	}
}

static void decode(struct lf_insn *in, const u8 *code, u32 off, int width,
		   const char *copy)
{
	u8 opc = code[off];

	in->off = off;
	in->target = LF_NONE;
	in->outer = LF_NONE;
	switch (opc) {
	case OPC_RETURN:	in->op = LF_RET; break;
	case OPC_BIT_RSHIFT:	in->op = LF_SHR; break;
	case OPC_BIT_LSHIFT:	in->op = LF_SHL; break;
	case OPC_BIT_AND:	in->op = LF_BIT_AND; break;
	case OPC_BIT_OR:	in->op = LF_BIT_OR; break;
	case OPC_BIT_XOR:	in->op = LF_BIT_XOR; break;
	case OPC_EQ ... OPC_LE:
		in->op = LF_CMP;
		in->cond = opc - OPC_EQ;
		break;
	case OPC_UNARY_PLUS:	in->op = LF_TO_INT; break;
	case OPC_UNARY_MINUS:	in->op = LF_NEG; break;
	case OPC_UNARY_NOT:	in->op = LF_NOT; break;
	case OPC_UNARY_BIT_NOT:	in->op = LF_BIT_NOT; break;
	case OPC_CAST_TO_S64:	in->op = LF_TO_INT; break;
	case OPC_CAST_NOP:	in->op = LF_NOP; break;
	case OPC_AND:
	case OPC_OR:
		in->op = opc == OPC_AND ? LF_AND : LF_OR;
		/* Byte offset for now; an instruction index after checking. */
		in->target = get_u16(code + off + 1);
		break;
	case OPC_LOAD_FIELD_REF: in->op = LF_FIELD; break;
	case OPC_GET_CONTEXT_REF: in->op = LF_CTX; break;
	case OPC_LOAD_S64:
		in->op = LF_IMM;
		memcpy(&in->imm, code + off + 1, sizeof(in->imm));
		break;
	case OPC_LOAD_STRING:
	case OPC_LOAD_STAR_GLOB:
		in->op = opc == OPC_LOAD_STRING ? LF_LIT : LF_GLOB;
		in->str = copy + off + 1;
		in->len = width - 2;
		break;
	}
}

/* Index of the instruction that starts at byte @off, or LF_NONE. */
static u32 find_insn(const struct lttng_filter_prog *prog, u32 off)
{
	u32 lo = 0, hi = prog->nr_insns;

	while (lo < hi) {
		u32 mid = lo + (hi - lo) / 2;

		if (prog->insns[mid].off == off)
			return mid;
		if (prog->insns[mid].off < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return LF_NONE;
}

/* How a field of type @t reads in a filter: T_INT, T_STR or -EINVAL. */
static int field_type(const struct lttng_type *t)
{
	switch (t->kind) {
	case LTTNG_TYPE_INTEGER:
	case LTTNG_TYPE_ENUM:
		if (t->integer.size < 1 || t->integer.size > 64)
			return -EINVAL;
		return T_INT;
	case LTTNG_TYPE_STRING:
		return T_STR;
	case LTTNG_TYPE_ARRAY:
	case LTTNG_TYPE_SEQUENCE:
		/* Only byte arrays that hold text compare as strings. */
		if (t->integer.size != 8 ||
		    t->integer.encoding == LTTNG_ENCODING_NONE)
			return -EINVAL;
		return T_STR;
	}
	return -EINVAL;
}

/* Bind the field reference @in to the field called @name. */
static int resolve(struct lttng_filter_prog *prog, const struct lf_env *env,
		   struct lf_insn *in, const char *name)
{
	static const char ctx_prefix[] = "$ctx.";
	unsigned int i;
	int t;

	if (in->op == LF_FIELD) {
		for (i = 0; i < env->nr_fields; i++)
			if (env->fields[i].name &&
			    !strcmp(env->fields[i].name, name))
				break;
		if (i == env->nr_fields)
			return -EINVAL;
		t = field_type(&env->fields[i].type);
		if (t < 0)
			return t;
		in->slot = i;
		prog->field_used[i] = 1;
	} else {
		if (!strncmp(name, ctx_prefix, sizeof(ctx_prefix) - 1))
			name += sizeof(ctx_prefix) - 1;
		for (i = 0; i < env->nr_ctx; i++)
			if (env->ctx[i] && env->ctx[i]->name &&
			    !strcmp(env->ctx[i]->name, name))
				break;
		if (i == env->nr_ctx)
			return -EINVAL;
		t = field_type(&env->ctx[i]->type);
		if (t < 0)
			return t;
		in->slot = env->nr_fields + i;
		prog->ctx_mask |= 1ULL << i;
	}
	in->op = t == T_INT ? LF_LOAD_INT : LF_LOAD_STR;
	return 0;
}

/*
 * Context values go right after the payload values, one slot per context
 * field the program reads, in the order of the context table: the caller
 * then needs room for LTTNG_FILTER_CTX_SLOTS of them, not for the whole
 * table.  resolve() numbered them by table index; renumber by rank.
 */
static int pack_ctx_slots(struct lttng_filter_prog *prog)
{
	unsigned int nr_used = 0, i, j;
	u64 below;

	for (i = 0; i < 64; i++)
		nr_used += (prog->ctx_mask >> i) & 1;
	if (nr_used > LTTNG_FILTER_CTX_SLOTS)
		return -EINVAL;
	for (i = 0; i < prog->nr_insns; i++) {
		struct lf_insn *in = &prog->insns[i];
		unsigned int rank = 0;

		if ((in->op != LF_LOAD_INT && in->op != LF_LOAD_STR) ||
		    in->slot < prog->nr_fields)
			continue;
		below = prog->ctx_mask &
			((1ULL << (in->slot - prog->nr_fields)) - 1);
		for (j = 0; j < 64; j++)
			rank += (below >> j) & 1;
		in->slot = prog->nr_fields + rank;
	}
	return 0;
}

/* Walk the relocation table [reloc, len) of @data. */
static int relocate(struct lttng_filter_prog *prog, const struct lf_env *env,
		    const u8 *data, u32 reloc, u32 len)
{
	u32 off = reloc;

	while (off < len) {
		const char *name;
		size_t name_len;
		u32 idx;
		int ret;

		/* A u16, then a name of at least its NUL. */
		if (len - off < 3)
			return -EINVAL;
		name = (const char *)data + off + 2;
		name_len = strnlen(name, len - off - 2);
		if (name_len == len - off - 2)
			return -EINVAL;		/* no NUL before the end */
		idx = find_insn(prog, get_u16(data + off));
		if (idx == LF_NONE)
			return -EINVAL;
		if ((prog->insns[idx].op != LF_FIELD &&
		     prog->insns[idx].op != LF_CTX) ||
		    prog->insns[idx].relocated)
			return -EINVAL;
		prog->insns[idx].relocated = 1;
		if (env) {
			ret = resolve(prog, env, &prog->insns[idx], name);
			if (ret)
				return ret;
		}
		off += 2 + name_len + 1;
	}
	return env ? pack_ctx_slots(prog) : 0;
}

static bool is_text(enum lf_type t)
{
	return t == T_STR || t == T_LIT;
}

/* Type the comparison @in whose operands are @l (left) and @r (right). */
static int type_cmp(struct lf_insn *in, enum lf_type l, enum lf_type r)
{
	if (l == T_GLOB || r == T_GLOB) {
		/* A pattern matches a string field, with == or != only. */
		enum lf_type other = l == T_GLOB ? r : l;

		if ((other != T_STR && other != T_ANY) ||
		    (in->cond != LF_EQ && in->cond != LF_NE))
			return -EINVAL;
		in->op = LF_GLOB_MATCH;
		in->flags = l == T_GLOB ? LF_LEFT_LIT : 0;
		return 0;
	}
	if (l == T_ANY || r == T_ANY)
		return 0;		/* only checking: no field types */
	if (l == T_INT && r == T_INT) {
		in->op = LF_CMP_INT;
		return 0;
	}
	if (is_text(l) && is_text(r)) {
		in->op = LF_CMP_STR;
		in->flags = (l == T_LIT ? LF_LEFT_LIT : 0) |
			    (r == T_LIT ? LF_RIGHT_LIT : 0);
		return 0;
	}
	return -EINVAL;			/* integer against string */
}

static bool is_int(enum lf_type t)
{
	return t == T_INT || t == T_ANY;
}

/*
 * Prove the program well-formed, in one forward pass:
 *  - the stack never underflows nor exceeds LTTNG_FILTER_STACK_MAX;
 *  - every operation gets operands of the types it accepts;
 *  - && and || jump forward, onto an instruction, within the code, and
 *    nest properly; between a jump and its target, the fall-through path
 *    leaves the slots below the jump's operand alone and arrives with the
 *    same depth and an integer on top, so both paths agree there;
 *  - the code ends with the one RETURN, which sees one integer.
 * Also turns generic operations into typed ones.
 */
static int check_flow(struct lttng_filter_prog *prog)
{
	enum lf_type st[LTTNG_FILTER_STACK_MAX];
	u32 pending = LF_NONE;	/* innermost jump not yet reached */
	int depth = 0, floor = 0;
	u32 i;
	int ret;

	for (i = 0; i < prog->nr_insns; i++) {
		struct lf_insn *in = &prog->insns[i];
		int pops, pushes;

		/* Jumps landing here: the two paths must agree. */
		while (pending != LF_NONE && prog->insns[pending].target == i) {
			struct lf_insn *j = &prog->insns[pending];

			if (depth != (int)j->slot || !is_int(st[depth - 1]))
				return -EINVAL;
			pending = j->outer;
			floor = pending == LF_NONE ? 0 :
				(int)prog->insns[pending].slot - 1;
		}

		switch (in->op) {
		case LF_RET:
			pops = 1; pushes = 0;
			break;
		case LF_IMM: case LF_LIT: case LF_GLOB:
		case LF_FIELD: case LF_CTX:
		case LF_LOAD_INT: case LF_LOAD_STR:
			pops = 0; pushes = 1;
			break;
		case LF_CMP:
		case LF_BIT_AND: case LF_BIT_OR: case LF_BIT_XOR:
		case LF_SHL: case LF_SHR:
			pops = 2; pushes = 1;
			break;
		case LF_AND: case LF_OR:
			pops = 1; pushes = 0;
			break;
		default:	/* unary operations and casts */
			pops = 1; pushes = 1;
			break;
		}
		if (depth - pops < floor)
			return -EINVAL;		/* underflow, or below a jump */
		if (depth - pops + pushes > LTTNG_FILTER_STACK_MAX)
			return -EINVAL;

		switch (in->op) {
		case LF_RET:
			if (i != prog->nr_insns - 1 || depth != 1 ||
			    !is_int(st[0]))
				return -EINVAL;
			break;
		case LF_IMM:
			st[depth] = T_INT;
			break;
		case LF_LIT:
			st[depth] = T_LIT;
			break;
		case LF_GLOB:
			st[depth] = T_GLOB;
			break;
		case LF_FIELD: case LF_CTX:
			/* Only reached when checking without an event. */
			if (!in->relocated)
				return -EINVAL;
			st[depth] = T_ANY;
			break;
		case LF_LOAD_INT:
			st[depth] = T_INT;
			break;
		case LF_LOAD_STR:
			st[depth] = T_STR;
			break;
		case LF_CMP:
			ret = type_cmp(in, st[depth - 2], st[depth - 1]);
			if (ret)
				return ret;
			st[depth - 2] = T_INT;
			break;
		case LF_BIT_AND: case LF_BIT_OR: case LF_BIT_XOR:
		case LF_SHL: case LF_SHR:
			if (!is_int(st[depth - 2]) || !is_int(st[depth - 1]))
				return -EINVAL;
			st[depth - 2] = T_INT;
			break;
		case LF_NEG: case LF_NOT: case LF_BIT_NOT:
			if (!is_int(st[depth - 1]))
				return -EINVAL;
			break;
		case LF_TO_INT:
			/* Strings do not convert to integers. */
			if (!is_int(st[depth - 1]))
				return -EINVAL;
			st[depth - 1] = T_INT;
			in->op = LF_NOP;
			break;
		case LF_NOP:
			break;
		case LF_AND: case LF_OR:
		{
			u32 t;

			if (!is_int(st[depth - 1]))
				return -EINVAL;
			t = find_insn(prog, in->target);
			if (t == LF_NONE || t <= i)
				return -EINVAL;	/* backward, or off the code */
			/* Nested inside the pending jump, if any. */
			if (pending != LF_NONE &&
			    t > prog->insns[pending].target)
				return -EINVAL;
			in->target = t;
			in->slot = depth;	/* depth at the target */
			in->outer = pending;
			pending = i;
			floor = depth - 1;
			break;
		}
		default:
			return -EINVAL;
		}
		depth += pushes - pops;
	}
	/* Ends with RETURN, so every jump has landed. */
	if (!prog->nr_insns || prog->insns[prog->nr_insns - 1].op != LF_RET ||
	    pending != LF_NONE)
		return -EINVAL;
	return 0;
}

static int build(const void *bc, size_t size, const struct lf_env *env,
		 struct lttng_filter_prog **progp)
{
	const u8 *hdr = bc, *data;
	struct lttng_filter_prog *prog;
	u32 len, reloc, off, n, i;
	size_t bytes;
	int w, ret;

	if (!bc || size < LTTNG_FILTER_HDR_LEN)
		return -EINVAL;
	memcpy(&len, hdr, sizeof(len));
	memcpy(&reloc, hdr + 4, sizeof(reloc));
	if (len > LTTNG_FILTER_MAX_LEN || len > size - LTTNG_FILTER_HDR_LEN)
		return -EINVAL;
	if (reloc == 0 || reloc > len)
		return -EINVAL;
	if (env && (env->nr_ctx > LTTNG_FILTER_MAX_CTX ||
		    env->nr_fields + env->nr_ctx < env->nr_fields))
		return -EINVAL;
	data = hdr + LTTNG_FILTER_HDR_LEN;

	/* Count the instructions, checking each one's size. */
	for (off = 0, n = 0; off < reloc; off += w, n++) {
		w = insn_width(data, off, reloc);
		if (w < 0)
			return w;
	}

	bytes = sizeof(*prog) + (size_t)n * sizeof(struct lf_insn) + reloc +
		(env ? env->nr_fields : 0);
	prog = lttng_filter_zalloc(bytes);
	if (!prog)
		return -ENOMEM;
	prog->nr_insns = n;
	prog->code = (char *)&prog->insns[n];
	memcpy(prog->code, data, reloc);
	prog->field_used = (u8 *)prog->code + reloc;
	prog->nr_fields = env ? env->nr_fields : 0;

	for (off = 0, i = 0; i < n; off += w, i++) {
		w = insn_width(data, off, reloc);
		decode(&prog->insns[i], data, off, w, prog->code);
	}

	ret = relocate(prog, env, data, reloc, len);
	if (!ret)
		ret = check_flow(prog);
	if (ret || !progp) {
		lttng_filter_free(prog);
		return ret;
	}
	*progp = prog;
	return 0;
}

int lttng_filter_check(const void *bc, size_t size)
{
	return build(bc, size, NULL, NULL);
}

int lttng_filter_link(const void *bc, size_t size,
		      const struct lttng_field_desc *fields,
		      unsigned int nr_fields,
		      const struct lttng_field_desc * const *ctx,
		      unsigned int nr_ctx,
		      struct lttng_filter_prog **progp)
{
	struct lf_env env = {
		.fields = fields, .nr_fields = nr_fields,
		.ctx = ctx, .nr_ctx = nr_ctx,
	};

	if (!progp || (nr_fields && !fields) || (nr_ctx && !ctx))
		return -EINVAL;
	return build(bc, size, &env, progp);
}

void lttng_filter_prog_free(struct lttng_filter_prog *prog)
{
	lttng_filter_free(prog);
}

bool lttng_filter_uses_field(const struct lttng_filter_prog *prog,
			     unsigned int i)
{
	return i < prog->nr_fields && prog->field_used[i];
}

u64 lttng_filter_ctx_mask(const struct lttng_filter_prog *prog)
{
	return prog->ctx_mask;
}

/* ---- Evaluation ---- */

#define CH_END	(-1)
#define CH_STAR	(-2)

/* A position in a string operand. */
struct str_pos {
	const unsigned char *p;
	size_t left;
	bool literal;	/* plain literal: '\' escapes, '*' ends the match */
};

static int next_char(struct str_pos *s)
{
	int c;

	if (!s->left || !*s->p)
		return CH_END;
	c = *s->p++;
	s->left--;
	if (s->literal) {
		if (c == '*')
			return CH_STAR;
		if (c == '\\' && s->left && *s->p) {
			c = *s->p++;
			s->left--;
		}
	}
	return c;
}

/* <0, 0, >0 as left is below, equal to or above right. */
static int str_compare(const struct lttng_filter_value *l, bool l_lit,
		       const struct lttng_filter_value *r, bool r_lit)
{
	struct str_pos a = { (const unsigned char *)l->s.p, l->s.len, l_lit };
	struct str_pos b = { (const unsigned char *)r->s.p, r->s.len, r_lit };

	/* Each round consumes a byte of both, or ends. */
	for (;;) {
		int ca = next_char(&a), cb = next_char(&b);

		if (ca == CH_STAR || cb == CH_STAR)
			return 0;
		if (ca != cb)
			return ca < cb ? -1 : 1;
		if (ca == CH_END)
			return 0;
	}
}

static int char_at(const struct lttng_filter_value *v, size_t i)
{
	if (i >= v->s.len || !v->s.p[i])
		return CH_END;
	return (unsigned char)v->s.p[i];
}

/*
 * Star-glob match of @str against @pat, without recursion: on a mismatch,
 * go back to just after the last '*' and let it swallow one more
 * character.  At most (length of str + 1) restarts, each bounded.
 */
static bool glob_match(const struct lttng_filter_value *pat,
		       const struct lttng_filter_value *str)
{
	size_t pi = 0, si = 0, star_pi = 0, star_si = 0;
	bool star = false;

	for (;;) {
		int pc = char_at(pat, pi);

		if (pc == '*') {
			star = true;
			star_pi = ++pi;
			star_si = si;
			continue;
		}
		if (pc != CH_END) {
			size_t w = 1;

			if (pc == '\\' && char_at(pat, pi + 1) != CH_END) {
				pc = char_at(pat, pi + 1);
				w = 2;
			}
			if (char_at(str, si) == pc) {
				pi += w;
				si++;
				continue;
			}
		} else if (char_at(str, si) == CH_END) {
			return true;
		}
		if (!star || char_at(str, star_si) == CH_END)
			return false;
		si = ++star_si;
		pi = star_pi;
	}
}

static bool cond_holds(u8 cond, int diff)
{
	switch (cond) {
	case LF_EQ: return diff == 0;
	case LF_NE: return diff != 0;
	case LF_GT: return diff > 0;
	case LF_LT: return diff < 0;
	case LF_GE: return diff >= 0;
	case LF_LE: return diff <= 0;
	}
	return false;
}

int lttng_filter_run(const struct lttng_filter_prog *prog,
		     const struct lttng_filter_value *vals)
{
	struct lttng_filter_value st[LTTNG_FILTER_STACK_MAX];
	int top = -1;		/* index of the top slot */
	u32 pc = 0;

	/* check_flow() proved the stack bounds and that pc only grows. */
	while (pc < prog->nr_insns) {
		const struct lf_insn *in = &prog->insns[pc];
		s64 a, b;
		int diff;

		pc++;
		switch (in->op) {
		case LF_RET:
			return st[top].i != 0;
		case LF_IMM:
			st[++top].i = in->imm;
			break;
		case LF_LIT:
		case LF_GLOB:
			top++;
			st[top].s.p = in->str;
			st[top].s.len = in->len;
			break;
		case LF_LOAD_INT:
			st[++top].i = vals[in->slot].i;
			break;
		case LF_LOAD_STR:
			if (!vals[in->slot].s.p)
				return 0;
			st[++top].s = vals[in->slot].s;
			break;
		case LF_CMP_INT:
			a = st[top - 1].i;
			b = st[top].i;
			diff = a < b ? -1 : a > b;
			st[--top].i = cond_holds(in->cond, diff);
			break;
		case LF_CMP_STR:
			diff = str_compare(&st[top - 1], in->flags & LF_LEFT_LIT,
					   &st[top], in->flags & LF_RIGHT_LIT);
			st[--top].i = cond_holds(in->cond, diff);
			break;
		case LF_GLOB_MATCH:
			if (in->flags & LF_LEFT_LIT)
				diff = !glob_match(&st[top - 1], &st[top]);
			else
				diff = !glob_match(&st[top], &st[top - 1]);
			st[--top].i = cond_holds(in->cond, diff);
			break;
		case LF_AND:
			if (st[top].i == 0)
				pc = in->target;
			else
				top--;
			break;
		case LF_OR:
			if (st[top].i != 0) {
				st[top].i = 1;
				pc = in->target;
			} else {
				top--;
			}
			break;
		case LF_NEG:
			st[top].i = (s64)(0 - (u64)st[top].i);
			break;
		case LF_NOT:
			st[top].i = !st[top].i;
			break;
		case LF_BIT_NOT:
			st[top].i = ~st[top].i;
			break;
		case LF_BIT_AND:
			top--;
			st[top].i &= st[top + 1].i;
			break;
		case LF_BIT_OR:
			top--;
			st[top].i |= st[top + 1].i;
			break;
		case LF_BIT_XOR:
			top--;
			st[top].i ^= st[top + 1].i;
			break;
		case LF_SHL:
		case LF_SHR:
			b = st[top].i;
			if (b < 0 || b > 63)
				return 0;	/* undefined: an error */
			top--;
			if (in->op == LF_SHL)
				st[top].i = (s64)((u64)st[top].i << b);
			else
				st[top].i = (s64)((u64)st[top].i >> b);
			break;
		case LF_NOP:
			break;
		default:
			return 0;	/* unlinked program */
		}
	}
	return 0;
}

/* ---- Memory ---- */

#ifdef __KERNEL__
#include <linux/mm.h>
#include <linux/slab.h>
#include <wrapper/mem.h>

/* Linking runs in process context with no spinlock held. */
void *lttng_filter_zalloc(size_t size)
{
	return kvmalloc(size, GFP_KERNEL | __GFP_ZERO);
}

void lttng_filter_free(void *p)
{
	kvfree(p);
}
#endif
