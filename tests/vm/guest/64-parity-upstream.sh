#!/bin/bash
# Every event upstream lttng-modules 2.13.9 offers on this kernel, we offer
# too, with the same fields in the same order and of the same types: the
# stock lttng-tools asks both for `lttng list -k` and `lttng list -k
# --syscall`, and records one session per side with `enable-event -k -a`
# (every tracepoint and every syscall); the two traces' metadata, read back
# by babeltrace2 (-o ctf-metadata), are compared event by event
# (mdparity.py).  Every difference must be listed, with its reason, in
#   tests/expected/parity-syscalls-2.13.9.txt   the syscall events
#   tests/expected/parity-events-2.13.9.txt     the others
# and a listed difference that went away fails too.
#
# Upstream is every module tests/upstream/build could build for this
# kernel from Debian's lttng-modules-dkms (staged in $UPSTREAM_STAGE by
# tests/run-all, probes of modular subsystems with the kernel modules they
# need in kernel-deps), insmod-ed by path before lttng-sessiond starts
# with --kmod-probes naming exactly the staged probes, so that none of
# ours is loaded by name.
#
# Skipped (77) only when the host could not download Debian's package.
set -eu
. "$(dirname "$0")/lib.sh"

HERE=$(cd "$(dirname "$0")" && pwd)
EXPECTED=$HERE/../../expected
UPSTREAM_STAGE=/var/tmp/lttng-upstream/stage-all/$KVER
OUT=$TEST_OUT
trap 'stop_sessiond >/dev/null 2>&1 || true' EXIT

if [ -f "$UPSTREAM_STAGE/unavailable" ]; then
	echo "upstream lttng-modules not available: $(cat "$UPSTREAM_STAGE/unavailable")"
	exit 77
fi
[ -f "$UPSTREAM_STAGE/load-order" ] ||
	fail "no upstream modules staged in $UPSTREAM_STAGE (tests/run-all stages them)"
cat "$UPSTREAM_STAGE/info"

# One side: its lists and the metadata of a session with everything on.
record_side() {
	local side=$1 d=$OUT/$1
	mkdir -p "$d"
	lttng list -k | awk '/^ *[a-z0-9_]+ \(loglevel/ { print $1 }' | sort -u >"$d/list"
	# The tools print "openat [32/64-bit]": one line per syscall and
	# table here, "openat/32" and "openat/64".
	lttng list -k --syscall | awk '
		/\[(32|64|32\/64)-bit\]/ {
			if ($2 ~ /32/) print $1 "/32"
			if ($2 ~ /64/) print $1 "/64"
		}' | sort -u >"$d/syscalls.list"
	[ -s "$d/syscalls.list" ] || fail "$side: lttng list -k --syscall offers nothing"
	[ -s "$d/list" ] || fail "$side: lttng list -k offers nothing"
	lttng create "par-$side" --output="$d/trace" >/dev/null
	lttng enable-channel -k --subbuf-size=1M --num-subbuf=4 chan >/dev/null
	# All tracepoints and all syscalls (the tools' event type "all").
	lttng enable-event -k -c chan -a >/dev/null || fail "$side: enable-event -k -a"
	lttng start >/dev/null
	sleep 1
	lttng stop >/dev/null
	lttng destroy >/dev/null
	local k
	k=$(find "$d/trace" -name metadata -path '*kernel*' | head -n 1)
	[ -n "$k" ] || fail "$side: no kernel metadata under $d/trace"
	babeltrace2 -o ctf-metadata "$(dirname "$k")" >"$d/metadata.tsdl" ||
		fail "$side: babeltrace2 cannot read the metadata"
	python3 "$HERE/mdparity.py" fields "$d/metadata.tsdl" "$d/fields.json" ||
		fail "$side: cannot parse the metadata"
}

if [ -n "$(lttng_modules)" ]; then
	unload_lttng_modules
	[ -z "$(lttng_modules)" ] || fail "lttng modules loaded before the test do not unload"
fi

echo "== ours"
# lttng-test, as upstream's (staged) is loaded: lttng_test_filter_event.
modprobe lttng-test || fail "modprobe lttng-test"
start_sessiond
record_side ours
stop_sessiond
[ -z "$(lttng_modules)" ] || unload_lttng_modules
[ -z "$(lttng_modules)" ] || fail "our modules do not unload: $(lttng_modules | tr '\n' ' ')"

echo "== upstream"
while read -r m; do
	[ -n "$m" ] || continue
	modprobe "$m" 2>/dev/null || echo "kernel module $m does not load here: its probes are left out"
done <"$UPSTREAM_STAGE/kernel-deps"
probes=
while read -r m; do
	if ! insmod "$UPSTREAM_STAGE/$m.ko" 2>/dev/null; then
		case $m in
		lttng-probe-*) echo "upstream $m does not load here (left out)"; continue ;;
		*) fail "insmod upstream $m" ;;
		esac
	fi
	case $m in lttng-probe-*) probes=$probes${probes:+,}${m#lttng-probe-} ;; esac
done <"$UPSTREAM_STAGE/load-order"
start_sessiond --kmod-probes="$probes"
record_side upstream
stop_sessiond
upstream_rmmod "$UPSTREAM_STAGE"
[ -z "$(lttng_modules)" ] || fail "upstream modules left: $(lttng_modules | tr '\n' ' ')"

# Syscalls, and the rest, each against its own reviewed list.
for s in ours upstream; do
	python3 - "$OUT/$s" <<'EOF'
import json, sys
d = sys.argv[1]
ev = json.load(open(d + '/fields.json'))
names = [x.strip() for x in open(d + '/list') if x.strip()]
for part, keep in (('syscalls', lambda n: 'syscall_' in n),
                   ('events', lambda n: 'syscall_' not in n)):
    json.dump({k: v for k, v in ev.items() if keep(k)},
              open('%s/%s.json' % (d, part), 'w'), sort_keys=True)
open(d + '/events.list', 'w').write(''.join(n + '\n' for n in names))
EOF
done
rc=0
for part in syscalls events; do
	echo "== $part"
	python3 "$HERE/mdparity.py" compare "$OUT/ours/$part.json" "$OUT/upstream/$part.json" \
		"$OUT/ours/$part.list" "$OUT/upstream/$part.list" \
		"$EXPECTED/parity-$part-2.13.9.txt" || rc=1
done
trap - EXIT
[ $rc -eq 0 ] || fail "differences with upstream that tests/expected does not list"
pass
