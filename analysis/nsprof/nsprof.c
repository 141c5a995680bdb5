// SPDX-License-Identifier: GPL-2.0-only
/*
 * nsprof - a babeltrace2 sink: which pid namespace (container) burns the
 * CPU.
 *
 *   babeltrace2 --plugin-path=DIR TRACE -c sink.nsprof.containers \
 *       [--params 'format="json"|"csv"|"text",top=5']
 *
 * From sched_switch it charges every nanosecond of every CPU to the task
 * that ran it; from the statedump (lttng_statedump_process_state, one
 * event per pid-namespace level, or lttng_statedump_process_pid_ns) and
 * sched_process_fork (vtids, parent_ns_inum, child_ns_inum) it learns
 * each task's pid-namespace chain; sched_process_exit/free end a task's
 * life.  At the end it rebuilds the namespace tree and sums the CPU time
 * of each namespace's own tasks (exclusive) and of its whole subtree
 * (inclusive).  A task's pid namespace never changes, so the attribution
 * is done once, at the end, with everything the trace said about it.
 *
 * Field sets differ between tracers (ours, upstream lttng-modules
 * 2.7-2.13): every field is optional, and what could not be learnt is
 * reported as such.
 */
#include <babeltrace2/babeltrace.h>
#include <glib.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXLVL 33	/* MAX_PID_NS_LEVEL (32) + the root level */
#define COMM_LEN 32

enum origin { ORIG_SEEN, ORIG_DUMP, ORIG_FORK };
static const char *const origin_name[] = { "seen", "statedump", "fork" };

struct task {
	int64_t tid, pid, ppid;
	char comm[COMM_LEN];
	int level;			/* deepest level known, -1: none */
	uint64_t chain[MAXLVL];		/* pid ns inode per level, 0 unknown */
	int64_t vtid[MAXLVL];		/* tid per level, -1 unknown */
	uint64_t hint_ns;		/* its ns from parent_ns_inum, level unknown */
	enum origin origin;
	bool entered;			/* forked into another ns than its parent's, not as init */
	bool exited;
	uint64_t first, last;		/* ns from origin */
	uint64_t cpu;
	uint64_t *percpu;
	unsigned int npercpu;
	uint64_t ns;			/* final: its own (deepest) pid ns */
	int ns_level;
};

struct pidns {
	uint64_t inum;
	int level;			/* -1 unknown */
	uint64_t parent;		/* 0 unknown (or root) */
	struct task *init;
	uint64_t first, last;
	uint64_t cpu, cpu_incl;
	uint64_t *percpu, *percpu_incl;
	GPtrArray *members;		/* struct task *, own tasks */
	GPtrArray *children;		/* struct pidns * */
	unsigned int ntasks_incl;
};

struct cpu_state {
	bool known;
	int64_t tid;
	uint64_t since;
};

enum fmt { FMT_TEXT, FMT_JSON, FMT_CSV };

struct nsprof {
	bt_message_iterator *it;
	enum fmt fmt;
	int top;
	FILE *out;
	char *out_path;

	GHashTable *live;		/* tid -> struct task * (current owner of the tid) */
	GPtrArray *tasks;		/* every task ever, owns them */
	GHashTable *nss;		/* inum -> struct pidns * */

	bool have_begin, have_end;
	uint64_t begin, end;		/* traced interval */
	bool have_pkt;
	uint64_t pkt_begin, pkt_end;

	struct cpu_state *cpus;
	unsigned int ncpus;
	uint64_t *idle;			/* per CPU, tid 0 */
	uint64_t *busy;			/* per CPU, every other tid */
	uint64_t unaccounted_before;	/* before the first switch of a CPU, charged from the start */

	uint64_t n_events, n_switch, n_fork, n_dump, n_pidns_ev, n_exit, n_free;
	uint64_t discarded, discarded_msgs, discarded_pkts;
	bool cpu_id_missing, no_clock;
	bool have_dump;
};

/* ------------------------------------------------------------ fields */

static const bt_field *member(const bt_field *s, const char *name)
{
	if (!s || bt_field_get_class_type(s) != BT_FIELD_CLASS_TYPE_STRUCTURE)
		return NULL;
	return bt_field_structure_borrow_member_field_by_name_const(s, name);
}

static bool field_int(const bt_field *f, int64_t *v)
{
	bt_field_class_type t;

	if (!f)
		return false;
	t = bt_field_get_class_type(f);
	if (bt_field_class_type_is(t, BT_FIELD_CLASS_TYPE_UNSIGNED_INTEGER)) {
		*v = (int64_t)bt_field_integer_unsigned_get_value(f);
		return true;
	}
	if (bt_field_class_type_is(t, BT_FIELD_CLASS_TYPE_SIGNED_INTEGER)) {
		*v = bt_field_integer_signed_get_value(f);
		return true;
	}
	return false;
}

static bool get_int(const bt_field *s, const char *name, int64_t *v)
{
	return field_int(member(s, name), v);
}

static bool get_uint(const bt_field *s, const char *name, uint64_t *v)
{
	int64_t x;

	if (!get_int(s, name, &x))
		return false;
	*v = (uint64_t)x;
	return true;
}

static const char *get_str(const bt_field *s, const char *name)
{
	const bt_field *f = member(s, name);

	if (!f || bt_field_get_class_type(f) != BT_FIELD_CLASS_TYPE_STRING)
		return NULL;
	return bt_field_string_get_value(f);
}

/* ------------------------------------------------------------ model */

static struct task *task_new(struct nsprof *p, int64_t tid, uint64_t ts)
{
	struct task *t = g_new0(struct task, 1);
	int i;

	t->tid = tid;
	t->pid = -1;
	t->ppid = -1;
	t->level = -1;
	t->ns_level = -1;
	for (i = 0; i < MAXLVL; i++)
		t->vtid[i] = -1;
	t->first = t->last = ts;
	g_ptr_array_add(p->tasks, t);
	g_hash_table_insert(p->live, GINT_TO_POINTER(tid), t);
	return t;
}

/* The task that owns @tid now; created (origin "seen") if unknown. */
static struct task *task_get(struct nsprof *p, int64_t tid, uint64_t ts)
{
	struct task *t = g_hash_table_lookup(p->live, GINT_TO_POINTER(tid));

	if (!t)
		t = task_new(p, tid, ts);
	if (ts < t->first)
		t->first = ts;
	if (ts > t->last && !t->exited)
		t->last = ts;
	return t;
}

static void task_comm(struct task *t, const char *comm)
{
	if (comm)
		g_strlcpy(t->comm, comm, sizeof(t->comm));
}

static struct pidns *ns_get(struct nsprof *p, uint64_t inum)
{
	struct pidns *n = g_hash_table_lookup(p->nss, &inum);

