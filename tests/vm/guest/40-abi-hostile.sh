#!/bin/bash
# Hostile and out-of-order ioctls get clean errnos (tests/abi/abi-hostile.c);
# the rig fails the run if the kernel logs any warning meanwhile.
set -eu
. "$(dirname "$0")/lib.sh"
src=$(cd "$(dirname "$0")/../../abi" && pwd)/abi-hostile.c
gcc -O2 -Wall -Werror -o "$TEST_OUT/abi-hostile" "$src"
# The overwrite client too: its geometry checks are tested (without it
# the channel is refused for its missing transport, ENOENT, first).
for m in lttng-ring-buffer-client-discard lttng-ring-buffer-client-overwrite \
	lttng-ring-buffer-metadata-mmap-client \
	lttng-ring-buffer-client-mmap-discard lttng-test; do
	modprobe "$m"
done
"$TEST_OUT/abi-hostile"
