# Helpers for guest tests (sourced).  The guest is throw-away: tests may
# start daemons and load modules freely.

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok"; exit 0; }

start_sessiond() {
	lttng-sessiond -d
	# The daemon loads the modules before it answers.
	for _ in $(seq 1 100); do
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
# current, else built into $TEST_OUT.  Prints its directory.
nsprof_plugin() {
	local top p
	top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
	p=$top/analysis/nsprof/build
	if [ ! -f "$p/plugin-nsprof.so" ] || [ "$p/plugin-nsprof.so" -ot "$top/analysis/nsprof/nsprof.c" ]; then
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
