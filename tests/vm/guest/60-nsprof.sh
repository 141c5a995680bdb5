#!/bin/bash
# nsprof (analysis/nsprof) on a real container workload: the scenario of
# tests/demo/scenario.sh (containers nested two deep, one started before
# and one after tracing began, one task injected with nsenter --pid), the
# plugin's JSON against /proc's truth and the kernel's CPU accounting.
#
# The checks are nsprof-check.py's (see there): attribution against /proc
# (exact), and each container's CPU time against the kernel's own
# accounting (schedstat) over the traced interval, with a tolerance
# derived from where the two measure a context switch.
set -eu
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/../../demo/scenario.sh"

trap 'scn_cleanup; stop_sessiond >/dev/null 2>&1 || true' EXIT

cfg=/boot/config-$KVER
if [ -r "$cfg" ] && grep -q '^CONFIG_IRQ_TIME_ACCOUNTING=y' "$cfg"; then
	echo "IRQ_TIME_ACCOUNTING=y: the scheduler's CPU time excludes interrupts, sched_switch intervals do not"
	exit 77
fi

plugin=$(nsprof_plugin)

start_sessiond
run_scenario "$TEST_OUT" || fail "scenario failed"
stop_sessiond

nsprof_report "$plugin" "$TEST_OUT"
python3 "$(dirname "$0")/nsprof-check.py" check "$TEST_OUT"
trap - EXIT
scn_cleanup
pass
