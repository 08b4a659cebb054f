#!/usr/bin/env python3
"""Prints the figures of the code's shape: files and median lines per file for each feature in
each crate, the API endpoints and the places one is written, raw SQL writes in the API tests, and
`clock` reads outside the clock. Run from the repository root: `scripts/layout-report.py [ROOT]`.
Works on older layouts too (it counts by feature names in paths), so a before/after comparison
runs the same script on two checkouts."""

import os
import re
import statistics
import sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else "."
FEATURES = {
    "homes": ["home", "district", "geo", "hours", "maplinks", "query", "search", "register", "map"],
    "meetings": ["activit", "booking", "reception", "calendar", "qr", "duty", "meeting", "roster"],
    "opinions": ["opinion", "moderation", "board", "stats", "units", "unit_", "holiday", "workday",
                 "similarity", "due", "photo", "queue", "bulk", "delegate_opinions", "bar_chart",
                 "staff_queue", "staff_opinion", "chain", "near_dup", "audit"],
    "accounts": ["account", "session", "sign_in", "staff_gate", "auth", "password", "home_picker"],
}
CRATES = {"api": "api/src", "server": "server/src", "browser": "src"}


def rust_files(folder):
    base = os.path.join(ROOT, folder)
    for dirpath, _, names in os.walk(base):
        for name in names:
            if name.endswith(".rs"):
                path = os.path.join(dirpath, name)
                yield os.path.relpath(path, base), path


def feature_of(rel, by_folder):
    first = rel.split("/")[0]
    if by_folder:
        return first if first in FEATURES else "shared"
    for feature, words in FEATURES.items():
        if any(w in rel for w in words):
            return feature
    return "shared"


def lines(path):
    with open(path, encoding="utf-8") as f:
        return sum(1 for _ in f)


print("files and median lines per file, per feature and crate:")
for crate, folder in CRATES.items():
    groups = {}
    # A tree laid out by feature is counted by its folders; an older one by words in file names.
    by_folder = os.path.isdir(os.path.join(ROOT, folder, "homes"))
    for rel, path in rust_files(folder):
        groups.setdefault(feature_of(rel, by_folder), []).append((rel, lines(path)))
    for feature in sorted(groups):
        files = groups[feature]
        folders = sorted({os.path.dirname(r) or "." for r, _ in files})
        print(
            f"  {crate:8} {feature:9} {len(files):3} files, median "
            f"{statistics.median(n for _, n in files):5.0f} lines, in {len(folders)} folders"
        )

server = os.path.join(ROOT, "server/src")
annotations = 0
listed = 0
registered = 0
for rel, path in rust_files("server/src"):
    text = open(path, encoding="utf-8").read()
    annotations += len(re.findall(r"#\[utoipa::path\(", text))
    registered += len(re.findall(r"\.route\(\s*\"/", text))
    listed_block = re.search(r"paths\((.*?)\)\s*\)\]", text, re.S)
    if listed_block:
        listed += len([p for p in listed_block.group(1).split(",") if p.strip()])
print(f"endpoints annotated: {annotations}; also listed in an OpenAPI paths(...): {listed}; "
      f"routes added by hand (not from an annotation): {registered}")

sql_writes = 0
for rel, path in rust_files("server/tests"):
    text = open(path, encoding="utf-8").read()
    sql_writes += len(re.findall(r"UPDATE [a-z_]+ SET|INSERT INTO|DELETE FROM", text))
print(f"raw SQL writes in the server's tests: {sql_writes}")

clock_reads = 0
for rel, path in rust_files("server/src"):
    if rel.endswith("clock.rs"):
        continue
    clock_reads += len(re.findall(r"(?<![.\w])now_ms\(\)", open(path, encoding="utf-8").read()))
print(f"reads of a global clock in the server (now_ms()): {clock_reads}")
