// SPDX-License-Identifier: GPL-2.0-only
/*
 * Context fields: values about the current task or CPU that a channel
 * records in front of every event's payload.  Each is fixed-size, so the
 * record path reserves the channel's whole context in one go.
 */
#include <linux/sched.h>
#include <linux/pid_namespace.h>
#include <linux/utsname.h>
#include <linux/smp.h>
#include <linux/rcupdate.h>
#include "tracer.h"

#define INT_T(bits, sgn) { .size = (bits), .is_signed = (sgn), .base = 10 }

static void rec_s32(struct lttng_rb_rec *rec, s32 v)
{
	lttng_rb_write(rec, &v, sizeof(v));
}

static void ctx_pid(struct lttng_rb_rec *r, struct lttng_channel *c)
{
	rec_s32(r, task_tgid_nr(current));
}

static void ctx_tid(struct lttng_rb_rec *r, struct lttng_channel *c)
{
	rec_s32(r, task_pid_nr(current));
}

/*
 * The v* ids resolve in current's own namespace, which is what
 * task_*_vnr() compute when the task is current.  A task late in exit has
 * no pid any more and reads 0.
 */
static void ctx_vpid(struct lttng_rb_rec *r, struct lttng_channel *c)
{
	rec_s32(r, task_tgid_vnr(current));
}

static void ctx_vtid(struct lttng_rb_rec *r, struct lttng_channel *c)
{
	rec_s32(r, task_pid_vnr(current));
}

static void ctx_ppid(struct lttng_rb_rec *r, struct lttng_channel *c)
{
	s32 v;

	rcu_read_lock();
	v = task_tgid_nr(rcu_dereference(current->real_parent));
	rcu_read_unlock();
	rec_s32(r, v);
}

static void ctx_vppid(struct lttng_rb_rec *r, struct lttng_channel *c)
{
	rec_s32(r, task_ppid_nr_ns(current, task_active_pid_ns(current)));
}

static void ctx_procname(struct lttng_rb_rec *r, struct lttng_channel *c)
{
	lttng_rb_write(r, current->comm, TASK_COMM_LEN);
}

static void ctx_prio(struct lttng_rb_rec *r, struct lttng_channel *c)
{
	rec_s32(r, current->prio - MAX_RT_PRIO);
}

static void ctx_nice(struct lttng_rb_rec *r, struct lttng_channel *c)
{
	rec_s32(r, task_nice(current));
}

static void ctx_cpu_id(struct lttng_rb_rec *r, struct lttng_channel *c)
{
	rec_s32(r, smp_processor_id());
}

static void ctx_hostname(struct lttng_rb_rec *r, struct lttng_channel *c)
{
	struct nsproxy *ns = current->nsproxy;

	/* Late in exit a task has no namespaces: record an empty name. */
	if (ns)
		lttng_rb_write(r, ns->uts_ns->name.nodename,
			       __NEW_UTS_LEN + 1);
	else
		lttng_rb_memset(r, 0, __NEW_UTS_LEN + 1);
}

struct ctx_kind {
	const char *name;
	struct lttng_type type;
	size_t size;
	void (*record)(struct lttng_rb_rec *r, struct lttng_channel *c);
};

#define S32_CTX(nm, fn) [LTTNG_CTX_##fn] = { .name = #nm, .size = 4,	\
	.type = { .kind = LTTNG_TYPE_INTEGER, .integer = INT_T(32, 1) },	\
	.record = ctx_##nm }

static const struct ctx_kind ctx_kinds[LTTNG_CTX_NR] = {
	S32_CTX(pid, PID),
	S32_CTX(tid, TID),
	S32_CTX(vpid, VPID),
	S32_CTX(vtid, VTID),
	S32_CTX(ppid, PPID),
	S32_CTX(vppid, VPPID),
	S32_CTX(prio, PRIO),
	S32_CTX(nice, NICE),
	S32_CTX(cpu_id, CPU_ID),
	[LTTNG_CTX_PROCNAME] = { .name = "procname", .size = TASK_COMM_LEN,
		.type = { .kind = LTTNG_TYPE_ARRAY, .count = TASK_COMM_LEN,
			  .integer = { .size = 8, .is_signed = 1, .base = 10,
				       .encoding = LTTNG_ENCODING_UTF8 } },
		.record = ctx_procname },
	[LTTNG_CTX_HOSTNAME] = { .name = "hostname",
		.size = __NEW_UTS_LEN + 1,
		.type = { .kind = LTTNG_TYPE_ARRAY, .count = __NEW_UTS_LEN + 1,
			  .integer = { .size = 8, .is_signed = 1, .base = 10,
				       .encoding = LTTNG_ENCODING_UTF8 } },
		.record = ctx_hostname },
};

/* With lttng_lock held, before the session's first start. */
int lttng_context_add(struct lttng_ctx *ctx, u32 type)
{
	const struct ctx_kind *kind;
	struct lttng_ctx_field *f;
	unsigned int i;

	if (type >= LTTNG_CTX_NR)
		return -EINVAL;
	kind = &ctx_kinds[type];
	if (!kind->record)
		return -ENOSYS;
	for (i = 0; i < ctx->nr; i++)
		if (ctx->fields[i].type == type)
			return -EEXIST;
	if (ctx->nr >= LTTNG_MAX_CTX)
		return -ENOMEM;
	f = &ctx->fields[ctx->nr];
	f->desc.name = kind->name;
	f->desc.type = kind->type;
	f->size = kind->size;
	f->record = kind->record;
	f->type = type;
	ctx->size += kind->size;
	ctx->nr++;
	return 0;
}
