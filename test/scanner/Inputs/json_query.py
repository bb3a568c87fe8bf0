#!/usr/bin/env python3
"""usage: json_query.py FILE PATH...: loads FILE as JSON (failing on invalid
JSON) and prints "PATH = value" for each dotted PATH (list indices as
numbers, "#" for a list's length), values as compact JSON."""
import json
import sys


def lookup(value, path):
    for part in path.split("."):
        if part == "#":
            value = len(value)
        elif isinstance(value, list):
            value = value[int(part)]
        else:
            value = value[part]
    return value


with open(sys.argv[1], encoding="utf-8") as f:
    document = json.load(f)
for path in sys.argv[2:]:
    print("%s = %s" % (path, json.dumps(lookup(document, path), ensure_ascii=False, sort_keys=True)))
