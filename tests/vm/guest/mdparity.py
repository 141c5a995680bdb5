#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
#
# mdparity.py: what a trace's metadata says about each event, and the
# differences between two tracers' (ours and upstream lttng-modules').
#
#   mdparity.py fields TSDL OUT.json
#       TSDL is the metadata text (babeltrace2 -o ctf-metadata); OUT gets
#       {event: [[field, type], ...]} in the order the payload has them.
#   mdparity.py compare OURS.json UP.json OURS.list UP.list EXPECTED...
#       OURS.list / UP.list: event names, one per line, as `lttng list -k`
#       (and --syscall) offered them.  Prints every difference, one per
#       line; each must be an entry of one of the EXPECTED files (reviewed
#       lists, '#' comments; an entry with a '*' is a pattern, for the
#       events of a provider not done yet), else it fails; an entry no
#       difference matches fails too (the file must shrink with them).
#       An event only we have is counted, never a failure.
#
# A type is written the same way for both sides, from the TSDL alone:
#   integer  s32, u8, with x (hexadecimal), o (octal), b (binary) after,
#            -be for big-endian and -utf8 for text; alignment is left out
#            (ours packs every field on a byte, upstream aligns naturally:
#            the values read are the same)
#   string, enum<INT>{label=v,label=a...b,...}, ELEM[N] (array),
#   ELEM[] (sequence; its length is a field of its own),
#   struct{name:type,...}, variant<tag>{name:type,...}
# Field names lose the one leading underscore TSDL gives them; an empty
# structure (upstream's padding before bit fields) only aligns and is left
# out.
#
# Difference lines:
#   only-upstream EVENT                 upstream has it, we do not
#   list-only-upstream EVENT            in upstream's `lttng list -k` only
#   fields EVENT upstream=a,b ours=a,c  the field names differ (in order)
#   type EVENT.FIELD upstream=T ours=T  one field's type differs
import fnmatch
import json
import re
import sys

TOKEN = re.compile(r'\s+|/\*.*?\*/|//[^\n]*|("(?:[^"\\]|\\.)*")|(:=|\.\.\.|'
                   r'0[xX][0-9a-fA-F]+|-?[0-9]+|[A-Za-z_][A-Za-z0-9_.]*|[{}\[\];=:,<>()])',
                   re.S)


def tokens(text):
    out = []
    for m in TOKEN.finditer(text):
        t = m.group(1) or m.group(2)
        if t:
            out.append(t)
    return out


class Parser:
    def __init__(self, toks):
        self.t = toks
        self.i = 0
        self.alias = {}

    def peek(self, k=0):
        return self.t[self.i + k] if self.i + k < len(self.t) else None

    def take(self, want=None):
        t = self.peek()
        if want is not None and t != want:
            raise ValueError('expected %r, got %r at token %d' % (want, t, self.i))
        self.i += 1
        return t

    def statement(self):
        """The tokens up to the next ';', which is consumed."""
        v = []
        while self.peek() != ';':
            v.append(self.take())
        self.take(';')
        return v

    def attrs(self):
        """{ key = value; ... } of integer/string/floating_point."""
        a = {}
        self.take('{')
        while self.peek() != '}':
            k = self.take()
            self.take('=')
            a[k] = ' '.join(self.statement())
        self.take('}')
        return a

    @staticmethod
    def integer(a):
        size = int(a.get('size', '0'), 0)
        signed = a.get('signed', '0') in ('1', 'true', 'TRUE')
        base = a.get('base', '10').lower()
        base = {'16': 'x', 'hex': 'x', 'x': 'x', 'hexadecimal': 'x', 'p': 'x',
                'pointer': 'x', '8': 'o', 'oct': 'o', 'o': 'o', 'octal': 'o',
                '2': 'b', 'binary': 'b', 'b': 'b'}.get(base, '')
        bo = a.get('byte_order', 'native')
        enc = a.get('encoding', 'none').lower()
        return '%s%d%s%s%s' % ('s' if signed else 'u', size, base,
                               '-be' if bo in ('be', 'network') else '',
                               '-utf8' if enc in ('utf8', 'ascii') else '')

    def typespec(self):
        t = self.take()
        if t == 'integer':
            return self.integer(self.attrs())
        if t == 'floating_point':
            a = self.attrs()
            return 'float%s/%s' % (a.get('exp_dig'), a.get('mant_dig'))
        if t == 'string':
            if self.peek() == '{':
                self.attrs()
            return 'string'
        if t == 'enum':
            if self.peek() not in (':', '{'):
                self.take()
            cont = 's32'
            if self.peek() == ':':
                self.take(':')
                cont = self.typespec()
            self.take('{')
            labels = []
            nxt = 0
            while self.peek() != '}':
                lab = self.take().strip('"')
                # A label without a value is the previous one's last + 1
                # (0 first): written out, as some writers do themselves.
                lo = hi = nxt
                if self.peek() == '=':
                    self.take('=')
                    lo = hi = int(self.take(), 0)
                    if self.peek() == '...':
                        self.take('...')
                        hi = int(self.take(), 0)
                nxt = hi + 1
                labels.append('%s=%d' % (lab, lo) if lo == hi else
                              '%s=%d...%d' % (lab, lo, hi))
                if self.peek() == ',':
                    self.take(',')
            self.take('}')
            return 'enum<%s>{%s}' % (cont, ','.join(labels))
        if t in ('struct', 'variant'):
            tag = ''
            if self.peek() not in ('{', '<'):
                self.take()
            if self.peek() == '<':
                self.take('<')
                tag = self.take()
                self.take('>')
            self.take('{')
            members = self.decls('}')
            self.take('}')
            if self.peek() == 'align':
                self.take()
                self.take('(')
                self.take()
                self.take(')')
            body = ','.join('%s:%s' % m for m in members)
            return 'struct{%s}' % body if t == 'struct' else 'variant<%s>{%s}' % (tag, body)
        if t in self.alias:
            return self.alias[t]
        # Multi-word aliases (unsigned long) are not used in event fields.
        raise ValueError('unknown type %r at token %d' % (t, self.i))

    def decls(self, end):
        out = []
        while self.peek() != end:
            ty = self.typespec()
            name = self.take()
            while self.peek() == '[':
                self.take('[')
                n = self.take()
                self.take(']')
                ty += '[%s]' % (n if re.match(r'^[0-9]+$', n) else '')
            self.take(';')
            # An empty structure only aligns what follows (upstream's
            # bit-field padding): alignment is left out.
            if ty == 'struct{}':
                continue
            out.append((name[1:] if name.startswith('_') else name, ty))
        return out

    def skip_block(self):
        depth = 0
        while True:
            t = self.take()
            if t == '{':
                depth += 1
            elif t == '}':
                depth -= 1
                if depth == 0:
                    return

    def events(self):
        ev = {}
        while self.peek() is not None:
            t = self.peek()
            if t == 'typealias':
                self.take()
                ty = self.typespec()
                self.take(':=')
                names = self.statement()
                self.alias[' '.join(names)] = ty
                self.alias[names[-1]] = ty
                continue
            if t == 'event' and self.peek(1) == '{':
                self.take()
                self.take('{')
                name, fields = None, []
                while self.peek() != '}':
                    k = self.take()
                    if k == 'fields' and self.peek() == ':=':
                        self.take(':=')
                        ty = self.peek()
                        if ty == 'struct':
                            self.take()
                            self.take('{')
                            fields = self.decls('}')
                            self.take('}')
                            if self.peek() == 'align':
                                for _ in range(4):
                                    self.take()
                        self.take(';')
                        continue
                    if self.peek() == ':=':
                        self.take(':=')
                        self.typespec()
                        self.take(';')
                        continue
                    self.take('=')
                    v = self.statement()
                    if k == 'name':
                        name = ' '.join(v).strip('"')
                self.take('}')
                self.take(';')
                ev[name] = fields
                continue
            if self.peek(1) == '{' or (self.peek(2) == '{'):
                # trace, env, clock, stream, callsite blocks
                while self.peek() != '{':
                    self.take()
                self.skip_block()
                if self.peek() == ';':
                    self.take()
                continue
            self.take()
        return ev


