#!/usr/bin/python3
"""jedit.py IN OUT STATEMENT...: loads the JSON object IN (numbers as Decimal), runs each
Python STATEMENT with `d` bound to it (and D = decimal.Decimal), writes OUT with every
number's exact decimal text kept. Used by tests/e2e/t0500-scorer.sh to damage outputs."""
import decimal
import json
import sys

D = decimal.Decimal


def dump(o):
    if isinstance(o, bool) or o is None or isinstance(o, str):
        return json.dumps(o, ensure_ascii=False)
    if isinstance(o, (int, D)):
        return str(o)
    if isinstance(o, dict):
        return "{" + ", ".join(json.dumps(k, ensure_ascii=False) + ": " + dump(v) for k, v in o.items()) + "}"
    if isinstance(o, list):
        return "[" + ", ".join(dump(v) for v in o) + "]"
    raise TypeError(type(o))


with open(sys.argv[1], encoding="utf-8") as f:
    d = json.load(f, parse_float=D)
for stmt in sys.argv[3:]:
    exec(stmt, {"d": d, "D": D})
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write(dump(d) + "\n")
