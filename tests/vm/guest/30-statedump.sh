#!/bin/bash
# The statedump against the kernel's own truth (namespace-events.md §2, §5).
#
# Builds namespace shapes (pid namespaces nested 3 deep, a sibling, a
# thread inside one, a user namespace with pid namespaces inside, and new
# mount/net/uts/ipc/cgroup/time namespaces), records what /proc says about
# each of their threads, then traces a session with every
# lttng_statedump_* event, regenerates the statedump once while tracing,
# and checks both dumps field by field: one process_state and one pid_ns
# event per pid-namespace level, deepest first, with exact tid, vtid, pid,
# vpid, ppid, vppid, ns_level, ns_inum; the user_ns chain; one event per
# other namespace type with /proc's inode.  Every task of each dump must
# also have a well-formed level chain.
set -eu
. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
out=$TEST_OUT/statedump
mkdir -p "$TEST_OUT"
shape_pids=()

cleanup() {
	lttng destroy sd >/dev/null 2>&1 || true
	for p in "${shape_pids[@]}"; do
		kill -KILL "$p" 2>/dev/null || true
	done
	wait 2>/dev/null || true
	stop_sessiond >/dev/null 2>&1 || true
}
trap cleanup EXIT

start_sessiond
lsmod | grep -q '^lttng_probe_statedump' ||
	fail "lttng-probe-statedump not loaded by lttng-sessiond"
lsmod | grep -q '^lttng_statedump' || fail "lttng-statedump not loaded"

timens=
if unshare --help 2>&1 | grep -q -- '--time' && [ -e /proc/self/ns/time ]; then
	timens=--time
fi

# --kill-child: killing a shape's outer unshare takes everything inside.
u() { unshare --kill-child "$@"; }

# A: pid namespaces 3 deep (levels 1..3), the first with its own mounts.
u --pid --mount-proc unshare --kill-child --pid \
	unshare --kill-child --pid sleep 1000 &
shape_pids+=($!)
# B: a sibling pid namespace with its own net, uts and ipc.
u --pid --net --uts --ipc sleep 1000 &
shape_pids+=($!)
# C: a second thread inside a pid namespace, with cgroup and time ones.
u --pid --cgroup $timens $PY -c '
import threading, time
threading.Thread(target=time.sleep, args=(1000,)).start()
time.sleep(1000)' &
shape_pids+=($!)
# D: a user namespace, two pid namespaces below it.  Not from a chroot
# (the rig's runner is one): the kernel refuses new user namespaces there.
nsleep=2
if unshare --user true 2>/dev/null; then
	u --user --map-root-user --pid unshare --kill-child --pid sleep 1000 &
	shape_pids+=($!)
	nsleep=3
else
	echo "no user namespace shape: unshare --user refused here (chroot)"
fi

# Wait for the shapes' innermost tasks (and the second python thread).
ready=
for _ in $(seq 1 60); do
	for p in "${shape_pids[@]}"; do
		[ -d /proc/$p ] || fail "shape $p exited"
	done
	# By name: the enclosing unshare's command line has the script too.
	py=$(pgrep -x python3 | head -1 || true)
	if [ "$(pgrep -c -x sleep || true)" -ge $nsleep ] && [ -n "$py" ] &&
	   [ "$(ls /proc/$py/task | wc -l)" -ge 2 ]; then
		ready=1
		break
	fi
	sleep 0.5
done
if [ -z "$ready" ]; then
	ps -eLo pid,lwp,ppid,comm,args >&2
	fail "shapes not ready"
fi

# Ground truth, read from the initial namespaces' /proc.
$PY - "${shape_pids[@]}" > "$TEST_OUT/truth.json" <<'EOF'
import fcntl, json, os, sys

NS_GET_PARENT = 0xb702

def chain(path):
    """Inodes of a namespace and its ancestors, root first."""
    inodes = []
    fd = os.open(path, os.O_RDONLY)
    while True:
        inodes.append(os.fstat(fd).st_ino)
        try:
            pfd = fcntl.ioctl(fd, NS_GET_PARENT)
        except OSError:
            break
        os.close(fd)
        fd = pfd
    os.close(fd)
    return inodes[::-1]

def status(pid, tid):
    d = {}
    with open(f"/proc/{pid}/task/{tid}/status") as f:
        for line in f:
            k, _, v = line.partition(":")
            d[k] = v.split()
    return d

