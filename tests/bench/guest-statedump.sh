#!/bin/bash
# Guest half of tests/bench/statedump (not a tests/vm/guest test): builds
# the statedump workload once (tests/ns-workload/nsw stress NNS NTHR:
# ~NNS*NTHR tasks in pid-namespace chains 1-3 deep), then for each module
# set in $SETS (upstream lttng-modules, loaded by path from a staging dir,
# then ours, loaded by name from /lib/modules/KVER/extra, then ours again
# with only the events upstream has here: no mnt_ns) runs REPS
# sessions with every lttng_statedump_* event enabled, each started and
# stopped once: one statedump per session.  The traces go to $TEST_OUT;
# the host measures lttng_statedump_end - lttng_statedump_start in each.
#
# Settings (NNS, NTHR, REPS, UPSTREAM_DIR, SETS) come from the host's
# /var/tmp/lttng-bench/statedump/guest.env, written before the boot.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../vm/guest/lib.sh"
# shellcheck source=/dev/null
. /var/tmp/lttng-bench/statedump/guest.env

wl=$(cd "$here/../ns-workload" && pwd)
w=$(mktemp -d /tmp/sdbench.XXXXXX)
TRACES=/tmp/sdbench-traces
mkdir -p "$TEST_OUT" "$TRACES"
wpid=

cleanup() {
	exec 3>&- 2>/dev/null || true
	[ -z "$wpid" ] || kill "$wpid" 2>/dev/null || true
	wait 2>/dev/null || true
	stop_sessiond >/dev/null 2>&1 || true
}
trap cleanup EXIT

upstream_load() {
	upstream_insmod "$UPSTREAM_DIR"
}

upstream_unload() {
	upstream_rmmod "$UPSTREAM_DIR"
}

ours_load() {
	modprobe lttng-probe-statedump || fail "modprobe lttng-probe-statedump"
}

# ours_nomnt: our modules, the events upstream 2.13.9 has on this kernel
# (it has no mnt_ns event without the kernel's private fs/mount.h).
ours_nomnt_load() {
	ours_load
}

ours_nomnt_unload() {
	ours_unload
}

# The events a set's sessions enable.
set_events() {
	local e all=

	case $1 in
	ours_nomnt)
		for e in start end process_state process_pid_ns \
			process_user_ns process_cgroup_ns process_ipc_ns \
			process_net_ns process_uts_ns process_time_ns \
			file_descriptor network_interface interrupt \
			block_device cpu_topology; do
			all=$all${all:+,}lttng_statedump_$e
		done
		echo "$all"
		;;
	*)
		echo 'lttng_statedump_*'
		;;
	esac
}

ours_unload() {
	unload_lttng_modules
}

no_lttng_modules() {
	[ -z "$(lttng_modules)" ]
}

gcc -O2 -Wall -o "$w/nsw" "$wl/nsw.c" -pthread || fail "cannot build nsw"
mkfifo "$w/ctl"
"$w/nsw" stress "$w/truth.json" "$NNS" "$NTHR" <"$w/ctl" >"$w/nsw.out" &
wpid=$!
exec 3>"$w/ctl"
for _ in $(seq 1 3000); do
	grep -q '^ready' "$w/nsw.out" && break
	kill -0 "$wpid" 2>/dev/null || fail "workload died"
	sleep 0.1
done
grep -q '^ready' "$w/nsw.out" || fail "workload not ready"
echo "tasks: $(ls -d /proc/[0-9]*/task/[0-9]* | wc -l)"
free -m | sed -n 2p

for s in $SETS; do
	echo "== $s"
	no_lttng_modules || fail "lttng modules loaded before $s"
	"${s}_load"
	# No probe by name: names could resolve to the other set's files.
	start_sessiond --kmod-probes=sched
	for r in $(seq 1 "$REPS"); do
		lttng create "sd-$s-$r" --output="$TRACES/$s-$r" >/dev/null
		lttng enable-channel -k chan --subbuf-size=4M --num-subbuf=8 >/dev/null
		lttng enable-event -k -c chan "$(set_events "$s")" >/dev/null
		t0=$EPOCHREALTIME
		lttng start >/dev/null
		t1=$EPOCHREALTIME
		lttng stop >/dev/null
		lttng destroy "sd-$s-$r" >/dev/null
		echo "$s $r: lttng start returned after $(awk "BEGIN { print $t1 - $t0 }") s"
		cp -r "$TRACES/$s-$r" "$TEST_OUT/trace-$s-$r"
		rm -rf "${TRACES:?}/$s-$r"
	done
	stop_sessiond
	"${s}_unload"
	no_lttng_modules || fail "could not unload $s: $(lsmod | grep '^lttng_' | tr '\n' ' ')"
done
echo "tasks at the end: $(ls -d /proc/[0-9]*/task/[0-9]* | wc -l)"
trap - EXIT
cleanup
pass
