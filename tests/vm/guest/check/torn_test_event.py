#!/usr/bin/env python3
# torn_test_event.py TRACE N: the N lttng_test_torn_string events of TRACE
# (probes/lttng-test.c: sized short and copied long for even seq, the
# reverse for odd) must be seq 0..N-1 in order, with name "a" (the long
# value cut to the one byte reserved) for even seq, "x" padded with '#'
# to the 15 bytes reserved for odd seq, and after = 42: the record kept
# its layout.  Exits 1 otherwise.
import sys

import bt2


def main():
    n = int(sys.argv[2])
    seen = 0
    for msg in bt2.TraceCollectionMessageIterator(sys.argv[1]):
        if type(msg) is not bt2._EventMessageConst:
            continue
        ev = msg.event
        if ev.name != 'lttng_test_torn_string':
            continue
        p = ev.payload_field
        seq, name, after = int(p['seq']), str(p['name']), int(p['after'])
        want = 'a' if seq % 2 == 0 else 'x' + '#' * 14
        if seq != seen or name != want or after != 42:
            print(f"event {seen}: seq {seq}, name {name!r}, after {after}; "
                  f"expected seq {seen}, name {want!r}, after 42")
            sys.exit(1)
        seen += 1
    print(f"{seen} torn-string events, every one laid out right")
    sys.exit(0 if seen == n else 1)


main()
