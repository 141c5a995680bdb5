#!/bin/bash
# The probe providers beyond the scheduler (irq, signal, workqueue,
# module), fired for real: lttng-sessiond loads them by name as it loads
# upstream's; a session records the guest's own interrupts and softirqs,
# a signal this test sends to a child of its own and that child's handler
# running, the kernel's work items, and a module it loads and unloads.
# probes-check.py compares the fields with what the test did and with the
# kernel's own accounts (/proc/interrupts, the module's /sys taint).
# Layouts, field by field, are 64-parity-upstream's.
set -eu
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)

start_sessiond
for p in irq signal workqueue module; do
	lsmod | grep -q "^lttng_probe_$p " || fail "lttng-sessiond did not load lttng-probe-$p"
done

# A module of the kernel's own that is not loaded, to load and unload.
mod=
for m in dummy tun veth vcan; do
	if ! lsmod | grep -q "^$m " && modprobe -n "$m" 2>/dev/null; then
		mod=$m
		break
	fi
done
[ -n "$mod" ] || echo "note: no loadable test module here: module_load/module_free not fired"

lttng create probes --output="$TEST_OUT/trace"
lttng enable-channel -k --subbuf-size=1M --num-subbuf=8 chan
lttng enable-event -k -c chan 'irq_*,signal_*,workqueue_*,module_*'
lttng add-context -k -c chan -t tid
lttng start
# A child that handles SIGUSR1 and says so, then exits.
bash -c 'trap "echo got >'"$TEST_OUT"'/child.out; exit 0" USR1; echo $$ >'"$TEST_OUT"'/child.pid; while :; do sleep 0.1; done' &
child=$!
for _ in $(seq 1 50); do [ -s "$TEST_OUT/child.pid" ] && break; sleep 0.1; done
kill -USR1 "$child"
wait "$child" || true
[ -s "$TEST_OUT/child.out" ] || fail "the child did not handle SIGUSR1"
if [ -n "$mod" ]; then
	modprobe "$mod" || fail "modprobe $mod"
	taint=$(cat "/sys/module/$mod/taint" 2>/dev/null || true)
	modprobe -r "$mod" || fail "modprobe -r $mod"
fi
sleep 1
lttng stop
lttng destroy
cat /proc/interrupts >"$TEST_OUT/interrupts"
bt_read "$TEST_OUT/trace" >/dev/null
python3 "$here/probes-check.py" "$TEST_OUT/trace" "$TEST_OUT/interrupts" \
	"$child" "${mod:-}" "${taint:-}" || fail "probe events differ from what happened"
pass
