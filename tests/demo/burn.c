// SPDX-License-Identifier: GPL-2.0-only
/*
 * burn - a CPU load of a known share, for the container demo and
 * tests/vm/guest/60-nsprof.sh.
 *
 *   burn NAME PERCENT SECONDS [CPU]
 *
 * Sets its comm to NAME, optionally pins itself to CPU, then for SECONDS
 * keeps its own CPU time (CLOCK_THREAD_CPUTIME_ID) at PERCENT of the wall
 * time elapsed since it started: every PERIOD_MS it spins until its CPU
 * time reaches the cumulative target, then sleeps until the next period
 * boundary (absolute, so sleep overshoot does not accumulate).  Catching
 * up on the cumulative target, rather than spinning a fixed slice per
 * period, keeps the long-run share exact even when another task delays it
 * for a few periods.  At exit (SECONDS elapsed, or SIGTERM) it prints
 * what it really consumed and its worst wake-up lateness (how long after
 * a period boundary it got the CPU back: the scheduling latency it
 * suffered, which bounds how far behind its target it can be at any
 * instant); SIGUSR1 restarts and SIGUSR2 ends that record, so that it
 * covers a traced interval only.  SIGCONT (after a SIGSTOP) restarts the
 * regulation from the moment it resumes, so that a stopped load does not
 * catch up on the time it was stopped in one burst: the scenario stops
 * the loads around the trace's ends to read the kernel's accounting.
 * It also restarts the lateness record, as SIGUSR1 does.
 *
 *   burn --switch-cost CPU MILLISECONDS
 *
 * instead measures what a trip through the scheduler costs on CPU right
 * now: it sleeps for 1 ns (timer slack 1 ns) over and over for
 * MILLISECONDS and prints "switch_cost_ns N", the wall time per sleep.
 * On an otherwise idle CPU each sleep is a switch to the idle task (with
 * the dequeue and the idle balance) and a switch back after the timer's
 * wake-up, plus the system call: more than either __schedule() call.
 * Under TCG on a busy host this is many times the native cost, and the
 * tests derive their CPU-time tolerance from it
 * (tests/vm/guest/nsprof-check.py).
 *
 * The load runs in a forked child named NAME, not in the exec'd process
 * (which stays as "burn", waiting): a fresh exec costs CPU (loader,
 * relocations; a tenth of a second under TCG) that is not part of the
 * regulated share, and the child's life starts exactly when its
 * regulation does.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PERIOD_MS 10

static volatile sig_atomic_t stop, reset_late, freeze_late, resumed;

static void on_sig(int sig)
{
	if (sig == SIGTERM)
		stop = 1;
	else if (sig == SIGUSR1)
		reset_late = 1;
	else if (sig == SIGCONT)
		resumed = 1;
	else
		freeze_late = 1;
}

static double now(clockid_t c)
{
	struct timespec ts;

	clock_gettime(c, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void pin(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set))
		perror("burn: sched_setaffinity");
}

static int switch_cost(int cpu, double ms)
{
	struct timespec nap = { 0, 1 };
	double t0, t;
	long trips = 0;

	pin(cpu);
	prctl(PR_SET_TIMERSLACK, 1UL, 0, 0, 0);
	t0 = now(CLOCK_MONOTONIC);
	do {
		clock_nanosleep(CLOCK_MONOTONIC, 0, &nap, NULL);
		trips++;
		t = now(CLOCK_MONOTONIC);
	} while (t - t0 < ms / 1e3);
	printf("switch_cost_ns %.0f\n", (t - t0) * 1e9 / trips);
	return 0;
}

int main(int argc, char **argv)
{
	double share, secs, t0, c0, target, cpu, late, max_late = 0;
	double r0;		/* CPU time at the start of the regulation */
	struct timespec next;
	long k, k0 = 0;		/* period at which the regulation started */

	if (argc == 4 && !strcmp(argv[1], "--switch-cost"))
		return switch_cost(atoi(argv[2]), atof(argv[3]));
	if (argc < 4) {
		fprintf(stderr, "usage: burn NAME PERCENT SECONDS [CPU]\n"
			"       burn --switch-cost CPU MILLISECONDS\n");
		return 2;
	}
	share = atof(argv[2]) / 100.0;
	secs = atof(argv[3]);
	if (argc > 4)
		pin(atoi(argv[4]));
	k = fork();
	if (k < 0) {
		perror("burn: fork");
		return 1;
	}
	if (k > 0) {
		int st;

		while (waitpid((pid_t)k, &st, 0) < 0)
			;
		return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
	}
	prctl(PR_SET_NAME, argv[1], 0, 0, 0);
	/* SIGUSR1: forget the lateness so far; SIGUSR2: stop recording it. */
	signal(SIGTERM, on_sig);
	signal(SIGUSR1, on_sig);
	signal(SIGUSR2, on_sig);
	signal(SIGCONT, on_sig);
	t0 = now(CLOCK_MONOTONIC);
	c0 = r0 = now(CLOCK_THREAD_CPUTIME_ID);
	clock_gettime(CLOCK_MONOTONIC, &next);
	for (k = 1;; k++) {
		double wall = now(CLOCK_MONOTONIC) - t0;

		if (wall >= secs || stop)
			break;
		if (resumed) {
			/* Start afresh from now, period boundaries included. */
			resumed = 0;
			r0 = now(CLOCK_THREAD_CPUTIME_ID);
			clock_gettime(CLOCK_MONOTONIC, &next);
			k0 = k - 1;
			if (!freeze_late)
				max_late = 0;
		}
		/* Enough CPU for the whole period that ends at boundary k. */
		target = share * (k - k0) * (PERIOD_MS / 1000.0);
		while (now(CLOCK_THREAD_CPUTIME_ID) - r0 < target && !stop && !resumed)
			;
		if (resumed)
			continue;
		next.tv_nsec += PERIOD_MS * 1000000L;
		while (next.tv_nsec >= 1000000000L) {
			next.tv_nsec -= 1000000000L;
			next.tv_sec++;
		}
		clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, NULL);
		if (resumed)
			continue;	/* stopped: not a scheduling delay */
		late = now(CLOCK_MONOTONIC) - (next.tv_sec + next.tv_nsec / 1e9);
		if (reset_late) {
			reset_late = 0;
			max_late = 0;
		}
		if (late > max_late && !freeze_late)
			max_late = late;
	}
	cpu = now(CLOCK_THREAD_CPUTIME_ID) - c0;
	printf("burn %s: %.3f s CPU over %.3f s = %.2f%% (asked %.1f%%), max_late_ms %.3f\n",
	       argv[1], cpu, now(CLOCK_MONOTONIC) - t0,
	       100.0 * cpu / (now(CLOCK_MONOTONIC) - t0), share * 100, max_late * 1e3);
	fflush(stdout);
	return 0;
}
