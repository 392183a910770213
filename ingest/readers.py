"""Read a document file (text, Markdown, HTML, DOCX, PDF) into one NFC string.

Every later stage points into ``ReadResult.text`` by character offset, so this
is the one place that decides what the text of a file is. The format is
decided by content first (a PDF saved as .txt is still a PDF), the extension
second. Anything that cannot be read raises ``InputError`` with a one-line
message naming the file and the problem.
"""
from __future__ import annotations

import codecs
import io
import json
import os
import re
import stat
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from phoihop.ingest import pdf_columns
from phoihop.ingest.legacy_encodings import (
    ENCODINGS, SAMPLE_CHARS, convert_text, decode_legacy, detect_legacy_text, vietnamese_score,
)
from phoihop.ingest.lexicon import sections
from phoihop.ingest.records import InputError
from phoihop.ingest.textnorm import fold

FORMATS = ("txt", "md", "html", "docx", "pdf")
# Share of non-ASCII words that must be Vietnamese syllables for an 8-bit reading
# to be accepted at all (abbreviations such as 'QĐ' keep real documents below 1).
MIN_8BIT_SCORE = 0.5
UNDECODABLE = "cannot decode text (not UTF-8, UTF-16, Windows-1258, TCVN3 or VNI)"
REPLACED = "invalid bytes replaced"
# UTF-8 with a few stray bytes (a damaged copy, one pasted character) is read with replacement
# when valid non-ASCII characters outnumber the bad bytes this many times over: an 8-bit
# (Windows-1258, TCVN3, VNI) file has almost no valid multi-byte sequence and stays 8-bit.
UTF8_GOOD_PER_BAD = 20


MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """How much one file may hold before it is refused (a hostile or broken file must not take
    the memory or the hours of a batch). ``phoihop ingest --max-mb`` sets ``max_bytes``; the
    zip bound follows it (a DOCX's XML is a few times its text)."""

    max_bytes: int = 32 * MB          # any file, as stored on disk (PDF and DOCX too)
    max_unzipped: int = 128 * MB      # a DOCX (any zip): every member uncompressed, together
    max_members: int = 2000           # a DOCX (any zip): members (a real one has tens)
    max_pdf_pages: int = 2000
    max_seconds: float = 300.0        # reading and extracting one document, in an ingest

    @classmethod
    def megabytes(cls, mb: float, seconds: float = 300.0) -> "Limits":
        return cls(max_bytes=int(mb * MB), max_unzipped=int(4 * mb * MB), max_seconds=seconds)


DEFAULT_LIMITS = Limits()


def _mb(n: int) -> str:
    return f"{n / MB:.1f} MB" if n < 10 * MB else f"{n / MB:.0f} MB"


@dataclass
class ReadResult:
    text: str                     # NFC; offsets of all later stages point into it
    format: str                   # txt | md | html | docx | pdf
    title: str | None = None
    published: str | None = None  # ISO date, when the page itself says so
    encoding: str | None = None   # what was detected (text and HTML), e.g. "utf-8", "tcvn3"
    warnings: list[str] = field(default_factory=list)   # read, but not exactly as stored (one line each)


