// SPDX-License-Identifier: GPL-2.0-only
/*
 * nsw: builds pid-namespace shapes and records, for every task it makes,
 * what the kernel says about that task in /proc (namespace-events.md §5).
 *
 *   nsw shapes TRUTH_FILE       the fork-event shapes, fully serialised
 *   nsw stress TRUTH_FILE NNS NTHREADS
 *                               NNS pid namespaces (nested up to 3 deep),
 *                               each with a process of NTHREADS threads
 *
 * Every task appends one JSON line to TRUTH_FILE, written by the task
 * itself before it does anything else, from the initial namespaces'
 * procfs (the caller must not have unshared its mount namespace):
 *   tid, pid (global), comm (at birth), nspid, nstgid (root first),
 *   pidns (active pid namespace inode), pidns_children, ns {other inodes},
 *   and the parent as it was just before the fork: ptid, ppid, pcomm, pns.
 * A line {"event":"ready"} ends the file once everything is built; the
 * program then prints "ready" on stdout and waits for SIGTERM/stdin EOF,
 * killing all its tasks when it ends.
 *
 * "shapes" runs one step at a time (each parent waits until the child's
 * subtree is built), so that the sched_process_fork events come in a fixed
 * order, for the expected-trace diff.  Shapes:
 *   unshare   unshare(CLONE_NEWPID) then fork, twice nested
 *   clone     clone(CLONE_NEWPID) nested 3 deep
 *   sibling   two sibling pid namespaces under one parent
 *   thread    threads in a level-2 namespace; a thread forks a child
 *   setns     a level-0 task injected with setns into a level-2 namespace
 *             it is not an ancestor of; the injected task forks too
 *   deep      clone(CLONE_NEWPID) nested to level 32, a thread there, and
 *             a level-33 clone that the kernel must refuse (no event)
 *   reuse     a global pid, then a namespace-local pid, freed and reused
 *             (clone3 set_tid)
 *   same      a task whose global tid equals its vtid at level 1
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x00000080
#endif

struct clone3_args {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal;
	uint64_t stack, stack_size, tls, set_tid, set_tid_size, cgroup;
};

static int truth_fd = -1;

static void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "nsw[%d]: ", getpid());
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, " (errno %d: %s)\n", errno, strerror(errno));
	va_end(ap);
	kill(getpgid(0) > 0 ? -getpgid(0) : 0, SIGKILL);
	_exit(2);
}

/* What a task is, as the initial namespaces' /proc says. */
struct self {
	int tid, pid;
	char comm[32];
	unsigned long pidns;
};

static unsigned long ns_ino(const char *ns)
{
	char p[64];
	struct stat st;

	snprintf(p, sizeof(p), "/proc/thread-self/ns/%s", ns);
	if (stat(p, &st) < 0)
		return 0;
	return st.st_ino;
}

static int read_file(const char *path, char *buf, size_t len)
{
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, len - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = 0;
	return 0;
}

static void get_self(struct self *s)
{
	char link[64], *p;
	ssize_t n;

	/* "TGID/task/TID" in the procfs's (initial) pid namespace. */
	n = readlink("/proc/thread-self", link, sizeof(link) - 1);
	if (n < 0)
		die("readlink /proc/thread-self");
	link[n] = 0;
	s->pid = atoi(link);
	p = strrchr(link, '/');
	s->tid = atoi(p + 1);
	if (read_file("/proc/thread-self/comm", s->comm, sizeof(s->comm)))
		die("comm");
	s->comm[strcspn(s->comm, "\n")] = 0;
	s->pidns = ns_ino("pid");
}

/* "a b c" from a status line -> "[a,b,c]" */
static void status_list(const char *status, const char *key, char *out, size_t len)
{
	const char *l = strstr(status, key);
	size_t o = 0;
	int first = 1;

	out[o++] = '[';
	if (l) {
		l += strlen(key);
		while (*l && *l != '\n') {
			while (*l == ' ' || *l == '\t')
				l++;
			if (*l == '\n' || !*l)
				break;
			if (!first)
				out[o++] = ',';
			first = 0;
			while (*l >= '0' && *l <= '9' && o < len - 2)
				out[o++] = *l++;
		}
	}
	out[o++] = ']';
	out[o] = 0;
}

