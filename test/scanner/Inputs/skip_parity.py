#!/usr/bin/env python3
"""Scans a corpus with and without skipped function bodies; the findings must
be identical (check, file, line, column, message, and every note's file, line,
column and message), and so must the units that failed.

usage: skip_parity.py WORK COROLINT CHECKS_DIR INPUTS ASIO_FLAGS
                      --examples=DIR ... --asio-example=FILE ...
                      --boost-example=FILE ...

The corpus is copied below WORK (the project root of the scan): every lit
check test of CHECKS_DIR, compiled with the compiler flags and -config of its
first %check_clang_tidy RUN line (the config as a .clang-tidy beside it), the
bundled example projects, and the given Asio and Boost.Asio example programs.
The stand-in headers of INPUTS stay outside the root, so their bodies are
skipped like a third-party library's. Prints one line per corpus part with its
number of findings, then "identical" or the differences (exit 1).
"""
import glob
import json
import os
import re
import shlex
import shutil
import subprocess
import sys


def run_line(text):
    """The first %check_clang_tidy RUN line, continuations joined."""
    lines = [l.split("RUN:", 1)[1] for l in text.splitlines()
             if l.lstrip().startswith("// RUN:")]
    joined, current = [], ""
    for line in lines:
        current += line.rstrip()
        if current.endswith("\\"):
            current = current[:-1] + " "
            continue
        joined.append(current)
        current = ""
    return next((l for l in joined if "%check_clang_tidy" in l), None)


def check_test_entry(source, work, inputs, asio_flags):
    text = open(source, encoding="utf-8").read()
    line = run_line(text)
    if line is None:
        return None
    line = line.replace("%inputs", inputs).replace("%asio_flags", asio_flags)
    words = shlex.split(line)
    rest = words[words.index("--") + 1:] if "--" in words else []
    tidy, flags = (rest[:rest.index("--")], rest[rest.index("--") + 1:]) \
        if "--" in rest else (rest, [])
    name = os.path.splitext(os.path.basename(source))[0]
    folder = os.path.join(work, "checks", name)
    os.makedirs(folder)
    copy = os.path.join(folder, os.path.basename(source))
    shutil.copy(source, copy)
    for arg in tidy:
        if arg.startswith(("-config=", "--config=")):
            with open(os.path.join(folder, ".clang-tidy"), "w") as out:
                out.write(arg.split("=", 1)[1] + "\n")
    return entry(copy, flags)


def entry(source, flags):
    return {"directory": os.path.dirname(source), "file": source,
            "arguments": ["clang++", "-std=c++20"] + flags + ["-c", source]}


def scan(corolint, build, skip):
    out = subprocess.run(
        [corolint, "-p", build, "--no-cache", "--quiet", "--format=json",
         "--skip-bodies=" + ("true" if skip else "false")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if out.returncode not in (0, 1, 2) or not out.stdout:
        sys.exit("scan failed (exit %d): %s" % (out.returncode, out.stderr))
    return json.loads(out.stdout)


def findings(report):
    def note(n):
        return (n.get("path"), n.get("line"), n.get("column"), n.get("message"))
    return sorted((f["check"], f.get("path"), f.get("line"), f.get("column"),
                   f["message"], tuple(note(n) for n in f.get("notes", [])))
                  for f in report["findings"])


def failures(report):
    return sorted(json.dumps(f, sort_keys=True) for f in report["failures"])


def main():
    work, corolint, checks, inputs, asio_flags = sys.argv[1:6]
    options = sys.argv[6:]
    examples = [o.split("=", 1)[1] for o in options if o.startswith("--examples=")]
    asio = [o.split("=", 1)[1] for o in options if o.startswith("--asio-example=")]
    boost = [o.split("=", 1)[1] for o in options if o.startswith("--boost-example=")]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    entries = []
    for source in sorted(glob.glob(os.path.join(checks, "*.cpp"))):
        made = check_test_entry(source, work, inputs, asio_flags)
        if made:
            entries.append(made)
    for folder in examples:
        target = os.path.join(work, "examples", os.path.basename(folder))
        shutil.copytree(folder, target)
        entries += [entry(f, shlex.split(asio_flags))
                    for f in sorted(glob.glob(os.path.join(target, "*.cpp")))]
    for kind, files, flags in (("asio", asio, shlex.split(asio_flags)),
                               ("boost", boost, [])):
        for source in files:
            folder = os.path.join(work, kind,
                                  os.path.basename(os.path.dirname(source)))
            os.makedirs(folder, exist_ok=True)
            copy = os.path.join(folder, os.path.basename(source))
            shutil.copy(source, copy)
            entries.append(entry(copy, flags))
    build = os.path.join(work, "build")
    os.makedirs(build)
    with open(os.path.join(build, "compile_commands.json"), "w") as out:
        json.dump(entries, out, indent=1)

    full, skipped = scan(corolint, build, False), scan(corolint, build, True)
    for part in ("checks", "examples", "asio", "boost"):
        count = sum(1 for f in findings(full)
                    if (f[1] or "").startswith(part + "/"))
        print("%s: %d findings" % (part, count))
    print("units: %d, failed: %d" % (len(entries), len(full["failures"])))
    same = findings(full) == findings(skipped)
    same_failures = failures(full) == failures(skipped)
    if same and same_failures:
        print("identical")
        return
    for label, a, b in (("finding", findings(full), findings(skipped)),
                        ("failure", failures(full), failures(skipped))):
        for item in sorted(set(a) - set(b)):
            print("only without skipping: %s %s" % (label, item))
        for item in sorted(set(b) - set(a)):
            print("only with skipping: %s %s" % (label, item))
    sys.exit(1)


if __name__ == "__main__":
    main()