def read_document(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> ReadResult:
    """The text of one document file; ``InputError`` for anything unreadable or over ``limits``."""
    path = Path(path)
    shown = _shown(path)
    data = _read_bytes(path, shown, limits.max_bytes)
    if not data or data.isspace():
        raise InputError(shown, "empty file")
    ext = path.suffix.lower()
    kind = _sniff(data, ext, shown, limits)
    if kind == "pdf":
        _check_pdf_streams(data, shown, limits.max_unzipped)
        result = _read_pdf(data, shown, limits.max_pdf_pages)
    elif kind == "docx":
        result = _read_docx(data, shown)
    else:
        text, encoding = decode_text(data, shown, html=ext in (".html", ".htm", ".xhtml"))
        if _looks_like_html(text, ext):
            result = _read_html(text, encoding)
        else:
            result = ReadResult(text, "md" if ext in (".md", ".markdown") else "txt", encoding=encoding)
    if not result.text.strip():
        raise InputError(shown, "empty file" if result.format in ("txt", "md") else "no text in the document")
    if result.encoding and REPLACED in result.encoding:
        result.warnings.append(f"{shown}: read as {result.encoding} (U+FFFD stands for each)")
    return result


def _shown(path: Path) -> str:
    """The path as the user gave it, kept on one line."""
    return str(path).replace("\r", "\\r").replace("\n", "\\n")


def _read_bytes(path: Path, shown: str, limit: int) -> bytes:
    """The file's bytes: a regular file of at most ``limit`` bytes. Opened without blocking and
    checked on the open descriptor, so a FIFO does not hang and /dev/zero is not read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "rb") as fh:
            info = os.fstat(fh.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError
            if not stat.S_ISREG(info.st_mode):
                raise InputError(shown, f"not a regular file ({_file_kind(info.st_mode)}), not read")
            if info.st_size > limit:
                raise _too_large(shown, info.st_size, limit)
            data = fh.read(limit + 1)
            if len(data) > limit:                 # grew while being read
                raise _too_large(shown, len(data), limit)
            return data
    except FileNotFoundError:
        raise InputError(shown, "file not found") from None
    except IsADirectoryError:
        raise InputError(shown, "is a directory, not a file") from None
    except PermissionError:
        raise InputError(shown, "permission denied") from None
    except OSError as e:
        raise InputError(shown, f"cannot read file ({e.strerror or e})") from None


def _file_kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "a special file"


def _too_large(shown: str, size: int, limit: int) -> InputError:
    return InputError(shown, f"too large ({_mb(size)}; the limit is {_mb(limit)}, --max-mb changes it)")


# --- What kind of file ------------------------------------------------------

_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")
_BINARIES = (b"\x7fELF", b"\x1f\x8b", b"7z\xbc\xaf", b"Rar!")   # others show as NUL bytes


def _sniff(data: bytes, ext: str, shown: str, limits: Limits = DEFAULT_LIMITS) -> str:
    """'pdf', 'docx' or 'text' (text and HTML are told apart after decoding)."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or ext == ".docx":
        return _sniff_zip(data, ext, shown, limits)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError(shown, "old binary Word/Office file (.doc); save it as .docx or PDF first")
    if data.startswith(_IMAGES) or data[8:12] == b"WEBP":
        raise InputError(shown, "image file, not a document (OCR it first)")
    if ext == ".pdf" and not data.lstrip(codecs.BOM_UTF8 + b" \t\r\n").startswith(b"<"):
        raise InputError(shown, "damaged PDF (no %PDF header)")    # (an HTML page saved as .pdf reads as HTML)
    if data.startswith(_BINARIES):
        raise InputError(shown, "binary file, not a document")
    return "text"


def _sniff_zip(data: bytes, ext: str, shown: str, limits: Limits = DEFAULT_LIMITS) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            members = z.infolist()
            names = {m.filename for m in members}
    except (zipfile.BadZipFile, ValueError, EOFError):
        if ext == ".docx" or b"word/" in data[:4096] or b"[Content_Types].xml" in data[:4096]:
            raise InputError(shown, "damaged DOCX (not a valid zip)") from None
        raise InputError(shown, "damaged zip archive, not a document") from None
    _check_zip(members, shown, limits)
    if "word/document.xml" in names:
        return "docx"
    if ext == ".docx":
        raise InputError(shown, "damaged DOCX (no word/document.xml in the zip)")
    raise InputError(shown, "zip archive, not a document")


def _check_zip(members: list[zipfile.ZipInfo], shown: str, limits: Limits) -> None:
    """Refuse a zip bomb before anything is decompressed: too many members, or more bytes
    uncompressed than the limit. (The declared sizes can be trusted: Python's zipfile stops
    at them and fails the CRC check of a member that would give more.)"""
    if len(members) > limits.max_members:
        raise InputError(shown, f"zip with {len(members)} members (the limit is {limits.max_members}): "
                                "refused as a possible zip bomb")
    total = sum(m.file_size for m in members)
    if total > limits.max_unzipped:
        raise InputError(shown, f"zip expands to {_mb(total)} (the limit is {_mb(limits.max_unzipped)}, "
                                "--max-mb changes it): refused as a possible zip bomb")


# --- Plain text -------------------------------------------------------------

# Bytes that never occur in text (all C0 controls but tab, LF, VT, FF, CR, ESC, SUB).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 26, 27))
# UTF-32 first: its little-endian BOM starts like UTF-16's.
_BOMS = {
    codecs.BOM_UTF32_LE: "utf-32-le", codecs.BOM_UTF32_BE: "utf-32-be", codecs.BOM_UTF8: "utf-8",
    codecs.BOM_UTF16_LE: "utf-16-le", codecs.BOM_UTF16_BE: "utf-16-be",
}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def decode_text(data: bytes, shown: str = "<bytes>", html: bool = False) -> tuple[str, str]:
    """(NFC text with \\n line ends, encoding name) of a text file's bytes.

    Order: a BOM; then valid UTF-8 (checked for TCVN3/VNI mojibake stored as
    UTF-8); for HTML, a declared charset; then the 8-bit candidates
    Windows-1258, TCVN3 and VNI, scored by how much reads as Vietnamese.
    """
    for bom in _BOMS:
        if data.startswith(bom):
            codec = _BOMS[bom]
            try:
                return _finish(data[len(bom):].decode(codec)), codec
            except UnicodeDecodeError:
                raise InputError(shown, f"cannot decode text (damaged {codec})") from None
    bomless = _bomless_utf16(data)
    if bomless:
        try:
            return _finish(data.decode(bomless)), bomless
        except UnicodeDecodeError:
            pass
    _refuse_binary(data, shown)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        legacy = detect_legacy_text(text)
        if legacy:
            return _finish(convert_text(text, legacy)), f"{legacy} (stored as utf-8)"
        return _finish(text), "utf-8"
    if html:
        declared = _declared_charset(data)
        if declared and declared != "utf-8":
            return _finish(data.decode(declared, errors="replace")), declared
    mostly = _mostly_utf8(data)
    if mostly:
        return mostly
    return _decode_8bit(data, shown)


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 text with a few invalid bytes, each read as U+FFFD; None when it is not UTF-8."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    good = len(text) - len(text.encode("ascii", "ignore")) - bad
    if bad <= 0 or good < UTF8_GOOD_PER_BAD * bad:
        return None
    return _finish(text), f"utf-8 ({bad} {REPLACED})"


def _finish(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'-be' when every other byte is NUL, as in UTF-16 text of mostly ASCII/Latin letters."""
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _refuse_binary(data: bytes, shown: str) -> None:
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    if b"\x00" in sample or controls > len(sample) * 0.02:
        raise InputError(shown, "binary file, not a document")


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None


def _decode_8bit(data: bytes, shown: str) -> tuple[str, str]:
    """Choose among Windows-1258, TCVN3 and VNI by how Vietnamese each reads."""
    sample = data[:SAMPLE_CHARS]
    cp1258 = unicodedata.normalize("NFC", sample.decode("cp1258", errors="replace"))
    candidates = [("windows-1258", vietnamese_score(cp1258))]
    candidates += [(enc, vietnamese_score(decode_legacy(sample, enc))) for enc in ENCODINGS]
    best, (score, words) = max(candidates, key=lambda c: c[1][0])   # ties: first (cp1258) wins
    if score < MIN_8BIT_SCORE and words:
        raise InputError(shown, UNDECODABLE)
    if best == "windows-1258":
        try:
            return _finish(data.decode("cp1258")), best
        except UnicodeDecodeError:
            raise InputError(shown, UNDECODABLE) from None
    return _finish(decode_legacy(data, best)), best


# --- HTML -------------------------------------------------------------------

_HTML_START = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)
_HTML_TAGS = re.compile(r"<(?:html|head|body)[\s>]", re.I)
_ANY_TAG = re.compile(r"<(?:p|div|article|h[1-6]|title|meta|br|span|a)[\s>/]", re.I)


def _looks_like_html(text: str, ext: str) -> bool:
    head = text[:4096]
    if _HTML_START.match(head) or _HTML_TAGS.search(head):
        return True
    return ext in (".html", ".htm", ".xhtml") and _ANY_TAG.search(head) is not None


@dataclass(frozen=True)
class _Boilerplate:
    phrases: frozenset[str]       # folded
    sections: frozenset[str]      # folded
    classes: frozenset[str]


@lru_cache(maxsize=None)
def boilerplate() -> _Boilerplate:
    """The page-furniture lists of ``data/html_boilerplate.txt``."""
    parts = sections(Path(__file__).parent / "data" / "html_boilerplate.txt")
    return _Boilerplate(
        phrases=frozenset(fold(p) for p in parts.get("phrases", [])),
        sections=frozenset(fold(p) for p in parts.get("sections", [])),
        classes=frozenset(c.lower() for c in parts.get("classes", [])),
    )


# Never content, wherever they are.
_DROP_TAGS = {"script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed",
              "form", "button", "input", "select", "textarea", "label", "nav", "aside", "figure",
              "picture", "video", "audio", "map", "dialog", "menu"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = {"p", "div", "section", "article", "main", "header", "footer", "blockquote", "pre",
           "figcaption", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot",
           "address", "center", "hr", "body", "html", "caption"} | _HEADINGS
_CLASS_SPLIT = re.compile(r"[\s_\-]+")


def _read_html(text: str, encoding: str) -> ReadResult:
    import lxml.html

    try:
        doc = lxml.html.document_fromstring(text)
    except Exception:   # lxml raises ParserError / ValueError on documents with no elements
        return ReadResult("", "html", encoding=encoding)
    title = _html_title(doc)
    published = _html_published(doc)
    _clean(doc)
    root = _content_root(doc)
    _drop_furniture(root)
    body = _render(root)
    h1 = root.xpath(".//h1")
    if title and not h1 and fold(title) not in fold(body[: len(title) * 2]):
        body = f"{title}\n\n{body}" if body else title
    return ReadResult(unicodedata.normalize("NFC", body), "html", title=title,
                      published=published, encoding=encoding)


def _text_of(el) -> str:
    return " ".join(el.text_content().split())


def _table_width(tr) -> int:
    """The most cells with text in a row of the table a <tr> is in."""
    table = next((a for a in tr.iterancestors() if a.tag == "table"), None)
    rows = table.iter("tr") if table is not None else [tr]
    return max(sum(1 for c in row if isinstance(c.tag, str) and c.tag in ("td", "th") and c.text_content().strip())
               for row in rows)


def _cell_text(el) -> str:
    """A table cell's text with its <br> kept as line breaks ("ỦY BAN NHÂN DÂN<br>TỈNH HÀ NAM", the items of
    a Nơi nhận cell), its other white space squashed."""
    for br in el.iter("br"):
        br.tail = "\n" + (br.tail or "")
    lines = (" ".join(part.split()) for part in el.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _span(cell, name: str) -> int:
    value = (cell.get(name) or "1").strip()
    return max(1, min(int(value), 1000)) if value.isdigit() else 1


def _grid_row(tr, spans: dict) -> list[str]:
    """A row's cells on the table's grid: a cell that spans rows (rowspan, as "Cơ quan chủ trì" over
    several tasks) gives its text to each row it covers, so that the columns after it stay in place;
    one that spans columns keeps the later columns in place."""
    table = next((a for a in tr.iterancestors() if a.tag == "table"), None)
    pending = spans.setdefault(table, {})        # column -> [rows left, text]
    cells = [c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
    out: list[str] = []
    k = 0
    while k < len(cells) or any(col >= len(out) for col in pending):
        col = len(out)
        if col in pending:
            left, text = pending[col]
            out.append(text)
            if left <= 1:
                del pending[col]
            else:
                pending[col] = [left - 1, text]
            continue
        if k >= len(cells):
            out.append("")
            continue
        cell, k = cells[k], k + 1
        text = _cell_text(cell)
        rows = _span(cell, "rowspan")
        if rows > 1:
            pending[col] = [rows - 1, text]
        out.append(text)
        out.extend("" for _ in range(_span(cell, "colspan") - 1))
    return out


def _html_title(doc) -> str | None:
    for xp in ("//article//h1", "//*[@itemprop='headline']", "//h1",
               "//meta[@property='og:title']/@content", "//title"):
        for found in doc.xpath(xp):
            t = " ".join((found if isinstance(found, str) else found.text_content()).split())
            if t:
                return unicodedata.normalize("NFC", t)
    return None


_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_DATE_XPATHS = (
    "//meta[@property='article:published_time']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//*[@itemprop='datePublished']/@datetime",
    "//meta[@name='pubdate' or @name='publishdate' or @name='date' or @name='dc.date.issued'"
    " or @name='DC.date.issued' or @name='article:published_time']/@content",
    "//article//time/@datetime",
    "//time[@pubdate]/@datetime",
)


def _iso_date(value: str) -> str | None:
    m = _ISO.search(value)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = _DMY.search(value)
        if not m:
            return None
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if 1 <= mo <= 12 and 1 <= d <= 31 and 1900 < y < 2200:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def _html_published(doc) -> str | None:
    for xp in _DATE_XPATHS:
        for value in doc.xpath(xp):
            iso = _iso_date(str(value))
            if iso:
                return iso
    for script in doc.xpath("//script[@type='application/ld+json']/text()"):
        m = re.search(r'"datePublished"\s*:\s*"([^"]+)"', script)
        if m and _iso_date(m.group(1)):
            return _iso_date(m.group(1))
    return None


def _remove(el) -> None:
    """Drop an element but keep its tail text in the flow."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail and el.tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _holds_article(el) -> bool:
    """Too much of the page to be furniture, whatever its class says."""
    if el.tag in ("body", "html", "article", "main") or el.xpath(".//article|.//*[@itemprop='articleBody']"):
        return True
    return sum(1 for p in el.iter("p") if len(_text_of(p)) >= 80) >= 3


def _clean(doc) -> None:
    words = boilerplate().classes
    for el in list(doc.iter()):
        if not isinstance(el.tag, str):          # comments, processing instructions
            _remove(el)
            continue
        if el.getparent() is None and el.tag != "html":
            continue
        tag = el.tag.lower()
        if tag in _DROP_TAGS or (tag in ("header", "footer") and not el.xpath("ancestor::article")):
            _remove(el)
            continue
        if el.get("hidden") is not None or el.get("aria-hidden") == "true" or \
                "display:none" in (el.get("style") or "").replace(" ", ""):
            _remove(el)
            continue
        marks = set(_CLASS_SPLIT.split(f"{el.get('class', '')} {el.get('id', '')}".lower()))
        if marks & words and not _holds_article(el):
            _remove(el)


def _content_root(doc):
    """The element holding the article: articleBody, <article>, or the densest block."""
    body = doc.find("body") if doc.find("body") is not None else doc
    for xp in ("//*[@itemprop='articleBody']", "//article"):
        found = [el for el in doc.xpath(xp) if _text_of(el)]
        if found:
            best = max(found, key=lambda el: len(_text_of(el)))
            if len(_text_of(best)) >= 200 or xp.startswith("//*"):
                return best
    scores: dict = {}
    for p in body.iter("p", "li", "pre", "blockquote", "td"):
        n = len(_text_of(p)) - sum(len(_text_of(a)) for a in p.iter("a"))
        if n < 25:
            continue
        parent = p.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0) + n
            grand = parent.getparent()
            if grand is not None:
                scores[grand] = scores.get(grand, 0) + n / 2
    if not scores:
        return body
    best = max(scores, key=scores.get)
    # A list or table row is part of a larger block: climb to that block.
    while best.tag in ("ul", "ol", "tr", "tbody", "table", "dl") and best.getparent() is not None:
        best = best.getparent()
    return best


