#!/bin/bash
# Last test of a debug-kernel boot (tests/debug/run): after every module
# of ours is unloaded, kmemleak scans twice (a block is only reported
# once it stays unreferenced across scans) and any leak whose allocation
# backtrace goes through one of our modules fails; the others (the
# kernel's own boot-time false positives) are counted and shown.
set -eu
. "$(dirname "$(readlink -f "$0")")/../vm/guest/lib.sh"
k=/sys/kernel/debug/kmemleak
[ -w "$k" ] || fail "no $k: this kernel has no kmemleak (tests/debug/build-kernel)"
unload_lttng_modules
[ -z "$(lttng_modules)" ] || fail "lttng modules still loaded: $(lttng_modules | tr '\n' ' ')"
echo scan >"$k"
sleep 5
echo scan >"$k"
cat "$k" >"$TEST_OUT/kmemleak.txt"
all=$(grep -c '^unreferenced object' "$TEST_OUT/kmemleak.txt" || true)
# One report: "unreferenced object ..." up to the next one.
ours=$(awk '/^unreferenced object/ { if (r ~ /lttng/) n++; r = "" } { r = r "\n" $0 }
	END { if (r ~ /lttng/) n++; print n + 0 }' "$TEST_OUT/kmemleak.txt")
echo "kmemleak: $all unreferenced object(s), $ours with our modules in their backtrace"
if [ "$ours" != 0 ]; then
	cat "$TEST_OUT/kmemleak.txt"
	fail "kmemleak: $ours leak(s) from our modules"
fi
pass
