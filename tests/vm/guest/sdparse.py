# sdparse.py: the statedumps of a babeltrace2 text trace, for the guest
# tests that check them (30, 31).
import re

EV_RE = re.compile(r"\s(lttng_statedump_\w+): \{[^}]*\}(?:, \{(.*)\})?$")
FIELD_RE = re.compile(r'(\w+) = ("(?:[^"\\]|\\.)*"|[^,]+)')


def value(v):
    v = v.strip()
    if v.startswith('"'):
        return v[1:-1]
    # babeltrace2 shows an octal field (the fd's flags) as 0NNN.
    if re.match(r'^0[0-7]+$', v):
        return int(v, 8)
    return int(v, 0)


def statedumps(path, err):
    """Every complete dump in the babeltrace2 text at path, in order: a
    list of (event name without "lttng_statedump_", {field: value}).
    Calls err(message) for events outside a dump and unbalanced
    start/end."""
    dumps, cur = [], None
    for line in open(path):
        m = EV_RE.search(line.rstrip("\n"))
        if not m:
            continue
        name = m.group(1)[len("lttng_statedump_"):]
        fields = {k: value(v) for k, v in FIELD_RE.findall(m.group(2) or "")}
        if name == "start":
            if cur is not None:
                err("statedump_start inside a dump")
            cur = []
        elif name == "end":
            if cur is None:
                err("statedump_end without start")
            else:
                dumps.append(cur)
            cur = None
        elif cur is None:
            err(f"{name} outside a dump")
        else:
            cur.append((name, fields))
    if cur is not None:
        err("last dump has no statedump_end")
    return dumps
