// SPDX-License-Identifier: GPL-2.0-only
/*
 * nsust-app: records nsx:task from its main thread and from a second
 * thread, with the global tid/pid read from /proc/thread-self (the initial
 * namespaces' procfs), its NSpid level and pid-namespace inode.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define TRACEPOINT_DEFINE
#define TRACEPOINT_CREATE_PROBES
#include "nsx_tp.h"

static void *emit(void *arg)
{
	char link[64], status[4096], *l;
	struct stat st;
	int gtid, gpid, level = 0;
	FILE *f;
	ssize_t n;

	(void)arg;
	n = readlink("/proc/thread-self", link, sizeof(link) - 1);
	if (n < 0 || stat("/proc/thread-self/ns/pid", &st) < 0) {
		perror("proc");
		exit(1);
	}
	link[n] = 0;
	gpid = atoi(link);
	gtid = atoi(strrchr(link, '/') + 1);
	f = fopen("/proc/thread-self/status", "r");
	n = f ? fread(status, 1, sizeof(status) - 1, f) : 0;
	status[n] = 0;
	if (f)
		fclose(f);
	l = strstr(status, "\nNSpid:");
	if (l)
		for (l += 7; *l && *l != '\n'; l++)
			if (*l == '\t' || *l == ' ')
				level += l[1] >= '0' && l[1] <= '9';
	level--;	/* n numbers -> level n - 1 */
	tracepoint(nsx, task, gtid, gpid, level, (unsigned long)st.st_ino,
		   (int)syscall(SYS_gettid), getpid());
	printf("app: gtid %d gpid %d level %d pidns %lu tid %ld pid %d\n", gtid,
	       gpid, level, (unsigned long)st.st_ino, syscall(SYS_gettid), getpid());
	return NULL;
}

int main(void)
{
	pthread_t t;

	setvbuf(stdout, NULL, _IOLBF, 0);
	emit(NULL);
	if (pthread_create(&t, NULL, emit, NULL) || pthread_join(t, NULL))
		return 1;
	return 0;
}
