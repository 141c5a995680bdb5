#!/bin/bash
# Rig self-test: load ns_rigtest_warn with trigger=1 so that its init WARNs.
# The test itself exits 0: the rig must fail the run from the kernel log alone.
set -eu
modprobe ns_rigtest_warn trigger=1
modprobe -r ns_rigtest_warn
echo "ns_rigtest_warn loaded with trigger=1; this test exits 0 on purpose"
