"""Layout: one shape for every copy of a document, with offsets into the text as read (issue 13).

The same official text arrives as plain text, Markdown from a legal library, a
portal page, DOCX or PDF text. The copies differ in three ways, and every later
stage should see none of them:

- markup: bold and italic marks (``**``, ``*``, ``__``), Markdown headings
  (``#``), table pipes and rules (``|``, ``---``), HTML breaks (``<br>``);
- where lines break: scrapers and PDF text wrap lines mid-phrase ("Ủy ban nhân
  dân thành\\nphố Hà Nội"); a two-column header or a Nơi nhận cell is printed as
  one table row ("| UBND TỈNH X | CỘNG HÒA … |");
- the page around the document: a legal library's copyright banner and metadata
  table before the header, its related-documents lists and notices after the
  text; a web page's title before it.

``read(text)`` returns a ``Layout`` whose ``text`` has exactly the length of the
text read, so that a span computed on it is a span of the source: markup becomes
spaces, a soft line break becomes a space, the cells of a layout table (one or
two columns) become lines, the items of a list glued into one cell become lines,
"1234 /QĐ-UBND" is printed "1234/QĐ-UBND" (the space moves before the number),
and the page's preamble and furniture become blank lines. ``start``/``end`` say
where the document proper lies; ``bold`` keeps the one fact of the markup that
structure needs (a line printed wholly in bold is a heading); ``tables`` keeps
the grid of data tables (three columns or more: a plan's tasks with their
"Cơ quan chủ trì" and "Cơ quan phối hợp"), printed as Markdown rows (whose pipes
stay in the text as separators, so that no name runs from one cell into the next)
or one cell a line between "|" lines as a legal library prints them. Words and
numbers that bold marks split ("C**ỤC", "1**1**") are joined, the marks moved
after them as spaces.
"""
from __future__ import annotations

import re
from itertools import accumulate
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .linepattern import LineStart
from .lexicon import sections
from .textnorm import fold, fold_char, fold_keep

_DATA = Path(__file__).with_name("data") / "layout.txt"

_SEPARATOR_ROW_RE = re.compile(r"[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*")
_BAR_RE = re.compile(r"\|")
_SPLIT_WORD_RE = re.compile(r"(?<![^\W\d_])[^\W\d_]+(?:\*+[^\W\d_]+)+")
_SPLIT_NUMBER_RE = re.compile(r"(?<!\d)\d+(?:\*+\d+)+")     # "ngày 1**1**" -> "ngày 11"
_INNER_MARK_RE = re.compile(r"\*(?<=\w\*)\**\w")   # starts at the star: quick to find
_MARKS_RE = re.compile(r"\*+")
_LAST_LETTERS_RE = re.compile(r"[^\W\d_]*$")
_MD_HEADING_RE = re.compile(r"[ \t]*#{1,6}(?=[ \t]|$)")
_QUOTE_RE = re.compile(r"[ \t]*>+(?=[ \t])")
_BULLET_STAR_RE = re.compile(r"[ \t]*\*(?=[ \t]+\S)")
_BR_RE = re.compile(r"<br\s*/?>", re.I)
# lines glued into one cell of a layout table: the items of "Nơi nhận: - Như trên; - Sở Y tế; - Lưu: VT.",
# the trích yếu after the number ("Số: 12/UBND-NN V/v …")
_GLUED_ITEM_RE = re.compile(r"(?<=[;:.])[ \t]+(?=[-–•+][ \t])|(?<=\S)[ \t]+(?=V/[vV][ \t])")
# "1234 /QĐ-UBND", "1234/ QĐ-UBND": a number's symbol printed with spaces
# (the check on the character before sits after the first digit, as in numbers.NUMBER_RE, so that the
# regex engine skips quickly to digits)
_SPACED_ANY_RE = re.compile(r"/(?:(?<=\d[ \t]/)|[ \t]+(?=[A-ZĐ]))")
_SPACED_SLASH_RE = re.compile(r"(\d(?<![\w/.-]\d)\d{0,5})([ \t]+)/(?=[A-ZĐ])")
_SLASH_SPACED_RE = re.compile(r"(\d(?<![\w/.-]\d)\d{0,5}(?:/(?:19|20)\d\d)?/)([ \t]+)([A-ZĐ][\w&-]*)")
# where a new block starts: a joined line never runs into these
_BLOCK_START_RE = re.compile(
    r"(?:[-+•–]\s|(?:Điều|Chương|Mục|Phần)\s+[\dIVXLC]+\b|[IVXL]{1,5}[.)]\s|\d{1,2}(?:\.\d{1,2}){0,3}[.)]\s|"
    r"[a-zđ](?:\.?\d{1,2})?[.)]\s|\(?\d{1,2}\)\s|N[ơo]i nh[ậa]n\b|K[íi]nh g[ửu]i\b|[Vv]/[vV]\b|S[ốo]\s*:|(?:TM|KT|TL|TUQ|Q)\s?\.)")
