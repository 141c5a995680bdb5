#!/bin/bash
# Statedump under load (namespace-events.md §2): >= 10,000 tasks in >= 100
# pid namespaces (tests/ns-workload/nsw stress: NNS namespace chains 1-3
# deep, a process of NTHR threads at the bottom of each), while nsw churn
# processes fork and exit and make threads in their own namespaces.  One
# session with every lttng_statedump_* event and buffers large enough to
# lose nothing.  Checked:
#   - no event discarded, babeltrace2 reads the trace without a warning;
#   - exactly one statedump_start and one _end;
#   - every task alive before the session started and after it stopped
#     (same tid and start time) has its process_state events, with levels
#     deepest first down to 0; for the workload's tasks exactly as many as
#     /proc's NSpid has entries, with the namespace inodes of /proc;
#   - no kernel warning (the rig fails the run on any).
# Prints the statedump duration (statedump_end - statedump_start) and the
# task/namespace counts; doc/performance.md "Statedump" records them.
set -eu
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
wl=$(cd "$here/../../ns-workload" && pwd)
NNS=${STRESS_NNS:-100}
NTHR=${STRESS_NTHR:-100}
T0=$(date +%s)
# phase NAME: where the test's minutes go (it is the suite's longest).
phase() { echo "phase: $1 at $(($(date +%s) - T0)) s"; }

w=$(mktemp -d /tmp/sdstress.XXXXXX)
mkdir -p "$TEST_OUT"
pids=()
cleanup() {
	exec 3>&- 4>&- 5>&- 2>/dev/null || true
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	# The 10,000 workload tasks live in pid namespaces below nsw's
	# children and go only as their namespaces' inits do, which takes
	# seconds under TCG: the next test of the boot must not find them
	# (60-nsprof did, once).  Every workload task is named nsw-*.
	for _ in $(seq 1 600); do
		pgrep '^nsw' >/dev/null || break
		sleep 0.1
	done
	pkill -KILL '^nsw' 2>/dev/null || true
	for _ in $(seq 1 600); do
		pgrep '^nsw' >/dev/null || break
		sleep 0.1
	done
	phase "workload gone"
	lttng destroy sdstress >/dev/null 2>&1 || true
	stop_sessiond >/dev/null 2>&1 || true
}
trap cleanup EXIT

gcc -O2 -Wall -o "$w/nsw" "$wl/nsw.c" -pthread || fail "cannot build nsw"
echo "threads-max $(cat /proc/sys/kernel/threads-max), pid_max $(cat /proc/sys/kernel/pid_max)"
free -m

t0=$(date +%s.%N)
mkfifo "$w/ctl" "$w/c1" "$w/c2"
"$w/nsw" stress "$w/truth.json" "$NNS" "$NTHR" < "$w/ctl" > "$w/nsw.out" &
pids+=($!)
exec 3>"$w/ctl"
wait_ready "$w/nsw.out" "${pids[0]}"
t1=$(date +%s.%N)
echo "workload built in $(python3 -c "print(round($t1 - $t0, 1))") s"
"$w/nsw" churn "$w/churn1.json" < "$w/c1" > "$w/churn1.out" &
pids+=($!)
exec 4>"$w/c1"
"$w/nsw" churn "$w/churn2.json" < "$w/c2" > "$w/churn2.out" &
pids+=($!)
exec 5>"$w/c2"
wait_ready "$w/churn1.out" "${pids[1]}"
wait_ready "$w/churn2.out" "${pids[2]}"
free -m
phase "churn ready"

# Every task, by (tid, start time): before start and after stop.
snap() {
	python3 - "$1" <<'PYEOF'
import os, sys
out = open(sys.argv[1], "w")
for p in os.listdir("/proc"):
    if not p.isdigit():
        continue
    try:
        tids = os.listdir(f"/proc/{p}/task")
    except OSError:
        continue
    for t in tids:
        try:
            s = open(f"/proc/{p}/task/{t}/stat").read()
        except OSError:
            continue
        f = s[s.rindex(")") + 2:].split()
        out.write(f"{t} {p} {f[19]}\n")
PYEOF
}

