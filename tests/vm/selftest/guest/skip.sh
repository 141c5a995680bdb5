#!/bin/bash
# Rig self-test: exit 77 must be reported as SKIP and not fail the run.
echo "skipping on purpose"
exit 77
