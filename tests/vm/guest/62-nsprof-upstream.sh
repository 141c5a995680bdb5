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

plugin=$(nsprof_plugin)
# Earlier tests of the boot may have left some of our modules loaded (a
# probe module loaded by hand): they must go before upstream's come in.
if [ -n "$(lttng_modules)" ]; then
	echo "loaded before the test: $(lttng_modules | tr '\n' ' ')"
	unload_lttng_modules
	[ -z "$(lttng_modules)" ] || fail "lttng modules loaded before the test do not unload: $(lttng_modules | tr '\n' ' ')"
fi

echo "== ours"
start_sessiond
run_scenario "$TEST_OUT/ours" || fail "scenario failed (ours)"
stop_sessiond
# lttng-sessiond unloads what it loaded when it exits; anything left must
# still go (dependencies first is modprobe -r's job), and without error.
left=$(lttng_modules)
if [ -n "$left" ]; then
	echo "left loaded by lttng-sessiond: $(echo "$left" | tr '\n' ' ')"
	unload_lttng_modules
fi
[ -z "$(lttng_modules)" ] || fail "our modules do not unload: $(lttng_modules | tr '\n' ' ')"
echo "our modules unloaded"

echo "== upstream"
upstream_insmod "$UPSTREAM_STAGE"
want=$(tr '-' '_' <"$UPSTREAM_STAGE/load-order" | sort)
start_sessiond --kmod-probes=sched,statedump
# Only upstream's modules: a module of ours pulled in by name would show
# up as one that was not staged.
# (no process substitution: the guest has no /dev/fd)
[ "$(lttng_modules)" = "$want" ] ||
	fail "loaded modules are not exactly the staged upstream set: $(lttng_modules | tr '\n' ' ')"
run_scenario "$TEST_OUT/upstream" || fail "scenario failed (upstream)"
[ "$(lttng_modules)" = "$want" ] || fail "loaded modules changed while tracing with upstream's"
stop_sessiond
upstream_rmmod "$UPSTREAM_STAGE"
[ -z "$(lttng_modules)" ] || fail "upstream modules left: $(lttng_modules | tr '\n' ' ')"

for s in ours upstream; do
	echo "== nsprof, $s"
	nsprof_report "$plugin" "$TEST_OUT/$s"
done
python3 "$(dirname "$0")/nsprof-check.py" compare "$TEST_OUT/ours" "$TEST_OUT/upstream"
trap - EXIT
scn_cleanup
pass
