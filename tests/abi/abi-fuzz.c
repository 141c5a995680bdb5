// SPDX-License-Identifier: GPL-2.0-only
/*
 * abi-fuzz SEED OPS: random and mutated requests on every kind of file the
 * tracer hands out (/proc/lttng, sessions, channels, metadata channels,
 * events, streams, list files), with read, poll, mmap, splice and close
 * interleaved, from one seed so that a failing run can be replayed.
 *
 * What it checks itself: no call takes more than a second (huge channel
 * requests must fail fast, not allocate and zero gigabytes first), and no
 * call hangs (an alarm catches it).  close() is held to the second rule
 * only: the last close of a session waits for RCU grace periods, which
 * under TCG may take longer than a second.  What the kernel does wrong
 * (an oops, a WARN, a KASAN or lockdep report, a leak) the VM rig finds
 * in the kernel log; that a normal session still records afterwards, the
 * guest test (tests/vm/guest/42-abi-fuzz.sh) checks.
 *
 * Requests are drawn three ways: well-formed ones with one field mutated
 * (sizes, names, enum values, pointers), every command number of the
 * tracer's magic with any direction and size, and random bytes.  Pointer
 * arguments are a buffer of the right size, NULL, a small integer, an
 * unmapped page, a kernel address, or a buffer ending at an unmapped page.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
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

enum kind { K_ROOT, K_SESSION, K_CHANNEL, K_METADATA, K_EVENT, K_STREAM, K_LIST, K_NR };
static const char *const kind_name[K_NR] = {
	"root", "session", "channel", "metadata", "event", "stream", "list",
};

#define MAX_FDS 64
static struct { int fd; enum kind kind; } fds[MAX_FDS];
static int nfds;

static uint64_t rng;
static uint64_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}
static unsigned int pick(unsigned int n) { return rnd() % n; }

static char *edge;	/* last page before an unmapped one */
static long page;
static char buf[1 << 16];
static const char *what = "start";
static char detail[128];	/* the arguments of the last creation, for a slow one */
static unsigned long op_no;
static int slow;

static void on_alarm(int sig)
{
	static const char msg[] = "FAIL abi-fuzz: a call hung for 10 s\n";

	(void)sig;
	if (write(2, msg, sizeof(msg) - 1) < 0)
		_exit(3);
	_exit(3);
}

/* A read of a mapping past what the file backs faults: skip it. */
static sigjmp_buf bus_jmp;
static void on_bus(int sig)
{
	(void)sig;
	siglongjmp(bus_jmp, 1);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Times one call; records a failure if it took more than a second. */
#define TIMED(desc, call) ({						\
	double __t0 = now();						\
	long __r;							\
	what = (desc);							\
	alarm(10);							\
	__r = (call);							\
	alarm(0);							\
	if (now() - __t0 > 1.0 && strcmp(what, "close")) {		\
		fprintf(stderr, "FAIL abi-fuzz: op %lu (%s%s) took %.1f s\n", \
			op_no, what, detail, now() - __t0);		\
		slow++;							\
	}								\
	__r; })

static void add_fd(int fd, enum kind k)
{
	if (fd < 0)
		return;
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	if (nfds == MAX_FDS) {
		close(fd);
		return;
	}
	fds[nfds].fd = fd;
	fds[nfds].kind = k;
	nfds++;
}

/* An fd of kind @k, or -1 (sometimes a random other one, on purpose). */
static int fd_of(enum kind k)
{
	int i, n = 0, cand[MAX_FDS];

	if (!pick(16) && nfds)
		return fds[pick(nfds)].fd;
	for (i = 0; i < nfds; i++)
		if (fds[i].kind == k)
			cand[n++] = fds[i].fd;
	return n ? cand[pick(n)] : -1;
}

/* An argument pointer: mostly @good, sometimes a hostile one. */
static void *arg_ptr(void *good, size_t len)
{
	switch (pick(12)) {
	case 0: return NULL;
	case 1: return (void *)(uintptr_t)(1 + pick(4096));
	case 2: return edge + page;				/* unmapped */
	case 3: return (void *)0xffffffff81000000UL;		/* kernel text */
	case 4: return edge + page - (len ? 1 + pick(len) : 0);	/* runs off */
	default: return good;
	}
}

static uint64_t size_value(void)
{
	switch (pick(8)) {
	case 0: return rnd();
	case 1: return 0;
	case 2: return 1ULL << pick(64);
	case 3: return (1ULL << pick(64)) + 1;
	default: return 4096ULL << pick(5);		/* 4 KiB to 64 KiB */
	}
}

static void mutate(void *p, size_t len)
{
	unsigned int i, n = pick(4);

	for (i = 0; i < n && len; i++)
		((uint8_t *)p)[pick(len)] = rnd();
}

