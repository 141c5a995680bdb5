#!/usr/bin/env python3
# outfmt.py OUTDIR: SESSION_SET_OUTPUT_FORMAT by raw ioctls, whatever
# lttng-tools the guest has, and the metadata stream it yields.
#
# - The ioctl is _IOW(0xF6, 0x5F, u32) with the format as the argument
#   itself: 1 = CTF 1.8, 2 = CTF 2 (what lttng-tools 2.15+ sends right
#   after creating a session).  Other values: EINVAL.  A change once a
#   metadata channel exists: EBUSY; the same value again: 0.
# - A CTF 2 session, started with no channel, delivers its metadata in
#   packets whose 37-byte header says 2.0; without those headers (what
#   lttng-consumerd 2.14+ stores) the text is a JSON text sequence that
#   tests/unit/ctf2_check.py accepts, written to OUTDIR/ctf2.metadata.
#   Regenerating it bumps the version and yields CTF 2 again.
# - A session left alone is CTF 1.8: header 1.8, TSDL text.
#
# Needs lttng-tracer and lttng-ring-buffer-metadata-mmap-client loaded.
import errno
import fcntl
import mmap
import os
import struct
import sys


def IOC(d, nr, size):
    return (d << 30) | (size << 16) | (0xF6 << 8) | nr


IO = lambda nr: IOC(0, nr, 0)
IOW = lambda nr, size: IOC(1, nr, size)
IOR = lambda nr, size: IOC(2, nr, size)

SESSION = IO(0x45)
METADATA = IOW(0x54, 320)          # struct lttng_abi_channel
START = IO(0x56)
METADATA_REGEN = IO(0x59)
SET_OUTPUT_FORMAT = IOW(0x5F, 4)
STREAM = IO(0x62)
GET_NEXT_SUBBUF = IO(0x05)
PUT_NEXT_SUBBUF = IO(0x06)
GET_SUBBUF_SIZE = IOR(0x07, 8)
GET_MMAP_LEN = IOR(0x0A, 8)
GET_MMAP_READ_OFFSET = IOR(0x0B, 8)
GET_METADATA_VERSION = IOR(0x0D, 8)

MD_MAGIC = 0x75D11D57
MD_HDR = 37

checks = 0


def fail(msg):
    print('outfmt: FAIL: ' + msg, file=sys.stderr)
    sys.exit(1)


def check(cond, msg):
    global checks
    checks += 1
    if not cond:
        fail(msg)


def errno_of(fd, req, arg):
    try:
        fcntl.ioctl(fd, req, arg)
        return 0
    except OSError as e:
        return e.errno


def ulong(fd, req):
    buf = bytearray(8)
    fcntl.ioctl(fd, req, buf, True)
    return struct.unpack('Q', buf)[0]


def metadata_chan(session):
    # 4 KiB x 2 sub-buffers, no timers, mmap output, no overwrite.
    attr = bytearray(struct.pack('<QQIIIi', 4096, 2, 0, 0, 1, 0).ljust(320, b'\0'))
    # A mutable buffer: ioctl() then returns the result, the new fd.
    return fcntl.ioctl(session, METADATA, attr, True)


def read_metadata(stream):
    """Every packet available now: list of (header, text)."""
    length = ulong(stream, GET_MMAP_LEN)
    m = mmap.mmap(stream, length, mmap.MAP_PRIVATE, mmap.PROT_READ)
    out = []
    try:
        while True:
            try:
                fcntl.ioctl(stream, GET_NEXT_SUBBUF)
            except OSError as e:
                if e.errno in (errno.EAGAIN, errno.ENODATA):
                    break
                raise
            size = ulong(stream, GET_SUBBUF_SIZE)
            off = ulong(stream, GET_MMAP_READ_OFFSET)
            pkt = m[off:off + size]
            fcntl.ioctl(stream, PUT_NEXT_SUBBUF)
            out.append((pkt[:MD_HDR], pkt[MD_HDR:]))
    finally:
        m.close()
    return out


def header_version(h):
    magic, = struct.unpack_from('<I', h, 0)
    check(magic == MD_MAGIC, 'metadata packet magic %#x' % magic)
    return h[35], h[36]


def main():
    outdir = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    checker = os.path.join(here, '../../unit/ctf2_check.py')
    root = os.open('/proc/lttng', os.O_RDWR)

    # Values and timing of the ioctl itself.
    s = fcntl.ioctl(root, SESSION)
    for bad in (0, 3, -1, 0x7FFFFFFF, -2):
        check(errno_of(s, SET_OUTPUT_FORMAT, bad) == errno.EINVAL,
              'format %#x accepted' % bad)
    for ok in (2, 2, 1, 2):
        check(errno_of(s, SET_OUTPUT_FORMAT, ok) == 0,
              'format %d refused before any metadata channel' % ok)
    chan = metadata_chan(s)
    check(errno_of(s, SET_OUTPUT_FORMAT, 1) == errno.EBUSY,
          'format changed after the metadata channel')
    check(errno_of(s, SET_OUTPUT_FORMAT, 2) == 0, 'same format refused')
    # Its metadata stream, once started: CTF 2.
    stream = fcntl.ioctl(chan, STREAM)
    check(errno_of(s, START, 0) == 0, 'start failed')
    check(errno_of(s, SET_OUTPUT_FORMAT, 2) == 0, 'same format refused')
    check(errno_of(s, SET_OUTPUT_FORMAT, 1) == errno.EBUSY,
          'format changed after start')
    pkts = read_metadata(stream)
    check(pkts, 'no metadata packet')
    for h, _ in pkts:
        check(header_version(h) == (2, 0),
              'CTF 2 metadata packet header says %d.%d' % header_version(h))
    text = b''.join(t for _, t in pkts)
    check(text.startswith(b'\x1e{"type":"preamble","version":2,'),
          'CTF 2 metadata does not start with the preamble: %r' % text[:60])
    path = os.path.join(outdir, 'ctf2.metadata')
    with open(path, 'wb') as f:
        f.write(text)
    check(os.system('python3 %s %s >%s.json' % (checker, path, path)) == 0,
          'ctf2_check.py refused the kernel\'s CTF 2 metadata')
    js = open(path + '.json').read()
    check('"type": "trace-class"' in js and
          '"tracer_name": "lttng-modules"' in js and
          '"type": "clock-class"' in js, 'trace or clock class missing')
    # Regenerated: a new version, CTF 2 again.
    v0 = ulong(stream, GET_METADATA_VERSION)
    check(errno_of(s, METADATA_REGEN, 0) == 0, 'regenerate failed')
    check(ulong(stream, GET_METADATA_VERSION) == v0 + 1,
          'regenerate did not bump the version')
    again = b''.join(t for _, t in read_metadata(stream))
    check(again == text, 'regenerated CTF 2 metadata differs')
    for fd in (stream, chan, s):
        os.close(fd)

    # A session that is never told: CTF 1.8.
    s = fcntl.ioctl(root, SESSION)
    chan = metadata_chan(s)
    stream = fcntl.ioctl(chan, STREAM)
    check(errno_of(s, START, 0) == 0, 'start failed')
    pkts = read_metadata(stream)
    check(pkts, 'no metadata packet')
    check(all(header_version(h) == (1, 8) for h, _ in pkts),
          'CTF 1.8 metadata packet header')
    text = b''.join(t for _, t in pkts)
    check(text.startswith(b'typealias integer') and b'trace {' in text and
          b'\x1e' not in text, 'default session not TSDL: %r' % text[:60])
    for fd in (stream, chan, s):
        os.close(fd)
    os.close(root)
    print('outfmt: %d checks passed' % checks)


main()
