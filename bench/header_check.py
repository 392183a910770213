#!/usr/bin/env python3
"""Directive headers read from the document against the library's own metadata table.

    python bench/header_check.py [--shared ../shared] [--limit N] [--quiet]

The thuvienphapluat copies in the archive print a metadata table before the
document ("Số hiệu", "Loại văn bản", "Nơi ban hành", "Ngày ban hành").  That
table is page furniture: the extractor must never read it, but it is a free
check of what the extractor reads from the document's own header.  For every
archive file outside the gold that carries the table, this compares the first
extracted directive's number, type, date and issuer with the table and lists
the disagreements, then prints one line of agreement rates.

The issuer check is loose by design: "Nơi ban hành" names a place for local
bodies ("Tỉnh Hà Tĩnh") and the body itself for central ones ("Bộ Tài chính",
"Cục Thuế"), so the issuer agrees when the place's name or the body's name is
inside it.  A document that yields no directive counts as a disagreement on
every field.

Figures (239 archive files with the table; number / type / date / issuer agreeing):
  before this check's fixes   233 / 232 / 232 / 231
  after the header fixes      233 / 234 / 233 / 232
  after the headless letters  236 / 239 / 237 / 235   (all 239 now official, none read as news)
The rest: letters whose page lost the header and print their number nowhere else, an
annex caption that prints another unit code than the table (BTC-TCCB vs BTC-VP), a province
merged since (the table keeps the old name), names the table words differently ("Văn phòng
Ban Chấp hành Trung ương" for the Văn phòng Trung ương Đảng), and a headless letter whose
issuer ("Ban Chỉ đạo …") is read as the body its text names (Chính phủ).
"""
from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from phoihop.ingest.pipeline import extract_path  # noqa: E402
from phoihop.ingest.records import InputError  # noqa: E402

_FIELD = re.compile(r"\*\*\s*(Số hiệu|Loại văn bản|Nơi ban hành|Ngày ban hành):\*\*\s*\|?\s*\n\s*([^\n|]+)")
_PLACE_LEVEL = re.compile(r"^(tinh|thanh pho)\s+")
_FIELDS = ("number", "type", "date", "issuer")


def fold(s: str | None) -> str:
    """Lower case without diacritics and with single spaces (đ -> d)."""
    s = unicodedata.normalize("NFD", (s or "").replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return re.sub(r"\s+", " ", s).strip().lower()


def metadata(text: str) -> dict[str, str]:
    """The library's table (only the first occurrence of each field)."""
    out: dict[str, str] = {}
    for m in _FIELD.finditer(text[:20000]):
        out.setdefault(m.group(1), m.group(2).strip())
    return out


def iso(day: str) -> str | None:
    """dd/mm/yyyy -> yyyy-mm-dd."""
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", day.strip())
    return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}" if m else None


def issuer_agrees(place: str, issuer: str | None) -> bool:
    """The table's place or body name is inside the extracted issuer."""
    want = _PLACE_LEVEL.sub("", fold(place))
    return bool(issuer) and want in fold(issuer)


def compare(meta: dict[str, str], d) -> dict[str, tuple[str, str]]:
    """Fields on which the directive disagrees with the table: field -> (table, extracted)."""
    got = {"number": d.number if d else None, "type": d.type if d else None,
           "date": d.date if d else None, "issuer": d.issuer if d else None}
    bad: dict[str, tuple[str, str]] = {}
    if fold(meta.get("Số hiệu", "")).replace(" ", "") != fold(got["number"]).replace(" ", ""):
        bad["number"] = (meta.get("Số hiệu", ""), got["number"] or "-")
    lib_type = meta.get("Loại văn bản", "")
    if lib_type != "Văn bản khác" and fold(lib_type) != fold(got["type"]):
        bad["type"] = (lib_type, got["type"] or "-")
    if iso(meta.get("Ngày ban hành", "")) != got["date"]:
        bad["date"] = (meta.get("Ngày ban hành", ""), got["date"] or "-")
    if not issuer_agrees(meta.get("Nơi ban hành", ""), got["issuer"]):
        bad["issuer"] = (meta.get("Nơi ban hành", ""), got["issuer"] or "-")
    return bad


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--limit", type=int, default=0, help="stop after N files with the table")
    ap.add_argument("--quiet", action="store_true", help="only the summary line")
    args = ap.parse_args()
    gold = {p.stem for p in (args.shared / "gold-archive").glob("*.json")}
    agree = dict.fromkeys(_FIELDS, 0)
    n = none = 0
    for p in sorted((args.shared / "corpus" / "archive").glob("*.md")):
        if p.stem in gold:
            continue
        text = p.read_text(encoding="utf-8", errors="replace")
        meta = metadata(text)
        if "Số hiệu" not in meta:
            continue
        try:
            ex = extract_path(p)
        except InputError:
            continue
        n += 1
        d = ex.directives[0] if ex.directives else None
        none += d is None
        bad = compare(meta, d)
        for f in _FIELDS:
            agree[f] += f not in bad
        if bad and not args.quiet:
            print(p.stem, ex.kind, "; ".join(f"{f}: {a!r} vs {b!r}" for f, (a, b) in bad.items()))
        if args.limit and n >= args.limit:
            break
    rates = "  ".join(f"{f} {agree[f]}/{n}" for f in _FIELDS)
    print(f"files {n}  no directive {none}  agree: {rates}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
