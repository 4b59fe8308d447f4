#!/usr/bin/env python3
"""The numbers docs/conformance.md states must be the suite's: the total and
per-kind case counts, every group's and every case range's count (checked
against `vireo-conform --list`), case numbers used once each, and the
deviation counts (checked against the entries of the deviation file).

usage: check_docs.py VIREO-CONFORM DOCS/CONFORMANCE.MD LIBVIRT-DEVIATIONS.MD
Prints TAP.
"""
import re
import subprocess
import sys

results = []


def check(ok, name, detail=""):
    results.append((bool(ok), name, detail))


def listed_cases(conform):
    out = subprocess.run([conform, "--list"], check=True, capture_output=True,
                         text=True).stdout
    cases = []
    for line in out.splitlines():
        name, group = line.split()[:2]
        kind, rest = name.split("/", 1)
        cases.append((kind, int(rest.split("-", 1)[0]), name, group))
    return cases


def doc_tables(text):
    """{kind: (stated total, [(first cell, count), ...])} from the
    "### kind (N...)" sections."""
    tables = {}
    for m in re.finditer(r"^### (\w+) \((\d+)[^)]*\)\n(.*?)(?=^#)", text, re.M | re.S):
        rows = []
        for row in re.findall(r"^\|([^|]+)\|\s*(\d+)\s*\|", m.group(3), re.M):
            rows.append((row[0].strip(), int(row[1])))
        tables[m.group(1)] = (int(m.group(2)), rows)
    return tables


def check_counts(cases, text):
    kinds = {}
    for kind, _, _, _ in cases:
        kinds[kind] = kinds.get(kind, 0) + 1
    m = re.search(r"^(\d+) cases: (.*)\.$", text, re.M)
    check(m and int(m.group(1)) == len(cases),
          "docs state the total number of cases",
          f"docs: {m and m.group(1)}, --list: {len(cases)}")
    stated = {k: int(n) for n, k in re.findall(r"(\d+) (\w+)", m.group(2) if m else "")}
    check(stated == kinds, "docs state the number of cases of each kind",
          f"docs: {stated}, --list: {kinds}")
    for kind, (total, rows) in sorted(doc_tables(text).items()):
        mine = [c for c in cases if c[0] == kind]
        check(total == len(mine) == sum(n for _, n in rows),
              f"{kind}: the heading and the table rows add up to the cases listed",
              f"heading {total}, rows {sum(n for _, n in rows)}, --list {len(mine)}")
        for first, count in rows:
            rng = re.match(r"(\d+)(?:-(\d+))?\s", first + " ")
            if rng:
                lo, hi = int(rng.group(1)), int(rng.group(2) or rng.group(1))
                got = sum(1 for c in mine if lo <= c[1] <= hi)
            else:
                got = sum(1 for c in mine if c[3] == first)
            check(got == count, f"{kind}: row '{first}' counts {count} cases",
                  f"--list has {got}")


def check_unique(cases):
    seen = {}
    dups = []
    for kind, num, name, _ in cases:
        key = (kind, num)
        if key in seen:
            dups.append(f"{seen[key]} and {name}")
        seen[key] = name
    check(not dups, "every case number is used by one case", "; ".join(dups))


def check_deviations(text, devtext):
    entries = re.findall(r"^## `?(\w+)/[^\s`]+", devtext, re.M)
    expects = re.findall(r"^expect: ", devtext, re.M)
    check(len(entries) == len(expects), "each deviation entry has its expect: line",
          f"{len(entries)} entries, {len(expects)} expect: lines")
    by_kind = {}
    for kind in entries:
        by_kind[kind] = by_kind.get(kind, 0) + 1
    m = re.search(r"^Documented deviations: \*\*(\d+)\*\* \(([^)]*)\)", devtext, re.M)
    stated = {k: int(n) for n, k in re.findall(r"(\d+) (\w+)", m.group(2))} if m else None
    check(m and int(m.group(1)) == len(entries) and stated == by_kind,
          "the deviation file states its own entry count per kind",
          f"stated {m and m.group(0)}, entries {by_kind}")
    m = re.search(r"There are \*\*(\d+) documented deviations\*\*", text)
    check(m and int(m.group(1)) == len(entries),
          "docs/conformance.md states the number of deviation entries",
          f"docs: {m and m.group(1)}, file: {len(entries)}")
    m = re.search(r"^PASS: \d+ cases against test:///default: .* (\d+) documented "
                  r"deviations$", text, re.M)
    check(m and int(m.group(1)) == len(entries),
          "the example libvirt summary in the docs shows that number",
          f"docs: {m and m.group(1)}, file: {len(entries)}")


def main():
    conform, doc, dev = sys.argv[1:4]
    text = open(doc, encoding="utf-8").read()
    devtext = open(dev, encoding="utf-8").read()
    cases = listed_cases(conform)
    check_counts(cases, text)
    check_unique(cases)
    check_deviations(text, devtext)
    print(f"1..{len(results)}")
    for i, (ok, name, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {name}")
        if not ok and detail:
            print(f"# {detail}")
    return 0 if all(ok for ok, _, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