	if (!n) {
		n = g_new0(struct pidns, 1);
		n->inum = inum;
		n->level = -1;
		n->members = g_ptr_array_new();
		n->children = g_ptr_array_new();
		g_hash_table_insert(p->nss, &n->inum, n);
	}
	return n;
}

static void set_level(struct task *t, int lvl, uint64_t inum, int64_t vtid)
{
	if (lvl < 0 || lvl >= MAXLVL)
		return;
	if (inum)
		t->chain[lvl] = inum;
	if (vtid >= 0)
		t->vtid[lvl] = vtid;
	if (lvl > t->level)
		t->level = lvl;
}

static void grow_cpus(struct nsprof *p, unsigned int cpu)
{
	unsigned int n = cpu + 1, i;

	if (n <= p->ncpus)
		return;
	p->cpus = g_renew(struct cpu_state, p->cpus, n);
	p->idle = g_renew(uint64_t, p->idle, n);
	p->busy = g_renew(uint64_t, p->busy, n);
	for (i = p->ncpus; i < n; i++) {
		memset(&p->cpus[i], 0, sizeof(p->cpus[i]));
		p->idle[i] = p->busy[i] = 0;
	}
	p->ncpus = n;
}

static void add_percpu(uint64_t **arr, unsigned int *n, unsigned int cpu, uint64_t d)
{
	if (cpu >= *n) {
		*arr = g_renew(uint64_t, *arr, cpu + 1);
		memset(*arr + *n, 0, (cpu + 1 - *n) * sizeof(uint64_t));
		*n = cpu + 1;
	}
	(*arr)[cpu] += d;
}

static void charge(struct nsprof *p, unsigned int cpu, int64_t tid, uint64_t from, uint64_t to)
{
	struct task *t;
	uint64_t d;

	if (to <= from)
		return;
	d = to - from;
	if (tid == 0) {
		p->idle[cpu] += d;
		return;
	}
	p->busy[cpu] += d;
	t = task_get(p, tid, to);
	t->cpu += d;
	add_percpu(&t->percpu, &t->npercpu, cpu, d);
}

/* ------------------------------------------------------------ events */

static void on_switch(struct nsprof *p, const bt_field *f, uint64_t ts, int64_t cpu)
{
	int64_t prev, next;
	struct cpu_state *c;
	struct task *t;

	if (!get_int(f, "prev_tid", &prev) || !get_int(f, "next_tid", &next))
		return;
	p->n_switch++;
	if (cpu < 0) {
		p->cpu_id_missing = true;
		return;
	}
	grow_cpus(p, (unsigned int)cpu);
	c = &p->cpus[cpu];
	if (c->known) {
		charge(p, (unsigned int)cpu, prev, c->since, ts);
	} else {
		/* prev ran since some time before this CPU's first switch. */
		uint64_t from = p->begin;

		charge(p, (unsigned int)cpu, prev, from, ts);
		if (prev != 0 && ts > from)
			p->unaccounted_before += ts - from;
	}
	c->known = true;
	c->tid = next;
	c->since = ts;
	if (prev) {
		t = task_get(p, prev, ts);
		task_comm(t, get_str(f, "prev_comm"));
	}
	if (next) {
		t = task_get(p, next, ts);
		task_comm(t, get_str(f, "next_comm"));
	}
}

static void on_fork(struct nsprof *p, const bt_field *f, uint64_t ts)
{
	int64_t ptid, ctid, v;
	uint64_t pns = 0, cns = 0;
	struct task *par, *old, *c;
	const bt_field *vt;
	int clvl = -1, plvl, i;

	if (!get_int(f, "parent_tid", &ptid) || !get_int(f, "child_tid", &ctid))
		return;
	p->n_fork++;
	get_uint(f, "parent_ns_inum", &pns);
	get_uint(f, "child_ns_inum", &cns);

	par = task_get(p, ptid, ts);
	task_comm(par, get_str(f, "parent_comm"));
	if (get_int(f, "parent_pid", &v))
		par->pid = v;
	if (pns && par->level < 0)
		par->hint_ns = pns;

	/* The child tid's previous owner was freed (or its free was lost). */
	old = g_hash_table_lookup(p->live, GINT_TO_POINTER(ctid));
	if (old)
		g_hash_table_remove(p->live, GINT_TO_POINTER(ctid));
	c = task_new(p, ctid, ts);
	c->origin = ORIG_FORK;
	c->ppid = par->pid >= 0 ? par->pid : ptid;
	task_comm(c, get_str(f, "child_comm"));
	if (get_int(f, "child_pid", &v))
		c->pid = v;

	vt = member(f, "vtids");
	if (vt && bt_field_class_type_is(bt_field_get_class_type(vt), BT_FIELD_CLASS_TYPE_ARRAY)) {
		uint64_t n = bt_field_array_get_length(vt), k;

		for (k = 0; k < n && k < MAXLVL; k++) {
			if (field_int(bt_field_array_borrow_element_field_by_index_const(vt, k), &v))
				c->vtid[k] = v;
		}
		if (n > 0 && n <= MAXLVL)
			clvl = (int)n - 1;
	}
	if (clvl < 0) {
		/* No vtids (old tracers): same ns as the parent, or unknown. */
		if (cns && pns && cns == pns && par->level >= 0)
			clvl = par->level;
	}
	plvl = par->level;
	if (clvl >= 0) {
		c->level = clvl;
		if (cns)
			c->chain[clvl] = cns;
		/*
		 * The child's pid ns is the parent's active one or one of its
		 * descendants (unshare(CLONE_NEWPID) makes a child of it,
		 * setns() may only enter a descendant): the parent's chain is
		 * a prefix of the child's.
		 */
		if (plvl >= 0 && plvl <= clvl)
			for (i = 0; i <= plvl; i++) {
				if (!c->chain[i])
					c->chain[i] = par->chain[i];
			}
		if (pns && clvl >= 1 && (plvl < 0 || plvl == clvl - 1) && cns != pns)
			c->chain[clvl - 1] = pns;
		if (pns && cns == pns && plvl < 0) {
			/* Teach the parent its level too. */
			par->level = clvl;
			par->chain[clvl] = pns;
		}
	} else if (cns) {
		c->hint_ns = cns;
	}
	/*
	 * Entered: its ns is not its parent's, and it is not the ns's first
	 * task (vtid 1 there) - setns(CLONE_NEWPID) then fork, as nsenter
	 * --pid and container runtimes' exec do.
	 */
	if (cns && pns && cns != pns && clvl >= 0 && c->vtid[clvl] != 1)
		c->entered = true;
}

