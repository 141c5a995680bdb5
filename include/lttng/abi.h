/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The ioctl interface lttng-tools 2.13 to 2.16 speak to the kernel tracer
 * (what each version sends, and what we answer: doc/tools.md).
 * The numbers and layouts are fixed by the tools (see doc and the spec);
 * the names are ours.  Every structure is packed as the tools lay it out.
 */
#ifndef LTTNG_ABI_H
#define LTTNG_ABI_H

#include <linux/types.h>
#include <linux/ioctl.h>

/*
 * What TRACER_VERSION and ABI_VERSION report (doc/tools.md): the tools
 * turn features on by these numbers, so they claim what we implement and
 * no more.  Tracer 2.13.9: 2.13 to 2.15 allow
 * rotation from tracer minor 11, and the trace's env names the 2.13
 * event layouts.  ABI 2.5 passes the tools' gates for packet sequence
 * numbers (2.1), sample positions (2.3) and, in 2.16, rotation (2.4); we
 * have star globs (2.3), session names (2.4), id trackers and clear (2.5).
 * Not 2.6: we have no event notifiers, and at 2.6 the tools would accept
 * kernel triggers they cannot install; not 2.8, the extensible counters
 * of 2.16's map channels.  FLUSH_OR_POPULATE_PACKET (upstream's 2.7) is
 * implemented, but no tools version looks at the minor for it: the
 * consumer just tries it.
 */
#define LTTNG_ABI_TRACER_MAJOR		2
#define LTTNG_ABI_TRACER_MINOR		13
#define LTTNG_ABI_TRACER_PATCHLEVEL	9
#define LTTNG_ABI_MAJOR			2
#define LTTNG_ABI_MINOR			5

#define LTTNG_ABI_NAME_LEN		256

struct lttng_abi_tracer_version {
	u32 major, minor, patchlevel;
} __packed;

struct lttng_abi_abi_version {
	u32 major, minor;
} __packed;

enum lttng_abi_output {
	LTTNG_ABI_OUTPUT_SPLICE = 0,
	LTTNG_ABI_OUTPUT_MMAP = 1,
};

struct lttng_abi_channel {
	u64 subbuf_size;
	u64 num_subbuf;
	u32 switch_timer_us;
	u32 read_timer_us;
	u32 output;
	s32 overwrite;
	char padding[288];	/* carries tools' own padding: never checked */
} __packed;

enum lttng_abi_instrumentation {
	LTTNG_ABI_TRACEPOINT = 0,
	LTTNG_ABI_KPROBE = 1,
	LTTNG_ABI_FUNCTION = 2,
	LTTNG_ABI_KRETPROBE = 3,
	LTTNG_ABI_NOOP = 4,
	LTTNG_ABI_SYSCALL = 5,
	LTTNG_ABI_UPROBE = 6,
};

/* struct lttng_abi_event's u.syscall.entryexit */
enum lttng_abi_syscall_entryexit {
	LTTNG_ABI_SYSCALL_ENTRYEXIT = 0,
	LTTNG_ABI_SYSCALL_ENTRY = 1,
	LTTNG_ABI_SYSCALL_EXIT = 2,
};

struct lttng_abi_event {
	char name[LTTNG_ABI_NAME_LEN];
	u32 instrumentation;
	u64 token;
	char padding[8];
	union {
		char raw[288];
		struct {
			u8 entryexit, abi, match, padding;
			u32 nr;
		} __packed syscall;
	} u;
} __packed;

struct lttng_abi_context {
	u32 ctx;
	char padding[16];
	char u[288];
} __packed;

enum lttng_abi_tracker_type {
	LTTNG_TRACKER_PID = 0,
	LTTNG_TRACKER_VPID = 1,
	LTTNG_TRACKER_UID = 2,
	LTTNG_TRACKER_VUID = 3,
	LTTNG_TRACKER_GID = 4,
	LTTNG_TRACKER_VGID = 5,
	LTTNG_TRACKER_NR
};

struct lttng_abi_tracker_args {
	u32 type;
	s32 id;
};

