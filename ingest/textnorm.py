"""Unicode normalisation and folding for matching Vietnamese text.

Matching needs a key that ignores case, diacritics, old/new tone placement
(hoà/hòa, uỷ/ủy) and punctuation; spans must still point into the text as
read. ``fold`` gives the key; ``fold_with_map`` also gives, for every folded
character, the offset of the source character it came from.
"""
from __future__ import annotations

import codecs
import re
import threading
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


def _translate(text: str) -> str:
    """``text.translate(_TABLE)``: the fast byte path when it can (almost every text), else the
    on-demand table."""
    if _FAST is not None and "Σ" not in text:   # (lower() makes a word's last "Σ" a final "ς")
        low = text.lower()
        if len(low) == len(text):       # (a lower case of two characters, "İ" -> "i̇", would shift spans)
            return _FAST.fold(low)
    return text.translate(_TABLE)   # (rare: a table of the whole plane cost 65,536 look-ups a process)


class _ByteFold:
    """Folding in four C passes instead of one table look-up per character (five times faster).

    Every character folds to the fold of its lower case (the tests check the whole BMP), so the
    text is lower-cased, then encoded with a 256-character code page holding ASCII and the
    non-ASCII characters of Vietnamese text (its 67 lower-case letters with diacritics, Latin-1
    letters, typographic quotes and dashes), then each byte is replaced by its fold and the bytes
    read as ASCII. A character outside the code page folds through an error handler, one Python
    call per run of them; one whose fold is not ASCII (a Cyrillic or CJK letter, "²") leaves a
    placeholder that is replaced afterwards, at the same offset."""

    VOWELS = "aăâeêioôơuưy"
    TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")   # huyền, sắc, hỏi, ngã, nặng
    PUNCTUATION = "\u00a0\u00ad\u200b\u200c\u200d\ufeff\u2010\u2011\u2012\u2013\u2014\u2015" \
                  "\u2018\u2019\u201a\u201c\u201d\u201e\u2022\u2026\u2032\u2033\u2212\u25cf\u25a0\u2192" \
                  "\u00a7\u00aa\u00b0\u00b2\u00b3\u00b7\u00ba\u00ab\u00bb\u00bd\u00d7"
    ERRORS = "phoihop-fold"

    def __init__(self) -> None:
        letters = {unicodedata.normalize("NFC", v + t) for v in self.VOWELS for t in self.TONES} | {"đ"}
        latin1 = {chr(c) for c in range(0xC0, 0x100) if chr(c).islower()}
        page = sorted(c for c in letters | latin1 | set(self.PUNCTUATION) if ord(c) > 0x7F and _TABLE[ord(c)].isascii())
        assert len(page) <= 128, len(page)
        page += [chr(0xE000 + i) for i in range(128 - len(page))]   # unused slots: private-use characters
        decoding = "".join(map(chr, range(128))) + "".join(page)
        self.encoding_map = codecs.charmap_build(decoding)
        folded = [_TABLE[ord(c)] for c in decoding]
        assert all(len(f) == 1 and f.isascii() for f in folded)
        self.to_fold = bytes(ord(f) for f in folded)
        self._local = threading.local()
        codecs.register_error(self.ERRORS, self._outside)

    def _outside(self, exc: UnicodeEncodeError) -> tuple[str, int]:
        out = "".join(_TABLE[ord(c)] for c in exc.object[exc.start:exc.end])
        if not out.isascii():
            self._local.kept.append((exc.start, out))
            out = out.encode("ascii", "replace").decode("ascii")   # one "?" a character: same length
        return out, exc.end

    def fold(self, low: str) -> str:
        kept = self._local.kept = []
        out = codecs.charmap_encode(low, self.ERRORS, self.encoding_map)[0].translate(self.to_fold).decode("ascii")
        if not kept:
            return out
        parts, pos = [], 0
        for start, part in kept:
            parts += (out[pos:start], part)
            pos = start + len(part)
        parts.append(out[pos:])
        return "".join(parts)


_FAST: _ByteFold | None = _ByteFold()


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