_MARKER_ONLY_RE = re.compile(r"(?:Điều\s+\d{1,3}|[IVXL]{1,5}|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])[.)]:?")
_NUMBER_LINE_RE = LineStart(r"[ \t*_|#]*S[ốỐ][ \t]*(?:ký hiệu)?[ \t]*:[ \t]*\d{1,6}[ \t]*[/-][ \t]*[A-ZĐ0-9]")
_NUMBER_LABEL_RE = re.compile(r"(?:Luật\s+)?S[ốo](?:\s+ký hiệu)?\s*:")
_MOTTO_RE = re.compile(r"C[ỘO]NG[\W_]+H(?:[ÒO]A|O[ÀA])[\W_]+X[ÃA][\W_]+H[ỘO]I[\W_]+CH[ỦU][\W_]+NGH[ĨI]A")
_ENDS_RE = re.compile(r"[.;:!?]$")
_TWO_LETTERS_RE = re.compile(r"[^\W\d_].*[^\W\d_]")
_THREE_LETTERS_RE = re.compile(r"[^\W\d_].*[^\W\d_].*[^\W\d_]")
_MARKUP_LINE_RE = re.compile(r"[|*\-_=#~>+ \t\r:]*")
_EMPHASIS_LINE_RE = re.compile(r"[*_ \t\r]*")
_HAS_MARKUP_RE = re.compile(r"[*_#|<>~]")
_BAR_LINE_RE = LineStart(r"[^\S\n]*\|[^\S\n]*$")   # a "|" alone on its line: a cell of a streamed table
_RULE_ONLY = "-=+: \t\r"   # a line of only these is a rule or nothing
_HEADER_CELL = 60           # a table's header cell: "Cơ quan chủ trì", "Thời gian thực hiện"
_SHORT_TAIL = 12          # a wrapped line's last word alone on the next line ("TP;")
_WRAP_SHARE = 0.6         # a wrapped line fills most of the text's width; list items and titles are shorter
_ROW_NUMBER = 8             # a number column's cell: "TT", "1", "I.2"
_ROW_LABEL_RE = re.compile(r"(?:\d{1,3}|[IVXL]{1,5})(?:\.\d{1,2})*\.?|[a-zđ]\)")
# a row that spans the table and names a group of its rows ("**I. NÂNG CAO NHẬN THỨC**", "A. Lĩnh vực y tế")
_GROUP_ROW_RE = re.compile(r"[*_ ]*(?:[IVXL]{1,5}|[A-Z]|\d{1,2})[.)][ \t*_]*\S")
_PAGE_TITLE_RE = re.compile(r"[ \t]*[A-ZĐ]\w*(?:[ \t]+\w+){0,2}[ \t]+\d{1,6}[/-][\w/-]+[ \t]+(?:năm|ngày)[ \t]")
_PREAMBLE_MAX = 8000        # a page's banner and metadata before the header
_HEADER_LINES = 10          # lines of a header above the national motto
_HEADER_LINE_RE = re.compile(r"(?:S[ốo]\s*(?:ký hiệu)?\s*:|[Vv]/[vV]\b|Về việc\b)")


@dataclass
class Cell:
    start: int      # the cell's text (trimmed of pipes), as offsets into the text
    end: int
    row: int        # 0 is the table's first (header) row
    col: int


@dataclass
class Layout:
    text: str                   # same length as the text read
    start: int = 0              # the document proper, after a page's preamble
    end: int = 0                # and before its furniture
    wrapped: bool = False       # lines hard-wrapped mid-phrase (joined in ``text``)
    bold: frozenset = frozenset()   # starts of lines printed wholly in bold (or as "##" headings)
    tables: list[list[Cell]] = field(default_factory=list)   # data tables (3 columns or more), cell by cell


