// SPDX-License-Identifier: GPL-2.0-only
/*
 * nsust-launch APP DEPTH: for each level 1..DEPTH, a new pid namespace
 * (clone(CLONE_NEWPID)) whose pid 1 forks and execs APP (pid 2 there),
 * waits for it, then makes the next level.  One app at a time, so that
 * lttng-sessiond never sees two apps with the same (namespace-local) pid.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static int run(const char *app)
{
	int st;
	pid_t c = fork();

	if (c == 0) {
		execl(app, app, (char *)NULL);
		perror(app);
		_exit(127);
	}
	if (c < 0 || waitpid(c, &st, 0) != c)
		return 1;
	return !WIFEXITED(st) || WEXITSTATUS(st);
}

int main(int argc, char **argv)
{
	int depth, level, st;

	if (argc != 3)
		return 2;
	depth = atoi(argv[2]);
	for (level = 1; level <= depth; level++) {
		pid_t c = syscall(SYS_clone, CLONE_NEWPID | SIGCHLD, 0, 0, 0, 0);

		if (c < 0) {
			perror("clone");
			return 1;
		}
		if (c > 0) {
			/* The parent's job ends with its child's namespace. */
			if (waitpid(c, &st, 0) != c)
				return 1;
			return !WIFEXITED(st) || WEXITSTATUS(st);
		}
		/* pid 1 of the new level */
		if (run(argv[1]))
			return 1;
	}
	return 0;
}
