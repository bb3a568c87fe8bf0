#!/usr/bin/env python3
"""Writes BUILD_DIR/compile_commands.json for the scanner tests.

usage: make_cdb.py BUILD_DIR [--command] [--relative-dir] [--compiler=C]
                   [--arg=FLAG ...] [--tail-arg=FLAG ...] FILE ...

Each FILE gets an entry compiled with clang++ -std=c++20 -I test/Inputs plus
the --arg flags, and the --tail-arg flags at the very end. --command writes the "command" form instead of
"arguments"; --relative-dir writes "directory" relative to the database's
folder (which the scanner must resolve against that folder).
"""
import json
import os
import shlex
import sys

INPUTS = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..", "Inputs"))


def main():
    build, rest = os.path.abspath(sys.argv[1]), sys.argv[2:]
    command_form = "--command" in rest
    relative_dir = "--relative-dir" in rest
    compiler = "clang++"
    extra, tail, files = [], [], []
    for arg in rest:
        if arg.startswith("--compiler="):
            compiler = arg[len("--compiler="):]
        elif arg.startswith("--arg="):
            extra.append(arg[len("--arg="):])
        elif arg.startswith("--tail-arg="):
            tail.append(arg[len("--tail-arg="):])
        elif arg not in ("--command", "--relative-dir"):
            files.append(os.path.abspath(arg))
    entries = []
    for f in files:
        args = [compiler, "-std=c++20", "-I", INPUTS] + extra + ["-c", f, "-o", f + ".o"] + tail
        entry = {"directory": "." if relative_dir else build, "file": f}
        if command_form:
            entry["command"] = " ".join(shlex.quote(a) for a in args)
        else:
            entry["arguments"] = args
        entries.append(entry)
    os.makedirs(build, exist_ok=True)
    with open(os.path.join(build, "compile_commands.json"), "w") as out:
        json.dump(entries, out, indent=2)


if __name__ == "__main__":
    main()
