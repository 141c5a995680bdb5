#!/bin/bash
# No silent success (issue 12): every request of lttng-tools that our
# modules do not implement yet fails where the user sees it: the command
# exits non-zero and prints an error, and nothing pretends to record.
# Each line below goes when its capability lands (kprobes, kretprobes,
# uprobes, perf counters, call stacks, triggers), and becomes a test of it.
set -eu
. "$(dirname "$0")/lib.sh"

start_sessiond
lttng create unsupported --output="$TEST_OUT/trace" >/dev/null
refused() { # WHAT COMMAND...
	local what=$1 err=$TEST_OUT/err.txt
	shift
	if "$@" >"$TEST_OUT/out.txt" 2>"$err"; then
		cat "$TEST_OUT/out.txt" "$err"
		fail "$what: '$*' reported success"
	fi
	grep -q 'Error' "$err" "$TEST_OUT/out.txt" || { cat "$err"; fail "$what: no error shown to the user"; }
	echo "$what: refused ($(grep -h 'Error' "$err" "$TEST_OUT/out.txt" | head -n 1))"
}
refused "kprobe" lttng enable-event -k --probe=do_sys_openat2 kp
refused "kretprobe" lttng enable-event -k --function=do_sys_openat2 kf
refused "uprobe" lttng enable-event -k --userspace-probe=elf:/bin/true:main up
refused "perf counter context" lttng add-context -k -t perf:cpu:cpu-cycles
refused "kernel call stack context" lttng add-context -k -t callstack-kernel
refused "user call stack context" lttng add-context -k -t callstack-user
refused "kernel trigger" lttng add-trigger \
	--condition event-rule-matches --type=kernel:tracepoint --name=sched_switch --action notify
lttng list-triggers >"$TEST_OUT/triggers.txt" 2>&1 || true
! grep -q 'sched_switch' "$TEST_OUT/triggers.txt" || { cat "$TEST_OUT/triggers.txt"; fail "the refused trigger is listed"; }
lttng destroy >/dev/null
stop_sessiond
pass