/* The calling task's truth line, with its parent as it was at the fork. */
static void record(const char *shape, const struct self *parent)
{
	static const char *const nses[] = {
		"user", "mnt", "net", "uts", "ipc", "cgroup", "time",
	};
	char status[4096], nspid[600], nstgid[600], line[3072], nsbuf[512];
	struct self me;
	size_t o = 0;
	unsigned i;
	int n;

	get_self(&me);
	if (read_file("/proc/thread-self/status", status, sizeof(status)))
		die("status");
	status_list(status, "\nNSpid:", nspid, sizeof(nspid));
	status_list(status, "\nNStgid:", nstgid, sizeof(nstgid));
	for (i = 0; i < sizeof(nses) / sizeof(nses[0]); i++)
		o += snprintf(nsbuf + o, sizeof(nsbuf) - o, "%s\"%s\":%lu",
			      i ? "," : "", nses[i], ns_ino(nses[i]));
	n = snprintf(line, sizeof(line),
		"{\"shape\":\"%s\",\"tid\":%d,\"pid\":%d,\"comm\":\"%s\","
		"\"nspid\":%s,\"nstgid\":%s,\"pidns\":%lu,\"pidns_children\":%lu,"
		"\"ns\":{%s},\"ptid\":%d,\"ppid\":%d,\"pcomm\":\"%s\",\"pns\":%lu}\n",
		shape, me.tid, me.pid, me.comm, nspid, nstgid, me.pidns,
		ns_ino("pid_for_children"), nsbuf, parent->tid, parent->pid,
		parent->comm, parent->pidns);
	if (write(truth_fd, line, n) != n)
		die("write truth");
}

static void set_name(const char *name)
{
	prctl(PR_SET_NAME, name, 0, 0, 0);
}

static void hang(void)
{
	for (;;)
		pause();
}

/*
 * Start a process with clone flags (0: plain fork) and set_tid (NULL: any),
 * have it record itself, take NAME, run FN, then report ready with its
 * global tid; wait for that.  FN returning nonzero means "exit now" (for
 * pid reuse) instead of staying alive.  Returns the child's global tid
 * (and its pid in the caller's namespace via *local).
 */
typedef int (*task_fn)(void *);

static int spawn(const char *shape, const char *name, uint64_t flags,
		 const int *set_tid, int set_tid_size, task_fn fn, void *arg,
		 pid_t *local)
{
	struct clone3_args ca;
	struct self parent;
	int pfd[2], gtid = 0;
	pid_t c;

	get_self(&parent);
	if (pipe(pfd) < 0)
		die("pipe");
	memset(&ca, 0, sizeof(ca));
	ca.flags = flags;
	ca.exit_signal = SIGCHLD;
	ca.set_tid = (uintptr_t)set_tid;
	ca.set_tid_size = set_tid_size;
	if (flags || set_tid)
		c = syscall(SYS_clone3, &ca, sizeof(ca));
	else
		c = fork();
	if (c < 0)
		return -errno;
	if (c == 0) {
		struct self me;
		int stay;

		close(pfd[0]);
		if (!strcmp(name, "nsw-root") || !strcmp(name, "nsw-churn"))
			setpgid(0, 0);
		record(shape, &parent);
		set_name(name);
		stay = fn ? fn(arg) : 0;
		get_self(&me);
		if (write(pfd[1], &me.tid, sizeof(me.tid)) != sizeof(me.tid))
			die("ready");
		close(pfd[1]);
		if (stay)
			_exit(0);
		hang();
	}
	close(pfd[1]);
	if (read(pfd[0], &gtid, sizeof(gtid)) != sizeof(gtid))
		die("child %d of %s died", c, shape);
	close(pfd[0]);
	if (local)
		*local = c;
	return gtid;
}

/* Threads: the same protocol, inside the caller's process. */
struct tstart {
	const char *shape, *name;
	struct self parent;
	task_fn fn;
	void *arg;
	int pfd[2];
};

static void *thread_main(void *p)
{
	struct tstart *t = p;
	struct self me;

	record(t->shape, &t->parent);
	set_name(t->name);
	if (t->fn)
		t->fn(t->arg);
	get_self(&me);
	if (write(t->pfd[1], &me.tid, sizeof(me.tid)) != sizeof(me.tid))
		die("thread ready");
	hang();
	return NULL;
}

