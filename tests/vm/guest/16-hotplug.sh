#!/bin/bash
# CPU hotplug while tracing: a CPU that goes offline and comes back keeps
# recording into its buffer, nothing warns, and a session with no events at
# all still yields a readable (header-only) packet per CPU, as upstream.
set -eu
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)

stat_of() { python3 "$here/btstat.py" "$@"; }
jget() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

[ -w /sys/devices/system/cpu/cpu1/online ] || { echo "no hotpluggable cpu1"; exit 77; }
modprobe lttng-test
start_sessiond

echo "== empty session"
lttng create empty --output="$TEST_OUT/empty"
lttng enable-event -k lttng_test_filter_event
lttng start; lttng stop; lttng destroy
ls -l "$TEST_OUT"/empty/kernel/
for f in "$TEST_OUT"/empty/kernel/channel0_*; do
	[ -s "$f" ] || fail "empty session: $f has no packet"
done
bt_read "$TEST_OUT/empty" >/dev/null

echo "== hotplug"
lttng create hp --output="$TEST_OUT/hp"
lttng enable-event -k lttng_test_filter_event,sched_switch
lttng start
taskset -c 1 sh -c 'echo 100 > /proc/lttng-test-filter-event'
echo 0 > /sys/devices/system/cpu/cpu1/online
taskset -c 0 sh -c 'echo 50 > /proc/lttng-test-filter-event'
echo 1 > /sys/devices/system/cpu/cpu1/online
sleep 1
taskset -c 1 sh -c 'echo 70 > /proc/lttng-test-filter-event'
lttng stop; lttng destroy
bt_read "$TEST_OUT/hp" > "$TEST_OUT/hp.txt"
s=$(stat_of "$TEST_OUT/hp"); echo "$s"
[ "$(echo "$s" | jget "d['counts'].get('lttng_test_filter_event', 0)")" = 220 ] || fail "hotplug: not 220 events"
grep -q 'lttng_test_filter_event: { cpu_id = 1 }' "$TEST_OUT/hp.txt" || fail "no event recorded on cpu 1"

stop_sessiond
rmmod lttng-test
pass
