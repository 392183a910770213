"""Vietnamese administrative vocabulary, loaded from the tables in ``data/``.

Everything the extractor knows about words lives in those files: kinds of
body (heads.tsv), fields of departments and ministries (fields.tsv), generic
phrases (generic.tsv), words that decide roles (verbs.tsv), words that end a
name (stopwords.txt) and compounds that do not (name_phrases.txt).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .textnorm import fold_keep

_DATA = Path(__file__).with_name("data")


def sections(path: Path) -> dict[str, list[str]]:
    """The "[section]" lists of a data file: one entry a line, "#" comments and blank lines skipped."""
    parts: dict[str, list[str]] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = parts.setdefault(line[1:-1], [])
        elif current is not None:
            current.append(line)
    return parts


def _rows(name: str) -> list[list[str]]:
    out = []
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.split("\t"))
    return out


@dataclass(frozen=True)
class Head:
    variant: str        # folded form as it may appear
    canonical: str      # "Ủy ban nhân dân"
    kind: str           # ubnd, so, phong, cong_an, ...
    mode: str           # local | field | open | fixed
    level: str | None   # default level of the body


@dataclass(frozen=True)
class Field:
    variant: str
    canonical: str
    heads: tuple[str, ...] = ()   # kinds of head it names a unit of; empty = any


def alternation(phrases, space: str = r"\s+") -> str:
    """A regex alternation that tries longer phrases first, on folded text.

    Folding turns punctuation into spaces ("Thông tin - Truyền thông" ->
    "thong tin   truyen thong"), so words may be separated by several spaces
    (``space``; pass ``r"\\ "`` for exactly one).

    The phrases are written as a trie ("so(?:ng|)" rather than "song|so"):
    the regex engine tries every branch of a flat alternation at each word,
    which made scanning for heads and markers the extractor's main cost.
    Siblings in the trie start with different characters and a phrase's end
    is tried after its longer continuations, so the regex matches exactly
    what "longest phrase first" matches.
    """
    phrases = set(phrases)
    if any("  " in p or any(c.isspace() and c != " " for c in p) for p in phrases):
        # two spaces in a row, a tab or a line break could match where another phrase's
        # ``space`` does, and the trie's order would no longer be longest first: keep the flat form
        return "|".join(re.escape(p).replace(r"\ ", space) for p in sorted(phrases, key=len, reverse=True))
    root: dict = {}
    for p in phrases:
        node = root
        for c in p:
            node = node.setdefault(space if c == " " else _escape(c), {})
        node[""] = {}   # a phrase ends here
    return _trie_regex(root)


def word_alternation(phrases, space: str = r"\s+") -> str:
    """``(?<![a-z0-9])(?:`` + alternation(phrases) + ``)``, the same matches, with the check on the
    character before put after each phrase's first character ("v(?<![a-z0-9]v)u(?:a|…)"): a pattern
    that opens with a lookbehind makes the regex engine try every position of a text, one that opens
    with the phrases' first letters lets it skip to them. (The trie's first branches start with
    different characters, so a branch failing the check leaves no other branch that could match.)"""
    phrases = set(phrases)
    if not phrases or any(not p or p[0].isspace() or "  " in p or any(c.isspace() and c != " " for c in p)
                          for p in phrases):
        return "(?<![a-z0-9])(?:" + alternation(phrases, space) + ")"
    firsts: dict[str, set] = {}
    for p in phrases:
        firsts.setdefault(p[0], set()).add(p[1:])
    branches = []
    for c in sorted(firsts, key=re.escape):
        rest = firsts[c]
        root: dict = {}
        for p in rest:
            node = root
            for ch in p:
                node = node.setdefault(space if ch == " " else _escape(ch), {})
            node[""] = {}
        tail = _trie_regex(root)
        branches.append(re.escape(c) + "(?<![a-z0-9]" + re.escape(c) + ")" + tail)
    return "(?:" + "|".join(branches) + ")"


_escape = lru_cache(maxsize=None)(re.escape)   # (one character at a time: tens of thousands of calls at start-up)


def _trie_regex(node: dict) -> str:
    """Branches for the longer phrases first, then the empty branch where a phrase ends."""
    branches = [token + _trie_regex(child) for token, child in sorted(node.items()) if token]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    return "(?:" + "|".join(branches) + ("|" if "" in node else "") + ")"


@lru_cache(maxsize=1)
def heads() -> dict[str, Head]:
    out = {}
    for row in _rows("heads.tsv"):
        variants, canonical, kind, mode = row[:4]
        level = row[4] if len(row) > 4 and row[4] else None
        for v in variants.split("|"):
            out.setdefault(v, Head(v, canonical, kind, mode, level))
    return out


@lru_cache(maxsize=1)
def fields() -> dict[str, Field]:
    out = {}
    for row in _rows("fields.tsv"):
        canonical, variants = row[:2]
        kinds = tuple(row[2].split("|")) if len(row) > 2 and row[2] else ()
        for v in variants.split("|"):
            out.setdefault(v, Field(v, canonical, kinds))
    return out


@lru_cache(maxsize=1)
def named_collectives() -> dict[str, tuple[str, str, str]]:
    """Folded variant -> (canonical name, kind, level) of the collectives written without a place
    ("các tỉnh ủy, thành ủy")."""
    return {v: (row[1], row[2], row[3]) for row in _rows("named_collectives.tsv") for v in row[0].split("|")}


@lru_cache(maxsize=1)
def generic_phrases() -> list[str]:
    return [r[0] for r in _rows("generic.tsv")]


@lru_cache(maxsize=1)
def verbs() -> dict[str, dict[str, str | None]]:
    """category -> {phrase: value}"""
    out: dict[str, dict[str, str | None]] = {}
    for row in _rows("verbs.tsv"):
        out.setdefault(row[0], {})[row[1]] = row[2] if len(row) > 2 and row[2] else None
    return out


@lru_cache(maxsize=64)
def voices(issuer: str) -> frozenset[str]:
    """The issuer and the bodies that speak through it (``data/voices.tsv``): in its text they give orders.
    Cached per issuer name (a document has one or two)."""
    out = {issuer}
    for row in _voice_rows():
        pattern, body = row[0], row[1]
        if pattern == issuer:
            out.add(body)
        elif pattern.endswith("*") and issuer.startswith(pattern[:-1]) and len(issuer) > len(pattern) - 1:
            out.add(body.replace("*", issuer[len(pattern) - 1:]))
    return frozenset(out)


@lru_cache(maxsize=1)
def _voice_rows() -> tuple[tuple[str, str], ...]:
    return tuple((r[0], r[1]) for r in _rows("voices.tsv") if len(r) >= 2)


@lru_cache(maxsize=1)
def stopwords() -> list[str]:
    return [r[0] for r in _rows("stopwords.txt")]


@lru_cache(maxsize=1)
def person_places() -> frozenset[str]:
    """Places named after a person ("Hồ Chí Minh"): a place only with a level word before them."""
    return frozenset(r[0] for r in _rows("person_places.txt"))


@lru_cache(maxsize=1)
def name_connectors() -> frozenset[str]:
    """Words that join a name's words but cannot open or close a name ("và", "của")."""
    return frozenset(r[0] for r in _rows("name_connectors.txt"))


