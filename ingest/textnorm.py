"""Unicode normalisation and folding for matching Vietnamese text.

Matching needs a key that ignores case, diacritics, old/new tone placement
(hoà/hòa, uỷ/ủy) and punctuation; spans must still point into the text as
read. ``fold`` gives the key; ``fold_with_map`` also gives, for every folded
character, the offset of the source character it came from.
"""
from __future__ import annotations

import re
import unicodedata

# Old-style tone placement -> modern (the accent on the main vowel), as in
# official texts since Quyết định 1989/QĐ-BGDĐT. Both directions fold equal
# anyway; this table is for producing canonical spellings.
_OLD_TONE = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_OLD_TONE.update({k.capitalize(): v.capitalize() for k, v in list(_OLD_TONE.items())})
_OLD_TONE.update({k.upper(): v.upper() for k, v in list(_OLD_TONE.items())})
_OLD_TONE_RE = re.compile(r"(?<![qQ])(" + "|".join(map(re.escape, _OLD_TONE)) + r")(?![\wÀ-ỹ])")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def modern_tones(text: str) -> str:
    """'Uỷ ban', 'hoà' -> 'Ủy ban', 'hòa' (only at the end of a syllable)."""
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONE[m.group(1)], text)


def _fold_char(c: str) -> str:
    if c in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", c)[0]
    return base.lower() if base.isalnum() else " "


class _FoldTable(dict):
    """A str.translate table filled on demand: each character folds to exactly one."""

    def __missing__(self, code: int) -> str:
        r = self[code] = _fold_char(chr(code))
        return r


_TABLE = _FoldTable()


def fold_char(c: str) -> str:
    return _TABLE[ord(c)]


_BMP_TABLE: tuple[str, ...] = ()
_ASTRAL_RE = re.compile("[\U00010000-\U0010FFFF]")


def _translate(text: str) -> str:
    """``text.translate(_TABLE)``, faster: a tuple indexed by code point (no hashing,
    about a third quicker on Vietnamese text) for the Basic Multilingual Plane; the
    rare text holding an emoji or another astral character takes the on-demand table."""
    global _BMP_TABLE
    if not _BMP_TABLE:
        _BMP_TABLE = tuple(_TABLE[c] for c in range(0x10000))
    if _ASTRAL_RE.search(text):
        return text.translate(_TABLE)
    return text.translate(_BMP_TABLE)


def fold_keep(text: str) -> str:
    """Fold character by character, keeping length (punctuation -> space).

    ``fold_keep(t)[i]`` corresponds to ``t[i]``, so a match in the folded text
    is a match at the same offsets in the original.
    """
    return _translate(text)


def fold(text: str) -> str:
    """Lower-case ASCII words: 'Sở LĐ-TB&XH' -> 'so ld tb xh'."""
    return " ".join(_translate(text).split())


def slug(text: str) -> str:
    """Stable id fragment: 'Sở Y tế thành phố Hà Nội' -> 'so-y-te-thanh-pho-ha-noi'."""
    return "-".join(fold(text).split()) or "_"


def squash_spaces(text: str) -> str:
    return " ".join(text.split())


def word_start(*words: str) -> str:
    """``(?<![a-z0-9])(?:w1|w2|…)`` for folded text, the check on the character before each word put
    after its first letter ("v(?<![a-z0-9]v)ua"): a pattern that opens with a lookbehind makes the
    regex engine try every position of a text, one that opens with letters lets it skip to them
    (three times faster over a whole text; the same matches). Each word starts with a plain letter."""
    return "|".join(f"{w[0]}(?<![a-z0-9]{w[0]}){w[1:]}" for w in words)


def counted(n: int, word: str) -> str:
    """'1 directive', '2 directives', '3 agencies': a count with its noun in the right number."""
    if n == 1:
        return f"1 {word}"
    return f"{n} " + (word[:-1] + "ies" if word.endswith("y") and word[-2] not in "aeiou" else word + "s")
