/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Kernel messages as they go to the console, with upstream lttng-modules
 * 2.13's name and field: the text, as a sequence of its len bytes.  Read
 * several times by probes/lttng-probe-gen.h: no include guard.
 */
LTTNG_EVENT_CLASS(printk_console,
	PROTO(const char *text, size_t len),
	ARGS(text, len),
	FIELDS(
		f_seq_text(msg, text, size_t, len)
	)
)

LTTNG_EVENT_INSTANCE_MAP(printk_console, console, printk_console)
