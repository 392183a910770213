"""Invented official texts for the phenomena tests: the closing block of a People's Committee's
document and the (agency, role) pairs of each obligation extracted from a text."""
from __future__ import annotations

from phoihop.ingest.extract import extract_text


def closing(first_recipient: str = "Như trên") -> str:
    """Nơi nhận and signature of a document signed for the People's Committee by its chairman."""
    return f"""
Nơi nhận:
- {first_recipient};
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
"""


def obligation_roles(text: str, name: str) -> list[set[tuple[str, str]]]:
    """(agency, role) of each obligation extracted from ``text``, named bodies only (no generic ones)."""
    ex = extract_text(text, name)
    return [{(a.agency, a.role) for a in o.assignees if not a.generic} for o in ex.obligations]
