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
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
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

int main(int argc, char **argv)
{
	long pg = sysconf(_SC_PAGESIZE);
	char path[256], buf[64], *map, *cross, *nonul, *gone;
	char longname[5000];
	int fd, i;

	if (argc != 2)
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
