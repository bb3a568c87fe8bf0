#!/usr/bin/env python3
"""Compares the scanner's JSON report with what lsp_client.py printed for the
same file: the same findings (check, line, column, message) and, for every
note the editor shows as related information, the same note in the scanner's
finding (clangd capitalises a note's first letter and turns notes that carry
a fix-it into code actions, so those are matched loosely or not at all).

usage: editor_parity.py SCANNER_JSON LSP_OUTPUT MAIN_FILE
Prints "parity: N findings" and exits 0 when both agree, else prints each
difference and exits 1.
"""
import json
import os
import re
import sys

DIAGNOSTIC = re.compile(r"diagnostic: (\S+) (\d+):(\d+) (\w+) (.*?)( \(fix available\))?$")
# lsp_client.py names the file of a note outside the document.
RELATED = re.compile(r"related: (?:([^\s:]+):)?(\d+):(\d+) (.*)$")


def editor_findings(path):
    findings = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if match := DIAGNOSTIC.match(line):
            check, row, col, _, message, _ = match.groups()
            findings.append({"key": (check, int(row), int(col), message), "related": []})
        elif (match := RELATED.match(line)) and findings:
            name, row, col, message = match.groups()
            findings[-1]["related"].append((name, int(row), int(col), message))
    return findings


def uncapitalised(text):
    return text[:1].lower() + text[1:]


def main():
    report, editor_output, main_file = sys.argv[1:]
    scanner = {}
    for finding in json.load(open(report, encoding="utf-8"))["findings"]:
        if finding["file"] != main_file:
            continue
        key = (finding["check"], finding["line"], finding["column"], finding["message"])
        scanner[key] = {(None if note["file"] == main_file else os.path.basename(note["file"]),
                         note["line"], note["column"], uncapitalised(note["message"]))
                        for note in finding["notes"]}
    editor = editor_findings(editor_output)
    problems = []
    for key in sorted(set(scanner) - {f["key"] for f in editor}):
        problems.append("only the scanner reports %s" % (key,))
    for finding in editor:
        key = finding["key"]
        if key not in scanner:
            problems.append("only the editor reports %s" % (key,))
            continue
        for name, row, col, message in finding["related"]:
            if (name, row, col, uncapitalised(message)) not in scanner[key]:
                problems.append("note %s:%d:%d %r of %s is not the scanner's"
                                % (name or "", row, col, message, key))
    for problem in problems:
        print(problem)
    if not scanner:
        problems.append("the scanner reports nothing: the comparison would be empty")
        print(problems[-1])
    print("parity: %d findings" % len(scanner))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
