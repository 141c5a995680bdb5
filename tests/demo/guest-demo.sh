#!/bin/bash
# The `make demo` guest side: run the container scenario and leave its
# trace in $TEST_OUT/trace (tests/demo/run analyses it on the host).
set -eu
. "$(dirname "$0")/../vm/guest/lib.sh"
. "$(dirname "$0")/scenario.sh"
trap 'scn_cleanup; stop_sessiond >/dev/null 2>&1 || true' EXIT
# No kernel accounting (the loads' stops at the trace's ends would dilute
# the shares shown): that is for the tests.
SCN_ACCOUNT=0	# read by scenario.sh
export SCN_ACCOUNT
start_sessiond
run_scenario "$TEST_OUT" || fail "scenario failed"
echo "scenario: done"
