#!/bin/bash
# Random and mutated requests on every kind of tracer file
# (tests/abi/abi-fuzz.c), several seeds; then the stock tools record a
# normal session.  The rig fails the run on any kernel complaint.
# FUZZ_SEEDS (default 4 seeds: one fixed, the others from the boot) and
# FUZZ_OPS (default 3000 operations per seed).
set -eu
. "$(dirname "$0")/lib.sh"
src=$(cd "$(dirname "$0")/../../abi" && pwd)/abi-fuzz.c
gcc -O2 -Wall -Wextra -Werror -o "$TEST_OUT/abi-fuzz" "$src"
for m in lttng-ring-buffer-client-discard lttng-ring-buffer-client-overwrite \
	lttng-ring-buffer-client-mmap-discard lttng-ring-buffer-client-mmap-overwrite \
	lttng-ring-buffer-metadata-client lttng-ring-buffer-metadata-mmap-client \
	lttng-probe-sched lttng-probe-statedump lttng-test; do
	modprobe "$m"
done
# A fixed seed that always runs, and fresh ones each run (printed, so a
# failure can be replayed with FUZZ_SEEDS).
seeds=${FUZZ_SEEDS:-"1 $(od -An -N4 -tu4 /dev/urandom) $(od -An -N4 -tu4 /dev/urandom) $(od -An -N4 -tu4 /dev/urandom)"}
for s in $seeds; do
	echo "== seed $s"
	"$TEST_OUT/abi-fuzz" "$s" "${FUZZ_OPS:-3000}" || fail "abi-fuzz seed $s"
done

# The tracer still works for a well-behaved user.
start_sessiond
out=$TEST_OUT/after
lttng create after --output="$out"
lttng enable-event -k sched_process_fork,lttng_test_filter_event
lttng start
echo 50 >/proc/lttng-test-filter-event
/bin/true
lttng stop
lttng destroy
bt_read "$out" >"$TEST_OUT/after.txt"
[ "$(grep -c 'lttng_test_filter_event:' "$TEST_OUT/after.txt")" = 50 ] || fail "after fuzzing: not 50 test events"
grep -q 'sched_process_fork:' "$TEST_OUT/after.txt" || fail "after fuzzing: no fork recorded"
stop_sessiond
pass
