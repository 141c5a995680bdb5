#!/bin/bash
# While a session that uses every kind of object (channels in both modes,
# mmap and splice output, contexts, trackers, statedump) is active, no
# module whose code it may call can be removed: rmmod says it is in use
# and tracing goes on.  After it, stopping the session daemon lets every
# one of our modules unload, and loading them again gives a working
# tracer: nothing is left pinned or half torn down.
# (The rig fails the run on any WARN, oops or leak report in dmesg.)
set -eu
. "$(dirname "$0")/lib.sh"

# The modules an active session of round() calls into: the ring buffer
# library and the core, every
# transport its channels use (the metadata channel of a kernel session is
# an mmap one: lttng-tools never uses the splice metadata client), every
# provider of an enabled event, and the statedump walker their hooks live
# in.
IN_USE="lttng_clock lttng_lib_ring_buffer lttng_tracer lttng_ring_buffer_client_discard lttng_ring_buffer_client_overwrite
	lttng_ring_buffer_client_mmap_discard lttng_ring_buffer_client_mmap_overwrite
	lttng_ring_buffer_metadata_mmap_client lttng_probe_sched lttng_probe_statedump
	lttng_statedump lttng_test"
rmmod_refused() {
	local m err=$TEST_OUT/rmmod.err
	for m in $IN_USE; do
		[ -d "/sys/module/$m" ] || fail "$m is not loaded during the session"
		if rmmod "$m" 2>"$err"; then
			fail "rmmod $m succeeded during an active session"
		fi
		grep -q 'in use' "$err" || { cat "$err"; fail "rmmod $m: not refused as in use"; }
		[ -d "/sys/module/$m" ] || fail "$m is gone after a refused rmmod"
		echo "rmmod $m: refused ($(cat "$err"))"
	done
}

round() {
	local out=$TEST_OUT/$1
	start_sessiond
	modprobe lttng-test
	lttng create "$1" --output="$out"
	lttng enable-channel -k disc --subbuf-size=64K
	lttng enable-channel -k over --overwrite --output=mmap --subbuf-size=64K
	lttng enable-channel -k discmm --output=mmap --subbuf-size=64K
	lttng enable-channel -k oversp --overwrite --subbuf-size=64K
	lttng enable-event -k -c disc lttng_test_filter_event,'lttng_statedump_*'
	lttng enable-event -k -c over 'sched_*'
	lttng enable-event -k -c discmm sched_process_fork
	lttng enable-event -k -c oversp sched_process_exit
	lttng add-context -k -c disc -t pid_ns -t vtid -t procname
	# The statedump runs in the session daemon's thread that asked for
	# it, so the daemon is tracked too.
	lttng track -k --pid="$$,$(pgrep -x lttng-sessiond | head -n 1)"
	lttng start
	[ "$1" != first ] || rmmod_refused
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