static int spawn_thread(const char *shape, const char *name, task_fn fn, void *arg)
{
	struct tstart *t = calloc(1, sizeof(*t));
	pthread_attr_t a;
	pthread_t th;
	int gtid;

	t->shape = shape;
	t->name = name;
	t->fn = fn;
	t->arg = arg;
	get_self(&t->parent);
	if (pipe(t->pfd) < 0)
		die("pipe");
	pthread_attr_init(&a);
	pthread_attr_setstacksize(&a, 64 * 1024);
	if (pthread_create(&th, &a, thread_main, t))
		die("pthread_create");
	if (read(t->pfd[0], &gtid, sizeof(gtid)) != sizeof(gtid))
		die("thread of %s died", shape);
	close(t->pfd[0]);
	close(t->pfd[1]);
	return gtid;
}

static void must(int r, const char *what)
{
	if (r < 0) {
		errno = -r;
		die("%s", what);
	}
}

/* ---- shapes ---------------------------------------------------------- */

/* unshare(CLONE_NEWPID), fork pid 1 of the new namespace, which does it again. */
static int unshare_level(void *arg)
{
	long left = (long)arg;

	if (!left)
		return 0;
	if (unshare(CLONE_NEWPID) < 0)
		die("unshare(CLONE_NEWPID)");
	must(spawn("unshare", left == 2 ? "nsw-unsh1" : "nsw-unsh2", 0, NULL, 0,
		   unshare_level, (void *)(left - 1), NULL), "unshare spawn");
	/* The caller stays where it was; a second child joins the first. */
	must(spawn("unshare", "nsw-unsh-sib", 0, NULL, 0, NULL, NULL, NULL),
	     "unshare spawn 2");
	return 0;
}

static int clone_level(void *arg)
{
	long left = (long)arg;
	static const char *const names[] = { "", "nsw-clone3", "nsw-clone2", "nsw-clone1" };

	if (!left)
		return 0;
	must(spawn("clone", names[left], CLONE_NEWPID, NULL, 0, clone_level,
		   (void *)(left - 1), NULL), "clone spawn");
	return 0;
}

static int sibling_parent(void *arg)
{
	(void)arg;
	must(spawn("sibling", "nsw-sib-a", CLONE_NEWPID, NULL, 0, NULL, NULL, NULL), "sib a");
	must(spawn("sibling", "nsw-sib-b", CLONE_NEWPID, NULL, 0, NULL, NULL, NULL), "sib b");
	return 0;
}

static int thread_forks(void *arg)
{
	(void)arg;
	must(spawn("thread", "nsw-thr-kid", 0, NULL, 0, NULL, NULL, NULL), "thread fork");
	return 0;
}

static int thread_inner(void *arg)
{
	(void)arg;
	spawn_thread("thread", "nsw-thr-a", NULL, NULL);
	spawn_thread("thread", "nsw-thr-b", thread_forks, NULL);
	return 0;
}

static int thread_outer(void *arg)
{
	(void)arg;
	must(spawn("thread", "nsw-thr-proc", CLONE_NEWPID, NULL, 0, thread_inner, NULL, NULL),
	     "thread proc");
	return 0;
}


/* Shared by every task of the workload (fork keeps the mapping). */
struct shared {
	int setns_target;	/* global tid of a task in the target namespace */
	int deep_refused;	/* errno of the level-33 clone */
	int same_tid;		/* the tid == vtid task */
	int reuse_global, reuse_vtid;
};
static struct shared *sh;

static int setns_tgt1(void *arg)
{
	(void)arg;
	sh->setns_target = spawn("setns", "nsw-tgt2", CLONE_NEWPID, NULL, 0,
				 NULL, NULL, NULL);
	must(sh->setns_target, "setns target");
	return 0;
}

static int setns_kid(void *arg)
{
	(void)arg;
	must(spawn("setns", "nsw-inj-kid", 0, NULL, 0, NULL, NULL, NULL), "injected kid");
	return 0;
}

static int setns_helper(void *arg)
{
	char p[64];
	int fd;

	(void)arg;
	snprintf(p, sizeof(p), "/proc/%d/ns/pid", sh->setns_target);
	fd = open(p, O_RDONLY);
	if (fd < 0)
		die("open %s", p);
	if (setns(fd, CLONE_NEWPID) < 0)
		die("setns");
	close(fd);
	must(spawn("setns", "nsw-injected", 0, NULL, 0, setns_kid, NULL, NULL), "injected");
	return 0;
}

