#!/bin/bash
# Rig self-test: crash the guest kernel.  The rig must notice that the guest
# died (no result for this test and the ones after it) and fail the run
# without waiting for its global timeout.
echo "crashing the guest kernel on purpose"
sync
echo 1 >/proc/sys/kernel/sysrq
echo c >/proc/sysrq-trigger
sleep 60
