/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The unit tests' tiny framework: CHECK() notes a failed condition in the
 * current case (a local `int ok` must exist), report() prints the case's
 * PASS/FAIL line with what failed, and failed_cases counts the failures
 * for the exit status.  UNIT_PREFIX names the program's cases.
 */
#ifndef UNIT_H
#define UNIT_H

#include <stdarg.h>
#include <stdio.h>

#ifndef UNIT_PREFIX
#define UNIT_PREFIX ""
#endif

static int failed_cases;
static char fail_msg[4096];
static size_t fail_len;

static void __attribute__((format(printf, 1, 2))) note(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(fail_msg + fail_len, sizeof(fail_msg) - fail_len, fmt,
		      ap);
	va_end(ap);
	if (n > 0)
		fail_len += (size_t)n;
	if (fail_len >= sizeof(fail_msg))
		fail_len = sizeof(fail_msg) - 1;
}

#define CHECK(cond) do {						\
	if (!(cond)) {							\
		note("    %s:%d: check failed: %s\n", __FILE__, __LINE__,	\
		     #cond);						\
		ok = 0;							\
	}								\
} while (0)

static void report(const char *name, int ok)
{
	if (ok) {
		printf("PASS " UNIT_PREFIX "%s\n", name);
	} else {
		/* A long message may have been cut: end it with its line. */
		printf("FAIL " UNIT_PREFIX "%s\n%s%s", name, fail_msg,
		       fail_len && fail_msg[fail_len - 1] != '\n' ? "\n" : "");
		failed_cases++;
	}
	fail_len = 0;
	fail_msg[0] = '\0';
	fflush(stdout);
}

#endif
