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
