#!/bin/bash
# sched_process_fork against the kernel's own truth (namespace-events.md §1, §5).
#
# tests/ns-workload/nsw builds, while a session records sched_process_fork,
# pid namespaces nested with unshare(2) and with clone(CLONE_NEWPID),
# sibling namespaces, threads (one of which forks) in a namespace, a task
# injected with setns into a level-2 namespace from outside its tree,
# nesting to level 32 (33 vtids) with a thread there and a refused
# level-33 clone, a global pid and a namespace-local pid reused, and a task
# whose global tid equals its vtid.  Each task wrote what /proc says about
# it and its parent at the fork.  Checked:
#   1. every task has exactly one event (the k-th event of a tid matches the
#      k-th task that had it), with every field equal to the truth:
#      parent_comm, parent_tid, parent_pid, parent_ns_inum, child_comm,
#      child_tid, _vtids_length, vtids (= NSpid, root first), child_pid,
#      child_ns_inum;
#   2. no other event has a workload task as parent (no extra event, none
#      for the refused clone);
#   3. the shapes really were built (level 32, setns, reuse, tid == vtid);
#   4. the normalised babeltrace2 text of the events equals the reviewed
#      tests/expected/fork-ns.txt (UPDATE: $TEST_OUT/fork-ns.txt is the
#      candidate; see tests/expected/README).
set -eu
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)
wl=$top/tests/ns-workload

w=$(mktemp -d /tmp/forkns.XXXXXX)
mkdir -p "$TEST_OUT"
nsw_pid=
cleanup() {
	exec 3>&- 2>/dev/null || true
	[ -n "$nsw_pid" ] && kill "$nsw_pid" 2>/dev/null || true
	wait 2>/dev/null || true
	lttng destroy forkns >/dev/null 2>&1 || true
	stop_sessiond >/dev/null 2>&1 || true
}
trap cleanup EXIT

gcc -O2 -Wall -o "$w/nsw" "$wl/nsw.c" -pthread || fail "cannot build nsw"

start_sessiond
out=$TEST_OUT/trace
lttng create forkns --output="$out"
lttng enable-channel -k chan0 --subbuf-size=1M --num-subbuf=4
lttng enable-event -k -c chan0 sched_process_fork
lttng start
mkfifo "$w/ctl"
"$w/nsw" shapes "$w/truth.json" < "$w/ctl" > "$w/nsw.out" &
nsw_pid=$!
exec 3>"$w/ctl"
for _ in $(seq 1 600); do
	grep -q '^ready' "$w/nsw.out" && break
	kill -0 "$nsw_pid" 2>/dev/null || fail "nsw died"
	sleep 0.1
done
grep -q '^ready' "$w/nsw.out" || fail "nsw not ready"
lttng stop
exec 3>&-
wait "$nsw_pid" || fail "nsw failed"
nsw_pid=
lttng destroy forkns
cp "$w/truth.json" "$TEST_OUT/"
bt_read "$out" > "$TEST_OUT/trace.txt"
echo "events: $(wc -l < "$TEST_OUT/trace.txt"), tasks: $(grep -c '"tid"' "$w/truth.json")"

python3 - "$w/truth.json" "$TEST_OUT/trace.txt" <<'PYEOF' || fail "trace differs from /proc truth"
import json, re, sys
from collections import defaultdict

recs, ready = [], None
for l in open(sys.argv[1]):
    d = json.loads(l)
    if d.get("event") == "ready":
        ready = d
    else:
        recs.append(d)
assert ready, "no ready line"

ev_re = re.compile(r"\ssched_process_fork: \{[^}]*\}, \{ (.*) \}$")
f_re = re.compile(r'(\w+) = ("(?:[^"\\]|\\.)*"|\[ (?:\[\d+\] = -?\d+(?:, )?)* \]|[^,]+)')
events = []
for line in open(sys.argv[2]):
    m = ev_re.search(line.rstrip("\n"))
    if not m:
        continue
    e = {}
    for k, v in f_re.findall(m.group(1)):
        if v.startswith('"'):
            e[k] = v[1:-1]
        elif v.startswith("["):
            e[k] = [int(x) for x in re.findall(r"\[\d+\] = (-?\d+)", v)]
        else:
            e[k] = int(v)
    events.append(e)