@lru_cache(maxsize=2)
def _lists(folded: bool = True) -> dict[str, tuple[str, ...]]:
    """The sections of data/layout.txt (folded, or as written)."""
    return {k: tuple(fold(w) if folded else w for w in v) for k, v in sections(_DATA).items()}


@lru_cache(maxsize=1)
def _title_regex() -> re.Pattern:
    words = sorted(_lists().get("titles", ()), key=len, reverse=True)
    return re.compile(r"\s*(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in words) +
                      r")(?:\s+(?:[ivxl]{1,5}|\d{1,2}[a-z]?))?\s*")


def is_title_line(line: str) -> bool:
    """A line of one title word in capitals ("KẾ HOẠCH", "PHỤ LỤC II"): a header's type line or an
    attached document's title."""
    s = line.strip()
    return _upper(s) and len(s) < 40 and bool(_title_regex().fullmatch(fold_keep(s)))


@lru_cache(maxsize=1)
def _tail_regex() -> re.Pattern:
    """A line of page furniture, as printed (any case, markup around it)."""
    words = sorted(_lists(folded=False).get("tail", ()), key=len, reverse=True)
    return LineStart(r"[ \t*#_|]*(?:" + "|".join(r"[ \t*_]+".join(map(re.escape, w.split())) for w in words) +
                     r")[ \t*_|:]*$", re.I)


@lru_cache(maxsize=1)
def _references_regex() -> re.Pattern:
    """A markdown heading that opens an encyclopaedia page's notes and sources ("## Tham khảo")."""
    words = sorted(_lists(folded=False).get("reference headings", ()), key=len, reverse=True)
    return LineStart(r"#+[ \t]*(?:" + "|".join(r"[ \t]+".join(map(re.escape, w.split())) for w in words) +
                     r")[ \t*_:]*$", re.I)


@lru_cache(maxsize=1)
def _encyclopaedia_regex() -> re.Pattern:
    words = sorted(_lists(folded=False).get("encyclopaedia marks", ()), key=len, reverse=True)
    return re.compile("|".join(r"\s+".join(map(re.escape, w.split())) for w in words))


def is_encyclopaedia(text: str) -> bool:
    """The page is an encyclopaedia article (edit links, "Truy cập ngày …" citations): it reports
    directives and bodies but issues nothing (guide §9)."""
    return _encyclopaedia_regex().search(text) is not None


class _Lines:
    """The physical lines of a text, cleaned one by one (same length each)."""

    def __init__(self, text: str):
        self.raw = text.split("\n")
        self.starts = [0]
        self.starts += accumulate(len(line) + 1 for line in self.raw[:-1])
        self.clean = list(self.raw)
        self.transparent = [False] * len(self.raw)   # emphasis-only lines: they do not break a paragraph

    def __len__(self) -> int:
        return len(self.raw)


def read(text: str) -> Layout:
    """The layout of a text: a clean copy of the same length and where the document lies."""
    lines = _Lines(text)
    tables = _clean_tables(lines) if "|" in text else []
    has_markup = _HAS_MARKUP_RE.search
    for i, raw in enumerate(lines.raw):
        if raw and lines.clean[i] is raw:    # (an empty line, a third of them, stays as it is)
            if has_markup(raw):
                lines.clean[i] = _clean_line(raw, lines, i)
            elif not raw.strip(_RULE_ONLY):   # (most lines: _clean_line's first case, without a call)
                lines.clean[i] = _blank(raw)
    first, last = _document_lines(lines, text)
    for i in list(range(0, first)) + list(range(last, len(lines))):
        lines.clean[i] = " " * len(lines.raw[i])
        lines.transparent[i] = False
    wrapped = _is_wrapped(lines.clean[first:last])
    seps, bold = _join(lines, first, last, wrapped)
    out = "".join(map(str.__add__, lines.clean, seps))
    out = _blank_footnotes(_unspace_numbers(out))
    start = lines.starts[first] if first < len(lines) else len(text)
    end = lines.starts[last] - 1 if last < len(lines) else len(text)
    streamed = _stream_tables(lines, first, last) if _BAR_LINE_RE.search(text) else []   # (a look at every line)
    tables = [t for t in tables + streamed if start <= t[0].start < end]
    return Layout(out, start, max(start, end), wrapped, frozenset(bold), tables)


def _blank(s: str) -> str:
    return " " * len(s)


