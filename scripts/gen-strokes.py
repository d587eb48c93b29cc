#!/usr/bin/env python3
"""Generates src/content/strokes.tsv, the table laurel's 笔画 order reads.

Usage: scripts/gen-strokes.py UNIHAN_IRG_SOURCES CNCHAR_ORDER_JS > src/content/strokes.tsv

- Stroke counts: kTotalStrokes from Unicode's Unihan database (Unihan_IRGSources.txt, Unicode
  15.0; Debian package `unicode-data`: /usr/share/unicode/Unihan_IRGSources.txt.bz2), the first
  value where two are given (the first is the count for zh-Hans). Licence: Unicode License v3.
- Stroke forms: the stroke order of 6,939 characters in cnchar-order 3.2.6 (npm, MIT licence,
  (c) theajack), reduced to the five classes of GB/T 13418 (横 1, 竖 2, 撇 3, 点 4, 折 5): 提 counts
  as 横, 捺 as 点, every 折笔 (with a turn or hook, 竖钩 included) as 折.

Rows: character, stroke count, stroke forms (empty where cnchar has none), for the CJK Unified
Ideographs block (U+4E00–U+9FFF) and every character cnchar has.
"""
import bz2, json, re, sys

FLAT = {"j": "1", "i": "1", "f": "2", "s": "3", "k": "4", "d": "4", "l": "4"}


def main(unihan, cnchar_js):
    opener = bz2.open if unihan.endswith(".bz2") else open
    strokes = {}
    with opener(unihan, "rt", encoding="utf-8") as lines:
        for line in lines:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3 and parts[1] == "kTotalStrokes":
                strokes[chr(int(parts[0][2:], 16))] = int(parts[2].split()[0])
    source = open(cnchar_js, encoding="utf-8").read()
    tables = re.findall(r"JSON\.parse\('(\{.*?\})'\)", source, re.S)
    orders, kinds = json.loads(tables[0]), json.loads(tables[1])
    form = {letter: FLAT.get(letter, "5") for letter in kinds}
    forms = {c: "".join(form[l] for l in seq) for c, seq in orders.items() if len(c) == 1}
    chars = {c for c in strokes if 0x4E00 <= ord(c) <= 0x9FFF} | set(forms)
    print("# laurel 笔画 table, made by scripts/gen-strokes.py: character, kTotalStrokes (Unihan,")
    print("# Unicode 15.0, Unicode License v3), stroke forms 1 横 2 竖 3 撇 4 点 5 折 (cnchar-order")
    print("# 3.2.6, MIT licence). Do not edit by hand.")
    for c in sorted(chars):
        count = strokes.get(c, len(forms.get(c, "")))
        if count:
            print(f"{c}\t{count}\t{forms.get(c, '')}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
