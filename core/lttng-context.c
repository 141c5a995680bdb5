// SPDX-License-Identifier: GPL-2.0-only
/*
 * Context fields: values about the current task or CPU that a channel
 * records in front of every event's payload.  Each is fixed-size, so the
 * record path reserves the channel's whole context in one go.
 *
 * The record functions run inside probes: in any context, NMI included,
 * with preemption disabled.  They only read current's own state, which
 * needs no lock, and never sleep or spin.
 */
#include <linux/sched.h>
#include <linux/pid_namespace.h>
#include <linux/utsname.h>
#include <linux/smp.h>
#include <linux/rcupdate.h>
#include <linux/irqflags.h>
#include <linux/cred.h>
#include <linux/uidgid.h>
#include <linux/bitops.h>
#include <wrapper/ns.h>
#include <wrapper/preempt.h>
#include "tracer.h"
#include "lttng-filter.h"

#define INT_T(bits, sgn) { .size = (bits), .is_signed = (sgn), .base = 10 }

/*
 * A context whose value is one expression about current or this CPU, of
 * C type @type: ctx_NAME() records it for channels that carry it,
 * ctx_val_NAME() hands it to filters that read $ctx.NAME.
 */
#define CTX_READER(nm, type, expr)					\
	static void ctx_##nm(struct lttng_rb_rec *r, struct lttng_channel *c) \
	{								\
		type v = (expr);					\
									\
		lttng_rb_write(r, &v, sizeof(v));			\
	}								\
	static void ctx_val_##nm(struct lttng_filter_value *fv)	\
	{								\
		fv->i = (type)(expr);					\
	}

CTX_READER(pid, s32, task_tgid_nr(current))
CTX_READER(tid, s32, task_pid_nr(current))
/*
 * The v* ids resolve in current's own namespace, which is what
 * task_*_vnr() compute when the task is current.  A task late in exit has
 * no pid any more and reads 0.
 */
CTX_READER(vpid, s32, task_tgid_vnr(current))
CTX_READER(vtid, s32, task_pid_vnr(current))
CTX_READER(vppid, s32,
	   lttng_task_ppid_nr_ns(current, task_active_pid_ns(current)))
CTX_READER(prio, s32, current->prio - MAX_RT_PRIO)
CTX_READER(nice, s32, task_nice(current))
CTX_READER(cpu_id, s32, smp_processor_id())
CTX_READER(need_reschedule, u8, test_tsk_need_resched(current))
#ifdef LTTNG_SCHED_PREEMPTIBLE
CTX_READER(preemptible, u8, lttng_traced_code_preemptible())
#endif
#ifdef LTTNG_SCHED_MIGRATABLE
CTX_READER(migratable, u8, lttng_current_migratable())
#endif

static s32 current_ppid(void)
{
	s32 v;

	rcu_read_lock();
	v = task_tgid_nr(rcu_dereference(current->real_parent));
	rcu_read_unlock();
	return v;
}

CTX_READER(ppid, s32, current_ppid())

static void ctx_procname(struct lttng_rb_rec *r, struct lttng_channel *c)
{
	lttng_rb_write(r, current->comm, TASK_COMM_LEN);
}

