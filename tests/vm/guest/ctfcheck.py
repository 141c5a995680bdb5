#!/usr/bin/env python3
# ctfcheck.py [--require] DIR...: check every kernel CTF stream under DIR against the
# packet index lttng-consumerd wrote for it (index/<stream>.idx, CTF index
# format 1.1, big-endian) and against itself:
#
# - the index entries tile the stream file exactly, in order;
# - each entry equals the packet header it describes (the consumer builds
#   the index from the stream ioctls, so a mismatch means an ioctl answer
#   and the header disagree);
# - per stream: packet_seq_num strictly increases, timestamps never go
#   backwards, events_discarded never decreases, content <= packet size;
# - the bytes between a packet's content end and its packet end are zero
#   (no stale kernel memory handed to user space).
#
# Prints one summary line; exits 1 with the reasons on any failure, and
# with --require also when no stream had an index to check.
import os
import struct
import sys

PKT_MAGIC = 0xC1FC1FC1
IDX_MAGIC = 0xC1F1DCC1
IDX_FIELDS = ('offset', 'packet_size', 'content_size', 'timestamp_begin',
              'timestamp_end', 'events_discarded', 'stream_id',
              'stream_instance_id', 'packet_seq_num')
# Our packet header + context (include/lttng/ctf-pack.h), little-endian.
HDR = struct.Struct('<I16sIQQQQQQQI')
HDR_FIELDS = ('magic', 'uuid', 'stream_id', 'stream_instance_id',
              'timestamp_begin', 'timestamp_end', 'content_size',
              'packet_size', 'packet_seq_num', 'events_discarded', 'cpu_id')

errors = []


def err(path, msg):
    errors.append('%s: %s' % (path, msg))


def read_index(path):
    with open(path, 'rb') as f:
        data = f.read()
    if len(data) < 16:
        err(path, 'index shorter than its header')
        return []
    magic, major, minor, entry_len = struct.unpack_from('>IIII', data, 0)
    if magic != IDX_MAGIC or (major, minor) != (1, 1):
        err(path, 'bad index header %#x %d.%d' % (magic, major, minor))
        return []
    if entry_len < 8 * len(IDX_FIELDS):
        err(path, 'index entries of %d bytes' % entry_len)
        return []
    body = data[16:]
    if len(body) % entry_len:
        err(path, 'index body is not a whole number of entries')
    out = []
    for off in range(0, len(body) - entry_len + 1, entry_len):
        vals = struct.unpack_from('>%dQ' % len(IDX_FIELDS), body, off)
        out.append(dict(zip(IDX_FIELDS, vals)))
    return out


def check_stream(stream, index):
    entries = read_index(index)
    with open(stream, 'rb') as f:
        data = f.read()
    pos = 0
    prev = None
    for n, e in enumerate(entries):
        where = '%s packet %d' % (stream, n)
        if e['offset'] != pos:
            err(where, 'index offset %d, expected %d' % (e['offset'], pos))
            return 0
        if e['packet_size'] % 8 or e['packet_size'] == 0:
            err(where, 'packet_size %d bits' % e['packet_size'])
            return 0
        size = e['packet_size'] // 8
        if pos + size > len(data):
            err(where, 'packet runs past the end of the file')
            return 0
        h = dict(zip(HDR_FIELDS, HDR.unpack_from(data, pos)))
        if h['magic'] != PKT_MAGIC:
            err(where, 'bad packet magic %#x' % h['magic'])
        for k in IDX_FIELDS[1:]:
            if h[k] != e[k]:
                err(where, '%s: index %d, header %d' % (k, e[k], h[k]))
        if e['content_size'] > e['packet_size']:
            err(where, 'content larger than packet')
        if e['timestamp_begin'] > e['timestamp_end']:
            err(where, 'timestamp_begin > timestamp_end')
        pad = data[pos + (e['content_size'] + 7) // 8:pos + size]
        if pad.count(0) != len(pad):
            err(where, '%d non-zero padding byte(s)' % (len(pad) - pad.count(0)))
        if prev:
            if e['packet_seq_num'] <= prev['packet_seq_num']:
                err(where, 'packet_seq_num %d after %d' %
                    (e['packet_seq_num'], prev['packet_seq_num']))
            if e['timestamp_begin'] < prev['timestamp_end']:
                err(where, 'begins before the previous packet ends')
            if e['events_discarded'] < prev['events_discarded']:
                err(where, 'events_discarded went down')
            if e['stream_instance_id'] != prev['stream_instance_id']:
                err(where, 'stream_instance_id changed')
        prev = e
        pos += size
    if pos != len(data):
        err(stream, 'index covers %d of %d bytes' % (pos, len(data)))
    return len(entries)


def main():
    streams = packets = 0
    args = sys.argv[1:]
    require = '--require' in args
    for top in [a for a in args if a != '--require']:
        for root, dirs, files in os.walk(top):
            if 'metadata' not in files:
                continue
            # Snapshot outputs get an empty index directory, as with
            # upstream: the consumer writes no index for them.
            idir = os.path.join(root, 'index')
            has_index = os.path.isdir(idir) and any(
                n.endswith('.idx') for n in os.listdir(idir))
            for name in sorted(files):
                if name == 'metadata' or name.startswith('.'):
                    continue
                idx = os.path.join(root, 'index', name + '.idx')
                if not os.path.exists(idx):
                    if has_index:
                        err(os.path.join(root, name), 'no index file')
                    continue
                streams += 1
                packets += check_stream(os.path.join(root, name), idx)
    for e in errors[:20]:
        print('ctfcheck: ' + e, file=sys.stderr)
    print('ctfcheck: %d stream(s), %d packet(s), %d problem(s)' %
          (streams, packets, len(errors)))
    if require and not streams:
        print('ctfcheck: no indexed stream found', file=sys.stderr)
        sys.exit(1)
    sys.exit(1 if errors else 0)


main()
