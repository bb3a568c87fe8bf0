#!/usr/bin/env python3
"""Checks a corolint SARIF log for the fields code-scanning services need.

usage: validate_sarif.py LOG.sarif [--expect-results=N] [--expect-fixes]
                         [--expect-related] [--help-uri-prefix=P | --no-help-uri]

Prints "SARIF OK: <results> results, <rules> rules" or the first problem
(exit 1). Checks SARIF 2.1.0 structure, rules (id, descriptions that end
with a full sentence, help as text and Markdown naming the guide section,
tags and precision, helpUri absolute or absent),
results (ruleId/ruleIndex agreement, level, message, relative locations
based on %SRCROOT%, partialFingerprints), relatedLocations and fixes.
"""
import json
import re
import sys


class Invalid(Exception):
    pass


def need(cond, what):
    if not cond:
        raise Invalid(what)


def text_of(obj, where):
    need(isinstance(obj, dict) and isinstance(obj.get("text"), str) and obj["text"],
         where + " needs a non-empty {text}")


def check_region(region, where, full=False):
    need(isinstance(region, dict), where + ": region missing")
    need(isinstance(region.get("startLine"), int) and region["startLine"] >= 1,
         where + ": startLine >= 1")
    need(isinstance(region.get("startColumn"), int) and region["startColumn"] >= 1,
         where + ": startColumn >= 1")
    if full:
        need(isinstance(region.get("endLine"), int), where + ": endLine")
        need(isinstance(region.get("endColumn"), int), where + ": endColumn")


def check_artifact(loc, bases, where):
    need(isinstance(loc, dict) and isinstance(loc.get("uri"), str), where + ": artifactLocation.uri")
    uri = loc["uri"]
    need(" " not in uri and '"' not in uri, where + ": uri not encoded: " + uri)
    if "uriBaseId" in loc:
        need(loc["uriBaseId"] in bases, where + ": unknown uriBaseId " + loc["uriBaseId"])
        need(not uri.startswith("/") and "://" not in uri, where + ": relative uri expected")
    else:
        need(uri.startswith("file://"), where + ": absolute uri expected without uriBaseId")


def check_physical(loc, bases, where):
    need(isinstance(loc, dict), where + ": physicalLocation missing")
    check_artifact(loc.get("artifactLocation"), bases, where)
    check_region(loc.get("region"), where)


