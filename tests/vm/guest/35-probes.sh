#!/bin/bash
# The probe providers beyond the scheduler (irq, signal, workqueue,
# module, power, printk, x86 vectors and page faults), fired for real:
# lttng-sessiond loads them by name as it loads upstream's; a session
# records the guest's own interrupts, softirqs, APIC timer and IPI
# vectors, idle entries and page faults, a signal this test sends to a
# child of its own and that child's handler running, the kernel's work
# items, a module it loads and unloads, and a console message it writes.
# probes-check.py compares the fields with what the test did and with the
# kernel's own accounts (/proc/interrupts, the module's /sys taint).
# Layouts, field by field, are 64-parity-upstream's.
set -eu
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)

start_sessiond
for p in irq signal workqueue module power printk x86-irq-vectors x86-exceptions; do
	p=${p//-/_}
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
lttng enable-event -k -c chan 'irq_*,signal_*,workqueue_*,module_*,power_*,printk_*,x86_*'
lttng add-context -k -c chan -t tid
lttng start
# A child that handles SIGUSR1 and says so, then exits.
bash -c 'trap "echo got >'"$TEST_OUT"'/child.out; exit 0" USR1; echo $$ >'"$TEST_OUT"'/child.pid; while :; do sleep 0.1; done' &
child=$!
for _ in $(seq 1 50); do [ -s "$TEST_OUT/child.pid" ] && break; sleep 0.1; done
kill -USR1 "$child"
wait "$child" || true
[ -s "$TEST_OUT/child.out" ] || fail "the child did not handle SIGUSR1"
# A console message: printk_console fires if its level reaches the console.
msg="lttng-ns 35-probes console message $$"
echo "<4>$msg" >/dev/kmsg
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
	"$child" "${mod:-}" "${taint:-}" "$msg" "$(awk '{print $1}' /proc/sys/kernel/printk)" ||
	fail "probe events differ from what happened"
pass
