#!/usr/bin/env python3
"""Suspicious agency names over a sample of the archive: what no gold file would show.

    python bench/name_check.py [--shared ../shared] [--files 1000] [--all]

Extracts the first ``--files`` archive texts (sorted by name) and lists the
names of non-generic assignees and recipients that look broken: a line break,
a last word that cannot end a name (a function word: "và", "của", "để" …), a
word in capitals after a head in lower case ("Bộ TRƯỞNG"), a name over 110
characters. Exit status 1 if any is found, so it can guard a change.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from phoihop.ingest.pipeline import extract_path  # noqa: E402
from phoihop.ingest.records import InputError  # noqa: E402

_BAD_END = re.compile(r"\s(và|của|các|để|trong|với|về|theo|tại|cho|được|là|có|từ|đến|việc|này|những|một|hoặc|"
                      r"nhằm|khi|nếu|đã|sẽ|đang)$")


def problems(name: str) -> list[str]:
    out = []
    if "\n" in name or "\r" in name:
        out.append("line break")
    if _BAD_END.search(name):
        out.append("ends in a function word")
    words = name.split()
    if len(words) > 1 and not words[0].isupper() and words[1].isupper() and not words[1].isascii():
        out.append("a word in capitals after a title-case head")   # "Bộ TRƯỞNG": a heading read as a name
    if len(name) > 110:
        out.append("over 110 characters")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--all", action="store_true", help="every archive file")
    args = ap.parse_args()
    files = sorted((args.shared / "corpus" / "archive").glob("*.md"))
    if not args.all:
        files = files[:args.files]
    names: Counter = Counter()
    where: dict[str, str] = {}
    for p in files:
        try:
            ex = extract_path(p)
        except InputError:
            continue
        found = [a.agency for o in ex.obligations for a in o.assignees if not a.generic]
        found += [r.agency for r in ex.recipients if not r.generic]
        for n in found:
            names[n] += 1
            where.setdefault(n, p.name)
    bad = {n: problems(n) for n in names if problems(n)}
    print(f"{len(files)} files, {len(names)} distinct names, {sum(names.values())} uses; {len(bad)} suspicious")
    for n, why in sorted(bad.items(), key=lambda x: -names[x[0]]):
        print(f"{names[n]:4d}  {n!r}  ({', '.join(why)}; first in {where[n]})")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