static void on_dump_level(struct nsprof *p, const bt_field *f, uint64_t ts, bool state)
{
	int64_t tid, v, lvl = -1, vtid = -1;
	uint64_t inum = 0;
	struct task *t;

	if (!get_int(f, "tid", &tid))
		return;
	p->have_dump = true;
	if (state)
		p->n_dump++;
	else
		p->n_pidns_ev++;
	t = task_get(p, tid, ts);
	if (t->origin == ORIG_SEEN)
		t->origin = ORIG_DUMP;
	if (state) {
		task_comm(t, get_str(f, "name"));
		if (get_int(f, "pid", &v))
			t->pid = v;
		if (get_int(f, "ppid", &v) && t->ppid < 0)
			t->ppid = v;
	}
	get_int(f, "vtid", &vtid);
	get_uint(f, "ns_inum", &inum);
	if (get_int(f, "ns_level", &lvl)) {
		set_level(t, (int)lvl, inum, vtid);
	} else if (inum) {
		/* A per-task event with the task's own ns and no level (2.8-). */
		if (t->level < 0)
			t->hint_ns = inum;
	}
	if (tid == 0) {
		/* swapper: root ns, not a task we charge. */
		return;
	}
}

static void on_exit_ev(struct nsprof *p, const bt_field *f, uint64_t ts)
{
	int64_t tid;
	struct task *t;

	if (!get_int(f, "tid", &tid))
		return;
	p->n_exit++;
	t = task_get(p, tid, ts);
	task_comm(t, get_str(f, "comm"));
	t->exited = true;
	t->last = ts;
}

static void on_free(struct nsprof *p, const bt_field *f, uint64_t ts)
{
	int64_t tid;
	struct task *t;

	if (!get_int(f, "tid", &tid))
		return;
	p->n_free++;
	t = task_get(p, tid, ts);
	if (!t->exited) {
		t->exited = true;
		t->last = ts;
	}
	g_hash_table_remove(p->live, GINT_TO_POINTER(tid));
}

static int64_t packet_cpu(const bt_event *ev)
{
	const bt_packet *pkt = bt_event_borrow_packet_const(ev);
	int64_t cpu;

	if (pkt && get_int(bt_packet_borrow_context_field_const(pkt), "cpu_id", &cpu))
		return cpu;
	return -1;
}

static void see_time(struct nsprof *p, uint64_t ts)
{
	if (!p->have_begin || ts < p->begin)
		p->begin = ts;
	if (!p->have_end || ts > p->end)
		p->end = ts;
	p->have_begin = p->have_end = true;
}

static bool snap_ns(const bt_clock_snapshot *cs, uint64_t *ns)
{
	int64_t v;

	if (!cs || bt_clock_snapshot_get_ns_from_origin(cs, &v) != BT_CLOCK_SNAPSHOT_GET_NS_FROM_ORIGIN_STATUS_OK)
		return false;
	*ns = (uint64_t)v;
	return true;
}

/* The traced interval, when no event bounds it: the packets' span. */
static void widen_packet_span(struct nsprof *p, uint64_t ts)
{
	if (!p->have_pkt || ts < p->pkt_begin)
		p->pkt_begin = ts;
	if (!p->have_pkt || ts > p->pkt_end)
		p->pkt_end = ts;
	p->have_pkt = true;
}

static void on_message(struct nsprof *p, const bt_message *m)
{
	uint64_t ts;

	switch (bt_message_get_type(m)) {
	case BT_MESSAGE_TYPE_EVENT: {
		const bt_event *ev = bt_message_event_borrow_event_const(m);
		const char *name = bt_event_class_get_name(bt_event_borrow_class_const(ev));
		const bt_field *f = bt_event_borrow_payload_field_const(ev);

		if (!bt_message_event_borrow_stream_class_default_clock_class_const(m)) {
			p->no_clock = true;
			return;
		}
		if (!snap_ns(bt_message_event_borrow_default_clock_snapshot_const(m), &ts))
			return;
		see_time(p, ts);
		p->n_events++;
		if (!name)
			return;
		if (!strcmp(name, "sched_switch"))
			on_switch(p, f, ts, packet_cpu(ev));
		else if (!strcmp(name, "sched_process_fork"))
			on_fork(p, f, ts);
		else if (!strcmp(name, "lttng_statedump_process_state"))
			on_dump_level(p, f, ts, true);
		else if (!strcmp(name, "lttng_statedump_process_pid_ns"))
			on_dump_level(p, f, ts, false);
		else if (!strcmp(name, "sched_process_exit"))
			on_exit_ev(p, f, ts);
		else if (!strcmp(name, "sched_process_free"))
			on_free(p, f, ts);
		break;
	}
	case BT_MESSAGE_TYPE_PACKET_BEGINNING: {
		const bt_stream *s = bt_packet_borrow_stream_const(bt_message_packet_beginning_borrow_packet_const(m));
		const bt_stream_class *sc = bt_stream_borrow_class_const(s);

		if (bt_stream_class_borrow_default_clock_class_const(sc) &&
		    bt_stream_class_packets_have_beginning_default_clock_snapshot(sc) &&
		    snap_ns(bt_message_packet_beginning_borrow_default_clock_snapshot_const(m), &ts)) {
			widen_packet_span(p, ts);
		}
		break;
	}
	case BT_MESSAGE_TYPE_PACKET_END: {
		const bt_stream *s = bt_packet_borrow_stream_const(bt_message_packet_end_borrow_packet_const(m));
		const bt_stream_class *sc = bt_stream_borrow_class_const(s);

		if (bt_stream_class_borrow_default_clock_class_const(sc) &&
		    bt_stream_class_packets_have_end_default_clock_snapshot(sc) &&
		    snap_ns(bt_message_packet_end_borrow_default_clock_snapshot_const(m), &ts)) {
			widen_packet_span(p, ts);
		}
		break;
	}
	case BT_MESSAGE_TYPE_DISCARDED_EVENTS: {
		uint64_t n;

		p->discarded_msgs++;
		if (bt_message_discarded_events_get_count(m, &n) == BT_PROPERTY_AVAILABILITY_AVAILABLE)
			p->discarded += n;
		break;
	}
	case BT_MESSAGE_TYPE_DISCARDED_PACKETS:
		p->discarded_pkts++;
		break;
	default:
		break;
	}
}

/* ------------------------------------------------------------ analysis */

static gint cmp_task_cpu(gconstpointer a, gconstpointer b)
{
	const struct task *x = *(struct task *const *)a, *y = *(struct task *const *)b;

	if (x->cpu != y->cpu)
		return x->cpu < y->cpu ? 1 : -1;
	return x->tid < y->tid ? -1 : x->tid > y->tid;
}

