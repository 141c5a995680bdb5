#!/bin/bash
# Rig self-test: must PASS.  Also checks the guest environment the rig
# promises to tests (host files at their real paths, writable overlay, TEST_OUT).
set -eu
echo "kernel $(uname -r), KVER=$KVER, cwd=$PWD, hostname=$(hostname)"
[ "$(uname -r)" = "$KVER" ]
[ -d "$TEST_OUT" ] && echo ok >"$TEST_OUT/pass.txt"
[ -f "$PWD/pass.sh" ]                       # cwd = the test's directory
touch /usr/.vm-overlay-is-writable && rm /usr/.vm-overlay-is-writable
grep -q ' / overlay ' /proc/mounts
[ -d /sys/kernel/tracing ] || [ -d /sys/kernel/debug/tracing ]