enum lttng_abi_context_type {
	LTTNG_CTX_PID = 0, LTTNG_CTX_PERF_COUNTER = 1, LTTNG_CTX_PROCNAME = 2,
	LTTNG_CTX_PRIO = 3, LTTNG_CTX_NICE = 4, LTTNG_CTX_VPID = 5,
	LTTNG_CTX_TID = 6, LTTNG_CTX_VTID = 7, LTTNG_CTX_PPID = 8,
	LTTNG_CTX_VPPID = 9, LTTNG_CTX_HOSTNAME = 10, LTTNG_CTX_CPU_ID = 11,
	LTTNG_CTX_INTERRUPTIBLE = 12, LTTNG_CTX_PREEMPTIBLE = 13,
	LTTNG_CTX_NEED_RESCHEDULE = 14, LTTNG_CTX_MIGRATABLE = 15,
	LTTNG_CTX_CALLSTACK_KERNEL = 16, LTTNG_CTX_CALLSTACK_USER = 17,
	LTTNG_CTX_CGROUP_NS = 18, LTTNG_CTX_IPC_NS = 19, LTTNG_CTX_MNT_NS = 20,
	LTTNG_CTX_NET_NS = 21, LTTNG_CTX_PID_NS = 22, LTTNG_CTX_USER_NS = 23,
	LTTNG_CTX_UTS_NS = 24, LTTNG_CTX_UID = 25, LTTNG_CTX_EUID = 26,
	LTTNG_CTX_SUID = 27, LTTNG_CTX_GID = 28, LTTNG_CTX_EGID = 29,
	LTTNG_CTX_SGID = 30, LTTNG_CTX_VUID = 31, LTTNG_CTX_VEUID = 32,
	LTTNG_CTX_VSUID = 33, LTTNG_CTX_VGID = 34, LTTNG_CTX_VEGID = 35,
	LTTNG_CTX_VSGID = 36, LTTNG_CTX_TIME_NS = 37,
	LTTNG_CTX_NR
};

/* SESSION_SET_OUTPUT_FORMAT's argument: the trace's metadata format. */
enum lttng_abi_output_format {
	LTTNG_ABI_OUTPUT_FORMAT_CTF_1_8 = 1,
	LTTNG_ABI_OUTPUT_FORMAT_CTF_2 = 2,
};

#define LTTNG_ABI_MAGIC		0xF6

/* /proc/lttng */
#define LTTNG_IOC_SESSION		_IO(LTTNG_ABI_MAGIC, 0x45)
#define LTTNG_IOC_TRACER_VERSION	\
	_IOR(LTTNG_ABI_MAGIC, 0x46, struct lttng_abi_tracer_version)
#define LTTNG_IOC_TRACEPOINT_LIST	_IO(LTTNG_ABI_MAGIC, 0x47)
#define LTTNG_IOC_WAIT_QUIESCENT	_IO(LTTNG_ABI_MAGIC, 0x48)
#define LTTNG_IOC_SYSCALL_LIST		_IO(LTTNG_ABI_MAGIC, 0x4A)
#define LTTNG_IOC_ABI_VERSION		\
	_IOR(LTTNG_ABI_MAGIC, 0x4B, struct lttng_abi_abi_version)
#define LTTNG_IOC_EVENT_NOTIFIER_GROUP	_IO(LTTNG_ABI_MAGIC, 0x4C)

/* session fd */
#define LTTNG_IOC_METADATA		\
	_IOW(LTTNG_ABI_MAGIC, 0x54, struct lttng_abi_channel)
#define LTTNG_IOC_CHANNEL		\
	_IOW(LTTNG_ABI_MAGIC, 0x55, struct lttng_abi_channel)
#define LTTNG_IOC_SESSION_START		_IO(LTTNG_ABI_MAGIC, 0x56)
#define LTTNG_IOC_SESSION_STOP		_IO(LTTNG_ABI_MAGIC, 0x57)
#define LTTNG_IOC_TRACK_PID		_IOW(LTTNG_ABI_MAGIC, 0x58, s32)
#define LTTNG_IOC_UNTRACK_PID		_IOW(LTTNG_ABI_MAGIC, 0x59, s32)
#define LTTNG_IOC_TRACK_PID_R		_IOR(LTTNG_ABI_MAGIC, 0x58, s32)
#define LTTNG_IOC_UNTRACK_PID_R		_IOR(LTTNG_ABI_MAGIC, 0x59, s32)
#define LTTNG_IOC_LIST_TRACKER_PIDS	_IO(LTTNG_ABI_MAGIC, 0x58)
#define LTTNG_IOC_METADATA_REGEN	_IO(LTTNG_ABI_MAGIC, 0x59)
#define LTTNG_IOC_STATEDUMP		_IO(LTTNG_ABI_MAGIC, 0x5C)
#define LTTNG_IOC_SET_NAME		\
	_IOW(LTTNG_ABI_MAGIC, 0x5D, char[LTTNG_ABI_NAME_LEN])