static gint cmp_ns_cpu(gconstpointer a, gconstpointer b)
{
	const struct pidns *x = *(struct pidns *const *)a, *y = *(struct pidns *const *)b;

	if (x->cpu_incl != y->cpu_incl)
		return x->cpu_incl < y->cpu_incl ? 1 : -1;
	return x->inum < y->inum ? -1 : x->inum > y->inum;
}

struct result {
	uint64_t begin, end, dur;
	GPtrArray *roots;		/* top of the tree: level 0, or parent unknown */
	GPtrArray *all;			/* every ns, tree order */
	GPtrArray *unknown;		/* tasks of unknown ns, by CPU */
	uint64_t unknown_cpu;
	uint64_t *unknown_percpu;
	unsigned int n_dump_tasks, n_fork_tasks, n_seen_tasks, n_entered;
	uint64_t idle_total, busy_total;
};

static void walk(struct result *r, struct pidns *n)
{
	guint i;

	g_ptr_array_add(r->all, n);
	g_ptr_array_sort(n->children, cmp_ns_cpu);
	for (i = 0; i < n->children->len; i++)
		walk(r, n->children->pdata[i]);
}

static void analyse(struct nsprof *p, struct result *r)
{
	GHashTableIter hi;
	gpointer k, v;
	guint i;
	unsigned int c;
	int l;

	memset(r, 0, sizeof(*r));
	r->roots = g_ptr_array_new();
	r->all = g_ptr_array_new();
	r->unknown = g_ptr_array_new();
	/*
	 * From the first event: packets open when the buffers are created,
	 * which can be long before the session really starts recording.
	 */
	r->begin = p->have_begin ? p->begin : p->pkt_begin;
	r->end = p->have_pkt && p->pkt_end > p->end ? p->pkt_end : p->end;
	r->dur = r->end > r->begin ? r->end - r->begin : 0;

	/* Close each CPU's last slice at the end of the trace. */
	for (c = 0; c < p->ncpus; c++)
		if (p->cpus[c].known)
			charge(p, c, p->cpus[c].tid, p->cpus[c].since, r->end);
	for (c = 0; c < p->ncpus; c++) {
		r->idle_total += p->idle[c];
		r->busy_total += p->busy[c];
	}

	/* Each task's own ns; threads without info take their leader's. */
	for (i = 0; i < p->tasks->len; i++) {
		struct task *t = p->tasks->pdata[i];

		if (t->level >= 0 && t->chain[t->level]) {
			t->ns = t->chain[t->level];
			t->ns_level = t->level;
		}
	}
	for (i = 0; i < p->tasks->len; i++) {
		struct task *t = p->tasks->pdata[i], *lead;

		if (t->ns || t->pid < 0 || t->pid == t->tid)
			continue;
		lead = g_hash_table_lookup(p->live, GINT_TO_POINTER(t->pid));
		if (lead && lead->ns) {
			memcpy(t->chain, lead->chain, sizeof(t->chain));
			t->level = lead->level;
			t->ns = lead->ns;
			t->ns_level = lead->ns_level;
		}
	}
	for (i = 0; i < p->tasks->len; i++) {
		struct task *t = p->tasks->pdata[i];

		if (!t->ns && t->hint_ns)
			t->ns = t->hint_ns;	/* level from the ns, if known */
	}

	/* Namespaces, their levels and parents, from every task's chain. */
	for (i = 0; i < p->tasks->len; i++) {
		struct task *t = p->tasks->pdata[i];

		for (l = 0; l <= t->level; l++) {
			struct pidns *n;

			if (!t->chain[l])
				continue;
			n = ns_get(p, t->chain[l]);
			n->level = l;
			if (l > 0 && t->chain[l - 1] && t->chain[l - 1] != n->inum)
				n->parent = t->chain[l - 1];
		}
	}
	for (i = 0; i < p->tasks->len; i++) {
		struct task *t = p->tasks->pdata[i];
		struct pidns *n;

		if (t->tid == 0 && t->origin != ORIG_FORK)
			continue;	/* swapper from the statedump: idle */
		switch (t->origin) {
		case ORIG_DUMP: r->n_dump_tasks++; break;
		case ORIG_FORK: r->n_fork_tasks++; break;
		default: r->n_seen_tasks++; break;
		}
		if (t->entered)
			r->n_entered++;
		if (!t->ns) {
			g_ptr_array_add(r->unknown, t);
			continue;
		}
		n = ns_get(p, t->ns);
		if (t->ns_level < 0)
			t->ns_level = n->level;
		g_ptr_array_add(n->members, t);
		n->cpu += t->cpu;
		if (!n->percpu)
			n->percpu = g_new0(uint64_t, p->ncpus ? p->ncpus : 1);
		for (c = 0; c < t->npercpu && c < p->ncpus; c++)
			n->percpu[c] += t->percpu[c];
		if (t->ns_level >= 0 && t->vtid[t->ns_level] == 1 &&
		    (!n->init || n->init->first > t->first))
			n->init = t;
		n->first = n->members->len == 1 ? t->first : MIN(n->first, t->first);
		n->last = MAX(n->last, t->last);
	}

	/* Inclusive sums, tree links. */
	g_hash_table_iter_init(&hi, p->nss);
	while (g_hash_table_iter_next(&hi, &k, &v)) {
		struct pidns *n = v;

		n->percpu_incl = g_new0(uint64_t, p->ncpus ? p->ncpus : 1);
		if (!n->percpu)
			n->percpu = g_new0(uint64_t, p->ncpus ? p->ncpus : 1);
		g_ptr_array_sort(n->members, cmp_task_cpu);
	}
	g_hash_table_iter_init(&hi, p->nss);
	while (g_hash_table_iter_next(&hi, &k, &v)) {
		struct pidns *n = v, *a = n;
		int guard = 0;

		while (a && guard++ <= MAXLVL) {
			a->cpu_incl += n->cpu;
			a->ntasks_incl += n->members->len;
			for (c = 0; c < p->ncpus; c++)
				a->percpu_incl[c] += n->percpu[c];
			a = a->parent ? g_hash_table_lookup(p->nss, &a->parent) : NULL;
		}
		if (n->parent && g_hash_table_lookup(p->nss, &n->parent))
			g_ptr_array_add(((struct pidns *)g_hash_table_lookup(p->nss, &n->parent))->children, n);
		else
			g_ptr_array_add(r->roots, n);
	}
	g_ptr_array_sort(r->roots, cmp_ns_cpu);
	for (i = 0; i < r->roots->len; i++)
		walk(r, r->roots->pdata[i]);

	g_ptr_array_sort(r->unknown, cmp_task_cpu);
	r->unknown_percpu = g_new0(uint64_t, p->ncpus ? p->ncpus : 1);
	for (i = 0; i < r->unknown->len; i++) {
		struct task *t = r->unknown->pdata[i];

		r->unknown_cpu += t->cpu;
		for (c = 0; c < t->npercpu; c++)
			r->unknown_percpu[c] += t->percpu[c];
	}
}

