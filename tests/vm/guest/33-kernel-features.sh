#!/bin/bash
# Whatever kernel this boots, every namespace context and statedump event
# that kernel can provide is there and records the kernel's own values.
# What the kernel can provide is read from the kernel (/proc, /sys, the
# architecture), never from our build's feature probes: a build that
# silently lost a feature (issue 11: mnt_ns and the block devices on 7.2)
# fails here.
#
#   - contexts: each X_ns that `lttng add-context --list` offers is
#     accepted when /proc/self/ns/X exists and refused when it does not;
#     each accepted one, on the exec event of a process in namespaces of
#     its own, equals that process's /proc/PID/ns/X inode;
#   - statedump: process_state, process_pid_ns and process_user_ns, and
#     process_X_ns for each namespace type /proc/self/ns has (none for a
#     type it lacks), for that process with its inodes; its open file on
#     a known descriptor (file_descriptor); lo (network_interface) when
#     /proc/net/dev has it; an interrupt event for each irq action of
#     /sys/kernel/irq (4.3+); a block_device for a loop device made here,
#     with its dev, and only devices /sys/class/block has (5.11+); one
#     cpu_topology per online CPU on x86, with /proc/cpuinfo's vendor and
#     model name.
# The version floors are the design's (doc/compat.md, "What a kernel
# without a feature gets"): below them our modules cannot reach the
# kernel's data without kallsyms, and the event must then be absent.
set -eu
. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
NSES="cgroup ipc mnt net pid user uts time"
w=$(mktemp -d /tmp/kfeat.XXXXXX)
chmod 0755 "$w"
mkdir -p "$TEST_OUT"
out=$TEST_OUT/trace
loopdev=
marker=

cleanup() {
	touch "$w/go" "$w/done" 2>/dev/null || true
	lttng destroy kfeat >/dev/null 2>&1 || true
	stop_sessiond >/dev/null 2>&1 || true
	[ -n "$marker" ] && kill "$marker" 2>/dev/null || true
	[ -n "$loopdev" ] && losetup -d "$loopdev" 2>/dev/null || true
	wait 2>/dev/null || true
	rm -rf "$w"
}
trap cleanup EXIT

kv=${KVER:-$(uname -r)}
kmaj=${kv%%.*}
kmin=${kv#*.}
kmin=${kmin%%[!0-9]*}
# at_least MAJOR MINOR: the running kernel is MAJOR.MINOR or later.
at_least() { [ "$kmaj" -gt "$1" ] || { [ "$kmaj" -eq "$1" ] && [ "$kmin" -ge "$2" ]; }; }

# ---- What this kernel can provide ----
kernel_ns=
for n in $NSES; do
	[ -e "/proc/self/ns/$n" ] && kernel_ns="$kernel_ns $n"
done
offered=$(lttng add-context --list | tr -s ' ,\t' '\n' | grep '_ns$' | sort -u)
echo "kernel $kv: namespaces:$kernel_ns"
echo "lttng offers:" $offered
[ -n "$offered" ] || fail "lttng add-context --list offers no namespace context"

expect_events=
if [ -d /sys/kernel/irq ] && at_least 4 3; then
	expect_events="$expect_events interrupt"
fi
if at_least 5 11; then
	modprobe loop 2>/dev/null || true
	truncate -s 4M "$w/disk.img"
	if loopdev=$(losetup -f --show "$w/disk.img" 2>/dev/null); then
		expect_events="$expect_events block_device"
	else
		loopdev=
		echo "no loop device here: block devices not checked"
	fi
fi
case $(uname -m) in
x86_64|i?86) expect_events="$expect_events cpu_topology" ;;
esac
echo "system statedump events expected:$expect_events"

