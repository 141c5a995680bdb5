#!/bin/bash
# Rig self-test: must be reported as FAIL (non-zero exit).
echo "this test fails on purpose"
exit 3