def _clean_line(raw: str, lines: _Lines, i: int) -> str:
    """Markup of one line (not a table row) turned into spaces."""
    if not _HAS_MARKUP_RE.search(raw):
        return raw if raw.strip(_RULE_ONLY) else _blank(raw)   # a "-----" rule or nothing
    if _MARKUP_LINE_RE.fullmatch(raw):
        lines.transparent[i] = bool(_EMPHASIS_LINE_RE.fullmatch(raw)) and bool(raw.strip())
        return _blank(raw)
    m = _BULLET_STAR_RE.match(raw)
    keep = m.end() if m else 0           # a "* item" bullet keeps its star
    rest = raw[keep:]
    if rest.lstrip()[:1] in ("#", ">"):
        m = _MD_HEADING_RE.match(rest) or _QUOTE_RE.match(rest)
        if m:
            rest = _blank(rest[:m.end()]) + rest[m.end():]
    inner = _INNER_MARK_RE.search(rest) if "*" in rest else None
    if inner:
        # no split word or number starts before the word of the first inner mark: the rest of the line
        # is looked at from there (a long paragraph with one bold word near its end)
        cut = inner.start()
        while cut and (rest[cut - 1].isalnum() or rest[cut - 1] == "_"):
            cut -= 1
        tail = _SPLIT_WORD_RE.sub(_rejoin, rest[cut:])
        tail = _SPLIT_NUMBER_RE.sub(lambda m: m.group().replace("*", "") + " " * m.group().count("*"), tail)
        rest = rest[:cut] + tail
    rest = rest.replace("*", " ").replace("|", " ")
    if "__" in rest or "~~" in rest:
        rest = rest.replace("__", "  ").replace("~~", "  ")
    if "<" in rest:
        rest = _BR_RE.sub(lambda x: "\n" + _blank(x.group())[1:], rest)
    return raw[:keep] + rest


def _rejoin(m: re.Match) -> str:
    """A word that bold marks split ("C**ỤC", "ng**ày", "thu**ế") is joined, the marks moved after it
    as spaces; two words glued by marks ("trị**thuộc") get a space. A gap joins where one side cannot
    be a syllable: a left part without a vowel, a right part without one ("V**Ă**N", "n**ă**m"), or a
    right part that starts with a lower-case vowel."""
    token = m.group()
    parts = _MARKS_RE.split(token)
    out = parts[0]
    for part in parts[1:]:
        left = _LAST_LETTERS_RE.search(out).group()
        if not _has_vowel(left) or not _has_vowel(part) or (part[0].islower() and fold_char(part[0]) in "aeiouy"):
            out += part
        else:
            out += " " + part
    return out + " " * (len(token) - len(out))


def _has_vowel(letters: str) -> bool:
    """Every Vietnamese syllable has a vowel: letters without one are a piece of a word."""
    return any(fold_char(c) in "aeiouy" for c in letters)


def _row_cells(raw: str) -> list[tuple[int, int]]:
    """(start, end) of the cells of a table row, in the line."""
    bars = [m.start() for m in _BAR_RE.finditer(raw)]
    s = raw.find("|") if raw.lstrip().startswith("|") else -1
    edges = ([] if s >= 0 else [-1]) + bars
    if not raw.rstrip().endswith("|"):
        edges.append(len(raw))
    return [(a + 1, b) for a, b in zip(edges, edges[1:])]


def _is_row(raw: str) -> bool:
    s = raw.strip()
    return s.count("|") >= 2 and (s.startswith("|") or s.endswith("|"))