/* ------------------------------------------------------------ output */

static double pct(uint64_t x, uint64_t dur)
{
	return dur ? 100.0 * (double)x / (double)dur : 0.0;
}

static double sec(uint64_t ns)
{
	return (double)ns / 1e9;
}

static void json_str(FILE *o, const char *s)
{
	fputc('"', o);
	for (; s && *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '"' || ch == '\\')
			fprintf(o, "\\%c", ch);
		else if (ch < 0x20)
			fprintf(o, "\\u%04x", ch);
		else
			fputc(ch, o);
	}
	fputc('"', o);
}

static void json_percpu(FILE *o, const uint64_t *a, unsigned int n, unsigned int ncpus)
{
	unsigned int c;

	fputc('[', o);
	for (c = 0; c < ncpus; c++)
		fprintf(o, "%s%" PRIu64, c ? ", " : "", a && c < n ? a[c] : 0);
	fputc(']', o);
}

static void json_task(FILE *o, const struct task *t, const struct result *r, unsigned int ncpus)
{
	int l;

	fprintf(o, "{\"tid\": %" PRId64 ", \"pid\": %" PRId64 ", \"comm\": ", t->tid, t->pid);
	json_str(o, t->comm);
	fprintf(o, ", \"vtid\": %" PRId64 ", \"vtids\": [",
		t->ns_level >= 0 ? t->vtid[t->ns_level] : -1);
	for (l = 0; l <= t->level; l++)
		fprintf(o, "%s%" PRId64, l ? ", " : "", t->vtid[l]);
	fprintf(o, "], \"ns_chain\": [");
	for (l = 0; l <= t->level; l++)
		fprintf(o, "%s%" PRIu64, l ? ", " : "", t->chain[l]);
	fprintf(o, "], \"origin\": \"%s\", \"entered_by_setns\": %s, \"exited\": %s, "
		"\"first_seen_ns\": %" PRIu64 ", \"last_seen_ns\": %" PRIu64 ", "
		"\"cpu_ns\": %" PRIu64 ", \"share\": %.6f, \"percpu_ns\": ",
		origin_name[t->origin], t->entered ? "true" : "false",
		t->exited ? "true" : "false", t->first, t->last, t->cpu,
		pct(t->cpu, r->dur) / 100.0);
	json_percpu(o, t->percpu, t->npercpu, ncpus);
	fputc('}', o);
}

static void out_json(struct nsprof *p, struct result *r)
{
	FILE *o = p->out;
	unsigned int c;
	guint i, j;

	fprintf(o, "{\n \"trace\": {\"begin_ns\": %" PRIu64 ", \"end_ns\": %" PRIu64
		", \"duration_ns\": %" PRIu64 ", \"cpus\": %u, \"events\": %" PRIu64
		", \"discarded_events\": %" PRIu64 ", \"discarded_packets\": %" PRIu64
		", \"statedump\": %s, \"idle_ns\": ",
		r->begin, r->end, r->dur, p->ncpus, p->n_events, p->discarded,
		p->discarded_pkts, p->have_dump ? "true" : "false");
	json_percpu(o, p->idle, p->ncpus, p->ncpus);
	fprintf(o, ", \"busy_ns\": ");
	json_percpu(o, p->busy, p->ncpus, p->ncpus);
	fprintf(o, ",\n  \"tasks_statedump\": %u, \"tasks_forked\": %u, \"tasks_only_seen\": %u"
		", \"tasks_entered_by_setns\": %u, \"first_slice_unknown_start_ns\": %" PRIu64 "},\n",
		r->n_dump_tasks, r->n_fork_tasks, r->n_seen_tasks, r->n_entered,
		p->unaccounted_before);
	fprintf(o, " \"namespaces\": [");
	for (i = 0; i < r->all->len; i++) {
		struct pidns *n = r->all->pdata[i];

		fprintf(o, "%s\n  {\"inum\": %" PRIu64 ", \"level\": %d, \"parent\": %" PRIu64
			", \"init\": ", i ? "," : "", n->inum, n->level, n->parent);
		if (n->init) {
			fprintf(o, "{\"comm\": ");
			json_str(o, n->init->comm);
			fprintf(o, ", \"tid\": %" PRId64 ", \"pid\": %" PRId64 ", \"vtid\": 1}",
				n->init->tid, n->init->pid);
		} else {
			fprintf(o, "null");
		}
		fprintf(o, ", \"tasks\": %u, \"tasks_incl\": %u, \"first_seen_ns\": %" PRIu64
			", \"last_seen_ns\": %" PRIu64 ", \"cpu_ns\": %" PRIu64
			", \"share\": %.6f, \"cpu_ns_incl\": %" PRIu64 ", \"share_incl\": %.6f"
			", \"percpu_ns\": ",
			n->members->len, n->ntasks_incl, n->first, n->last, n->cpu,
			pct(n->cpu, r->dur) / 100.0, n->cpu_incl, pct(n->cpu_incl, r->dur) / 100.0);
		json_percpu(o, n->percpu, p->ncpus, p->ncpus);
		fprintf(o, ", \"percpu_ns_incl\": ");
		json_percpu(o, n->percpu_incl, p->ncpus, p->ncpus);
		fprintf(o, ",\n   \"members\": [");
		for (j = 0; j < n->members->len; j++) {
			fprintf(o, "%s\n    ", j ? "," : "");
			json_task(o, n->members->pdata[j], r, p->ncpus);
		}
		fprintf(o, "]}");
	}
	fprintf(o, "],\n \"unknown\": {\"tasks\": %u, \"cpu_ns\": %" PRIu64 ", \"share\": %.6f, \"percpu_ns\": ",
		r->unknown->len, r->unknown_cpu, pct(r->unknown_cpu, r->dur) / 100.0);
	json_percpu(o, r->unknown_percpu, p->ncpus, p->ncpus);
	fprintf(o, ", \"members\": [");
	for (j = 0; j < r->unknown->len; j++) {
		fprintf(o, "%s\n    ", j ? "," : "");
		json_task(o, r->unknown->pdata[j], r, p->ncpus);
	}
	fprintf(o, "]}\n}\n");
	(void)c;
}

static void csv_percpu(FILE *o, const uint64_t *a, unsigned int n, unsigned int ncpus)
{
	unsigned int c;

	for (c = 0; c < ncpus; c++)
		fprintf(o, ",%" PRIu64, a && c < n ? a[c] : 0);
	fputc('\n', o);
}

