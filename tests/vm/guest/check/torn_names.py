#!/usr/bin/env python3
# torn_names.py TRACE NAME...: every lttng_statedump_network_interface
# record of TRACE must carry one of the NAMEs, or what a name that changed
# while it was recorded may give: the start of the new value cut to the
# old one's length, or the new value padded with '#' to it.  Prints how
# many records there are and how many were torn; exits 1 on anything else.
import sys

import bt2


def main():
    names = sys.argv[2:]
    total = torn = 0
    bad = []
    for msg in bt2.TraceCollectionMessageIterator(sys.argv[1]):
        if type(msg) is not bt2._EventMessageConst:
            continue
        ev = msg.event
        if ev.name != 'lttng_statedump_network_interface':
            continue
        name = str(ev.payload_field['name'])
        total += 1
        if name in names:
            continue
        ok = any(name == n[:len(name)] or
                 (name.startswith(n) and set(name[len(n):]) == {'#'})
                 for n in names)
        if ok:
            torn += 1
        else:
            bad.append(name)
    print(f"{total} interface records, {torn} torn, {len(bad)} impossible")
    for b in bad[:10]:
        print(f"impossible name: {b!r}")
    sys.exit(1 if bad or not total else 0)


main()