def _clean_tables(lines: _Lines) -> list[Cell]:
    """Markdown tables: a layout table's cells become lines; a data table keeps its pipes as separators."""
    tables: list[list[Cell]] = []
    n = len(lines)
    candidates = [k for k, raw in enumerate(lines.raw) if "|" in raw and _is_row(raw)]
    done = -1
    for i in candidates:
        if i <= done:
            continue
        j = i
        while j < n and (_is_row(lines.raw[j]) or _SEPARATOR_ROW_RE.fullmatch(lines.raw[j] or "x")):
            j += 1
        rows = {k: _row_cells(lines.raw[k]) for k in range(i, j) if not _SEPARATOR_ROW_RE.fullmatch(lines.raw[k])}
        width = max(sum(1 for a, b in parts if lines.raw[k][a:b].strip()) for k, parts in rows.items()) \
            if rows else 0
        cells: list[Cell] = []
        row_no = 0
        for k in range(i, j):
            raw = lines.raw[k]
            if k not in rows:
                lines.clean[k] = _blank(raw)
                continue
            parts = rows[k]
            chars = list(_clean_line(raw.replace("|", " "), lines, k))
            for c, (a, b) in enumerate(parts):
                if width <= 2 and a > 0 and raw[a - 1] == "|" and raw[:a - 1].strip():
                    chars[a - 1] = "\n"          # a layout table: each cell on its own line
                if width > 2:
                    if a > 0 and raw[a - 1] == "|" and c > 0:
                        chars[a - 1] = "|"       # a data table: the pipe separates cells
                    if raw[a:b].strip():
                        cells.append(Cell(lines.starts[k] + a, lines.starts[k] + b, row_no, c))
            cell_text = "".join(chars)
            if width <= 2:
                cell_text = _GLUED_ITEM_RE.sub(lambda x: "\n" + x.group()[1:], cell_text)
            lines.clean[k] = cell_text
            row_no += 1
        if cells:
            tables.append(cells)
        done = j
    return tables


def _stream_tables(lines: _Lines, first: int, last: int) -> list[list[Cell]]:
    """Tables a legal library prints one cell a line: each cell after a "|" line, one more "|" line
    closing each row ("|/TT/|/Nhiệm vụ/|/Cơ quan chủ trì/|/|/1/|/…"); an empty cell is a "|" alone.

    The first row (its cells up to the first "|" "|") sets the number of columns; a row that
    spans columns is shorter: a cell that opens the next row ("1", "II", "a)") after "|" "|" ends it."""
    tokens: list = []       # None for a "|" line, [first, last] lines of a cell's text
    for i in range(first, last):
        s = lines.raw[i].strip()
        if s == "|":
            tokens.append(None)
        elif s and tokens:
            if tokens[-1] is None:
                tokens.append([i, i])
            else:
                tokens[-1][1] = i
    if not tokens:
        return []
    texts = _CellTexts(lines, tokens)
    tables, pos = [], 0
    while pos < len(tokens):
        table, pos = _stream_table(lines, tokens, texts, pos)
        if table:
            tables.append(table)
    return tables


class _CellTexts:
    """The text of each token of ``_stream_tables`` (None for a "|"), made when first asked for: after
    a lone "|" every later line of a page is a token, and most pages hold no such table."""

    def __init__(self, lines: _Lines, tokens: list):
        self.lines, self.tokens, self.made = lines, tokens, {}

    def __getitem__(self, k: int) -> str | None:
        t = self.tokens[k]
        if t is None:
            return None
        text = self.made.get(k)
        if text is None:
            text = self.made[k] = " ".join(" ".join(self.lines.clean[t[0]:t[1] + 1]).split())
        return text


def _stream_table(lines: _Lines, tokens: list, texts: _CellTexts, pos: int) -> tuple[list[Cell], int]:
    """The table whose header row starts at tokens[pos] (a "|"), and where reading stopped.

    A header is 3 or more short cells; when its first cell is a number column ("TT", "STT"), every
    row opens with a short cell (a longer one is the text after the table)."""
    n = len(tokens)
    width, k = 0, pos
    while k + 1 < n and tokens[k] is None and tokens[k + 1] is not None and len(texts[k + 1]) <= _HEADER_CELL:
        width, k = width + 1, k + 2
    if width < 3 or k + 1 >= n or tokens[k] is not None or tokens[k + 1] is not None:
        # no header from pos, nor from any "|" up to k: a later start scans to the same k with fewer
        # cells (and from k there is none), so the next try is past k (a long run of short cells
        # was scanned again from each of its "|", quadratic in the run)
        return [], k + 1
    numbered = len(texts[pos + 1]) <= _ROW_NUMBER
    cells, row = [], 0
    while pos < n and tokens[pos] is None:
        col, k, row_cells, opener, label = 0, pos, [], None, None
        while col < width and k < n and tokens[k] is None:
            if (col >= 2 or col == 1 and _GROUP_ROW_RE.match(label or "")) and k + 2 < n and \
                    tokens[k + 1] is None and texts[k + 2] is not None and _ROW_LABEL_RE.fullmatch(texts[k + 2]):
                break       # "|" "|" then "2": the row (spanning columns) ended
            k += 1
            if k < n and tokens[k] is not None:
                a, b = tokens[k]
                row_cells.append(Cell(lines.starts[a], lines.starts[b] + len(lines.raw[b]), row, col))
                opener = texts[k] if col == 0 else opener
                label = label or texts[k]
                k += 1
            col += 1
        if numbered and row and k < n and tokens[k] is None and _continues_row(row_cells, opener, label, width):
            row_cells = [Cell(c.start, c.end, row - 1, min(width - 1, c.col + 2)) for c in row_cells]
            cells += row_cells
            pos = k + 1
            continue
        if k >= n or tokens[k] is not None or not row_cells or \
                (numbered and row and (opener is None or len(opener) > _ROW_NUMBER) and
                 not (len(row_cells) == 1 and _GROUP_ROW_RE.match(label or ""))):
            break       # (a row of one cell "I. Tên nhóm" only names a group of the rows after it)
        cells += row_cells
        row, pos = row + 1, k + 1
    return cells, pos if cells else pos + 1


