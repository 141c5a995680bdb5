#!/bin/bash
# The system part of the statedump against the kernel's own truth:
#   - lttng_statedump_interrupt: one event per action of every irq, in
#     list order, for exactly the irqs /sys/kernel/irq/N/actions names
#     (and the irq's /proc/interrupts line ends with those names); the
#     chip name is /sys/kernel/irq/N/chip_name; a tid, when not 0, is
#     the irq thread "irq/N-...";
#   - lttng_statedump_block_device: exactly the disks and partitions of
#     /sys/class/block with sectors (not the empty, nor the hidden disks
#     and their partitions), dev = MKDEV(major, minor) from their dev
#     file.  The guest has no disk: loop devices on files in /tmp (one
#     with two MBR partitions) and two brd ram disks are made here; unused
#     loop devices must be left out.  A loop device is then detached and
#     the statedump regenerated: it must be gone from the second dump;
#   - lttng_statedump_cpu_topology (x86): one event per online CPU with
#     /proc/cpuinfo's vendor_id, cpu family, model, model name, physical
#     id, core id and cpu cores.
# Skips the parts whose event this kernel's build left out (see
# doc/compat.md), but fails if none of them exists.
set -eu
. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
out=$TEST_OUT/trace
w=$(mktemp -d /tmp/sdsys.XXXXXX)
mkdir -p "$TEST_OUT"
loops=()

cleanup() {
	lttng destroy sdsys >/dev/null 2>&1 || true
	stop_sessiond >/dev/null 2>&1 || true
	for l in "${loops[@]}"; do
		losetup -d "$l" 2>/dev/null || true
	done
	rmmod brd 2>/dev/null || true
	rm -rf "$w"
}
trap cleanup EXIT

# ---- Block devices to find ----
modprobe loop || fail "no loop module"
modprobe brd rd_nr=2 rd_size=2048 || echo "no brd module: ram disks skipped"
truncate -s 8M "$w/plain.img"
truncate -s 8M "$w/parted.img"
# An MBR with two Linux partitions (sectors 2048+4096, 6144+8192).
$PY - "$w/parted.img" <<'EOF'
import struct, sys
mbr = bytearray(512)
for i, (start, count) in enumerate([(2048, 4096), (6144, 8192)]):
    mbr[446 + 16 * i:446 + 16 * (i + 1)] = struct.pack(
        "<B3sB3sII", 0, b"\0\0\0", 0x83, b"\0\0\0", start, count)
mbr[510:512] = b"\x55\xaa"
with open(sys.argv[1], "r+b") as f:
    f.write(mbr)
EOF
loops+=("$(losetup -f --show "$w/plain.img")")
loops+=("$(losetup -f --show -P "$w/parted.img")")
pl=$(basename "${loops[1]}")
for _ in $(seq 1 50); do
	[ -e "/sys/class/block/${pl}p2" ] && break
	sleep 0.1
done
[ -e "/sys/class/block/${pl}p2" ] || fail "no partitions on ${loops[1]}"
echo "loop devices: ${loops[*]}"

# Ground truth of block devices, from sysfs: "name dev" per line.
block_truth() {
	$PY - <<'EOF'
import os
B = "/sys/class/block"

def rd(path, default=""):
    try:
        with open(path) as f:
            return f.read().strip()
    except OSError:
        return default

for name in sorted(os.listdir(B)):
    d = os.path.join(B, name)
    if os.path.exists(os.path.join(d, "partition")):
        disk = os.path.basename(os.path.dirname(os.path.realpath(d)))
        if int(rd(os.path.join(d, "size"), "0")) == 0:
            continue
    else:
        disk = name
    dd = os.path.join(B, disk)
    if int(rd(os.path.join(dd, "size"), "0")) == 0:
        continue
    if rd(os.path.join(dd, "hidden"), "0") == "1":
        continue
    major, minor = (int(x) for x in rd(os.path.join(d, "dev")).split(":"))
    print(name, (major << 20) | minor)
EOF
}

# Interrupts: "irq chip actions" per irq with actions, and /proc/interrupts.
irq_truth() {
	$PY - <<'EOF'
import os
K = "/sys/kernel/irq"
for irq in sorted(int(x) for x in os.listdir(K)):
    acts = open(f"{K}/{irq}/actions").read().strip()
    if acts:
        chip = open(f"{K}/{irq}/chip_name").read().strip()
        print(irq, chip or "-", acts)
EOF
}

block_truth > "$w/block1.txt"
irq_truth > "$TEST_OUT/irq.txt"
cp /proc/interrupts "$TEST_OUT/interrupts.txt"
cp /proc/cpuinfo "$TEST_OUT/cpuinfo.txt"
cat "$w/block1.txt"

start_sessiond
lttng create sdsys --output="$out" >/dev/null
lttng enable-event -k 'lttng_statedump_*' >/dev/null
lttng start
# Second dump: one loop device fewer.
losetup -d "${loops[0]}"
gone=$(basename "${loops[0]}")
for _ in $(seq 1 50); do
	[ "$(cat "/sys/class/block/$gone/size")" = 0 ] && break
	sleep 0.1
done
block_truth > "$w/block2.txt"
lttng regenerate statedump
lttng stop
lttng destroy sdsys >/dev/null
stop_sessiond
bt_read "$out" > "$TEST_OUT/trace.txt"
cp "$w/block1.txt" "$w/block2.txt" "$TEST_OUT/"
grep -q "^$gone " "$w/block2.txt" && fail "$gone still has sectors once detached"

$PY - "$TEST_OUT" "$gone" <<'EOF'
import os, re, sys
from collections import defaultdict
from sdparse import statedumps