start_sessiond
phase "sessiond up"
out=$TEST_OUT/trace
lttng create sdstress --output="$out"
lttng enable-channel -k chan0 --subbuf-size=4M --num-subbuf=8
lttng enable-event -k -c chan0 'lttng_statedump_*'
snap "$w/before"
lttng start
lttng stop
snap "$w/after"
phase "traced"
lttng destroy sdstress
stop_sessiond
exec 4>&- 5>&-
echo "tasks: $(wc -l < "$w/before") before, $(wc -l < "$w/after") after"
cp "$w/truth.json" "$TEST_OUT/"
t2=$(date +%s.%N)
bt_read "$out" > /dev/null
t3=$(date +%s.%N)
echo "babeltrace2 read in $(python3 -c "print(round($t3 - $t2, 1))") s"

phase "checking"
python3 - "$out" "$w/before" "$w/after" "$w/truth.json" "$NNS" "$NTHR" <<'PYEOF' ||
import json, sys
import bt2
trace, before, after, truthf = sys.argv[1:5]
nns, nthr = int(sys.argv[5]), int(sys.argv[6])
def load(p):
    return {tuple(l.split()) for l in open(p)}
alive = load(before) & load(after)
alive_tid = {int(t): int(p) for t, p, _ in alive}
truth = [json.loads(l) for l in open(truthf)]
procs = {r["pid"]: r for r in truth if "tid" in r and r["shape"] == "stress"}
bad = []
def err(m):
    bad.append(m)
    if len(bad) < 40:
        print("FAIL:", m, file=sys.stderr)
ps, starts, ends, discarded, nev = {}, [], [], 0, 0
for msg in bt2.TraceCollectionMessageIterator(trace):
    if type(msg) is bt2._DiscardedEventsMessageConst:
        discarded += msg.count or 1
        continue
    if type(msg) is not bt2._EventMessageConst:
        continue
    nev += 1
    ev = msg.event
    if ev.name == "lttng_statedump_start":
        starts.append(msg.default_clock_snapshot.ns_from_origin)
    elif ev.name == "lttng_statedump_end":
        ends.append(msg.default_clock_snapshot.ns_from_origin)
    elif ev.name == "lttng_statedump_process_state":
        p = ev.payload_field
        ps.setdefault(int(p["tid"]), []).append(
            (int(p["ns_level"]), int(p["ns_inum"]), int(p["vtid"]), int(p["pid"])))
if discarded:
    err(f"{discarded} events discarded")
if len(starts) != 1 or len(ends) != 1:
    err(f"{len(starts)} statedump_start, {len(ends)} statedump_end")
missing = [t for t in alive_tid if t not in ps]
for t in missing[:20]:
    err(f"live task {t} (process {alive_tid[t]}) not in the statedump")
if missing:
    err(f"{len(missing)} live tasks missing")
ours = 0
for t, pid in alive_tid.items():
    evs = ps.get(t)
    if not evs:
        continue
    levels = [e[0] for e in evs]
    if levels != list(range(len(evs) - 1, -1, -1)) or evs[-1][2] != t or evs[-1][3] != pid:
        err(f"task {t}: levels {levels}, level-0 vtid/pid {evs[-1][2]}/{evs[-1][3]}")
        continue
    r = procs.get(pid)
    if r:
        ours += 1
        if len(evs) != len(r["nspid"]) or evs[0][1] != r["pidns"]:
            err(f"task {t}: {len(evs)} levels, ns {evs[0][1]}; /proc: {len(r['nspid'])}, {r['pidns']}")
nsset = {r["pidns"] for r in procs.values()}
if ours < 10000 or len(nsset) < 100:
    err(f"workload too small: {ours} tasks, {len(nsset)} namespaces")
dur = (ends[0] - starts[0]) / 1e9 if starts and ends else -1
print(f"statedump: {len(ps)} tasks, {nev} events, {len(alive_tid)} alive throughout, "
      f"{ours} workload tasks in {len(nsset)} pid namespaces; duration {dur:.3f} s")
sys.exit(1 if bad else 0)
PYEOF
	fail "statedump lost or garbled live tasks"
phase "checked"
trap - EXIT
cleanup
pass
