#!/bin/bash
# Hostile and out-of-order ioctls get clean errnos (tests/abi/abi-hostile.c);
# the rig fails the run if the kernel logs any warning meanwhile.
set -eu
. "$(dirname "$0")/lib.sh"
src=$(cd "$(dirname "$0")/../../abi" && pwd)/abi-hostile.c
gcc -O2 -Wall -Werror -o "$TEST_OUT/abi-hostile" "$src"
for m in lttng-ring-buffer-client-discard lttng-ring-buffer-metadata-mmap-client \
	lttng-ring-buffer-client-mmap-discard lttng-test; do
	modprobe "$m"
done
"$TEST_OUT/abi-hostile"
