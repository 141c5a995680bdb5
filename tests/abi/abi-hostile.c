// SPDX-License-Identifier: GPL-2.0-only
/*
 * abi-hostile: feeds the tracer's ioctl interface invalid and out-of-order
 * requests and checks that each gets the errno an LTTng user would expect,
 * and nothing else (the VM rig fails the run on any kernel warning).
 * Run as root in the test guest, with the client modules loaded.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#define MAGIC 0xF6

struct channel_arg {
	uint64_t subbuf_size, num_subbuf;
	uint32_t switch_us, read_us, output;
	int32_t overwrite;
	char pad[288];
} __attribute__((packed));

struct event_arg {
	char name[256];
	uint32_t instrumentation;
	uint64_t token;
	char pad[8];
	char u[288];
} __attribute__((packed));

struct context_arg {
	uint32_t ctx;
	char pad[16];
	char u[288];
} __attribute__((packed));

/* FLUSH_OR_POPULATE_PACKET's argument, as lttng-tools 2.14+ lays it out. */
struct flush_populate_arg {
	uint64_t packet, len, padded;
	uint8_t flush_done, populated;
} __attribute__((packed));

#define IOC_SESSION		_IO(MAGIC, 0x45)
#define IOC_TRACER_VERSION	_IOR(MAGIC, 0x46, char[12])
#define IOC_ABI_VERSION		_IOR(MAGIC, 0x4B, uint32_t[2])
/* lttng-tools 2.16's session counters (map channels) and the old ones. */
#define IOC_SESSION_COUNTER	_IOW(MAGIC, 0x85, char[40])
#define IOC_OLD_COUNTER		_IOW(MAGIC, 0x84, char[192])
#define IOC_NOTIFIER_GROUP	_IO(MAGIC, 0x4C)
#define IOC_METADATA		_IOW(MAGIC, 0x54, struct channel_arg)
#define IOC_CHANNEL		_IOW(MAGIC, 0x55, struct channel_arg)
#define IOC_START		_IO(MAGIC, 0x56)
#define IOC_STOP		_IO(MAGIC, 0x57)
#define IOC_SET_NAME		_IOW(MAGIC, 0x5D, char[256])
#define IOC_TRACK_ID		_IOW(MAGIC, 0xA1, char[8])
#define IOC_STREAM		_IO(MAGIC, 0x62)
#define IOC_EVENT		_IOW(MAGIC, 0x63, struct event_arg)
#define IOC_CONTEXT		_IOW(MAGIC, 0x71, struct context_arg)
#define IOC_ENABLE		_IO(MAGIC, 0x82)
#define IOC_FILTER		_IO(MAGIC, 0x90)	/* carries a pointer */
#define RB_GET_SUBBUF		_IOW(MAGIC, 0x03, unsigned long)
#define RB_PUT_NEXT		_IO(MAGIC, 0x06)
#define RB_SUBBUF_SIZE		_IOR(MAGIC, 0x07, unsigned long)
#define RB_MMAP_LEN		_IOR(MAGIC, 0x0A, unsigned long)
#define RB_MMAP_OFFSET		_IOR(MAGIC, 0x0B, unsigned long)
#define RB_TS_BEGIN		_IOR(MAGIC, 0x20, uint64_t)
#define RB_FLUSH_OR_POPULATE	_IOWR(MAGIC, 0x13, struct flush_populate_arg)

static int failures, checks;

/* ret must be -1 with errno @want (or @want2 if nonzero). */
static void expect_err(const char *what, long ret, int want, int want2)
{
	checks++;
	if (ret == -1 && (errno == want || (want2 && errno == want2))) {
		printf("PASS %s\n", what);
		return;
	}
	failures++;
	printf("FAIL %s: ret %ld errno %d (%s), wanted %d\n", what, ret,
	       ret == -1 ? errno : 0, ret == -1 ? strerror(errno) : "-", want);
}

static void expect_ok(const char *what, long ret)
{
	checks++;
	if (ret >= 0) {
		printf("PASS %s\n", what);
		return;
	}
	failures++;
	printf("FAIL %s: errno %d (%s)\n", what, errno, strerror(errno));
}

