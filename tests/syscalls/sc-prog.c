// SPDX-License-Identifier: GPL-2.0-only
/*
 * sc-prog: makes syscalls whose every argument and result it knows, and
 * prints them (one JSON object per call, after the end marker so that its
 * own output is not among them) for tests/vm/guest/47-syscalls.sh to
 * compare with the trace.  Between the markers (openat of
 * "/lttng-sc-begin" and "/lttng-sc-end", which fail) it calls only what
 * it reports.  Hostile pointers: NULL, an unmapped page, a kernel
 * address, a string crossing into an unmapped page without a NUL, one
 * crossing a page boundary, one longer than the recorded maximum.
 * Built with gcc -m32 too: a 32-bit task's calls are compat_syscall_*.
 * With a second argument "net" (a 64-bit build, loopback up), also the
 * calls whose socket addresses and fd pairs are read from user memory:
 * socketpair, connect (IPv4, IPv6, AF_UNIX, too short, unmapped) and
 * accept4 of a loopback connection.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

/* A 32-bit task reaches no kernel address: the top page, never mapped. */
#if UINTPTR_MAX > 0xffffffffUL
#define KERNEL_ADDR	((uintptr_t)0xffffffff81000000UL)
#else
#define KERNEL_ADDR	((uintptr_t)0xfffff000UL)
#endif

#define MAXCALLS 64
static char out[MAXCALLS][8192];
static int nout;

static long sc_openat(int dfd, const char *path, int flags, int mode,
		      const char *recorded)
{
	long r;

	/*
	 * The probe copies with page faults disabled, as upstream does: a
	 * string in a page this process never touched (a literal in
	 * .rodata) would be recorded empty.  Touch the readable ones.
	 */
	if (recorded[0])
		(void)*(volatile const char *)path;
	r = syscall(SYS_openat, dfd, path, flags, mode);

	if (r < 0)
		r = -errno;
	snprintf(out[nout++], sizeof(out[0]),
		 "{\"sc\": \"openat\", \"dfd\": %d, \"filename\": \"%s\", "
		 "\"flags\": %d, \"mode\": %d, \"ret\": %ld}",
		 dfd, recorded, flags, mode, r);
	return r;
}

static long sc_read(int fd, void *buf, size_t count)
{
	long r = syscall(SYS_read, fd, buf, count);

	if (r < 0)
		r = -errno;
	snprintf(out[nout++], sizeof(out[0]),
		 "{\"sc\": \"read\", \"fd\": %u, \"count\": %zu, "
		 "\"buf\": %lu, \"ret\": %ld}",
		 (unsigned int)fd, count, (unsigned long)buf, r);
	return r;
}

static long sc_close(int fd)
{
	long r = syscall(SYS_close, fd);

	if (r < 0)
		r = -errno;
	snprintf(out[nout++], sizeof(out[0]),
		 "{\"sc\": \"close\", \"fd\": %u, \"ret\": %ld}",
		 (unsigned int)fd, r);
	return r;
}

static long sc_getpid(void)
{
	long r = syscall(SYS_getpid);

	snprintf(out[nout++], sizeof(out[0]),
		 "{\"sc\": \"getpid\", \"ret\": %ld}", r);
	return r;
}

static long ret_or_errno(long r)
{
	return r < 0 ? -errno : r;
}

/* @keep: where the fds go, left open; NULL: closed again (traced). */
static long sc_pipe2(int flags, int *keep)
{
	int fds[2] = { -1, -1 };
	long r = ret_or_errno(syscall(SYS_pipe2, fds, flags));

	snprintf(out[nout++], sizeof(out[0]),
		 "{\"sc\": \"pipe2\", \"flags\": %d, \"fildes\": [%d, %d], "
		 "\"ret\": %ld}", flags, fds[0], fds[1], r);
	if (r == 0 && keep) {
		keep[0] = fds[0];
		keep[1] = fds[1];
	} else if (r == 0) {
		sc_close(fds[0]);
		sc_close(fds[1]);
	}
	return r;
}

