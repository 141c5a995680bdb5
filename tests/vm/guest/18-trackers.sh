#!/bin/bash
# lttng track/untrack -k: only the tracked process (pid tracker) or user
# (uid tracker) is recorded; untrack --all records nobody.
set -eu
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)

count_in() {
	python3 "$here/btstat.py" "$1" |
		python3 -c "import json,sys; print(json.load(sys.stdin)['counts'].get('lttng_test_filter_event', 0))"
}

modprobe lttng-test
start_sessiond

echo "== pid tracker"
lttng create tp --output="$TEST_OUT/tp"
lttng enable-event -k lttng_test_filter_event
( sleep 3; echo 30 > /proc/lttng-test-filter-event ) &
tracked=$!
lttng track -k --pid="$tracked"
lttng start
echo 40 > /proc/lttng-test-filter-event
wait "$tracked"
lttng stop; lttng destroy
[ "$(count_in "$TEST_OUT/tp")" = 30 ] || fail "pid tracker: expected only the 30 tracked events"

echo "== uid tracker"
lttng create tu --output="$TEST_OUT/tu"
lttng enable-event -k lttng_test_filter_event
lttng track -k --uid=4242
lttng start
setpriv --reuid=4242 --regid=4242 --clear-groups sh -c 'echo 25 > /proc/lttng-test-filter-event'
echo 40 > /proc/lttng-test-filter-event
lttng stop; lttng destroy
[ "$(count_in "$TEST_OUT/tu")" = 25 ] || fail "uid tracker: expected only uid 4242's 25 events"

echo "== untrack everyone"
lttng create tn --output="$TEST_OUT/tn"
lttng enable-event -k lttng_test_filter_event
lttng untrack -k --pid --all
lttng start
echo 40 > /proc/lttng-test-filter-event
lttng stop; lttng destroy
[ "$(count_in "$TEST_OUT/tn")" = 0 ] || fail "untrack --all: events recorded"

stop_sessiond
rmmod lttng-test
pass