#define DEEP 32		/* MAX_PID_NS_LEVEL */

static int deep_level(void *arg)
{
	long level = (long)arg;
	char name[32];
	int r;

	if (level < DEEP) {
		snprintf(name, sizeof(name), "nsw-deep-%02ld", level + 1);
		must(spawn("deep", name, CLONE_NEWPID, NULL, 0, deep_level,
			   (void *)(level + 1), NULL), "deep spawn");
		return 0;
	}
	spawn_thread("deep", "nsw-deep-thr", NULL, NULL);
	r = spawn("deep", "nsw-deep-33", CLONE_NEWPID, NULL, 0, NULL, NULL, NULL);
	sh->deep_refused = r < 0 ? -r : 0;
	return 0;
}

static int exit_now(void *arg)
{
	(void)arg;
	return 1;
}

/* Make a task, let it exit, make another with the same pid (SET_TID_SIZE levels). */
static void reuse(const char *n1, const char *n2, int *out)
{
	pid_t local;
	int gtid, st, want;

	gtid = spawn("reuse", n1, 0, NULL, 0, exit_now, NULL, &local);
	must(gtid, "reuse first");
	if (waitpid(local, &st, 0) != local)
		die("waitpid reuse");
	want = local;
	must(gtid = spawn("reuse", n2, 0, &want, 1, NULL, NULL, &local), "reuse second");
	if (local != want)
		die("reuse: got %d, wanted %d", local, want);
	*out = gtid;
}

static int reuse_inner(void *arg)
{
	(void)arg;
	reuse("nsw-reuse-c", "nsw-reuse-d", &sh->reuse_vtid);
	return 0;
}

static int same_inner(void *arg)
{
	int x, r;

	(void)arg;
	for (x = 3000; x < 30000; x++) {
		int set[2] = { x, x };

		r = spawn("same", "nsw-same", 0, set, 2, NULL, NULL, NULL);
		if (r == -EEXIST)
			continue;
		must(r, "same");
		sh->same_tid = r;
		return 0;
	}
	die("no free pid for tid == vtid");
	return 0;
}

static int run_shapes(void *arg)
{
	(void)arg;
	/* unshare: nsw-root unshares; its children nest twice. */
	must(spawn("unshare", "nsw-unsh0", 0, NULL, 0, unshare_level, (void *)2L, NULL),
	     "unshare");
	must(spawn("clone", "nsw-clone0", 0, NULL, 0, clone_level, (void *)3L, NULL), "clone");
	must(spawn("sibling", "nsw-sib-par", 0, NULL, 0, sibling_parent, NULL, NULL),
	     "sibling");
	must(spawn("thread", "nsw-thr-top", CLONE_NEWPID, NULL, 0, thread_outer, NULL, NULL),
	     "thread");
	must(spawn("setns", "nsw-tgt1", CLONE_NEWPID, NULL, 0, setns_tgt1, NULL, NULL),
	     "setns target");
	must(spawn("setns", "nsw-inject", 0, NULL, 0, setns_helper, NULL, NULL), "setns");
	must(spawn("deep", "nsw-deep-00", 0, NULL, 0, deep_level, (void *)0L, NULL), "deep");
	reuse("nsw-reuse-a", "nsw-reuse-b", &sh->reuse_global);
	must(spawn("reuse", "nsw-reuse-ns", CLONE_NEWPID, NULL, 0, reuse_inner, NULL, NULL),
	     "reuse ns");
	must(spawn("same", "nsw-same-ns", CLONE_NEWPID, NULL, 0, same_inner, NULL, NULL),
	     "same ns");
	return 0;
}

/* ---- stress: many namespaces, many threads ----------------------------- */

static long stress_threads;

static void *idle_thread(void *p)
{
	(void)p;
	hang();
	return NULL;
}

static int stress_leaf(void *arg)
{
	pthread_attr_t a;
	pthread_t th;
	long i;

	(void)arg;
	pthread_attr_init(&a);
	pthread_attr_setstacksize(&a, PTHREAD_STACK_MIN > 16384 ? PTHREAD_STACK_MIN : 16384);
	for (i = 1; i < stress_threads; i++)
		if (pthread_create(&th, &a, idle_thread, NULL))
			die("pthread_create %ld", i);
	return 0;
}

