"""Directive numbers (số, ký hiệu) and types (guide §1).

Vietnamese offices print numbers as number[/year]/TYPE-ISSUER or
number-TYPE/ISSUER: 345/UBND-YT, 1658/CĐ-TTg, 07/2016/TT-BNNPTNT, 68-NQ/TW,
12148/VP-KT. The type word in the text wins; otherwise the symbol's type code
(KH, QĐ, CĐ, …: data/types.tsv); a bare issuer code (UBND-XX) is a Công văn.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

from .lexicon import alternation, word_alternation

# A number: 1-6 digits not glued to a word, "/", "." or "-" before them. The check on the
# character before sits after the first digit ("\d(?<![\w/.-]\d)" = "(?<![\w/.-])\d"), so
# the pattern begins with a digit and the regex engine can skip quickly to the digits.
# "QCVN 41:2024/BGTVT" is a technical standard, not a number (no digit and ":" before).
# Printed and scraped shapes it also takes (spacing is dropped by ``normalise``, guide §9):
# a dotted number "66.4/2025/NQ-CP"; a space or line break before or after the slash of a
# symbol with a hyphen ("1234 /QĐ-UBND", "409\n/TTr-SVHTTDL", "12/2025/\nNĐ-CP"); one after a
# hyphen or "&" before an upper-case code ("37/2025/TT- BNNMT", "15972/SXD-QLN& TTBĐS",
# "45/UBND-\nVP", "9151- CV/BTCTW"); a dot inside a code ("545/CCTKV.VIII-CNTK"); a spaced hyphen before
# the last code of a symbol ("38/2021/NĐ - CP", "388/QĐ - TTg", "730/2004/NQ -UBTVQH11"); an en dash or a
# non-breaking hyphen for the hyphen ("123/QĐ–UBND", Word's autocorrect), made a hyphen by ``normalise``.
_DIGITS = r"\d(?<![\w/.-]\d)(?<!\d:\d)\d{0,5}(?:\.\d{1,2}(?=/))?(?:/(?:19|20)\d\d)?"
_GAP_BEFORE_SLASH = r"(?:[ \t]*\n?[ \t]*(?=/[A-ZĐ][A-Za-zĐđ0-9]*-))?"
_FIRST_SEP = r"(?:/(?:[ \t]?\n?[ \t]?(?=[A-ZĐ][A-Za-zĐđ0-9]*-[A-ZĐ]))?|-(?:[ \t]?(?=[A-ZĐ]+/))?)"
_CODES = r"[A-ZĐ][A-Za-zĐđ0-9]*(?:(?:[-–‑/&](?:\s?(?=[A-ZĐ][A-ZĐ0-9]+(?!\w)))?|\.(?=[A-ZĐ])|" \
         r"[ \t][-–][ \t]?(?=[A-ZĐ]{2,}[A-ZĐ0-9]*[a-zđ]?(?![\w/-])))[A-Za-zĐđ0-9]+)*"
NUMBER_RE = re.compile("(" + _DIGITS + _GAP_BEFORE_SLASH + _FIRST_SEP + _CODES + r")(?![\w/])")
_SPACED_HYPHEN_RE = re.compile(r"[ \t][-–]")
_NOT_LETTER_RE = re.compile(r"[^A-Za-zĐđ]")
# lower-case letters after an upper-case code ("TTg", "TTr" keep theirs: one letter, or more capitals after)
_GLUED_WORD_RE = re.compile(r"[A-ZĐ]{2}([a-zđ]{2,})$")


@lru_cache(maxsize=1)
def _types() -> tuple[dict[str, str], dict[str, str]]:
    codes, words = {}, {}
    path = Path(__file__).with_name("data") / "types.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, code_list, word_list = line.split("\t")
        for c in code_list.split("|"):
            codes[c.upper()] = name
        for w in word_list.split("|"):
            words[w] = name
    return codes, words


@lru_cache(maxsize=1)
def type_word_regex() -> re.Pattern:
    """Type words on folded text, e.g. 'ke hoach', 'van ban', 'cong dien khan'."""
    return re.compile(r"(" + word_alternation(_types()[1]) + r")(?![a-z0-9])")


def type_of_word(folded_word: str) -> str | None:
    return _types()[1].get(" ".join(folded_word.split()))


_DASHES = str.maketrans({"–": "-", "‑": "-"})


def normalise(number: str) -> str:
    """Spacing only: '345 / UBND - YT' -> '345/UBND-YT'; the dash a word processor put for the symbol's
    hyphen ('123/QĐ–UBND', an en dash or a non-breaking hyphen) is that hyphen."""
    return re.sub(r"\s+", "", number).translate(_DASHES)


def type_from_symbol(number: str) -> str:
    """The type a number's symbol gives: 252/KH-UBND -> Kế hoạch; 345/UBND-YT -> Công văn."""
    codes = _types()[0]
    rest = re.sub(r"^\d+(?:/(?:19|20)\d\d)?[/-]", "", number)
    first = re.split(r"[-/&]", rest)[0]
    if first.upper() in codes:
        return codes[first.upper()]
    m = re.match(r"([A-ZĐ]+)\d+$", first)       # 72/2025/QH15
    if m and m.group(1) in codes:
        return codes[m.group(1)]
    return "Công văn"


