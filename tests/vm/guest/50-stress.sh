#!/bin/bash
# The stress matrix (issue 12), with the stock tools:
#   1. a fork storm across nested pid namespaces with threads (nsw stress
#      and two nsw churn loops) and CPU hotplug loops, while a small
#      discard channel records the test event from several writers at
#      once and an overwrite channel records the scheduler and the
#      statedump: every fired test event is either recorded or counted
#      as discarded, exactly; babeltrace2 reads the overwrite channel;
#   2. lttng-consumerd killed with SIGKILL mid-session; a new session
#      daemon and session then record normally;
#   3. START/STOP cycles, each with a regenerated statedump, in one
#      session whose trace decodes without a warning.
# The rig fails the boot on any oops, WARN, lockdep, KASAN, stall, hung
# task, refcount or list corruption report in the kernel log.
# STRESS_SCALE (default 1) multiplies the loop counts.
set -eu
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
wl=$(cd "$here/../../ns-workload" && pwd)
SCALE=${STRESS_SCALE:-1}
WRITERS=4 PER=$((2500 * SCALE)) HOTPLUG=${STRESS_HOTPLUG:-$((10 * SCALE))} CYCLES=$((50 * SCALE))
FIRED=$((WRITERS * PER))
jget() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

w=$(mktemp -d /tmp/stress.XXXXXX)
pids=()
cleanup() {
	exec 3>&- 4>&- 5>&- 2>/dev/null || true
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	pkill -KILL '^nsw' 2>/dev/null || true
	for _ in $(seq 1 600); do
		pgrep '^nsw' >/dev/null || break
		sleep 0.1
	done
	echo 1 >/sys/devices/system/cpu/cpu1/online 2>/dev/null || true
	stop_sessiond >/dev/null 2>&1 || true
	pkill -KILL -x lttng-consumerd 2>/dev/null || true
	modprobe -r lttng-test 2>/dev/null || true
}
trap cleanup EXIT
gcc -O2 -Wall -o "$w/nsw" "$wl/nsw.c" -pthread || fail "cannot build nsw"

# ---- 1. load, hotplug and exact accounting
start_sessiond
modprobe lttng-test
out=$TEST_OUT/storm
lttng create storm --output="$out"
lttng enable-channel -k small --subbuf-size=4K --num-subbuf=2
lttng enable-channel -k over --overwrite --subbuf-size=16K --num-subbuf=4
lttng enable-event -k -c small lttng_test_filter_event
lttng enable-event -k -c over 'sched_*'
lttng enable-event -k -c over 'lttng_statedump_*'
lttng add-context -k -c over -t vtid -t pid_ns -t procname
lttng start

mkfifo "$w/ctl" "$w/c1" "$w/c2"
"$w/nsw" stress "$w/truth.json" 10 10 <"$w/ctl" >"$w/nsw.out" &
pids+=($!)
exec 3>"$w/ctl"
"$w/nsw" churn "$w/churn1.json" <"$w/c1" >"$w/churn1.out" &
pids+=($!)
exec 4>"$w/c1"
"$w/nsw" churn "$w/churn2.json" <"$w/c2" >"$w/churn2.out" &
pids+=($!)
exec 5>"$w/c2"
wait_ready "$w/nsw.out" "${pids[0]}"
wait_ready "$w/churn1.out" "${pids[1]}"
wait_ready "$w/churn2.out" "${pids[2]}"

hot=
if [ -w /sys/devices/system/cpu/cpu1/online ]; then
	(
		for _ in $(seq 1 "$HOTPLUG"); do
			echo 0 >/sys/devices/system/cpu/cpu1/online
			sleep 0.3
			echo 1 >/sys/devices/system/cpu/cpu1/online
			sleep 0.3
		done
	) &
	hot=$!
else
	echo "no hotpluggable cpu1: no hotplug loop"
fi
writers=()
for _ in $(seq 1 "$WRITERS"); do
	sh -c "echo $PER > /proc/lttng-test-filter-event" &
	writers+=($!)
done
for p in "${writers[@]}"; do wait "$p" || fail "a test-event writer failed"; done
lttng regenerate statedump
[ -z "$hot" ] || wait "$hot" || fail "the hotplug loop failed"
lttng stop
lttng destroy
exec 3>&- 4>&- 5>&-
for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done