outdir, gone = sys.argv[1], sys.argv[2]
errors = []

def err(msg):
    errors.append(msg)
    if len(errors) < 60:
        print("FAIL:", msg, file=sys.stderr)

dumps = []
for evs in statedumps(f"{outdir}/trace.txt", err):
    d = defaultdict(list)
    for name, fields in evs:
        if name in ("interrupt", "block_device", "cpu_topology"):
            d[name].append(fields)
    dumps.append(d)
if len(dumps) != 2:
    err(f"{len(dumps)} complete dumps, expected 2")

# Which events this build has: from the trace's metadata (babeltrace
# prints no event a build lacks, so look at what the session enabled).
meta = open(os.path.join(outdir, "trace", "kernel", "metadata"), "rb").read()
have = {n for n in ("interrupt", "block_device", "cpu_topology")
        if f"lttng_statedump_{n}".encode() in meta}
print("events in this build:", " ".join(sorted(have)) or "none")
if not have:
    err("no interrupt, block_device or cpu_topology event in this build")

# ---- interrupts ----
irq_truth = {}
for line in open(f"{outdir}/irq.txt"):
    irq, chip, acts = line.rstrip("\n").split(" ", 2)
    irq_truth[int(irq)] = (chip, acts.split(","))
proc = {}
for line in open(f"{outdir}/interrupts.txt"):
    k, _, rest = line.partition(":")
    if k.strip().isdigit():
        proc[int(k)] = rest.rstrip()
for d, dump in enumerate(dumps):
    if "interrupt" not in have:
        break
    got = defaultdict(list)
    for e in dump["interrupt"]:
        got[e["irq"]].append(e)
    for irq, (chip, acts) in irq_truth.items():
        evs = got.get(irq, [])
        names = [e["action"] for e in evs]
        if names != acts:
            err(f"dump {d} irq {irq}: actions {names}, expected {acts}")
            continue
        if chip != "-" and any(e["name"] != chip for e in evs):
            err(f"dump {d} irq {irq}: chip {evs[0]['name']!r}, expected {chip!r}")
        if not proc.get(irq, "").endswith("  " + ", ".join(acts)):
            err(f"dump {d} irq {irq}: /proc/interrupts line {proc.get(irq)!r} does not end with {acts}")
        for e in evs:
            if e["tid"]:
                comm = open(f"/proc/{e['tid']}/comm").read().strip() \
                    if os.path.exists(f"/proc/{e['tid']}/comm") else ""
                if not comm.startswith(f"irq/{irq}-"):
                    err(f"dump {d} irq {irq}: tid {e['tid']} is {comm!r}")
    extra = sorted(set(got) - set(irq_truth))
    if extra:
        err(f"dump {d}: interrupts {extra} have no action in sysfs")
    if not irq_truth:
        err("no irq with an action in the guest: nothing checked")
    print(f"dump {d}: {len(dump['interrupt'])} interrupt events, "
          f"{len(irq_truth)} irqs with actions")

# ---- block devices ----
for d, dump in enumerate(dumps):
    if "block_device" not in have:
        break
    truth = {}
    for line in open(f"{outdir}/block{d + 1}.txt"):
        name, dev = line.split()
        truth[name] = int(dev)
    got = [(e["diskname"], e["dev"]) for e in dump["block_device"]]
    if len(got) != len(set(got)):
        err(f"dump {d}: duplicate block devices {got}")
    got = dict(got)
    for name, dev in truth.items():
        if name not in got:
            err(f"dump {d}: block device {name} missing")
        elif got[name] != dev:
            err(f"dump {d}: {name} dev {got[name]:#x}, expected {dev:#x}")
    for name in sorted(set(got) - set(truth)):
        err(f"dump {d}: block device {name} should not be listed")
    if not any(n.endswith("p2") for n in truth):
        err(f"dump {d}: no partition in the ground truth")
    if d == 1 and gone in got:
        err(f"dump 1: detached {gone} still listed")
    print(f"dump {d}: block devices {sorted(got)}")

# ---- CPU topology ----
cpus, c = [], {}
for line in open(f"{outdir}/cpuinfo.txt"):
    k, _, v = line.partition(":")
    k, v = k.strip(), v.strip()
    if not k:
        if c:
            cpus.append(c)
        c = {}
    else:
        c[k] = v
if c:
    cpus.append(c)
for d, dump in enumerate(dumps):
    if "cpu_topology" not in have:
        break
    got = {e["cpu_id"]: e for e in dump["cpu_topology"]}
    if len(got) != len(dump["cpu_topology"]) or len(got) != len(cpus):
        err(f"dump {d}: {len(dump['cpu_topology'])} cpu_topology events, "
            f"{len(cpus)} CPUs in /proc/cpuinfo")
    for c in cpus:
        e = got.get(int(c["processor"]))
        if not e:
            err(f"dump {d}: no cpu_topology for CPU {c['processor']}")
            continue
        want = {"architecture": "x86", "vendor": c["vendor_id"],
                "family": int(c["cpu family"]), "model": int(c["model"]),
                "model_name": c["model name"],
                "physical_id": int(c.get("physical id", 0)),
                "core_id": int(c.get("core id", 0)),
                "cores": int(c.get("cpu cores", 1))}
        for k, v in want.items():
            if e.get(k) != v:
                err(f"dump {d} CPU {c['processor']}: {k} = {e.get(k)!r}, expected {v!r}")
    print(f"dump {d}: {len(got)} CPUs")

if errors:
    print(f"{len(errors)} mismatches", file=sys.stderr)
    sys.exit(1)
print("interrupts, block devices and CPUs match the kernel's own view")
EOF

trap - EXIT
cleanup
pass
