"""Patterns anchored at a line start after any non-word characters (``^\\W*REST``), searched in
linear time.

``\\W`` also matches the newline, so ``re`` tries ``^\\W*`` from every line start of a run of
blank or ruled lines and reads the rest of the run each time: k² on the long runs of blank lines
that web and PDF copies carry (0.2 s for one search of a 200 kB encyclopaedia page). A
``LinePattern`` first finds the line whose own leading non-word characters lead to REST (linear),
then returns the match of the original pattern from the earliest line start that reaches it
through non-word characters only: the same ``re.Match`` (spans, groups) as ``^\\W*REST`` gives.
REST must begin with a word character (a letter), as every use here does.

``LineStart`` is any pattern anchored at a line start (``^REST``, MULTILINE), searched as fast as a
literal: ``re`` cannot skip to the next line, so it enters its matcher at every character of the
text for ``^`` (about 0.1 s over a thousand pages for each such search), while a finder that opens
with the newline itself skips to it in C (ten times faster).
"""
from __future__ import annotations

import re
from typing import Iterator

_WORD = re.compile(r"\w")


class LineStart:
    """``^(?:REST)`` (MULTILINE), with ``search``, ``finditer`` and ``match`` as on ``re.Pattern``:
    the same ``re.Match`` objects, found line start by line start."""

    def __init__(self, rest: str, flags: int = 0):
        self.pattern = re.compile(r"^(?:" + rest + ")", flags | re.M)
        self._next = re.compile(r"\n(?=(?:" + rest + "))", flags | re.M)   # a newline before a match

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        return self.pattern.match(text, pos, len(text) if endpos is None else endpos)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        endpos = len(text) if endpos is None else endpos
        if pos == 0 or 0 < pos <= len(text) and text[pos - 1] == "\n":
            m = self.pattern.match(text, pos, endpos)
            if m:
                return m
        nl = self._next.search(text, pos, endpos)
        return self.pattern.match(text, nl.start() + 1, endpos) if nl else None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
        while True:
            m = self.search(text, pos, endpos)
            if m is None:
                return
            yield m
            pos = m.end() if m.end() > m.start() else m.start() + 1


class LinePattern:
    """``^\\W*REST`` (MULTILINE), with ``search``, ``finditer`` and ``match`` as on ``re.Pattern``."""

    def __init__(self, rest: str, flags: int = 0):
        self.pattern = re.compile(r"^\W*" + rest, flags | re.M)
        self._line = LineStart(r"[^\w\n]*" + rest, flags)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        return self.pattern.match(text, pos, len(text) if endpos is None else endpos)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        return next(self.finditer(text, pos, endpos), None)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
        endpos = len(text) if endpos is None else endpos
        bound = pos
        for hit in self._line.finditer(text, pos, endpos):
            if hit.start() < bound:
                continue
            m = self.pattern.match(text, self._first_line_start(text, hit.start(), bound), endpos)
            if m is None:   # cannot happen when REST starts with a word character
                continue
            yield m
            bound = m.end()

    @staticmethod
    def _first_line_start(text: str, line: int, bound: int) -> int:
        """The earliest line start at or after ``bound`` from which only non-word characters lead
        to ``line`` (where ``^\\W*`` would start its match)."""
        j = line
        while j > bound and not _WORD.match(text, j - 1):
            j -= 1
        while j < line and not (j == 0 or text[j - 1] == "\n"):
            j += 1
        return j
