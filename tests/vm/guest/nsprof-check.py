#!/usr/bin/env python3
# nsprof-check.py - what sink.nsprof.containers said about a run of
# tests/demo/scenario.sh, against the truth (used by 60-nsprof.sh and
# 62-nsprof-upstream.sh).
#
#   nsprof-check.py check DIR [--tracer ours|upstream]
#   nsprof-check.py compare OURS_DIR UPSTREAM_DIR
#
# DIR holds the scenario's output (truth.txt, burn.txt, schedstat-*.txt)
# and the plugin's nsprof.json.
#
# check: attribution against /proc (truth.txt): every load and container
# init in the pid namespace /proc gave it, at its level; the tree (ctr-b2
# inside ctr-b, the others inside the root); each container's init is its
# vtid-1 task; origins (statedump, fork) and the setns-entered task; the
# inclusive sums; no task of unknown namespace.  Then the CPU time of each
# container namespace against the kernel's own accounting over the same
# interval (schedstat, see scenario.sh), with this tolerance:
#
#   The plugin charges a task the time between its sched_switch events;
#   the kernel charges it the time between the scheduler clock reads of
#   the same __schedule() calls (update_rq_clock(), whose value
#   update_curr() and set_next_entity() then use).  Both clocks are the
#   TSC here (the trace clock is CLOCK_MONOTONIC on the tsc clocksource,
#   sched_clock is stable), so a timeslice's two measures differ by
#   d_out - d_in, where d is how long that __schedule() took from its
#   clock read to the tracepoint (the dequeue, the idle balance,
#   pick_next_task): never negative, and the time moves between the two
#   tasks of one switch (the one leaving gets it in the trace, the one
#   coming in loses it).  Per timeslice |d_out - d_in| <= max(d_out,
#   d_in), so over a namespace's N timeslices (schedstat's third field
#   counts them) the difference is at most N R, with R the cost of the
#   longest trip through __schedule().  The scenario measures R on each
#   CPU just before and just after the trace, with the loads stopped
#   (burn --switch-cost: a task sleeping 1 ns over and over on an idle
#   CPU; each sleep is a switch to idle, with dequeue and idle balance,
#   and one back, plus the system call and the timer: more than either
#   __schedule()), under the host's load of the moment: under TCG on a
#   busy host it is tens to hundreds of microseconds and varies by the
#   second (one sample of 1.8 ms seen), natively a few.  The bound is
#   N max(R, 400 us): the mean error per timeslice was seen as high as
#   208 us with R samples of 73-93 us, 200 us with 77-321 us, and
#   59 us with 44-57 us (the host preempting the vCPU inside __schedule(), which the
#   samples miss), so no smaller statistic of R holds.
#   Loose by design on a busy TCG host (a tenth to a half of the bound is
#   used); misattributing a load's task, the usual failure, is seconds.
#
# The share each load asked for is printed next to what the plugin and
# the kernel measured, for the reader: it is the workload's target, not
# something the plugin is judged by (the loads are regulated on their
# own clocks and can fall behind on a loaded host; the kernel's account is
# the truth).
#
# compare: both traces give the same tree for the same workload.  Inode
# numbers differ between runs, so namespaces are named by their init's
# comm (ctr-a, ..., the root namespace "root"); the same levels and parent
# links, the same members of each container (comm, vtid, origin, entered
# by setns), and each run's CPU within its own tolerance of its kernel
# accounting.  Where upstream's trace differs in what the plugin reads is
# listed in UPSTREAM_GAPS and printed, not hidden.
import json
import re
import sys

LOADS = {"load-a": ("ctr-a", .50), "load-b2": ("ctr-b2", .25),
         "load-c": ("ctr-c", .10), "inj-b": ("ctr-b", .15)}
CONTAINERS = ("ctr-a", "ctr-b", "ctr-b2", "ctr-c")
errors = []


def check(cond, msg):
    print(("ok   " if cond else "FAIL ") + msg)
    if not cond:
        errors.append(msg)


