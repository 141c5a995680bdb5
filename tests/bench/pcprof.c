// SPDX-License-Identifier: GPL-2.0-only
/*
 * pcprof: QEMU TCG plugin for `tests/bench/run --profile`.  Like insncount
 * it watches for the marker instruction `outb %al, $0x99` (E6 99), but
 * instead of a running total it keeps, between the 1st and 2nd marker, the
 * 3rd and 4th and so on, the instructions executed on vCPU 0 per translation
 * block start address, and appends each such window to the file named by
 * out=PATH as "W <index>" followed by "<hex vaddr> <instructions>" lines.
 * A block ends at every call, jump and return, so attributing its
 * instructions to the symbol of its start address is exact per function.
 *
 * Build: gcc -O2 -shared -fPIC $(pkg-config --cflags glib-2.0)
 *        -I<dir of qemu-plugin.h> -o pcprof.so pcprof.c
 * Only vCPU 0 is profiled (the benchmark pins the measured writer there),
 * so its callbacks alone touch the table and no lock is needed.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <glib.h>
#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

struct block {
	uint64_t vaddr;
	uint64_t n;
};

static FILE *out;
static GHashTable *hist;	/* vaddr -> instructions, in the open window */
static int active;
static unsigned int windows;

static void tb_exec(unsigned int vcpu, void *udata)
{
	const struct block *b = udata;
	gpointer key = (gpointer)(uintptr_t)b->vaddr;

	if (vcpu != 0 || !active)
		return;
	g_hash_table_insert(hist, key, (gpointer)(uintptr_t)
			    ((uintptr_t)g_hash_table_lookup(hist, key) + b->n));
}

static void dump(gpointer key, gpointer value, gpointer unused)
{
	fprintf(out, "%" PRIx64 " %" PRIu64 "\n", (uint64_t)(uintptr_t)key,
		(uint64_t)(uintptr_t)value);
}

static void mark(unsigned int vcpu, void *unused)
{
	if (vcpu != 0)
		return;
	if (!active) {
		g_hash_table_remove_all(hist);
		active = 1;
		return;
	}
	active = 0;
	fprintf(out, "W %u\n", windows++);
	g_hash_table_foreach(hist, dump, NULL);
	fflush(out);
}

static void tb_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
	size_t n = qemu_plugin_tb_n_insns(tb);
	/* One per translation; translations are few and live long. */
	struct block *b = g_new(struct block, 1);

	b->vaddr = qemu_plugin_tb_vaddr(tb);
	b->n = n;
	qemu_plugin_register_vcpu_tb_exec_cb(tb, tb_exec, QEMU_PLUGIN_CB_NO_REGS, b);
	for (size_t i = 0; i < n; i++) {
		struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
		const uint8_t *c = qemu_plugin_insn_data(insn);

		if (qemu_plugin_insn_size(insn) == 2 && c[0] == 0xe6 && c[1] == 0x99)
			qemu_plugin_register_vcpu_insn_exec_cb(insn, mark, QEMU_PLUGIN_CB_NO_REGS, NULL);
	}
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info,
					   int argc, char **argv)
{
	for (int i = 0; i < argc; i++)
		if (!strncmp(argv[i], "out=", 4))
			out = fopen(argv[i] + 4, "a");
	if (!out)
		return -1;
	hist = g_hash_table_new(g_direct_hash, g_direct_equal);
	qemu_plugin_register_vcpu_tb_trans_cb(id, tb_trans);
	return 0;
}
