// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-statedump: what exists when a session starts.  The core calls our
 * run() at each session start and on "lttng regenerate statedump" (with
 * lttng_lock held, the session active); we record, into that session
 * only, lttng_statedump_start, every thread with its namespaces (one
 * process_state and one pid_ns event per pid-namespace level, deepest
 * first, then its user_ns chain and other namespaces), its open files,
 * then, as upstream does, the interrupts, the network interfaces, the
 * block devices and the CPUs, and lttng_statedump_end.  Layouts and
 * order: doc: namespace-events.md section 2.  Interrupts, block devices
 * and CPUs are reached without kallsyms (wrapper/statedump-sys.h) and
 * left out on kernels where that cannot be done safely.
 *
 * The events have no kernel tracepoint: lttng-probe-statedump describes
 * them and the core binds them through lttng_statedump_attach/detach
 * below, which keep (probe, event) pairs on an RCU list that our firing
 * walks like a tracepoint would.
 *
 * The task walk must hold up neither the scheduler nor RCU, whatever the
 * number of tasks, and must survive tasks exiting, forking or changing
 * namespaces under it.  So it goes by thread id through the initial pid
 * namespace, takes references on a small batch of tasks under RCU, leaves
 * RCU and handles each task in process context (where it may sleep),
 * rescheduling between tasks.  Each task is first copied into a snapshot,
 * each value under the lock that guards it; the probes only read the
 * snapshot.  Tasks created behind the cursor are missed, as in any
 * statedump: the trace has their sched_process_fork.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/list.h>
#include <linux/rculist.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/cred.h>
#include <linux/pid.h>
#include <linux/pid_namespace.h>
#include <linux/user_namespace.h>
#include <linux/uidgid.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/fdtable.h>
#include <linux/namei.h>
#include <linux/path.h>
#include <linux/dcache.h>
#include <linux/magic.h>
#include <linux/netdevice.h>
#include <linux/inetdevice.h>
#include <linux/tracepoint.h>
#include <net/net_namespace.h>
#include <lttng/events.h>
#include <lttng/statedump.h>
#include <wrapper/ns.h>
#include <wrapper/pid-ns.h>
#include <wrapper/statedump.h>
#include <wrapper/statedump-sys.h>
#include <wrapper/trace-protos.h>

#define LTTNG_STATEDUMP_TYPES_ONLY
#include <instrumentation/events/lttng-statedump.h>

/* The events we fire, as lttng-probe-statedump names them. */
enum sd_event {
	SD_START,
	SD_END,
	SD_PROCESS_STATE,
	SD_PID_NS,
	SD_USER_NS,
	SD_CGROUP_NS,
	SD_IPC_NS,
	SD_MNT_NS,
	SD_NET_NS,
	SD_UTS_NS,
	SD_TIME_NS,
	SD_FD,
	SD_NETIF,
	SD_INTERRUPT,
	SD_BLOCK_DEVICE,
	SD_CPU_TOPOLOGY,
	SD_NR_EVENTS
};

static const char * const sd_event_names[SD_NR_EVENTS] = {
	[SD_START] = "lttng_statedump_start",
	[SD_END] = "lttng_statedump_end",
	[SD_PROCESS_STATE] = "lttng_statedump_process_state",
	[SD_PID_NS] = "lttng_statedump_process_pid_ns",
	[SD_USER_NS] = "lttng_statedump_process_user_ns",
	[SD_CGROUP_NS] = "lttng_statedump_process_cgroup_ns",
	[SD_IPC_NS] = "lttng_statedump_process_ipc_ns",
	[SD_MNT_NS] = "lttng_statedump_process_mnt_ns",
	[SD_NET_NS] = "lttng_statedump_process_net_ns",
	[SD_UTS_NS] = "lttng_statedump_process_uts_ns",
	[SD_TIME_NS] = "lttng_statedump_process_time_ns",
	[SD_FD] = "lttng_statedump_file_descriptor",
	[SD_NETIF] = "lttng_statedump_network_interface",
	[SD_INTERRUPT] = "lttng_statedump_interrupt",
	[SD_BLOCK_DEVICE] = "lttng_statedump_block_device",
	[SD_CPU_TOPOLOGY] = "lttng_statedump_cpu_topology",
};

