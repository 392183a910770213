"""Reading order of a PDF page: two-column blocks, data tables and page furniture.

An official text (Nghị định 30/2020/NĐ-CP, Phụ lục I) prints its header as two
columns side by side — the issuing body, "Số:" and "V/v" on the left; the
national motto and "place, ngày … tháng … năm …" on the right — and its foot the
same way: "Nơi nhận:" on the left, the signature block (TM., KT. …) on the
right. A PDF text layer read line by line runs the two columns together
("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI …", "- Như trên; KT. CHỦ TỊCH"), which breaks
the issuer, the trích yếu and every recipient. The two cells of such a table are
rarely on the same baselines (the signature is centred against a long Nơi nhận,
the fonts differ), so a block is found by its gutter: a run of lines whose words
leave one vertical strip of the page empty, with text on both sides of it. It is
read column by column (left, then right); every other line is read as it stands.

Two more things of a printed page are not the document's text:

- page furniture: a running header (a Công báo line, the number of the
  document), a page number ("2", "- 2 -", "Trang 2/7") at the top or foot of the
  page. They land inside sentences that run across pages;
- data tables drawn with borders (a plan's tasks with "Cơ quan chủ trì" and
  "Cơ quan phối hợp"): read line by line their cells interleave, so that no
  body's name survives. They are read cell by cell (``table_rows``) and put in
  the page's text where they stand.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

GUTTER = 24.0         # points: a gap this wide inside a line separates two columns (body text spaces are < 10)
# a header's columns (issuer, "Số:", trích yếu | motto, place and date) may fill their cells: only the
# cells' paddings between them. A run that opens on the national motto takes a gap this wide.
HEADER_GUTTER = 6.0
_HEAD_LINES = 3       # the motto is on one of a header run's first lines
SAME_LINE = 3.0       # points: words whose tops differ by less are on one line
BAND = 0.09           # share of the page height at the top and the foot where furniture is printed
_MAX_RUN = 200        # lines a two-column block may hold
_ONE_SIDE = 15        # lines of one column (a long Nơi nhận) before the other column starts beside it
SMALL = 0.85          # furniture is printed smaller than the body text
_PAGE_NUMBER_RE = re.compile(r"(?:Trang|Page)?\s*[-–]?\s*\d{1,4}\s*(?:/\s*\d{1,4}|[-–])?", re.I)
_DIGITS_RE = re.compile(r"\d+")
# the header of an attached document, printed again at the top of its page, is not furniture
_MOTTO_RE = re.compile(r"C[ỘO]NG\s+H[ÒO]A|Độc\s+lập|Đ[ỘO]C\s+L[ẬA]P", re.I)
_RECEIVERS_RE = re.compile(r"N[ơo]i nh[ậa]n\b")
# an item's label alone on its line ("6.", "b)", "2.1.", "Điều 5."): comes back at the top or foot of
# several pages as the items run on, but is the document's, not furniture (page numbers carry no stop)
MARKER_LINE_RE = re.compile(r"Điều\s+\d{1,3}[.:]|(?:[IVXL]{1,5}|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])[.)]")


@dataclass
class _Line:
    top: float
    bottom: float
    words: list[dict]
    text_override: str | None = None        # a data table's rows, read cell by cell

    def text(self, words: list[dict] | None = None) -> str:
        if self.text_override is not None and words is None:
            return self.text_override
        return " ".join(w["text"] for w in (self.words if words is None else words))

    @property
    def x0(self) -> float:
        return self.words[0]["x0"]

    @property
    def x1(self) -> float:
        return max(w["x1"] for w in self.words)


def _lines(words: list[dict]) -> list[_Line]:
    lines: list[_Line] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(w["top"] - lines[-1].top) < SAME_LINE:
            lines[-1].words.append(w)
            lines[-1].bottom = max(lines[-1].bottom, w["bottom"])
        else:
            lines.append(_Line(w["top"], w["bottom"], [w]))
    for line in lines:
        line.words.sort(key=lambda w: w["x0"])
    return lines


def _gaps(covered: list[list[float]], gutter: float = GUTTER) -> list[tuple[float, float]]:
    """Empty strips wider than a gutter between the merged x-extents of a run of lines."""
    return [(a[1], b[0]) for a, b in zip(covered, covered[1:]) if b[0] - a[1] > gutter]


def _cover(covered: list[list[float]], line: _Line) -> list[list[float]]:
    spans = sorted(covered + [[w["x0"], w["x1"]] for w in line.words])
    merged: list[list[float]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return merged


def _run(lines: list[_Line], i: int, page: tuple[float, float] | None) -> tuple[int, float | None]:
    """The longest two-column run starting at line i: (past-the-end, the gutter's middle) or (i, None).

    Lines join while their words leave a gutter free and no wide vertical space or line centred on
    the page ("KẾ HOẠCH", "Kính gửi:") comes between. A run needs text on both sides: two lines a
    side, or two lines that have words on both sides."""
    if page is None:
        return i, None
    centre, wide = (page[0] + page[1]) / 2, 0.6 * (page[1] - page[0])
    gutter = HEADER_GUTTER if _opens_header(lines, i, page) else GUTTER
    covered: list[list[float]] = []
    best: tuple[int, float | None] = (i, None)
    had_gap = False
    for k in range(i, min(len(lines), i + _MAX_RUN)):
        line = lines[k]
        if line.text_override is not None or (line.x1 - line.x0 > wide and not _has_gap(line, gutter)):
            break       # a data table, or a line of running text across the page
        if k > i:
            if not had_gap and _RECEIVERS_RE.match(line.text()):
                break   # the foot starts here: its gutter is the Nơi nhận's, not a body line's short end
            prev = lines[k - 1]
            if line.top - prev.bottom > 2.5 * max(1.0, prev.bottom - prev.top):
                break
            if abs((line.x0 + line.x1) / 2 - centre) < GUTTER and line.x1 - line.x0 > 2 * GUTTER \
                    and not _has_gap(line, gutter) and not _split(line, covered, gutter):
                break   # a title centred on the page (not a line of both columns: a page that holds
                        # only the foot is as wide as the Nơi nhận and the signature together)
        covered = _cover(covered, line)
        gaps = _gaps(covered, gutter)
        if not gaps:
            if had_gap or k - i >= _ONE_SIDE:
                break   # the line crosses the gutter; or no second column in sight
            continue
        had_gap = True
        lo, hi = max(gaps, key=lambda g: g[1] - g[0])
        mid = (lo + hi) / 2
        sides = [(any(w["x1"] <= mid for w in ln.words), any(w["x0"] >= mid for w in ln.words))
                 for ln in lines[i:k + 1]]
        left, right = sum(a for a, _ in sides), sum(b for _, b in sides)
        both = sum(a and b for a, b in sides)
        if left and right and (both >= 2 or (left >= 2 and right >= 2)):
            best = (k + 1, mid)
    return best


def _has_gap(line: _Line, gutter: float = GUTTER) -> bool:
    """A gap wider than ``gutter`` between two words of the line. Under the header's narrow gutter the
    gap must also be twice the line's other spaces: a justified line stretches every space alike (8 or 9
    points on a short line of long words), a column's gap stands out among spaces of 3."""
    gaps = [b["x0"] - a["x1"] for a, b in zip(line.words, line.words[1:])]
    if gutter >= GUTTER:
        return any(g > gutter for g in gaps)
    for k, g in enumerate(gaps):
        if g > gutter:
            others = sorted(gaps[:k] + gaps[k + 1:])
            if not others or g > 2 * others[len(others) // 2]:
                return True
    return False


def _opens_header(lines: list[_Line], i: int, page: tuple[float, float]) -> bool:
    """A run from line i opens on a header: the national motto stands beside the issuing body on one
    of its first lines (on its own baseline when the columns hold different numbers of lines): a gap
    before it, or its line starting right of the page's first quarter (a motto centred over the page
    starts left of it)."""
    quarter = page[0] + (page[1] - page[0]) / 4
    for line in lines[i:i + _HEAD_LINES]:
        if line.text_override is None and (line.x0 > quarter or _has_gap(line, HEADER_GUTTER)) and \
                _MOTTO_RE.search(line.text()):
            return True
    return False


def _split(line: _Line, covered: list[list[float]], gutter: float = GUTTER) -> bool:
    """The line has words on both sides of a gap of the run so far."""
    return any(any(w["x1"] <= lo for w in line.words) and any(w["x0"] >= hi for w in line.words)
               for lo, hi in _gaps(covered, gutter))


def _blocks(lines: list[_Line]) -> list[tuple[list[_Line], float | None]]:
    """Runs of lines: (lines, split x) for a two-column block, (lines, None) for ordinary text."""
    plain = [ln for ln in lines if ln.text_override is None]
    page = (min(ln.x0 for ln in plain), max(ln.x1 for ln in plain)) if plain else None
    out: list[tuple[list[_Line], float | None]] = []
    i = 0
    while i < len(lines):
        j, mid = _run(lines, i, page)
        if mid is not None:
            out.append((lines[i:j], mid))
            i = j
        else:
            out.append(([lines[i]], None))
            i += 1
    return out


def _read(lines: list[_Line]) -> str:
    parts: list[str] = []
    blocks = _blocks(lines)
    ends = _paragraph_ends(blocks)
    for k, (run, mid) in enumerate(blocks):
        if mid is None:
            parts.append(run[0].text())
            if k in ends:
                parts.append("")
            continue
        left = [line.text([w for w in line.words if w["x1"] <= mid]) for line in run]
        right = [line.text([w for w in line.words if w["x1"] > mid]) for line in run]
        left = _receivers_notes(left)
        for lo, ro in _addressees(left, right):
            parts.append("\n".join(t for t in lo if t))
            parts.append("")
            parts.append("\n".join(t for t in ro if t))
            parts.append("")
    return "\n".join(parts).strip("\n")


_SHORT_END = 0.2       # a line ending this share of the text's width before its right edge ends a paragraph
_MARGIN = 0.15        # a line starting this near the left edge is body text (a title is centred)
_JUSTIFIED = 0.6      # share of the long lines that reach the right edge in a justified page
_OPEN_END_RE = re.compile(r"[^.;:!?,…]$")


def _paragraph_ends(blocks: list[tuple[list[_Line], float | None]]) -> set[int]:
    """Single lines of a justified page that end a paragraph without a stop: a heading ("Trách nhiệm tổ
    chức thực hiện", "1. Mục đích") before its text. Every wrapped line of a justified page reaches the
    right edge; one that stops well short of it, before a wrapped line (reaching the edge) opening with a
    capital, ends its paragraph, which the Markdown copy marks by a blank line and the text read from a
    PDF did not (the heading ran into its first sentence). Marked by a blank line after it. Short lines
    one after another (a list of names, one a line) and a ragged page are left as they are."""
    single = [(k, run[0]) for k, (run, mid) in enumerate(blocks) if mid is None and run[0].text_override is None]
    if len(single) < 4:
        return set()
    lo, edge = min(ln.x0 for _, ln in single), max(ln.x1 for _, ln in single)
    width = edge - lo
    long = [ln for _, ln in single if ln.x1 > edge - _SHORT_END * width]
    if sum(ln.x1 >= edge - 2 for ln in long) < max(3, _JUSTIFIED * len(long)):
        return set()
    ends = set()
    for (k, line), (k2, nxt) in zip(single, single[1:]):
        text, after = line.text(), nxt.text()
        if k2 == k + 1 and line.x1 < edge - _SHORT_END * width and line.x0 < lo + _MARGIN * width and \
                nxt.x1 >= edge - 2 and after[:1].isupper() and _OPEN_END_RE.search(text) and \
                not MARKER_LINE_RE.fullmatch(text):
            ends.add(k)
    return ends


def _receivers_notes(left: list[str]) -> list[str]:
    """A Nơi nhận column: an item's note wrapped on the next line ("- Cục KSTTHC - Văn phòng Chính phủ;"
    "(để b/c)") goes on its item's line, as the copy without a column prints it; alone on its line after
    an item's closing ";" it ended the list there."""
    first = next((t for t in left if t), "")
    if not _RECEIVERS_RE.match(first):
        return left
    out: list[str] = []
    for t in left:
        if t.startswith("(") and out and out[-1]:
            out[-1] += " " + t
        else:
            out.append(t)
    return out


_ADDRESSED_RE = re.compile(r"K[íi]nh\s+g[ửu]i\b")
_PLACE_DATE_RE = re.compile(r",\s*ng[àa]y\b")
_ITEM_RE = re.compile(r"[-+–•]\s")


def _addressees(left: list[str], right: list[str]) -> list[tuple[list[str], list[str]]]:
    """A header run that also holds the "Kính gửi:" block printed beside its addressees (close below the
    header, its label centred on the list): two blocks, the header's columns and then "Kính gửi:" with
    its list, so that the place and date stay in the header and the label before its addressees. The
    list starts on the first item after the place and date (above the label's line when it is centred)."""
    k = next((n for n, t in enumerate(left) if n and _ADDRESSED_RE.match(t)), None)
    if k is None:
        return [(left, right)]
    dated = next((n for n, t in enumerate(right) if _PLACE_DATE_RE.search(t)), None)
    if dated is None or dated >= k:
        return [(left, right)]
    j = next((n for n in range(dated + 1, k + 1) if _ITEM_RE.match(right[n])), k)
    return [(left[:k], right[:j]), (left[k:], right[j:])]


def page_text(words: list[dict], tables: list[tuple[tuple, str]] = ()) -> str:
    """The page's text in reading order: two-column blocks column by column, each data table
    (its bounding box, its rows as text) in its place."""
    if tables:
        words = [w for w in words if not any(_inside(w, box) for box, _ in tables)]
    lines = _lines(words)
    for box, text in tables:
        lines.append(_Line(box[1], box[3], [{"x0": box[0], "x1": box[2], "text": ""}], text))
    lines.sort(key=lambda ln: ln.top)
    return _read(lines)


def _inside(w: dict, box: tuple) -> bool:
    x0, top, x1, bottom = box
    cx, cy = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def has_columns(words: list[dict]) -> bool:
    return any(g is not None for _, g in _blocks(_lines(words)))


# --- Page furniture --------------------------------------------------------------

def furniture(pages: list[tuple[list[dict], float]]) -> list[set[int]]:
    """For each page (its words, its height), the indexes of the words of its running header,
    running footer and page number: lines in the top or foot band of the page that are a page
    number, are printed smaller than the body, or come back on most pages (digits aside)."""
    bands: list[list[tuple[str, list[int], bool]]] = []
    seen: dict[str, int] = {}
    sizes = sorted(w["bottom"] - w["top"] for words, _ in pages for w in words)
    body = sizes[len(sizes) // 2] if sizes else 0        # the body text's size, over the whole document
    for words, height in pages:
        found = []
        for line in _lines([dict(w, _i=k) for k, w in enumerate(words)]):
            if not (line.bottom < BAND * height or line.top > (1 - BAND) * height):
                continue
            text = line.text()
            size = max(w["bottom"] - w["top"] for w in line.words)
            small = body > 0 and size < SMALL * body
            found.append((text, [w["_i"] for w in line.words], small or _PAGE_NUMBER_RE.fullmatch(text) is not None))
            key = _DIGITS_RE.sub("#", text)
            seen[key] = seen.get(key, 0) + 1
        bands.append(found)
    out = []
    for found in bands:
        drop: set[int] = set()
        for text, idx, plain_furniture in found:
            if plain_furniture or (seen[_DIGITS_RE.sub("#", text)] >= 2 and not _MOTTO_RE.search(text)
                                   and not MARKER_LINE_RE.fullmatch(text)):
                drop.update(idx)
        out.append(drop)
    return out


# --- Data tables -----------------------------------------------------------------

_CELL_JOIN_RE = re.compile(r"(?<=[\w)]-)\n(?=[A-ZĐ0-9])|(?<=/)\n(?=[A-ZĐ0-9])|(?<=\d/\d{4}/[A-ZĐ]{2})\n(?=\d)")


_SYMBOL_DASH_RE = re.compile(r"(\d/(?:\d{4}/)?[A-ZĐ]{1,10}) ?- ?(?=[A-ZĐ]{2})")


def cell_text(text: str | None) -> str:
    """A table cell's text: its wrapped lines joined; a symbol cut at its hyphen or slash
    ("10/2024/TT-" "BTC", "37/2025/TT - BNNMT") or inside ("146/2025/N" "Đ-CP") joined without a space."""
    if not text:
        return ""
    return _SYMBOL_DASH_RE.sub(r"\1-", " ".join(join_cut_symbols(_CELL_JOIN_RE.sub("", text)).split()))


# A symbol or date cut inside a word at a line's end: a word longer than its column (a narrow
# table cell) is broken wherever the line is full, by Word as by other printers ("146/2025/N"
# "Đ-CP ngày", "31/201" "8/NĐ-C" "P", "08/3/20" "18"). The two pieces are joined only when together
# they are a whole symbol or date and the issuer's code stays short (a symbol ending a line before
# a line opening with a body's abbreviation, "… 15/QĐ-UBND" "UBND tỉnh …", is left alone).
_CUT_RE = re.compile(r"(?<![\w/.-])(\d{1,5}/[\dA-ZĐ/-]*[\dA-ZĐ])\n([\dA-ZĐg][\dA-ZĐ/-]*g?)(?=[\s,.;:)]|$)")
_WHOLE_SYMBOL_RE = re.compile(r"\d{1,5}(?:/(?:19|20)\d\d)?/[A-ZĐ]{1,8}(?:-(?:[A-ZĐ]{1,8}|TTg)){0,2}(?:(?<=QH)\d\d)?"
                              r"|\d{1,2}/\d{1,2}/(?:19|20)\d\d")
_CODE_PART = 7        # letters of one part of an issuer's code ("BNNPTNT"); two codes run together are longer


def join_cut_symbols(text: str) -> str:
    """Line breaks inside a symbol or a date removed (see ``_CUT_RE``)."""
    if "\n" not in text:
        return text
    prev = None
    while prev != text:
        prev, text = text, _CUT_RE.sub(_join_cut, text)
    return text


def _join_cut(m: re.Match) -> str:
    whole = m.group(1) + m.group(2)
    if _WHOLE_SYMBOL_RE.fullmatch(whole) and max(len(p) for p in re.split(r"[/-]", whole)) <= _CODE_PART:
        return whole
    return m.group()
