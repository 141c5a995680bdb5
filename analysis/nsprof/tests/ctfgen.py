# SPDX-License-Identifier: GPL-2.0-only
"""A tiny CTF 1.8 writer for nsprof's unit tests: TSDL metadata text plus
one single-packet stream file per CPU, laid out like an LTTng kernel trace
(packet context with cpu_id, event header with id and a 64-bit timestamp
mapped to a clock).  Every field is byte-aligned little-endian.

Field types: "comm" (char[16] text), "str", "i32", "u32", "i64", "u64",
"seq_i32" (an uint8 length field _NAME_length then the int32 elements)."""

import os
import struct

INT = {"i32": ("<i", 32, "true"), "u32": ("<I", 32, "false"),
       "i64": ("<q", 64, "true"), "u64": ("<Q", 64, "false"),
       "u8": ("<B", 8, "false")}

# The field sets of our modules (doc: namespace-events.md).
OURS = {
    "sched_switch": [("prev_comm", "comm"), ("prev_tid", "i32"), ("prev_prio", "i32"),
                     ("prev_state", "i64"), ("next_comm", "comm"), ("next_tid", "i32"),
                     ("next_prio", "i32")],
    "sched_process_fork": [("parent_comm", "comm"), ("parent_tid", "i32"), ("parent_pid", "i32"),
                           ("parent_ns_inum", "u32"), ("child_comm", "comm"), ("child_tid", "i32"),
                           ("vtids", "seq_i32"), ("child_pid", "i32"), ("child_ns_inum", "u32")],
    "sched_process_exit": [("comm", "comm"), ("tid", "i32"), ("prio", "i32")],
    "sched_process_free": [("comm", "comm"), ("tid", "i32"), ("prio", "i32")],
    "lttng_statedump_process_state": [
        ("tid", "i32"), ("vtid", "i32"), ("pid", "i32"), ("vpid", "i32"), ("ppid", "i32"),
        ("vppid", "i32"), ("name", "comm"), ("type", "i32"), ("mode", "i32"), ("submode", "i32"),
        ("status", "i32"), ("ns_level", "u32"), ("ns_inum", "u32"), ("cpu", "u32"),
        ("file_table_address", "u64")],
    "lttng_statedump_process_pid_ns": [
        ("tid", "i32"), ("vtid", "i32"), ("vpid", "i32"), ("vppid", "i32"),
        ("ns_level", "i32"), ("ns_inum", "u32")],
    "lttng_statedump_start": [],
    "lttng_statedump_end": [],
}


def tsdl_field(name, ty):
    if ty == "comm":
        return ("integer { size = 8; align = 8; signed = false; encoding = UTF8; base = 10; } "
                f"{name}[16];")
    if ty == "str":
        return f"string {name};"
    if ty == "seq_i32":
        return (f"integer {{ size = 8; align = 8; signed = false; }} _{name}_length; "
                f"integer {{ size = 32; align = 8; signed = true; }} {name}[ _{name}_length ];")
    _, bits, signed = INT[ty]
    return f"integer {{ size = {bits}; align = 8; signed = {signed}; base = 10; }} {name};"


def pack_field(ty, v):
    if ty == "comm":
        b = str(v).encode()[:15]
        return b + b"\0" * (16 - len(b))
    if ty == "str":
        return str(v).encode() + b"\0"
    if ty == "seq_i32":
        return struct.pack("<B", len(v)) + b"".join(struct.pack("<i", x) for x in v)
    return struct.pack(INT[ty][0], v)


class Trace:
    """events: name -> [(field, type)]; add(cpu, ts, name, **fields);
    missing fields are written as 0 / "" / []."""

    def __init__(self, events=None, ncpus=2):
        self.events = dict(OURS if events is None else events)
        self.ids = {n: i for i, n in enumerate(self.events)}
        self.ncpus = ncpus
        self.recs = {c: [] for c in range(ncpus)}
        self.bounds = {}

    def add(self, cpu, ts, _event, **f):
        self.recs[cpu].append((ts, _event, f))

    def packet_bounds(self, cpu, begin, end):
        self.bounds[cpu] = (begin, end)

    def metadata(self):
        out = ["/* CTF 1.8 */",
               "typealias integer { size = 32; align = 8; signed = false; } := uint32_t;",
               "typealias integer { size = 64; align = 8; signed = false; } := uint64_t;",
               "trace { major = 1; minor = 8; byte_order = le;",
               "  packet.header := struct { uint32_t magic; uint32_t stream_id; }; };",
               'env { domain = "kernel"; tracer_name = "lttng-modules"; tracer_major = 2; tracer_minor = 13; hostname = "unit"; };',
               'clock { name = "monotonic"; freq = 1000000000; offset_s = 0; offset = 0; absolute = false; };',
               "typealias integer { size = 64; align = 8; signed = false; map = clock.monotonic.value; } := clk64_t;",
               "stream { id = 0;",
               "  event.header := struct { uint32_t id; clk64_t timestamp; };",
               "  packet.context := struct { clk64_t timestamp_begin; clk64_t timestamp_end;"
               " uint64_t content_size; uint64_t packet_size; uint64_t events_discarded; uint32_t cpu_id; }; };"]
        for n, fields in self.events.items():
            body = " ".join(tsdl_field(a, t) for a, t in fields)
            out.append(f'event {{ name = "{n}"; id = {self.ids[n]}; stream_id = 0; '
                       f"fields := struct {{ {body} }}; }};")
        return "\n".join(out) + "\n"

    def write(self, d):
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "metadata"), "w") as f:
            f.write(self.metadata())
        allts = [ts for c in self.recs for ts, _, _ in self.recs[c]]
        lo, hi = (min(allts), max(allts)) if allts else (0, 0)
        for cpu in range(self.ncpus):
            recs = sorted(self.recs[cpu], key=lambda r: r[0])
            body = b""
            for ts, name, f in recs:
                body += struct.pack("<IQ", self.ids[name], ts)
                for a, t in self.events[name]:
                    dflt = [] if t == "seq_i32" else ("" if t in ("comm", "str") else 0)
                    body += pack_field(t, f.get(a, dflt))
            b, e = self.bounds.get(cpu, (lo, hi))
            hdr_len = 8 + 8 * 5 + 4
            size = (hdr_len + len(body)) * 8
            pkt = struct.pack("<II", 0xC1FC1FC1, 0)
            pkt += struct.pack("<QQQQQI", b, e, size, size, 0, cpu)
            with open(os.path.join(d, f"chan_{cpu}"), "wb") as f:
                f.write(pkt + body)