static void ctx_val_procname(struct lttng_filter_value *fv)
{
	fv->s.p = current->comm;
	fv->s.len = TASK_COMM_LEN;
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

static void ctx_val_hostname(struct lttng_filter_value *fv)
{
	struct nsproxy *ns = current->nsproxy;

	fv->s.p = ns ? ns->uts_ns->name.nodename : "";
	fv->s.len = __NEW_UTS_LEN + 1;
}

/*
 * Whether the traced code ran with interrupts enabled.  Nothing between
 * the tracepoint and here touches the irq flags, so we see the caller's.
 */
CTX_READER(interruptible, s8, !irqs_disabled())

/* Namespace inodes: see wrapper/ns.h for why no lock is needed. */
#ifdef LTTNG_NS_PID
CTX_READER(pid_ns, u32, lttng_current_pid_ns_inum())
#endif
#ifdef LTTNG_NS_USER
CTX_READER(user_ns, u32, lttng_current_user_ns_inum())
#endif
#ifdef LTTNG_NS_UTS
CTX_READER(uts_ns, u32, lttng_current_uts_ns_inum())
#endif
#ifdef LTTNG_NS_IPC
CTX_READER(ipc_ns, u32, lttng_current_ipc_ns_inum())
#endif
#ifdef LTTNG_NS_NET
CTX_READER(net_ns, u32, lttng_current_net_ns_inum())
#endif
#ifdef LTTNG_NS_CGROUP
CTX_READER(cgroup_ns, u32, lttng_current_cgroup_ns_inum())
#endif
#ifdef LTTNG_NS_TIME
CTX_READER(time_ns, u32, lttng_current_time_ns_inum())
#endif

#ifdef LTTNG_NS_MNT
/*
 * Where struct ns_common sits in struct mnt_namespace, measured at the
 * first mnt_ns context add (lttng_mnt_ns_locate()); -1 until then.  It is
 * set before any channel records the field, and the session start that
 * makes channels record orders that store before the first read.
 */
static long mnt_ns_off = -1;

CTX_READER(mnt_ns, u32, lttng_current_mnt_ns_inum(READ_ONCE(mnt_ns_off)))

/* With lttng_lock held. */
static int ctx_mnt_ns_prepare(void)
{
	long off;

	if (mnt_ns_off >= 0)
		return 0;
	off = lttng_mnt_ns_locate();
	if (off < 0)
		return off;
	WRITE_ONCE(mnt_ns_off, off);
	return 0;
}
#endif

/*
 * User and group ids: the plain ones as the initial user namespace sees
 * them (kernel-wide ids), the v* ones as current's own user namespace does,
 * with ids it cannot map shown as the overflow id, like /proc shows them
 * to a reader inside that namespace.
 */
#define UID_CTX_FN(nm, cred_field, ns)					\
	CTX_READER(nm, u32, from_kuid_munged(ns, current_cred()->cred_field))
#define GID_CTX_FN(nm, cred_field, ns)					\
	CTX_READER(nm, u32, from_kgid_munged(ns, current_cred()->cred_field))

UID_CTX_FN(uid, uid, &init_user_ns)
UID_CTX_FN(euid, euid, &init_user_ns)
UID_CTX_FN(suid, suid, &init_user_ns)
GID_CTX_FN(gid, gid, &init_user_ns)
GID_CTX_FN(egid, egid, &init_user_ns)
GID_CTX_FN(sgid, sgid, &init_user_ns)
UID_CTX_FN(vuid, uid, current_user_ns())
UID_CTX_FN(veuid, euid, current_user_ns())
UID_CTX_FN(vsuid, suid, current_user_ns())
GID_CTX_FN(vgid, gid, current_user_ns())
GID_CTX_FN(vegid, egid, current_user_ns())
GID_CTX_FN(vsgid, sgid, current_user_ns())

struct ctx_kind {
	const char *name;
	struct lttng_type type;
	size_t size;
	void (*record)(struct lttng_rb_rec *r, struct lttng_channel *c);
	void (*value)(struct lttng_filter_value *fv);	/* for filters */
	int (*prepare)(void);	/* process context, may fail */
};

#define INT_CTX(nm, fn, bits, sgn) [LTTNG_CTX_##fn] = {			\
	.name = #nm, .size = (bits) / 8,				\
	.type = { .kind = LTTNG_TYPE_INTEGER, .integer = INT_T(bits, sgn) }, \
	.record = ctx_##nm, .value = ctx_val_##nm }
#define S32_CTX(nm, fn)	INT_CTX(nm, fn, 32, 1)
#define U32_CTX(nm, fn)	INT_CTX(nm, fn, 32, 0)
#define U8_CTX(nm, fn)	INT_CTX(nm, fn, 8, 0)

/*
 * Types as upstream records them (lttng-abi-2.13.md §4.5).  A type left
 * out here (perf counters, callstacks, what this kernel lacks) answers
 * -ENOSYS, which lttng reports as "context unavailable".
 */
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
		.record = ctx_procname, .value = ctx_val_procname },
	[LTTNG_CTX_HOSTNAME] = { .name = "hostname",
		.size = __NEW_UTS_LEN + 1,
		.type = { .kind = LTTNG_TYPE_ARRAY, .count = __NEW_UTS_LEN + 1,
			  .integer = { .size = 8, .is_signed = 1, .base = 10,
				       .encoding = LTTNG_ENCODING_UTF8 } },
		.record = ctx_hostname, .value = ctx_val_hostname },
	INT_CTX(interruptible, INTERRUPTIBLE, 8, 1),