/* The bytes of an fd set's first n fds, as the trace shows them. */
static void set_json(char *dst, size_t size, const fd_set *set, int n, int shown)
{
	int i, len = shown && set && n > 0 && n <= FD_SETSIZE ? (n + 7) / 8 : 0;

	*dst = '\0';
	for (i = 0; i < len; i++)
		snprintf(dst + strlen(dst), size - strlen(dst), "%s%d", i ? ", " : "",
			 ((const unsigned char *)set)[i]);
}

/*
 * select on @n fds (NULL sets stay NULL), no wait.  @readable: the probe
 * can read the sets at entry (not when one of them is unmapped).
 */
static long sc_select(int n, fd_set *r, fd_set *w, fd_set *e, int readable)
{
	struct timeval tv = { 0, 0 };
	char in[3][600], ex[3][600];
	fd_set *sets[3] = { r, w, e };
	long ret;
	int k;

	for (k = 0; k < 3; k++)
		set_json(in[k], sizeof(in[k]), sets[k], n, readable);
#ifdef SYS__newselect
	ret = ret_or_errno(syscall(SYS__newselect, n, r, w, e, &tv));
#else
	ret = ret_or_errno(syscall(SYS_select, n, r, w, e, &tv));
#endif
	for (k = 0; k < 3; k++)
		set_json(ex[k], sizeof(ex[k]), sets[k], n, ret > 0);
	snprintf(out[nout++], sizeof(out[0]),
		 "{\"sc\": \"select\", \"n\": %d, \"overflow\": 0, \"tvp\": %lu, "
		 "\"readfds\": [%s], \"writefds\": [%s], \"exceptfds\": [%s], "
		 "\"ret\": %ld, \"readfds_exit\": [%s], \"writefds_exit\": [%s], "
		 "\"exceptfds_exit\": [%s]}", n, (unsigned long)&tv,
		 in[0], in[1], in[2], ret, ex[0], ex[1], ex[2]);
	return ret;
}

/* Ready and not ready fds, none, too many, and an unmapped set. */
static void select_calls(void *gone)
{
	int p[2];
	fd_set r, w;

	if (sc_pipe2(0, p))
		exit(8);
	if (write(p[1], "x", 1) != 1)		/* write is not traced */
		exit(9);
	FD_ZERO(&r);
	FD_ZERO(&w);
	FD_SET(p[0], &r);
	FD_SET(p[1], &w);
	sc_select(p[1] + 1, &r, &w, NULL, 1);	/* both ready: 2 */
	FD_ZERO(&w);
	FD_SET(p[0], &w);			/* a read end: not writable */
	sc_select(p[0] + 1, NULL, &w, NULL, 1);	/* 0: no set at exit */
	sc_select(0, NULL, NULL, NULL, 1);
	sc_select(FD_SETSIZE + 1, &r, NULL, NULL, 0);	/* too many for the probe */
	sc_select(p[1] + 1, gone, NULL, NULL, 0);	/* -EFAULT */
	sc_close(p[0]);
	sc_close(p[1]);
}

#if UINTPTR_MAX > 0xffffffffUL
/* A socket address as the trace shows it: family, port, address. */
static void addr_json(char *dst, size_t n, const char *port_name,
		      const void *sa, int len)
{
	const struct sockaddr_in *in = sa;
	const struct sockaddr_in6 *in6 = sa;
	unsigned short family = 0;
	char v4[32] = "", v6[64] = "";
	int port = 0, i;

	if (sa && len >= 2)
		family = in->sin_family;
	if (family == AF_INET && len >= (int)sizeof(*in)) {
		const unsigned char *b = (const void *)&in->sin_addr;

		port = ntohs(in->sin_port);
		snprintf(v4, sizeof(v4), "%d, %d, %d, %d", b[0], b[1], b[2], b[3]);
	} else if (family == AF_INET6 && len >= (int)sizeof(*in6)) {
		port = ntohs(in6->sin6_port);
		for (i = 0; i < 8; i++)
			snprintf(v6 + strlen(v6), sizeof(v6) - strlen(v6), "%s%d",
				 i ? ", " : "", ntohs(in6->sin6_addr.s6_addr16[i]));
	}
	snprintf(dst, n, "\"family\": %u, \"%s\": %d, \"v4addr\": [%s], "
		 "\"v6addr\": [%s]", family, port_name, port, v4, v6);
}

