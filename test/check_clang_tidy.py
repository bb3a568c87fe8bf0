#!/usr/bin/env python3
"""Runs one lit test through clang-tidy-22 with the corolint plugin loaded and
checks the result with FileCheck, the way clang-tidy's own check_clang_tidy.py
does upstream (that script is not shipped by Debian).

Usage:
  check_clang_tidy.py [options] <source> <checks> <temp> [-- <clang-tidy args> [-- <compiler args>]]

Prefixes read from the source: CHECK-MESSAGES, CHECK-NOTES, CHECK-FIXES, each
optionally with a -SUFFIX chosen by -check-suffix (-check-suffixes=A,B checks
CHECK-MESSAGES-A and CHECK-MESSAGES-B together, as upstream). CHECK-MESSAGES forbids any
warning or error it does not name; CHECK-NOTES forbids unnamed notes as well.
A source with none of them is a negative test: any diagnostic of a corolint
check fails it, so a negative test can fail too.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys


def fail(message):
    sys.exit("check_clang_tidy: " + message)


def run(args, **kwargs):
    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, errors="replace", **kwargs)


def filecheck(filecheck_bin, source, text, prefixes, implicit_not, label):
    prefix = ",".join(prefixes)
    args = [filecheck_bin, source, "-input-file=-", "-check-prefixes=" + prefix,
            "-strict-whitespace", "-dump-input=never"]
    if implicit_not:
        args.append("-implicit-check-not=" + implicit_not)
    result = subprocess.run(args, input=text, text=True, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    if result.returncode != 0:
        print("------ %s ------" % label)
        print(text)
        print("------ FileCheck ------")
        print(result.stdout)
        fail("FileCheck failed for " + prefix)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--plugin", required=True)
    parser.add_argument("--filecheck", required=True)
    parser.add_argument("-check-suffix", "-check-suffixes", default="")
    parser.add_argument("-fix-notes", action="store_true",
                        help="apply the fix-its attached to notes (what an editor offers)")
    parser.add_argument("-expect-clang-tidy-error", action="store_true")
    parser.add_argument("source")
    parser.add_argument("checks")
    parser.add_argument("temp")
    argv = sys.argv[1:]
    rest = []
    if "--" in argv:
        cut = argv.index("--")
        argv, rest = argv[:cut], argv[cut + 1:]
    args = parser.parse_args(argv)

    tidy_args, compiler_args = rest, []
    if "--" in rest:
        cut = rest.index("--")
        tidy_args, compiler_args = rest[:cut], rest[cut + 1:]

    suffixes = ["-" + s.strip().upper() for s in args.check_suffix.split(",") if s.strip()]
    suffixes = suffixes or [""]
    with open(args.source, encoding="utf-8") as f:
        text = f.read()

    def present(prefix):
        return re.search(r"\b" + re.escape(prefix) + r"(-NEXT|-SAME|-NOT|-DAG|-LABEL|-EMPTY)?:",
                         text) is not None

    # Per kind, the prefixes of the asked suffixes that the source uses.
    messages, notes, fixes = ([kind + suffix for suffix in suffixes if present(kind + suffix)]
                              for kind in ("CHECK-MESSAGES", "CHECK-NOTES", "CHECK-FIXES"))
    for suffix in suffixes:
        if present("CHECK-MESSAGES" + suffix) and present("CHECK-NOTES" + suffix):
            fail("use either CHECK-MESSAGES%s or CHECK-NOTES%s, not both" % (suffix, suffix))
    has = {"messages": bool(messages), "notes": bool(notes), "fixes": bool(fixes)}

    extension = os.path.splitext(args.source)[1] or ".cpp"
    temp_source = args.temp + extension
    os.makedirs(os.path.dirname(os.path.abspath(temp_source)), exist_ok=True)
    # Blank the check lines (keeping line numbers) so fixes apply to code only.
    cleaned = re.sub(r"//\s*CHECK-[A-Z0-9\-]*:[^\r\n]*", "//", text)
    with open(temp_source, "w", encoding="utf-8") as f:
        f.write(cleaned)

    command = [args.clang_tidy, "-load=" + args.plugin, temp_source,
               "-checks=-*," + args.checks, "--header-filter=.*"]
    command.append("--fix-notes" if args.fix_notes else "--fix")
    if args.expect_clang_tidy_error:
        command.append("--fix-errors")
    if not any(a.startswith(("-config", "--config")) for a in tidy_args):
        command.append("--config={}")  # Never pick up the project's own .clang-tidy.
    command += tidy_args
    command += ["--", "-std=c++20"] + compiler_args
    result = run(command)
    output = result.stdout
    if args.expect_clang_tidy_error:
        if result.returncode == 0 and "[clang-diagnostic-error]" not in output:
            print(output)
            fail("expected clang-tidy to report a compile error")
    elif result.returncode != 0:
        print(" ".join(command))
        print(output)
        fail("clang-tidy exited with %d" % result.returncode)

    if has["messages"]:
        filecheck(args.filecheck, args.source, output, messages,
                  "{{warning|error}}:", "clang-tidy output")
    if has["notes"]:
        filecheck(args.filecheck, args.source, output, notes,
                  "{{note|warning|error}}:", "clang-tidy output")
    if has["fixes"]:
        with open(temp_source, encoding="utf-8") as f:
            fixed = f.read()
        filecheck(args.filecheck, args.source, fixed, fixes, None, "fixed file")
    if not (has["messages"] or has["notes"]):
        findings = [line for line in output.splitlines()
                    if re.search(r"(warning|error): .*\[coro-[a-z-]+(,[^\]]*)?\]$", line)]
        if findings:
            print(output)
            fail("negative test produced %d corolint diagnostic(s)" % len(findings))
        if not args.expect_clang_tidy_error and re.search(r"\berror: ", output):
            print(output)
            fail("negative test did not compile cleanly")


if __name__ == "__main__":
    main()
