#!/usr/bin/env python3
"""Keeps the checks, their documentation and the guide in step.

Fails when a registered check has no docs/checks/<name>.md page, when a page's
"## Options" section names an option the check does not have (or omits one it
has), when a page does not link the guide section its check cites, and when a
diagnostic's "[guide §N.M]" citation does not resolve to a numbered heading of
docs/guide.md. The citations are taken from real diagnostics: the trigger file
must make every check warn at least once.
"""
import argparse
import os
import re
import subprocess
import sys

GLOBAL_OPTIONS = {"GuideURL"}


def guide_sections(guide_path):
    """Maps "3.2" to its heading, requiring the <a id="s3.2"> anchor before it."""
    sections = {}
    lines = open(guide_path, encoding="utf-8").read().splitlines()
    for previous, line in zip([""] + lines, lines):
        heading = re.match(r"^#{2,4} (\d+(?:\.\d+)*) (.+)$", line)
        if heading and previous.strip() == '<a id="s%s"></a>' % heading.group(1):
            sections[heading.group(1)] = heading.group(2)
    return sections


def registered_checks(tidy, plugin):
    out = subprocess.run([tidy, "-load=" + plugin, "-checks=-*,coro-*", "--list-checks"],
                         capture_output=True, text=True, check=True).stdout
    return sorted(set(re.findall(r"^\s+(coro-[a-z-]+)$", out, re.M)))


def stored_options(tidy, plugin):
    out = subprocess.run([tidy, "-load=" + plugin, "-checks=-*,coro-*", "--dump-config"],
                         capture_output=True, text=True, check=True).stdout
    options = {}
    for check, option in re.findall(r"^\s+(coro-[a-z-]+)\.(\w+):", out, re.M):
        options.setdefault(check, set()).add(option)
    return options


def documented_options(page_text):
    section = re.search(r"^## Options\s*$(.*?)(?=^## |\Z)", page_text, re.M | re.S)
    if not section:
        return set()
    return set(re.findall(r"^### (\w+)\s*$", section.group(1), re.M))


def cited_sections(tidy, plugin, trigger, compiler_args):
    out = subprocess.run([tidy, "-load=" + plugin, "-checks=-*,coro-*", "--config={}", trigger, "--"]
                         + compiler_args, capture_output=True, text=True).stdout
    cited = {}
    for section, check in re.findall(r"warning: .*\[guide §([\d.]+)[^\]]*\] \[(coro-[a-z-]+)\]$",
                                     out, re.M):
        cited.setdefault(check, set()).add(section)
    return cited


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--plugin", required=True)
    parser.add_argument("--docs", required=True)
    parser.add_argument("--trigger", required=True)
    argv = sys.argv[1:]
    compiler_args = []
    if "--" in argv:
        compiler_args = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    args = parser.parse_args(argv)

    problems = []
    sections = guide_sections(os.path.join(args.docs, "guide.md"))
    if not sections:
        problems.append("docs/guide.md has no anchored numbered headings")
    checks = registered_checks(args.clang_tidy, args.plugin)
    options = stored_options(args.clang_tidy, args.plugin)
    cited = cited_sections(args.clang_tidy, args.plugin, args.trigger, compiler_args)

    for check in checks:
        page_path = os.path.join(args.docs, "checks", check + ".md")
        if not os.path.exists(page_path):
            problems.append("%s: no documentation page %s" % (check, page_path))
            continue
        page = open(page_path, encoding="utf-8").read()
        documented = documented_options(page)
        real = options.get(check, set()) - GLOBAL_OPTIONS
        for name in sorted(documented - real):
            problems.append("%s: page documents option '%s' the check does not have" % (check, name))
        for name in sorted(real - documented):
            problems.append("%s: option '%s' is not documented under '## Options'" % (check, name))
        if check not in cited:
            problems.append("%s: the trigger file produced no warning, citation untested" % check)
        for section in sorted(cited.get(check, ())):
            if section not in sections:
                problems.append("%s: cites [guide §%s], which is not a heading of docs/guide.md"
                                % (check, section))
            if "guide.md#s%s" % section not in page:
                problems.append("%s: page does not link the cited section guide.md#s%s"
                                % (check, section))
        if check not in page.split("\n", 1)[0]:
            problems.append("%s: page title does not name the check" % check)

    for problem in problems:
        print("check_docs: " + problem)
    print("check_docs: %d checks, %d guide sections, %d problems"
          % (len(checks), len(sections), len(problems)))
    sys.exit(1 if problems or not checks else 0)


if __name__ == "__main__":
    main()
