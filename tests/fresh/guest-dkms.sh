#!/bin/bash
# Guest side of tests/fresh/run's DKMS step: the modules come from the
# DKMS install of the fresh root (no modules under test are staged), the
# stock lttng-sessiond loads them by name, and a session records a
# statedump.
set -eu
. "$(dirname "$0")/../vm/guest/lib.sh"

for m in lttng-tracer lttng-statedump lttng-probe-statedump lttng-probe-sched; do
	f=$(modinfo -n "$m" 2>/dev/null) || fail "no module $m installed"
	case $f in
	*/updates/dkms/*) echo "$m: $f" ;;
	*) fail "$m is $f, not the DKMS install" ;;
	esac
done

start_sessiond
out=$TEST_OUT/trace
lttng create dkms --output="$out"
lttng enable-event -k 'lttng_statedump_*'
lttng start
lttng stop
lttng destroy
bt_read "$out" >"$TEST_OUT/trace.txt"
n=$(grep -c 'lttng_statedump_process_state:' "$TEST_OUT/trace.txt" || true)
echo "process_state events: $n, tasks in /proc: $(ls -d /proc/[0-9]* | wc -l)"
[ "$n" -gt 10 ] || fail "the statedump recorded $n process_state events"
grep -q 'lttng_statedump_end:' "$TEST_OUT/trace.txt" || fail "no lttng_statedump_end"
stop_sessiond
pass
