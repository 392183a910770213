"""Expand the abbreviations of agency names: "Sở LĐTBXH" -> "Sở Lao động - Thương binh và Xã hội".

The knowledge is the extractor's own tables (heads.tsv and fields.tsv list
every printed variant of a kind of body and of a department's field), so a
user typing "UBND TP Hà Nội" or "so nn&ptnt" is read the way documents are.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon
from .textnorm import fold

_LEVELS = {"tp": "thành phố", "q": "quận", "h": "huyện", "tx": "thị xã", "p": "phường", "tt": "thị trấn"}
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@lru_cache(maxsize=1)
def _table() -> dict[tuple[str, ...], str]:
    """Printed variant (folded words) -> canonical name; built once (the lexicon tables are)."""
    out: dict[tuple[str, ...], str] = {}
    for v, h in lexicon.heads().items():
        if h.mode != "field":
            out.setdefault(tuple(v.split()), h.canonical)
    for v, f in lexicon.fields().items():
        out.setdefault(tuple(v.split()), f.canonical)
    return out


@lru_cache(maxsize=1)
def _longest() -> int:
    return max((len(k) for k in _table()), default=1)


def expand(text: str) -> str:
    """Replace every known abbreviation or variant by its canonical words; keep the rest as typed."""
    words = [(m.group(), fold(m.group())) for m in _WORD.finditer(text.replace("&", " "))]
    table = _table()
    longest = _longest()
    out: list[str] = []
    i = 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            key = tuple(f for _, f in words[i:i + n])
            if key in table:
                canonical = table[key]
                # keep the words as typed when they already spell the canonical name
                out.append(" ".join(w for w, _ in words[i:i + n]) if fold(canonical) == " ".join(key) else canonical)
                i += n
                break
        else:
            w, f = words[i]
            out.append(_LEVELS.get(f, w) if f in _LEVELS and i > 0 else w)
            i += 1
    return " ".join(out)


def folded_table() -> dict[str, str]:
    """Every variant that differs from its canonical name, folded: {'ubnd': 'uy ban nhan dan', …},
    with the level abbreviations; for pages that expand what a reader types, as ``expand`` does."""
    out = {k: fold(v) for k, v in _LEVELS.items()}
    for variant, canonical in _table().items():
        key, value = " ".join(variant), fold(canonical)
        if key != value:
            out.setdefault(key, value)
    return out
