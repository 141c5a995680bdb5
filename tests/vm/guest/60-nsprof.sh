#!/bin/bash
# nsprof (analysis/nsprof) on a real container workload: the scenario of
# tests/demo/scenario.sh (containers nested two deep, one started before
# and one after tracing began, one task injected with nsenter --pid), the
# plugin's JSON against /proc's truth and the loads' known shares.
#
# Attribution (exact): every load and container init is a member of the
# pid namespace /proc gave it, at /proc's level; the tree links ctr-b2
# under ctr-b and the level-1 containers under the root; each container's
# init is its vtid-1 task; the task nsenter forked into ctr-b (burn,
# inj-b's parent) is marked as entered by setns and attributed to ctr-b, the late ones as forked, the early ones as from the statedump;
# inclusive CPU = own CPU + children's inclusive CPU; no task of unknown
# namespace (the statedump covers every task).
#
# Shares (with a tolerance derived from the scheduler, not tuned): each
# load (burn.c) keeps its own CPU clock at SHARE x elapsed time, topping
# up each PERIOD (10 ms) to the cumulative target of the period's end and
# catching up after delays.  The trace measures a load over a window W (the
# whole trace for statedump tasks, fork to trace end for late ones).  At
# any instant the load is ahead of SHARE x t by at most one period's quota
# (SHARE x P) and behind by at most what a wake-up delay costs it: it
# stops regulating for LATE (its worst measured lateness getting the CPU
# back after a period boundary, reported by burn itself for the traced
# interval: this is the scheduler's latency as the load really saw it,
# vCPU descheduling by the host included) plus the period, SHARE x (P + LATE).  Both ends of the
# window can be off that way, and a late load's regulation starts after
# its fork by up to LATE (it must be scheduled to start its clock):
#     |CPU/W - SHARE| <= (2 x SHARE x (P + LATE) + LATE) / W.
# The thread CPU clock the load regulates on and the sched_switch
# intervals nsprof sums are the same time: CONFIG_IRQ_TIME_ACCOUNTING is
# off in Debian's kernel, so interrupt time counts in both (and is not
# a source of error); this is checked (and the test skipped) otherwise.
set -eu
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/../../demo/scenario.sh"

TOP=$(cd "$(dirname "$0")/../../.." && pwd)
trap 'scn_cleanup; stop_sessiond >/dev/null 2>&1 || true' EXIT

cfg=/boot/config-$KVER
if [ -r "$cfg" ] && grep -q '^CONFIG_IRQ_TIME_ACCOUNTING=y' "$cfg"; then
	echo "IRQ_TIME_ACCOUNTING=y: thread CPU clocks exclude interrupts, the bound does not hold"
	exit 77
fi

# The plugin: the host's build if current, else built here.
plugin=$TOP/analysis/nsprof/build
if [ ! -f "$plugin/plugin-nsprof.so" ] || [ "$plugin/plugin-nsprof.so" -ot "$TOP/analysis/nsprof/nsprof.c" ]; then
	plugin=$TEST_OUT/nsprof-build
	make -s -C "$TOP/analysis/nsprof" BUILD="$plugin" >/dev/null || fail "cannot build the plugin"
fi

start_sessiond
run_scenario "$TEST_OUT" || fail "scenario failed"
stop_sessiond

trace=$TEST_OUT/trace
err=$TEST_OUT/bt.err
babeltrace2 --plugin-path="$plugin" "$trace" -c sink.nsprof.containers \
	--params 'format="json"' >"$TEST_OUT/nsprof.json" 2>"$err" || { cat "$err"; fail "babeltrace2 failed"; }
[ -s "$err" ] && { cat "$err"; fail "babeltrace2 warned"; }
babeltrace2 --plugin-path="$plugin" "$trace" -c sink.nsprof.containers >"$TEST_OUT/nsprof.txt"
cat "$TEST_OUT/nsprof.txt"