def validate(log, opts):
    need(log.get("version") == "2.1.0", "version must be 2.1.0")
    need("$schema" in log, "$schema missing")
    runs = log.get("runs")
    need(isinstance(runs, list) and len(runs) == 1, "exactly one run")
    run = runs[0]
    driver = run.get("tool", {}).get("driver", {})
    need(driver.get("name") == "corolint", "tool.driver.name")
    need(isinstance(driver.get("version"), str), "tool.driver.version")
    rules = driver.get("rules")
    need(isinstance(rules, list) and rules, "tool.driver.rules")
    for i, rule in enumerate(rules):
        where = "rules[%d]" % i
        need(isinstance(rule.get("id"), str) and rule["id"], where + ".id")
        text_of(rule.get("shortDescription"), where + ".shortDescription")
        text_of(rule.get("fullDescription"), where + ".fullDescription")
        need(rule["fullDescription"]["text"].endswith((".", "!", "?")),
             where + ".fullDescription is cut mid-sentence")
        help = rule.get("help")
        text_of(help, where + ".help")
        need(isinstance(help.get("markdown"), str) and help["markdown"], where + ".help.markdown")
        for form in ("text", "markdown"):
            need("How to fix" in help[form] and "guide §" in help[form],
                 where + ".help.%s needs how to fix and the guide section" % form)
        props = rule.get("properties", {})
        need(isinstance(props.get("tags"), list) and props["tags"]
             and all(isinstance(t, str) and t for t in props["tags"]), where + ".properties.tags")
        need(props.get("precision") in ("very-high", "high", "medium", "low"),
             where + ".properties.precision")
        uri = rule.get("helpUri")
        if "help_uri_prefix" in opts:
            need(isinstance(uri, str) and uri.startswith(opts["help_uri_prefix"]),
                 where + ".helpUri %r lacks prefix %r" % (uri, opts["help_uri_prefix"]))
        elif uri is not None:
            need(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", uri), where + ".helpUri %r is relative" % uri)
        if opts.get("no_help_uri"):
            need(uri is None, where + ".helpUri %r where none was expected" % uri)
    bases = run.get("originalUriBaseIds")
    need(isinstance(bases, dict) and "%SRCROOT%" in bases, "originalUriBaseIds.%SRCROOT%")
    root = bases["%SRCROOT%"].get("uri", "")
    need(root.startswith("file:///") and root.endswith("/"), "%SRCROOT% must be a file:// folder URI")
    results = run.get("results")
    need(isinstance(results, list), "results")
    fixes = related = 0
    fingerprints = set()
    for i, res in enumerate(results):
        where = "results[%d]" % i
        need(isinstance(res.get("ruleId"), str), where + ".ruleId")
        idx = res.get("ruleIndex")
        need(isinstance(idx, int) and 0 <= idx < len(rules) and rules[idx]["id"] == res["ruleId"],
             where + ": ruleIndex must name the rule of ruleId")
        need(res.get("level") in ("warning", "error", "note"), where + ".level")
        text_of(res.get("message"), where + ".message")
        locs = res.get("locations")
        need(isinstance(locs, list) and len(locs) == 1, where + ".locations")
        check_physical(locs[0].get("physicalLocation"), bases, where + ".locations[0]")
        fp = res.get("partialFingerprints")
        need(isinstance(fp, dict) and fp, where + ".partialFingerprints")
        for value in fp.values():
            need(value not in fingerprints, where + ": duplicate fingerprint")
            fingerprints.add(value)
        for j, rel in enumerate(res.get("relatedLocations", [])):
            related += 1
            need(isinstance(rel.get("id"), int), where + ".relatedLocations[%d].id" % j)
            text_of(rel.get("message"), where + ".relatedLocations[%d].message" % j)
            check_physical(rel.get("physicalLocation"), bases, where + ".relatedLocations[%d]" % j)
        for j, fix in enumerate(res.get("fixes", [])):
            fixes += 1
            fw = where + ".fixes[%d]" % j
            text_of(fix.get("description"), fw + ".description")
            changes = fix.get("artifactChanges")
            need(isinstance(changes, list) and changes, fw + ".artifactChanges")
            for change in changes:
                check_artifact(change.get("artifactLocation"), bases, fw)
                reps = change.get("replacements")
                need(isinstance(reps, list) and reps, fw + ".replacements")
                for rep in reps:
                    check_region(rep.get("deletedRegion"), fw + ".deletedRegion", full=True)
                    ins = rep.get("insertedContent")
                    need(isinstance(ins, dict) and isinstance(ins.get("text"), str),
                         fw + ".insertedContent.text")
    invocations = run.get("invocations")
    need(isinstance(invocations, list) and len(invocations) == 1
         and isinstance(invocations[0].get("executionSuccessful"), bool),
         "invocations[0].executionSuccessful")
    if "results" in opts:
        need(len(results) == opts["results"], "expected %d results, got %d" % (opts["results"], len(results)))
    if opts.get("fixes"):
        need(fixes > 0, "expected fixes")
    if opts.get("related"):
        need(related > 0, "expected relatedLocations")
    return len(results), len(rules)


def main():
    opts = {}
    for arg in sys.argv[2:]:
        if arg.startswith("--expect-results="):
            opts["results"] = int(arg.split("=", 1)[1])
        elif arg == "--expect-fixes":
            opts["fixes"] = True
        elif arg == "--expect-related":
            opts["related"] = True
        elif arg == "--no-help-uri":
            opts["no_help_uri"] = True
        elif arg.startswith("--help-uri-prefix="):
            opts["help_uri_prefix"] = arg.split("=", 1)[1]
    with open(sys.argv[1], encoding="utf-8") as f:
        log = json.load(f)
    try:
        results, rules = validate(log, opts)
    except Invalid as problem:
        print("SARIF INVALID: %s" % problem)
        sys.exit(1)
    print("SARIF OK: %d results, %d rules" % (results, rules))


if __name__ == "__main__":
    main()
