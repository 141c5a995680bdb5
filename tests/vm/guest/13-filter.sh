#!/bin/bash
# Event filters (`lttng enable-event -k --filter`), through the stock
# lttng-tools: every filter below runs on its own channel of one session,
# all channels trace the same burst of 100 lttng_test_filter_event
# (intfield = 0..99, written by a shell: procname "sh"), and each channel
# must hold exactly the events whose intfield the filter's Python twin
# accepts.  Then: two
# filtered enablers on one event (either may match), a filtered session
# beside an unfiltered one, a filter on a kernel tracepoint's string
# field, a filter surviving disable/enable, and filters lttng-tools
# compiles but the kernel cannot evaluate (refused, nothing recorded).
set -eu
. "$(dirname "$0")/lib.sh"

fire() { taskset -c 0 sh -c "echo $1 > /proc/lttng-test-filter-event"; }

# The intfield values of TRACE's lttng_test_filter_event, one line, sorted.
values() {
	python3 - "$1" <<'EOF'
import sys, bt2
vals = []
for m in bt2.TraceCollectionMessageIterator(sys.argv[1]):
    if type(m) is bt2._EventMessageConst and m.event.name == 'lttng_test_filter_event':
        vals.append(int(m.event.payload_field['intfield']))
print(' '.join(map(str, sorted(vals))))
EOF
}
# The intfield values 0..99 (each N times) that the Python expression accepts.
expect() {
	python3 -c "
i_ok = lambda i: $1
print(' '.join(str(i) for i in range(100) for _ in range(${2:-1}) if i_ok(i)))"
}

pidns=$(stat -L -c %i /proc/self/ns/pid)
mntns=$(stat -L -c %i /proc/self/ns/mnt)

# One case per line: filter, a tab, its Python twin on i (the intfield).
cat >"$TEST_OUT/cases.tsv" <<EOF
intfield	i != 0
intfield > 1	i > 1
intfield < 2	i < 2
intfield == 1	i == 1
intfield != 99	i != 99
!intfield	i == 0
intfield > 1 && longfield > 42	i > 42
intfield < 1 || longfield > 98	i < 1 or i > 98
(stringfield == "test" || intfield != 10) && intfield > 33	i > 33
netintfield == 5	i == 5
netintfieldhex > 0x60	i > 0x60
enum23 == 23 && enum202 == 202 && intfield < 3	i < 3
stringfield == "te*"	True
stringfield != "te*"	False
stringfield == "*st" && intfield >= 98	i >= 98
arrfield2 == "test" && seqfield2 == "test" && intfield < 2	i < 2
(intfield & 3) == 3	(i & 3) == 3
(intfield << 2) == 40 || (intfield >> 1) == 40	i in (10, 80, 81)
-intfield == -7 || ~intfield == -9	i in (7, 8)
\$ctx.procname == "sh" && intfield < 5	i < 5
\$ctx.procname == "s*" && \$ctx.vtid != 0 && intfield == 4	i == 4
\$ctx.procname == "bash"	False
\$ctx.pid_ns == $pidns && intfield < 7	i < 7
\$ctx.mnt_ns == $mntns && intfield >= 95	i >= 95
\$ctx.pid_ns != $pidns	False
\$app.x.y == 1	False
nosuchfield == 1	False
arrfield1 == "x"	False
seqfield1 == "x"	False
EOF

trap 'stop_sessiond >/dev/null 2>&1; rmmod lttng-test 2>/dev/null' EXIT
modprobe lttng-test
start_sessiond

# Each filter on its own channel cK of one session: one burst feeds them all.
n=$(wc -l <"$TEST_OUT/cases.tsv")
echo "== $n filters, a channel each, one burst"
lttng create fl --output="$TEST_OUT/fl" >/dev/null
k=0
while IFS=$'\t' read -r filter _; do
	lttng enable-channel -k "c$k" --subbuf-size=64K --num-subbuf=4 >/dev/null
	lttng enable-event -k -c "c$k" lttng_test_filter_event --filter "$filter" \
		>/dev/null || fail "enable-event refused the filter $filter"
	k=$((k + 1))
done <"$TEST_OUT/cases.tsv"
lttng start >/dev/null
fire 100
lttng stop >/dev/null
lttng destroy >/dev/null
bt_read "$TEST_OUT/fl" >/dev/null
python3 - "$TEST_OUT/fl" "$TEST_OUT/cases.tsv" <<'EOF' || fail "filters recorded the wrong events"
import re, sys, bt2
got = {}
for m in bt2.TraceCollectionMessageIterator(sys.argv[1]):
    if type(m) is bt2._EventMessageConst:
        ev = m.event
        # babeltrace2 names a stream by its file, kernel/cK_CPU
        k = int(re.search(r'/c(\d+)_\d+$', ev.stream.name).group(1))
        got.setdefault(k, []).append(int(ev.payload_field['intfield']))
