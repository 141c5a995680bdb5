# Helpers for guest tests (sourced).  The guest is throw-away: tests may
# start daemons and load modules freely.

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok"; exit 0; }

# start_sessiond [lttng-sessiond options...]
# With SESSIOND_LOG=FILE, the daemon stays attached to FILE for its (and
# its consumer's) messages instead of detaching from them.
start_sessiond() {
	if [ -n "${SESSIOND_LOG:-}" ]; then
		lttng-sessiond -b "$@" >"$SESSIOND_LOG" 2>&1 </dev/null
	else
		lttng-sessiond -d "$@"
	fi
	# The daemon loads the modules before it answers (up to 30 s: slow
	# under TCG with thousands of tasks).
	for _ in $(seq 1 150); do
		lttng list >/dev/null 2>&1 && return 0
		sleep 0.2
	done
	fail "lttng-sessiond did not come up"
}

stop_sessiond() {
	pkill lttng-sessiond || true
	for _ in $(seq 1 100); do
		pgrep -x lttng-sessiond >/dev/null || return 0
		sleep 0.2
	done
	fail "lttng-sessiond did not exit"
}

# wait_ready FILE PID: until a workload (tests/ns-workload/nsw, ...)
# prints "ready" into FILE; fails if PID dies first or 3 minutes pass.
wait_ready() {
	for _ in $(seq 1 1800); do
		grep -q '^ready' "$1" && return 0
		kill -0 "$2" 2>/dev/null || fail "workload $1 died"
		sleep 0.1
	done
	fail "workload $1 not ready"
}

LIB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# babeltrace2 must read the whole trace with no warning or error at all,
# and every packet index the consumer wrote must match the packets.
bt_read() {
	local err
	err=$(mktemp)
	if ! babeltrace2 "$1" 2>"$err"; then
		cat "$err" >&2
		fail "babeltrace2 failed on $1"
	fi
	if [ -s "$err" ]; then
		cat "$err" >&2
		fail "babeltrace2 printed warnings on $1"
	fi
	rm -f "$err"
	python3 "$LIB_DIR/ctfcheck.py" "$1" >&2 || fail "bad packet index or padding in $1"
}

# The nsprof babeltrace2 plugin (analysis/nsprof): the host's build if
# current and made for this guest's babeltrace2 (a guest of another
# release has its own), else built into $TEST_OUT.  Prints its directory.
nsprof_plugin() {
	local top p
	top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
	p=$top/analysis/nsprof/build
	if [ ! -f "$p/plugin-nsprof.so" ] || [ "$p/plugin-nsprof.so" -ot "$top/analysis/nsprof/nsprof.c" ] ||
		[ "$(cat "$p/built-for" 2>/dev/null)" != "$(pkg-config --modversion babeltrace2)" ]; then
		p=$TEST_OUT/nsprof-build
		[ -f "$p/plugin-nsprof.so" ] ||
			make -s -C "$top/analysis/nsprof" BUILD="$p" >/dev/null || fail "cannot build the plugin"
	fi
	echo "$p"
}

# nsprof_report PLUGIN DIR: the plugin on DIR/trace, as JSON into
# DIR/nsprof.json (no warning allowed) and as text on stdout.
nsprof_report() {
	local err=$2/bt.err
	babeltrace2 --plugin-path="$1" "$2/trace" -c sink.nsprof.containers \
		--params 'format="json"' >"$2/nsprof.json" 2>"$err" || { cat "$err"; fail "babeltrace2 failed on $2/trace"; }
	[ -s "$err" ] && { cat "$err"; fail "babeltrace2 warned on $2/trace"; }
	babeltrace2 --plugin-path="$1" "$2/trace" -c sink.nsprof.containers | tee "$2/nsprof.txt"
}

# The lttng modules loaded now, one name per line, sorted.
lttng_modules() { lsmod | awk '$1 ~ /^lttng_/ { print $1 }' | sort; }

# Unload every lttng module, dependents first: modprobe -r passes until
# nothing more goes.  Callers check lttng_modules afterwards.
unload_lttng_modules() {
	local before m
	while [ -n "$(lttng_modules)" ]; do
		before=$(lttng_modules)
		for m in $before; do
			modprobe -r "$m" 2>/dev/null || true
		done
		[ "$(lttng_modules)" != "$before" ] || break
	done
}

# Upstream lttng-modules staged in DIR by tests/upstream/build (same module
# names as ours, so loaded by path): insmod in DIR/load-order, and rmmod in
# the reverse order what is still loaded.  (The guest has no /dev/fd: no
# process substitution.)
upstream_insmod() {
	local m
	while read -r m; do
		insmod "$1/$m.ko" || fail "insmod upstream $m"
	done <"$1/load-order"
}

upstream_rmmod() {
	local m
	for m in $(tac "$1/load-order"); do
		if [ -d "/sys/module/${m//-/_}" ]; then
			rmmod "${m//-/_}" || fail "rmmod upstream $m"
		fi
	done
}
