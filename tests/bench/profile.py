#!/usr/bin/env python3
"""Per-function instruction profile of `tests/bench/run --profile`.

usage: profile.py PROFILE OUTDIR EVENTS [ON OFF]

PROFILE is what the pcprof plugin wrote: one "W i" window per marker pair,
each followed by "vaddr instructions" lines (per translation block start);
OUTDIR holds the guest's seq file (one line per window, same order: module
set, label, ...) and one kallsyms-SET text symbol dump per module set.
Prints, per set, instructions per event by function in the first window
labelled ON ("on"), in the first labelled OFF ("off"; tests/bench/syscalls
passes e.g. getpid-on idle-getpid), and their difference.
"""
import bisect
import collections
import os
import sys

TOP = 25


def read_windows(path):
    wins, cur = [], None
    with open(path) as f:
        for line in f:
            p = line.split()
            if p[0] == "W":
                cur = collections.Counter()
                wins.append(cur)
            else:
                cur[int(p[0], 16)] += int(p[1])
    return wins


def read_syms(path):
    syms = []
    with open(path) as f:
        for line in f:
            p = line.split()
            name = p[2] + (" " + p[3] if len(p) > 3 else "")
            syms.append((int(p[0], 16), name))
    syms.sort()
    return [a for a, _ in syms], [n for _, n in syms]


def by_function(win, addrs, names):
    out = collections.Counter()
    for pc, n in win.items():
        i = bisect.bisect_right(addrs, pc) - 1
        out[names[i] if i >= 0 else "?"] += n
    return out


def main():
    prof, outdir, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    lon, loff = (sys.argv[4], sys.argv[5]) if len(sys.argv) > 5 else ("on", "off")
    wins = read_windows(prof)
    with open(os.path.join(outdir, "seq")) as f:
        seq = [line.split()[:2] for line in f]
    if len(wins) != len(seq):
        sys.exit("profile: %d windows for %d measurements" % (len(wins), len(seq)))
    for s in ("upstream", "ours"):
        addrs, names = read_syms(os.path.join(outdir, "kallsyms-" + s))
        on = next(w for w, (ss, st) in zip(wins, seq) if ss == s and st == lon)
        off = next(w for w, (ss, st) in zip(wins, seq) if ss == s and st == loff)
        fon, foff = by_function(on, addrs, names), by_function(off, addrs, names)
        total_on, total_off = sum(fon.values()) / n, sum(foff.values()) / n
        print("\n== %s: %.1f instructions/event %s, %.1f %s, %.1f difference"
              % (s, total_on, lon, total_off, loff, total_on - total_off))
        print("%10s %10s %10s  %s" % (lon, loff, "difference", "function"))
        keys = set(fon) | set(foff)
        for k in sorted(keys, key=lambda k: -max(fon[k], foff[k]))[:TOP]:
            print("%10.1f %10.1f %10.1f  %s" % (fon[k] / n, foff[k] / n,
                                                 (fon[k] - foff[k]) / n, k))


if __name__ == "__main__":
    main()