static long sc_socketpair(void)
{
	int sv[2] = { -1, -1 };
	long r = ret_or_errno(syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, sv));

	snprintf(out[nout++], sizeof(out[0]),
		 "{\"sc\": \"socketpair\", \"family\": %d, \"type\": %d, "
		 "\"protocol\": 0, \"socket\": [%d, %d], \"ret\": %ld}",
		 AF_UNIX, SOCK_STREAM, sv[0], sv[1], r);
	if (r == 0) {
		sc_close(sv[0]);
		sc_close(sv[1]);
	}
	return r;
}

/* @shown: what the probe can read of @sa (NULL: nothing, it faults). */
static long sc_connect(int fd, const void *sa, int len, const void *shown)
{
	long r = ret_or_errno(syscall(SYS_connect, fd, sa, len));
	char a[256];

	addr_json(a, sizeof(a), "dport", shown, len);
	snprintf(out[nout++], sizeof(out[0]),
		 "{\"sc\": \"connect\", \"fd\": %d, \"uservaddr\": %lu, "
		 "\"addrlen\": %d, %s, \"ret\": %ld}",
		 fd, (unsigned long)sa, len, a, r);
	return r;
}

static long sc_accept4(int fd, struct sockaddr_in6 *sa, int flags)
{
	socklen_t len = sizeof(*sa);
	int before = len;
	long r;
	char a[256];

	memset(sa, 0, sizeof(*sa));
	r = ret_or_errno(syscall(SYS_accept4, fd, sa, &len, flags));
	addr_json(a, sizeof(a), "sport", sa, len);
	snprintf(out[nout++], sizeof(out[0]),
		 "{\"sc\": \"accept4\", \"fd\": %d, \"upeer_sockaddr\": %lu, "
		 "\"upeer_addrlen\": %d, \"flags\": %d, \"ret\": %ld, "
		 "\"upeer_addrlen_exit\": %d, %s}",
		 fd, (unsigned long)sa, before, flags, r, (int)len, a);
	return r;
}

/*
 * Each call's socket is made, bound and listened on by calls not traced;
 * close is traced, and reported.
 */
static void net_calls(void *gone)
{
	struct sockaddr_in in = { .sin_family = AF_INET };
	struct sockaddr_in6 in6 = { .sin6_family = AF_INET6 };
	struct sockaddr_un un = { .sun_family = AF_UNIX };
	struct sockaddr_in6 peer;
	socklen_t len = sizeof(in);
	int l, c, s;

	sc_socketpair();
	/* A loopback listener, a client connecting to it, and the accept. */
	l = socket(AF_INET, SOCK_STREAM, 0);
	in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (l < 0 || bind(l, (void *)&in, sizeof(in)) || listen(l, 4) ||
	    getsockname(l, (void *)&in, &len))
		exit(5);
	c = socket(AF_INET, SOCK_STREAM, 0);
	if (sc_connect(c, &in, sizeof(in), &in) != 0)
		exit(6);
	s = sc_accept4(l, &peer, SOCK_CLOEXEC);
	if (s < 0)
		exit(7);
	sc_close(s);
	sc_close(c);
	sc_close(l);
	/* IPv6 to a port nobody listens on: refused, the address recorded. */
	c = socket(AF_INET6, SOCK_STREAM, 0);
	in6.sin6_addr = in6addr_loopback;
	in6.sin6_port = htons(9);
	sc_connect(c, &in6, sizeof(in6), &in6);
	sc_close(c);
	/* No port or address for these. */
	c = socket(AF_UNIX, SOCK_STREAM, 0);
	strcpy(un.sun_path, "/nonexistent/lttng-sc");
	sc_connect(c, &un, sizeof(un), &un);
	sc_close(c);
	c = socket(AF_INET, SOCK_STREAM, 0);
	sc_connect(c, &in, 8, &in);		/* too short for an IPv4 one */
	sc_connect(c, &in, 1, &in);		/* too short for a family */
	sc_connect(c, gone, sizeof(in), NULL);	/* unmapped: -EFAULT */
	sc_close(c);
}
#endif

