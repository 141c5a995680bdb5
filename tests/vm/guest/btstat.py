#!/usr/bin/env python3
# btstat.py TRACE_DIR: read a CTF trace with babeltrace2's Python bindings
# and print one JSON object: events per name, discarded events (summed over
# the discarded-events messages), per-name first/last integer field values
# of interest, and the streams seen.  Tests compare these with what they
# made happen.
import json
import sys

import bt2


def main():
    counts = {}
    discarded = 0
    first = {}
    last = {}
    for msg in bt2.TraceCollectionMessageIterator(sys.argv[1]):
        if type(msg) is bt2._DiscardedEventsMessageConst:
            discarded += msg.count or 0
        elif type(msg) is bt2._EventMessageConst:
            ev = msg.event
            counts[ev.name] = counts.get(ev.name, 0) + 1
            if 'intfield' in ev.payload_field:
                v = int(ev.payload_field['intfield'])
                first.setdefault(ev.name, v)
                last[ev.name] = v
    print(json.dumps({'counts': counts, 'discarded': discarded,
                      'first_intfield': first, 'last_intfield': last}))


main()
