#!/usr/bin/env python3
"""Turn one tests/bench/run guest run into the results table.

Inputs: the insncount plugin's marker file ("MARK vcpu count" per marker, in
execution order) and the guest's seq file ("set state events t0 t1" per
measurement, in the same order: each measurement is exactly two markers).
Per set and repetition, cost = (markers' difference with tracing on - the
same with tracing stopped) / events: everything the write does besides
recording (syscall, loop, probe dispatch with the session inactive) cancels.
"""
import argparse
import datetime
import os
import platform
import re
import statistics
import subprocess
import sys

SETS = ("ours", "upstream")
BEGIN = "<!-- bench:results:begin -->"
END = "<!-- bench:results:end -->"


def read_marks(path):
    marks = []
    with open(path) as f:
        for line in f:
            p = line.split()
            if len(p) == 3 and p[0] == "MARK":
                marks.append((int(p[1]), int(p[2])))
    return marks


def read_seq(path):
    seq = []
    with open(path) as f:
        for line in f:
            s, state, n, t0, t1 = line.split()
            seq.append((s, state, int(n), float(t1) - float(t0)))
    return seq


def trace_check(run, out, name, expected):
    """Events counted by babeltrace2 on the host, discards, reader errors."""
    counts = {}
    try:
        with open(os.path.join(run, "count-%s.txt" % name)) as f:
            for line in f:
                m = re.match(r"\s*(\d+)\s+(.*\S)", line)
                if m:
                    counts[m.group(2)] = int(m.group(1))
    except OSError:
        pass
    err = ""
    try:
        with open(os.path.join(run, "bt-%s.err" % name)) as f:
            err = f.read().strip()
    except OSError:
        pass
    # sink.utils.counter names: "Event messages", "Discarded event messages"...
    events = counts.get("Event messages", counts.get("Event message"))
    discarded = sum(v for k, v in counts.items() if k.startswith("Discarded"))
    if events is None:
        first = err.splitlines()[0] if err else "no output"
        return "trace NOT readable by babeltrace2 (%s)" % first[:160], False
    ok = events == expected and discarded == 0
    text = "%d events recorded (expected %d), %d discarded%s" % (
        events, expected, discarded,
        "" if not err else "; babeltrace2 warned: " + err.splitlines()[0][:160])
    return text, ok and not err


def fmt(x, digits=1):
    return "{:,.{}f}".format(x, digits)


