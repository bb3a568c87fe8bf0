#!/usr/bin/env python3
"""Runs a scan as N shards and merges them into every report format.

usage: shard_merge.py COROLINT BUILD_DIR FULL_PREFIX N...

For each N: `corolint --shard=I/N` for I = 1..N into FULL_PREFIX's folder
shards-N/I.json, then `corolint merge` of those files (listed in reverse
order: the order must not matter) writing text, JSON, SARIF and HTML; each
must be byte-identical to FULL_PREFIX.txt, .json, .sarif and the files of
FULL_PREFIX.html/, and exit with the status the full scan had (2).
"""
import filecmp
import os
import subprocess
import sys


def run(args, expected):
    status = subprocess.call(args, stderr=subprocess.DEVNULL)
    if status != expected:
        sys.exit("%r exited with %d, expected %d" % (args, status, expected))


def same_tree(a, b):
    """Every file of the two folders, compared byte for byte."""
    names = sorted(os.path.relpath(os.path.join(d, f), a)
                   for d, _, files in os.walk(a) for f in files)
    other = sorted(os.path.relpath(os.path.join(d, f), b)
                   for d, _, files in os.walk(b) for f in files)
    if names != other:
        return "files differ: %r" % sorted(set(names) ^ set(other))
    for name in names:
        if not filecmp.cmp(os.path.join(a, name), os.path.join(b, name), shallow=False):
            return name + " differs"
    return None


def main():
    corolint, build, full, counts = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    root = os.path.dirname(full)
    for n in map(int, counts):
        folder = os.path.join(root, "shards-%d" % n)
        os.makedirs(folder, exist_ok=True)
        results = []
        for i in range(1, n + 1):
            result = os.path.join(folder, "%d.json" % i)
            run([corolint, "-p", build, "--no-cache", "--quiet",
                 "--shard=%d/%d" % (i, n), "-o", result], 0)
            results.append(result)
        results.reverse()
        for fmt, suffix in (("text", ".txt"), ("json", ".json"), ("sarif", ".sarif"),
                            ("html", ".html")):
            merged = os.path.join(folder, "merged" + suffix)
            run([corolint, "merge", *results, "--quiet", "--format=" + fmt, "-o", merged], 2)
            if fmt == "html":
                problem = same_tree(full + suffix, merged)
            else:
                problem = None if filecmp.cmp(full + suffix, merged, shallow=False) \
                    else "differs"
            if problem:
                sys.exit("N=%d, %s: merged report %s from the full scan's" % (n, fmt, problem))
        print("N=%d: text, JSON, SARIF and HTML identical" % n)


if __name__ == "__main__":
    main()
