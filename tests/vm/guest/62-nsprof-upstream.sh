#!/bin/bash
# The nsprof plugin on a trace made with upstream lttng-modules 2.13.9 gives
# the same namespace tree as on ours, for the same workload.
#
# In one boot, the container scenario of tests/demo/scenario.sh runs twice
# under the stock lttng-tools: traced with our modules (lttng-sessiond
# loads them), which must then all unload; then with upstream's, built
# on the host from Debian's lttng-modules-dkms by tests/upstream/build
# (tests/run-all does it) and staged in $UPSTREAM_STAGE, insmod-ed by path
# in dependency order before lttng-sessiond starts (same module names as
# ours: lttng-sessiond finds them loaded, and is started with
# --kmod-probes=sched,statedump so that it loads no probe of ours by
# name).
# nsprof-check.py compares the plugin's JSON of both runs: each against
# /proc and the kernel's CPU accounting, and the two against each other
# (tree, levels, members of each container, normalised by the
# containers' names since inode numbers differ between runs).
#
# Skipped (77) only when the host could not download Debian's package
# (tests/upstream/build leaves a file "unavailable" saying so).
set -eu
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/../../demo/scenario.sh"

UPSTREAM_STAGE=/var/tmp/lttng-upstream/stage/$KVER
trap 'scn_cleanup; stop_sessiond >/dev/null 2>&1 || true' EXIT

if [ -f "$UPSTREAM_STAGE/unavailable" ]; then
	echo "upstream lttng-modules not available: $(cat "$UPSTREAM_STAGE/unavailable")"
	exit 77
fi
[ -f "$UPSTREAM_STAGE/load-order" ] ||
	fail "no upstream modules staged in $UPSTREAM_STAGE: run tests/upstream/build $KVER $UPSTREAM_STAGE on the host first (tests/run-all does)"
cat "$UPSTREAM_STAGE/info"

loaded() { lsmod | awk '$1 ~ /^lttng_/ { print $1 }' | sort; }

# Unload every lttng module (dependencies first is modprobe -r's job);
# none may refuse.
unload_all() {
	for _ in 1 2 3; do
		for m in $(loaded); do
			modprobe -r "$m" 2>/dev/null || true
		done
	done
}

plugin=$(nsprof_plugin)
# Earlier tests of the boot may have left some of our modules loaded (a
# probe module loaded by hand): they must go before upstream's come in.
if [ -n "$(loaded)" ]; then
	echo "loaded before the test: $(loaded | tr '\n' ' ')"
	unload_all
	[ -z "$(loaded)" ] || fail "lttng modules loaded before the test do not unload: $(loaded | tr '\n' ' ')"
fi

echo "== ours"
start_sessiond
run_scenario "$TEST_OUT/ours" || fail "scenario failed (ours)"
stop_sessiond
# lttng-sessiond unloads what it loaded when it exits; anything left must
# still go (dependencies first is modprobe -r's job), and without error.
left=$(loaded)
if [ -n "$left" ]; then
	echo "left loaded by lttng-sessiond: $(echo "$left" | tr '\n' ' ')"
	unload_all
fi
[ -z "$(loaded)" ] || fail "our modules do not unload: $(loaded | tr '\n' ' ')"
echo "our modules unloaded"

echo "== upstream"
while read -r m; do
	insmod "$UPSTREAM_STAGE/$m.ko" || fail "insmod upstream $m"
done <"$UPSTREAM_STAGE/load-order"
want=$(tr '-' '_' <"$UPSTREAM_STAGE/load-order" | sort)
lttng-sessiond -d --kmod-probes=sched,statedump
for _ in $(seq 1 100); do
	lttng list >/dev/null 2>&1 && break
	sleep 0.2
done
lttng list >/dev/null 2>&1 || fail "lttng-sessiond did not come up (upstream)"
# Only upstream's modules: a module of ours pulled in by name would show
# up as one that was not staged.
# (no process substitution: the guest has no /dev/fd)
[ "$(loaded)" = "$want" ] ||
	fail "loaded modules are not exactly the staged upstream set: $(loaded | tr '\n' ' ')"
run_scenario "$TEST_OUT/upstream" || fail "scenario failed (upstream)"
[ "$(loaded)" = "$want" ] || fail "loaded modules changed while tracing with upstream's"
stop_sessiond
for m in $(tac "$UPSTREAM_STAGE/load-order"); do
	if [ -d "/sys/module/${m//-/_}" ]; then
		rmmod "${m//-/_}" || fail "rmmod upstream $m"
	fi
done
[ -z "$(loaded)" ] || fail "upstream modules left: $(loaded | tr '\n' ' ')"

for s in ours upstream; do
	echo "== nsprof, $s"
	nsprof_report "$plugin" "$TEST_OUT/$s"
done
python3 "$(dirname "$0")/nsprof-check.py" compare "$TEST_OUT/ours" "$TEST_OUT/upstream"
trap - EXIT
scn_cleanup
pass
