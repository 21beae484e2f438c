#!/usr/bin/env python3
"""Prints the transfer size of a release build: html + js + wasm + css, raw and gzip (level 9,
as a web server would send them), per file and in all, against the budget of design §6.

    python3 scripts/size_report.py dist            # prints; the test command uses this
    python3 scripts/size_report.py --strict dist   # also fails when over budget

Budgets are checked by the benchmark command and reported in BENCHMARKS.md (design §6), so the
test command prints the figure on every run without failing on it.

It does fail when the wasm holds core's float printing or parsing, found by the first entry of
their tables: the app formats numbers with `domain::format_decimal` and reads them with
`domain::parse_decimal`, and one `format!("{}", some_f64)` or `str::parse::<f64>` brings ~9 KB
gzip of code and tables back (and ran inside the first frame, the last time it happened).
"""
import gzip
import os
import struct
import sys

BUDGET_GZIP_BYTES = 350 * 1024  # ../shared/design.md §6; the aim is 150 KB
KINDS = (".html", ".js", ".wasm", ".css")

args = [a for a in sys.argv[1:] if a != "--strict"]
strict = "--strict" in sys.argv[1:]
dist = args[0] if args else "dist"
rows = []
for name in sorted(os.listdir(dist)):
    # sw.js is fetched by the browser in the background, not for the first render, but it is
    # part of what is transferred, so it counts.
    if name.endswith(KINDS):
        with open(os.path.join(dist, name), "rb") as f:
            data = f.read()
        rows.append((name, len(data), len(gzip.compress(data, compresslevel=9, mtime=0))))
if not rows:
    sys.exit(f"size_report.py: no html/js/wasm/css files in {dist}")

width = max(len(r[0]) for r in rows)
print(f"{'file'.ljust(width)}  {'raw KB':>9}  {'gzip KB':>9}")
for name, raw, gz in rows:
    print(f"{name.ljust(width)}  {raw / 1024:9.1f}  {gz / 1024:9.1f}")
total_raw = sum(r[1] for r in rows)
total_gz = sum(r[2] for r in rows)
print(f"{'total'.ljust(width)}  {total_raw / 1024:9.1f}  {total_gz / 1024:9.1f}")
print(f"budget: {BUDGET_GZIP_BYTES / 1024:.0f} KB gzip (aim 150 KB); "
      f"{'within' if total_gz <= BUDGET_GZIP_BYTES else 'OVER'} budget")

# The first entry of core's Grisu cached powers of ten (float printing: a u64 and two i16) and
# of its table of 128-bit powers of five (float parsing, `dec2flt`), as they lie in the wasm's
# data. Two words each: the first u64 alone is also in the parsing table.
FLOAT_TABLES = {
    "core's float printing (an f64 formatted with {} or {:?}; use domain::format_decimal)":
        struct.pack("<Qhh", 0xE61ACF033D1A45DF, -1087, -308),
    "core's float parsing (str::parse::<f64> or serde reading a float from text; use "
    "domain::parse_decimal)": struct.pack("<QQ", 0xEEF453D6923BD65A, 0x113FAA2906A13B3F),
}
found = []
for name in sorted(os.listdir(dist)):
    if name.endswith(".wasm"):
        with open(os.path.join(dist, name), "rb") as f:
            data = f.read()
        found += [f"{name} holds {what}" for what, table in FLOAT_TABLES.items() if table in data]
for line in found:
    print(f"size_report.py: {line}", file=sys.stderr)
sys.exit(1 if found or (strict and total_gz > BUDGET_GZIP_BYTES) else 0)