@lru_cache(maxsize=1)
def class_words() -> list[str]:
    """Words that describe a generic class of bodies ("chức năng", "thông tấn", "báo chí"), folded."""
    return [r[0] for r in _rows("class_words.txt")]


@lru_cache(maxsize=1)
def name_phrases() -> list[str]:
    return [r[0] for r in _rows("name_phrases.txt")]


@lru_cache(maxsize=1)
def head_regex() -> re.Pattern:
    return re.compile(r"(" + word_alternation(heads()) + r")(?![a-z0-9])")   # (jumps to first letters)


@lru_cache(maxsize=1)
def head_after_space_regex() -> re.Pattern:
    """A space before a head (the match is the space alone): in a folded text, which is letters,
    digits and spaces, every head that starts a word past a search's start has a space before it, and
    a finder that opens with the space lets the regex engine skip from space to space."""
    return re.compile(" (?=(?:" + alternation(heads()) + ")(?![a-z0-9]))")


@lru_cache(maxsize=1)
def body_head_regex() -> re.Pattern:
    """Heads without the "skip" compounds: the head inside "Báo Cao Bằng" once "Báo cáo" is ruled out."""
    return re.compile(r"(" + alternation({k: v for k, v in heads().items() if v.mode != "skip"}) + r")(?![a-z0-9])")


@lru_cache(maxsize=None)
def field_regex(kind: str = "") -> re.Pattern:
    """Fields that can follow a head of ``kind`` (Phòng Tài chính - Kế hoạch, not Sở)."""
    usable = [v for v, f in fields().items() if not f.heads or kind in f.heads]
    return re.compile(r"(" + alternation(usable) + r")" + _glued_end())


def _glued_end() -> str:
    """A name's end: no letter after it, or a role verb a conversion glued to it ("Sở Xây dựngchủ trì",
    verbs.tsv 'glued'): tried only where a letter follows, which a well-spaced text never has."""
    glued = verbs().get("glued")
    if not glued:
        return r"(?![a-z0-9])"
    return r"(?:(?![a-z0-9])|(?=(?:" + alternation(glued) + r")(?![a-z0-9])))"


@lru_cache(maxsize=1)
def open_name_starts() -> dict[str, tuple[str, ...]]:
    return {row[0]: tuple(row[1].split("|")) for row in _rows("open_name_starts.tsv")}


@lru_cache(maxsize=1)
def name_abbreviations() -> dict[str, str]:
    return {row[0]: row[1] for row in _rows("name_abbreviations.tsv")}


@lru_cache(maxsize=1)
def local_units() -> set[tuple[str, str]]:
    return {(row[0], row[1]) for row in _rows("local_units.tsv")}


@dataclass(frozen=True)
class MinistryUnit:
    written: str     # as printed, lower case ("vụ trưởng")
    name: str        # "Các Vụ thuộc {bo}"
    kind: str        # vu, cuc, van_phong, bo
    title: bool      # the title of the unit's head, not the unit word


@lru_cache(maxsize=1)
def ministry_units() -> dict[str, MinistryUnit]:
    """Folded title or unit word -> the units a ministry's own text names by a title alone ("Vụ
    trưởng") or by kind ("các Cục"): ministry_units.tsv."""
    out: dict[str, MinistryUnit] = {}
    for unit, titles, name, kind in _rows("ministry_units.tsv"):
        for written in unit.split("|"):
            out[" ".join(fold_keep(written).split())] = MinistryUnit(written, name, kind, False)
        for written in titles.split("|"):
            out[" ".join(fold_keep(written).split())] = MinistryUnit(written, name, kind, True)
    return out
