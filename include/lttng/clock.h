/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Clock plugins (module lttng-clock): a module may replace the trace clock
 * with its own, as with upstream lttng-modules; lttng-tools' regression
 * test test_clock_override loads such a plugin (tests/clock-plugin/) before
 * the tracer.
 *
 * A plugin registers before the tracer core (lttng-tracer) is loaded, and
 * stays until it is unloaded: lttng-tracer pins the registered plugin for
 * its whole life (lttng_clock_ref()), so that every timestamp of every
 * trace comes from one clock and the metadata describes that clock.
 * Registration while the tracer is loaded fails with -EBUSY, a second
 * plugin with -EEXIST.
 *
 * The callbacks, as upstream's plugins fill them in:
 *   read64       the time, in cycles of freq; any context, NMI included;
 *   freq         cycles per second (1 .. 10^10);
 *   uuid         optional: writes the clock's uuid, 36 characters and a
 *                NUL, and returns 0 (else the boot id is used);
 *   name         optional: an identifier ([A-Za-z_][A-Za-z0-9_]*, up to
 *                63 characters), what the metadata calls the clock;
 *   description  optional: free text for the metadata.
 * name, description, uuid and freq are read once, when registering, and
 * must be valid then (else -EINVAL).
 */
#ifndef LTTNG_CLOCK_H
#define LTTNG_CLOCK_H

#include <linux/types.h>
#include <linux/compiler.h>

struct module;

#define LTTNG_MODULES_UUID_STR_LEN	37	/* 36 characters and a NUL */

/* The members upstream's plugins fill in, by name (see above). */
struct lttng_trace_clock {
	u64 (*read64)(void);			/* now, in cycles */
	u64 (*freq)(void);			/* cycles per second */
	int (*uuid)(char *uuid);		/* optional */
	const char *(*name)(void);		/* optional */
	const char *(*description)(void);	/* optional */
};

/* 0, or -EINVAL (a callback or value), -EBUSY (tracer loaded), -EEXIST. */
int lttng_clock_register_plugin(struct lttng_trace_clock *ltc, struct module *mod);
/* From the plugin's module exit; a clock not registered is ignored. */
void lttng_clock_unregister_plugin(struct lttng_trace_clock *ltc, struct module *mod);

/* ---- For the tracer's own modules ---- */

/* What the metadata says of the clock in use. */
struct lttng_clock_info {
	char name[64];
	char description[128];
	char uuid[LTTNG_MODULES_UUID_STR_LEN];	/* "" if none: the boot id */
	u64 freq;
};

/*
 * The plugin in use, NULL for the built-in monotonic clock.  Set only while
 * nothing holds a reference (no lttng-tracer loaded, hence no channel), so
 * every channel sees one value for its whole life.
 */
extern struct lttng_trace_clock *lttng_clock_plugin;

/* Pin the current plugin (or none) until lttng_clock_unref(). */
void lttng_clock_ref(void);
void lttng_clock_unref(void);
/* The pinned plugin's description (the monotonic clock's without one). */
void lttng_clock_get_info(struct lttng_clock_info *info);

#endif