def _link_density(el) -> float:
    text = len(_text_of(el))
    if not text:
        return 1.0
    return sum(len(_text_of(a)) for a in el.iter("a")) / text


def _only_furniture(key: str) -> bool:
    """Folded text made of boilerplate phrases only (and counts such as 'Bình luận (3)')."""
    return not re.sub(r"[\d\s]", "", _furniture_pattern().sub(" ", key))


@lru_cache(maxsize=None)
def _furniture_pattern() -> re.Pattern:
    phrases = sorted(boilerplate().phrases, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")


def _drop_furniture(root) -> None:
    """Share buttons, comment prompts and 'related news' lists inside the article.

    Whole blocks (or links and buttons) whose text is only furniture go; a
    phrase inside a sentence ('<strong>Quan tâm</strong> đến ...') stays.
    """
    bp = boilerplate()
    for el in list(root.iter()):
        if el is root or not isinstance(el.tag, str) or root not in el.iterancestors():
            continue    # already removed with an ancestor
        text = _text_of(el)
        if not text or len(text) > 80:
            continue
        key = fold(text)
        standalone = el.tag in _BLOCKS or el.tag in ("li", "td", "th", "a", "button")
        if key in bp.sections:
            while el.getparent() is not root and fold(_text_of(el.getparent())) == key:
                el = el.getparent()
            _drop_section(el, root)
        elif standalone and _only_furniture(key) and not (el.tag in ("td", "th") and key.isdigit()):
            _remove(el)     # (a table's row number "1" is a cell, not a count: the columns must stay in place)


def _drop_section(heading, root) -> None:
    """A 'Tin liên quan' heading, the link lists after it, and a box left holding only links."""
    parent = heading.getparent()
    for sib in list(heading.itersiblings()):
        if _link_density(sib) > 0.5:
            _remove(sib)
        else:
            break
    _remove(heading)
    while parent is not None and parent is not root and _link_density(parent) > 0.5:
        up = parent.getparent()
        _remove(parent)
        parent = up


def _render(root) -> str:
    """Blank-line separated paragraphs; headings alone; list items as '- item'."""
    blocks: list[str] = []
    items: list[bool] = []        # blocks that are list items: one line apart, not a blank line
    spans: dict = {}              # per table: the cells above that span down into the next rows
    line: list[str] = []
    prefix = [""]

    def flush():
        text = "".join(line)
        line.clear()
        lines = [" ".join(part.split()) for part in text.split("\n")]
        lines = [l for l in lines if l]
        if lines:
            blocks.append(prefix[0] + "\n".join(lines))
            items.append(bool(prefix[0]))
            prefix[0] = ""

    def text(value, pre):
        # Source line breaks are only white space, except in <pre>; <br> breaks lines.
        if value:
            line.append(value if pre else value.replace("\n", " ").replace("\r", " "))

    def walk(el, depth, pre=False):
        if not isinstance(el.tag, str):
            return
        tag = el.tag.lower()
        if tag == "br":
            line.append("\n")
        elif tag == "li":
            flush()
            prefix[0] = "  " * depth + "- "
            inner(el, depth + 1, pre)
            flush()
        elif tag == "tr":
            flush()
            cells = _grid_row(el, spans)
            if _table_width(el) >= 3:
                blocks.append("| " + " | ".join("; ".join(c.split("\n")) for c in cells) + " |")
                items.append(True)      # rows of a data table: one line apart
            elif any(cells):
                blocks.append("\n".join(c for c in cells if c))
                items.append(False)
        elif tag in _BLOCKS or tag in ("td", "th"):
            flush()
            inner(el, depth, pre or tag == "pre")
            flush()
        else:
            inner(el, depth, pre)
        text(el.tail, pre)

    def inner(el, depth, pre):
        text(el.text, pre)
        for child in el:
            walk(child, depth, pre)

    _walk_root(root, walk)
    flush()
    out = []
    for i, block in enumerate(blocks):
        if i:
            out.append("\n" if items[i] and items[i - 1] else "\n\n")
        out.append(block)
    return "".join(out)


def _walk_root(root, walk) -> None:
    """Render the root's content, not its tail (text after the article)."""
    tail, root.tail = root.tail, None
    try:
        walk(root, 0)
    finally:
        root.tail = tail


# --- DOCX -------------------------------------------------------------------

def _read_docx(data: bytes, shown: str) -> ReadResult:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(_docx_blocks(document.element.body, _Numbering(document)))
    except (zipfile.BadZipFile, PackageNotFoundError, EOFError):
        raise InputError(shown, "damaged DOCX (not a valid zip)") from None
    except KeyError as e:
        raise InputError(shown, f"damaged DOCX (missing part {e})") from None
    except Exception as e:   # lxml.etree.XMLSyntaxError, zlib.error, ... from a truncated part
        raise InputError(shown, f"damaged DOCX ({type(e).__name__})") from None
    title = (document.core_properties.title or "").strip() or None
    text = unicodedata.normalize("NFC", "\n\n".join(b for b in blocks if b.strip()))
    return ReadResult(text, "docx", title=title)


def _w(tag: str) -> str:
    from docx.oxml.ns import qn
    return qn(tag)


def _docx_blocks(container, numbering):
    """Paragraphs and table rows of a body or cell, in document order."""
    from docx.text.paragraph import Paragraph

    for child in container.iterchildren():
        if child.tag == _w("w:p"):
            para = Paragraph(child, None)
            text = para.text.strip()
            if text:
                yield numbering.label(child) + text
        elif child.tag == _w("w:tbl"):
            yield from _table_blocks(_docx_rows(child, numbering))
        elif child.tag == _w("w:sdt"):
            content = child.find(_w("w:sdtContent"))
            if content is not None:
                yield from _docx_blocks(content, numbering)


def _docx_rows(table, numbering) -> list[list[str]]:
    """A Word table's rows on its grid: a cell merged across columns (gridSpan) keeps the columns after
    it in place; a cell merged down rows (vMerge, as "Cơ quan chủ trì" over several tasks) gives its
    text to every row it covers."""
    rows: list[list[str]] = []
    for tr in table.iterchildren(_w("w:tr")):
        row: list[str] = []
        for tc in tr.iterchildren(_w("w:tc")):
            props = tc.find(_w("w:tcPr"))
            span = props.find(_w("w:gridSpan")) if props is not None else None
            merge = props.find(_w("w:vMerge")) if props is not None else None
            text = "\n".join(b for b in _docx_blocks(tc, numbering) if b.strip())
            if merge is not None and merge.get(_w("w:val")) in (None, "continue") and rows \
                    and len(rows[-1]) > len(row):
                text = rows[-1][len(row)]
            row.append(text)
            width = int(span.get(_w("w:val"), "1")) if span is not None else 1
            row.extend("" for _ in range(width - 1))
        rows.append(row)
    return rows


def _table_blocks(rows: list[list[str]]):
    """A table's rows: a layout table (one or two columns with text: header, Nơi nhận | signature) cell by
    cell; a data table (a plan's tasks with their bodies) as Markdown rows, its cells' lines joined by ";"."""
    if max((sum(1 for c in row if c) for row in rows), default=0) < 3:
        for row in rows:
            cells = [c for c in row if c]
            if cells:
                yield "\n\n".join(cells)
        return
    yield "\n".join("| " + " | ".join("; ".join(c.split("\n")) for c in row) + " |" for row in rows if any(row))


class _Numbering:
    """The numbers Word draws before list paragraphs ('1.', 'a)', '-'), which are not in the text."""

    def __init__(self, document):
        self.formats: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        self.styles: dict[str, tuple] = {}     # styleId -> (numPr element or None, basedOn styleId)
        try:
            for st in document.styles.element.iterchildren(_w("w:style")):
                based = st.find(_w("w:basedOn"))
                self.styles[st.get(_w("w:styleId"))] = (
                    st.find(f"{_w('w:pPr')}/{_w('w:numPr')}"),
                    based.get(_w("w:val")) if based is not None else None,
                )
        except (NotImplementedError, KeyError, AttributeError):
            pass
        try:
            numbering = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract = {}
        for a in numbering.iterchildren(_w("w:abstractNum")):
            levels = {}
            for lvl in a.iterchildren(_w("w:lvl")):
                fmt = lvl.find(_w("w:numFmt"))
                text = lvl.find(_w("w:lvlText"))
                start = lvl.find(_w("w:start"))
                levels[int(lvl.get(_w("w:ilvl"), "0"))] = (
                    fmt.get(_w("w:val")) if fmt is not None else "decimal",
                    text.get(_w("w:val")) if text is not None else "",
                    int(start.get(_w("w:val"))) if start is not None else 1,
                )
            abstract[a.get(_w("w:abstractNumId"))] = levels
        for num in numbering.iterchildren(_w("w:num")):
            ref = num.find(_w("w:abstractNumId"))
            if ref is not None:
                for ilvl, spec in abstract.get(ref.get(_w("w:val")), {}).items():
                    self.formats[(num.get(_w("w:numId")), ilvl)] = spec

    def _num_pr(self, p):
        """The paragraph's own list properties, else its style's (List Number, ...)."""
        num_pr = p.find(f"{_w('w:pPr')}/{_w('w:numPr')}")
        style = p.find(f"{_w('w:pPr')}/{_w('w:pStyle')}")
        style_id = style.get(_w("w:val")) if style is not None else None
        seen = set()
        while num_pr is None and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            num_pr, style_id = self.styles[style_id]
        return num_pr

    def label(self, p) -> str:
        num_pr = self._num_pr(p)
        if num_pr is None:
            return ""
        num_id_el, ilvl_el = num_pr.find(_w("w:numId")), num_pr.find(_w("w:ilvl"))
        num_id = num_id_el.get(_w("w:val")) if num_id_el is not None else None
        ilvl = int(ilvl_el.get(_w("w:val"))) if ilvl_el is not None else 0
        spec = self.formats.get((num_id, ilvl))
        if spec is None:
            return ""
        fmt, pattern, start = spec
        if fmt == "bullet":
            return "- "
        if fmt == "none":
            return ""
        counts = self.counters.setdefault(num_id, [])
        while len(counts) <= ilvl:
            counts.append(0)
        counts[ilvl] += 1
        del counts[ilvl + 1:]

        def value(level: int) -> str:
            lfmt, _, lstart = self.formats.get((num_id, level), ("decimal", "", 1))
            n = lstart + (counts[level] if level < len(counts) else 1) - 1
            return _format_number(n, lfmt)

        label = re.sub(r"%(\d)", lambda m: value(int(m.group(1)) - 1), pattern)
        return f"{label} " if label else ""


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        s = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        out, rest = "", n
        for v, r in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                     (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
            while rest >= v:
                out, rest = out + r, rest - v
        return out.upper() if fmt == "upperRoman" else out
    return str(n)


# --- PDF --------------------------------------------------------------------

_CID = re.compile(r"\(cid:\d+\)")


_STREAM = re.compile(rb"stream\r?\n")


def _check_pdf_streams(data: bytes, shown: str, budget: int) -> None:
    """Refuse a PDF whose compressed streams expand to more than ``budget`` bytes together (the
    zip bound, 4 × --max-mb): a "PDF bomb" of a few MB of zeros deflated would otherwise be
    inflated whole in memory by the parser. Each Flate stream is inflated at most to what is
    left of the budget (bounded memory); other filters, and damaged or encrypted streams, are
    left to the parser."""
    total = 0
    for m in _STREAM.finditer(data):
        end = data.find(b"endstream", m.end())
        if end < 0:
            break
        try:
            total += len(zlib.decompressobj().decompress(data[m.end():end], budget - total + 1))
        except zlib.error:
            continue
        if total > budget:
            raise InputError(shown, f"PDF content expands to more than {_mb(budget)} (the limit, "
                                    "4 times --max-mb): not read")


def _read_pdf(data: bytes, shown: str, max_pages: int = DEFAULT_LIMITS.max_pdf_pages) -> ReadResult:
    import logging

    import pdfplumber

    if b"%%EOF" not in data[-2048:]:
        raise InputError(shown, "damaged PDF (truncated: no end-of-file marker)")
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pages = []
    title = None
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            info = pdf.metadata or {}
            title = _pdf_str(info.get("Title"))
            if len(pdf.pages) > max_pages:
                raise InputError(shown, f"PDF of {len(pdf.pages)} pages (the limit is {max_pages})")
            read = [(page.height, page.extract_words(), _pdf_tables(page)) for page in pdf.pages]
            drops = pdf_columns.furniture([(words, height) for height, words, _ in read])
            for (_, words, tables), drop in zip(read, drops):
                # running headers and page numbers left out; two-column header and foot blocks (issuer |
                # motto, Nơi nhận | signature) read column by column; data tables cell by cell
                kept = [w for k, w in enumerate(words) if k not in drop]
                pages.append(pdf_columns.page_text(kept, tables))
    except InputError:
        raise
    except Exception as e:    # pdfminer's PDFSyntaxError, PSEOF, ... and pdfplumber's own
        if "password" in str(e).lower() or type(e).__name__ == "PDFPasswordIncorrect":
            raise InputError(shown, "encrypted PDF (needs a password)") from None
        raise InputError(shown, f"damaged PDF ({type(e).__name__})") from None
    if not pages:
        raise InputError(shown, "damaged PDF (no pages)")
    text = _join_pages([p.strip("\n") for p in pages if p.strip()])
    if not text.strip():
        raise InputError(shown, "scanned PDF with no text layer (OCR it first)")
    if len(_CID.findall(text)) * 8 > len(text):
        raise InputError(shown, "PDF text layer has no Unicode mapping (OCR it first)")
    return ReadResult(unicodedata.normalize("NFC", text), "pdf", title=title)


def _pdf_tables(page) -> list[tuple[tuple, str]]:
    """The tables a page draws with borders, each as (its box, its rows as the DOCX reader prints them:
    a data table as Markdown rows, a table of one or two columns with text cell by cell); a layout table
    without borders (header, Nơi nhận | signature) is left to the column reading."""
    if not (page.rects or page.lines):
        return []
    out = []
    for table in page.find_tables():
        rows = _merged_down(table, [[pdf_columns.cell_text(c) for c in row] for row in table.extract()])
        if max((len(row) for row in rows), default=0) >= 2:
            out.append((table.bbox, "\n".join(_table_blocks([row for row in rows if any(row)]))))
    return out


def _merged_down(table, rows: list[list[str]]) -> list[list[str]]:
    """A cell drawn over several rows (as "Cơ quan chủ trì" over several tasks) gives its text to each row
    it covers: pdfplumber leaves the rows under it without a cell there."""
    boxes = [row.cells for row in table.rows]
    for r in range(1, min(len(rows), len(boxes))):
        for c, box in enumerate(boxes[r]):
            if box is not None or c >= len(rows[r]) or rows[r][c]:
                continue
            above = next((k for k in range(r - 1, -1, -1) if c < len(boxes[k]) and boxes[k][c] is not None), None)
            bottom = max((b[3] for b in boxes[r] if b is not None), default=None)
            if above is not None and bottom is not None and boxes[above][c][3] >= bottom - 1:
                rows[r][c] = rows[above][c]
    return rows


_PAGE_END_RE = re.compile(r"[.;:!?][\"”)]*\s*$")
_LINE_CUT_RE = re.compile(r"(?<=[\w)]-)\n(?=[A-ZĐ0-9])|(?<=\d/)\n(?=[A-ZĐ0-9])")


def _join_pages(pages: list[str]) -> str:
    """Pages one after the other: a sentence that runs on to the next page goes on on the next line, a
    page that ends a paragraph leaves a blank line (not one that ends on an item's label, "9.", its text
    on the next page); a symbol cut at its hyphen or slash at a line's end
    ("10/2024/TT-" "BTC") or inside ("2916/QĐ-UB" "ND") is joined."""
    out = []
    for k, page in enumerate(pages):
        if k:
            ends = _PAGE_END_RE.search(pages[k - 1]) and not pdf_columns.MARKER_LINE_RE.fullmatch(
                pages[k - 1][pages[k - 1].rfind("\n") + 1:].strip())
            out.append("\n\n" if ends else "\n")
        out.append(page)
    return pdf_columns.join_cut_symbols(_LINE_CUT_RE.sub("", "".join(out)))


def _pdf_str(value) -> str | None:
    if isinstance(value, bytes):
        for codec in ("utf-16", "utf-8", "latin-1"):
            try:
                value = value.decode(codec)
                break
            except UnicodeDecodeError:
                continue
    if isinstance(value, str) and value.strip():
        return unicodedata.normalize("NFC", value.strip())
    return None


def describe(result: ReadResult) -> str:
    """One line about a read, for CLI output: 'html, utf-8, 1234 chars, "Title"'."""
    bits = [result.format]
    if result.encoding:
        bits.append(result.encoding)
    bits.append(f"{len(result.text)} chars")
    if result.published:
        bits.append(f"published {result.published}")
    if result.title:
        bits.append(json.dumps(result.title, ensure_ascii=False))
    return ", ".join(bits)
