#!/usr/bin/env python3
"""Keeps the checks, their documentation and the guide in step.

Fails when a registered check has no docs/checks/<name>.md page, when a page's
"## Options" section names an option the check does not have (or omits one it
has), when a page does not link the guide section its check cites, and when a
diagnostic's "[guide §N.M]" citation does not resolve to a numbered heading of
docs/guide.md, and when the table of checks (lib/Checks.def) disagrees with the
registered checks, their citations or their pages (summary, fix-its). The
citations are taken from real diagnostics: the trigger file must make every
check warn at least once.
"""
import argparse
import os
import re
import subprocess
import sys

GLOBAL_OPTIONS = {"GuideURL"}
SARIF_PRECISIONS = ("very-high", "high", "medium", "low")


def table_of_checks(def_path):
    """Maps each check of Checks.def to (section, has_fixits, summary), and
    each to its precision."""
    text = open(def_path, encoding="utf-8").read()
    table = {}
    row = re.compile(r'^COROLINT_CHECK\(\s*"([^"]+)",\s*\w+,\s*"([\d.]+)",\s*(true|false),'
                     r'\s*"([^"]*)",\s*"[^"]*",'  # precision, tags
                     r'\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\)', re.M)
    precision = {}
    for name, section, fixits, level, literals in row.findall(text):
        pieces = re.findall(r'"((?:[^"\\]|\\.)*)"', literals)
        summary = "".join(pieces).replace('\\"', '"').replace("\\\\", "\\")
        table[name] = (section, fixits == "true", summary)
        precision[name] = level
    return table, precision


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
    parser.add_argument("--checks-def", required=True)
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
    table, precision = table_of_checks(args.checks_def)
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(args.checks_def)),
                                    os.pardir, "tools", "corolint"))
    from gen_check_docs import first_paragraph, first_sentence, how_to_fix

    for name in sorted(set(table) - set(checks)):
        problems.append("%s: in Checks.def but not registered" % name)

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
        if not how_to_fix(page):
            problems.append("%s: page has no '## How to fix' section (SARIF's rule help)" % check)
        if check not in page.split("\n", 1)[0]:
            problems.append("%s: page title does not name the check" % check)
        if check not in table:
            problems.append("%s: registered but not in Checks.def" % check)
            continue
        section, has_fixits, summary = table[check]
        if precision[check] not in SARIF_PRECISIONS:
            problems.append("%s: Checks.def precision '%s' is not one of SARIF's %s"
                            % (check, precision[check], ", ".join(SARIF_PRECISIONS)))
        for other in sorted(cited.get(check, set()) - {section}):
            problems.append("%s: Checks.def says §%s, its diagnostics cite §%s"
                            % (check, section, other))
        if summary != first_sentence(first_paragraph(page)):
            problems.append("%s: Checks.def summary is not the first sentence of its page"
                            % check)
        documents_fixits = re.search(r"^## .*fix-its", page, re.M | re.I) is not None
        if has_fixits != documents_fixits:
            problems.append("%s: Checks.def says fix-its %s, its page %s a fix-its section"
                            % (check, "yes" if has_fixits else "no",
                               "has" if documents_fixits else "lacks"))

    for problem in problems:
        print("check_docs: " + problem)
    print("check_docs: %d checks, %d guide sections, %d problems"
          % (len(checks), len(sections), len(problems)))
    sys.exit(1 if problems or not checks else 0)


if __name__ == "__main__":
    main()