/* Values of process_state's type, mode and status (upstream's). */
enum {
	SD_USER_THREAD = 0,
	SD_KERNEL_THREAD = 1,
};
#define SD_MODE_UNKNOWN		5
#define SD_SUBMODE_NONE		0
enum {
	SD_UNNAMED = 0,
	SD_WAIT_FORK = 1,
	SD_WAIT_CPU = 2,
	SD_EXIT = 3,
	SD_ZOMBIE = 4,
	SD_WAIT = 5,
	SD_RUN = 6,
	SD_DEAD = 7,
};

/* Tasks referenced at once: bounds both the RCU section and the array. */
#define SD_BATCH	64

/* ---- Binding events to the walker ---- */

struct sd_binding {
	struct list_head node;
	lttng_sd_probe_t probe;
	void *data;			/* struct lttng_event * */
	enum sd_event event;
};

/* Writers hold the mutex (and the core's lock); firing takes RCU-sched. */
static LIST_HEAD(sd_bindings);
static DEFINE_MUTEX(sd_bindings_lock);

static int sd_event_index(const struct lttng_event *ev)
{
	int i;

	for (i = 0; i < SD_NR_EVENTS; i++)
		if (!strcmp(ev->desc->name, sd_event_names[i]))
			return i;
	return -ENOENT;
}

/* Same contract as tracepoint_probe_register(): -EEXIST on a duplicate. */
int lttng_statedump_attach(void *probe, void *data)
{
	struct sd_binding *b, *it;
	int idx = sd_event_index(data);
	int ret = 0;

	if (idx < 0)
		return idx;
	b = kmalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return -ENOMEM;
	b->probe = probe;
	b->data = data;
	b->event = idx;
	mutex_lock(&sd_bindings_lock);
	list_for_each_entry(it, &sd_bindings, node) {
		if (it->probe == b->probe && it->data == data) {
			ret = -EEXIST;
			break;
		}
	}
	if (!ret)
		list_add_tail_rcu(&b->node, &sd_bindings);
	mutex_unlock(&sd_bindings_lock);
	if (ret)
		kfree(b);
	return ret;
}
EXPORT_SYMBOL_GPL(lttng_statedump_attach);

/* Returns once no firing can still be calling probe with data. */
int lttng_statedump_detach(void *probe, void *data)
{
	struct sd_binding *b, *found = NULL;

	mutex_lock(&sd_bindings_lock);
	list_for_each_entry(b, &sd_bindings, node) {
		if (b->probe == probe && b->data == data) {
			found = b;
			list_del_rcu(&b->node);
			break;
		}
	}
	mutex_unlock(&sd_bindings_lock);
	if (!found)
		return -ENOENT;
	/* Our firing is an RCU-sched reader, like a tracepoint's. */
	tracepoint_synchronize_unregister();
	kfree(found);
	return 0;
}
EXPORT_SYMBOL_GPL(lttng_statedump_detach);

/*
 * Preemption stays disabled around each probe, as in a tracepoint: the
 * record path writes to this CPU's buffer.  Probes drop other sessions.
 */
static void sd_fire(struct lttng_session *session, enum sd_event e,
		    const struct lttng_sd_item *it, unsigned int idx)
{
	struct sd_binding *b;

	rcu_read_lock_sched_notrace();
	list_for_each_entry_rcu(b, &sd_bindings, node)
		if (b->event == e)
			b->probe(b->data, session, it, idx);
	rcu_read_unlock_sched_notrace();
}

/*
 * Which events this session has: a session without statedump events
 * costs no walk, and costly parts (mount namespaces, files) are skipped
 * when unwanted.  Bindings only change under the core's lock, held here.
 */
static unsigned long sd_wanted(struct lttng_session *session)
{
	unsigned long mask = 0;
	struct sd_binding *b;

	rcu_read_lock();
	list_for_each_entry_rcu(b, &sd_bindings, node) {
		const struct lttng_event *ev = b->data;

		if (ev->chan->session == session)
			mask |= BIT(b->event);
	}
	rcu_read_unlock();
	return mask;
}

/* ---- One run ---- */

