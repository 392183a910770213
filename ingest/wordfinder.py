"""Patterns on folded text that open with one of a few literal words, searched as fast as ``str.find``.

``re`` enters its matcher at every position whose character could start the pattern: for "giao",
"yêu cầu", "đề nghị", "chỉ đạo" that is every g, y, d and c of a page, an eighth of its letters. A
``WordFinder`` looks for the words themselves with ``str.find`` (a substring search in C, several
times faster over a page) and tries the pattern only where one of them stands: the same
``re.Match`` objects as the pattern's own ``search`` and ``finditer`` give, since every match of the
pattern opens with one of the words (the caller's promise, checked by tests/test_fast_paths.py).
"""
from __future__ import annotations

import re
from typing import Iterator

from .textnorm import word_start

_LITERAL = re.compile(r"[a-z0-9 ]+")


class WordFinder:
    """``pattern`` (a regex every match of which opens with one of ``words``), with ``search`` and
    ``finditer`` as on ``re.Pattern``."""

    def __init__(self, words: tuple[str, ...], pattern: str, flags: int = 0):
        self.words = tuple(words)
        self.pattern = re.compile(pattern, flags)

    @classmethod
    def at_words(cls, words: tuple[str, ...], rest: str = "", group: bool = False) -> "WordFinder":
        """``(?:w1|w2|…)REST`` with each word at a word start of folded text (``textnorm.word_start``);
        a word may end in regex syntax ("giao(?! thong)"): its literal opening is what is looked for.
        ``group``: the words in group 1."""
        alternation = ("(" if group else "(?:") + word_start(*words) + ")"
        return cls(tuple(_LITERAL.match(w).group() for w in words), alternation + rest)

    def _starts(self, text: str, pos: int, endpos: int) -> Iterator[int]:
        """Where one of the words stands in text[pos:endpos], in order."""
        find = text.find
        ahead = {w: find(w, pos, endpos) for w in self.words}
        while True:
            i = min((j for j in ahead.values() if j >= 0), default=-1)
            if i < 0:
                return
            yield i
            for w, j in ahead.items():
                if j == i:
                    ahead[w] = find(w, i + 1, endpos)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        return next(self.finditer(text, pos, endpos), None)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
        endpos = len(text) if endpos is None else endpos
        match = self.pattern.match
        bound = pos
        for i in self._starts(text, pos, endpos):
            if i < bound:
                continue
            m = match(text, i, endpos)
            if m is not None:
                yield m
                bound = m.end() if m.end() > i else i + 1