int main(int argc, char **argv)
{
	long pg = sysconf(_SC_PAGESIZE);
	char path[256], buf[64], *map, *cross, *nonul, *gone;
	char longname[5000];
	int fd, i;

	if (argc != 2 && !(argc == 3 && !strcmp(argv[2], "net")))
		return 2;
	snprintf(path, sizeof(path), "%s/sc-file", argv[1]);
	/* Three pages: [0] and [1] mapped, [2] unmapped. */
	map = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	if (map == MAP_FAILED)
		return 3;
	munmap(map + 2 * pg, pg);
	gone = map + 2 * pg;
	/* "/tmp/x-cross" with its middle on the page boundary. */
	cross = map + pg - 6;
	strcpy(cross, "/tmp/x-cross");
	/* No NUL before the unmapped page. */
	nonul = map + 2 * pg - 8;
	memset(nonul, 'z', 8);
	for (i = 0; i < (int)sizeof(longname) - 1; i++)
		longname[i] = 'a';
	longname[sizeof(longname) - 1] = '\0';

	sc_openat(AT_FDCWD, "/lttng-sc-begin", O_RDONLY, 0, "/lttng-sc-begin");
	fd = sc_openat(AT_FDCWD, path, O_CREAT | O_WRONLY | O_TRUNC, 0640, path);
	if (fd < 0 || write(fd, "hello\n", 6) != 6)
		return 4;
	/* The write is not reported: it is not enabled in the test. */
	sc_close(fd);
	fd = sc_openat(AT_FDCWD, path, O_RDONLY | O_CLOEXEC, 0, path);
	sc_read(fd, buf, sizeof(buf));
	sc_read(fd, buf, sizeof(buf));		/* at the end: 0 */
	sc_close(fd);
	sc_close(-1);				/* -EBADF, fd 4294967295 */
	sc_getpid();
	sc_openat(AT_FDCWD, "/nonexistent/lttng-sc", O_RDONLY, 0,
		  "/nonexistent/lttng-sc");	/* -ENOENT */
	sc_openat(AT_FDCWD, NULL, O_RDONLY, 0, "");		/* NULL */
	sc_openat(AT_FDCWD, gone, O_RDONLY, 0, "");		/* unmapped */
	sc_openat(AT_FDCWD, (const char *)KERNEL_ADDR, O_RDONLY, 0,
		  "");						/* kernel */
	sc_openat(AT_FDCWD, nonul, O_RDONLY, 0, "");		/* no NUL */
	sc_openat(AT_FDCWD, cross, O_RDONLY, 0, "/tmp/x-cross");
	sc_read(12345, gone, 10);				/* -EBADF */
	sc_pipe2(O_CLOEXEC, NULL);
	{
		/* The probe reads an unmapped array as zeros. */
		long r = ret_or_errno(syscall(SYS_pipe2, gone, 0));

		snprintf(out[nout++], sizeof(out[0]),
			 "{\"sc\": \"pipe2\", \"flags\": 0, \"fildes\": [0, 0], "
			 "\"ret\": %ld}", r);
	}
	select_calls(gone);
	if (argc == 3) {
#if UINTPTR_MAX > 0xffffffffUL
		net_calls(gone);
#else
		return 2;
#endif
	}
	{
		/* Cut at the recorded maximum, 4095 bytes and the NUL. */
		char rec[4096];

		memset(rec, 'a', 4095);
		rec[4095] = '\0';
		sc_openat(AT_FDCWD, longname, O_RDONLY, 0, rec);
	}
	sc_openat(AT_FDCWD, "/lttng-sc-end", O_RDONLY, 0, "/lttng-sc-end");
	printf("{\"pid\": %d}\n", getpid());
	for (i = 0; i < nout; i++)
		printf("%s\n", out[i]);
	return 0;
}