struct sd_ctx {
	struct lttng_session *session;
	unsigned long wanted;
	/*
	 * Mount namespaces: where struct ns_common sits in the kernel's
	 * private struct mnt_namespace (wrapper/ns.h), or -1, and then the
	 * procfs at "/proc" for sessiond, to look each one up instead.
	 */
	long mnt_ns_off;
	bool have_proc;
	struct path proc;
	struct pid_namespace *proc_ns;
	/* File descriptors: the table being walked, a d_path buffer. */
	struct files_struct *files, *last_files;
	char *page;
	struct task_struct *batch[SD_BATCH];
	struct lttng_sd_task st;
};

static bool sd_wants(const struct sd_ctx *c, enum sd_event e)
{
	return c->wanted & BIT(e);
}

/*
 * Walks every thread, calling fn(c, t) with a reference on t, in process
 * context and without locks.
 */
static void sd_for_each_task(struct sd_ctx *c,
			     void (*fn)(struct sd_ctx *, struct task_struct *))
{
	bool done = false;
	int nr = 1;

	while (!done) {
		unsigned int n = 0, i;

		rcu_read_lock();
		while (n < SD_BATCH) {
			struct pid *pid = lttng_pid_next(&init_pid_ns, &nr);
			struct task_struct *t;

			if (!pid) {
				done = true;
				break;
			}
			nr++;
			t = pid_task(pid, PIDTYPE_PID);
			if (t) {
				get_task_struct(t);
				c->batch[n++] = t;
			}
		}
		rcu_read_unlock();
		for (i = 0; i < n; i++) {
			fn(c, c->batch[i]);
			put_task_struct(c->batch[i]);
			cond_resched();
		}
		/* A sessiond being killed need not wait for the rest. */
		if (fatal_signal_pending(current))
			break;
	}
}

static int sd_task_status(struct task_struct *t)
{
	long state;

	if (t->exit_state & EXIT_ZOMBIE)
		return SD_ZOMBIE;
	if (t->exit_state & EXIT_DEAD)
		return SD_DEAD;
	state = lttng_task_state(t);
	if (state == TASK_RUNNING)
		/*
		 * Running or waiting for a CPU: the viewer tells which from
		 * the scheduling events.  A task that never ran yet is a
		 * fork the scheduler has not picked up.
		 */
		return t->se.sum_exec_runtime ? SD_WAIT_CPU : SD_WAIT_FORK;
	if (state & (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE))
		return SD_WAIT;
	return SD_UNNAMED;
}

/*
 * Every pid-namespace level of t, deepest first, from t's own struct pid
 * (the numbers are its tid at each level).  vppid is 0 where the parent
 * is not visible.  Caller holds rcu_read_lock().
 */
static unsigned int sd_pid_levels(struct task_struct *t,
				  struct task_struct *parent,
				  struct lttng_sd_pid_level *lv)
{
	struct pid *pid = task_pid(t);
	unsigned int n = 0;
	int level;

	if (!pid)
		return 0;
	for (level = pid->level; level >= 0 && n < LTTNG_SD_PID_LEVELS;
	     level--) {
		struct pid_namespace *ns = pid->numbers[level].ns;

		lv[n].vtid = pid->numbers[level].nr;
		lv[n].vpid = task_tgid_nr_ns(t, ns);
		lv[n].vppid = parent ? task_tgid_nr_ns(parent, ns) : 0;
		lv[n].level = level;
		lv[n].inum = lttng_pid_ns_inum(ns);
		n++;
	}
	return n;
}

/* The user-namespace chain of t's credentials, deepest first. */
static unsigned int sd_user_levels(struct task_struct *t,
				   struct lttng_sd_user_level *lv)
{
	const struct cred *cred;
	struct user_namespace *uns;
	unsigned int n = 0, depth = 0;

	rcu_read_lock();
	cred = __task_cred(t);
	/* Levels count from the initial namespace: measure the chain first. */
	for (uns = cred->user_ns; uns->parent; uns = uns->parent)
		depth++;
	for (uns = cred->user_ns; uns && n < LTTNG_SD_USER_LEVELS;
	     uns = uns->parent) {
		lv[n].vuid = from_kuid_munged(uns, cred->uid);
		lv[n].vgid = from_kgid_munged(uns, cred->gid);
		lv[n].level = depth - n;
		lv[n].inum = lttng_ns_inum(uns);
		n++;
	}
	rcu_read_unlock();
	return n;
}

