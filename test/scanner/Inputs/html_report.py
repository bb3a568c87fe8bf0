#!/usr/bin/env python3
"""Checks a corolint HTML report folder and prints what it holds, for FileCheck.

usage: html_report.py REPORT_DIR [--dom DOM_DIR] [--text TEXT_REPORT]

Checks every page (index.html, files/*.html, guide.html, checks/*.html):
- elements are balanced (an unescaped '<' from source or a path would break
  this), and each page has exactly one <script>, inline, and no external
  resource (src= anywhere, <link>, or an href outside the report that is
  not a plain web link);
- every relative href resolves to a page of the report and, with a
  fragment, to an element with that id on it.
Any problem is printed as "ERROR: ..." and makes the exit status 1.

Then prints, for FileCheck:
  index: N findings
  index finding N: CHECK LOCATION steps=S -> HREF
  finding fN CHECK on PAGE: S steps, F fixes[, cite=HREF]
  step fN.K: LOCATION-TEXT | TEXT
  stepnote PAGE: fN.K
  pages: N, links: N, all resolve

With --dom, DOM_DIR holds Chromium's --dump-dom output of the pages
(same relative names, after the script ran); the index's rows are counted
there too, with the text the script writes (the filter status):
  dom index: N rows, status "..."

With --text, TEXT_REPORT is corolint's text output of the same scan: every
finding in it must be on the pages (the DOM's when --dom is given) in the
same order, with its check, location and a step per location (the finding's,
then one per note, with the note's location and text):
  text: N findings, all shown with their steps
"""
import re
import html.parser
import os
import sys
import urllib.parse

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}

errors = []


def error(message):
    errors.append(message)


class Page(html.parser.HTMLParser):
    def __init__(self, name):
        super().__init__(convert_charrefs=True)
        self.name = name
        self.stack = []
        self.ids = set()
        self.hrefs = []
        self.scripts = 0
        self.findings = []      # dicts: id, check, steps, fixes, cite
        self.rows = []          # index rows: check, cells, href
        self.stepnotes = []
        self.status = None
        self._text_target = None
        self._finding = None
        self._step = None
        self._row = None
        self._in_output = False

    # Elements the checks care about, tracked by where they open.
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag not in VOID:
            self.stack.append((tag, classes))
        if "id" in a:
            if a["id"] in self.ids:
                error("%s: duplicate id %r" % (self.name, a["id"]))
            self.ids.add(a["id"])
        if "src" in a:
            error("%s: <%s src=%r>: external resource" % (self.name, tag, a["src"]))
        if tag == "link":
            error("%s: <link>: external resource" % self.name)
        if tag == "script":
            self.scripts += 1
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
        if tag == "section" and "finding" in classes:
            self._finding = {"id": a.get("id"), "check": a.get("data-check"),
                             "steps": [], "fixes": 0, "cite": None, "depth": len(self.stack)}
        if self._finding is not None:
            if tag == "li" and a.get("id", "").startswith(self._finding["id"] + "-s"):
                self._step = {"loc": "", "text": ""}
                self._finding["steps"].append(self._step)
            if tag == "div" and "diff" in classes:
                self._finding["fixes"] += 1
            if tag == "a" and "cite" in classes and self._finding["cite"] is None:
                self._finding["cite"] = a.get("href")
            if tag == "a" and "loc" in classes and self._step is not None:
                self._text_target = "loc"
        if tag == "tr" and "finding-row" in classes:
            self._row = {"check": a.get("data-check"), "cells": [], "href": None}
        if self._row is not None:
            if tag == "td":
                self._row["cells"].append("")
            if tag == "a" and "data-nav" in a:
                self._row["href"] = a.get("href")
        if tag == "a" and "bubble" in classes:
            self.stepnotes.append(a.get("href"))
        if tag == "output" and a.get("id") == "filter-status":
            self._in_output = True
            self.status = ""

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            error("%s: </%s> does not close <%s> (line %d)" % (
                self.name, tag, self.stack[-1][0] if self.stack else "nothing",
                self.getpos()[0]))
            return
        self.stack.pop()
        if tag == "a":
            self._text_target = None
        if tag == "li":
            self._step = None
        if tag == "section" and self._finding is not None and \
                len(self.stack) < self._finding["depth"]:
            self.findings.append(self._finding)
            self._finding = None
        if tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None
        if tag == "output":
            self._in_output = False

    def handle_data(self, data):
        if self._step is not None and self._finding is not None:
            nested_fix = any("fix" in c for _, c in self.stack)
            if self._text_target == "loc":
                self._step["loc"] += data
            elif not nested_fix:
                self._step["text"] += data
        if self._row is not None and self._row["cells"]:
            self._row["cells"][-1] += data
        if self._in_output:
            self.status += data


def parse(root, relative):
    page = Page(relative)
    with open(os.path.join(root, relative), encoding="utf-8") as f:
        page.feed(f.read())
    page.close()
    if page.stack:
        error("%s: unclosed <%s>" % (relative, page.stack[-1][0]))
    return page