# ---- A process in namespaces of its own ----
# It inherits fd 7 from here, opened before the mount namespace is
# unshared, so that its path reads the same from the tracer's side.
# Once the session runs, it execs stage 2, whose exec event carries the
# contexts.  Namespaces made where the kernel and unshare(1) allow; the
# user namespace is not (the rig runs tests chrooted, where the kernel
# refuses one).
echo "kernel-features fd file" > "$w/fdfile"
cat > "$w/kf-marker.sh" <<'EOF'
#!/bin/sh
d=$1
: > "$d/ready"
while [ ! -e "$d/go" ]; do sleep 0.1; done
exec "$d/kf-stage2.sh" "$d"
EOF
cat > "$w/kf-stage2.sh" <<'EOF'
#!/bin/sh
d=$1
: > "$d/ran"
while [ ! -e "$d/done" ]; do sleep 0.1; done
EOF
chmod 0755 "$w/kf-marker.sh" "$w/kf-stage2.sh"
uflags="--fork --pid --mount --uts --ipc --net"
unshared="pid mnt uts ipc net"
help=$(unshare --help 2>&1)
for n in cgroup time; do
	case " $kernel_ns " in *" $n "*) ;; *) continue ;; esac
	case $help in *"--$n"*) uflags="$uflags --$n"; unshared="$unshared $n" ;; esac
done
# shellcheck disable=SC2086
unshare $uflags "$w/kf-marker.sh" "$w" 7<"$w/fdfile" &
marker=$!
for _ in $(seq 1 100); do
	[ -e "$w/ready" ] && break
	sleep 0.1
done
[ -e "$w/ready" ] || fail "marker did not start"
gp=$(pgrep -x kf-marker.sh) || fail "marker not found"
[ "$(echo "$gp" | wc -w)" = 1 ] || fail "several markers: $gp"
echo "marker: pid $gp, unshared: $unshared"

