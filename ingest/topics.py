"""The project's small topic scheme (data in ``data/topics.json``) and topic tagging.

A topic is assigned to a text when one of its folded keywords occurs as a
whole-word phrase. The scheme is SKOS-like: id, Vietnamese and English labels.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from .lexicon import alternation
from .textnorm import fold

_DATA = Path(__file__).with_name("data") / "topics.json"


@lru_cache(maxsize=1)
def scheme() -> list[dict]:
    return json.loads(_DATA.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _matcher() -> tuple[re.Pattern, dict[str, str]]:
    owner = {}
    for t in scheme():
        for k in t["keywords"]:
            owner[k] = t["name"]
    # The pattern is searched in " " + the folded text. Every character of a folded text is a space or
    # a word character, so a keyword that begins and ends with a letter or digit starts a word where a
    # space is before it ("\b" then reads " (" … ")(?!\w)"), and the regex engine skips from space to
    # space instead of entering its matcher at every position.
    if all(re.fullmatch(r"\w(.*\w)?", k) for k in owner):
        return re.compile(r" (" + alternation(owner, space=r"\ ") + r")(?!\w)"), owner
    return re.compile(r"\b(" + alternation(owner, space=r"\ ") + r")\b"), owner


def topics_of(text: str, folded: str | None = None) -> list[str]:
    """Topic names whose keywords occur in ``text``, in scheme order."""
    pattern, owner = _matcher()
    found = {owner[m.group(1)] for m in pattern.finditer(" " + (folded if folded is not None else fold(text)))}
    return [t["name"] for t in scheme() if t["name"] in found]


def topic_by_name(name: str) -> dict | None:
    """Look a topic up by its Vietnamese name, English name or id (folded)."""
    return _by_folded_name().get(fold(name))


@lru_cache(maxsize=1)
def _by_folded_name() -> dict[str, dict]:
    """Folded name, English name and id -> topic, the first topic in scheme order winning
    (called for every topic of every obligation: folding the scheme each time cost
    more than the rest of building a document's graph)."""
    out: dict[str, dict] = {}
    for t in scheme():
        for key in (t["name"], t["name_en"], t["id"]):
            out.setdefault(fold(key), t)
    return out