static void csv_str(FILE *o, const char *s)
{
	fputc('"', o);
	for (; s && *s; s++) {
		if (*s == '"')
			fputc('"', o);
		fputc(*s, o);
	}
	fputc('"', o);
}

static void csv_task(FILE *o, const struct task *t, const struct result *r, unsigned int ncpus)
{
	fprintf(o, "task,%" PRIu64 ",%d,,%" PRId64 ",%" PRId64 ",%" PRId64 ",",
		t->ns, t->ns_level, t->tid, t->pid,
		t->ns_level >= 0 ? t->vtid[t->ns_level] : -1);
	csv_str(o, t->comm);
	fprintf(o, ",%s,%d,%" PRIu64 ",%" PRIu64 ",,%" PRIu64 ",%.6f,,",
		origin_name[t->origin], t->entered, t->first, t->last, t->cpu,
		pct(t->cpu, r->dur) / 100.0);
	csv_percpu(o, t->percpu, t->npercpu, ncpus);
}

/*
 * One table: a "trace" row, then per namespace an "ns" row followed by
 * its "task" rows; tasks of unknown namespace last (ns_inum 0).
 */
static void out_csv(struct nsprof *p, struct result *r)
{
	FILE *o = p->out;
	unsigned int c;
	guint i, j;

	fprintf(o, "kind,ns_inum,level,parent_inum,tid,pid,vtid,comm,origin,entered_by_setns,"
		"first_seen_ns,last_seen_ns,tasks,cpu_ns,share,cpu_ns_incl,share_incl");
	for (c = 0; c < p->ncpus; c++)
		fprintf(o, ",cpu%u_ns", c);
	fputc('\n', o);
	fprintf(o, "trace,,,,,,,,,,%" PRIu64 ",%" PRIu64 ",%u,%" PRIu64 ",%.6f,,",
		r->begin, r->end, r->n_dump_tasks + r->n_fork_tasks + r->n_seen_tasks,
		r->busy_total, pct(r->busy_total, r->dur) / 100.0);
	csv_percpu(o, p->busy, p->ncpus, p->ncpus);
	for (i = 0; i < r->all->len; i++) {
		struct pidns *n = r->all->pdata[i];

		fprintf(o, "ns,%" PRIu64 ",%d,%" PRIu64 ",%" PRId64 ",%" PRId64 ",%s,",
			n->inum, n->level, n->parent, n->init ? n->init->tid : -1,
			n->init ? n->init->pid : -1, n->init ? "1" : "");
		csv_str(o, n->init ? n->init->comm : "");
		fprintf(o, ",,,%" PRIu64 ",%" PRIu64 ",%u,%" PRIu64 ",%.6f,%" PRIu64 ",%.6f",
			n->first, n->last, n->members->len, n->cpu, pct(n->cpu, r->dur) / 100.0,
			n->cpu_incl, pct(n->cpu_incl, r->dur) / 100.0);
		csv_percpu(o, n->percpu, p->ncpus, p->ncpus);
		for (j = 0; j < n->members->len; j++)
			csv_task(o, n->members->pdata[j], r, p->ncpus);
	}
	for (j = 0; j < r->unknown->len; j++)
		csv_task(o, r->unknown->pdata[j], r, p->ncpus);
}

static void text_ns(struct nsprof *p, struct result *r, struct pidns *n, GString *indent, bool last)
{
	FILE *o = p->out;
	guint i, shown;
	GString *sub;

	fprintf(o, "%s%s", indent->str, n->level == 0 && !n->parent ? "" : (last ? "`- " : "|- "));
	fprintf(o, "pidns %" PRIu64 "  level %s%d%s", n->inum,
		n->level < 0 ? "?" : "", n->level < 0 ? 0 : n->level,
		n->level == 0 ? " (root)" : "");
	if (n->init)
		fprintf(o, "  init \"%s\" (tid %" PRId64 ", vtid 1)", n->init->comm, n->init->tid);
	else
		fprintf(o, "  init not seen");
	if (n->level > 0 && !n->parent)
		fprintf(o, "  [parent unknown]");
	fputc('\n', o);

	sub = g_string_new(indent->str);
	if (!(n->level == 0 && !n->parent))
		g_string_append(sub, last ? "   " : "|  ");
	fprintf(o, "%s%s  CPU own %6.2f%% (%.3f s), with nested %6.2f%%; %u task%s, %u with nested; seen %.3f..%.3f s\n",
		sub->str, n->children->len ? "|" : " ",
		pct(n->cpu, r->dur), sec(n->cpu), pct(n->cpu_incl, r->dur),
		n->members->len, n->members->len == 1 ? "" : "s", n->ntasks_incl,
		sec(n->first - r->begin), sec(n->last - r->begin));
	shown = 0;
	for (i = 0; i < n->members->len && shown < (guint)p->top; i++) {
		struct task *t = n->members->pdata[i];

		if (!t->cpu && i > 0)
			break;
		fprintf(o, "%s%s    %-16s tid %-7" PRId64 " vtid %-6" PRId64 " %6.2f%%  %s%s%s\n",
			sub->str, n->children->len ? "|" : " ", t->comm, t->tid,
			t->ns_level >= 0 ? t->vtid[t->ns_level] : -1, pct(t->cpu, r->dur),
			origin_name[t->origin], t->entered ? ", entered by setns" : "",
			t->exited ? ", exited" : "");
		shown++;
	}
	if (n->members->len > shown)
		fprintf(o, "%s%s    (%u more task%s, %.2f%% together)\n", sub->str,
			n->children->len ? "|" : " ", n->members->len - shown,
			n->members->len - shown == 1 ? "" : "s", ({
				uint64_t rest = 0;
				for (i = shown; i < n->members->len; i++)
					rest += ((struct task *)n->members->pdata[i])->cpu;
				pct(rest, r->dur); }));
	for (i = 0; i < n->children->len; i++)
		text_ns(p, r, n->children->pdata[i], sub, i + 1 == n->children->len);
	g_string_free(sub, TRUE);
}

