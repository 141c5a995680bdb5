#!/bin/bash
# Guest side of tests/bench/syscalls (run by the VM rig, not by `make
# check`).  For each module set (upstream, ours) it brackets runs of
# sc-loop (N getpid, openat or getppid calls, pinned to vCPU 0) with the
# insncount marker: tracing on and tracing stopped in turn, for
#   getpid   with `--syscall getpid` enabled (entry + exit recorded),
#   openat   with `--syscall openat` enabled (its path string copied),
#   untraced getppid while `--syscall openat,getpid` is enabled.
# The host pairs the markers with the labels written to $TEST_OUT/seq.
# shellcheck disable=SC2317 source-path=SCRIPTDIR
set -eu
# shellcheck source=../vm/guest/lib.sh
. "$(dirname "$0")/../vm/guest/lib.sh"
# shellcheck disable=SC1091
. /var/tmp/lttng-bench/guest.env

SEQ=$TEST_OUT/seq
: >"$SEQ"
TRACES=/root/bench-traces
LOOP=$TEST_OUT/sc-loop
gcc -O2 -o "$LOOP" "$(dirname "$0")/sc-loop.c" || fail "cannot build sc-loop"

taskset -pc 1 $$ >/dev/null
for f in /proc/irq/*/smp_affinity_list; do
	echo 1 >"$f" 2>/dev/null || true
done

measure() { # LABEL SYSCALL COUNT
	local t
	# shellcheck disable=SC2016
	t=$(taskset -c 0 bash -c '
		t0=$EPOCHREALTIME
		"$1" || exit 1
		"$2" "$3" "$4" || exit 1
		"$1" || exit 1
		t1=$EPOCHREALTIME
		echo "$t0 $t1"' _ "$MARK" "$LOOP" "$2" "$3") || fail "measurement $1 failed"
	echo "$1 $3 $t" >>"$SEQ"
}

upstream_load() { upstream_insmod "$UPSTREAM_DIR"; }
upstream_unload() { upstream_rmmod "$UPSTREAM_DIR"; }
ours_load() { modprobe lttng-tracer || fail "modprobe lttng-tracer (ours)"; }
ours_unload() { unload_lttng_modules; }

# One case: a session enabling ENABLED syscalls, LOOPED measured on/off.
run_case() { # SET CASE ENABLED LOOPED
	local set=$1 case=$2 r
	lttng create "b-$set-$case" --output="$TRACES/$set-$case" >/dev/null
	lttng enable-channel -k chan --subbuf-size=4M --num-subbuf=8 >/dev/null
	lttng enable-event -k -c chan --syscall "$3" >/dev/null
	# --profile: symbols to resolve the profile with (module addresses
	# differ between the two sets).
	if [ "${PROFILE:-0}" = 1 ]; then
		grep -i ' t ' /proc/kallsyms >"$TEST_OUT/kallsyms-$set"
	fi
	lttng start >/dev/null
	measure "$set $case-warmup" "$4" "$WARMUP"
	for r in $(seq 1 "$REPS"); do
		[ "$r" = 1 ] || lttng start >/dev/null
		sleep 1
		measure "$set $case-on" "$4" "$N"
		lttng stop >/dev/null
		sleep 1
		measure "$set $case-off" "$4" "$N"
	done
	lttng destroy "b-$set-$case" >/dev/null
	rm -rf "${TRACES:?}/$set-$case"
}

for set in $SETS; do
	echo "== $set"
	[ -z "$(lttng_modules)" ] || fail "lttng modules loaded before $set"
	"${set}_load"
	start_sessiond --kmod-probes=sched
	# No syscall probe attached anywhere: the syscalls' own cost.
	for _ in $(seq 1 "$REPS"); do
		measure "$set idle-getpid" getpid "$N"
		measure "$set idle-openat" openat "$N"
		measure "$set idle-getppid" getppid "$N"
	done
	run_case "$set" getpid getpid getpid
	run_case "$set" openat openat openat
	run_case "$set" untraced openat,getpid getppid
	stop_sessiond
	"${set}_unload"
done
pass