#define LTTNG_IOC_SET_NAME_R		\
	_IOR(LTTNG_ABI_MAGIC, 0x5D, char[LTTNG_ABI_NAME_LEN])
#define LTTNG_IOC_SET_CREATION_TIME	_IOW(LTTNG_ABI_MAGIC, 0x5E, char[26])
#define LTTNG_IOC_SET_CREATION_TIME_R	_IOR(LTTNG_ABI_MAGIC, 0x5E, char[26])
/* The format is the argument itself (lttng-tools 2.15+), not a pointer. */
#define LTTNG_IOC_SESSION_SET_OUTPUT_FORMAT	_IOW(LTTNG_ABI_MAGIC, 0x5F, u32)
#define LTTNG_IOC_LIST_TRACKER_IDS	\
	_IOW(LTTNG_ABI_MAGIC, 0xA0, struct lttng_abi_tracker_args)
#define LTTNG_IOC_TRACK_ID		\
	_IOW(LTTNG_ABI_MAGIC, 0xA1, struct lttng_abi_tracker_args)
#define LTTNG_IOC_UNTRACK_ID		\
	_IOW(LTTNG_ABI_MAGIC, 0xA2, struct lttng_abi_tracker_args)
#define LTTNG_IOC_LIST_TRACKER_IDS_R	\
	_IOR(LTTNG_ABI_MAGIC, 0xA0, struct lttng_abi_tracker_args)
#define LTTNG_IOC_TRACK_ID_R		\
	_IOR(LTTNG_ABI_MAGIC, 0xA1, struct lttng_abi_tracker_args)
#define LTTNG_IOC_UNTRACK_ID_R		\
	_IOR(LTTNG_ABI_MAGIC, 0xA2, struct lttng_abi_tracker_args)

/* channel fd */
#define LTTNG_IOC_STREAM		_IO(LTTNG_ABI_MAGIC, 0x62)
#define LTTNG_IOC_EVENT			\
	_IOW(LTTNG_ABI_MAGIC, 0x63, struct lttng_abi_event)
#define LTTNG_IOC_SYSCALL_MASK		_IOWR(LTTNG_ABI_MAGIC, 0x64, u32)
#define LTTNG_IOC_CONTEXT		\
	_IOW(LTTNG_ABI_MAGIC, 0x71, struct lttng_abi_context)

/* session, channel, event fds */
#define LTTNG_IOC_ENABLE		_IO(LTTNG_ABI_MAGIC, 0x82)
#define LTTNG_IOC_DISABLE		_IO(LTTNG_ABI_MAGIC, 0x83)
#define LTTNG_IOC_FILTER		_IO(LTTNG_ABI_MAGIC, 0x90)
#define LTTNG_IOC_ADD_CALLSITE		_IO(LTTNG_ABI_MAGIC, 0x91)

/*
 * FLUSH_OR_POPULATE_PACKET (lttng-tools 2.14+ consumer, snapshots): the
 * caller gives a buffer of at least the stream's sub-buffer size; the
 * tracer flushes, and if nothing was written since the last packet it
 * writes an empty packet there instead (packet_populated), of
 * packet_length bytes, packet_length_padded with the padding.
 */
struct lttng_abi_flush_or_populate {
	u64 packet;			/* in: user pointer */
	u64 packet_length;		/* out */
	u64 packet_length_padded;	/* out */
	u8 flush_done;			/* out */
	u8 packet_populated;		/* out */
} __packed;

/* stream fds (ring buffer) */
#define LTTNG_RB_IOC_SNAPSHOT			_IO(LTTNG_ABI_MAGIC, 0x00)
#define LTTNG_RB_IOC_SNAPSHOT_GET_CONSUMED	\
	_IOR(LTTNG_ABI_MAGIC, 0x01, unsigned long)