# Ground truth: "KEY VALUE" lines.
{
	echo "gpid $gp"
	echo "fdfile $w/fdfile"
	echo "unshared $unshared"
	echo "kernel_ns$kernel_ns"
	echo "expect$expect_events"
	for n in $kernel_ns; do
		echo "ns_$n $(stat -L -c %i "/proc/$gp/ns/$n")"
		echo "own_$n $(stat -L -c %i "/proc/self/ns/$n")"
	done
	if [ -n "$loopdev" ]; then
		echo "loop $(basename "$loopdev") $(cat "/sys/class/block/$(basename "$loopdev")/dev")"
	fi
} > "$TEST_OUT/truth.txt"
[ "$(readlink "/proc/$gp/fd/7")" = "$w/fdfile" ] || fail "marker's fd 7 is $(readlink "/proc/$gp/fd/7")"
cat "$TEST_OUT/truth.txt"
# /sys/kernel/irq's actions, "irq action,action..." for irqs with some.
for d in /sys/kernel/irq/*/; do
	[ -r "$d/actions" ] || continue
	a=$(cat "$d/actions")
	[ -n "$a" ] && echo "$(basename "$d") $a"
done > "$TEST_OUT/irq.txt" 2>/dev/null || true
cp /proc/cpuinfo "$TEST_OUT/cpuinfo.txt"
ls /sys/class/block > "$TEST_OUT/block.txt"

# ---- The session ----
start_sessiond
lttng create kfeat --output="$out" >/dev/null
lttng enable-channel -k chan0 >/dev/null
# The contexts this kernel can provide: the mnt_ns context finds the
# namespace through nsfs (3.19); the other ones read the task's nsproxy.
ctx_ns=$kernel_ns
at_least 3 19 || ctx_ns=$(echo "$kernel_ns" | sed 's/ mnt\b//')
accepted=
for c in $offered; do
	n=${c%_ns}
	case " $ctx_ns " in
	*" $n "*)
		if lttng add-context -k -c chan0 -t "$c" > "$w/ctx.txt" 2>&1; then
			accepted="$accepted $c"
		else
			cat "$w/ctx.txt"
			echo "context $c refused, but this kernel has /proc/self/ns/$n" >> "$TEST_OUT/ctx-errors.txt"
		fi ;;
	*)
		if lttng add-context -k -c chan0 -t "$c" > "$w/ctx.txt" 2>&1; then
			echo "context $c accepted, but this kernel cannot provide it" >> "$TEST_OUT/ctx-errors.txt"
			accepted="$accepted $c"
		else
			echo "context $c refused: this kernel cannot provide it"
		fi ;;
	esac
done
# Refusals are reported with the rest, after the trace is checked.
touch "$TEST_OUT/ctx-errors.txt"
echo "accepted contexts:$accepted" | tee "$TEST_OUT/contexts.txt"
lttng enable-event -k -c chan0 sched_process_exec >/dev/null
# The statedump on a channel of its own, without contexts (sdparse.py
# reads events with a payload only).
lttng enable-channel -k chan1 >/dev/null
lttng enable-event -k -c chan1 'lttng_statedump_*' >/dev/null
lttng list -k > "$TEST_OUT/kernel-events.txt"
lttng start >/dev/null
touch "$w/go"
for _ in $(seq 1 100); do
	[ -e "$w/ran" ] && break
	sleep 0.1
done
[ -e "$w/ran" ] || fail "stage 2 did not run"
lttng stop >/dev/null
lttng destroy kfeat >/dev/null
stop_sessiond
touch "$w/done"
wait "$marker" || true
marker=
bt_read "$out" > "$TEST_OUT/trace.txt"
echo "events: $(wc -l < "$TEST_OUT/trace.txt")"

$PY - "$TEST_OUT" "$w/kf-stage2.sh" "$accepted" <<'EOF'
import re, sys
from collections import defaultdict
from sdparse import statedumps, FIELD_RE, value

outdir, stage2, accepted = sys.argv[1], sys.argv[2], sys.argv[3].split()
errors = []

def err(msg):
    errors.append(msg)
    print("FAIL:", msg, file=sys.stderr)

truth, loop = {}, None
for line in open(f"{outdir}/truth.txt"):
    k, _, v = line.rstrip("\n").partition(" ")
    if k == "loop":
        name, dev = v.split()
        major, minor = (int(x) for x in dev.split(":"))
        loop = (name, (major << 20) | minor)
    else:
        truth[k] = v
gp = int(truth["gpid"])
kernel_ns = truth["kernel_ns"].split()
unshared = truth["unshared"].split()
expect = truth["expect"].split()
ns = {n: int(truth[f"ns_{n}"]) for n in kernel_ns}

for line in open(f"{outdir}/ctx-errors.txt"):
    err(line.strip())

# The setup must differ from the tracer's, or equal values prove little.
for n in unshared:
    if ns[n] == int(truth[f"own_{n}"]):
        err(f"marker shares the test's {n} namespace")

# ---- Contexts, on stage 2's exec event ----
def groups(line):
    """The top-level { ... } groups of a babeltrace2 text line."""
    out, depth, start, q, i = [], 0, 0, False, 0
    while i < len(line):
        ch = line[i]
        if q:
            if ch == "\\":
                i += 1
            elif ch == '"':
                q = False
        elif ch == '"':
            q = True
        elif ch == "{":
            if depth == 0:
                start = i + 1
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                out.append(line[start:i])
        i += 1
    return out

execs = [l for l in open(f"{outdir}/trace.txt")
         if "sched_process_exec:" in l and f'filename = "{stage2}"' in l]
if len(execs) != 1:
    err(f"{len(execs)} exec events of stage 2, want 1")
else:
    g = groups(execs[0])
    ctx = {k: value(v) for k, v in FIELD_RE.findall(g[1])} if len(g) == 3 else {}
    print("stage 2 exec context:", g[1].strip() if len(g) == 3 else execs[0])
    if sorted(ctx) != sorted(accepted):
        err(f"context fields {sorted(ctx)}, want {sorted(accepted)}")
    for c in accepted:
        n = c[:-3]
        if ctx.get(c) != ns[n]:
            err(f"context {c} = {ctx.get(c)}, /proc/{gp}/ns/{n} is {ns[n]}")

# ---- Statedump ----
dumps = statedumps(f"{outdir}/trace.txt", err)
if len(dumps) != 1:
    err(f"{len(dumps)} complete statedumps, want 1")
    dumps = dumps[:1]
names = set()
for d in dumps:
    per = defaultdict(list)
    for name, f in d:
        names.add(name)
        per[name].append(f)
    mine = lambda name: [f for f in per[name] if f.get("tid") == gp]
    ps = mine("process_state")
    if not ps:
        err(f"no process_state for the marker ({gp})")
    elif ps[0]["ns_inum"] != ns["pid"] or ps[0]["ns_level"] != 1 or ps[0]["vtid"] != 1:
        err(f"marker process_state {ps[0]}: want ns_level 1, vtid 1, ns_inum {ns['pid']}")
    pn = mine("process_pid_ns")
    if [e["ns_inum"] for e in pn][:1] != [ns["pid"]]:
        err(f"marker pid_ns events {pn}, deepest should be {ns['pid']}")
    un = mine("process_user_ns")
    if not un or un[-1]["ns_inum"] != ns["user"]:
        err(f"marker user_ns events {un}, want ending with {ns['user']}")
    for n in ("cgroup", "ipc", "mnt", "net", "uts", "time"):
        ev = f"process_{n}_ns"
        got = [e["ns_inum"] for e in mine(ev)]
        if n in kernel_ns:
            if got != [ns[n]]:
                err(f"marker {ev}: {got}, /proc/{gp}/ns/{n} is {ns[n]}")
        elif per[ev]:
            err(f"{ev} recorded although this kernel has no {n} namespace")
    if ps:
        fta = ps[0]["file_table_address"]
        fds = [f for f in per["file_descriptor"]
               if f["file_table_address"] == fta and f["fd"] == 7]
        if [f["filename"] for f in fds] != [truth["fdfile"]]:
            err(f"marker fd 7: {fds}, want {truth['fdfile']}")
    print(f"marker: {len(ps)} process_state, namespaces "
          + " ".join(f"{n}={ns[n]}" for n in kernel_ns))
    # Network interfaces of the tracer's namespace.
    netifs = {f["name"] for f in per["network_interface"]}
    if re.search(r"^\s*lo:", open("/proc/net/dev").read(), re.M) and "lo" not in netifs:
        err(f"no network_interface for lo: {sorted(netifs)}")
    # Interrupts.
    irqs = {}
    for line in open(f"{outdir}/irq.txt"):
        irq, acts = line.split(None, 1)
        irqs[int(irq)] = acts.strip().split(",")
    if "interrupt" in expect:
        got = defaultdict(list)
        for e in per["interrupt"]:
            got[e["irq"]].append(e["action"])
        if not per["interrupt"]:
            err("no interrupt event, though the kernel has /sys/kernel/irq")
        for irq, acts in irqs.items():
            if got.get(irq) != acts:
                err(f"irq {irq}: actions {got.get(irq)}, /sys says {acts}")
        for irq in sorted(set(got) - set(irqs)):
            err(f"irq {irq} recorded, /sys/kernel/irq has no action for it")
        print(f"interrupts: {len(per['interrupt'])} events, {len(irqs)} irqs with actions")
    elif per["interrupt"]:
        print("interrupt events although not expected from this kernel: "
              "doc/compat.md and this test are out of date")
    # Block devices.
    if "block_device" in expect:
        sysblk = set(open(f"{outdir}/block.txt").read().split())
        got = {e["diskname"]: e["dev"] for e in per["block_device"]}
        if got.get(loop[0]) != loop[1]:
            err(f"block device {loop[0]}: {got.get(loop[0])}, want dev {loop[1]:#x}")
        for n in sorted(set(got) - sysblk):
            err(f"block device {n} recorded, /sys/class/block has none")
        print(f"block devices: {sorted(got)}")
    # CPUs.
    if "cpu_topology" in expect:
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
        got = {e["cpu_id"]: e for e in per["cpu_topology"]}
        if sorted(got) != sorted(int(c["processor"]) for c in cpus):
            err(f"cpu_topology for CPUs {sorted(got)}, /proc/cpuinfo has {len(cpus)}")
        for c in cpus:
            e = got.get(int(c["processor"]))
            if e and (e["vendor"], e["model_name"]) != (c["vendor_id"], c["model name"]):
                err(f"CPU {c['processor']}: {e['vendor']}/{e['model_name']}, "
                    f"/proc/cpuinfo says {c['vendor_id']}/{c['model name']}")
        print(f"cpu_topology: {len(got)} CPUs")

want = {"process_state", "process_pid_ns", "process_user_ns",
        "file_descriptor", "network_interface"}
want |= {f"process_{n}_ns" for n in kernel_ns if n not in ("pid", "user")}
want |= set(expect)
for n in sorted(want - names):
    err(f"statedump has no {n} event, though this kernel can provide it")
print("statedump events:", " ".join(sorted(names)))
if errors:
    print(f"{len(errors)} mismatches", file=sys.stderr)
    sys.exit(1)
print("every namespace context and statedump event this kernel can provide is there")
EOF
trap - EXIT
cleanup
pass