#ifdef LTTNG_SCHED_PREEMPTIBLE
	U8_CTX(preemptible, PREEMPTIBLE),
#endif
	U8_CTX(need_reschedule, NEED_RESCHEDULE),
#ifdef LTTNG_SCHED_MIGRATABLE
	U8_CTX(migratable, MIGRATABLE),
#endif
#ifdef LTTNG_NS_CGROUP
	U32_CTX(cgroup_ns, CGROUP_NS),
#endif
#ifdef LTTNG_NS_IPC
	U32_CTX(ipc_ns, IPC_NS),
#endif
#ifdef LTTNG_NS_MNT
	[LTTNG_CTX_MNT_NS] = { .name = "mnt_ns", .size = 4,
		.type = { .kind = LTTNG_TYPE_INTEGER,
			  .integer = INT_T(32, 0) },
		.record = ctx_mnt_ns, .value = ctx_val_mnt_ns,
		.prepare = ctx_mnt_ns_prepare },
#endif
#ifdef LTTNG_NS_NET
	U32_CTX(net_ns, NET_NS),
#endif
#ifdef LTTNG_NS_PID
	U32_CTX(pid_ns, PID_NS),
#endif
#ifdef LTTNG_NS_USER
	U32_CTX(user_ns, USER_NS),
#endif
#ifdef LTTNG_NS_UTS
	U32_CTX(uts_ns, UTS_NS),
#endif
#ifdef LTTNG_NS_TIME
	U32_CTX(time_ns, TIME_NS),
#endif
	U32_CTX(uid, UID),
	U32_CTX(euid, EUID),
	U32_CTX(suid, SUID),
	U32_CTX(gid, GID),
	U32_CTX(egid, EGID),
	U32_CTX(sgid, SGID),
	U32_CTX(vuid, VUID),
	U32_CTX(veuid, VEUID),
	U32_CTX(vsuid, VSUID),
	U32_CTX(vgid, VGID),
	U32_CTX(vegid, VEGID),
	U32_CTX(vsgid, VSGID),
};

/* With lttng_lock held, before the session's first start. */
int lttng_context_add(struct lttng_ctx *ctx, u32 type)
{
	const struct ctx_kind *kind;
	struct lttng_ctx_field *f;
	unsigned int i;
	int ret;

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
	if (kind->prepare) {
		ret = kind->prepare();
		if (ret)
			return ret;
	}
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

/* ---- Context values for filters ($ctx.NAME) ---- */

/*
 * A filter may read any context this kernel has, whether or not its
 * channel records it, as upstream allows.  Its context table is ours,
 * indexed by ABI context number (NULL where a kernel lacks the context),
 * so that a program's context mask names ABI numbers.
 */
static struct lttng_field_desc filter_ctx_descs[LTTNG_CTX_NR];
static const struct lttng_field_desc *filter_ctx_table[LTTNG_CTX_NR];

const struct lttng_field_desc * const *lttng_context_filter_table(void)
{
	unsigned int i;

	lockdep_assert_held(&lttng_lock);
	if (filter_ctx_table[LTTNG_CTX_PID])
		return filter_ctx_table;
	for (i = 0; i < LTTNG_CTX_NR; i++) {
		if (!ctx_kinds[i].value)
			continue;
		filter_ctx_descs[i].name = ctx_kinds[i].name;
		filter_ctx_descs[i].type = ctx_kinds[i].type;
		filter_ctx_table[i] = &filter_ctx_descs[i];
	}
	return filter_ctx_table;
}

/* With lttng_lock held: make every context of @mask readable. */
int lttng_context_filter_prepare(u64 mask)
{
	unsigned int i;
	int ret;

	for (i = 0; i < LTTNG_CTX_NR; i++) {
		if (!(mask & (1ULL << i)) || !ctx_kinds[i].prepare)
			continue;
		ret = ctx_kinds[i].prepare();
		if (ret)
			return ret;
	}
	return 0;
}

/*
 * Fill @fv[0..] with the contexts of @mask in ascending order, as a linked
 * program reads them.  Probe context; the mask was prepared at link time.
 */
void lttng_context_filter_values(u64 mask, struct lttng_filter_value *fv)
{
	while (mask) {
		unsigned int i = __ffs64(mask);

		ctx_kinds[i].value(fv++);
		mask &= mask - 1;
	}
}
