# tests/demo/scenario.sh - a small "container host" in the guest, traced
# (sourced by tests/demo/guest-demo.sh and tests/vm/guest/60-nsprof.sh).
#
#   run_scenario OUTDIR
#
# Containers are bare pid namespaces (unshare --pid --fork; no cgroups,
# no user namespace: the rig's chroot refuses new user namespaces).  Each
# container's init is /bin/sh started under the container's name (a
# symlink, so its comm is the name), and its load is tests/demo/burn at a
# known share of one CPU:
#
#   ctr-a   level 1, before tracing     load-a   50 %  CPU 0
#   ctr-b   level 1, before tracing     (init only, and inj-b below)
#    ctr-b2  level 2 inside ctr-b       load-b2  25 %  CPU 1
#   ctr-c   level 1, after tracing      load-c   10 %  CPU 1
#   inj-b   nsenter --pid into ctr-b    inj-b    15 %  CPU 0
#           after tracing starts, from the root namespace (setns + fork)
#
# Each load is a child of burn named after it (see burn.c).
#
# Trace: sched_switch, sched_process_{fork,exit,free}, lttng_statedump_*,
# for SCENARIO_SECS (default 6) seconds; ctr-c and inj-b start LATE_SECS
# (1) second in.  Writes OUTDIR/trace (CTF), OUTDIR/truth.txt ("comm
# pid-ns-inode level global-pid" of every load and init, read from /proc
# while they run), OUTDIR/burn.txt (each load's own report: CPU used,
# worst wake-up lateness; the loads are stopped with SIGTERM after the
# trace).
#
# The kernel's own CPU accounting of the containers over the traced
# interval (unless SCN_ACCOUNT=0, as for the demo: the stops make the
# trace's ends idle, which dilutes the shares shown): the loads are stopped (SIGSTOP) just before `lttng start` and
# just before `lttng stop`, and /proc/TID/schedstat of every task outside
# the root pid namespace is read while they are, into
# OUTDIR/schedstat-{begin,end}.txt ("tid container sum_exec_runtime_ns
# timeslices comm").  No container task runs between a read and the trace
# boundary next to it (the loads are stopped, the rest sleep in wait()),
# so end - begin is exactly what the kernel charged each task while
# tracing.  burn restarts its regulation on SIGCONT: the pause is not
# caught up in a burst.  OUTDIR/switch-cost.txt: what a trip through the
# scheduler (sleep, idle, wake-up) cost on each CPU just before and just
# after the trace, loads stopped ("before|after CPU ns").

: "${SCENARIO_SECS:=6}" "${LATE_SECS:=1}" "${SCN_ACCOUNT:=1}"
SCN_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
scn_pids=()

scn_cleanup() {
	lttng destroy nsdemo >/dev/null 2>&1 || true
	for p in "${scn_pids[@]}"; do
		kill -KILL "$p" 2>/dev/null || true
	done
	wait 2>/dev/null || true
}

