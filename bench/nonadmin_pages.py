#!/usr/bin/env python3
"""Obligations found on pages that are not administrative documents (issue 13, "Done when").

    python bench/nonadmin_pages.py [--archive DIR] [--count 300] [--limit 3]

Takes the first ``--count`` files of the archive, in sorted order, whose text has
none of "Số:", "UBND", "Ủy ban nhân dân", "chủ trì" (encyclopaedia, biography,
property and news pages), extracts them and counts the obligations that name a
body (a non-generic assignee). Such pages issue nothing, so the bar is at most
``--limit`` of them. Lists each offender: file, assignees and the obligation's text.
Exit 1 when the bar is missed.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from phoihop.ingest.pipeline import extract_path  # noqa: E402

ADMIN_MARKS = ("Số:", "UBND", "Ủy ban nhân dân", "chủ trì")


def non_administrative(archive: Path, count: int) -> list[Path]:
    """The first ``count`` files of the archive (sorted) with none of the administrative marks."""
    out = []
    for p in sorted(archive.iterdir()):
        if not p.is_file():
            continue
        text = p.read_text(encoding="utf-8", errors="replace")
        if not any(mark in text for mark in ADMIN_MARKS):
            out.append(p)
            if len(out) >= count:
                break
    return out


def offenders(paths: list[Path]) -> list[tuple[str, list[str], str]]:
    """(file, named assignees, text) of every obligation that names a body."""
    found = []
    for p in paths:
        ex = extract_path(p)
        for o in ex.obligations:
            named = [f"{a.agency} ({a.role})" for a in o.assignees if not a.generic]
            if named:
                found.append((p.name, named, " ".join(o.text.split())[:160]))
    return found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--archive", type=Path, default=ROOT.parent / "shared" / "corpus" / "archive")
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("--limit", type=int, default=3)
    args = ap.parse_args()
    paths = non_administrative(args.archive, args.count)
    found = offenders(paths)
    for name, named, text in found:
        print(f"{name}\t{'; '.join(named)}\t{text}")
    print(f"{len(paths)} non-administrative pages, {len(found)} obligations with a named assignee "
          f"(bar: at most {args.limit})")
    return 0 if len(found) <= args.limit else 1


if __name__ == "__main__":
    raise SystemExit(main())