def load(d):
    r = json.load(open(f"{d}/nsprof.json"))
    truth = {}
    for line in open(f"{d}/truth.txt"):
        comm, ino, lvl, pid = line.split()
        truth[comm] = (int(ino), int(lvl), int(pid))
    burn = {}
    for line in open(f"{d}/burn.txt"):
        m = re.match(r"burn (\S+): ([0-9.]+) s CPU over ([0-9.]+) s .* max_late_ms ([0-9.]+)", line)
        if m:
            burn[m.group(1)] = float(m.group(4)) / 1e3
    sched = {}
    for when in ("begin", "end"):
        s = {}
        for line in open(f"{d}/schedstat-{when}.txt"):
            tid, label, ns_, runs, comm = line.split(maxsplit=4)
            s[int(tid)] = (label, int(ns_), int(runs), comm.strip())
        sched[when] = s
    cost = [int(line.split()[2]) for line in open(f"{d}/switch-cost.txt")]
    return r, truth, burn, sched, cost


# See the R computation in check_run.
R_FLOOR_NS = 400e3


def kernel_cpu(sched, label):
    """CPU ns and timeslices the kernel charged the tasks of container
    label while tracing; the tids of those that left (unaccountable)."""
    b, e = sched["begin"], sched["end"]
    cpu = runs = 0
    ntasks = 0
    for tid, (i, ns_, n, comm) in e.items():
        if i != label:
            continue
        b_ns, b_n = (b[tid][1], b[tid][2]) if tid in b else (0, 0)
        cpu += ns_ - b_ns
        runs += n - b_n
        ntasks += 1
    gone = [tid for tid, v in b.items() if v[0] == label and tid not in e]
    return cpu, runs, ntasks, gone


def check_run(d, tracer):
    r, truth, burn, sched, cost = load(d)
    print(f"== {tracer}: {d}")
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
    for c in CONTAINERS:
        init = nsof(c).get("init") or {}
        check(init.get("tid") == truth[c][2] and init.get("comm") == c,
              f"{c} is its namespace's init: {init}")
    for c, origin, entered in (("load-a", "statedump", False), ("load-b2", "statedump", False),
                               ("load-c", "fork", False), ("inj-b", "fork", False),
                               ("inj-b-parent", "fork", True)):
        _, m = where.get(truth[c][2], (None, {}))
        check(m.get("origin") == origin and m.get("entered_by_setns") == entered,
              f"{c}: origin {m.get('origin')} (want {origin}), "
              f"entered by setns {m.get('entered_by_setns')} (want {entered})")
    for n in r["namespaces"]:
        kids = sum(k["cpu_ns_incl"] for k in r["namespaces"] if k["parent"] == n["inum"])
        check(n["cpu_ns_incl"] == n["cpu_ns"] + kids, f"pidns {n['inum']}: inclusive = own + nested")
    check(r["unknown"]["tasks"] == 0, f"no task of unknown namespace ({r['unknown']['tasks']})")
    check(r["trace"]["discarded_events"] == 0 and r["trace"]["discarded_packets"] == 0,
          "nothing discarded")

    # CPU per container namespace against the kernel's accounting.
    stray = sorted(f"{v[3]}({t})" for t, v in sched["end"].items() if v[0] == "?")
    check(not stray, f"no task outside the root and the containers' namespaces: {stray}")
    # Under TCG the vCPU is a host thread: the host can preempt it inside
    # __schedule(), between the scheduler's clock read and the
    # tracepoint, for as long as its own scheduler likes, and the four R
    # samples (taken with the loads stopped) do not see that.  The mean
    # per-timeslice error of a container reached 200 us in the runs
    # recorded on the 2-core host (60 and 62, 6.1 and 6.12, loaded and
    # not), against R samples as low as 44 us in a run where one
    # container's mean was 59 us, and 208 us (ctr-a, 2046 timeslices,
    # R samples 73-93 us) in CI on 2026-12-07: R is never taken below
    # 400 us.  That still fails a misattributed load: the smallest,
    # load-c, is about 1.1 s of CPU against a bound near 0.4 s.
    R = max(max(cost), R_FLOOR_NS) / 1e9
    print(f"     trip through the scheduler R: {', '.join(str(round(c / 1e3, 1)) for c in cost)} us "
          "(before: CPU 0, 1; after: CPU 0, 1)")
    dur = r["trace"]["duration_ns"] / 1e9
    asked = {c: s for c, s in LOADS.values()}
    shares = {}
    for c in CONTAINERS:
        ino = truth[c][0]
        kcpu, runs, ntasks, gone = kernel_cpu(sched, c)
        check(not gone, f"{c}: no task left while traced (kernel total known): {gone}")
        got = ns.get(ino, {}).get("cpu_ns", -1)
        tol = runs * R
        err = got - kcpu
        check(abs(err) <= tol * 1e9,
              f"{c}: plugin {got / 1e9:.4f} s, kernel {kcpu / 1e9:.4f} s over {runs} timeslices "
              f"of {ntasks} tasks: off by {err / 1e6:+.3f} ms ({err / 1e3 / max(runs, 1):+.2f} us per "
              f"timeslice; bound N R = {tol * 1e3:.1f} ms)")
        shares[c] = (got / 1e9 / dur, kcpu / 1e9 / dur)
        print(f"     {c}: {100 * got / 1e9 / dur:.2f}% of one CPU (kernel {100 * kcpu / 1e9 / dur:.2f}%), "
              f"its load asked {100 * asked[c]:.0f}% (worst lateness "
              f"{1e3 * burn.get(next(k for k, v in LOADS.items() if v[0] == c), -1e-3):.1f} ms)")
    return r, truth, shares


