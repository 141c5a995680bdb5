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

# (name, bits, signed, base), (name, 'string') or (name, 'array'|'seq',
# element bits, element signed), in upstream's order.

FDSETS = [('readfds', 'seq', 8, False), ('writefds', 'seq', 8, False),
          ('exceptfds', 'seq', 8, False)]


def SOCKADDR(port):
    """A socket address as upstream decodes it (port, address in network order)."""
    return [('family', 16, False, 10), (port, 16, False, 10),
            ('v4addr', 'seq', 8, False), ('v6addr', 'seq', 16, False)]


LAYOUT = {
    'syscall_entry_openat': [('dfd', 32, True, 10), ('filename', 'string'),
                             ('flags', 32, True, 10), ('mode', 16, False, 10)],
    'syscall_exit_openat': [('ret', 64, True, 10)],
    'syscall_entry_read': [('fd', 32, False, 10), ('count', 64, False, 10)],
    'syscall_exit_read': [('ret', 64, True, 10), ('buf', 64, False, 10)],
    'syscall_entry_close': [('fd', 32, False, 10)],
    'syscall_exit_close': [('ret', 64, True, 10)],
    'syscall_entry_getpid': [],
    'syscall_exit_getpid': [('ret', 64, True, 10)],
    'syscall_entry_select': [('n', 32, True, 10), ('overflow', 8, False, 10),
                             ('tvp', 64, False, 10)] + FDSETS,
    'syscall_exit_select': [('ret', 64, True, 10), ('overflow', 8, False, 10),
                            ('tvp', 64, False, 10)] + FDSETS,
    'syscall_entry_pipe2': [('flags', 32, True, 10)],
    'syscall_exit_pipe2': [('ret', 64, True, 10), ('fildes', 'array', 32, True)],
    'syscall_entry_socketpair': [('family', 32, True, 10), ('type', 32, True, 10),
                                 ('protocol', 32, True, 10)],
    'syscall_exit_socketpair': [('ret', 64, True, 10), ('socket', 'array', 32, True)],
    'syscall_entry_connect': [('fd', 32, True, 10), ('uservaddr', 64, False, 16),
                              ('addrlen', 32, True, 16)] + SOCKADDR('dport'),
    'syscall_exit_connect': [('ret', 64, True, 10)],
    'syscall_entry_accept4': [('fd', 32, True, 10), ('upeer_sockaddr', 64, False, 16),
                              ('upeer_addrlen', 32, True, 10), ('flags', 32, True, 16)],
    'syscall_exit_accept4': [('ret', 64, True, 10), ('upeer_addrlen', 32, True, 10)] +
                            SOCKADDR('sport'),
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


# Upstream's 32-bit table has an older prototype's types here.
COMPAT_LAYOUT = {
    'syscall_entry_openat': [('dfd', 32, True, 10), ('filename', 'string'),
                             ('flags', 32, True, 10), ('mode', 32, True, 10)],
}


def check_layout(ev):
    name = ev.name[len(PREFIX):]
    want = (COMPAT_LAYOUT.get(name) if PREFIX else None) or LAYOUT[name]
    fc = ev.payload_field.cls
    names = [n for n in fc.keys() if not is_length(n)]
    if names != [w[0] for w in want]:
        die('%s: fields %s, want %s' % (ev.name, names, [w[0] for w in want]))
    for w in want:
        m = fc[w[0]].field_class
        if w[1] == 'string':
            if not isinstance(m, bt2._StringFieldClassConst):
                die('%s.%s: not a string' % (ev.name, w[0]))
            continue
        if w[1] in ('array', 'seq'):
            cls = (bt2._StaticArrayFieldClassConst if w[1] == 'array'
                   else bt2._DynamicArrayFieldClassConst)
            el = getattr(m, 'element_field_class', None)
            if not isinstance(m, cls) or \
                    not isinstance(el, bt2._IntegerFieldClassConst) or \
                    el.field_value_range != w[2] or \
                    isinstance(el, bt2._SignedIntegerFieldClassConst) != w[3]:
                die('%s.%s: %s, want %s of %s' % (ev.name, w[0],
                                                  type(m).__name__, w[1], w[2:]))
            continue
        signed = isinstance(m, bt2._SignedIntegerFieldClassConst)
        if not isinstance(m, bt2._IntegerFieldClassConst) or \
                m.field_value_range != w[1] or signed != w[2] or \
                int(m.preferred_display_base) != w[3]:
            die('%s.%s: %s bits %s signed %s base %s, want %s' %
                (ev.name, w[0], type(m).__name__, m.field_value_range, signed,
                 int(m.preferred_display_base), w[1:]))


def is_length(name):
    """A sequence's length, a field of its own for babeltrace2 2.0."""
    return name.startswith('_') and name.endswith('_length')


def value(f):
    if isinstance(f, bt2._StringFieldConst):
        return str(f)
    if isinstance(f, bt2._ArrayFieldConst):
        return [int(x) for x in f]
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
        p = {k: value(ev.payload_field[k]) for k in ev.payload_field
             if not is_length(k)}
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
        # "K_exit": what K holds at exit when it changed (an address length).
        want_exit = {k: c.get(k + '_exit', v) for k, v in c.items()
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
