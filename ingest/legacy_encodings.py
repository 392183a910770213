"""Vietnamese text in the pre-Unicode font encodings TCVN3 (ABC) and VNI-Windows.

Old provincial documents were typed in .VnTime (TCVN3) or VNI-Times (VNI)
fonts: the bytes are not any code page, so they read as mojibake ("Uû ban
nhaân daân", "Së Y tÕ"). Both are detected by trying them and scoring how much
of the result is real Vietnamese (``vietnamese_score``), the same test the
reader uses to choose between UTF-8, Windows-1258 and these.

The tables live in ``data/tcvn3.tsv`` and ``data/vni.tsv``. Conversion works
on text whose characters stand for bytes (``bytes.decode("latin-1")``), so the
same code converts raw bytes and mojibake already stored as Unicode; all the
bytes these encodings use are >= 0xA1, where latin-1 and cp1252 agree.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).parent / "data"

ENCODINGS = ("tcvn3", "vni")

# A legacy reading must make at least this share of the non-ASCII words real
# Vietnamese syllables, and beat the text as it is, to be chosen.
MIN_SCORE = 0.6
# Scoring a sample is enough to choose an encoding and keeps 50 MB files fast.
SAMPLE_CHARS = 200_000


def _rows(name: str) -> list[list[str]]:
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


@lru_cache(maxsize=None)
def tcvn3_table() -> dict[int, str]:
    """Byte value -> Unicode letter."""
    return {int(row[0], 16): row[1] for row in _rows("tcvn3.tsv")}


@lru_cache(maxsize=None)
def vni_table() -> dict[str, str]:
    """VNI byte sequence (as latin-1 characters) -> Unicode letter."""
    table = {}
    for letter, hexbytes, *_ in _rows("vni.tsv"):
        table[bytes.fromhex(hexbytes).decode("latin-1")] = letter
    # Typists mixed the case of the mark byte ("Aù"); the base letter decides.
    for seq, letter in list(table.items()):
        if len(seq) == 2:
            table.setdefault(seq[0] + seq[1].swapcase(), letter)
    return table


@lru_cache(maxsize=None)
def _tcvn3_translate() -> dict[int, str]:
    return dict(tcvn3_table())


@lru_cache(maxsize=None)
def _vni_pattern() -> re.Pattern:
    """A base letter and a mark byte, or a one-byte letter (character classes: fast on big files)."""
    table = vni_table()
    pairs = [s for s in table if len(s) == 2]
    bases = "".join(sorted({p[0] for p in pairs}))
    marks = "".join(sorted({p[1] for p in pairs}))
    singles = "".join(sorted(s for s in table if len(s) == 1))
    return re.compile(f"[{re.escape(bases)}][{re.escape(marks)}]|[{re.escape(singles)}]")


def _vni_letter(match: re.Match) -> str:
    seq = match.group()
    table = vni_table()
    letter = table.get(seq)
    if letter is None:          # a pair VNI never writes: convert each byte on its own
        letter = "".join(table.get(c, c) for c in seq)
    return letter


# Bytes 80-9F are Windows punctuation (curly quotes, dashes) in both encodings.
_WINDOWS_PUNCTUATION = {
    b: bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


def convert_text(text: str, encoding: str) -> str:
    """Mojibake characters (each standing for one byte) -> Unicode, NFC.

    Characters that are not part of the encoding are kept, so already-Unicode
    text mixed in survives.
    """
    if encoding == "tcvn3":
        out = text.translate(_tcvn3_translate())
    elif encoding == "vni":
        out = _vni_pattern().sub(_vni_letter, text)
    else:
        raise ValueError(f"unknown legacy encoding {encoding!r}")
    return unicodedata.normalize("NFC", out.translate(_WINDOWS_PUNCTUATION))


def decode_legacy(data: bytes, encoding: str) -> str:
    """TCVN3 or VNI bytes -> Unicode text (NFC)."""
    return convert_text(data.decode("latin-1"), encoding)


def _encode_table(encoding: str) -> dict[str, str]:
    if encoding == "tcvn3":
        return {letter: chr(b) for b, letter in tcvn3_table().items()}
    table = {}
    for seq, letter in vni_table().items():
        if len(seq) == 1 or seq[1].isupper() == letter.isupper() or not letter.isalpha():
            table.setdefault(letter, seq)
    return table


def encode_legacy(text: str, encoding: str) -> bytes:
    """Unicode -> TCVN3/VNI bytes: the inverse of the tables (for tests and round trips).

    TCVN3 has no codes for toned capitals; like the 'H' fonts, they get the
    lower-case code. Anything else outside the table raises ``ValueError``.
    """
    table = _encode_table(encoding)
    out = []
    for c in unicodedata.normalize("NFC", text):
        if c in table:
            out.append(table[c])
        elif ord(c) < 0x80:
            out.append(c)
        elif encoding == "tcvn3" and c.lower() in table:
            out.append(table[c.lower()])
        else:
            raise ValueError(f"{c!r} has no {encoding} code")
    return "".join(out).encode("latin-1")


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}   # grave, acute, tilde, hook, dot


def encode_cp1258(text: str) -> bytes:
    """Unicode -> Windows-1258 as Windows writes it: precomposed where the code
    page has the letter (â, ơ, đ, á...), else base letter + combining tone mark."""
    out = []
    for c in unicodedata.normalize("NFC", text):
        try:
            out.append(c.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", c)
            tone = "".join(p for p in parts if p in _TONES)
            base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in _TONES))
            out.append((base + tone).encode("cp1258"))
    return b"".join(out)


# --- Is this Vietnamese? ---------------------------------------------------

_ONSETS = "ngh ng gh gi kh nh ph th tr ch qu b c d đ g h k l m n p r s t v x".split()
# Rhymes ending in a glide take no final consonant; some nuclei need one.
_CLOSED = ("ai ao au ay âu ây eo êu ia iu oi ôi ơi ui ưi ưu ua ưa uơ iêu yêu oai oao oay oeo "
           "uây uôi ươi ươu uya uyu").split()
_OPEN = "a e ê i o ô ơ u ư y oa oe oo uê uy".split()
_NEEDS_CODA = "ă â iê yê oă uâ uô ươ uyê".split()
_CODAS = "ng nh ch c m n p t".split()


def _alt(items: list[str]) -> str:
    return "|".join(sorted(items, key=len, reverse=True))


_SYLLABLE = re.compile(
    f"(?:{_alt(_ONSETS)})?"
    f"(?:(?:{_alt(_CLOSED)})|(?:{_alt(_OPEN)})(?:{_alt(_CODAS)})?|(?:{_alt(_NEEDS_CODA)})(?:{_alt(_CODAS)}))"
)
# Words: runs of anything but white space and ASCII punctuation.
_WORD = re.compile(r"[^\s!-/:-@\[-`{-~]+")


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """'người', 'Ủy', 'quyết' -> True; 'nhaân', 'Së', 'caùc' -> False."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for c in decomposed if c in _TONES)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return _SYLLABLE.fullmatch(bare) is not None