def _continues_row(row_cells: list[Cell], opener: str | None, label: str | None, width: int) -> bool:
    """A short row of a numbered table that opens with neither a number nor a group's name ("|/UBND các
    tỉnh/|/Đài Truyền hình …/|/|", closed by its "|") goes on with the row above, whose number and task cells
    span it: its cells are that task's other bodies (the columns after the number and the task)."""
    return bool(row_cells) and opener is not None and _ROW_NUMBER < len(opener) <= _HEADER_CELL * 3 and \
        len(row_cells) <= width - 2 and not _GROUP_ROW_RE.match(label or "") and \
        not _ROW_LABEL_RE.fullmatch(opener)


def _document_lines(lines: _Lines, text: str) -> tuple[int, int]:
    """The first and past-the-last line of the document proper."""
    first = _header_line(lines, text)
    last = len(lines)
    begin = lines.starts[first] if first < len(lines) else len(text)
    hits = [m for m in (_tail_regex().search(text, begin), _references_regex().search(text, begin)) if m]
    if hits:
        m = min(hits, key=lambda h: h.start())
        last = _back_to_break(lines, bisect_right(lines.starts, m.start()) - 1, first)
    return first, last


def _header_line(lines: _Lines, text: str) -> int:
    """The line where an official text's header starts when a page's banner precedes it.

    The national motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", in capitals) stands beside
    or under the issuing body; the document starts at the issuer's lines just above it.
    """
    for m in _MOTTO_RE.finditer(text, 0, _PREAMBLE_MAX + 200):
        if m.start() > _PREAMBLE_MAX:
            break
        i = bisect_right(lines.starts, m.start()) - 1
        at = m.start() - lines.starts[i]
        clean = lines.clean[i]
        if not clean[at:at + 5].isupper():
            continue
        before = clean[:at]
        if not before.strip():
            return _issuer_above(lines, i)
        if before.rstrip(" \t").endswith("\n"):
            return i            # a table row: the issuer is in its first cell
    return _issuer_over_number(lines, text)


def _issuer_over_number(lines: _Lines, text: str) -> int:
    """A copy without the motto: the header starts at the body in capitals right above "Số: N/…"."""
    m = _NUMBER_LINE_RE.search(text, 0, _PREAMBLE_MAX)
    if not m:
        return _letter_line(lines, text)
    i = bisect_right(lines.starts, m.start()) - 1
    k = i - 1
    while k >= 0 and not lines.clean[k].strip():
        k -= 1
    if k < 0 or not _upper(lines.clean[k].strip()):
        return 0
    return _issuer_above(lines, i)


_LETTER_LINE_RE = LineStart(r"[ \t*_|]*K[íi]nh g[ửu]i\b")
_RECEIVERS_LINE_RE = LineStart(r"[ \t*_|]*N[ơo]i nh[ậa]n\b")


def _letter_line(lines: _Lines, text: str) -> int:
    """A copy that lost its header and motto: a letter starts at its "Kính gửi" line when a Nơi nhận
    closes it (the page's banner above it is furniture)."""
    m = _LETTER_LINE_RE.search(text, 0, _PREAMBLE_MAX)
    if not m or not _RECEIVERS_LINE_RE.search(text, m.end()):
        return 0
    return bisect_right(lines.starts, m.start()) - 1