/*
 * Where the ns_common offset cannot be measured (no nsfs before 3.19):
 * struct mnt_namespace is private to fs/, whose headers distributions do
 * not ship.  Ask the kernel instead, the way user space does: the inode
 * of /proc/TGID/task/TID/ns/mnt is the namespace's number.  The numbers
 * are those of the procfs we resolved at the start (its own pid
 * namespace); a task it does not show gets 0.
 */
static void sd_proc_open(struct sd_ctx *c)
{
	struct super_block *sb;

	if (kern_path("/proc", LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &c->proc))
		return;
	sb = c->proc.dentry->d_sb;
	/* The root of a procfs mount, or a path relative to it is wrong. */
	if (sb->s_magic != PROC_SUPER_MAGIC ||
	    c->proc.dentry != c->proc.mnt->mnt_root) {
		path_put(&c->proc);
		return;
	}
	/* Our path reference pins the super block, which pins its ns. */
	c->proc_ns = lttng_procfs_pid_ns(sb);
	c->have_proc = c->proc_ns != NULL;
	if (!c->have_proc)
		path_put(&c->proc);
}

static void sd_proc_close(struct sd_ctx *c)
{
	if (c->have_proc)
		path_put(&c->proc);
	c->have_proc = false;
}

static unsigned int sd_mnt_inum(struct sd_ctx *c, struct task_struct *t)
{
	char name[64];
	struct file *f;
	unsigned int ino = 0;
	pid_t tid, tgid;

	if (!c->have_proc)
		return 0;
	tid = task_pid_nr_ns(t, c->proc_ns);
	tgid = task_tgid_nr_ns(t, c->proc_ns);
	if (!tid || !tgid)
		return 0;
	snprintf(name, sizeof(name), "%d/task/%d/ns/mnt", tgid, tid);
	/*
	 * O_PATH: resolve (following the namespace link) without opening
	 * the namespace.  The last reference goes when sessiond returns to
	 * user space (fput defers to task work), which costs no more than
	 * a struct file per task until then.
	 */
	f = lttng_file_open_root(&c->proc, name, O_PATH);
	if (IS_ERR(f))
		return 0;
#ifdef NSFS_MAGIC
	/* Since 3.19 namespace files live in nsfs; before, in procfs. */
	if (file_inode(f)->i_sb->s_magic == NSFS_MAGIC)
#endif
		ino = file_inode(f)->i_ino;
	fput(f);
	/*
	 * A number is only reused once its task is released.  If t still
	 * holds its pid, the numbers named t for the whole lookup.
	 */
	if (!pid_alive(t))
		ino = 0;
	return ino;
}

static void sd_snapshot(struct sd_ctx *c, struct task_struct *t)
{
	struct lttng_sd_task *st = &c->st;
	struct task_struct *parent;
	struct nsproxy *nsp;

	st->tid = t->pid;
	st->pid = t->tgid;
	st->type = (t->flags & PF_KTHREAD) ? SD_KERNEL_THREAD : SD_USER_THREAD;
	st->mode = SD_MODE_UNKNOWN;
	st->submode = SD_SUBMODE_NONE;
	st->status = sd_task_status(t);
	st->cpu = task_cpu(t);

	/* Since 3.17, task_lock guards another task's nsproxy. */
	task_lock(t);
	memcpy(st->comm, t->comm, sizeof(st->comm));
	st->comm[sizeof(st->comm) - 1] = '\0';
	st->files = (unsigned long)t->files;
	nsp = t->nsproxy;
	st->has_ns = nsp != NULL;
	st->cgroup_inum = st->ipc_inum = st->net_inum = st->uts_inum = 0;
	st->time_inum = st->mnt_inum = 0;
	if (nsp) {
#ifdef LTTNG_NS_MNT
		if (c->mnt_ns_off >= 0)
			st->mnt_inum = lttng_nsproxy_mnt_ns_inum(nsp,
								 c->mnt_ns_off);
#endif
		st->uts_inum = lttng_ns_inum(nsp->uts_ns);
		st->ipc_inum = lttng_ns_inum(nsp->ipc_ns);
		st->net_inum = lttng_ns_inum(nsp->net_ns);
#ifdef LTTNG_NS_CGROUP
		st->cgroup_inum = lttng_ns_inum(nsp->cgroup_ns);
#endif
#ifdef LTTNG_NS_TIME
		/* The active one, as /proc/PID/ns/time shows it. */
		st->time_inum = lttng_ns_inum(nsp->time_ns);
#endif
	}
	task_unlock(t);

	rcu_read_lock();
	parent = pid_alive(t) ? rcu_dereference(t->real_parent) : NULL;
	st->ppid = parent ? parent->tgid : 0;
	st->nr_pid_levels = st->has_ns ?
		sd_pid_levels(t, parent, st->pid_lv) : 0;
	rcu_read_unlock();
	/* Exiting: one level with every namespace field 0. */
	if (!st->nr_pid_levels) {
		st->has_ns = false;
		memset(&st->pid_lv[0], 0, sizeof(st->pid_lv[0]));
		st->nr_pid_levels = 1;
	}
	st->nr_user_levels = sd_user_levels(t, st->user_lv);

	if (st->has_ns && sd_wants(c, SD_MNT_NS) && c->mnt_ns_off < 0)
		st->mnt_inum = sd_mnt_inum(c, t);
}