/*
 * Filter bytecode as lttng-tools 2.13 lays it out: a 16-byte header
 * {u32 len, u32 reloc_offset, u64 seqnum}, the code, then the relocation
 * table (u16 offset of a field reference, its name).  This one is
 * "intfield > 1".
 */
struct filter_arg {
	uint32_t len, reloc;
	uint64_t seqnum;
	uint8_t data[64];
} __attribute__((packed));

static struct filter_arg filter_intfield_gt_1(void)
{
	static const uint8_t code[] = {
		59, 0xff, 0xff,			/* FIELD_REF, to relocate */
		65, 1, 0, 0, 0, 0, 0, 0, 0,	/* LOAD_S64 1 */
		14,				/* GT */
		1,				/* RETURN */
	};
	static const uint8_t reloc[] = { 0, 0, 'i', 'n', 't', 'f', 'i', 'e',
					 'l', 'd', 0 };
	struct filter_arg f;

	memset(&f, 0, sizeof(f));
	memcpy(f.data, code, sizeof(code));
	memcpy(f.data + sizeof(code), reloc, sizeof(reloc));
	f.len = sizeof(code) + sizeof(reloc);
	f.reloc = sizeof(code);
	return f;
}

/* Hostile FILTER ioctls on the event (enabler) fd @ev. */
static void hostile_filters(int ev)
{
	struct filter_arg f, *edge;
	long page = sysconf(_SC_PAGESIZE);
	uint8_t *map;
	unsigned int i;

	expect_err("filter: bad pointer", ioctl(ev, IOC_FILTER, (void *)8), EFAULT, 0);
	f = filter_intfield_gt_1();
	f.len = 0;
	expect_err("filter: empty", ioctl(ev, IOC_FILTER, &f), EINVAL, 0);
	f.len = 1u << 30;
	expect_err("filter: 1 GiB length", ioctl(ev, IOC_FILTER, &f), EINVAL, 0);
	f = filter_intfield_gt_1();
	f.reloc = f.len + 1;
	expect_err("filter: relocations past the end", ioctl(ev, IOC_FILTER, &f), EINVAL, 0);
	f = filter_intfield_gt_1();
	f.data[0] = 0xee;
	expect_err("filter: unknown opcode", ioctl(ev, IOC_FILTER, &f), EINVAL, 0);
	f = filter_intfield_gt_1();
	f.data[13] = 14;	/* GT for RETURN: runs off the end */
	expect_err("filter: no return", ioctl(ev, IOC_FILTER, &f), EINVAL, 0);
	for (i = 0; i < 64; i++) {
		f = filter_intfield_gt_1();
		f.data[i % f.len] ^= (uint8_t)(0x5a + i);
		/* Whatever the checker says, the kernel must not mind. */
		(void)ioctl(ev, IOC_FILTER, &f);
	}
	/* A length that runs into an unmapped page. */
	map = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map != MAP_FAILED) {
		munmap(map + page, page);
		edge = (struct filter_arg *)(map + page - 24);
		edge->len = 4096;
		edge->reloc = 3;
		expect_err("filter: length into an unmapped page", ioctl(ev, IOC_FILTER, edge), EFAULT, 0);
		munmap(map, page);
	}
}

