#!/usr/bin/env python3
"""Summarises a bench/realworld.sh run as a Markdown table.

usage: realworld_report.py <work-dir> <triage-file> <scan-seconds>

The triage file holds one verdict per finding:
    <file relative to the work dir's src/>:<line>: <check> TP|FP <why>
Precision is TP / (TP + FP) over the findings of this run. Findings without a
verdict are listed and make the exit status 1.
"""
import collections
import os
import re
import sys

CHECKS = ["coro-lock-across-suspend", "coro-unbounded-channel", "coro-discarded-task",
          "coro-unchecked-spawn", "coro-blocking-call"]
FINDING = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):\d+: warning: .* \[(?P<check>coro-[a-z-]+)\]$")


def tree(path):
    return path.split("/", 1)[0]


def read_triage(path):
    verdicts = {}
    for raw in open(path, encoding="utf-8"):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = re.match(r"^(\S+):(\d+): (coro-[a-z-]+) (TP|FP)\b", line)
        if not m:
            sys.exit(f"bad triage line: {line}")
        verdicts[(m.group(1), int(m.group(2)), m.group(3))] = m.group(4)
    return verdicts


def main():
    work, triage_file, seconds = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3]
    prefix = work.rstrip("/") + "/src/"
    files = [l.split("\t")[0][len(prefix):] for l in open(f"{work}/sources.tsv")]
    coroutines = [l.split(":")[0][len(prefix):] for l in open(f"{work}/coroutines.txt")]
    findings = []
    for l in open(f"{work}/findings.txt"):
        m = FINDING.match(l.rstrip("\n"))
        if m:
            findings.append((m["file"], int(m["line"]), m["check"]))
    verdicts = read_triage(triage_file)

    trees = ["asio", "boost"]
    rows = collections.OrderedDict()
    rows["files"] = collections.Counter(tree(f) for f in files)
    rows["coroutines"] = collections.Counter(tree(f) for f in coroutines)
    for check in CHECKS:
        rows[check] = collections.Counter(tree(f) for f, _, c in findings if c == check)
    rows["true positives"] = collections.Counter(tree(f[0]) for f in findings if verdicts.get(f) == "TP")
    rows["false positives"] = collections.Counter(tree(f[0]) for f in findings if verdicts.get(f) == "FP")

    print(f"| | standalone Asio 1.22 | Boost.Asio 1.81 | total |")
    print(f"|---|---:|---:|---:|")
    for name, counts in rows.items():
        print(f"| {name} | {counts['asio']} | {counts['boost']} | {sum(counts.values())} |")
    tp, fp = sum(rows["true positives"].values()), sum(rows["false positives"].values())
    precision = f"{100 * tp / (tp + fp):.0f}%" if tp + fp else "n/a (no findings)"
    print(f"\nprecision: {precision}; scan wall time: {seconds} s")

    untriaged = [f for f in findings if f not in verdicts]
    if untriaged:
        print(f"\n{len(untriaged)} finding(s) without a verdict in {triage_file}:")
        for f, line, check in untriaged:
            print(f"  {f}:{line}: {check}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