static void sd_dump_task(struct sd_ctx *c, struct task_struct *t)
{
	struct lttng_sd_item it = { .task = &c->st };
	struct lttng_session *s = c->session;
	unsigned int i;

	sd_snapshot(c, t);
	for (i = 0; i < c->st.nr_pid_levels; i++)
		sd_fire(s, SD_PROCESS_STATE, &it, i);
	for (i = 0; i < c->st.nr_pid_levels; i++)
		sd_fire(s, SD_PID_NS, &it, i);
	for (i = 0; i < c->st.nr_user_levels; i++)
		sd_fire(s, SD_USER_NS, &it, i);
	if (!c->st.has_ns)
		return;
#ifdef LTTNG_NS_CGROUP
	sd_fire(s, SD_CGROUP_NS, &it, 0);
#endif
	sd_fire(s, SD_IPC_NS, &it, 0);
	sd_fire(s, SD_MNT_NS, &it, 0);
	sd_fire(s, SD_NET_NS, &it, 0);
	sd_fire(s, SD_UTS_NS, &it, 0);
#ifdef LTTNG_NS_TIME
	sd_fire(s, SD_TIME_NS, &it, 0);
#endif
}

/* ---- File descriptors ---- */

/* Under files->file_lock (iterate_fd): nothing here may sleep. */
static int sd_fd_one(const void *arg, struct file *file, unsigned int fd)
{
	struct sd_ctx *c = (struct sd_ctx *)arg;
	struct lttng_sd_fd f = {
		.files = (unsigned long)c->files,
		.fd = fd,
		.flags = file->f_flags,
		.fmode = (__force unsigned int)file->f_mode,
	};
	struct lttng_sd_item it = { .fd = &f };
	char *path;

	if (lttng_close_on_exec(fd, c->files))
		f.flags |= O_CLOEXEC;
	path = d_path(&file->f_path, c->page, PAGE_SIZE);
	f.path = IS_ERR(path) ? "" : path;
	sd_fire(c->session, SD_FD, &it, 0);
	return 0;
}

/*
 * task_lock keeps t->files alive (exit_files() clears it under that lock
 * before dropping its reference): get_files_struct() is not exported.
 * Threads usually share one table; dump it once when they come in a row.
 */
static void sd_dump_fds(struct sd_ctx *c, struct task_struct *t)
{
	task_lock(t);
	c->files = t->files;
	if (c->files && c->files != c->last_files) {
		c->last_files = c->files;
		iterate_fd(c->files, 0, sd_fd_one, c);
	}
	task_unlock(t);
}

/* ---- Network interfaces (initial network namespace) ---- */

static void sd_netif_one(struct sd_ctx *c, const char *name, __be32 addr)
{
	struct lttng_sd_netif n = { .name = name, .addr = addr };
	struct lttng_sd_item it = { .netif = &n };

	sd_fire(c->session, SD_NETIF, &it, 0);
}

