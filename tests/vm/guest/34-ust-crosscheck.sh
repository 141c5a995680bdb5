#!/bin/bash
# Kernel sched_process_fork against lttng-ust, in one session
# (namespace-events.md §1).  tests/ust-crosscheck/nsust-launch makes pid
# namespaces nested 1, 2 and 3 deep and runs, in each, nsust-app, a
# program instrumented with lttng-ust (tracepoint nsx:task, compat
# TRACEPOINT_EVENT API) that records from two threads its global tid and
# pid (from /proc/thread-self, which the initial procfs resolves) and its
# level.  The session records the kernel's sched_process_fork and the ust
# events with the user-space contexts vpid, vtid and pid_ns.  For every
# ust event, the kernel event of the same global tid must have:
#   vtids[last] == ust vtid context, _vtids_length == level + 1,
#   child_ns_inum == ust pid_ns context, child_pid == global pid,
# and the thread-group leader's innermost vtid == the vpid context.
set -eu
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../../ust-crosscheck" && pwd)
DEPTH=3

w=$(mktemp -d /tmp/ustx.XXXXXX)
mkdir -p "$TEST_OUT"
trap 'lttng destroy ustx >/dev/null 2>&1 || true; stop_sessiond >/dev/null 2>&1 || true' EXIT
gcc -O2 -Wall -I"$src" -o "$w/nsust-app" "$src/nsust-app.c" -llttng-ust -ldl -pthread ||
	fail "cannot build nsust-app"
gcc -O2 -Wall -o "$w/nsust-launch" "$src/nsust-launch.c" || fail "cannot build nsust-launch"

start_sessiond
out=$TEST_OUT/trace
lttng create ustx --output="$out"
lttng enable-channel -k kchan
lttng enable-event -k -c kchan sched_process_fork
lttng enable-channel -u uchan
lttng enable-event -u -c uchan 'nsx:task'
lttng add-context -u -c uchan -t vpid -t vtid -t pid_ns || fail "ust add-context"
lttng start
# The app waits for the session daemon at start-up (slow under TCG).
LTTNG_UST_REGISTER_TIMEOUT=60000 "$w/nsust-launch" "$w/nsust-app" $DEPTH |
	tee "$TEST_OUT/app.log" || fail "launcher failed"
lttng stop
lttng destroy ustx
stop_sessiond
bt_read "$out" > "$TEST_OUT/trace.txt"
grep -c 'nsx:task' "$TEST_OUT/trace.txt" || true

python3 - "$TEST_OUT/trace.txt" $DEPTH <<'PYEOF' || fail "kernel and ust traces disagree"
import re, sys
depth = int(sys.argv[2])
def parse(g):
    d = {}
    for k, v in re.findall(r'(\w+) = (\[ (?:\[\d+\] = -?\d+(?:, )?)* \]|"[^"]*"|[^,}]+)', g):
        v = v.strip()
        if v.startswith("["):
            d[k] = [int(x) for x in re.findall(r"\] = (-?\d+)", v)]
        elif v.startswith('"'):
            d[k] = v[1:-1]
        else:
            d[k] = int(v, 0)
    return d
forks, ust = {}, []
for line in open(sys.argv[1]):
    g = re.findall(r"\{([^{}]*)\}", line)
    if " sched_process_fork:" in line:
        e = parse(g[-1])
        forks.setdefault(e["child_tid"], []).append(e)
    elif " nsx:task:" in line:
        ust.append((parse(g[-2]), parse(g[-1])))
bad = []
if len(ust) != 2 * depth:
    bad.append(f"{len(ust)} ust events, expected {2 * depth}")
levels = set()
for ctx, p in ust:
    levels.add(p["level"])
    ks = forks.get(p["gtid"], [])
    if len(ks) != 1:
        bad.append(f"gtid {p['gtid']}: {len(ks)} kernel fork events")
        continue
    k = ks[0]
    checks = [
        ("innermost vtid", k["vtids"][-1], ctx["vtid"]),
        ("vtid == own gettid", ctx["vtid"], p["own_tid"]),
        ("levels", k["_vtids_length"], p["level"] + 1),
        ("child_ns_inum", k["child_ns_inum"], ctx["pid_ns"]),
        ("pidns payload", k["child_ns_inum"], p["pidns"]),
        ("child_pid", k["child_pid"], p["gpid"]),
        ("vtids[0]", k["vtids"][0], p["gtid"]),
    ]
    lead = forks.get(p["gpid"], [None])[0]
    if lead is None:
        bad.append(f"no fork event for the process {p['gpid']}")
    else:
        checks.append(("leader innermost vtid == vpid", lead["vtids"][-1], ctx["vpid"]))
    for what, kv, uv in checks:
        if kv != uv:
            bad.append(f"gtid {p['gtid']}: {what}: kernel {kv}, ust {uv}")
    print(f"gtid {p['gtid']}: ust vpid/vtid {ctx['vpid']}/{ctx['vtid']} pid_ns {ctx['pid_ns']}"
          f" | kernel vtids {k['vtids']} child_ns_inum {k['child_ns_inum']}")
if levels != set(range(1, depth + 1)):
    bad.append(f"levels seen {sorted(levels)}")
for b in bad:
    print("FAIL:", b, file=sys.stderr)
sys.exit(1 if bad else 0)
PYEOF
trap - EXIT
pass
