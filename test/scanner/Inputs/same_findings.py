#!/usr/bin/env python3
"""usage: same_findings.py CLANG_TIDY_OUTPUT COROLINT_OUTPUT

Compares the (check, file, line) of every warning in clang-tidy's output with
corolint's text report; prints the common set or the difference (exit 1)."""
import re
import sys

WARNING = re.compile(r"^(/[^:]+):(\d+):\d+: (?:warning|error): .* \[([a-z0-9-]+)\]$")


def findings(path):
    found = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = WARNING.match(line.rstrip("\n"))
            if m and not m.group(3).startswith("clang-diagnostic"):
                found.add((m.group(3), m.group(1), int(m.group(2))))
    return found


tidy, corolint = findings(sys.argv[1]), findings(sys.argv[2])
if tidy != corolint:
    print("only clang-tidy:", sorted(tidy - corolint))
    print("only corolint:", sorted(corolint - tidy))
    sys.exit(1)
if not tidy:
    print("no findings at all: the comparison proves nothing")
    sys.exit(1)
for check, path, line in sorted(tidy):
    print("same: %s %s:%d" % (check, path.rsplit("/", 1)[-1], line))