/* Up: one event per IPv4 address.  Down: one event, address 0. */
static void sd_dump_netifs(struct sd_ctx *c)
{
	struct net_device *dev;

	rcu_read_lock();
	for_each_netdev_rcu(&init_net, dev) {
		struct in_device *in_dev;
		const struct in_ifaddr *ifa;

		if (!(dev->flags & IFF_UP)) {
			sd_netif_one(c, dev->name, 0);
			continue;
		}
		in_dev = __in_dev_get_rcu(dev);
		if (!in_dev)
			continue;
		lttng_for_each_ifa_rcu(ifa, in_dev)
			sd_netif_one(c, dev->name, ifa->ifa_address);
	}
	rcu_read_unlock();
}

/* ---- Interrupts ---- */

#ifdef LTTNG_SD_INTERRUPT
/*
 * Every action of every interrupt descriptor, by irq number.  Each
 * descriptor is held for the time of its own few events only: RCU keeps
 * it allocated, its raw lock (irqs off) keeps its action list, the
 * actions' names and threads, and its chip in place while the probes copy
 * them.  Nothing here sleeps; we reschedule between descriptors.
 */
static void sd_dump_interrupts(struct sd_ctx *c)
{
	unsigned int irq, nr = lttng_nr_irqs();

	for (irq = 0; irq < nr; irq++) {
		struct lttng_sd_irq si = { .irq = irq };
		struct lttng_sd_item it = { .irq = &si };
		const struct irqaction *action;
		const struct irq_chip *chip;
		struct irq_desc *desc;
		unsigned long flags;

		rcu_read_lock();
		desc = lttng_irq_desc(irq);
		if (desc) {
			raw_spin_lock_irqsave(&desc->lock, flags);
			chip = irq_desc_get_chip(desc);
			si.chip = chip && chip->name ? chip->name :
				"unnamed_irq_chip";
			for (action = desc->action; action;
			     action = action->next) {
				si.action = action->name ? action->name : "";
				si.tid = action->thread ?
					action->thread->pid : 0;
				sd_fire(c->session, SD_INTERRUPT, &it, 0);
			}
			raw_spin_unlock_irqrestore(&desc->lock, flags);
		}
		rcu_read_unlock();
		cond_resched();
	}
}
#else
static void sd_dump_interrupts(struct sd_ctx *c)
{
}
#endif

/* ---- Block devices ---- */

#ifdef LTTNG_SD_BLOCK_DEVICE
/* The block class and the device types of its disks and partitions. */
struct sd_block_types {
	const struct class *cls;
	const struct device_type *disk, *part;
};

/*
 * The block class is not exported, but every registered disk and
 * partition has its block_device (and so its struct device, which names
 * the class and its type) behind an inode of blockdev_superblock.  An
 * inode on the super block's list is not freed while we hold the list
 * lock; the class and types it names are static.
 */
static bool sd_block_types(struct sd_block_types *bt)
{
	struct super_block *sb = blockdev_superblock;
	struct inode *inode;

	memset(bt, 0, sizeof(*bt));
	if (!sb)
		return false;
	spin_lock(&sb->s_inode_list_lock);
	list_for_each_entry(inode, &sb->s_inodes, i_sb_list) {
		struct block_device *bdev;
		const struct class *cls;
		const struct device_type *type;

		spin_lock(&inode->i_lock);
		if (lttng_inode_state(inode) & (I_FREEING | I_WILL_FREE | I_NEW)) {
			spin_unlock(&inode->i_lock);
			continue;
		}
		bdev = I_BDEV(inode);
		/* Set when the disk or partition was added. */
		cls = READ_ONCE(bdev->bd_device.class);
		type = READ_ONCE(bdev->bd_device.type);
		if (cls && type && (!bt->cls || bt->cls == cls)) {
			bt->cls = cls;
			if (bdev_is_partition(bdev))
				bt->part = type;
			else
				bt->disk = type;
		}
		spin_unlock(&inode->i_lock);
		if (bt->disk && bt->part)
			break;
	}
	spin_unlock(&sb->s_inode_list_lock);
	return bt->cls && bt->cls->name && !strcmp(bt->cls->name, "block");
}

/*
 * Every disk and partition, as upstream lists them: not the empty or
 * hidden disks (nor their partitions), not the empty partitions.  The
 * class iterator holds a reference on the current device, which keeps
 * its block_device and (through the partition) its disk; it may sleep.
 */