def pages_of(root):
    names = []
    for folder, _, files in os.walk(root):
        for f in files:
            if f.endswith(".html"):
                names.append(os.path.relpath(os.path.join(folder, f), root))
    return sorted(names)


def check_links(root, pages):
    count = 0
    for name, page in pages.items():
        for href in page.hrefs:
            parts = urllib.parse.urlsplit(href)
            if parts.scheme in ("http", "https", "mailto"):
                continue
            if parts.scheme or parts.netloc:
                error("%s: href %r leaves the report" % (name, href))
                continue
            count += 1
            target = name if not parts.path else os.path.normpath(
                os.path.join(os.path.dirname(name), urllib.parse.unquote(parts.path)))
            if target not in pages:
                error("%s: href %r: no page %s" % (name, href, target))
                continue
            fragment = urllib.parse.unquote(parts.fragment)
            if fragment and not fragment.startswith("check=") and \
                    fragment not in pages[target].ids:
                error("%s: href %r: no id %r on %s" % (name, href, fragment, target))
    return count


TEXT_LINE = re.compile(r"^(.*):(\d+):(\d+): (warning|error|note): (.*)$")


def text_findings(path):
    """[(check, file, line, column, [(file, line, column, text)])]"""
    findings = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = TEXT_LINE.match(line.rstrip("\n"))
            if not m:
                continue
            where = (m.group(1), m.group(2), m.group(3))
            if m.group(4) == "note":
                findings[-1][2].append(where + (m.group(5),))
            else:
                check = re.search(r" \[([a-z0-9-]+)\]$", m.group(5)).group(1)
                findings.append((check, where, []))
    return findings


def compare_text(path, pages):
    shown = [f for name in sorted(pages) if name.startswith("files/")
             for f in pages[name].findings]
    shown.sort(key=lambda f: int(f["id"][1:]))
    expected = text_findings(path)
    if len(shown) != len(expected):
        error("text report: %d findings, pages: %d" % (len(expected), len(shown)))
    for (check, where, notes), f in zip(expected, shown):
        name = "%s %s:%s" % (check, os.path.basename(where[0]), where[1])
        if f["check"] != check:
            error("%s: shown as %s" % (name, f["check"]))
        locations = [where] + [n[:3] for n in notes]
        if len(f["steps"]) != len(locations):
            error("%s: %d steps, text has %d locations" % (name, len(f["steps"]), len(locations)))
            continue
        for k, (loc, step) in enumerate(zip(locations, f["steps"]), 1):
            wanted = "%s:%s:%s" % (os.path.basename(loc[0]), loc[1], loc[2])
            if not step["loc"].strip().endswith(wanted):
                error("%s: step %d at %r, text says %s" % (name, k, step["loc"], wanted))
            text = " ".join(step["text"].split())
            if k > 1 and text != " ".join(notes[k - 2][3].split()):
                error("%s: step %d says %r, text says %r" % (name, k, text, notes[k - 2][3]))
    print("text: %d findings, %s" % (
        len(expected), "all shown with their steps" if not errors else "MISMATCH"))


def main():
    root = sys.argv[1]
    dom = sys.argv[sys.argv.index("--dom") + 1] if "--dom" in sys.argv else None
    pages = {name: parse(root, name) for name in pages_of(root)}
    for name, page in pages.items():
        if page.scripts != 1:
            error("%s: %d <script> elements, expected 1" % (name, page.scripts))
    links = check_links(root, pages)

    index = pages["index.html"]
    print("index: %d findings" % len(index.rows))
    for row in index.rows:
        cells = [c.strip() for c in row["cells"]]
        print("index finding %s: %s %s steps=%s -> %s" % (
            cells[0], row["check"], cells[1], cells[5], row["href"]))
    for name in sorted(pages):
        for f in pages[name].findings:
            line = "finding %s %s on %s: %d steps, %d fixes" % (
                f["id"], f["check"], name, len(f["steps"]), f["fixes"])
            if f["cite"]:
                line += ", cite=" + f["cite"]
            print(line)
            for k, step in enumerate(f["steps"], 1):
                print("step %s.%d: %s | %s" % (f["id"], k, step["loc"].strip(),
                                               " ".join(step["text"].split())))
        for href in pages[name].stepnotes:
            print("stepnote %s: %s" % (name, href))
    print("pages: %d, links: %d, all resolve" % (len(pages), links)
          if not any("href" in e for e in errors) else "pages: %d, links: %d" % (len(pages), links))

    if dom:
        dom_pages = {name: parse(dom, name) for name in pages_of(dom)}
        page = dom_pages["index.html"]
        print('dom index: %d rows, status "%s"' % (len(page.rows), (page.status or "").strip()))
    if "--text" in sys.argv:
        compare_text(sys.argv[sys.argv.index("--text") + 1], dom_pages if dom else pages)
    for e in errors:
        print("ERROR: " + e)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