bad = 0
for k, line in enumerate(open(sys.argv[2])):
    filt, pred = line.rstrip('\n').split('\t')
    want = [i for i in range(100) if eval('lambda i: ' + pred)(i)]
    have = sorted(got.get(k, []))
    if have == want:
        print('ok   %3d events: %s' % (len(want), filt))
    else:
        print('FAIL %s: got %s want %s' % (filt, have, want))
        bad += 1
sys.exit(1 if bad else 0)
EOF

echo "== two filtered enablers on one event: either may match"
lttng create two --output="$TEST_OUT/two" >/dev/null
lttng enable-event -k lttng_test_filter_event --filter 'intfield < 3' >/dev/null
lttng enable-event -k 'lttng_test_*' --filter 'intfield > 96' >/dev/null
lttng start >/dev/null; fire 100; lttng stop >/dev/null; lttng destroy >/dev/null
[ "$(values "$TEST_OUT/two")" = "$(expect 'i < 3 or i > 96')" ] ||
	fail "two enablers: got [$(values "$TEST_OUT/two")]"

echo "== a filtered session beside an unfiltered one"
lttng create sf --output="$TEST_OUT/sf" >/dev/null
lttng enable-event -k -s sf lttng_test_filter_event --filter 'intfield % 2 == 0' >/dev/null 2>&1 &&
	fail "arithmetic (%) filters should be refused, as upstream refuses them"
lttng enable-event -k -s sf lttng_test_filter_event --filter 'intfield >= 50' >/dev/null
lttng create su --output="$TEST_OUT/su" >/dev/null
lttng enable-event -k -s su lttng_test_filter_event >/dev/null
lttng start sf >/dev/null; lttng start su >/dev/null
fire 100
lttng stop sf >/dev/null; lttng stop su >/dev/null
lttng destroy sf >/dev/null; lttng destroy su >/dev/null
[ "$(values "$TEST_OUT/sf")" = "$(expect 'i >= 50')" ] || fail "filtered session"
[ "$(values "$TEST_OUT/su")" = "$(expect 'True')" ] || fail "unfiltered session"

echo "== disabled and enabled again, the filter stays"
lttng create de --output="$TEST_OUT/de" >/dev/null
lttng enable-event -k lttng_test_filter_event --filter 'intfield < 10' >/dev/null
lttng start >/dev/null
fire 100
lttng disable-event -k lttng_test_filter_event >/dev/null
fire 100
lttng enable-event -k lttng_test_filter_event --filter 'intfield < 10' >/dev/null
fire 100
lttng stop >/dev/null; lttng destroy >/dev/null
[ "$(values "$TEST_OUT/de")" = "$(expect 'i < 10' 2)" ] ||
	fail "disable/enable: got [$(values "$TEST_OUT/de")]"

echo "== a kernel tracepoint's string field"
lttng create ex --output="$TEST_OUT/ex" >/dev/null
lttng enable-event -k sched_process_exec --filter 'filename == "*/true"' >/dev/null
lttng start >/dev/null
/bin/true; /bin/false || true; /bin/true; /bin/true; /bin/false || true
lttng stop >/dev/null; lttng destroy >/dev/null
bt_read "$TEST_OUT/ex" >"$TEST_OUT/ex.txt"
grep -c sched_process_exec "$TEST_OUT/ex.txt" | grep -qx 3 ||
	fail "sched_process_exec filtered on filename: $(grep -c sched_process_exec "$TEST_OUT/ex.txt") events, not 3"
grep sched_process_exec "$TEST_OUT/ex.txt" | grep -v 'filename = "/bin/true"' &&
	fail "an exec other than /bin/true passed the filter"

echo "== filters the kernel cannot evaluate are refused"
lttng create rf --output="$TEST_OUT/rf" >/dev/null
for f in 'intfield < 1.5' 'arrfield1[1] == 2' 'intfield * 2 == 4'; do
	if lttng enable-event -k lttng_test_filter_event --filter "$f" >/dev/null 2>&1; then
		fail "filter accepted: $f"
	fi
	echo "refused: $f"
done
lttng enable-event -k lttng_test_filter_event >/dev/null
lttng start >/dev/null; fire 10; lttng stop >/dev/null; lttng destroy >/dev/null
[ "$(values "$TEST_OUT/rf")" = "0 1 2 3 4 5 6 7 8 9" ] ||
	fail "the session after refused filters: got [$(values "$TEST_OUT/rf")]"

trap - EXIT
stop_sessiond
rmmod lttng-test
pass
