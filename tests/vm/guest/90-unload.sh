#!/bin/bash
# After a session that used every kind of object (channels in both modes,
# mmap and splice output, contexts, trackers, statedump), stopping the
# session daemon lets every one of our modules unload, and loading them
# again gives a working tracer: nothing is left pinned or half torn down.
# (The rig fails the run on any WARN, oops or leak report in dmesg.)
set -eu
. "$(dirname "$0")/lib.sh"

round() {
	local out=$TEST_OUT/$1
	start_sessiond
	modprobe lttng-test
	lttng create "$1" --output="$out"
	lttng enable-channel -k disc --subbuf-size=64K
	lttng enable-channel -k over --overwrite --output=mmap --subbuf-size=64K
	lttng enable-event -k -c disc lttng_test_filter_event,'lttng_statedump_*'
	lttng enable-event -k -c over 'sched_*'
	lttng add-context -k -c disc -t pid_ns -t vtid -t procname
	# The statedump runs in the session daemon's thread that asked for
	# it, so the daemon is tracked too.
	lttng track -k --pid="$$,$(pgrep -x lttng-sessiond | head -n 1)"
	lttng start
	echo 20 > /proc/lttng-test-filter-event
	lttng regenerate statedump
	lttng stop
	lttng destroy
	bt_read "$out" > "$out.txt"
	[ "$(grep -c 'lttng_test_filter_event:' "$out.txt")" = 20 ] || fail "$1: not 20 test events"
	grep -q 'lttng_statedump_end:' "$out.txt" || fail "$1: no statedump"
	stop_sessiond
}

round first
[ -n "$(lttng_modules)" ] || fail "no lttng module loaded after the first round"
unload_lttng_modules
left=$(lttng_modules | tr '\n' ' ')
[ -z "$left" ] || fail "modules still loaded after unloading: $left"
[ ! -e /proc/lttng ] || fail "/proc/lttng still exists"

round second
unload_lttng_modules
[ -z "$(lttng_modules)" ] || fail "second unload left modules"
pass
