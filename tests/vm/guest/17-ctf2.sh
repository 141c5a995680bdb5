#!/bin/bash
# CTF 2 traces.  lttng-tools 2.15+ creates kernel sessions as CTF 2 unless
# told --trace-format=ctf-1.8, says so with SESSION_SET_OUTPUT_FORMAT, and
# its consumer stores the metadata without packet headers: as a JSON text
# sequence for CTF 2, behind a "/* CTF 1.8 */" signature for CTF 1.8.
#
# Whatever the tools: the ioctl's answers and the kernel's CTF 2 metadata
# stream, by raw ioctls (outfmt.py).  With lttng-tools 2.15+: a default
# session and a CTF 1.8 one record the same workload side by side (test
# event, forks with their pid-namespace chain, execs, statedump, contexts,
# metadata regenerated midway); both must read without a warning and show
# the same events with the same field values.  Then a CTF 2 snapshot, a
# rotation and a live session.  With older tools (which never send the
# ioctl), a default session must stay CTF 1.8 with its metadata packets.
set -eu
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
check=$here/../../unit/ctf2_check.py

fire() { taskset -c 0 sh -c "echo $1 > /proc/lttng-test-filter-event"; }
count_in() { python3 "$here/btstat.py" "$1" |
	python3 -c "import json,sys; print(json.load(sys.stdin)['counts'].get('${2:-lttng_test_filter_event}', 0))"; }
first_bytes() { head -c "$2" "$1" | od -An -tx1 | tr -d ' \n'; }

# A metadata file as lttng-consumerd 2.14+ stores a CTF 2 one.
is_ctf2_metadata() {
	[ "$(first_bytes "$1" 1)" = 1e ] || fail "$1: no JSON text sequence"
	python3 "$check" "$1" >/dev/null || fail "$1: not valid CTF 2 metadata"
}

echo "== SESSION_SET_OUTPUT_FORMAT by raw ioctls"
modprobe lttng-ring-buffer-metadata-mmap-client
python3 "$here/outfmt.py" "$TEST_OUT" || fail "SESSION_SET_OUTPUT_FORMAT or its metadata"

read -r maj min <<EOF
$(lttng --version | sed -n 's/.* \([0-9][0-9]*\)\.\([0-9][0-9]*\)\.[0-9].*/\1 \2/p' | head -n 1)
EOF
echo "lttng-tools $maj.$min"
modprobe lttng-test
log=$TEST_OUT/sessiond.log
SESSIOND_LOG=$log start_sessiond --verbose-consumer

if [ "$maj" -lt 2 ] || { [ "$maj" = 2 ] && [ "$min" -lt 15 ]; }; then
	echo "== lttng-tools $maj.$min: no CTF 2; a default session stays CTF 1.8"
	lttng create old --output="$TEST_OUT/old"
	lttng enable-event -k lttng_test_filter_event
	lttng start; fire 20; lttng stop; lttng destroy
	bt_read "$TEST_OUT/old" >/dev/null
	md=$TEST_OUT/old/kernel/metadata
	# Packets as they left the kernel: magic, then version 1.8 at byte 35.
	[ "$(first_bytes "$md" 4)" = 571dd175 ] || fail "old tools: metadata not in packets"
	[ "$(head -c 37 "$md" | tail -c 2 | od -An -tu1 | tr -s ' ')" = " 1 8" ] ||
		fail "old tools: metadata packet not 1.8"
	[ "$(count_in "$TEST_OUT/old")" = 20 ] || fail "old tools: not 20 events"
	stop_sessiond
	rmmod lttng-test
	pass
fi

echo "== a default (CTF 2) and a CTF 1.8 session, same workload"
# The workload's forks are told apart by their parent's name.
wl=$TEST_OUT/ctf2-wl
cp /bin/sh "$wl"
workload() {
	fire "$1"
	"$wl" -c '/bin/true; /bin/true; unshare --pid --fork /bin/true; unshare --pid --fork "$0" -c "unshare --pid --fork /bin/true"'
}
lttng create c2 --output="$TEST_OUT/c2"
lttng create c18 --trace-format=ctf-1.8 --output="$TEST_OUT/c18"
for s in c2 c18; do
	lttng enable-channel -k -s $s chan --subbuf-size=1M --num-subbuf=4
	lttng add-context -k -s $s -c chan -t vpid -t vtid -t procname -t pid_ns
	lttng enable-event -k -s $s -c chan \
		lttng_test_filter_event,sched_process_fork,sched_process_exec,'lttng_statedump_*'
done
lttng start c2
lttng start c18
workload 40
lttng regenerate metadata -s c2
lttng regenerate metadata -s c18
workload 60
lttng stop c2
lttng stop c18
lttng destroy c2
lttng destroy c18
if grep -aE 'Could not set kernel output format|does not support CTF 2' "$log"; then
	fail "lttng-sessiond did not get its trace format through"
fi
is_ctf2_metadata "$TEST_OUT/c2/kernel/metadata"
[ "$(head -c 13 "$TEST_OUT/c18/kernel/metadata")" = "/* CTF 1.8 */" ] ||
	fail "the CTF 1.8 session's metadata lacks its signature"
