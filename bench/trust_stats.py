#!/usr/bin/env python3
"""Compares two `whittle batch --format json` reports of the same corpus (before / after): per pass, the files it
rewrites and the findings it reports instead, grouped by reason (numbers, paths, image names and quoted code replaced
by placeholders), and how many first lines are longer than 160 characters.

Usage: bench/trust_stats.py BEFORE.json AFTER.json [TOP]   (TOP reasons per pass, default 6)
"""
import collections
import json
import re
import sys


def reason(message):
    m = re.sub(r"`[^`]*`", "`…`", message)
    m = re.sub(r"\([^()]*\)", "(…)", m)
    m = re.sub(r"\b[a-z0-9.-]+\.[a-z]{2,}/[^\s;,:]*", "IMAGE", m)
    m = re.sub(r"/[^\s;,:)]+", "/…", m)
    m = re.sub(r"\b\d+(\.\d+)*\b", "N", m)
    m = re.sub(r"\b(debian|ubuntu|alpine) [a-z0-9.]+", r"\1 R", m)
    m = re.sub(r"of [a-z0-9./_-]+:[A-Za-z0-9._-]+", "of IMAGE", m)
    m = re.sub(r"installs [A-Za-z0-9._+-]+", "installs PKG", m)
    m = re.sub(r": [a-z0-9.+-]+ is not a package", ": PKG is not a package", m)
    return m[:150]


def load(path):
    rewrites = collections.Counter()       # pass -> files rewritten
    findings = collections.defaultdict(collections.Counter)  # pass -> reason -> findings
    long_lines = collections.Counter()     # pass -> first lines over 160 characters
    summary = None
    with open(path) as f:
        report = json.load(f)
    for entry in report["files"]:
        seen = set()
        for c in entry.get("changes", []):
            p = c["pass"]
            if len(c["message"]) > 160:
                long_lines[p] += 1
            if c["applied"]:
                if p not in seen:
                    rewrites[p] += 1
                    seen.add(p)
            else:
                findings[p][reason(c["message"])] += 1
    summary = report.get("summary")
    return rewrites, findings, long_lines, summary


def main():
    before, after = load(sys.argv[1]), load(sys.argv[2])
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 6
    print("summary before:", before[3])
    print("summary after: ", after[3])
    passes = sorted(set(before[0]) | set(after[0]) | set(before[1]) | set(after[1]))
    print("\n| pass | files rewritten before | after | findings before | after | first lines > 160 chars after |")
    print("|---|---|---|---|---|---|")
    for p in passes:
        print("| %s | %d | %d | %d | %d | %d |" % (p, before[0][p], after[0][p], sum(before[1][p].values()),
                                                 sum(after[1][p].values()), after[2][p]))
    print("\nFindings after, by reason (new reasons marked +):")
    for p in passes:
        if not after[1][p]:
            continue
        print("\n%s (%d)" % (p, sum(after[1][p].values())))
        for r, n in after[1][p].most_common(top):
            print("  %s%6d  %s" % ("+" if r not in before[1][p] else " ", n, r))


if __name__ == "__main__":
    main()