static const char *const names[] = {
	"sched_switch", "sched_process_fork", "sched_*", "*", "lttng_test_filter_event",
	"lttng_statedump_*", "nonexistent_event", "", "sched_[", "**",
};

static void op_create(void)
{
	struct channel_arg c;
	struct event_arg e;
	struct context_arg x;
	int fd, parent;

	detail[0] = '\0';
	switch (pick(6)) {
	case 0:
		fd = TIMED("session", ioctl(fd_of(K_ROOT), _IO(MAGIC, 0x45)));
		add_fd(fd, K_SESSION);
		break;
	case 1:
	case 2:
		memset(&c, 0, sizeof(c));
		c.subbuf_size = size_value();
		c.num_subbuf = pick(3) ? 2ULL << pick(3) : size_value();
		c.switch_us = pick(4) ? 0 : rnd() % 2000000;
		c.read_us = pick(4) ? 0 : rnd() % 2000000;
		c.output = pick(2);
		c.overwrite = pick(2);
		if (!pick(4))
			mutate(&c, sizeof(c));
		/*
		 * A valid request for hundreds of MiB takes its time to
		 * allocate (seconds under TCG) and that is fine; one bigger
		 * than the machine must fail at once.  Keep the valid ones
		 * small, so that the one-second rule means that.
		 */
		if (c.subbuf_size && c.num_subbuf &&
		    !(c.subbuf_size & (c.subbuf_size - 1)) && !(c.num_subbuf & (c.num_subbuf - 1)) &&
		    c.subbuf_size <= (1ULL << 30) && c.num_subbuf <= (1ULL << 30) &&
		    c.subbuf_size * c.num_subbuf > (16ULL << 20) &&
		    c.subbuf_size * c.num_subbuf < (64ULL << 30))
			c.subbuf_size = 4096 << pick(5), c.num_subbuf = 2 << pick(3);
		snprintf(detail, sizeof(detail), ": %llu x %llu, output %u, overwrite %d",
			 (unsigned long long)c.subbuf_size, (unsigned long long)c.num_subbuf,
			 c.output, c.overwrite);
		parent = fd_of(K_SESSION);
		if (pick(4)) {
			fd = TIMED("channel", ioctl(parent, _IOW(MAGIC, 0x55, struct channel_arg),
						    arg_ptr(&c, sizeof(c))));
			add_fd(fd, K_CHANNEL);
		} else {
			c.overwrite = 0;
			fd = TIMED("metadata channel",
				   ioctl(parent, _IOW(MAGIC, 0x54, struct channel_arg),
					 arg_ptr(&c, sizeof(c))));
			add_fd(fd, K_METADATA);
		}
		break;
	case 3:
		memset(&e, 0, sizeof(e));
		snprintf(e.name, sizeof(e.name), "%s", names[pick(sizeof(names) / sizeof(names[0]))]);
		e.instrumentation = pick(4) ? 0 : pick(8);
		if (!pick(4))
			mutate(&e, sizeof(e));
		fd = TIMED("event", ioctl(fd_of(K_CHANNEL), _IOW(MAGIC, 0x63, struct event_arg),
					  arg_ptr(&e, sizeof(e))));
		add_fd(fd, K_EVENT);
		break;
	case 4:
		parent = pick(2) ? fd_of(K_CHANNEL) : fd_of(K_METADATA);
		fd = TIMED("stream", ioctl(parent, _IO(MAGIC, 0x62)));
		add_fd(fd, K_STREAM);
		break;
	case 5:
		memset(&x, 0, sizeof(x));
		x.ctx = pick(40);
		if (!pick(4))
			mutate(&x, sizeof(x));
		TIMED("context", ioctl(fd_of(K_CHANNEL), _IOW(MAGIC, 0x71, struct context_arg),
				       arg_ptr(&x, sizeof(x))));
		break;
	}
}

/* Any command number of our magic, any direction and size. */
static void op_any_ioctl(void)
{
	static const unsigned int sizes[] = { 0, 1, 4, 8, 12, 26, 256, 320, 568, 16383 };
	static const unsigned int dirs[] = { _IOC_NONE, _IOC_READ, _IOC_WRITE, _IOC_READ | _IOC_WRITE };
	unsigned int size = sizes[pick(10)], nr = pick(4) ? pick(0x30) | (pick(8) << 4) : pick(256);
	unsigned long cmd = _IOC(dirs[pick(4)], pick(32) ? MAGIC : pick(256), nr, size);
	enum kind k = pick(K_NR);
	int fd = fd_of(k);
	char desc[64];
	long ret;

	if (pick(2))
		memset(buf, 0, size + 8);
	else
		for (unsigned int i = 0; i < size + 8; i++)
			buf[i] = rnd();
	snprintf(desc, sizeof(desc), "ioctl %s 0x%lx", kind_name[k], cmd);
	ret = TIMED(desc, ioctl(fd, cmd, pick(3) ? arg_ptr(buf, size) : (void *)(uintptr_t)rnd()));
	/* A list or an object fd may come back; keep it in play. */
	if (ret > 2 && k == K_ROOT && (nr == 0x47 || nr == 0x4A))
		add_fd(ret, K_LIST);
	else if (ret > 2 && fcntl(ret, F_GETFD) >= 0 && nr == 0x45)
		add_fd(ret, K_SESSION);
}