# The small channel alone: its test events, and what its packets say was
# discarded (babeltrace2 rightly warns about those, so no bt_read).
small=$w/small
mkdir -p "$small"
cp "$out/kernel/metadata" "$small/"
cp "$out"/kernel/small_* "$small/"
s=$(python3 "$here/btstat.py" "$small")
rec=$(echo "$s" | jget "d['counts'].get('lttng_test_filter_event', 0)")
dis=$(echo "$s" | jget "d['discarded']")
echo "small channel: $rec recorded + $dis discarded of $FIRED fired"
[ "$dis" -gt 0 ] || fail "small channel: nothing discarded, the accounting proves nothing"
[ $((rec + dis)) = "$FIRED" ] || fail "small channel: recorded $rec + discarded $dis != $FIRED"
over=$w/over
mkdir -p "$over"
cp "$out/kernel/metadata" "$over/"
cp "$out"/kernel/over_* "$over/"
# Overwrite mode drops whole packets by design, which babeltrace2 reports
# as discarded packets.  It may also lose an event, as upstream's
# "records lost on wrap": an interrupt that records a whole buffer's worth
# (a softirq freeing the tasks of a fork storm, in a burst after a CPU
# came back) while the code it interrupted holds an uncommitted record
# cannot open that record's packet again.  That, and nothing else, may be
# said.
babeltrace2 "$over" >"$w/over.txt" 2>"$w/over.err" || { cat "$w/over.err"; fail "babeltrace2 failed on the overwrite channel"; }
if grep -Ev '^WARNING: Tracer discarded [0-9]+ (packets?|events?) between ' "$w/over.err" | grep -q .; then
	cat "$w/over.err"
	fail "babeltrace2 said more than discarded packets on the overwrite channel"
fi
python3 "$here/ctfcheck.py" "$over" >&2 || fail "bad packet index or padding in the overwrite channel"
echo "overwrite channel: $(wc -l <"$w/over.txt") events kept"
grep -q 'sched_process_fork:' "$w/over.txt" || fail "overwrite channel: no fork kept"
stop_sessiond

# ---- 2. the consumer killed mid-session
start_sessiond
out=$TEST_OUT/killed
lttng create killed --output="$out"
lttng enable-event -k sched_switch,lttng_test_filter_event
lttng start
echo 100 >/proc/lttng-test-filter-event
pkill -KILL -x lttng-consumerd || fail "no lttng-consumerd to kill"
sleep 1
lttng stop >/dev/null 2>&1 || true
lttng destroy >/dev/null 2>&1 || true
stop_sessiond
for _ in $(seq 1 50); do
	pgrep -x lttng-consumerd >/dev/null || break
	sleep 0.2
done
start_sessiond
out=$TEST_OUT/after-kill
lttng create afterkill --output="$out"
lttng enable-event -k lttng_test_filter_event
lttng start
echo 100 >/proc/lttng-test-filter-event
lttng stop
lttng destroy
bt_read "$out" >"$w/after-kill.txt"
[ "$(grep -c 'lttng_test_filter_event:' "$w/after-kill.txt")" = 100 ] ||
	fail "after the consumer was killed: not 100 events in a new session"
stop_sessiond

# ---- 3. start/stop/regenerate statedump cycles
start_sessiond
out=$TEST_OUT/cycles
lttng create cycles --output="$out"
lttng enable-channel -k big --subbuf-size=1M --num-subbuf=4
lttng enable-event -k -c big 'lttng_statedump_*'
lttng enable-event -k -c big lttng_test_filter_event
for i in $(seq 1 "$CYCLES"); do
	lttng start >/dev/null
	echo 1 >/proc/lttng-test-filter-event
	lttng regenerate statedump >/dev/null
	lttng stop >/dev/null
done
lttng destroy
bt_read "$out" >"$w/cycles.txt"
n=$(grep -c 'lttng_test_filter_event:' "$w/cycles.txt" || true)
starts=$(grep -c 'lttng_statedump_start:' "$w/cycles.txt" || true)
echo "cycles: $CYCLES, test events $n, statedumps $starts"
[ "$n" = "$CYCLES" ] || fail "cycles: $n test events for $CYCLES cycles"
# One statedump at each start and one regenerated per cycle.
[ "$starts" = $((2 * CYCLES)) ] || fail "cycles: $starts statedumps for $CYCLES cycles"
stop_sessiond
pass
