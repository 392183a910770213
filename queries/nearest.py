"""The nearest names to one a user typed, for "did you mean" (rapidfuzz).

rapidfuzz's ``ratio`` is the normalised edit similarity difflib's ``get_close_matches`` also
ranks by; on real agency names typed with typing errors it suggests the same names, and it
answers in well under a millisecond where difflib takes seconds among 10,000 names
(``bench/fuzzy_match.py``; figures in docs/queries.md).
"""
from __future__ import annotations

from typing import Iterable

from rapidfuzz import fuzz, process


def nearest(text: str, choices: Iterable[str], n: int = 5, cutoff: float = 0.5) -> list[str]:
    """Up to ``n`` of ``choices`` most like ``text``, best first, those at least ``cutoff`` alike
    (0–1, as difflib's cutoff); ties keep the order of ``choices``."""
    found = process.extract(text, list(choices), scorer=fuzz.ratio, limit=n, score_cutoff=cutoff * 100)
    return [choice for choice, _, _ in found]
