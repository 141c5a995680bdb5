#!/bin/bash
# Namespace contexts across unshare() (namespace-events.md §3): a process
# records an event (lttng_test_filter_event, fired by writing to
# /proc/lttng-test-filter-event), calls unshare(CLONE_NEWNET|CLONE_NEWUTS|
# CLONE_NEWIPC) and records again, then unshare(CLONE_NEWPID) and records
# again, then forks a child that records.  Checked, against what /proc said
# at each step:
#   - every namespace context equals /proc/thread-self/ns/* at that step;
#   - across the first unshare exactly net_ns, uts_ns, ipc_ns change;
#   - across unshare(CLONE_NEWPID) nothing changes for the caller (pid_ns is
#     the active namespace, not pid_for_children);
#   - the child's pid_ns is the new namespace (the caller's
#     pid_for_children), its vpid/vtid are 1, its other contexts the caller's.
set -eu
. "$(dirname "$0")/lib.sh"

NSES="pid user mnt net uts ipc cgroup time"
w=$(mktemp -d /tmp/nsunshare.XXXXXX)
mkdir -p "$TEST_OUT"
trap 'lttng destroy nsctx >/dev/null 2>&1 || true; stop_sessiond >/dev/null 2>&1 || true' EXIT

cat > "$w/steps.py" <<'PYEOF'
import ctypes, json, os, sys
libc = ctypes.CDLL(None, use_errno=True)
CLONE_NEWIPC, CLONE_NEWUTS, CLONE_NEWNET, CLONE_NEWPID = \
    0x08000000, 0x04000000, 0x40000000, 0x20000000
NSES = sys.argv[2].split()
out = open(sys.argv[1], "w")

def step(name, emit=True):
    tid = int(os.readlink("/proc/thread-self").split("/")[-1])
    t = {"step": name, "tid": tid}
    for n in NSES + ["pid_for_children"]:
        # pid_for_children: ENOENT after unshare(CLONE_NEWPID) until the
        # namespace has its first process.
        try:
            t[n] = os.stat("/proc/thread-self/ns/" + n).st_ino
        except FileNotFoundError:
            t[n] = 0
    if emit:
        with open("/proc/lttng-test-filter-event", "w") as f:
            f.write("1")
    out.write(json.dumps(t) + "\n")
    out.flush()

def unshare(flags):
    if libc.unshare(flags) != 0:
        sys.exit("unshare: errno %d" % ctypes.get_errno())

step("before")
unshare(CLONE_NEWNET | CLONE_NEWUTS | CLONE_NEWIPC)
step("net_uts_ipc")
unshare(CLONE_NEWPID)
step("newpid")
c = os.fork()
if c == 0:
    step("child")
    os._exit(0)
_, st = os.waitpid(c, 0)
step("after_child", emit=False)
sys.exit(os.waitstatus_to_exitcode(st))
PYEOF

modprobe lttng-test
start_sessiond
out=$TEST_OUT/trace
lttng create nsctx --output="$out"
lttng enable-channel -k chan0
for c in tid vtid vpid pid_ns user_ns mnt_ns net_ns uts_ns ipc_ns cgroup_ns time_ns; do
	lttng add-context -k -c chan0 -t "$c" || fail "add-context $c"
done
lttng enable-event -k -c chan0 lttng_test_filter_event
lttng start
python3 "$w/steps.py" "$w/truth.json" "$NSES" || fail "workload failed"
lttng stop
lttng destroy nsctx
stop_sessiond
rmmod lttng-test 2>/dev/null || true
cp "$w/truth.json" "$TEST_OUT/"
bt_read "$out" > "$TEST_OUT/trace.txt"
cat "$TEST_OUT/trace.txt"

python3 - "$w/truth.json" "$TEST_OUT/trace.txt" "$NSES" <<'PYEOF' || fail "contexts do not follow unshare()"
import json, re, sys
truth = [json.loads(l) for l in open(sys.argv[1])]
last = truth.pop() if truth and truth[-1]["step"] == "after_child" else None
NSES = sys.argv[3].split()
evs = []
for line in open(sys.argv[2]):
    if "lttng_test_filter_event:" not in line:
        continue
    g = re.findall(r"\{([^{}]*)\}", line)
    ctx = dict((k, int(v)) for k, v in re.findall(r"(\w+) = (-?\d+)", g[1]))
    evs.append(ctx)
bad = []
tids = {t["tid"] for t in truth}
mine = [e for e in evs if e["tid"] in tids]
if len(mine) != len(truth) or len(evs) != len(truth):
    bad.append(f"{len(evs)} events ({len(mine)} from the workload), expected {len(truth)}")
for t, e in zip(truth, mine):
    if e["tid"] != t["tid"]:
        bad.append(f"{t['step']}: event of tid {e['tid']}, expected {t['tid']}")
    for n in NSES:
        if e.get(n + "_ns") != t[n]:
            bad.append(f"{t['step']}: {n}_ns = {e.get(n + '_ns')}, /proc says {t[n]}")
    print(t["step"], {n: e.get(n + "_ns") for n in NSES}, "vtid", e.get("vtid"))
if len(truth) == 4 and last and not bad:
    a, b, c, d = truth
    changed = {n for n in NSES if a[n] != b[n]}
    if changed != {"net", "uts", "ipc"}:
        bad.append(f"unshare(NET|UTS|IPC) changed {sorted(changed)}")
    if any(b[n] != c[n] for n in NSES):
        bad.append("unshare(CLONE_NEWPID) changed the caller's namespaces")
    if last["pid_for_children"] == last["pid"] or last["pid"] != c["pid"]:
        bad.append("unshare(CLONE_NEWPID): pid_for_children did not change")
    if d["pid"] != last["pid_for_children"] or d["pid"] == c["pid"]:
        bad.append("child not in the new pid namespace")
    if any(d[n] != c[n] for n in NSES if n != "pid"):
        bad.append("child's other namespaces differ from its parent's")
    if (mine[3]["vtid"], mine[3]["vpid"]) != (1, 1):
        bad.append(f"child vtid/vpid {mine[3]['vtid']}/{mine[3]['vpid']}, expected 1/1")
for m in bad:
    print("FAIL:", m, file=sys.stderr)
sys.exit(1 if bad else 0)
PYEOF
trap - EXIT
pass