errors = []
def err(m):
    errors.append(m)
    if len(errors) <= 50:
        print("FAIL:", m, file=sys.stderr)

by_tid = defaultdict(list)
for i, e in enumerate(events):
    by_tid[e["child_tid"]].append(i)
used = set()
seen = defaultdict(int)
for r in recs:
    tid = r["tid"]
    k = seen[tid]
    seen[tid] += 1
    idx = by_tid.get(tid, [])
    if k >= len(idx):
        err(f"no event for task {tid} ({r['shape']}, {r['comm']}), occurrence {k + 1}")
        continue
    e = events[idx[k]]
    used.add(idx[k])
    want = {"parent_comm": r["pcomm"], "parent_tid": r["ptid"],
            "parent_pid": r["ppid"], "parent_ns_inum": r["pns"],
            "child_comm": r["comm"], "child_tid": tid,
            "_vtids_length": len(r["nspid"]), "vtids": r["nspid"],
            "child_pid": r["pid"], "child_ns_inum": r["pidns"]}
    if list(e) != list(want):
        err(f"task {tid}: fields {list(e)}")
    for f, v in want.items():
        if e.get(f) != v:
            err(f"task {tid} ({r['shape']}, {r['comm']}): {f} = {e.get(f)}, expected {v}")
for t, n in seen.items():
    if len(by_tid.get(t, [])) > n:
        err(f"tid {t}: {len(by_tid[t])} events for {n} tasks")
ours = {r["tid"] for r in recs} | {ready["main"]}
for i, e in enumerate(events):
    if i not in used and e["parent_tid"] in ours:
        err(f"extra event: {e}")

# The shapes are there.
deep = max(len(r["nspid"]) for r in recs)
if deep != 33:
    err(f"deepest task has {deep} levels, expected 33")
if ready["deep_refused"] != 28:
    err(f"level-33 clone: errno {ready['deep_refused']}, expected ENOSPC")
thr32 = [r for r in recs if len(r["nspid"]) == 33 and r["tid"] != r["pid"]]
if not thr32:
    err("no thread at level 32")
same = [r for r in recs if len(r["nspid"]) > 1 and r["nspid"][-1] == r["tid"]]
if not same or ready["same_tid"] != same[0]["tid"]:
    err("no task with tid == vtid")
if seen.get(ready["reuse_global"], 0) != 2:
    err("global pid not reused")
vt = [r["nspid"][-1] for r in recs if r["shape"] == "reuse" and len(r["nspid"]) == 2]
if len(vt) != 3 or vt[1] != vt[2]:
    err(f"namespace-local pid not reused: {vt}")
inj = [r for r in recs if r["comm"] == "nsw-inject"]
if not inj or inj[0]["pns"] == inj[0]["pidns"] or inj[0]["pidns"] != next(
        x["pidns"] for x in recs if x["tid"] == ready["setns_target"]):
    err("setns shape not as intended")
thr = [r for r in recs if r["shape"] == "thread" and r["tid"] != r["pid"]]
if len(thr) < 2:
    err("threads missing")
print(f"{len(recs)} tasks, {len(events)} events, {len(used)} matched, deepest {deep} levels")
if errors:
    print(f"{len(errors)} mismatches", file=sys.stderr)
    sys.exit(1)
print("every workload event matches /proc")
PYEOF

python3 "$wl/bt-normalize.py" "$TEST_OUT/trace.txt" > "$TEST_OUT/fork-ns.txt"
if ! diff -u "$top/tests/expected/fork-ns.txt" "$TEST_OUT/fork-ns.txt" > "$TEST_OUT/fork-ns.diff"; then
	head -60 "$TEST_OUT/fork-ns.diff"
	fail "normalised trace differs from tests/expected/fork-ns.txt"
fi
echo "normalised trace matches tests/expected/fork-ns.txt ($(wc -l < "$TEST_OUT/fork-ns.txt") events)"
trap - EXIT
cleanup
pass