def _issuer_above(lines: _Lines, i: int) -> int:
    """The first line of the header above the motto at line i.

    The lines right above the motto are the header's (the issuing body; in a PDF read column
    by column also "Số:" and the trích yếu); above a blank line the header goes on only with
    lines of its own kind: a body in capitals, "Số: …", "V/v …"."""
    top, taken, run = i, 0, True
    k = i - 1
    while k >= 0 and taken < _HEADER_LINES:
        s = lines.clean[k].strip()
        if not s:
            if not lines.transparent[k] and top < i:
                run = False     # a blank line: what is above must look like a header
            k -= 1
            continue
        if lines.raw[k].lstrip().startswith("#") or len(s) > 100:
            break   # a web page's title
        if (s[-1] in ".?!" or not run and not (_upper(s) or _HEADER_LINE_RE.match(s))) and \
                not _under_number(lines, k):
            break   # a sentence of the page, or above a blank line a line unlike a header's
        run = True
        top, taken = k, taken + 1
        k -= 1
    return top


_NUMBER_ABOVE = 4           # lines of a trích yếu under "Số: …" (a PDF's left column: "V/v …" wrapped)


def _under_number(lines: _Lines, k: int) -> bool:
    """Line k is under the header's "Số: …" line, a few lines up without a blank one: the trích yếu
    ("V/v kinh phí ủy nhiệm thu.", its last line "XV."), which may end with a stop."""
    for j in range(k, max(-1, k - _NUMBER_ABOVE - 1), -1):
        s = lines.clean[j].strip()
        if not s:
            return False
        if _NUMBER_LINE_RE.match(lines.clean[j]):
            return True
    return False


def _back_to_break(lines: _Lines, i: int, floor: int) -> int:
    """Furniture starting at line i takes the lines just above it up to a blank line (at most 3),
    and the library's title of the document printed above it ("Quyết định 12/QĐ-UBND năm 2025 …")."""
    for k in range(i - 1, max(floor, i - 4), -1):
        if not lines.clean[k].strip():
            return k + 1
    while i - 1 > floor and _PAGE_TITLE_RE.match(lines.clean[i - 1]):
        i -= 1
    return i


def _is_wrapped(clean: list[str]) -> bool:
    """Lines hard-wrapped mid-sentence (scraped and PDF texts), not one line per paragraph.

    Where a line stops without punctuation, the next one goes on in lower case in a
    wrapped text ("… thành\nphố Hà Nội") and almost never in a text printed one
    paragraph a line (there such a line is a title). Only lines of a wrapped width count: the
    short lines of a list of places or names (an appendix read from a PDF, one a line) and the
    rows of a table stop without punctuation before a capital and would outvote the body's
    wrapped sentences.
    """
    stops = goes_on = 0
    prev = ""
    stripped = list(map(str.strip, clean))
    width = _wrap_width(stripped)
    for s in stripped:
        if "|" in s:
            s = ""      # a data table's row (its first pipe cleaned to a space, the others kept): no
                        # wrapping to judge (a PDF's rows, read cell by cell, are lines of a page's length)
        elif s and prev and len(prev) >= width and not _ENDS_RE.search(prev) and not _BLOCK_START_RE.match(s):
            stops += 1
            goes_on += s[0].islower()
        prev = s
    return goes_on >= 3 and goes_on >= 0.3 * stops


def _wrap_width(stripped: list[str]) -> float:
    """The shortest line that may be a wrapped one: a share of the length of the lines that hold
    the text's middle character (~80 characters in a scraped copy, ~90 in a PDF, a paragraph in a
    text printed one paragraph a line), so that many short lines (an appendix's list) do not set it."""
    lengths = sorted(len(s) for s in stripped if s and "|" not in s)
    half, seen = sum(lengths) / 2, 0
    for n in lengths:
        seen += n
        if seen >= half:
            return _WRAP_SHARE * n
    return 0.0