static uint64_t le64(const uint8_t *p)
{
	uint64_t v = 0;
	int i;

	for (i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

/*
 * One FLUSH_OR_POPULATE_PACKET into @packet (pre-filled with 0xaa, so
 * that padding left unwritten shows); 0 or -1 with errno.
 */
static int flush_or_populate(int st, uint8_t *packet, size_t size,
			     struct flush_populate_arg *a)
{
	memset(packet, 0xaa, size);
	memset(a, 0x5a, sizeof(*a));
	a->packet = (uintptr_t)packet;
	return ioctl(st, RB_FLUSH_OR_POPULATE, a);
}

/* The empty packet a populating call wrote: a whole, zero-padded header. */
static void check_populated(const char *what, const uint8_t *p,
			    const struct flush_populate_arg *a,
			    uint64_t seq)
{
	long page = sysconf(_SC_PAGESIZE);
	uint64_t i;
	int ok;

	ok = a->populated == 1 && a->flush_done == 1 && a->len == 84 &&
	     a->padded == (uint64_t)page &&
	     p[0] == 0xc1 && p[1] == 0x1f && p[2] == 0xfc && p[3] == 0xc1 &&
	     le64(p + 32) == le64(p + 40) &&		/* begin == end */
	     le64(p + 48) == 84 * 8 &&			/* content_size */
	     le64(p + 56) == (uint64_t)page * 8 &&	/* packet_size */
	     le64(p + 64) == seq;
	for (i = 84; ok && i < (uint64_t)page; i++)
		ok = p[i] == 0;
	checks++;
	if (ok) {
		printf("PASS %s\n", what);
		return;
	}
	failures++;
	printf("FAIL %s: populated %u flush_done %u len %llu padded %llu seq %llu (wanted %llu) content %llu\n",
	       what, a->populated, a->flush_done, (unsigned long long)a->len,
	       (unsigned long long)a->padded, (unsigned long long)le64(p + 64),
	       (unsigned long long)seq, (unsigned long long)le64(p + 48));
}

static void check_flushed(const char *what, int ret,
			  const struct flush_populate_arg *a)
{
	checks++;
	if (ret == 0 && a->flush_done == 1 && a->populated == 0 &&
	    a->len == 0 && a->padded == 0) {
		printf("PASS %s\n", what);
		return;
	}
	failures++;
	printf("FAIL %s: ret %d errno %d populated %u flush_done %u len %llu\n",
	       what, ret, ret ? errno : 0, a->populated, a->flush_done,
	       (unsigned long long)a->len);
}

/*
 * Hostile FLUSH_OR_POPULATE_PACKET requests on the data stream @st (a
 * 4 KiB x 4 discard channel whose packet 0 was opened at creation and
 * never written to), then the two answers lttng-consumerd 2.14+ relies
 * on for snapshots.
 */
static void flush_or_populate_before_start(int st)
{
	long page = sysconf(_SC_PAGESIZE);
	struct flush_populate_arg a;
	uint8_t *map, *buf;

	expect_err("flush-or-populate: no argument", ioctl(st, RB_FLUSH_OR_POPULATE, NULL), EFAULT, 0);
	expect_err("flush-or-populate: bad argument", ioctl(st, RB_FLUSH_OR_POPULATE, (void *)8), EFAULT, 0);
	expect_err("flush-or-populate: argument of another size",
		   ioctl(st, _IOWR(MAGIC, 0x13, char[25]), &a), ENOTTY, 0);
	memset(&a, 0, sizeof(a));
	expect_err("flush-or-populate: NULL packet", ioctl(st, RB_FLUSH_OR_POPULATE, &a), EFAULT, 0);
	a.packet = 0xffffffff81000000ULL;
	expect_err("flush-or-populate: kernel packet address", ioctl(st, RB_FLUSH_OR_POPULATE, &a), EFAULT, 0);
	map = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map != MAP_FAILED) {
		munmap(map + page, page);
		a.packet = (uintptr_t)(map + page - 100);
		expect_err("flush-or-populate: packet runs into an unmapped page",
			   ioctl(st, RB_FLUSH_OR_POPULATE, &a), EFAULT, 0);
		mprotect(map, page, PROT_READ);
		a.packet = (uintptr_t)map;
		expect_err("flush-or-populate: read-only packet", ioctl(st, RB_FLUSH_OR_POPULATE, &a), EFAULT, 0);
		munmap(map, page);
	}

	buf = malloc(4 * page);
	if (!buf)
		return;
	/* Packet 0, open since the channel was made, is closed: a flush. */
	check_flushed("flush-or-populate: closes the open packet",
		      flush_or_populate(st, buf, 4 * page, &a), &a);
	/* Nothing since: the next packet (1), empty, given to the caller. */
	expect_ok("flush-or-populate: idle stream", flush_or_populate(st, buf, 4 * page, &a));
	check_populated("flush-or-populate: populates packet 1", buf, &a, 1);
	/* ... and the ring was left alone: the same again. */
	expect_ok("flush-or-populate: idle again", flush_or_populate(st, buf, 4 * page, &a));
	check_populated("flush-or-populate: packet 1 again", buf, &a, 1);
	free(buf);
}

/* After start: events on the stream's CPU make it flush, not populate. */
static void flush_or_populate_after_events(int st)
{
	long page = sysconf(_SC_PAGESIZE);
	struct flush_populate_arg a;
	cpu_set_t cpus, old;
	uint8_t *buf;
	int fd;

	buf = malloc(4 * page);
	if (!buf)
		return;
	/* streams[0] is CPU 0's buffer: write events from there. */
	sched_getaffinity(0, sizeof(old), &old);
	CPU_ZERO(&cpus);
	CPU_SET(0, &cpus);
	fd = open("/proc/lttng-test-filter-event", O_WRONLY);
	if (fd >= 0 && !sched_setaffinity(0, sizeof(cpus), &cpus)) {
		/* The event's filter is intfield > 1: 3 of 5 are recorded. */
		expect_ok("flush-or-populate: fire 5 events", write(fd, "5", 1));
		sched_setaffinity(0, sizeof(old), &old);
		check_flushed("flush-or-populate: a written packet is flushed",
			      flush_or_populate(st, buf, 4 * page, &a), &a);
		expect_ok("flush-or-populate: idle after the flush",
			  flush_or_populate(st, buf, 4 * page, &a));
		check_populated("flush-or-populate: then populates packet 2", buf, &a, 2);
	} else {
		failures++;
		printf("FAIL flush-or-populate: cannot fire events on CPU 0\n");
	}
	if (fd >= 0)
		close(fd);
	free(buf);
}

static struct channel_arg chan(uint64_t sb, uint64_t n, uint32_t out,
			       int32_t ow)
{
	struct channel_arg c;

	memset(&c, 0, sizeof(c));
	c.subbuf_size = sb;
	c.num_subbuf = n;
	c.output = out;
	c.overwrite = ow;
	memset(c.pad, 0x5a, sizeof(c.pad));	/* tools' padding is not checked */
	return c;
}

int main(void)
{
	struct channel_arg c;
	struct event_arg e;
	struct context_arg x;
	char name[256];
	unsigned long v;
	int root, s, ch, st, nstreams = 0, i, streams[64], ev, mc, ms;
	uint32_t abi[2] = { 0, 0 };
	struct flush_populate_arg fa;
	struct filter_arg f;

	root = open("/proc/lttng", O_RDWR);
	if (root < 0) {
		perror("/proc/lttng");
		return 1;
	}
	expect_err("root: unknown command", ioctl(root, _IO(MAGIC, 0x99)), ENOTTY, 0);
	expect_err("root: foreign magic", ioctl(root, _IO(0x12, 0x45)), ENOTTY, 0);
	expect_err("root: version to bad pointer", ioctl(root, IOC_TRACER_VERSION, (void *)8), EFAULT, 0);
	expect_err("root: notifier group not implemented", ioctl(root, IOC_NOTIFIER_GROUP), ENOSYS, 0);
	/* The ABI we claim (include/lttng/abi.h): 2.5, no event notifiers. */
	checks++;
	if (ioctl(root, IOC_ABI_VERSION, abi) == 0 && abi[0] == 2 && abi[1] == 5) {
		printf("PASS root: ABI version 2.5\n");
	} else {
		failures++;
		printf("FAIL root: ABI version %u.%u\n", abi[0], abi[1]);
	}
	expect_err("root: lseek", lseek(root, 10, SEEK_SET), ESPIPE, EINVAL);

	s = ioctl(root, IOC_SESSION);
	expect_ok("session", s);
	memset(name, 'a', sizeof(name));
	expect_err("set name without NUL", ioctl(s, IOC_SET_NAME, name), EINVAL, 0);
	expect_err("set name bad pointer", ioctl(s, IOC_SET_NAME, (void *)8), EFAULT, 0);
	expect_err("track id bad type", ioctl(s, IOC_TRACK_ID, "\x09\0\0\0\1\0\0\0"), EINVAL, 0);
	expect_err("stop before start", ioctl(s, IOC_STOP), EBUSY, 0);
	/* 2.16 asks for these only at ABI 2.8 or with event notifiers. */
	expect_err("session counter (2.16 map channel)", ioctl(s, IOC_SESSION_COUNTER, name), ENOTTY, 0);
	expect_err("old counter on a session", ioctl(s, IOC_OLD_COUNTER, name), ENOTTY, 0);

	c = chan(0, 4, 0, 0);
	expect_err("channel subbuf 0", ioctl(s, IOC_CHANNEL, &c), EINVAL, 0);
	c = chan(12288, 4, 0, 0);
	expect_err("channel subbuf not power of 2", ioctl(s, IOC_CHANNEL, &c), EINVAL, 0);
	c = chan(4096, 3, 0, 0);
	expect_err("channel num_subbuf not power of 2", ioctl(s, IOC_CHANNEL, &c), EINVAL, 0);
	c = chan(4096, 0, 0, 0);
	expect_err("channel num_subbuf 0", ioctl(s, IOC_CHANNEL, &c), EINVAL, 0);
	c = chan(1ULL << 40, 2, 0, 0);
	expect_err("channel subbuf 1 TiB", ioctl(s, IOC_CHANNEL, &c), EINVAL, ENOMEM);
	c = chan(1 << 20, 1ULL << 40, 0, 0);
	expect_err("channel 2^40 subbufs", ioctl(s, IOC_CHANNEL, &c), EINVAL, ENOMEM);
	c = chan(1 << 28, 256, 0, 0);
	expect_err("channel larger than memory", ioctl(s, IOC_CHANNEL, &c), ENOMEM, EINVAL);
	c = chan(4096, 1, 0, 1);
	expect_err("channel overwrite with one sub-buffer", ioctl(s, IOC_CHANNEL, &c), EINVAL, 0);
	c = chan(4096, 1, 0, 0);
	ch = ioctl(s, IOC_CHANNEL, &c);
	expect_ok("channel discard with one sub-buffer", ch);
	if (ch >= 0)
		close(ch);
	c = chan(4096, 4, 7, 0);
	expect_err("channel bad output", ioctl(s, IOC_CHANNEL, &c), EINVAL, 0);
	c = chan(4096, 4, 0, 2);
	expect_err("channel bad overwrite", ioctl(s, IOC_CHANNEL, &c), EINVAL, 0);
	expect_err("channel bad pointer", ioctl(s, IOC_CHANNEL, (void *)8), EFAULT, 0);

	c = chan(4096, 4, 0, 0);
	ch = ioctl(s, IOC_CHANNEL, &c);
	expect_ok("channel", ch);

	memset(&e, 0, sizeof(e));
	memset(e.name, 'x', sizeof(e.name));
	expect_err("event name without NUL", ioctl(ch, IOC_EVENT, &e), EINVAL, 0);
	memset(&e, 0, sizeof(e));
	strcpy(e.name, "lttng_test_filter_event");
	e.instrumentation = 99;
	expect_err("event bad instrumentation", ioctl(ch, IOC_EVENT, &e), EINVAL, 0);
	e.instrumentation = 2;
	expect_err("event function type", ioctl(ch, IOC_EVENT, &e), EINVAL, 0);
	e.instrumentation = 5;
	e.u[1] = 3;	/* syscall abi other than "all" */
	expect_err("syscall bad abi", ioctl(ch, IOC_EVENT, &e), EINVAL, 0);
	memset(e.u, 0, sizeof(e.u));
	e.instrumentation = 0;
	ev = ioctl(ch, IOC_EVENT, &e);
	expect_ok("event", ev);
	if (ev >= 0) {
		hostile_filters(ev);
		f = filter_intfield_gt_1();
		/* The fuzzing above may have installed one: a fresh event. */
		ev = ioctl(ch, IOC_EVENT, &e);
		expect_ok("filter: valid", ioctl(ev, IOC_FILTER, &f));
		expect_err("filter: a second one", ioctl(ev, IOC_FILTER, &f), EEXIST, 0);
		expect_ok("filter: enable", ioctl(ev, IOC_ENABLE));
	}
	strcpy(e.name, "no_such_event_anywhere");
	expect_ok("event with no provider", ioctl(ch, IOC_EVENT, &e));

	memset(&x, 0, sizeof(x));
	x.ctx = 999;
	expect_err("context unknown", ioctl(ch, IOC_CONTEXT, &x), EINVAL, 0);
	x.ctx = 1;
	expect_err("context perf counter", ioctl(ch, IOC_CONTEXT, &x), ENOSYS, 0);
	x.ctx = 0;
	expect_ok("context pid", ioctl(ch, IOC_CONTEXT, &x));
	expect_err("context pid twice", ioctl(ch, IOC_CONTEXT, &x), EEXIST, 0);

	for (;;) {
		st = ioctl(ch, IOC_STREAM);
		if (st < 0)
			break;
		if (nstreams < 64)
			streams[nstreams++] = st;
	}
	expect_err("stream loop ends with ENOENT", st, ENOENT, 0);
	checks++;
	if (nstreams > 0) {
		printf("PASS %d streams\n", nstreams);
	} else {
		failures++;
		printf("FAIL no stream\n");
	}
	st = streams[0];
	expect_err("stream: size with nothing held", ioctl(st, RB_SUBBUF_SIZE, &v), EINVAL, 0);
	expect_err("stream: put with nothing held", ioctl(st, RB_PUT_NEXT), EINVAL, 0);
	expect_err("stream: header field with nothing held", ioctl(st, RB_TS_BEGIN, &v), EINVAL, 0);
	expect_err("stream: mmap len of a splice stream", ioctl(st, RB_MMAP_LEN, &v), EINVAL, 0);
	v = 123;
	expect_err("stream: unaligned position", ioctl(st, RB_GET_SUBBUF, &v), EINVAL, 0);
	expect_err("stream: bad pointer", ioctl(st, RB_GET_SUBBUF, (void *)8), EFAULT, 0);
	expect_err("stream: unknown command", ioctl(st, _IO(MAGIC, 0x7f)), ENOTTY, 0);
	checks++;
	if (mmap(NULL, 4096 * 4, PROT_READ, MAP_PRIVATE, st, 0) == MAP_FAILED) {
		printf("PASS stream: mmap of a splice stream refused\n");
	} else {
		failures++;
		printf("FAIL stream: mmap of a splice stream accepted\n");
	}
	checks++;
	if (read(st, name, sizeof(name)) == 0) {
		printf("PASS stream: read with nothing held is empty\n");
	} else {
		failures++;
		printf("FAIL stream: read with nothing held\n");
	}

	flush_or_populate_before_start(st);

	c = chan(4096, 2, 1, 1);
	expect_err("metadata channel in overwrite mode", ioctl(s, IOC_METADATA, &c), EINVAL, 0);
	c = chan(4096, 2, 1, 0);
	mc = ioctl(s, IOC_METADATA, &c);
	expect_ok("metadata channel", mc);
	ms = mc >= 0 ? ioctl(mc, IOC_STREAM) : -1;
	expect_ok("metadata stream", ms);
	memset(&fa, 0, sizeof(fa));
	fa.packet = (uintptr_t)name;
	expect_err("flush-or-populate on a metadata stream", ioctl(ms, RB_FLUSH_OR_POPULATE, &fa), ENOTTY, 0);
	expect_ok("start", ioctl(s, IOC_START));
	flush_or_populate_after_events(st);
	expect_err("start twice", ioctl(s, IOC_START), EBUSY, 0);
	c = chan(4096, 4, 0, 0);
	expect_err("channel after start", ioctl(s, IOC_CHANNEL, &c), EINVAL, 0);
	x.ctx = 6;
	expect_err("context after start", ioctl(ch, IOC_CONTEXT, &x), EPERM, 0);
	expect_err("channel enable twice", ioctl(ch, IOC_ENABLE), EEXIST, 0);
	expect_ok("stop", ioctl(s, IOC_STOP));

	/* Close in the "wrong" order: the session first, streams last. */
	close(s);
	close(ms);
	close(mc);
	close(ch);
	for (i = 0; i < nstreams; i++)
		close(streams[i]);
	close(root);
	printf("%d passed, %d failed\n", checks - failures, failures);
	return failures ? 1 : 0;
}
