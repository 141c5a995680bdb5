#!/usr/bin/env python3
"""tests/peer/tapsum.py OURS_DIR [UPSTREAM_DIR] [--expected FILE] TEST...

Sums up the TAP output of lttng-tools' regression test files, as
tests/peer/guest-run left it (NAME.tap, NAME.status; NAME is the test path
with / made _): one line per test file, ours against upstream when
UPSTREAM_DIR is given, then "N passed, N failed" over ours' assertions.

An assertion is known by its number: a test file runs its assertions in
one fixed order (its plan), whatever the tracer, and their descriptions
differ between a pass and a failure ("Validate trace for event poll, 26
events" against "Validate trace for event poll").  The plan's assertions
that never ran (a bail-out, a crash) count as failed ("(not run)").

Exit 1 when an assertion that passes on upstream fails on ours and no line
of the expected-failures file covers it (TEST<TAB>GLOB<TAB>ISSUE: GLOB is
matched against ours' description and upstream's, with digits made N
and mktemp suffixes XXXXXX; "*" covers the whole file); with no
UPSTREAM_DIR every failure not covered counts.  Expected failures that
pass again are reported, so that their line can go.
"""
import fnmatch
import os
import re
import sys

TAP = re.compile(r'^(not ok|ok)\b\s*(\d+)?\s*(?:-\s*)?(.*?)\s*$')
PLAN = re.compile(r'^1\.\.(\d+)')


def parse(d, test):
    name = test.replace('/', '_')
    res = {'plan': None, 'asserts': [], 'status': None, 'bail': None}
    st = os.path.join(d, name + '.status')
    if os.path.exists(st):
        res['status'] = open(st).read().split()
    tap = os.path.join(d, name + '.tap')
    if not os.path.exists(tap):
        return res
    for line in open(tap, errors='replace'):
        line = line.rstrip('\n')
        m = PLAN.match(line)
        if m and res['plan'] is None:
            res['plan'] = int(m.group(1))
            continue
        if line.startswith('Bail out!'):
            res['bail'] = line
            continue
        m = TAP.match(line)
        if not m:
            continue
        desc = m.group(3)
        skip = bool(re.search(r'#\s*skip', desc, re.I))
        desc = re.sub(r'\s*#\s*(skip|todo)\b.*$', '', desc, flags=re.I)
        # Temporary paths and pids differ from run to run.
        desc = re.sub(r'\.[A-Za-z0-9]{6}\b', '.XXXXXX', desc)
        desc = re.sub(r'\d+', 'N', desc)
        num = int(m.group(2)) if m.group(2) else len(res['asserts']) + 1
        res['asserts'].append({'ok': m.group(1) == 'ok', 'skip': skip,
                               'desc': desc, 'key': num})
    if res['plan'] is not None:
        ran = {a['key'] for a in res['asserts']}
        for num in range(1, res['plan'] + 1):
            if num not in ran:
                res['asserts'].append({'ok': False, 'skip': False,
                                       'desc': '(not run)', 'key': num})
    return res


def counts(r):
    p = sum(1 for a in r['asserts'] if a['ok'] and not a['skip'])
    s = sum(1 for a in r['asserts'] if a['skip'])
    f = sum(1 for a in r['asserts'] if not a['ok'])
    return p, f, s, len(r['asserts'])


def load_expected(path):
    out = []
    if not path or not os.path.exists(path):
        return out
    for line in open(path):
        line = line.rstrip('\n')
        if not line.strip() or line.lstrip().startswith('#'):
            continue
        parts = line.split('\t')
        if len(parts) < 3:
            sys.exit('%s: bad line (TEST<TAB>GLOB<TAB>ISSUE): %r' % (path, line))
        out.append({'test': parts[0], 'glob': parts[1], 'issue': parts[2],
                    'used': False})
    return out


def covered(expected, test, descs):
    for e in expected:
        if e['test'] == test and any(fnmatch.fnmatchcase(d, e['glob'])
                                     for d in descs):
            return e
    return None


def main():
    args = sys.argv[1:]
    exp_path = None
    if '--expected' in args:
        i = args.index('--expected')
        exp_path = args[i + 1]
        del args[i:i + 2]
    ours_dir = args.pop(0)
    up_dir = None
    if args and os.path.isdir(args[0]):
        up_dir = args.pop(0)
    label = 'ours'
    if args and args[0].startswith('--label='):
        label = args.pop(0)[len('--label='):]
    tests = args
    expected = load_expected(exp_path)
    tot_p = tot_f = tot_s = 0
    bad = []
    width = max([len(t) for t in tests] + [10])
    for t in tests:
        o = parse(ours_dir, t)
        p, f, s, n = counts(o)
        tot_p, tot_f, tot_s = tot_p + p, tot_f + f, tot_s + s
        line = '%-*s  %s %3d/%-3d (%d failed, %d skipped)' % (width, t, label, p, n, f, s)
        if n == 0:
            line += ' [no TAP output; exit %s]' % ' '.join(o['status'] or ['?'])
        up_ok = None
        if up_dir:
            u = parse(up_dir, t)
            up, uf, us, un = counts(u)
            line += '  upstream %3d/%-3d' % (up, un)
            up_ok = {a['key']: a['desc'] for a in u['asserts']
                     if a['ok'] and not a['skip']}
        unexpected, known = [], set()
        for a in o['asserts']:
            if a['ok']:
                continue
            if up_ok is not None and a['key'] not in up_ok:
                continue	# fails on upstream too
            descs = [a['desc']]
            if up_ok is not None:
                descs.append(up_ok[a['key']])
            e = covered(expected, t, descs)
            if e:
                e['used'] = True
                known.add(e['issue'])
            else:
                unexpected.append((a['key'], a['desc']))
        verdict = 'FAIL' if unexpected else ('XFAIL' if known else 'PASS')
        print('%-5s %s' % (verdict, line))
        for k in sorted(known):
            print('      expected: %s' % k)
        for num, d in unexpected[:10]:
            print('      not ok %d, passes on upstream: %s' % (num, d) if up_dir else
                  '      not ok %d: %s' % (num, d))
        if len(unexpected) > 10:
            print('      ... and %d more' % (len(unexpected) - 10))
        if unexpected:
            bad.append(t)
    for e in expected:
        if e['test'] in tests and not e['used']:
            print('note: expected failure no longer fails (remove its line): %s\t%s\t%s'
                  % (e['test'], e['glob'], e['issue']))
    if bad:
        print('failing outside the expected list: %s' % ' '.join(bad))
    print('%d passed, %d failed, %d skipped' % (tot_p, tot_f, tot_s))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