static void sd_dump_block_devices(struct sd_ctx *c)
{
	struct sd_block_types bt;
	struct class_dev_iter iter;
	struct device *dev;

	if (!sd_block_types(&bt))
		return;
	lttng_class_dev_iter_init(&iter, bt.cls);
	while ((dev = class_dev_iter_next(&iter))) {
		struct block_device *bdev;
		struct gendisk *disk;
		struct lttng_sd_blkdev b;
		struct lttng_sd_item it = { .blkdev = &b };

		/* Only the devices that embed a block_device. */
		if (!dev->type ||
		    (dev->type != bt.disk && dev->type != bt.part))
			continue;
		bdev = dev_to_bdev(dev);
		disk = bdev->bd_disk;
		if (!disk || !get_capacity(disk) ||
		    (disk->flags & GENHD_FL_HIDDEN))
			continue;
		if (bdev_is_partition(bdev) && !bdev_nr_sectors(bdev))
			continue;
		b.dev = bdev->bd_dev;
		b.name = dev_name(dev);
		sd_fire(c->session, SD_BLOCK_DEVICE, &it, 0);
		cond_resched();
	}
	class_dev_iter_exit(&iter);
}
#else
static void sd_dump_block_devices(struct sd_ctx *c)
{
}
#endif

/* ---- CPU topology ---- */

#ifdef LTTNG_SD_CPU_TOPOLOGY
static void sd_dump_cpus(struct sd_ctx *c)
{
	struct lttng_sd_cpu sc;
	struct lttng_sd_item it = { .cpu = &sc };
	int cpu;

	for_each_online_cpu(cpu) {
		lttng_sd_cpu_read(cpu, &sc);
		sd_fire(c->session, SD_CPU_TOPOLOGY, &it, 0);
	}
}
#else
static void sd_dump_cpus(struct sd_ctx *c)
{
}
#endif

/* ---- The hook ---- */

static int sd_run(struct lttng_session *session)
{
	struct lttng_sd_item none = { };
	struct sd_ctx *c;
	unsigned long wanted = sd_wanted(session);

	if (!wanted)
		return 0;
	c = kzalloc(sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	c->session = session;
	c->wanted = wanted;
	if (sd_wants(c, SD_FD)) {
		c->page = (char *)__get_free_page(GFP_KERNEL);
		if (!c->page) {
			kfree(c);
			return -ENOMEM;
		}
	}
	/*
	 * Reading the namespace through the task's nsproxy costs nothing;
	 * a /proc lookup per task (16 us each under TCG) doubled the
	 * statedump's time.  The lookup stays for kernels without nsfs.
	 */
	c->mnt_ns_off = -1;
#ifdef LTTNG_NS_MNT
	if (sd_wants(c, SD_MNT_NS))
		c->mnt_ns_off = lttng_mnt_ns_locate();
#endif
	if (sd_wants(c, SD_MNT_NS) && c->mnt_ns_off < 0)
		sd_proc_open(c);

	sd_fire(session, SD_START, &none, 0);
	sd_for_each_task(c, sd_dump_task);
	if (sd_wants(c, SD_FD))
		sd_for_each_task(c, sd_dump_fds);
	if (sd_wants(c, SD_INTERRUPT))
		sd_dump_interrupts(c);
	if (sd_wants(c, SD_NETIF))
		sd_dump_netifs(c);
	if (sd_wants(c, SD_BLOCK_DEVICE))
		sd_dump_block_devices(c);
	if (sd_wants(c, SD_CPU_TOPOLOGY))
		sd_dump_cpus(c);
	sd_fire(session, SD_END, &none, 0);

	sd_proc_close(c);
	if (c->page)
		free_page((unsigned long)c->page);
	kfree(c);
	return 0;
}

static const struct lttng_statedump_ops sd_ops = {
	.owner = THIS_MODULE,
	.run = sd_run,
};

static int __init lttng_statedump_init(void)
{
	return lttng_statedump_register(&sd_ops);
}
module_init(lttng_statedump_init);

static void __exit lttng_statedump_exit(void)
{
	lttng_statedump_unregister(&sd_ops);
}
module_exit(lttng_statedump_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("lttng-modules-ns developers");
MODULE_DESCRIPTION("LTTng statedump: tasks, namespaces, files, interrupts, interfaces, block devices, CPUs");
