/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The statedump events: what existed when a session started (or when
 * "lttng regenerate statedump" asked again), in the layout of
 * doc: namespace-events.md section 2.  No kernel tracepoint fires them:
 * lttng-statedump-impl.c does, through the attach/detach hooks it
 * exports (which is also what makes lttng-probe-statedump depend on it).
 *
 * Every event has the same probe prototype (session, item, index): the
 * walker takes a snapshot of each task first (struct lttng_sd_task, under
 * the locks each value needs) and the probes only copy from it, so that
 * no probe takes a lock or reads a task that may be changing.  "index"
 * picks the namespace level for the per-level events.  A session only
 * records the dump it asked for: every probe drops calls for another
 * session.
 *
 * The first part (the snapshot types) is read once; the rest several
 * times by probes/lttng-probe-gen.h.  lttng-statedump-impl.c defines
 * LTTNG_STATEDUMP_TYPES_ONLY to get only the first part.
 */
#ifndef LTTNG_STATEDUMP_EVENT_TYPES_H
#define LTTNG_STATEDUMP_EVENT_TYPES_H

#include <linux/types.h>
#include <linux/sched.h>
#include <wrapper/ns.h>
#include <wrapper/statedump-sys.h>

struct lttng_session;

/*
 * Pid namespaces nest at most 32 deep under the initial one (33 levels);
 * user namespaces one more.  The walker stops filling at these sizes.
 */
#define LTTNG_SD_PID_LEVELS	33
#define LTTNG_SD_USER_LEVELS	34

struct lttng_sd_pid_level {
	pid_t vtid, vpid, vppid;
	int level;
	unsigned int inum;
};

struct lttng_sd_user_level {
	uid_t vuid;
	gid_t vgid;
	int level;
	unsigned int inum;
};

/* One thread, as the walker saw it.  Levels are deepest first. */
struct lttng_sd_task {
	pid_t tid, pid, ppid;
	char comm[TASK_COMM_LEN];
	int type, mode, submode, status;
	unsigned int cpu;
	unsigned long files;
	bool has_ns;		/* false: exiting, namespaces already gone */
	unsigned int nr_pid_levels;	/* >= 1; all fields 0 if !has_ns */
	unsigned int nr_user_levels;
	unsigned int cgroup_inum, ipc_inum, mnt_inum, net_inum, uts_inum;
	unsigned int time_inum;
	struct lttng_sd_pid_level pid_lv[LTTNG_SD_PID_LEVELS];
	struct lttng_sd_user_level user_lv[LTTNG_SD_USER_LEVELS];
};

struct lttng_sd_fd {
	unsigned long files;
	int fd;
	unsigned int flags;
	unsigned int fmode;
	const char *path;
};

struct lttng_sd_netif {
	const char *name;
	__be32 addr;
};

/* One action of an interrupt; the strings are the kernel's own. */
struct lttng_sd_irq {
	unsigned int irq;
	const char *chip;
	const char *action;
	pid_t tid;		/* its irq thread, 0 if none */
};

struct lttng_sd_blkdev {
	dev_t dev;
	const char *name;
};

/* What one call of a statedump probe is about; unused members NULL. */
struct lttng_sd_item {
	const struct lttng_sd_task *task;
	const struct lttng_sd_fd *fd;
	const struct lttng_sd_netif *netif;
	const struct lttng_sd_irq *irq;
	const struct lttng_sd_blkdev *blkdev;
	const struct lttng_sd_cpu *cpu;
};

typedef void (*lttng_sd_probe_t)(void *data, struct lttng_session *session,
				 const struct lttng_sd_item *it,
				 unsigned int idx);

/* The internal-event hooks, exported by lttng-statedump. */
int lttng_statedump_attach(void *probe, void *data);
int lttng_statedump_detach(void *probe, void *data);

#define LTTNG_SD_PROTO							\
	struct lttng_session *session, const struct lttng_sd_item *it,	\
	unsigned int idx
#define LTTNG_SD_ARGS		session, it, idx

/*
 * A statedump event: the common prototype, and a guard that only lets
 * the session that asked for this dump record it.  Expands to whatever
 * the generator's current pass makes of the two macros.
 */
#define LTTNG_SD_EVENT(name, fields)					\
	LTTNG_EVENT_CLASS_CODE(name, PROTO(LTTNG_SD_PROTO),		\
		ARGS(LTTNG_SD_ARGS), LOCALS(),				\
		CODE(if (__ev->chan->session != session) return;),	\
		FIELDS(fields))						\
	LTTNG_EVENT_INSTANCE_INTERNAL(name, name, lttng_statedump_attach, \
				      lttng_statedump_detach)