# The first child of $1 (a container's init, below its unshare/nsenter).
scn_child() {
	local c
	for _ in $(seq 1 100); do
		c=$(cat /proc/"$1"/task/*/children 2>/dev/null | awk '{print $1; exit}')
		[ -n "$c" ] && { echo "$c"; return 0; }
		sleep 0.1
	done
	echo "scenario: no child under $1" >&2
	return 1
}

# Stop the loads (global pids) and wait until they are: the parents
# (burn, waiting for them) are woken by the stop notification and go back
# to sleep, given a moment.
scn_stop() {
	local p s
	kill -STOP "$@" || return 1
	for p; do
		for _ in $(seq 1 100); do
			read -r _ _ s _ </proc/"$p"/stat
			[ "$s" = T ] && break
			sleep 0.05
		done
		[ "$s" = T ] || { echo "scenario: $p does not stop" >&2; return 1; }
	done
	sleep 0.3
}

# scn_schedstat FILE LABEL:PID...: schedstat of every task outside the
# root pid namespace, labelled with the LABEL whose PID shares its pid
# namespace ("?" if none).  Builtins only (no /proc scan by pgrep, no stat
# per task): this runs between a stop of the loads and a trace boundary.
scn_schedstat() {
	local f=$1 t c x z l lp
	shift
	for t in /proc/[0-9]*/task/[0-9]*; do
		[ /proc/self/ns/pid -ef "$t/ns/pid" ] && continue
		read -r x _ z 2>/dev/null <"$t/schedstat" || continue
		read -r c 2>/dev/null <"$t/comm" || continue
		l="?"
		for lp; do
			[ "$t/ns/pid" -ef "/proc/${lp#*:}/ns/pid" ] && { l=${lp%%:*}; break; }
		done
		echo "${t##*/} $l $x $z $c"
	done >"$f"
}

# What a trip through the scheduler costs on each CPU now (burn
# --switch-cost), the scale of the scheduler's own disagreement with the
# trace; measured while the loads are stopped and nothing is recorded.
scn_switch_cost() {
	local cpu
	for cpu in 0 1; do
		echo "$1 $cpu $("$2" --switch-cost "$cpu" 300 | awk '{print $2}')"
	done >>"$3"
}

# Wait until a task with comm $1 exists, print its global pid.
scn_wait_comm() {
	local p
	for _ in $(seq 1 100); do
		p=$(pgrep -x "$1" | head -1 || true)
		[ -n "$p" ] && { echo "$p"; return 0; }
		sleep 0.1
	done
	echo "scenario: $1 never started" >&2
	return 1
}

run_scenario() {
	local out=$1 bin burn long a b b2 c i p n l ino lvl
	bin=$out/bin
	mkdir -p "$bin"
	# Built on the host by tests/demo/run; else here (slower under TCG).
	burn=$SCN_DIR/build/burn
	if [ ! -x "$burn" ] || [ "$burn" -ot "$SCN_DIR/burn.c" ]; then
		gcc -O2 -o "$bin/burn" "$SCN_DIR/burn.c" || return 1
		burn=$bin/burn
	fi
	: >"$out/burn.txt"
	for n in ctr-a ctr-b ctr-b2 ctr-c; do
		ln -sf /bin/sh "$bin/$n"
	done
	long=3600	# loads outlive the trace (slow TCG hosts too); stopped after

	echo "scenario: starting ctr-a, ctr-b (with ctr-b2 nested) before tracing"
	unshare --pid --fork --kill-child "$bin/ctr-a" -c \
		"$burn load-a 50 $long 0 >>$out/burn.txt & wait" &
	scn_pids+=($!)
	unshare --pid --fork --kill-child "$bin/ctr-b" -c \
		"unshare --pid --fork --kill-child $bin/ctr-b2 -c '$burn load-b2 25 $long 1 >>$out/burn.txt & wait' & wait" &
	scn_pids+=($!)
	a=$(scn_wait_comm load-a) && b2=$(scn_wait_comm load-b2) || return 1
	b=$(scn_wait_comm ctr-b) || return 1

	lttng create nsdemo --output="$out/trace" >/dev/null || return 1
	lttng enable-event -k sched_switch,sched_process_fork,sched_process_exit,sched_process_free >/dev/null || return 1
	lttng enable-event -k 'lttng_statedump_*' >/dev/null || return 1
	if [ "$SCN_ACCOUNT" = 1 ]; then
		scn_stop "$a" "$b2" || return 1
		scn_schedstat "$out/schedstat-begin.txt" ctr-a:"$a" ctr-b:"$b" ctr-b2:"$b2"
		: >"$out/switch-cost.txt"
		scn_switch_cost before "$burn" "$out/switch-cost.txt"
	fi
	lttng start >/dev/null || return 1
	# Their regulation and lateness record restart (kill: pkill costs CPU).
	kill -CONT "$a" "$b2"
	echo "scenario: tracing for ${SCENARIO_SECS}s"
	sleep "$LATE_SECS"
	echo "scenario: starting ctr-c, injecting inj-b into ctr-b with nsenter --pid"
	unshare --pid --fork --kill-child "$bin/ctr-c" -c \
		"$burn load-c 10 $long 1 >>$out/burn.txt & wait" &
	scn_pids+=($!)
	nsenter --target "$b" --pid "$burn" inj-b 15 "$long" 0 >>"$out/burn.txt" &
	scn_pids+=($!)
	c=$(scn_wait_comm load-c) && i=$(scn_wait_comm inj-b) || return 1
	sleep $((SCENARIO_SECS - LATE_SECS))
	kill -USR2 "$a" "$b2" "$c" "$i"
	if [ "$SCN_ACCOUNT" = 1 ]; then
		scn_stop "$a" "$b2" "$c" "$i" || return 1
		scn_schedstat "$out/schedstat-end.txt" ctr-a:"$a" ctr-b:"$b" ctr-b2:"$b2" ctr-c:"$c"
	fi
	lttng stop >/dev/null || return 1
	if [ "$SCN_ACCOUNT" = 1 ]; then
		scn_switch_cost after "$burn" "$out/switch-cost.txt"
		kill -CONT "$a" "$b2" "$c" "$i"
	fi
	lttng destroy nsdemo >/dev/null || return 1

	# Ground truth from /proc: each load's pid namespace and level, and
	# each container init's.
	: >"$out/truth.txt"
	for n in load-a load-b2 load-c inj-b ctr-a ctr-b ctr-b2 ctr-c; do
		p=$(pgrep -x "$n" | head -1)
		[ -n "$p" ] || { echo "scenario: $n is gone" >&2; return 1; }
		ino=$(stat -L -c %i /proc/"$p"/ns/pid)
		lvl=$(($(awk '/^NSpid:/ {print NF - 2}' /proc/"$p"/status)))
		echo "$n $ino $lvl $p" >>"$out/truth.txt"
	done
	# The parent of inj-b: the task nsenter forked into ctr-b (setns).
	p=$(awk '/^PPid:/ {print $2}' /proc/"$(pgrep -x inj-b | head -1)"/status)
	echo "inj-b-parent $(stat -L -c %i /proc/"$p"/ns/pid) 1 $p" >>"$out/truth.txt"
	# One at a time, inj-b before load-b2: when load-b2 ends, ctr-b2's
	# and then ctr-b's init exit, and the kernel kills what is left in
	# ctr-b (inj-b) before it could report.
	n=0
	for l in inj-b load-c load-a load-b2; do
		pkill -TERM -x "$l"
		n=$((n + 1))
		for _ in $(seq 1 50); do
			[ "$(wc -l <"$out/burn.txt")" -ge $n ] && break
			sleep 0.1
		done
	done
	sed 's/^/scenario: /' "$out/burn.txt"
	scn_cleanup
	scn_pids=()
}
