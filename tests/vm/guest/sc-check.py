#!/usr/bin/env python3
# sc-check.py TRACE EXPECTED [PREFIX]: the syscall events of sc-prog's process in
# TRACE (read with babeltrace2's Python bindings), between its begin and
# end markers, are exactly the calls EXPECTED lists (sc-prog's output),
# field by field: names, order, integer sizes, signedness and display
# bases as upstream 2.13.9 records them, values as the program passed and
# got them.  PREFIX "compat_": a 32-bit sc-prog, whose events are
# compat_syscall_* with the same fields.  When EXPECTED's first line
# has "ctx" (a context name -> value map, e.g. a container's vpid and
# namespace inodes as /proc gave them), every such event carries exactly
# those context values.  Prints what it compared; exits 1 on the first
# difference.
import json
import sys

import bt2

# (name, bits, signed, base) or (name, 'string'), in upstream's order.
LAYOUT = {
    'syscall_entry_openat': [('dfd', 32, True, 10), ('filename', 'string'),
                             ('flags', 32, True, 10), ('mode', 16, False, 10)],
    'syscall_exit_openat': [('ret', 64, True, 10)],
    'syscall_entry_read': [('fd', 32, False, 10), ('count', 64, False, 10)],
    'syscall_exit_read': [('ret', 64, True, 10), ('buf', 64, False, 16)],
    'syscall_entry_close': [('fd', 32, False, 10)],
    'syscall_exit_close': [('ret', 64, True, 10)],
    'syscall_entry_getpid': [],
    'syscall_exit_getpid': [('ret', 64, True, 10)],
}


# babeltrace2 2.0 (Debian 12) decodes an empty string as the previous
# string of its field (fixed in 2.1): expected empty strings are checked
# by 47-syscalls.sh with babeltrace2 2.1 instead.
EMPTY_STRINGS_UNRELIABLE = tuple(
    int(x) for x in bt2.__version__.split('.')[:2]) < (2, 1)


def die(msg):
    print('sc-check: ' + msg)
    sys.exit(1)


PREFIX = sys.argv[3] if len(sys.argv) > 3 else ''


def check_layout(ev):
    want = LAYOUT[ev.name[len(PREFIX):]]
    fc = ev.payload_field.cls
    names = list(fc.keys())
    if names != [w[0] for w in want]:
        die('%s: fields %s, want %s' % (ev.name, names, [w[0] for w in want]))
    for w in want:
        m = fc[w[0]].field_class
        if w[1] == 'string':
            if not isinstance(m, bt2._StringFieldClassConst):
                die('%s.%s: not a string' % (ev.name, w[0]))
            continue
        signed = isinstance(m, bt2._SignedIntegerFieldClassConst)
        if not isinstance(m, bt2._IntegerFieldClassConst) or \
                m.field_value_range != w[1] or signed != w[2] or \
                int(m.preferred_display_base) != w[3]:
            die('%s.%s: %s bits %s signed %s base %s, want %s' %
                (ev.name, w[0], type(m).__name__, m.field_value_range, signed,
                 int(m.preferred_display_base), w[1:]))


def value(f):
    if isinstance(f, bt2._StringFieldConst):
        return str(f)
    return int(f)


def main():
    lines = [json.loads(l) for l in open(sys.argv[2])]
    pid = lines[0]['pid']
    ctx = lines[0].get('ctx', {})
    calls = lines[1:]
    events = []
    started = False
    for msg in bt2.TraceCollectionMessageIterator(sys.argv[1]):
        if type(msg) is not bt2._EventMessageConst:
            continue
        ev = msg.event
        if not ev.name.startswith(PREFIX + 'syscall_'):
            continue
        if int(ev.common_context_field['pid']) != pid:
            continue
        p = {k: value(ev.payload_field[k]) for k in ev.payload_field}
        name = ev.name[len(PREFIX):]
        if name == 'syscall_entry_openat' and \
                p['filename'] == '/lttng-sc-begin':
            started = True
        if not started:
            continue
        if name in LAYOUT:
            check_layout(ev)
        for k, v in ctx.items():
            got = int(ev.common_context_field[k])
            if got != v:
                die('%s: context %s = %d, want %d' % (ev.name, k, got, v))
        events.append((name, p))
        if name == 'syscall_exit_openat' and len(events) >= 2 and \
                events[-2][1].get('filename') == '/lttng-sc-end':
            break
    if not started:
        die('no begin marker of pid %d' % pid)
    if len(events) != 2 * len(calls):
        for e in events:
            print('  seen', e[0], e[1])
        die('%d events for %d calls' % (len(events), len(calls)))
    for i, c in enumerate(calls):
        (en, ep), (xn, xp) = events[2 * i], events[2 * i + 1]
        sc = c['sc']
        if en != 'syscall_entry_' + sc or xn != 'syscall_exit_' + sc:
            die('call %d (%s): events %s, %s' % (i, sc, en, xn))
        want_entry = {k: v for k, v in c.items()
                      if k in [w[0] for w in LAYOUT[en]]}
        want_exit = {k: v for k, v in c.items()
                     if k in [w[0] for w in LAYOUT[xn]]}
        if EMPTY_STRINGS_UNRELIABLE:
            for k, v in want_entry.items():
                if v == '' and ep.get(k) != '':
                    print('note: call %d: %s.%s shows %r: babeltrace2 %s '
                          'shows an empty string as the previous one' %
                          (i, en, k, ep[k][:30], bt2.__version__))
                    ep[k] = ''
        if ep != want_entry:
            die('call %d: %s %s, want %s' % (i, en, ep, want_entry))
        if xp != want_exit:
            die('call %d: %s %s, want %s' % (i, xn, xp, want_exit))
        print('ok %-8s %s -> %s' % (sc, {k: (v if len(str(v)) < 40 else
                                          str(v)[:20] + '...(%d)' % len(v))
                                         for k, v in ep.items()}, xp))
    print('sc-check: %d calls, %d %sevents, every field as passed%s' %
          (len(calls), len(events), PREFIX and PREFIX + 'syscall ',
           ', contexts ' + ', '.join(sorted(ctx)) + ' as /proc says'
           if ctx else ''))


main()
