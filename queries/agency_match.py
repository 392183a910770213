"""Find the one agency a person means, however they type it.

People type "so y te ha noi", "Sở LĐTBXH", "UBND TP Hà Nội" or just "Công an
Hải Phòng"; the store knows "Sở Y tế thành phố Hà Nội" and its aliases. Every
name and alias, and what the person typed, become folded keys (no case,
diacritics or punctuation; abbreviations expanded by
``ingest.abbreviations.expand``). The search tries stricter ways first, and
stops at the first that finds anything:

1. the same key as the name (an agency called just "Sở Y tế" wins over those
   that also go by "Sở Y tế");
2. the same key as the name or an alias;
3. the same key without level words (thành phố, tỉnh, TP);
4. the typed words as a run of words of a key (a substring on word bounds);
5. every typed word the start of a word of a key, in order ("cong an hai ph").

One agency found: that one. Several: ``AmbiguousName`` listing them. None:
``UnknownName`` with the nearest names (``nearest``: rapidfuzz on folded names).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterable

from phoihop.ingest.abbreviations import expand
from phoihop.ingest.textnorm import fold

from .nearest import nearest

# Words that only say which level a body is at; "Sở Y tế Hà Nội" is the city's.
_LEVEL_WORDS = re.compile(r"\b(?:thanh pho|tinh|tp)\b")


class MatchError(LookupError):
    """A name that does not pick out exactly one thing. ``str()`` is one line."""

    def __init__(self, what: str, text: str, candidates: Iterable[str], message: str):
        self.what = what
        self.text = text
        self.candidates = list(candidates)
        super().__init__(message)


class AmbiguousName(MatchError):
    def __init__(self, what: str, text: str, candidates: Iterable[str]):
        candidates = sorted(candidates)
        super().__init__(what, text, candidates,
                         f"{what} {text!r} is ambiguous; it matches: " + "; ".join(candidates))


class UnknownName(MatchError):
    def __init__(self, what: str, text: str, candidates: Iterable[str]):
        candidates = list(candidates)
        hint = ("; did you mean: " + "; ".join(candidates)) if candidates else ""
        super().__init__(what, text, candidates, f"no {what} matches {text!r}{hint}")


def _strip_levels(key: str) -> str:
    return " ".join(_LEVEL_WORDS.sub(" ", key).split())


@lru_cache(maxsize=65536)
def keys(text: str) -> frozenset[str]:
    """Folded forms of a name: as written and with abbreviations expanded."""
    return frozenset(k for k in (fold(text), fold(expand(text))) if k)


def agency_keys(agency: dict[str, Any]) -> set[str]:
    """Every key an agency row (id, name, name_folded, aliases) is known by."""
    out = {agency["name_folded"]} if agency.get("name_folded") else set()
    for name in [agency["name"], *(agency.get("aliases") or [])]:
        out |= keys(name)
    return out


def _words_in(query: list[str], key: list[str], prefix: bool) -> bool:
    """``query`` words occur in ``key``: as a contiguous run of whole words, or
    (``prefix``) each as the start of a later word, in order."""
    if not query:
        return False
    if not prefix:
        n = len(query)
        return any(key[i:i + n] == query for i in range(len(key) - n + 1))
    i = 0
    for w in key:
        if i < len(query) and w.startswith(query[i]):
            i += 1
    return i == len(query)


def find_agency(text: str, agencies: list[dict[str, Any]]) -> dict[str, Any]:
    """The agency row ``text`` names among ``agencies`` (rows of ``agencies.cypher``)."""
    for a in agencies:
        if a["id"] == text:
            return a
    typed = keys(text)
    typed_bare = {_strip_levels(k) for k in typed} - {""}
    known = [(a, agency_keys(a)) for a in agencies]
    known_bare = [(a, {_strip_levels(k) for k in ks}) for a, ks in known]
    names = [(a, keys(a["name"])) for a in agencies]
    stages = [
        (names, lambda ks: bool(ks & typed)),
        (known, lambda ks: bool(ks & typed)),
        (known_bare, lambda ks: bool(ks & typed_bare)),
        (known_bare, lambda ks: any(_words_in(t.split(), k.split(), prefix=False) for t in typed_bare for k in ks)),
        (known_bare, lambda ks: any(_words_in(t.split(), k.split(), prefix=True) for t in typed_bare for k in ks)),
    ]
    for pool, test in stages:
        hits = [a for a, ks in pool if test(ks)]
        if len(hits) == 1:
            return hits[0]
        if hits:
            raise AmbiguousName("agency", text, [a["name"] for a in hits])
    folded = {fold(a["name"]): a["name"] for a in agencies}
    near = nearest(fold(expand(text)) or fold(text), list(folded), n=5, cutoff=0.4)
    raise UnknownName("agency", text, [folded[n] for n in near])
