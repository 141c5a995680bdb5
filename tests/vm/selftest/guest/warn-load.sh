#!/bin/bash
# Rig self-test: load ns_rigtest_warn by name WITHOUT the trigger.  Proves the
# host-side depmod index reaches the guest (modprobe by name works) and that
# loading an out-of-tree, unsigned module (taint O, E) alone is not a failure.
set -eu
modinfo ns_rigtest_warn | grep -E '^(filename|vermagic)'
modprobe ns_rigtest_warn
grep -q '^ns_rigtest_warn ' /proc/modules
modprobe -r ns_rigtest_warn
echo "loaded and unloaded ns_rigtest_warn without trigger"