python3 - "$TEST_OUT/nsprof.json" "$TEST_OUT/truth.txt" "$TEST_OUT/burn.txt" <<'PY'
import json, re, sys

r = json.load(open(sys.argv[1]))
truth = {}
for line in open(sys.argv[2]):
    comm, ino, lvl, pid = line.split()
    truth[comm] = (int(ino), int(lvl), int(pid))
late = {}
for line in open(sys.argv[3]):
    m = re.match(r"burn (\S+): .* max_late_ms ([0-9.]+)", line)
    if m:
        late[m.group(1)] = float(m.group(2)) / 1e3
errors = []

def check(cond, msg):
    print(("ok   " if cond else "FAIL ") + msg)
    if not cond:
        errors.append(msg)

ns = {n["inum"]: n for n in r["namespaces"]}
where = {}
for n in r["namespaces"]:
    for m in n["members"]:
        where[m["tid"]] = (n, m)
root = [n for n in r["namespaces"] if n["level"] == 0]
check(len(root) == 1, f"one root namespace ({len(root)})")
root = root[0]["inum"] if root else None

for comm, (ino, lvl, pid) in sorted(truth.items()):
    n, m = where.get(pid, (None, None))
    check(n is not None and n["inum"] == ino and n["level"] == lvl and
          m["comm"] == (comm if comm != "inj-b-parent" else "burn"),
          f"{comm} (pid {pid}) in pidns {ino} level {lvl}: got "
          f"{(n['inum'], n['level'], m['comm']) if n else 'nothing'}")

def nsof(c):
    return ns.get(truth[c][0], {})

check(nsof("ctr-b2").get("parent") == truth["ctr-b"][0], "ctr-b2's namespace is inside ctr-b's")
for c in ("ctr-a", "ctr-b", "ctr-c"):
    check(nsof(c).get("parent") == root, f"{c}'s namespace is inside the root namespace")
for c in ("ctr-a", "ctr-b", "ctr-b2", "ctr-c"):
    init = nsof(c).get("init") or {}
    check(init.get("tid") == truth[c][2] and init.get("comm") == c, f"{c} is its namespace's init: {init}")
for c, origin, entered in (("load-a", "statedump", False), ("load-b2", "statedump", False),
                           ("load-c", "fork", False), ("inj-b", "fork", False),
                           ("inj-b-parent", "fork", True)):
    _, m = where.get(truth[c][2], (None, {}))
    check(m.get("origin") == origin and m.get("entered_by_setns") == entered,
          f"{c}: origin {m.get('origin')} (want {origin}), entered by setns {m.get('entered_by_setns')} (want {entered})")
for n in r["namespaces"]:
    kids = sum(k["cpu_ns_incl"] for k in r["namespaces"] if k["parent"] == n["inum"])
    check(n["cpu_ns_incl"] == n["cpu_ns"] + kids, f"pidns {n['inum']}: inclusive = own + nested")
check(r["unknown"]["tasks"] == 0, f"no task of unknown namespace ({r['unknown']['tasks']})")

P = 0.010
end = r["trace"]["end_ns"]
for c, share in (("load-a", .50), ("load-b2", .25), ("load-c", .10), ("inj-b", .15)):
    _, m = where.get(truth[c][2], (None, None))
    if not m:
        continue
    start = r["trace"]["begin_ns"] if m["origin"] == "statedump" else m["first_seen_ns"]
    W = (end - start) / 1e9
    L = late.get(c)
    if L is None:
        check(False, f"{c}: no report from burn")
        continue
    got = m["cpu_ns"] / 1e9 / W
    tol = (2 * share * (P + L) + L) / W
    check(abs(got - share) <= tol,
          f"{c}: {100 * got:.2f}% of one CPU over {W:.2f} s, asked {100 * share:.0f}% "
          f"+/- {100 * tol:.2f} (worst lateness {1e3 * L:.1f} ms)")

if errors:
    print(f"{len(errors)} failed checks")
    sys.exit(1)
PY
trap - EXIT
scn_cleanup
pass
