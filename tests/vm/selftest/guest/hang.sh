#!/bin/bash
# Rig self-test: must be killed by the per-test timeout and reported as FAIL,
# and the tests after it must still run.
echo "hanging on purpose"
sleep 100000
