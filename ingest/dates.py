"""Dates of issue and deadlines, written the ways offices write them.

"ngày 19 tháng 02 năm 2024", "ngày 13/12/2019", "13-12-2019" -> 2024-02-19;
deadlines: "trước ngày 15/12/2019", "trước tháng 4/2020" (-> 2020-04),
"đến hết ngày 25/3/2020", "hoàn thành trong tháng 12/2024".
Matching runs on folded text (no diacritics, punctuation as spaces), so offsets
are the source's.
"""
from __future__ import annotations

import re
from datetime import date

_D = r"(\d{1,2})"
_M = r"(\d{1,2})"
_Y = r"((?:19|20)\d\d)"
DATE_RE = re.compile(
    rf"(?<!\d){_D}\s*(?:thang\s*{_M}\s*nam\s*{_Y}|\s{_M}\s{{1,3}}{_Y})(?!\d)")
MONTH_RE = re.compile(rf"thang\s*{_M}\s*(?:nam\s*|\s){_Y}(?!\d)")
DEADLINE_RE = re.compile(
    r"(truoc ngay|truoc|den het ngay|den het|den ngay|cham nhat (?:la |vao )?(?:ngay )?|han chot|xong truoc ngay|"
    r"hoan thanh trong|trong)\s+((?:ngay\s+)?\d{1,2}\s*(?:thang\s*\d{1,2}\s*nam\s*|\s\d{1,2}\s{1,3})(?:19|20)\d\d|"
    r"thang\s*\d{1,2}\s*(?:nam\s*|\s)(?:19|20)\d\d|quy\s+[ivx1-4]+\s*(?:nam)?\s*(?:19|20)\d\d)")


def _iso(d: str, m: str, y: str) -> str | None:
    try:
        return date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def parse_date(folded: str) -> str | None:
    """The first full date in folded text, as ISO."""
    for m in DATE_RE.finditer(folded):
        d, m1, y1, m2, y2 = m.groups()
        iso = _iso(d, m1 or m2, y1 or y2)
        if iso:
            return iso
    return None


def dates_in(folded: str, lo: int = 0, hi: int | None = None):
    """(start, end, iso) of every full date in folded[lo:hi]."""
    for m in DATE_RE.finditer(folded, lo, len(folded) if hi is None else hi):
        d, m1, y1, m2, y2 = m.groups()
        iso = _iso(d, m1 or m2, y1 or y2)
        if iso:
            yield m.start(), m.end(), iso


def parse_deadline(folded: str) -> str | None:
    """ISO date or YYYY-MM of the first deadline phrase in folded text."""
    for m in DEADLINE_RE.finditer(folded):
        when = m.group(2)
        iso = parse_date(when)
        if iso:
            return iso
        mm = MONTH_RE.search(when)
        if mm and 1 <= int(mm.group(1)) <= 12:
            return f"{mm.group(2)}-{int(mm.group(1)):02d}"
    return None