def _join(lines: _Lines, first: int, last: int, wrapped: bool) -> tuple[list[str], list[int]]:
    """The separator after each line ('\\n', or ' ' where a soft wrap joins it to the next) and bold lines."""
    n = len(lines)
    seps = ["\n"] * n
    seps[-1] = ""
    bold: list[int] = []
    prev = -1           # the last line with text in the current paragraph
    para = -1           # its first line
    stripped = [""] * first + list(map(str.strip, lines.clean[first:last]))
    for i in range(first, last):
        s = stripped[i]
        if not s:
            if not lines.transparent[i] and prev >= 0:
                _close(lines, para, prev, bold)
                prev = para = -1
            continue
        if "\n" in lines.clean[i]:
            # a cleaned table row or <br>: its lines are their own paragraphs
            if prev >= 0:
                _close(lines, para, prev, bold)
            prev = para = -1
            continue
        if prev >= 0 and _joins(lines, para, prev, i, wrapped, stripped[prev], s):
            for k in range(prev, i):
                seps[k] = " "
            prev = i
            continue
        if prev >= 0:
            _close(lines, para, prev, bold)
        para = prev = i
    if prev >= 0:
        _close(lines, para, prev, bold)
    return seps, bold


def _close(lines: _Lines, para: int, last: int, bold: list[int]) -> None:
    """Note a paragraph printed wholly in bold (or as a "##" heading): structure reads it as a heading."""
    first_raw = lines.raw[para].strip()
    last_raw = lines.raw[last].strip()
    length = lines.starts[last] + len(lines.raw[last]) - lines.starts[para]
    if first_raw.startswith(("**", "##")) and last_raw.endswith(("**", "*")) and length < 300:
        bold.append(lines.starts[para])


def _joins(lines: _Lines, para: int, prev: int, i: int, wrapped: bool, a: str, b: str) -> bool:
    """Does line i continue the paragraph whose last line is prev (a soft wrap)? (``a``, ``b``: the
    two lines' clean texts, stripped)"""
    if _BLOCK_START_RE.match(b) or lines.raw[i].lstrip().startswith("#"):
        return False
    if prev == para and (_MARKER_ONLY_RE.fullmatch(a) or _NUMBER_LABEL_RE.fullmatch(a)):
        return True                     # "Điều 1." or "Số:" alone on its line, what it labels on the next
    if _ENDS_RE.search(a) or is_title_line(a) or is_title_line(b):
        return False
    if lines.raw[para].lstrip().startswith(("**", "*")) and lines.raw[prev].rstrip().endswith("*") \
            and not lines.raw[prev].rstrip().endswith(" *"):
        return False                    # a bold or italic paragraph closed on that line
    if wrapped and b[-1] in ";,." and ((len(b) <= _SHORT_TAIL and " " not in b) or
                                        lines.clean[para].lstrip().startswith(("- ", "+ "))):
        return True     # the end of a wrapped item ("- Thường trực HĐND, UBND" "TP;", "- Các VP: …" "TP; UBND TP;")
    case_a, case_b = _case(a), _case(b)
    if case_a and case_b and case_a != case_b:
        return False                    # a title in capitals and running text
    if b[0].islower():
        return True
    return wrapped


def _case(s: str) -> str | None:
    """"upper" for a line in capitals, "mixed" for running text, None for too few letters to tell."""
    s = s[:60]
    if not _TWO_LETTERS_RE.search(s):
        return None
    return "upper" if s.isupper() else "mixed"


def _upper(s: str) -> bool:
    """A line in capitals (titles, the issuing body), judged on its letters."""
    s = s[:60]
    return s.isupper() and bool(_THREE_LETTERS_RE.search(s))


# a footnote mark glued to the word or stop before it ("phối hợp với Bộ Nội vụ[4], Bộ Tài chính", "… này.[12]")
# in the consolidated texts of legal libraries; not a Markdown link "[1](…)"
_FOOTNOTE_RE = re.compile(r"\[(?<=[\w.,;:)*\"”]\[)\d{1,3}\](?!\()")


def _blank_footnotes(text: str) -> str:
    """Footnote marks glued to a word become spaces (same length), so that a list of bodies goes on
    past them."""
    if "[" not in text:
        return text
    return _FOOTNOTE_RE.sub(lambda m: _blank(m.group()), text)


def _unspace_numbers(text: str) -> str:
    """"1234 /QĐ-UBND" -> " 1234/QĐ-UBND", "1234/ QĐ-UBND" -> "1234/QĐ-UBND " (same length)."""
    if not _SPACED_ANY_RE.search(text):
        return text
    text = _SPACED_SLASH_RE.sub(lambda m: m.group(2) + m.group(1) + "/", text)
    return _SLASH_SPACED_RE.sub(lambda m: m.group(1) + m.group(3) + m.group(2), text)
