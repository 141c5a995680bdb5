#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""nsprof unit tests: write small CTF traces with ctfgen, run babeltrace2
with the plugin, check the namespace tree and the CPU accounting exactly.
Prints PASS name / FAIL name per case; exits 1 if any failed.

usage: run_tests.py PLUGIN_DIR"""

import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ctfgen import OURS, Trace  # noqa: E402

PLUGIN_DIR = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "build")
ROOT, A, B, C, D = 4026531836, 1001, 1002, 2001, 2002
TMP = tempfile.mkdtemp(prefix="nsprof-test.")
COMM = {0: "swapper/0"}   # tid -> comm, as the statedump named it


def run(trace, fmt="json", name="t"):
    d = os.path.join(TMP, name)
    trace.write(d)
    cmd = ["babeltrace2", f"--plugin-path={PLUGIN_DIR}", d, "-c", "sink.nsprof.containers",
           "--params", f'format="{fmt}"']
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode or p.stderr.strip():
        raise AssertionError(f"babeltrace2 rc={p.returncode}: {p.stderr.strip()[:2000]}")
    return json.loads(p.stdout) if fmt == "json" else p.stdout


def dump(t, ts, tid, name, levels, pid=None, ppid=1, cpu=0):
    """levels: root first, (ns_inum, vtid); one event per level, deepest first."""
    pid = tid if pid is None else pid
    COMM[tid] = name
    for lvl in reversed(range(len(levels))):
        ino, vtid = levels[lvl]
        t.add(cpu, ts, "lttng_statedump_process_state", tid=tid, vtid=vtid, pid=pid,
              vpid=vtid if pid == tid else 0, ppid=ppid, name=name, status=5, mode=5,
              ns_level=lvl, ns_inum=ino)


def sw(t, cpu, ts, prev, nxt):
    t.add(cpu, ts, "sched_switch", prev_comm=COMM.get(prev, f"t{prev}"), prev_tid=prev,
          next_comm=COMM.get(nxt, f"t{nxt}"),
          next_tid=nxt, prev_prio=20, next_prio=20)


def fork(t, ts, ptid, pns, ctid, vtids, cns, cpid=None, cpu=0):
    t.add(cpu, ts, "sched_process_fork", parent_comm=f"t{ptid}", parent_tid=ptid, parent_pid=ptid,
          parent_ns_inum=pns, child_comm=f"t{ctid}", child_tid=ctid, vtids=vtids,
          child_pid=ctid if cpid is None else cpid, child_ns_inum=cns)


def nsmap(r):
    return {n["inum"]: n for n in r["namespaces"]}


def task(r, tid, comm=None):
    for n in r["namespaces"]:
        for m in n["members"]:
            if m["tid"] == tid and (comm is None or m["comm"] == comm):
                return n["inum"], m
    for m in r["unknown"]["members"]:
        if m["tid"] == tid:
            return 0, m
    raise AssertionError(f"tid {tid} not reported")


def eq(got, want, what):
    if got != want:
        raise AssertionError(f"{what}: got {got!r}, expected {want!r}")


def basic_trace():
    t = Trace()
    dump(t, 1000, 1, "init", [(ROOT, 1)], ppid=0)
    dump(t, 1001, 50, "rootjob", [(ROOT, 50)])
    dump(t, 1002, 100, "ctr-a", [(ROOT, 100), (A, 1)])
    dump(t, 1003, 101, "load-a", [(ROOT, 101), (A, 2)], ppid=100)
    dump(t, 1004, 102, "ctr-b", [(ROOT, 102), (A, 3), (B, 1)], ppid=100)
    dump(t, 1005, 103, "load-b", [(ROOT, 103), (A, 4), (B, 2)], ppid=102)
    sw(t, 0, 2000, 0, 101)
    sw(t, 0, 5000, 101, 50)
    sw(t, 0, 6000, 50, 0)
    sw(t, 1, 3000, 103, 102)   # 103 ran since before: charged from the start (1000)
    sw(t, 1, 4000, 102, 0)
    sw(t, 0, 11000, 0, 0)
    return t


def test_tree_and_exclusive_inclusive_cpu():
    r = run(basic_trace(), name="basic")
    eq(r["trace"]["duration_ns"], 10000, "duration")
    ns = nsmap(r)
    eq(set(ns), {ROOT, A, B}, "namespaces")
    eq((ns[ROOT]["level"], ns[A]["level"], ns[B]["level"]), (0, 1, 2), "levels")
    eq((ns[A]["parent"], ns[B]["parent"]), (ROOT, A), "parents")
    eq((ns[A]["init"]["tid"], ns[B]["init"]["tid"], ns[ROOT]["init"]["tid"]), (100, 102, 1), "inits")
    eq(ns[A]["init"]["comm"], "ctr-a", "init comm")
    eq((ns[ROOT]["cpu_ns"], ns[A]["cpu_ns"], ns[B]["cpu_ns"]), (1000, 3000, 3000), "exclusive")
    eq((ns[ROOT]["cpu_ns_incl"], ns[A]["cpu_ns_incl"], ns[B]["cpu_ns_incl"]), (7000, 6000, 3000), "inclusive")
    eq((ns[A]["share"], ns[A]["share_incl"]), (0.3, 0.6), "shares")
    eq(ns[A]["percpu_ns"], [3000, 0], "A per CPU")
    eq(ns[B]["percpu_ns"], [0, 3000], "B per CPU")
    eq(ns[A]["percpu_ns_incl"], [3000, 3000], "A per CPU inclusive")
    eq(r["trace"]["idle_ns"], [6000, 7000], "idle per CPU")
    eq(r["trace"]["first_slice_unknown_start_ns"], 2000, "first-slice estimate")
    eq((ns[A]["tasks"], ns[A]["tasks_incl"]), (2, 4), "task counts")
    _, m = task(r, 103)
    eq((m["vtid"], m["vtids"], m["ns_chain"], m["origin"]), (2, [103, 4, 2], [ROOT, A, B], "statedump"), "load-b")
    eq([m["tid"] for m in ns[B]["members"]], [103, 102], "members by CPU")
    eq(r["unknown"]["tasks"], 0, "unknown")


def test_fork_new_ns_nested_and_setns():
    t = Trace()
    dump(t, 1000, 1, "init", [(ROOT, 1)], ppid=0)
    dump(t, 1001, 200, "shell", [(ROOT, 200)])
    dump(t, 1002, 100, "ctr-a", [(ROOT, 100), (A, 1)])
    fork(t, 2000, 200, ROOT, 300, [300, 1], C)            # unshare --pid --fork
    fork(t, 2100, 300, C, 301, [301, 2], C)
    fork(t, 2200, 301, C, 302, [302, 3, 1], D)            # nested two deep
    fork(t, 2300, 200, ROOT, 303, [303, 7], A)            # nsenter --pid into A
    fork(t, 2400, 303, A, 304, [304, 8], A, cpid=303)     # its thread
    fork(t, 2500, 200, ROOT, 305, [305, 9, 4], D)         # nsenter into D, two levels down
    sw(t, 0, 3000, 0, 303)
    sw(t, 0, 4000, 303, 305)
    sw(t, 0, 4500, 305, 304)
    sw(t, 0, 5000, 304, 302)
    sw(t, 0, 5250, 302, 0)
    sw(t, 1, 6000, 0, 0)
    r = run(t, name="fork")
    ns = nsmap(r)
    eq((ns[C]["level"], ns[C]["parent"], ns[D]["level"], ns[D]["parent"]), (1, ROOT, 2, C), "new namespaces")
    eq((ns[C]["init"]["tid"], ns[D]["init"]["tid"]), (300, 302), "inits of new namespaces")
    eq(ns[A]["cpu_ns"], 1500, "setns task and its thread charged to A")
    eq((ns[D]["cpu_ns"], ns[C]["cpu_ns"], ns[C]["cpu_ns_incl"]), (750, 0, 750), "D and C")
    eq(ns[ROOT]["cpu_ns"], 0, "root charged nothing")
    for tid, want_ns, vtid, entered in ((303, A, 7, True), (304, A, 8, False), (305, D, 4, True),
                                        (300, C, 1, False), (302, D, 1, False), (301, C, 2, False)):
        got_ns, m = task(r, tid)
        eq((got_ns, m["vtid"], m["entered_by_setns"], m["origin"]), (want_ns, vtid, entered, "fork"), f"task {tid}")
    eq(r["trace"]["tasks_entered_by_setns"], 2, "entered count")


def test_no_statedump_says_unknown():
    t = Trace()
    sw(t, 0, 1000, 0, 10)
    sw(t, 0, 2000, 10, 11)
    sw(t, 0, 3000, 11, 10)
    fork(t, 3100, 10, ROOT, 12, [12, 1], C)
    sw(t, 0, 3500, 10, 12)
    sw(t, 0, 4000, 12, 0)
    r = run(t, name="nodump")
    eq(r["trace"]["statedump"], False, "statedump flag")
    eq((r["unknown"]["tasks"], r["unknown"]["cpu_ns"]), (1, 1000), "unknown tasks")
    ns = nsmap(r)
    eq((ns[ROOT]["cpu_ns"], ns[C]["cpu_ns"], ns[C]["parent"]), (1500, 500, ROOT), "learnt from the fork")
    txt = run(t, fmt="text", name="nodump")
    for s in ("1 task of unknown namespace", "no statedump"):
        if s not in txt:
            raise AssertionError(f"text output lacks {s!r}:\n{txt}")


def test_tid_reuse_after_free():
    t = Trace()
    dump(t, 1000, 1, "init", [(ROOT, 1)], ppid=0)
    dump(t, 1001, 400, "old", [(ROOT, 400), (A, 5)])
    sw(t, 0, 1500, 0, 400)
    sw(t, 0, 2500, 400, 0)
    t.add(0, 2600, "sched_process_exit", comm="old", tid=400, prio=20)
    t.add(0, 2700, "sched_process_free", comm="old", tid=400, prio=20)
    fork(t, 3000, 1, ROOT, 400, [400], ROOT)
    sw(t, 0, 3000, 0, 400)
    sw(t, 0, 5000, 400, 0)
    r = run(t, name="reuse")
    ns = nsmap(r)
    eq((ns[A]["cpu_ns"], ns[ROOT]["cpu_ns"]), (1000, 2000), "old and new owner of tid 400")
    old = [m for m in ns[A]["members"] if m["tid"] == 400][0]
    eq((old["exited"], old["last_seen_ns"]), (True, 2600), "old task's end")


def test_upstream_2_12_pid_ns_events():
    ev = dict(OURS)
    ev["lttng_statedump_process_state"] = [(n, ty) for n, ty in OURS["lttng_statedump_process_state"]
                                           if n not in ("ns_level", "ns_inum")]
    t = Trace(events=ev)
    for tid, name, levels in ((1, "init", [(ROOT, 1)]), (500, "ctr", [(ROOT, 500), (A, 1)]),
                              (501, "load", [(ROOT, 501), (A, 2)])):
        t.add(0, 1000, "lttng_statedump_process_state", tid=tid, vtid=levels[-1][1], pid=tid, name=name)
        for lvl in reversed(range(len(levels))):
            t.add(0, 1000, "lttng_statedump_process_pid_ns", tid=tid, vtid=levels[lvl][1],
                  ns_level=lvl, ns_inum=levels[lvl][0])
    sw(t, 0, 2000, 0, 501)
    sw(t, 0, 3000, 501, 0)
    r = run(t, name="u212")
    ns = nsmap(r)
    eq((ns[A]["cpu_ns"], ns[A]["parent"], ns[A]["init"]["tid"]), (1000, ROOT, 500), "from pid_ns events")


def test_missing_fields_tolerated():
    ev = dict(OURS)
    # An older tracer: no namespace fields in fork, a per-task statedump
    # with the task's own ns only, no exit/free events at all.
    ev["sched_process_fork"] = [(n, ty) for n, ty in OURS["sched_process_fork"]
                                if n not in ("vtids", "parent_ns_inum", "child_ns_inum")]
    ev["lttng_statedump_process_state"] = [(n, ty) for n, ty in OURS["lttng_statedump_process_state"]
                                           if n not in ("ns_level", "file_table_address")]
    del ev["sched_process_exit"], ev["sched_process_free"]
    t = Trace(events=ev)
    t.add(0, 1000, "lttng_statedump_process_state", tid=600, vtid=3, pid=600, name="x", ns_inum=A)
    t.add(0, 1100, "sched_process_fork", parent_tid=600, child_tid=601, child_pid=601)
    sw(t, 0, 2000, 0, 600)
    sw(t, 0, 3000, 600, 601)
    sw(t, 0, 3500, 601, 0)
    r = run(t, name="old")
    ns = nsmap(r)
    eq(ns[A]["cpu_ns"], 1000, "task with ns from a level-less statedump")
    eq((r["unknown"]["tasks"], r["unknown"]["cpu_ns"]), (1, 500), "forked child without ns info")


def test_csv_and_text():
    out = run(basic_trace(), fmt="csv", name="basic")
    rows = list(csv.DictReader(io.StringIO(out)))
    eq(rows[0]["kind"], "trace", "first row")
    nsrows = {int(x["ns_inum"]): x for x in rows if x["kind"] == "ns"}
    eq(set(nsrows), {ROOT, A, B}, "ns rows")
    eq((int(nsrows[A]["cpu_ns"]), int(nsrows[A]["cpu_ns_incl"]), int(nsrows[A]["cpu0_ns"])), (3000, 6000, 3000), "A row")
    eq(len([x for x in rows if x["kind"] == "task"]), 6, "task rows")
    txt = run(basic_trace(), fmt="text", name="basic")
    for s in ("PID NAMESPACE TREE", "CPU TABLE", 'init "ctr-b" (tid 102, vtid 1)', "LIMITS"):
        if s not in txt:
            raise AssertionError(f"text output lacks {s!r}:\n{txt}")


def test_bad_format_is_an_error():
    d = os.path.join(TMP, "basic")
    basic_trace().write(d)
    p = subprocess.run(["babeltrace2", f"--plugin-path={PLUGIN_DIR}", d, "-c", "sink.nsprof.containers",
                        "--params", 'format="xml"'], capture_output=True, text=True)
    if p.returncode == 0:
        raise AssertionError("format=xml accepted")


def main():
    fail = 0
    for name, fn in sorted(globals().items()):
        if not name.startswith("test_"):
            continue
        try:
            fn()
            print(f"PASS nsprof_{name[5:]}", flush=True)
        except Exception as e:  # noqa: BLE001
            fail = 1
            print(f"FAIL nsprof_{name[5:]}: {e}", flush=True)
            if not isinstance(e, AssertionError):
                traceback.print_exc()
    subprocess.run(["rm", "-rf", TMP])
    return fail


if __name__ == "__main__":
    sys.exit(main())