static void op_io(void)
{
	int fd = nfds ? fds[pick(nfds)].fd : -1, p[2];
	volatile size_t len = pick(2) ? pick(sizeof(buf)) : 1 + pick(64);
	struct pollfd pf = { .fd = fd, .events = POLLIN | POLLPRI | POLLOUT };
	void *m;

	switch (pick(5)) {
	case 0:
		TIMED("read", read(fd, arg_ptr(buf, len), len));
		break;
	case 1:
		TIMED("poll", poll(&pf, 1, 0));
		break;
	case 2:
		len = pick(2) ? (size_t)page << pick(8) : rnd() % (1 << 24);
		m = (void *)TIMED("mmap", (long)mmap(NULL, len, PROT_READ, MAP_SHARED, fd,
						     pick(4) ? 0 : (off_t)page * pick(16)));
		if (m != MAP_FAILED) {
			if (!sigsetjmp(bus_jmp, 1)) {
				volatile char c = *(volatile char *)m;

				(void)c;
			}
			munmap(m, len);
		}
		break;
	case 3:
		if (pipe2(p, O_NONBLOCK))
			break;
		TIMED("splice", splice(fd, NULL, p[1], NULL, 1 + pick(1 << 20),
				       SPLICE_F_NONBLOCK | (pick(2) ? SPLICE_F_MOVE : 0)));
		close(p[0]);
		close(p[1]);
		break;
	case 4:
		if (nfds > 1 && pick(3) == 0) {
			int i = pick(nfds);

			if (fds[i].kind == K_ROOT)
				break;
			TIMED("close", close(fds[i].fd));
			fds[i] = fds[--nfds];
		}
		break;
	}
}

static void op_lifecycle(void)
{
	static const unsigned int nrs[] = {
		0x56, 0x57, 0x5C, 0x59, 0x82, 0x83, 0x48,	/* start, stop, statedump, regen, enable, disable, quiesce */
		0x00, 0x04, 0x05, 0x06, 0x0C, 0x0E, 0x0F, 0x10, 0x11, 0x13,	/* stream commands */
	};
	unsigned int nr = nrs[pick(sizeof(nrs) / sizeof(nrs[0]))];
	enum kind k = nr >= 0x40 ? (nr >= 0x82 ? (pick(2) ? K_EVENT : K_CHANNEL) : K_SESSION) : K_STREAM;
	char desc[48];

	snprintf(desc, sizeof(desc), "command 0x%x on %s", nr, kind_name[k]);
	TIMED(desc, ioctl(fd_of(k), _IO(MAGIC, nr)));
}

int main(int argc, char **argv)
{
	unsigned long ops;
	int root;

	if (argc != 3) {
		fprintf(stderr, "usage: abi-fuzz SEED OPS\n");
		return 2;
	}
	rng = strtoull(argv[1], NULL, 0) * 0x9E3779B97F4A7C15ULL + 1;
	ops = strtoul(argv[2], NULL, 0);
	page = sysconf(_SC_PAGESIZE);
	edge = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (edge == MAP_FAILED || munmap(edge + page, page)) {
		perror("mmap");
		return 2;
	}
	memset(edge, 'x', page);
	signal(SIGALRM, on_alarm);
	signal(SIGBUS, on_bus);
	signal(SIGSEGV, on_bus);
	signal(SIGPIPE, SIG_IGN);
	root = open("/proc/lttng", O_RDWR);
	if (root < 0) {
		perror("/proc/lttng");
		return 2;
	}
	add_fd(root, K_ROOT);
	for (op_no = 0; op_no < ops; op_no++) {
		switch (pick(10)) {
		case 0: case 1: case 2: op_create(); break;
		case 3: case 4: op_lifecycle(); break;
		case 5: case 6: op_any_ioctl(); break;
		default: op_io(); break;
		}
	}
	printf("seed %s: %lu operations, %d fds open at the end, %d slow\n",
	       argv[1], ops, nfds, slow);
	return slow ? 1 : 0;
}
