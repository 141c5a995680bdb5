#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""ctf2_check.py FILE: check a CTF 2 metadata stream, print it canonically.

Helper of test_ctf2.c.  FILE must be a JSON text sequence (RFC 7464): each
fragment RS (0x1E), one JSON object on one line, LF.  The fragments must
come in an order a reader can follow (preamble first, then the trace
class; a clock class before the data stream classes that name it, a data
stream class before its event record classes, no id twice), each with
the properties CTF2-SPEC-2.0 gives its type and no others.  Prints one
line per fragment, the object with sorted keys (json.dumps), so the test
can look for exact text; exits 1 with a reason on the first problem.
"""
import json
import sys

# Properties each fragment type may have (CTF2-SPEC-2.0, section 6).
ALLOWED = {
    "preamble": {"type", "version", "uuid", "attributes", "extensions"},
    "field-class-alias": {"type", "name", "field-class", "attributes",
                          "extensions"},
    "trace-class": {"type", "namespace", "name", "uid",
                    "packet-header-field-class", "environment",
                    "attributes", "extensions"},
    "clock-class": {"type", "id", "namespace", "name", "uid", "frequency",
                    "offset-from-origin", "origin", "precision",
                    "accuracy", "description", "attributes", "extensions"},
    "data-stream-class": {"type", "id", "namespace", "name", "uid",
                          "default-clock-class-id",
                          "packet-context-field-class",
                          "event-record-header-field-class",
                          "event-record-common-context-field-class",
                          "attributes", "extensions"},
    "event-record-class": {"type", "id", "namespace", "name", "uid",
                           "data-stream-class-id",
                           "specific-context-field-class",
                           "payload-field-class", "attributes",
                           "extensions"},
}


def fail(msg):
    print("ctf2_check: " + msg, file=sys.stderr)
    sys.exit(1)


def main():
    data = open(sys.argv[1], "rb").read()
    if not data.startswith(b"\x1e"):
        fail("does not start with RS")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        fail("not UTF-8: %s" % e)
    clocks, streams, events = set(), set(), set()
    seen_trace = False
    for n, frag in enumerate(text.split("\x1e")[1:]):
        if not frag.endswith("\n") or "\n" in frag[:-1]:
            fail("fragment %d is not one line ending with LF" % n)
        try:
            obj = json.loads(frag)
        except ValueError as e:
            fail("fragment %d: %s" % (n, e))
        kind = obj.get("type")
        if kind not in ALLOWED:
            fail("fragment %d: unknown type %r" % (n, kind))
        extra = set(obj) - ALLOWED[kind]
        if extra:
            fail("fragment %d (%s): unknown properties %s" % (n, kind,
                                                              sorted(extra)))
        if (n == 0) != (kind == "preamble"):
            fail("the preamble must come first, and once")
        if kind == "preamble" and obj.get("version") != 2:
            fail("preamble version is not 2")
        if kind == "trace-class":
            if seen_trace:
                fail("two trace classes")
            seen_trace = True
        if kind in ("clock-class", "data-stream-class",
                    "event-record-class") and not seen_trace:
            fail("%s before the trace class" % kind)
        if kind == "clock-class":
            if obj["id"] in clocks:
                fail("clock class %r twice" % obj["id"])
            clocks.add(obj["id"])
        if kind == "data-stream-class":
            if obj.get("default-clock-class-id") not in clocks:
                fail("data stream class %d: unknown clock" % obj["id"])
            if obj["id"] in streams:
                fail("data stream class %d twice" % obj["id"])
            streams.add(obj["id"])
        if kind == "event-record-class":
            key = (obj["data-stream-class-id"], obj["id"])
            if key[0] not in streams:
                fail("event record class %r: unknown stream" % (key,))
            if key in events:
                fail("event record class %r twice" % (key,))
            events.add(key)
        print(json.dumps(obj, sort_keys=True))


main()