def cmd_fields(tsdl, out):
    text = open(tsdl, encoding='utf-8', errors='replace').read()
    ev = Parser(tokens(text)).events()
    if not ev:
        print('FAIL: no event in %s' % tsdl)
        return 1
    with open(out, 'w') as f:
        json.dump(ev, f, indent=0, sort_keys=True)
    print('%s: %d events' % (out, len(ev)))
    return 0


def short(t, n=120):
    return t if len(t) <= n else t[:n] + '...(%d chars)' % len(t)


def read_expected(paths):
    exp = []
    for p in paths:
        for line in open(p):
            line = line.split('#', 1)[0].strip()
            if line:
                exp.append(line)
    return exp


def cmd_compare(ours_j, up_j, ours_l, up_l, expected):
    ours = json.load(open(ours_j))
    up = json.load(open(up_j))
    ol = set(x.strip() for x in open(ours_l) if x.strip())
    ul = set(x.strip() for x in open(up_l) if x.strip())
    diffs = []
    for name in sorted(ul - ol):
        diffs.append('list-only-upstream %s' % name)
    for name in sorted(up):
        if name not in ours:
            diffs.append('only-upstream %s' % name)
            continue
        un = [n for n, _ in up[name]]
        on = [n for n, _ in ours[name]]
        if un != on:
            diffs.append('fields %s upstream=%s ours=%s' % (
                name, ','.join(un), ','.join(on)))
            continue
        for (n, ut), (_, ot) in zip(up[name], ours[name]):
            if ut != ot:
                diffs.append('type %s.%s upstream=%s ours=%s' % (name, n, ut, ot))
    expected_l = read_expected(expected)
    exact = set(e for e in expected_l if '*' not in e)
    pats = [e for e in expected_l if '*' in e]
    used = set()
    new = []
    for d in diffs:
        if d in exact:
            used.add(d)
            continue
        hit = [p for p in pats if fnmatch.fnmatchcase(d, p)]
        if hit:
            used.update(hit)
        else:
            new.append(d)
    gone = sorted(set(expected_l) - used)
    both = len([n for n in up if n in ours])
    print('%d events upstream, %d ours, %d in both; listed by lttng list -k: '
          '%d upstream, %d ours; %d differences, %d of them listed as reviewed' %
          (len(up), len(ours), both, len(ul), len(ol), len(diffs),
           len(diffs) - len(new)))
    print('only ours: %d events' % len([n for n in ours if n not in up]))
    for d in new:
        print('FAIL: unlisted difference: ' + short(d, 400))
    for g in gone:
        print('FAIL: listed difference no longer there: ' + short(g, 400))
    return 1 if new or gone else 0


def main(argv):
    if len(argv) == 3 and argv[0] == 'fields':
        return cmd_fields(argv[1], argv[2])
    if len(argv) >= 5 and argv[0] == 'compare':
        return cmd_compare(*argv[1:5], expected=argv[5:])
    sys.stderr.write('usage: mdparity.py fields TSDL OUT.json | '
                     'compare OURS.json UP.json OURS.list UP.list EXPECTED...\n')
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