static int stress_level(void *arg)
{
	long left = (long)arg;

	if (left > 1)
		must(spawn("stress", "nsw-stress-ns", CLONE_NEWPID, NULL, 0, stress_level,
			   (void *)(left - 1), NULL), "stress nest");
	else
		stress_leaf(NULL);
	return 0;
}

/*
 * fork and exit, and threads come and go, in a namespace, until killed,
 * or until the namespace is gone: a task setns()'d into a pid namespace
 * whose init died gets ENOMEM from every fork, and would spin (and grow)
 * for the rest of the boot.
 */
static void *churn_thread(void *p)
{
	(void)p;
	return NULL;
}

static int churn(void *arg)
{
	pthread_t th;

	(void)arg;
	for (;;) {
		pid_t c = fork();

		if (c == 0)
			_exit(0);
		if (c < 0 && errno == ENOMEM)
			_exit(0);
		if (c > 0)
			waitpid(c, NULL, 0);
		if (pthread_create(&th, NULL, churn_thread, NULL) == 0)
			pthread_join(th, NULL);
	}
	return 0;
}

static int run_stress(void *arg)
{
	long nns = (long)arg, i;

	for (i = 0; i < nns; i++)
		must(spawn("stress", "nsw-stress-ns", CLONE_NEWPID, NULL, 0, stress_level,
			   (void *)(1 + i % 3), NULL), "stress");
	return 0;
}

int main(int argc, char **argv)
{
	struct self me;
	char buf[256];
	int root, st;
	task_fn fn;
	void *arg = NULL;
	const char *mode;

	if (argc < 3) {
		fprintf(stderr, "usage: nsw shapes|stress|churn TRUTH [NNS NTHREADS]\n");
		return 2;
	}
	mode = argv[1];
	truth_fd = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0644);
	if (truth_fd < 0)
		die("open %s", argv[2]);
	sh = mmap(NULL, sizeof(*sh), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sh == MAP_FAILED)
		die("mmap");
	set_name("nsw-main");
	prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!strcmp(mode, "shapes")) {
		fn = run_shapes;
	} else if (!strcmp(mode, "stress") && argc == 5) {
		fn = run_stress;
		arg = (void *)strtol(argv[3], NULL, 0);
		stress_threads = strtol(argv[4], NULL, 0);
	} else if (!strcmp(mode, "churn")) {
		fn = NULL;
	} else {
		fprintf(stderr, "nsw: bad mode %s\n", mode);
		return 2;
	}
	pid_t inj = 0;

	if (fn) {
		root = spawn("root", "nsw-root", 0, NULL, 0, fn, arg, NULL);
	} else {
		root = spawn("churn", "nsw-churn", CLONE_NEWPID, NULL, 0, NULL, NULL, NULL);
		if (root > 0) {
			/* The churner is pid 1 there; it forks from its own loop. */
			pid_t c = inj = fork();

			if (c == 0) {
				char p[64];
				int fd;

				set_name("nsw-churn-inj");
				/* Not in root's process group: die with nsw-main. */
				prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
				if (getppid() == 1)
					_exit(0);
				snprintf(p, sizeof(p), "/proc/%d/ns/pid", root);
				fd = open(p, O_RDONLY);
				if (fd < 0 || setns(fd, CLONE_NEWPID) < 0)
					die("churn setns");
				churn(NULL);
			}
		}
	}
	must(root, "root");
	get_self(&me);
	snprintf(buf, sizeof(buf),
		 "{\"event\":\"ready\",\"main\":%d,\"root\":%d,\"setns_target\":%d,"
		 "\"deep_refused\":%d,\"same_tid\":%d,\"reuse_global\":%d,\"reuse_vtid\":%d}\n",
		 me.tid, root, sh->setns_target, sh->deep_refused, sh->same_tid,
		 sh->reuse_global, sh->reuse_vtid);
	if (write(truth_fd, buf, strlen(buf)) < 0)
		die("write");
	printf("ready %d\n", root);
	/* Until stdin closes (or a line arrives), then kill everything. */
	while (read(0, buf, sizeof(buf)) < 0 && errno == EINTR)
		;
	kill(-root, SIGKILL);
	kill(root, SIGKILL);
	if (inj > 0)
		kill(inj, SIGKILL);
	while (wait(&st) > 0 || errno == EINTR)
		;
	return 0;
}
