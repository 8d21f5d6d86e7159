#!/usr/bin/env python3
"""Print row counts, sizes (raw/gzip/brotli) and write compact.txt and compact_nested.txt (embedding forms).

compact.txt: one line per division, sorted by code, "CODE NAME" (6-digit code, a
space, the full name). Level and parent are implied by the code:
  xx0000 -> level 1; xxyy00 -> level 2 (parent xx0000);
  other  -> level 3, parent xxyy00 if that code exists, else xx0000
  (municipality districts and 省直辖县级 units).
"""
import gzip, os, sys
import brotli  # PyPI "brotli"

D = os.path.dirname(os.path.abspath(__file__))
rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(D, "divisions.tsv"), encoding="utf-8")]
codes = {r[0] for r in rows}
# verify the implied-parent rule reproduces the explicit parent column
for code, name, level, parent in rows:
    if code.endswith("0000"): imp = ("1", "")
    elif code.endswith("00"): imp = ("2", code[:2] + "0000")
    else: imp = ("3", code[:4] + "00" if code[:4] + "00" in codes else code[:2] + "0000")
    assert imp == (level, parent), (code, name, level, parent, imp)
compact = "".join(f"{c} {n}\n" for c, n, _, _ in rows).encode()
names_only = "".join(f"{n}\n" for _, n, _, _ in rows).encode()
# compact_nested.txt: province lines "33浙江省" (2 digits), every other line the last
# 4 code digits + name ("0100杭州市", "0106西湖区"); the province prefix is the last
# 2-digit line seen. Same implied level/parent rule as compact.txt.
nested = "".join((c[:2] if l == "1" else c[2:]) + n + "\n" for c, n, l, _ in rows).encode()
open(os.path.join(D, "compact.txt"), "wb").write(compact)
open(os.path.join(D, "compact_nested.txt"), "wb").write(nested)

def sizes(label, b):
    print(f"{label:34s} raw {len(b):7d}  gzip-9 {len(gzip.compress(b, 9)):6d}  brotli-11 {len(brotli.compress(b, quality=11)):6d}")

lv = {}
for r in rows: lv[r[2]] = lv.get(r[2], 0) + 1
print("rows per level:", dict(sorted(lv.items())), "total", len(rows))
sizes("divisions.tsv", open(os.path.join(D, "divisions.tsv"), "rb").read())
sizes("compact.txt (code name)", compact)
sizes("compact_nested.txt", nested)
sizes("names only (no codes, reference)", names_only)
sizes("divisions_en.tsv", open(os.path.join(D, "divisions_en.tsv"), "rb").read())
sizes("divisions_extra.tsv", open(os.path.join(D, "divisions_extra.tsv"), "rb").read())