static void out_text(struct nsprof *p, struct result *r)
{
	FILE *o = p->out;
	GString *indent = g_string_new("");
	unsigned int c;
	guint i;
	bool wide = p->ncpus > 8;

	fprintf(o, "nsprof: %.3f s traced on %u CPU%s, %" PRIu64 " events; busy %.2f%% of one CPU, idle %.2f%%\n",
		sec(r->dur), p->ncpus, p->ncpus == 1 ? "" : "s", p->n_events,
		pct(r->busy_total, r->dur), pct(r->idle_total, r->dur));
	fprintf(o, "tasks: %u from the statedump, %u forked while tracing (%u entered a namespace by setns), %u only seen running\n",
		r->n_dump_tasks, r->n_fork_tasks, r->n_entered, r->n_seen_tasks);
	fprintf(o, "CPU shares are %% of one CPU over the traced interval; \"own\" counts a namespace's own tasks, \"with nested\" adds its descendants.\n\n");

	fprintf(o, "PID NAMESPACE TREE\n");
	for (i = 0; i < r->roots->len; i++)
		text_ns(p, r, r->roots->pdata[i], indent, i + 1 == r->roots->len);
	if (r->unknown->len)
		fprintf(o, "?  %u task%s of unknown namespace: %.2f%% (%.3f s)\n",
			r->unknown->len, r->unknown->len == 1 ? "" : "s",
			pct(r->unknown_cpu, r->dur), sec(r->unknown_cpu));

	fprintf(o, "\nCPU TABLE (%% of one CPU over %.3f s)\n", sec(r->dur));
	fprintf(o, "%-12s %-5s %-16s %6s %8s %8s %9s", "pidns", "level", "init", "tasks",
		"own %", "own s", "nested %");
	if (!wide)
		for (c = 0; c < p->ncpus; c++)
			fprintf(o, " %7s%u", "cpu", c);
	fputc('\n', o);
	for (i = 0; i < r->all->len; i++) {
		struct pidns *n = r->all->pdata[i];

		fprintf(o, "%-12" PRIu64 " %-5d %-16s %6u %8.2f %8.3f %9.2f", n->inum, n->level,
			n->init ? n->init->comm : "?", n->members->len, pct(n->cpu, r->dur),
			sec(n->cpu), pct(n->cpu_incl, r->dur));
		if (!wide)
			for (c = 0; c < p->ncpus; c++)
				fprintf(o, " %8.2f", pct(n->percpu[c], r->dur));
		fputc('\n', o);
	}
	if (r->unknown->len) {
		fprintf(o, "%-12s %-5s %-16s %6u %8.2f %8.3f %9s", "unknown", "-", "-",
			r->unknown->len, pct(r->unknown_cpu, r->dur), sec(r->unknown_cpu), "-");
		if (!wide)
			for (c = 0; c < p->ncpus; c++)
				fprintf(o, " %8.2f", pct(r->unknown_percpu[c], r->dur));
		fputc('\n', o);
	}
	fprintf(o, "%-12s %-5s %-16s %6s %8.2f %8.3f %9s", "idle", "-", "swapper", "-",
		pct(r->idle_total, r->dur), sec(r->idle_total), "-");
	if (!wide)
		for (c = 0; c < p->ncpus; c++)
			fprintf(o, " %8.2f", pct(p->idle[c], r->dur));
	fputc('\n', o);
	if (wide)
		fprintf(o, "(per-CPU columns omitted for %u CPUs: use format=\"csv\" or \"json\")\n", p->ncpus);

	/* What the trace could not tell. */
	fprintf(o, "\nLIMITS\n");
	if (!p->n_switch)
		fprintf(o, "- no sched_switch event: no CPU time at all (enable sched_switch)\n");
	if (!p->have_dump)
		fprintf(o, "- no statedump (lttng_statedump_process_state): tasks that existed before tracing have no namespace unless they forked\n");
	if (r->unknown->len)
		fprintf(o, "- %u task%s of unknown namespace (%.2f%% CPU): neither in the statedump nor forked while tracing\n",
			r->unknown->len, r->unknown->len == 1 ? "" : "s", pct(r->unknown_cpu, r->dur));
	if (p->discarded || p->discarded_pkts)
		fprintf(o, "- %" PRIu64 " events and %" PRIu64 " packets were lost: CPU time around the gaps may be charged to the wrong task\n",
			p->discarded, p->discarded_pkts);
	if (p->cpu_id_missing)
		fprintf(o, "- some sched_switch events had no packet context cpu_id: ignored\n");
	if (p->no_clock)
		fprintf(o, "- some events had no clock: ignored\n");
	if (p->unaccounted_before)
		fprintf(o, "- %.3f s before each CPU's first sched_switch was charged to the task that was then switched out (it ran from some time before it)\n",
			sec(p->unaccounted_before));
	fprintf(o, "- CPU time is from sched_switch: interrupts are charged to the task they interrupted\n");
	g_string_free(indent, TRUE);
}

/* ------------------------------------------------------------ component */

static void nsprof_free(struct nsprof *p)
{
	guint i;

	if (!p)
		return;
	for (i = 0; p->tasks && i < p->tasks->len; i++) {
		struct task *t = p->tasks->pdata[i];

		g_free(t->percpu);
		g_free(t);
	}
	if (p->tasks)
		g_ptr_array_free(p->tasks, TRUE);
	if (p->live)
		g_hash_table_destroy(p->live);
	if (p->nss) {
		GHashTableIter hi;
		gpointer k, v;

		g_hash_table_iter_init(&hi, p->nss);
		while (g_hash_table_iter_next(&hi, &k, &v)) {
			struct pidns *n = v;

			g_ptr_array_free(n->members, TRUE);
			g_ptr_array_free(n->children, TRUE);
			g_free(n->percpu);
			g_free(n->percpu_incl);
			g_free(n);
		}
		g_hash_table_destroy(p->nss);
	}
	g_free(p->cpus);
	g_free(p->idle);
	g_free(p->busy);
	g_free(p->out_path);
	bt_message_iterator_put_ref(p->it);
	g_free(p);
}

static void report(struct nsprof *p)
{
	struct result r;

	analyse(p, &r);
	p->out = stdout;
	if (p->out_path) {
		p->out = fopen(p->out_path, "w");
		if (!p->out) {
			fprintf(stderr, "nsprof: cannot write %s\n", p->out_path);
			p->out = stdout;
		}
	}
	if (p->fmt == FMT_JSON)
		out_json(p, &r);
	else if (p->fmt == FMT_CSV)
		out_csv(p, &r);
	else
		out_text(p, &r);
	fflush(p->out);
	if (p->out != stdout)
		fclose(p->out);
	g_ptr_array_free(r.roots, TRUE);
	g_ptr_array_free(r.all, TRUE);
	g_ptr_array_free(r.unknown, TRUE);
	g_free(r.unknown_percpu);
}