# From every process's PPid, not /proc/PID/task/TID/children: that file
# needs CONFIG_PROC_CHILDREN, which the debug kernel does not set.
kids_of = {}
for e in os.listdir("/proc"):
    if e.isdigit():
        try:
            kids_of.setdefault(int(status(e, e)["PPid"][0]), []).append(int(e))
        except (FileNotFoundError, ProcessLookupError):
            pass

def children(pid):
    return kids_of.get(pid, [])

procs, todo = [], [int(p) for p in sys.argv[1:]]
while todo:
    p = todo.pop()
    procs.append(p)
    todo += children(p)

def proc_view(pid):
    st = status(pid, pid)
    return {"nstgid": [int(x) for x in st["NStgid"]],
            "pidns": chain(f"/proc/{pid}/ns/pid")}

truth = []
for pid in procs:
    for tid in sorted(int(t) for t in os.listdir(f"/proc/{pid}/task")):
        st = status(pid, tid)
        base = f"/proc/{pid}/task/{tid}"
        t = {
            "tid": tid, "pid": pid, "ppid": int(st["PPid"][0]),
            "comm": open(f"{base}/comm").read().strip(),
            "nspid": [int(x) for x in st["NSpid"]],
            "nstgid": [int(x) for x in st["NStgid"]],
            "uid": int(st["Uid"][0]), "gid": int(st["Gid"][0]),
            "pidns": chain(f"{base}/ns/pid"),
            "userns": chain(f"{base}/ns/user"),
            "ns": {},
        }
        for n in ("cgroup", "ipc", "mnt", "net", "uts", "time"):
            if os.path.exists(f"{base}/ns/{n}"):
                t["ns"][n] = os.stat(f"{base}/ns/{n}").st_ino
        # The parent's view, for vppid at each level.
        t["parent"] = proc_view(t["ppid"]) if t["ppid"] else None
        # Deepest level's ids in the task's own user namespace.
        um = open(f"{base}/uid_map").read().split()
        gm = open(f"{base}/gid_map").read().split()
        def inv(m, k):
            for i in range(0, len(m), 3):
                inside, outside, cnt = int(m[i]), int(m[i+1]), int(m[i+2])
                if outside <= k < outside + cnt:
                    return inside + k - outside
            return 65534
        t["vuid_deep"] = inv(um, t["uid"])
        t["vgid_deep"] = inv(gm, t["gid"])
        truth.append(t)
json.dump(truth, sys.stdout, indent=1)
EOF

