#!/bin/bash
# Strings that change while they are recorded never break a record's
# layout (issue 12).
#  1. Deterministic: lttng_test_torn_string (probes/lttng-test.c) hands
#     the record path one value to size the string and another to copy,
#     both ways; every record must decode, cut or '#'-padded, with the
#     field after it intact (check/torn_test_event.py).  Before the fix,
#     the odd events put a NUL inside the record and this failed.
#  2. The real thing: interfaces renamed between a 15-character and a
#     short name, a task renaming itself with prctl(PR_SET_NAME) and an
#     open file renamed (tests/stress/racer.c), as fast as they can, while
#     the statedump records them again and again: babeltrace2 must read
#     every packet without a warning, and each interface name must be a
#     name it had or the cut or padded form of a change
#     (check/torn_names.py).  A rename waits for an RCU grace period, so a
#     torn one is rare here: part 1 is the proof, part 2 the sanity check.
# TORN_EVENTS (default 1000) events, TORN_DUMPS (default 40) statedumps.
set -eu
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../../stress" && pwd)/racer.c
w=$(mktemp -d /tmp/torn.XXXXXX)
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	for i in 0 1 2 3; do
		ip link del "tq$i" 2>/dev/null || ip link del "longinterface0$i" 2>/dev/null || true
	done
	stop_sessiond >/dev/null 2>&1 || true
}
trap cleanup EXIT
gcc -O2 -Wall -Wextra -Werror -o "$w/racer" "$src" || fail "cannot build racer"
modprobe dummy 2>/dev/null || true

names=()
for i in 0 1 2 3; do
	ip link add "tq$i" type dummy || fail "cannot add dummy interface tq$i"
	names+=("tq$i" "longinterface0$i")
done
start_sessiond
modprobe lttng-test
N=${TORN_EVENTS:-1000}
out=$TEST_OUT/test-event
lttng create tornev --output="$out"
lttng enable-channel -k big --subbuf-size=1M --num-subbuf=4
lttng enable-event -k -c big lttng_test_torn_string
lttng start
echo "$N" >/proc/lttng-test-torn-string
lttng stop
lttng destroy
bt_read "$out" >/dev/null
python3 "$here/check/torn_test_event.py" "$out" "$N" || fail "torn test strings broke their records"

out=$TEST_OUT/trace
lttng create torn --output="$out"
lttng enable-channel -k big --subbuf-size=1M --num-subbuf=8
lttng enable-event -k -c big lttng_statedump_network_interface,lttng_statedump_file_descriptor,lttng_statedump_process_state
lttng start
for i in 0 1 2 3; do
	"$w/racer" netif "tq$i" "longinterface0$i" >"$w/netif$i.out" &
	pids+=($!)
	wait_ready "$w/netif$i.out" "$!"
done
"$w/racer" comm "racer-long-name" "r" >"$w/comm.out" &
pids+=($!)
wait_ready "$w/comm.out" "$!"
"$w/racer" file "$w/a-rather-long-file-name-for-the-fd-statedump" "$w/f" >"$w/file.out" &
pids+=($!)
wait_ready "$w/file.out" "$!"
for _ in $(seq 1 "${TORN_DUMPS:-40}"); do
	lttng regenerate statedump >/dev/null
done
for p in "${pids[@]}"; do kill -TERM "$p"; done
wait
pids=()
cat "$w"/*.out | grep changes | tr '\n' ' '; echo
lttng stop
lttng destroy
bt_read "$out" >/dev/null
python3 "$here/check/torn_names.py" "$out" "${names[@]}" lo || fail "impossible interface names in the trace"
stop_sessiond
rmmod lttng-test
pass