static bt_component_class_initialize_method_status
nsprof_init(bt_self_component_sink *self, bt_self_component_sink_configuration *conf,
	    const bt_value *params, void *data)
{
	struct nsprof *p = g_new0(struct nsprof, 1);
	const bt_value *v;

	(void)conf;
	(void)data;
	p->top = 5;
	p->fmt = FMT_TEXT;
	p->live = g_hash_table_new(g_direct_hash, g_direct_equal);
	p->tasks = g_ptr_array_new();
	p->nss = g_hash_table_new(g_int64_hash, g_int64_equal);
	if (params && bt_value_is_map(params)) {
		v = bt_value_map_borrow_entry_value_const(params, "format");
		if (v) {
			const char *s = bt_value_is_string(v) ? bt_value_string_get(v) : "";

			if (!strcmp(s, "json"))
				p->fmt = FMT_JSON;
			else if (!strcmp(s, "csv"))
				p->fmt = FMT_CSV;
			else if (!strcmp(s, "text"))
				p->fmt = FMT_TEXT;
			else {
				BT_CURRENT_THREAD_ERROR_APPEND_CAUSE_FROM_COMPONENT(
					bt_self_component_sink_as_self_component(self),
					"format must be \"text\", \"json\" or \"csv\"");
				nsprof_free(p);
				return BT_COMPONENT_CLASS_INITIALIZE_METHOD_STATUS_ERROR;
			}
		}
		v = bt_value_map_borrow_entry_value_const(params, "top");
		if (v && bt_value_is_signed_integer(v))
			p->top = (int)bt_value_integer_signed_get(v);
		else if (v && bt_value_is_unsigned_integer(v))
			p->top = (int)bt_value_integer_unsigned_get(v);
		v = bt_value_map_borrow_entry_value_const(params, "path");
		if (v && bt_value_is_string(v))
			p->out_path = g_strdup(bt_value_string_get(v));
	}
	if (bt_self_component_sink_add_input_port(self, "in", NULL, NULL) !=
	    BT_SELF_COMPONENT_ADD_PORT_STATUS_OK) {
		nsprof_free(p);
		return BT_COMPONENT_CLASS_INITIALIZE_METHOD_STATUS_MEMORY_ERROR;
	}
	bt_self_component_set_data(bt_self_component_sink_as_self_component(self), p);
	return BT_COMPONENT_CLASS_INITIALIZE_METHOD_STATUS_OK;
}

static void nsprof_finalize(bt_self_component_sink *self)
{
	nsprof_free(bt_self_component_get_data(bt_self_component_sink_as_self_component(self)));
}

/*
 * Both message interchange protocols: babeltrace2 2.1's src.ctf.fs offers
 * only MIP 1 for a CTF 2 trace (what lttng-tools 2.15+ records by
 * default), and everything read here (names, integers, strings, clock
 * snapshots in ns from origin) means the same under both.  2.0 has MIP 0
 * only and takes the intersection.
 */
static bt_component_class_get_supported_mip_versions_method_status
nsprof_mip_versions(bt_self_component_class_sink *cls, const bt_value *params,
		    void *init_data, bt_logging_level level,
		    bt_integer_range_set_unsigned *versions)
{
	(void)cls; (void)params; (void)init_data; (void)level;
	if (bt_integer_range_set_unsigned_add_range(versions, 0, 1) !=
	    BT_INTEGER_RANGE_SET_ADD_RANGE_STATUS_OK)
		return BT_COMPONENT_CLASS_GET_SUPPORTED_MIP_VERSIONS_METHOD_STATUS_MEMORY_ERROR;
	return BT_COMPONENT_CLASS_GET_SUPPORTED_MIP_VERSIONS_METHOD_STATUS_OK;
}

static bt_component_class_sink_graph_is_configured_method_status
nsprof_configured(bt_self_component_sink *self)
{
	struct nsprof *p = bt_self_component_get_data(bt_self_component_sink_as_self_component(self));
	bt_self_component_port_input *in = bt_self_component_sink_borrow_input_port_by_index(self, 0);

	if (bt_message_iterator_create_from_sink_component(self, in, &p->it) !=
	    BT_MESSAGE_ITERATOR_CREATE_FROM_SINK_COMPONENT_STATUS_OK)
		return BT_COMPONENT_CLASS_SINK_GRAPH_IS_CONFIGURED_METHOD_STATUS_ERROR;
	return BT_COMPONENT_CLASS_SINK_GRAPH_IS_CONFIGURED_METHOD_STATUS_OK;
}

static bt_component_class_sink_consume_method_status nsprof_consume(bt_self_component_sink *self)
{
	struct nsprof *p = bt_self_component_get_data(bt_self_component_sink_as_self_component(self));
	bt_message_array_const msgs;
	uint64_t n, i;

	switch (bt_message_iterator_next(p->it, &msgs, &n)) {
	case BT_MESSAGE_ITERATOR_NEXT_STATUS_OK:
		break;
	case BT_MESSAGE_ITERATOR_NEXT_STATUS_END:
		report(p);
		bt_message_iterator_put_ref(p->it);
		p->it = NULL;
		return BT_COMPONENT_CLASS_SINK_CONSUME_METHOD_STATUS_END;
	case BT_MESSAGE_ITERATOR_NEXT_STATUS_AGAIN:
		return BT_COMPONENT_CLASS_SINK_CONSUME_METHOD_STATUS_AGAIN;
	case BT_MESSAGE_ITERATOR_NEXT_STATUS_MEMORY_ERROR:
		return BT_COMPONENT_CLASS_SINK_CONSUME_METHOD_STATUS_MEMORY_ERROR;
	default:
		return BT_COMPONENT_CLASS_SINK_CONSUME_METHOD_STATUS_ERROR;
	}
	for (i = 0; i < n; i++) {
		on_message(p, msgs[i]);
		bt_message_put_ref(msgs[i]);
	}
	return BT_COMPONENT_CLASS_SINK_CONSUME_METHOD_STATUS_OK;
}

BT_PLUGIN_MODULE();
BT_PLUGIN(nsprof);
BT_PLUGIN_DESCRIPTION("CPU time per pid namespace (container) from LTTng kernel traces");
BT_PLUGIN_AUTHOR("lttng-modules-ns");
BT_PLUGIN_LICENSE("GPL-2.0");
BT_PLUGIN_SINK_COMPONENT_CLASS(containers, nsprof_consume);
BT_PLUGIN_SINK_COMPONENT_CLASS_DESCRIPTION(containers,
	"Pid-namespace tree and CPU time per namespace, per CPU and per task "
	"(params: format=\"text\"|\"json\"|\"csv\", top=N, path=\"FILE\")");
BT_PLUGIN_SINK_COMPONENT_CLASS_INITIALIZE_METHOD(containers, nsprof_init);
BT_PLUGIN_SINK_COMPONENT_CLASS_FINALIZE_METHOD(containers, nsprof_finalize);
BT_PLUGIN_SINK_COMPONENT_CLASS_GRAPH_IS_CONFIGURED_METHOD(containers, nsprof_configured);
BT_PLUGIN_SINK_COMPONENT_CLASS_GET_SUPPORTED_MIP_VERSIONS_METHOD(containers, nsprof_mip_versions);