ntruth=$($PY -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$TEST_OUT/truth.json")
echo "ground truth: $ntruth threads"
[ "$ntruth" -ge 10 ] || fail "shapes not built (only $ntruth threads)"

lttng create sd --output="$out"
lttng enable-event -k 'lttng_statedump_*'
t0=$(date +%s.%N)
lttng start
lttng regenerate statedump
lttng stop
t1=$(date +%s.%N)
lttng destroy sd
echo "start + regenerate + stop: $($PY -c "print(round($t1 - $t0, 2))") s"
bt_read "$out" > "$TEST_OUT/statedump.txt"
echo "events: $(wc -l < "$TEST_OUT/statedump.txt")"

$PY - "$TEST_OUT/truth.json" "$TEST_OUT/statedump.txt" <<'EOF'
import json, re, sys
from collections import defaultdict
from sdparse import statedumps

truth = json.load(open(sys.argv[1]))
errors = []

def err(msg):
    errors.append(msg)
    if len(errors) < 60:
        print("FAIL:", msg, file=sys.stderr)

dumps = statedumps(sys.argv[2], err)
if len(dumps) != 2:
    err(f"{len(dumps)} complete dumps, expected 2 (start + regenerate)")

for d, evs in enumerate(dumps):
    per = defaultdict(lambda: defaultdict(list))
    netifs, fds = [], defaultdict(list)
    for name, f in evs:
        if name == "network_interface":
            netifs.append(f)
        elif name == "file_descriptor":
            fds[f["file_table_address"]].append(f)
        elif name in ("interrupt", "block_device", "cpu_topology"):
            continue    # checked by 31-statedump-system.sh
        elif "tid" in f:
            per[f["tid"]][name].append(f)
        else:
            err(f"dump {d}: unexpected event {name}")
    # Structure, for every task of the dump.
    for tid, by in per.items():
        ps = by["process_state"]
        levels = [e["ns_level"] for e in ps]
        if not ps or levels != list(range(len(ps) - 1, -1, -1)):
            err(f"dump {d} tid {tid}: process_state levels {levels}")
            continue
        last = ps[-1]
        if last["ns_inum"] and (last["vtid"] != tid or last["vpid"] != last["pid"]):
            err(f"dump {d} tid {tid}: level 0 vtid/vpid {last['vtid']}/{last['vpid']}")
        pn = [(e["ns_level"], e["ns_inum"], e["vtid"], e["vpid"], e["vppid"]) for e in by["process_pid_ns"]]
        pe = [(e["ns_level"], e["ns_inum"], e["vtid"], e["vpid"], e["vppid"]) for e in ps]
        if pn != pe:
            err(f"dump {d} tid {tid}: pid_ns events {pn} != process_state {pe}")
        ul = [e["ns_level"] for e in by["process_user_ns"]]
        if ul != list(range(len(ul) - 1, -1, -1)) or not ul:
            err(f"dump {d} tid {tid}: user_ns levels {ul}")
    # Exact values, for the ground-truth tasks.
    for t in truth:
        tid = t["tid"]
        by = per.get(tid)
        if not by:
            err(f"dump {d}: no events for tid {tid} ({t['comm']})")
            continue
        ps = by["process_state"]
        n = len(t["nspid"])
        if len(ps) != n:
            err(f"dump {d} tid {tid}: {len(ps)} process_state, expected {n}")
            continue
        par = t["parent"]
        for i, e in enumerate(ps):
            lvl = n - 1 - i
            vppid = 0
            if par and lvl < len(par["pidns"]) and par["pidns"][lvl] == t["pidns"][lvl]:
                vppid = par["nstgid"][lvl]
            want = {"tid": tid, "pid": t["pid"], "ppid": t["ppid"],
                    "vtid": t["nspid"][lvl], "vpid": t["nstgid"][lvl],
                    "vppid": vppid, "ns_level": lvl,
                    "ns_inum": t["pidns"][lvl], "name": t["comm"],
                    "type": 0, "mode": 5, "submode": 0}
            for k, v in want.items():
                if e.get(k) != v:
                    err(f"dump {d} tid {tid} level {lvl}: {k} = {e.get(k)}, expected {v}")
            if e.get("status") not in (1, 2, 5, 6):
                err(f"dump {d} tid {tid}: status {e.get('status')}")
        us = by["process_user_ns"]
        if [e["ns_inum"] for e in us] != t["userns"][::-1]:
            err(f"dump {d} tid {tid}: user_ns inodes {[e['ns_inum'] for e in us]}, expected {t['userns'][::-1]}")
        elif us:
            if (us[0]["vuid"], us[0]["vgid"]) != (t["vuid_deep"], t["vgid_deep"]):
                err(f"dump {d} tid {tid}: deepest vuid/vgid {us[0]['vuid']}/{us[0]['vgid']}")
            if (us[-1]["vuid"], us[-1]["vgid"]) != (t["uid"], t["gid"]):
                err(f"dump {d} tid {tid}: level 0 vuid/vgid {us[-1]['vuid']}/{us[-1]['vgid']}")
        for ns, ino in t["ns"].items():
            got = [e["ns_inum"] for e in by[f"process_{ns}_ns"]]
            if got != [ino]:
                err(f"dump {d} tid {tid}: {ns}_ns {got}, expected [{ino}]")
        # Its file table was dumped, with stdin/stdout/stderr.
        fta = ps[0]["file_table_address"]
        fdset = {f["fd"] for f in fds.get(fta, [])}
        if not {0, 1, 2} <= fdset:
            err(f"dump {d} tid {tid}: fds {sorted(fdset)} of table {fta:#x}")
    if not any(f["name"] == "lo" for f in netifs):
        err(f"dump {d}: no network_interface for lo")
    depth = max((len(t["nspid"]) for t in truth), default=0)
    print(f"dump {d}: {len(per)} tasks, {len(evs)} events, truth depth {depth}")

if max(len(t["nspid"]) for t in truth) < 4:
    err("no task at pid-namespace level 3")
if errors:
    print(f"{len(errors)} mismatches", file=sys.stderr)
    sys.exit(1)
print("all ground-truth tasks match in both dumps")
EOF

trap - EXIT
cleanup
pass