def year_of(number: str) -> int | None:
    m = re.search(r"/((?:19|20)\d\d)/", number)
    return int(m.group(1)) if m else None


@lru_cache(maxsize=8)
def _all_numbers(text: str) -> tuple[tuple[int, int, str], ...]:
    out = []
    for m in NUMBER_RE.finditer(text):
        num = m.group(1)
        glued = _GLUED_WORD_RE.search(num)
        if glued:      # "87/2025/NĐ-CPquy định": a word glued to the symbol by a lost space
            num = num[:glued.start(1)]
        spaced = _SPACED_HYPHEN_RE.search(num)
        if spaced and "-" in num[:spaced.start()]:
            num = num[:spaced.start()]   # "45/QĐ-UBND - UBND tỉnh": the symbol was whole before the dash
        if len(_NOT_LETTER_RE.sub("", num)) >= 2:
            out.append((m.start(1), m.start(1) + len(num), num))
    return tuple(out)


@lru_cache(maxsize=8)
def _number_starts(text: str) -> tuple[int, ...]:
    return tuple(s for s, _, _ in _all_numbers(text))


def find_numbers(text: str, lo: int = 0, hi: int | None = None):
    """(start, end, number) of every directive number in text[lo:hi] (one scan per text, cached; a
    window is found by bisection, so a short window of a long text costs only its own numbers)."""
    hi = len(text) if hi is None else hi
    found = _all_numbers(text)
    for i in range(bisect_left(_number_starts(text), lo), len(found)):
        s, e, num = found[i]
        if s >= hi:
            break
        if e <= hi:
            yield s, e, num


@lru_cache(maxsize=8)
def _numbers_by_value(text: str) -> dict[str, list[tuple[int, int, str]]]:
    out: dict[str, list[tuple[int, int, str]]] = {}
    for s, e, num in _all_numbers(text):
        out.setdefault(normalise(num), []).append((s, e, num))
    return out


def numbers_valued(text: str, number: str) -> list[tuple[int, int, str]]:
    """(start, end, number as printed) of every printing of one normalised number in text, in order
    (an index built once per text: looking up each reported number does not rescan the text)."""
    return _numbers_by_value(text).get(number, [])


def _symbol_codes(number: str) -> list[str]:
    """The issuer codes of a number's symbol, last first: 08/2025/NQ-HĐND -> ["HDND"]."""
    rest = re.sub(r"^\d+(?:/(?:19|20)\d\d)?[/-]", "", number).upper().replace("Đ", "D")
    parts = re.split(r"[-/&]", rest)
    return [re.sub(r"\d+$", "", part) for part in reversed(parts[1:] or parts)]


def local_issuer(number: str) -> tuple[str, str] | None:
    """(kind, head) of the local body a symbol names as issuer: 08/2025/NQ-HĐND -> ("hdnd", "Hội đồng
    nhân dân") (data/local_issuer_codes.tsv); None when the symbol names none."""
    for code in _symbol_codes(number):
        if code in _local_codes():
            return _local_codes()[code]
    return None


@lru_cache(maxsize=1)
def _local_codes() -> dict[str, tuple[str, str]]:
    out = {}
    path = Path(__file__).with_name("data") / "local_issuer_codes.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, kind, head = line.split("\t")
            out[code] = (kind, head)
    return out


@lru_cache(maxsize=1)
def _issuer_codes() -> dict[str, str]:
    out = {}
    path = Path(__file__).with_name("data") / "issuer_codes.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, issuer = line.split("\t")
            out[code] = issuer
    return out


def issuer_from_symbol(number: str) -> str | None:
    """A central issuer the symbol names: 78/2025/NĐ-CP -> Chính phủ, 217/CĐ-TTg -> Thủ tướng Chính phủ."""
    for code in _symbol_codes(number):
        if code in _issuer_codes():
            return _issuer_codes()[code]
    return None
