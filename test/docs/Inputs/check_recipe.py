#!/usr/bin/env python3
"""Holds docs/scanner.md's GitHub Actions recipe to what corolint needs.

usage: check_recipe.py SCANNER_MD SETUP_SH COROLINT

Prints one line per fact, "recipe: ok" when all hold (exit 0), else each
problem (exit 1): the recipe installs LLVM 22 from apt.llvm.org and every
package scripts/setup.sh installs to build corolint (its first two lines of
PACKAGES), builds the corolint target, runs the binary it built, and every
flag it passes to corolint is one `corolint --help` lists.
"""
import re
import subprocess
import sys


def recipe(markdown):
    section = markdown.split("### GitHub Actions", 1)[1]
    return re.search(r"```yaml\n(.*?)```", section, re.S).group(1)


def build_packages(setup):
    listed = re.search(r"PACKAGES=\(\n((?:.*\n){2})", setup).group(1)
    return set(listed.split())


def main():
    markdown, setup, corolint = sys.argv[1:]
    text = recipe(open(markdown, encoding="utf-8").read())
    problems = []
    if not re.search(r"apt\.llvm\.org/llvm\.sh", text) or not re.search(r"llvm\.sh 22\b", text):
        problems.append("does not install LLVM 22 from apt.llvm.org")
    installed = set()
    for command in re.findall(r"apt-get install ((?:.*\\\n)*.*)", text):
        installed |= {w for w in command.replace("\\\n", " ").split() if not w.startswith("-")}
    for package in sorted(build_packages(open(setup, encoding="utf-8").read()) - installed):
        problems.append("does not install %s, which scripts/setup.sh builds with" % package)
    if "--target corolint" not in text:
        problems.append("does not build the corolint target")
    scan = re.search(r"corolint-build/bin/corolint ((?:.*\\\n)*.*)", text)
    if not scan:
        problems.append("does not run the corolint it built")
    else:
        usage = subprocess.run([corolint, "--help"], capture_output=True, text=True).stdout
        command = scan.group(1).split("||")[0]  # Not the shell's exit test.
        for flag in re.findall(r"(?<!\S)(--?[a-z][a-z-]*)", command):
            if not re.search(r"^\s+%s[ =]" % re.escape(flag), usage, re.M):
                problems.append("passes %s, which corolint --help does not list" % flag)
    for problem in problems:
        print("recipe: " + problem)
    print("recipe: ok" if not problems else "recipe: %d problems" % len(problems))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
