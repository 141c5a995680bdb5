#!/bin/bash
# Live sessions: lttng-relayd streams the kernel trace while it is being
# recorded, and babeltrace2 reads it over lttng-live, as
# `lttng create --live` users do.  The consumer's live timer exercises the
# stream ioctls that only live mode uses (stream id, current timestamp,
# flush-empty beacons).
set -eu
. "$(dirname "$0")/lib.sh"

modprobe lttng-test
start_sessiond
# `lttng create --live` spawns the relay daemon itself.
lttng create livetest --live=200000
lttng enable-event -k lttng_test_filter_event
lttng start
url=net://localhost/host/$(hostname)/livetest
# The reader attaches while the session runs; with
# session-not-found-action=end it ends once the session is destroyed.
babeltrace2 --input-format=lttng-live "$url" --params='session-not-found-action="end"' >"$TEST_OUT/live.txt" 2>"$TEST_OUT/live.err" &
reader=$!
sleep 3
echo 100 > /proc/lttng-test-filter-event
sleep 2
echo 100 > /proc/lttng-test-filter-event
sleep 2
lttng stop
lttng destroy
for _ in $(seq 1 150); do
	kill -0 "$reader" 2>/dev/null || break
	sleep 0.2
done
if kill -0 "$reader" 2>/dev/null; then
	kill "$reader"
	fail "the live reader did not end after lttng destroy"
fi
wait "$reader" || { cat "$TEST_OUT/live.err" >&2; fail "babeltrace2 lttng-live failed"; }
n=$(grep -c 'lttng_test_filter_event:' "$TEST_OUT/live.txt" || true)
echo "live events: $n"
[ "$n" = 200 ] || { cat "$TEST_OUT/live.err" >&2; fail "live: $n events instead of 200"; }
grep -q 'intfield = 99,' "$TEST_OUT/live.txt" || fail "live: event values wrong"
pkill -x lttng-relayd || true
stop_sessiond
rmmod lttng-test
pass
