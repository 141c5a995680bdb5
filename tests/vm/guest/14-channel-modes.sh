#!/bin/bash
# The channel and session modes lttng users rely on, each read back with
# babeltrace2: mmap output, overwrite, snapshot, rotate, clear, regenerate
# metadata, events enabled while tracing, two sessions at once.
set -eu
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)

stat_of() { python3 "$here/btstat.py" "$@"; }
jget() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
fire() { taskset -c 0 sh -c "echo $1 > /proc/lttng-test-filter-event"; }
count_in() { stat_of "$1" | jget "d['counts'].get('${2:-lttng_test_filter_event}', 0)"; }

modprobe lttng-test
start_sessiond

echo "== mmap output"
lttng create mm --output="$TEST_OUT/mm"
lttng enable-channel -k c --output=mmap --subbuf-size=256K --num-subbuf=4
lttng enable-event -k -c c lttng_test_filter_event
lttng start; fire 300; lttng stop; lttng destroy
bt_read "$TEST_OUT/mm" >/dev/null
[ "$(count_in "$TEST_OUT/mm")" = 300 ] || fail "mmap: not 300 events"

echo "== one sub-buffer (discard): what fits is kept, the rest is lost"
# lttng-tools' test_channel asks for this channel; upstream accepts it.
lttng create one --output="$TEST_OUT/one"
lttng enable-channel -k c --subbuf-size=4k --num-subbuf=1
lttng enable-event -k -c c lttng_test_filter_event
# A record of lttng_test_filter_event takes about 230 bytes: a 4 KiB
# packet holds 16 of them, so 8 fit and 2000 overflow.
lttng start; fire 8; lttng stop; lttng destroy
bt_read "$TEST_OUT/one" >/dev/null
[ "$(count_in "$TEST_OUT/one")" = 8 ] || fail "one sub-buffer: not 8 events"
lttng create one2 --output="$TEST_OUT/one2"
lttng enable-channel -k c --subbuf-size=4k --num-subbuf=1
lttng enable-event -k -c c lttng_test_filter_event
lttng start; fire 2000
out=$(lttng stop 2>&1); echo "$out"
lttng destroy
s=$(stat_of "$TEST_OUT/one2"); echo "$s"
n=$(echo "$s" | jget "d['counts'].get('lttng_test_filter_event', 0)")
[ "$n" -gt 0 ] && [ "$n" -lt 2000 ] || fail "one sub-buffer, 2000 events: $n kept"
# What lttng stop reports lost (the channel's discarded-events counter;
# a loss after the last packet closed has no later packet to carry it
# in the trace) and what the trace holds make up every event.
lost=$(sed -n 's/.*Warning: \([0-9]*\) events were discarded.*/\1/p' <<<"$out")
[ $((n + ${lost:-0})) = 2000 ] ||
	fail "one sub-buffer: $n kept + ${lost:-no} reported discarded != 2000"
[ "$(echo "$s" | jget "d['first_intfield'].get('lttng_test_filter_event', -1)")" = 0 ] ||
	fail "one sub-buffer: the first events are not the ones kept"

echo "== overwrite: the newest events survive"
lttng create ow --output="$TEST_OUT/ow"
lttng enable-channel -k c --overwrite --subbuf-size=4096 --num-subbuf=4
lttng enable-event -k -c c lttng_test_filter_event
lttng start; fire 2000; lttng stop; lttng destroy
s=$(stat_of "$TEST_OUT/ow"); echo "$s"
[ "$(echo "$s" | jget "d['last_intfield'].get('lttng_test_filter_event', -1)")" = 1999 ] || fail "overwrite: last event lost"

echo "== snapshot"
lttng create snap --snapshot --output="$TEST_OUT/snap"
lttng enable-event -k lttng_test_filter_event
lttng start; fire 400
lttng snapshot record
lttng stop; lttng destroy
snapdir=$(find "$TEST_OUT/snap" -mindepth 1 -maxdepth 1 -type d | head -n 1)
[ -n "$snapdir" ] || fail "snapshot: nothing written"
bt_read "$snapdir" >/dev/null
[ "$(count_in "$snapdir")" = 400 ] || fail "snapshot: not 400 events"