for s in c2 c18; do
	bt_read "$TEST_OUT/$s" >/dev/null
	# Without timestamps, the events both sessions saw, in a stable order.
	# Each session's statedump ran at its own start, maybe on another
	# CPU: its CPU and contexts are left out.
	babeltrace2 "$TEST_OUT/$s" | sed -e 's/^\[[^]]*\] ([^)]*) //' \
		-e '/ lttng_statedump_/s/: { cpu_id = [0-9]* }, { [^}]* }, /: /' | grep -E \
		-e ' lttng_test_filter_event: ' \
		-e ' sched_process_fork: .*parent_comm = "(ctf2-wl|unshare)"' \
		-e ' sched_process_exec: .*filename = "/bin/true"' \
		-e ' lttng_statedump_process_pid_ns: .*\{ tid = 1, ' \
		-e ' lttng_statedump_(start|end): ' |
		sort >"$TEST_OUT/$s.events" || true
done
n() { grep -c "$1" "$TEST_OUT/c2.events" || true; }
echo "CTF 2 session: $(wc -l <"$TEST_OUT/c2.events") events compared," \
	"$(n lttng_test_filter_event:) test, $(n sched_process_fork:) fork, $(n sched_process_exec:) exec"
[ "$(n lttng_test_filter_event:)" = 100 ] || fail "CTF 2: not 100 test events"
[ "$(n 'sched_process_fork: .*_vtids_length = 3')" -ge 1 ] || fail "CTF 2: no fork two pid namespaces down"
[ "$(n sched_process_exec:)" -ge 6 ] || fail "CTF 2: fewer than 6 execs"
[ "$(n 'lttng_statedump_start:')" = 1 ] && [ "$(n 'lttng_statedump_process_pid_ns:')" -ge 1 ] ||
	fail "CTF 2: no statedump"
grep -q 'enum202 = ( "RANGE: 101 TO 303" : container = 202 )' "$TEST_OUT/c2.events" ||
	fail "CTF 2: enumeration not labelled"
diff "$TEST_OUT/c18.events" "$TEST_OUT/c2.events" >"$TEST_OUT/events.diff" || {
	head -n 20 "$TEST_OUT/events.diff"
	fail "the CTF 2 and CTF 1.8 sessions differ"
}

echo "== CTF 2 snapshot"
lttng create snap --snapshot --output="$TEST_OUT/snap"
lttng enable-event -k lttng_test_filter_event
lttng start; fire 100
lttng snapshot record
lttng stop; lttng destroy
snapdir=$(find "$TEST_OUT/snap" -mindepth 1 -maxdepth 1 -type d | head -n 1)
[ -n "$snapdir" ] || fail "snapshot: nothing written"
is_ctf2_metadata "$snapdir/kernel/metadata"
bt_read "$snapdir" >/dev/null
[ "$(count_in "$snapdir")" = 100 ] || fail "snapshot: not 100 events"

echo "== CTF 2 rotation: every chunk's metadata is CTF 2 again"
# lttng-tools can lose a new chunk's metadata file to its own rename race
# (see 14-channel-modes.sh): only that exact message excuses an empty one.
rot_done=0
for try in 1 2 3; do
	d=$TEST_OUT/rot$try
	logpos=$(stat -c %s "$log")
	lttng create rot --output="$d"
	lttng enable-event -k lttng_test_filter_event
	lttng start; fire 100
	lttng rotate
	fire 150
	lttng stop; lttng destroy
	total=0; chunks=0; raced=0
	for chunk in "$d"/archives/*/; do
		if [ ! -s "$chunk/kernel/metadata" ] &&
		   tail -c +$((logpos + 1)) "$log" | grep -aq 'Failed to open stream file "metadata"'; then
			echo "chunk $chunk: empty metadata, lttng-tools rename race"
			raced=1
			continue
		fi
		is_ctf2_metadata "$chunk/kernel/metadata"
		bt_read "$chunk" >/dev/null
		total=$((total + $(count_in "$chunk"))); chunks=$((chunks + 1))
	done
	[ $raced = 1 ] && continue
	[ $chunks -ge 2 ] || fail "rotate: $chunks chunks"
	[ $total = 250 ] || fail "rotate: $total events instead of 250"
	rot_done=1
	break
done
[ $rot_done = 1 ] || fail "rotate: lost to the lttng-tools race 3 times in a row"

echo "== CTF 2 live session"
# Our own relay daemon, listening before the session needs it (the one
# `lttng create --live` spawns may not be yet).
lttng-relayd -d
python3 -c '
import socket, sys, time
for _ in range(150):
    try:
        socket.create_connection(("127.0.0.1", 5342), 1).close()
        sys.exit(0)
    except OSError:
        time.sleep(0.2)
sys.exit(1)' || fail "lttng-relayd does not listen"
lttng create lv --live=200000
lttng enable-event -k lttng_test_filter_event
lttng start
url=net://localhost/host/$(hostname)/lv
babeltrace2 --input-format=lttng-live "$url" --params='session-not-found-action="end"' \
	>"$TEST_OUT/live.txt" 2>"$TEST_OUT/live.err" &
reader=$!
sleep 3
fire 100
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
[ ! -s "$TEST_OUT/live.err" ] || { cat "$TEST_OUT/live.err" >&2; fail "live: babeltrace2 warned"; }
live_n=$(grep -c 'lttng_test_filter_event:' "$TEST_OUT/live.txt" || true)
[ "$live_n" = 100 ] || fail "live: $live_n events instead of 100"
pkill -x lttng-relayd || true

stop_sessiond
rmmod lttng-test
pass