#define LTTNG_RB_IOC_SNAPSHOT_GET_PRODUCED	\
	_IOR(LTTNG_ABI_MAGIC, 0x02, unsigned long)
#define LTTNG_RB_IOC_GET_SUBBUF		_IOW(LTTNG_ABI_MAGIC, 0x03, unsigned long)
#define LTTNG_RB_IOC_PUT_SUBBUF		_IO(LTTNG_ABI_MAGIC, 0x04)
#define LTTNG_RB_IOC_GET_NEXT_SUBBUF	_IO(LTTNG_ABI_MAGIC, 0x05)
#define LTTNG_RB_IOC_PUT_NEXT_SUBBUF	_IO(LTTNG_ABI_MAGIC, 0x06)
#define LTTNG_RB_IOC_GET_SUBBUF_SIZE	_IOR(LTTNG_ABI_MAGIC, 0x07, unsigned long)
#define LTTNG_RB_IOC_GET_PADDED_SUBBUF_SIZE \
	_IOR(LTTNG_ABI_MAGIC, 0x08, unsigned long)
#define LTTNG_RB_IOC_GET_MAX_SUBBUF_SIZE \
	_IOR(LTTNG_ABI_MAGIC, 0x09, unsigned long)
#define LTTNG_RB_IOC_GET_MMAP_LEN	_IOR(LTTNG_ABI_MAGIC, 0x0A, unsigned long)
#define LTTNG_RB_IOC_GET_MMAP_READ_OFFSET \
	_IOR(LTTNG_ABI_MAGIC, 0x0B, unsigned long)
#define LTTNG_RB_IOC_FLUSH		_IO(LTTNG_ABI_MAGIC, 0x0C)
#define LTTNG_RB_IOC_GET_METADATA_VERSION _IOR(LTTNG_ABI_MAGIC, 0x0D, u64)
#define LTTNG_RB_IOC_SAMPLE_POSITIONS	_IO(LTTNG_ABI_MAGIC, 0x0E)
#define LTTNG_RB_IOC_FLUSH_EMPTY	_IO(LTTNG_ABI_MAGIC, 0x0F)
#define LTTNG_RB_IOC_METADATA_CACHE_DUMP _IO(LTTNG_ABI_MAGIC, 0x10)
#define LTTNG_RB_IOC_CLEAR		_IO(LTTNG_ABI_MAGIC, 0x11)
#define LTTNG_RB_IOC_GET_NEXT_SUBBUF_METADATA_CHECK \
	_IOR(LTTNG_ABI_MAGIC, 0x12, u32)
#define LTTNG_RB_IOC_FLUSH_OR_POPULATE_PACKET \
	_IOWR(LTTNG_ABI_MAGIC, 0x13, struct lttng_abi_flush_or_populate)
#define LTTNG_RB_IOC_TIMESTAMP_BEGIN	_IOR(LTTNG_ABI_MAGIC, 0x20, u64)
#define LTTNG_RB_IOC_TIMESTAMP_END	_IOR(LTTNG_ABI_MAGIC, 0x21, u64)
#define LTTNG_RB_IOC_EVENTS_DISCARDED	_IOR(LTTNG_ABI_MAGIC, 0x22, u64)
#define LTTNG_RB_IOC_CONTENT_SIZE	_IOR(LTTNG_ABI_MAGIC, 0x23, u64)
#define LTTNG_RB_IOC_PACKET_SIZE	_IOR(LTTNG_ABI_MAGIC, 0x24, u64)
#define LTTNG_RB_IOC_STREAM_ID		_IOR(LTTNG_ABI_MAGIC, 0x25, u64)
#define LTTNG_RB_IOC_CURRENT_TIMESTAMP	_IOR(LTTNG_ABI_MAGIC, 0x26, u64)
#define LTTNG_RB_IOC_SEQ_NUM		_IOR(LTTNG_ABI_MAGIC, 0x27, u64)
#define LTTNG_RB_IOC_INSTANCE_ID	_IOR(LTTNG_ABI_MAGIC, 0x28, u64)

#endif
