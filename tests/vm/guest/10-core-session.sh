#!/bin/bash
# The stock lttng-sessiond loads our modules by name and records a kernel
# session that babeltrace2 reads without complaint.
set -eu
. "$(dirname "$0")/lib.sh"

start_sessiond
lsmod | grep -q '^lttng_tracer' || fail "lttng-tracer not loaded by lttng-sessiond"
[ "$(stat -c %a /proc/lttng)" = 600 ] || fail "/proc/lttng mode is not 0600"

lttng list -k > "$TEST_OUT/list.txt"
grep -q 'sched_switch' "$TEST_OUT/list.txt" || fail "lttng list -k lacks sched_switch"
grep -q 'lttng_statedump_process_state' "$TEST_OUT/list.txt" || fail "lttng list -k lacks the statedump events"

out=$TEST_OUT/trace-basic
lttng create basic --output="$out"
lttng enable-event -k sched_switch,sched_process_fork
lttng start
for i in 1 2 3 4 5; do /bin/true; done
lttng stop
lttng destroy
ls -lR "$out" | head -30
bt_read "$out" > "$TEST_OUT/basic.txt"
echo "events: $(wc -l < "$TEST_OUT/basic.txt")"
lsmod | grep -q '^lttng_probe_sched' || fail "lttng-probe-sched not loaded by lttng-sessiond"
grep -q 'sched_switch:' "$TEST_OUT/basic.txt" || fail "no sched_switch event"
grep -q 'sched_process_fork:' "$TEST_OUT/basic.txt" || fail "no sched_process_fork event"
stop_sessiond
pass