def vietnamese_score(text: str) -> tuple[float, int]:
    """(share of non-ASCII words that are Vietnamese syllables, how many such words).

    ASCII-only words read the same in every 8-bit candidate, so only words with
    other characters tell encodings apart.
    """
    total = valid = 0
    for word in _WORD.findall(text[:SAMPLE_CHARS]):
        if word.isascii():
            continue
        total += 1
        valid += is_syllable(word)
    return (valid / total if total else 0.0), total


_UNICODE_ONLY = re.compile("[ĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9]")
_LATIN1_HIGH_BYTES = bytes(range(0xA0, 0x100))


def _latin1_high(text: str) -> int:
    """How many characters of text are in U+00A0–U+00FF (counted in C: the text's Latin-1 characters
    as bytes, less those without the high ones; a list of every match cost three times as much)."""
    latin1 = text.encode("latin-1", "ignore")
    return len(latin1) - len(latin1.translate(None, _LATIN1_HIGH_BYTES))


def _too_many(pattern: re.Pattern, text: str, limit: float) -> bool:
    """More than ``limit`` matches of pattern in text? Stops counting once there are
    (real Vietnamese text passes the limit within its first words)."""
    n = 0
    for _ in pattern.finditer(text):
        n += 1
        if n > limit:
            return True
    return False


def detect_legacy_text(text: str, rival: float | None = None) -> str | None:
    """'tcvn3' or 'vni' when ``text`` reads as that encoding's mojibake, else None.

    A legacy reading must beat ``rival`` (by default the score of the text as
    it is): real Vietnamese stays as it is.
    """
    sample = text[:SAMPLE_CHARS]
    if sample.isascii():
        return None
    # Mojibake is made of Latin-1 look-alikes only; letters such as ơ, ư, đ, ạ
    # exist only in real Unicode Vietnamese.
    if _too_many(_UNICODE_ONLY, sample, 0.05 * _latin1_high(sample)):
        return None
    best, best_score = None, vietnamese_score(sample)[0] if rival is None else rival
    for encoding in ENCODINGS:
        score, words = vietnamese_score(convert_text(sample, encoding))
        if words and score >= MIN_SCORE and score > best_score:
            best, best_score = encoding, score
    return best


def detect_legacy(data: bytes) -> str | None:
    """'tcvn3', 'vni' or None for raw bytes (or UTF-8 holding such mojibake).

    Bytes that are not UTF-8 are legacy only if they read better so than as
    Windows-1258, the code page Vietnamese Windows wrote.
    """
    sample = data[:SAMPLE_CHARS]
    try:
        return detect_legacy_text(sample.decode("utf-8"))
    except UnicodeDecodeError as e:
        if e.start > len(sample) - 4 and len(data) > len(sample):   # a character cut by the sample
            return detect_legacy_text(sample[: e.start].decode("utf-8"))
    cp1258 = unicodedata.normalize("NFC", sample.decode("cp1258", errors="replace"))
    return detect_legacy_text(sample.decode("latin-1"), rival=vietnamese_score(cp1258)[0])
