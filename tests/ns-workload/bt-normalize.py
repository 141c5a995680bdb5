#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
# bt-normalize.py [TEXT]: babeltrace2 text output -> stable text for diffing.
#
# Keeps the sched_process_fork events of the ns workload (a parent_comm
# starting with "nsw-"), drops the timestamp, delta, host name and stream
# context, and replaces host-global values by symbols numbered in order of
# appearance: tids and pids (parent_tid, parent_pid, child_tid, child_pid,
# vtids[0], and any deeper vtids entry equal to child_tid) -> T1, T2, ...;
# namespace inodes (parent_ns_inum, child_ns_inum) -> NS1, NS2, ...
# Namespace-local vtids (levels >= 1) are kept: the workload makes them
# deterministic.  Every other field is printed as babeltrace2 printed it.
import re
import sys

GLOBAL_IDS = ("parent_tid", "parent_pid", "child_tid", "child_pid")
INODES = ("parent_ns_inum", "child_ns_inum")
ev_re = re.compile(r"\s(sched_process_fork): \{[^}]*\}, \{ (.*) \}$")
field_re = re.compile(r'(\w+) = ("(?:[^"\\]|\\.)*"|\[ (?:\[\d+\] = -?\d+(?:, )?)* \]|[^,]+)')


def main():
    src = open(sys.argv[1]) if len(sys.argv) > 1 else sys.stdin
    tids, inodes = {}, {}

    def sym(table, prefix, v):
        if v not in table:
            table[v] = "%s%d" % (prefix, len(table) + 1)
        return table[v]

    for line in src:
        m = ev_re.search(line.rstrip("\n"))
        if not m:
            continue
        fields = field_re.findall(m.group(2))
        d = dict(fields)
        if not d.get("parent_comm", "").startswith('"nsw-'):
            continue
        child_tid = d.get("child_tid")
        out = []
        for k, v in fields:
            if k in GLOBAL_IDS:
                v = sym(tids, "T", v)
            elif k in INODES:
                v = sym(inodes, "NS", v)
            elif k == "vtids":
                items = re.findall(r"\[(\d+)\] = (-?\d+)", v)
                parts = []
                for i, x in items:
                    if i == "0" or x == child_tid:
                        x = sym(tids, "T", x)
                    parts.append("[%s] = %s" % (i, x))
                v = "[ " + ", ".join(parts) + " ]"
            out.append("%s = %s" % (k, v))
        print("%s: { %s }" % (m.group(1), ", ".join(out)))


main()
