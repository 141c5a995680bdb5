// SPDX-License-Identifier: GPL-2.0-only
/*
 * sc-loop SYSCALL N: N calls of getpid, getppid or openat (of a missing
 * path, so no file descriptor piles up), for tests/bench/syscalls.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	static const char path[] = "/nonexistent/lttng-bench-openat";
	long i, n;

	if (argc != 3)
		return 2;
	n = atol(argv[2]);
	if (!strcmp(argv[1], "getpid")) {
		for (i = 0; i < n; i++)
			syscall(SYS_getpid);
	} else if (!strcmp(argv[1], "getppid")) {
		for (i = 0; i < n; i++)
			syscall(SYS_getppid);
	} else if (!strcmp(argv[1], "openat")) {
		for (i = 0; i < n; i++)
			syscall(SYS_openat, AT_FDCWD, path, O_RDONLY, 0);
	} else {
		return 2;
	}
	return 0;
}
