#!/bin/bash
# lttng_test_filter_event end to end: every field decodes as upstream
# defines it, and the accounting is exact: with a large channel all N
# events are recorded; with a tiny one, recorded + discarded = N.  Events
# bind lazily: enabling a name before its probe module is loaded works.
# While a session has the event, its module cannot be unloaded (rmmod says
# it is in use, as with upstream); once the session is gone it can, and a
# reloaded module records again.
set -eu
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)

stat_of() { python3 "$here/btstat.py" "$1"; }
jget() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

# lttng-test is not in lttng-sessiond's probe list: it is loaded by hand,
# as upstream's own tests do, here only once the event is enabled.
start_sessiond
lsmod | grep -q '^lttng_test ' && fail "lttng-test loaded before the test"

# 0. Lazy binding; the module held while the session has the event.
lttng create lazy --output="$TEST_OUT/lazy"
lttng enable-event -k lttng_test_filter_event
lttng start
modprobe lttng-test
echo 100 > /proc/lttng-test-filter-event
rmmod lttng-test 2>"$TEST_OUT/rmmod.err" && fail "lttng-test unloaded while a session has its event"
grep -q 'in use' "$TEST_OUT/rmmod.err" || { cat "$TEST_OUT/rmmod.err"; fail "rmmod lttng-test: not refused as in use"; }
echo 50 > /proc/lttng-test-filter-event
lttng stop
lttng destroy
rmmod lttng-test || fail "cannot unload lttng-test once its session is gone"
bt_read "$TEST_OUT/lazy" > "$TEST_OUT/lazy.txt"
s=$(stat_of "$TEST_OUT/lazy"); echo "lazy: $s"
[ "$(echo "$s" | jget "d['counts'].get('lttng_test_filter_event', 0)")" = 150 ] ||
	fail "lazy binding: not 100 + 50 events"
python3 "$here/ctfcheck.py" --require "$TEST_OUT/lazy" || fail "lazy: no packet index"
modprobe lttng-test

# 1. Large channel: nothing lost, values exact.
N=5000
lttng create big --output="$TEST_OUT/big"
lttng enable-channel -k big --subbuf-size=1M --num-subbuf=8
lttng enable-event -k -c big lttng_test_filter_event
lttng start
taskset -c 0 sh -c "echo $N > /proc/lttng-test-filter-event"
lttng stop
lttng destroy
bt_read "$TEST_OUT/big" > "$TEST_OUT/big.txt"
s=$(stat_of "$TEST_OUT/big"); echo "big: $s"
[ "$(echo "$s" | jget "d['counts'].get('lttng_test_filter_event', 0)")" = $N ] || fail "large channel: not $N events"
[ "$(echo "$s" | jget "d['discarded']")" = 0 ] || fail "large channel: events discarded"
[ "$(echo "$s" | jget "d['first_intfield']['lttng_test_filter_event']")" = 0 ] || fail "first intfield"
[ "$(echo "$s" | jget "d['last_intfield']['lttng_test_filter_event']")" = $((N - 1)) ] || fail "last intfield"
# One event in full, as babeltrace2 prints it.
line=$(grep -m1 'lttng_test_filter_event: .*intfield = 1,' "$TEST_OUT/big.txt")
echo "$line"
for want in 'intfield = 1, intfield2 = 0x1, longfield = 1, signedfield = -1' \
	'netintfield = 1, netintfieldhex = 0x1' \
	'arrfield1 = [ [0] = 1, [1] = 2, [2] = 3 ], arrfield2 = "test"' \
	'arrfield3 = [ [0] = 1, [1] = 2, [2] = 3 ]' \
	'_seqfield1_length = 4' 'seqfield2 = "test"' \
	'stringfield = "test", stringfield2 = "\\*"' \
	'enum0 = ( "AUTO: EXPECT 0" : container = 0 )' \
	'enum28 = ( "AUTO: EXPECT 28" : container = 28 )' \
	'enum202 = ( "RANGE: 101 TO 303" : container = 202 )' \
	'enumnegative = ( "VALUE: -1" : container = -1 )'; do
	case $line in *"$want"*) ;; *) fail "event text lacks: $want" ;; esac
done

# 2. Tiny channel in discard mode: every event is either recorded or
# counted as discarded in the packet headers.
lttng create small --output="$TEST_OUT/small"
lttng enable-channel -k small --subbuf-size=4096 --num-subbuf=2
lttng enable-event -k -c small lttng_test_filter_event
lttng start
taskset -c 0 sh -c "echo $N > /proc/lttng-test-filter-event"
lttng stop
lttng destroy
# (babeltrace2 rightly warns about the discarded events here, so no bt_read.)
python3 "$here/ctfcheck.py" --require "$TEST_OUT/small" || fail "small: bad packet index"
s=$(stat_of "$TEST_OUT/small"); echo "small: $s"
rec=$(echo "$s" | jget "d['counts'].get('lttng_test_filter_event', 0)")
dis=$(echo "$s" | jget "d['discarded']")
[ "$dis" -gt 0 ] || fail "tiny channel: nothing discarded, the test proves nothing"
[ $((rec + dis)) = $N ] || fail "tiny channel: recorded $rec + discarded $dis != $N"

stop_sessiond
rmmod lttng-test
pass