echo "== rotate: two chunks, each readable, together complete"
# lttng-tools 2.13.9 has a race of its own here: after answering the
# rotate-channel command for the metadata channel, lttng-consumerd opens
# the new chunk's metadata file while lttng-sessiond renames the chunk's
# ".tmp_new_chunk" directory; when the rename wins, the consumer logs
# 'Failed to open stream file "metadata"' and the new chunk's metadata
# stays empty.  The same loop on upstream lttng-modules 2.13.9 loses a
# chunk's metadata the same way (1 rotation in 25 there, 1 in 18 with
# ours, on a loaded TCG guest).  So the sessiond runs with the consumer's
# messages logged, and a rotation is tried again only when that exact
# message explains an empty metadata file; any other bad chunk fails.
stop_sessiond
rotlog=$TEST_OUT/rotate-sessiond.log
SESSIOND_LOG=$rotlog start_sessiond --verbose-consumer
rotate_once() {	# DIR; 0 = good, 2 = lost to the tools' race
	local chunk c total=0 n=0 raced=0 logpos
	logpos=$(stat -c %s "$rotlog")
	lttng create rot --output="$1"
	lttng enable-event -k lttng_test_filter_event
	lttng start; fire 100
	lttng rotate
	fire 150
	lttng stop; lttng destroy
	for chunk in "$1"/archives/*/; do
		if [ ! -s "$chunk/kernel/metadata" ] &&
		   tail -c +$((logpos + 1)) "$rotlog" |
		   grep -aq 'Failed to open stream file "metadata"'; then
			echo "chunk $chunk: empty metadata, lttng-tools rename race"
			raced=1
			continue
		fi
		bt_read "$chunk" >/dev/null
		c=$(count_in "$chunk"); echo "chunk $chunk: $c"
		total=$((total + c)); n=$((n + 1))
	done
	[ $raced = 0 ] || return 2
	[ $n -ge 2 ] || fail "rotate: $n chunks"
	[ $total = 250 ] || fail "rotate: $total events instead of 250"
}
for try in 1 2 3; do
	st=0; rotate_once "$TEST_OUT/rot$try" || st=$?
	[ $st = 0 ] && break
	[ $try = 3 ] && fail "rotate: lost to the lttng-tools race 3 times in a row"
done
stop_sessiond
start_sessiond

echo "== clear: only what came after"
lttng create clr --output="$TEST_OUT/clr"
lttng enable-event -k lttng_test_filter_event
lttng start; fire 100
lttng clear
fire 70
lttng stop; lttng destroy
s=$(stat_of "$TEST_OUT/clr"); echo "$s"
[ "$(echo "$s" | jget "d['counts'].get('lttng_test_filter_event', 0)")" = 70 ] || fail "clear: not 70 events"

echo "== regenerate metadata, enable while tracing"
lttng create regen --output="$TEST_OUT/regen"
lttng enable-event -k sched_process_exec
lttng start
/bin/true
lttng regenerate metadata
lttng enable-event -k lttng_test_filter_event
fire 50
/bin/true
lttng stop; lttng destroy
bt_read "$TEST_OUT/regen" >/dev/null
[ "$(count_in "$TEST_OUT/regen")" = 50 ] || fail "late enable: not 50 events"
[ "$(count_in "$TEST_OUT/regen" sched_process_exec)" -ge 2 ] || fail "no sched_process_exec"

echo "== disable and enable at run time"
lttng create dis --output="$TEST_OUT/dis"
lttng enable-event -k lttng_test_filter_event
lttng start; fire 10
lttng disable-event -k lttng_test_filter_event; fire 20
lttng enable-event -k lttng_test_filter_event; fire 30
lttng disable-channel -k channel0; fire 40
lttng enable-channel -k channel0; fire 50
lttng stop; lttng destroy
bt_read "$TEST_OUT/dis" >/dev/null
[ "$(count_in "$TEST_OUT/dis")" = 90 ] || fail "disable/enable: not 10 + 30 + 50 events"

echo "== two sessions at once"
lttng create s1 --output="$TEST_OUT/s1"
lttng enable-event -k -s s1 lttng_test_filter_event
lttng create s2 --output="$TEST_OUT/s2"
lttng enable-event -k -s s2 lttng_test_filter_event
lttng start s1; lttng start s2
fire 120
lttng stop s1; fire 30; lttng stop s2
lttng destroy s1; lttng destroy s2
[ "$(count_in "$TEST_OUT/s1")" = 120 ] || fail "s1: not 120 events"
[ "$(count_in "$TEST_OUT/s2")" = 150 ] || fail "s2: not 150 events"

stop_sessiond
rmmod lttng-test
pass
