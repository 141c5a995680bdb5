#!/bin/bash
# Guest side of tests/bench/run (run by the VM rig, not by `make check`).
#
# For each module set (upstream lttng-modules, loaded by path from a staging
# dir, then ours, loaded by name from /lib/modules/KVER/extra) it records
# lttng_test_filter_event into one kernel channel and brackets every write
# to /proc/lttng-test-filter-event with the insncount marker, tracing on and
# tracing stopped in turn.  The host pairs the markers with the labels this
# script writes to $TEST_OUT/seq and does the arithmetic.
#
# Settings (N, REPS, WARMUP, MARK, UPSTREAM_DIR, SETS, PROFILE, FILTER) come from a
# file that tests/bench/run writes before the boot; the guest sees the
# host's /var/tmp.
# The *_load/*_unload functions are called by name ("${name}_load").
# shellcheck disable=SC2317 source-path=SCRIPTDIR
set -eu
# shellcheck source=../vm/guest/lib.sh
. "$(dirname "$0")/../vm/guest/lib.sh"
# shellcheck disable=SC1091
. /var/tmp/lttng-bench/guest.env

PROC=/proc/lttng-test-filter-event
# Traces go to the guest's tmpfs while measuring: writing them through 9p
# would raise virtio interrupts, possibly on the measured vCPU.
TRACES=/root/bench-traces
SEQ=$TEST_OUT/seq
: >"$SEQ"

# Everything but the measured writer runs on vCPU 1, including the daemons
# started below (they inherit this affinity), and so do device interrupts
# where the kernel lets us move them: vCPU 0 then runs little besides the
# writer, its timer tick and per-CPU kernel work.
taskset -pc 1 $$ >/dev/null
for f in /proc/irq/*/smp_affinity_list; do
	echo 1 >"$f" 2>/dev/null || true
done

# One measurement: marker, N events from a writer pinned to vCPU 0, marker.
# echo is a bash builtin, so the write happens in the pinned process itself;
# EPOCHREALTIME (also no fork) gives the wall time around it.
measure() { # LABEL COUNT
	local t
	# shellcheck disable=SC2016 # expanded by the inner bash
	t=$(taskset -c 0 bash -c '
		t0=$EPOCHREALTIME
		"$1" || exit 1
		echo "$2" >"$3" || exit 1
		"$1" || exit 1
		t1=$EPOCHREALTIME
		echo "$t0 $t1"' _ "$MARK" "$2" "$PROC") || fail "measurement $1 failed"
	echo "$1 $2 $t" >>"$SEQ"
}

upstream_load() {
	upstream_insmod "$UPSTREAM_DIR"
}

upstream_unload() {
	upstream_rmmod "$UPSTREAM_DIR"
}

ours_load() {
	modprobe lttng-test || fail "modprobe lttng-test (ours)"
}

ours_unload() {
	unload_lttng_modules
}

no_lttng_modules() {
	[ -z "$(lttng_modules)" ]
}

run_set() { # NAME
	local name=$1 r
	no_lttng_modules || fail "lttng modules still loaded before $name: $(lsmod | grep '^lttng_' | tr '\n' ' ')"
	"${name}_load"
	[ -e "$PROC" ] || fail "$PROC missing ($name)"
	# Only the sched probe by name: the other probe names could resolve to
	# the other module set's files in /lib/modules/KVER/extra.
	start_sessiond --kmod-probes=sched

	# The writes with no session at all: no probe attached anywhere.  Our
	# probe stays attached while a session is stopped, upstream's is
	# unregistered, so "on - stopped" alone would hide different dispatch
	# costs; the host reports both differences.
	for _ in $(seq 1 "$REPS"); do
		measure "$name idle" "$N"
	done

	lttng create "bench-$name" --output="$TRACES/$name" >/dev/null
	lttng enable-channel -k chan --subbuf-size=4M --num-subbuf=8 >/dev/null
	lttng enable-event -k -c chan lttng_test_filter_event \
		${FILTER:+--filter "$FILTER"} >/dev/null
	# --profile: symbols to resolve the profile with (module addresses
	# differ between the two sets).
	if [ "${PROFILE:-0}" = 1 ]; then
		grep -i ' t ' /proc/kallsyms >"$TEST_OUT/kallsyms-$name"
	fi

	# First-use work (lazy allocations, first packet) stays out of the
	# measured runs.
	lttng start >/dev/null
	measure "$name warmup" "$WARMUP"
	# On and off interleaved, so that any drift hits both alike.  The
	# pause lets the daemons finish reacting to start/stop on vCPU 1: the
	# writer would otherwise spin on locks they hold, which the profile
	# shows as a few instructions per event of noise.
	for r in $(seq 1 "$REPS"); do
		[ "$r" = 1 ] || lttng start >/dev/null
		sleep 1
		measure "$name on" "$N"
		lttng stop >/dev/null
		sleep 1
		measure "$name off" "$N"
	done
	lttng list "bench-$name" >"$TEST_OUT/list-$name.txt" 2>&1 || true
	lttng destroy "bench-$name" >/dev/null

	stop_sessiond
	"${name}_unload"
	no_lttng_modules || fail "could not unload $name: $(lsmod | grep '^lttng_' | tr '\n' ' ')"
	# The host checks the trace (event count, discards, metadata).
	cp -r "$TRACES/$name" "$TEST_OUT/trace-$name"
	rm -rf "${TRACES:?}/$name"
}

for s in $SETS; do
	echo "== $s"
	run_set "$s"
done
pass