# Where upstream 2.13.9's trace differs from ours in what the plugin reads
# (the namespace-events spec), none of which this workload reaches: its
# tree is the same on both (tested, not assumed).
UPSTREAM_GAPS = [
    "vtids capped at 32 entries: a task at pid-namespace level 32 loses its innermost "
    "tid (this workload goes 2 deep)",
    "the statedump's events are in lttng-probe-statedump: without that module loaded, "
    "enable-event 'lttng_statedump_*' matches nothing and every task that existed before "
    "tracing is of unknown namespace (staged and loaded here)",
]


def labels(r):
    """inum -> label: 'root' for level 0, else the init's comm."""
    out = {}
    for n in r["namespaces"]:
        if n["level"] == 0:
            out[n["inum"]] = "root"
        elif n["init"]:
            out[n["inum"]] = n["init"]["comm"]
        else:
            out[n["inum"]] = f"?{n['inum']}"
    return out


def shape(r):
    lab = labels(r)
    tree = {}
    members = {}
    for n in r["namespaces"]:
        name = lab[n["inum"]]
        tree[name] = (n["level"], lab.get(n["parent"], n["parent"] or None))
        if name in CONTAINERS:
            members[name] = sorted((m["comm"], m["vtid"], m["origin"], m["entered_by_setns"])
                                   for m in n["members"])
    return tree, members


def compare(d_ours, d_up):
    r_o, _, sh_o = check_run(d_ours, "ours")
    r_u, _, sh_u = check_run(d_up, "upstream 2.13.9")
    print("== ours against upstream 2.13.9")
    t_o, m_o = shape(r_o)
    t_u, m_u = shape(r_u)
    for name in sorted(set(t_o) | set(t_u)):
        check(t_o.get(name) == t_u.get(name),
              f"{name}: level and parent ours {t_o.get(name)}, upstream {t_u.get(name)}")
    for name in CONTAINERS:
        check(m_o.get(name) == m_u.get(name),
              f"{name}: members (comm, vtid, origin, entered by setns) ours {m_o.get(name)}, "
              f"upstream {m_u.get(name)}")
    print("     CPU, % of one CPU: ours (kernel) | upstream (kernel) | asked")
    for c in CONTAINERS:
        print(f"     {c:7} {100 * sh_o[c][0]:6.2f} ({100 * sh_o[c][1]:6.2f}) | "
              f"{100 * sh_u[c][0]:6.2f} ({100 * sh_u[c][1]:6.2f}) | "
              f"{100 * {v[0]: v[1] for v in LOADS.values()}[c]:.0f}")
    for g in UPSTREAM_GAPS:
        print(f"note upstream: {g}")


def main():
    a = sys.argv[1:]
    if len(a) >= 2 and a[0] == "check":
        check_run(a[1], a[3] if len(a) > 3 and a[2] == "--tracer" else "ours")
    elif len(a) == 3 and a[0] == "compare":
        compare(a[1], a[2])
    else:
        sys.exit("usage: nsprof-check.py check DIR [--tracer NAME] | compare OURS_DIR UPSTREAM_DIR")
    if errors:
        print(f"{len(errors)} failed checks")
        sys.exit(1)


main()
