#!/usr/bin/python3
"""validate_schema.py SCHEMA FILE...

Validates every JSON object in each FILE against SCHEMA (JSON Schema draft 2020-12).
A FILE holds one JSON object (possibly spread over many lines) or JSON Lines (one object
per line). Numbers are parsed as decimal.Decimal, never float, so the exact decimal text the
program wrote is what is checked; the validator treats Decimal as a JSON number.

Prints one line per failure: FILE:LINE: $.json.path: reason. Exit 1 on any failure
(including unreadable or unparsable files), 0 when every object is valid, 2 on bad usage.
"""
import decimal
import json
import sys

import jsonschema
from jsonschema import Draft202012Validator


def _is_number(checker, inst):
    if isinstance(inst, bool):
        return False
    return isinstance(inst, (int, float, decimal.Decimal))


def _is_integer(checker, inst):
    if isinstance(inst, bool):
        return False
    if isinstance(inst, int):
        return True
    if isinstance(inst, float):
        return inst.is_integer()
    if isinstance(inst, decimal.Decimal):
        return inst.is_finite() and inst == inst.to_integral_value()
    return False


TYPE_CHECKER = Draft202012Validator.TYPE_CHECKER.redefine_many(
    {"number": _is_number, "integer": _is_integer})
DecimalValidator = jsonschema.validators.extend(Draft202012Validator,
                                                type_checker=TYPE_CHECKER)


def loads(text):
    return json.loads(text, parse_float=decimal.Decimal)


def json_path(path):
    out = "$"
    for p in path:
        if isinstance(p, int):
            out += "[%d]" % p
        else:
            out += "." + str(p)
    return out


def objects_of(name, text):
    """Yields (line, object-or-exception) for a file of one object or JSON Lines."""
    stripped = text.strip()
    if not stripped:
        yield 1, ValueError("empty file: no JSON object")
        return
    try:
        yield 1, loads(stripped)
        return
    except ValueError:
        pass
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield n, loads(line)
        except ValueError as e:
            yield n, e


def shorten(s, n=160):
    s = str(s).replace("\n", " ")
    return s if len(s) <= n else s[:n] + "…"


def main(argv):
    if len(argv) < 3:
        sys.stderr.write("usage: validate_schema.py SCHEMA FILE...\n")
        return 2
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    DecimalValidator.check_schema(schema)
    validator = DecimalValidator(schema)
    failures = 0
    objects = 0
    for name in argv[2:]:
        try:
            with open(name, encoding="utf-8") as f:
                text = f.read()
        except (OSError, UnicodeDecodeError) as e:
            print("%s: cannot read: %s" % (name, e))
            failures += 1
            continue
        for line, obj in objects_of(name, text):
            if isinstance(obj, Exception):
                print("%s:%d: not JSON: %s" % (name, line, obj))
                failures += 1
                continue
            objects += 1
            errs = sorted(validator.iter_errors(obj), key=lambda e: list(map(str, e.absolute_path)))
            for e in errs:
                print("%s:%d: %s: %s" % (name, line, json_path(e.absolute_path), shorten(e.message)))
                failures += 1
    if failures:
        print("schema: %d failure(s) in %d object(s)" % (failures, objects))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