/* A per-task namespace event of the 2.12 layout: the tid and the inode. */
#define LTTNG_SD_NS_EVENT(kind)						\
	LTTNG_SD_EVENT(lttng_statedump_process_##kind##_ns,		\
		FIELDS(							\
			f_int(pid_t, tid, it->task->tid)		\
			f_int(unsigned int, ns_inum, it->task->kind##_inum) \
		))

#define LTTNG_SD_PID(f)		(it->task->pid_lv[idx].f)
#define LTTNG_SD_USER(f)	(it->task->user_lv[idx].f)

#endif /* LTTNG_STATEDUMP_EVENT_TYPES_H */

#ifndef LTTNG_STATEDUMP_TYPES_ONLY

LTTNG_SD_EVENT(lttng_statedump_start, FIELDS())

LTTNG_SD_EVENT(lttng_statedump_end, FIELDS())

/* One per pid-namespace level of the thread, deepest first. */
LTTNG_SD_EVENT(lttng_statedump_process_state,
	FIELDS(
		f_int(pid_t, tid, it->task->tid)
		f_int(pid_t, vtid, LTTNG_SD_PID(vtid))
		f_int(pid_t, pid, it->task->pid)
		f_int(pid_t, vpid, LTTNG_SD_PID(vpid))
		f_int(pid_t, ppid, it->task->ppid)
		f_int(pid_t, vppid, LTTNG_SD_PID(vppid))
		f_text(name, it->task->comm, TASK_COMM_LEN)
		f_int(int, type, it->task->type)
		f_int(int, mode, it->task->mode)
		f_int(int, submode, it->task->submode)
		f_int(int, status, it->task->status)
		f_int(int, ns_level, LTTNG_SD_PID(level))
		f_int(unsigned int, ns_inum, LTTNG_SD_PID(inum))
		f_int(unsigned int, cpu, it->task->cpu)
		f_hex(unsigned long, file_table_address, it->task->files)
	)
)

LTTNG_SD_EVENT(lttng_statedump_process_pid_ns,
	FIELDS(
		f_int(pid_t, tid, it->task->tid)
		f_int(pid_t, vtid, LTTNG_SD_PID(vtid))
		f_int(pid_t, vpid, LTTNG_SD_PID(vpid))
		f_int(pid_t, vppid, LTTNG_SD_PID(vppid))
		f_int(int, ns_level, LTTNG_SD_PID(level))
		f_int(unsigned int, ns_inum, LTTNG_SD_PID(inum))
	)
)

LTTNG_SD_EVENT(lttng_statedump_process_user_ns,
	FIELDS(
		f_int(pid_t, tid, it->task->tid)
		f_int(uid_t, vuid, LTTNG_SD_USER(vuid))
		f_int(gid_t, vgid, LTTNG_SD_USER(vgid))
		f_int(int, ns_level, LTTNG_SD_USER(level))
		f_int(unsigned int, ns_inum, LTTNG_SD_USER(inum))
	)
)

#ifdef LTTNG_NS_CGROUP
LTTNG_SD_NS_EVENT(cgroup)
#endif

LTTNG_SD_NS_EVENT(ipc)
LTTNG_SD_NS_EVENT(mnt)
LTTNG_SD_NS_EVENT(net)
LTTNG_SD_NS_EVENT(uts)

#ifdef LTTNG_NS_TIME
LTTNG_SD_NS_EVENT(time)
#endif

/* flags are the file's f_flags, O_CLOEXEC included; upstream shows them in octal. */
LTTNG_SD_EVENT(lttng_statedump_file_descriptor,
	FIELDS(
		f_hex(unsigned long, file_table_address, it->fd->files)
		f_int(int, fd, it->fd->fd)
		f_oct(unsigned int, flags, it->fd->flags)
		f_hex(unsigned int, fmode, it->fd->fmode)
		f_string(filename, it->fd->path)
	)
)

/* One per IPv4 address of each interface of the initial network namespace. */
LTTNG_SD_EVENT(lttng_statedump_network_interface,
	FIELDS(
		f_string(name, it->netif->name)
		f_hex_net(uint32_t, address_ipv4, (__force uint32_t)it->netif->addr)
	)
)

#ifdef LTTNG_SD_BLOCK_DEVICE
/* Each disk and partition with sectors; dev in the kernel's encoding. */
LTTNG_SD_EVENT(lttng_statedump_block_device,
	FIELDS(
		f_int(dev_t, dev, it->blkdev->dev)
		f_string(diskname, it->blkdev->name)
	)
)
#endif

#ifdef LTTNG_SD_INTERRUPT
/* One per action of each interrupt; name is the irq chip's. */
LTTNG_SD_EVENT(lttng_statedump_interrupt,
	FIELDS(
		f_int(unsigned int, irq, it->irq->irq)
		f_string(name, it->irq->chip)
		f_string(action, it->irq->action)
		f_int(pid_t, tid, it->irq->tid)
	)
)
#endif

#ifdef LTTNG_SD_CPU_TOPOLOGY
/* One per online CPU, with the values /proc/cpuinfo shows. */
LTTNG_SD_EVENT(lttng_statedump_cpu_topology,
	FIELDS(
		f_string(architecture, "x86")
		f_int(uint16_t, cpu_id, it->cpu->id)
		f_string(vendor, it->cpu->vendor)
		f_int(uint8_t, family, it->cpu->family)
		f_int(uint8_t, model, it->cpu->model)
		f_string(model_name, it->cpu->model_name)
		f_int(uint16_t, physical_id, it->cpu->physical_id)
		f_int(uint16_t, core_id, it->cpu->core_id)
		f_int(uint16_t, cores, it->cpu->cores)
	)
)
#endif

#endif /* !LTTNG_STATEDUMP_TYPES_ONLY */
