/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The statedump hook.  The lttng-statedump module registers its walker
 * here; the core calls it at each session start and on "regenerate
 * statedump", with lttng_lock held and the session active.  Events it
 * emits must go to that session only.
 */
#ifndef LTTNG_STATEDUMP_H
#define LTTNG_STATEDUMP_H

struct module;
struct lttng_session;

struct lttng_statedump_ops {
	struct module *owner;
	int (*run)(struct lttng_session *session);
};

int lttng_statedump_register(const struct lttng_statedump_ops *ops);
void lttng_statedump_unregister(const struct lttng_statedump_ops *ops);

#endif