def main():
    ap = argparse.ArgumentParser()
    for a in ("marks", "out", "run", "kver", "rev", "upstream", "left-out", "doc"):
        ap.add_argument("--" + a, default="")
    for a in ("n", "reps", "warmup", "vm-seconds"):
        ap.add_argument("--" + a, type=int, default=0)
    o = ap.parse_args()

    marks = read_marks(o.marks)
    seq = read_seq(os.path.join(o.out, "seq"))
    if len(marks) != 2 * len(seq):
        sys.exit("report: %d markers for %d measurements (want 2 each)" % (len(marks), len(seq)))

    # set -> state -> [(instructions, wall seconds)] in repetition order
    data = {s: {"on": [], "off": [], "idle": []} for s in SETS}
    vcpu_warn = []
    for i, (s, state, n, wall) in enumerate(seq):
        (v0, c0), (v1, c1) = marks[2 * i], marks[2 * i + 1]
        if v0 != 0 or v1 != 0:
            vcpu_warn.append("%s %s #%d ran on vCPU %d/%d" % (s, state, i, v0, v1))
        if state in ("on", "off", "idle"):
            data[s][state].append((c1 - c0, wall))

    res = {}
    for s in SETS:
        on, off, idle = data[s]["on"], data[s]["off"], data[s]["idle"]
        per = [(a[0] - b[0]) / o.n for a, b in zip(on, off)]
        wall = [(a[1] - b[1]) / o.n * 1e6 for a, b in zip(on, off)]
        med = statistics.median(per)
        res[s] = {
            "per": per, "med": med,
            "spread": (max(per) - min(per)) / med if med else 0.0,
            "on": statistics.median(a[0] for a in on) / o.n,
            "off": statistics.median(b[0] for b in off) / o.n,
            "idle": statistics.median(b[0] for b in idle) / o.n,
            "wall_on": statistics.median(a[1] for a in on),
            "wall_off": statistics.median(b[1] for b in off),
            "wall_ev": statistics.median(wall),
        }

    expected = o.warmup + o.reps * o.n
    checks = {s: trace_check(o.run, o.out, s, expected) for s in SETS}
    first = {}
    for s in SETS:
        try:
            with open(os.path.join(o.run, "first-%s.txt" % s)) as f:
                first[s] = f.read().strip()
        except OSError:
            first[s] = ""

    u, w = res["upstream"], res["ours"]
    rows = [
        ("ours", w), ("upstream 2.13.9", u),
    ]
    lines = []
    # Per event: instructions of a whole write / N in each state, and the
    # recording cost against both baselines.
    lines.append("| modules | instructions/event (on - stopped) | spread (max-min) | on - no session | write, on | write, stopped | write, no session | wall, on | wall, stopped | wall/event (on - stopped) |")
    lines.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, r in rows:
        lines.append("| %s | **%s** | %.2f%% | %s | %s | %s | %s | %.2f s | %.2f s | %.1f us |" % (
            name, fmt(r["med"]), 100 * r["spread"], fmt(r["on"] - r["idle"]),
            fmt(r["on"]), fmt(r["off"]), fmt(r["idle"]),
            r["wall_on"], r["wall_off"], r["wall_ev"]))
    ratio = w["med"] / u["med"]
    lines.append("| **ours / upstream** | **%.3f** | | %.3f | %.3f | %.3f | %.3f | %.2f | %.2f | %.2f |" % (
        ratio, (w["on"] - w["idle"]) / (u["on"] - u["idle"]),
        w["on"] / u["on"], w["off"] / u["off"], w["idle"] / u["idle"],
        w["wall_on"] / u["wall_on"], w["wall_off"] / u["wall_off"],
        w["wall_ev"] / u["wall_ev"] if u["wall_ev"] else float("nan")))
    table = "\n".join(lines)

    # The first event of each trace (stdout only) shows that it decodes.
    detail = []
    for name, s in (("ours", "ours"), ("upstream", "upstream")):
        detail.append("- %s, per repetition: %s instructions/event; trace: %s" % (
            name, ", ".join(fmt(x) for x in res[s]["per"]), checks[s][0]))
    for s in SETS:
        if first[s]:
            detail.append("- first %s event: `%s`" % (s, first[s][:300]))
    for v in vcpu_warn:
        detail.append("- WARNING: " + v)

    print()
    print(table)
    print()
    print("\n".join(detail))
    print()
    print("ours/upstream = %.3f (target <= 1.0)" % ratio)
    for s in SETS:
        if not checks[s][1]:
            print("NOTE: %s trace check did not pass: %s" % (s, checks[s][0]))

    if not o.doc:
        return
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), "")
    except OSError:
        pass
    qemu = subprocess.run(["qemu-system-x86_64", "--version"], capture_output=True,
                          text=True).stdout.splitlines()[0]
    block = [
        BEGIN,
        "Generated by `tests/bench/run` on %s." % datetime.datetime.now(
            datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "",
        "- guest kernel: %s (2 vCPUs, TCG); host: %s, %s; %s" % (
            o.kver, cpu or platform.machine(), platform.release(), qemu),
        "- our tree: %s; upstream: lttng-modules %s%s" % (
            o.rev, o.upstream,
            ", built without " + o.left_out.strip() if o.left_out.strip() else ""),
        "- %d events per write, %d repetitions (median shown), %d warm-up events; guest run %d s" % (
            o.n, o.reps, o.warmup, o.vm_seconds),
        "",
        table,
        "",
    ] + [d for d in detail if not d.startswith("- first ")] + [END]
    block = "\n".join(block)
    try:
        with open(o.doc) as f:
            doc = f.read()
    except FileNotFoundError:
        doc = "# Performance\n\n## Latest results\n\n%s\n%s\n" % (BEGIN, END)
    if BEGIN in doc and END in doc:
        doc = doc[:doc.index(BEGIN)] + block + doc[doc.index(END) + len(END):]
    else:
        doc = doc.rstrip("\n") + "\n\n## Latest results\n\n" + block + "\n"
    with open(o.doc, "w") as f:
        f.write(doc)
    print("results written to %s" % o.doc)


if __name__ == "__main__":
    main()
