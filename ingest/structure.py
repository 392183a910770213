"""Document structure after Nghị định 30/2020/NĐ-CP (Điều 8, 13).

An official text has a header (issuing body, Số/ký hiệu, place and date, type
word and trích yếu / "V/v"), "Kính gửi", a body of numbered or bold headings,
bullets and paragraphs, "Nơi nhận" and a signature block (TM., KT., Q., TL.),
and may print after them a document it issues (Phụ lục, Kế hoạch, Quy định …
"ban hành kèm theo"), whose tasks are its own (guide §8). A plan's task table
(Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp) gives one ``TaskRow`` a row.
News articles and digests have a title, paragraphs and section titles.

``parse(text, layout)`` reads the clean copy of ``ingest.layout`` (markup blanked,
soft-wrapped lines joined, the page around the document left out), splits it into
``Unit``s (a heading, bullet or paragraph) and finds the blocks, all as offsets
into the text so that later stages quote the source exactly.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .layout import Layout, is_title_line
from .linepattern import LinePattern, LineStart
from .lexicon import sections
from .roles import block_label
from .textnorm import fold, fold_keep

HEADING_RE = re.compile(
    r"[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*|__)?[ \t]*(?P<marker>(?:Điều\s+\d{1,3}|[IVXL]{1,5}|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ](?:\.?\d{1,2})?)[.)])"
    r"(?:[ \t]*\*\*)?[ \t]+")
# "**Điều" alone on its line, its number and title on the next ("15. Trách nhiệm của …**"): one heading
_DIVISION_WORD_RE = re.compile(r"[ \t]*(?:\*\*|__)?[ \t]*(?:Điều|Chương|Mục|Phần)[ \t]*(?:\*\*|__)?[ \t]*")
_DIVISION_NUMBER_RE = re.compile(r"\d{1,3}[.)]?$")
BULLET_RE = re.compile(r"[ \t]*(?:[-+•*–][ \t]+|\*\*[-+•][ \t]*)")
MARKUP_RE = re.compile(r"[*_#|`>]+")
# "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "KT GIÁM ĐỐC" (the dot dropped; "Q" keeps it)
SIGN_RE = LineStart(r"[ \t*_|#]*(TM|KT|Q|TL|TUQ)(?:\s?\.|(?<!Q)[ \t]+(?=[A-ZĐ]{2}))")
NOI_NHAN_RE = LinePattern(r"N[ơo]i nh[ậa]n[ \t*_]*(?::|$)", re.I)   # not "Nơi nhận hồ sơ …"
KINH_GUI_RE = re.compile(r"(?=[Kk\u212aĐđ])(?:[Kk\u212a][ÍíIi\u0130\u0131][Nn][Hh] [Gg][ỬửUu][Ii\u0130\u0131]\s*:?|"
                         r"[Đđ][Ii\u0130\u0131][Ệệ][Nn](?<=\s[Đđ][Ii\u0130\u0131][Ệệ][Nn])\s*:(?:\*\*)?)")
# ("Kính gửi:", "K[íi]nh g[ửu]i" or "điện:" after a space, in any case: each letter written with what re.I
# would let it match (K also the Kelvin sign, i also İ and ı), since re.I makes the engine fold every
# character of the text it passes; the check before "điện" put after it, and the first letters looked at
# first. tests/test_fast_paths.py holds it equal to the re.I form.)
_RULE_CHARS = frozenset("|*-_ ")
_RULE_TEXT = "".join(sorted(_RULE_CHARS))
_ROMAN_RE = re.compile(r"[IVXL]+")
_LETTER_RE = re.compile(r"[a-zđ]")   # a line of only these is a rule or table border, not text
_SUB_LETTER_RE = re.compile(r"[a-zđ]\.?\d{1,2}")
_ENDS_SENTENCE_RE = re.compile(r"[.:;!?…]\**\s*$")
# Running text after an address block, on folded text: its openers ("Căn cứ …", "Thực hiện …", "Ngày 30/6/2025,
# …", "Đề nghị …", "Trả lời …") and a body that acknowledges a letter ("Cục Thuế nhận được công văn …")
RUNNING_TEXT_RE = re.compile(r"^(can cu|thuc hien|theo|ngay|trien khai|tiep theo|xet|de |trong|hien nay|qua |nham|"
                             r"vua qua|cuoi|thoi gian|tai |ve viec|sau khi|truoc|tra loi|phuc dap)")
_ACKNOWLEDGES_RE = re.compile(r"^[^,;:]{0,80}?\s(?:nhan duoc\s+(?:cong van|van ban|to trinh|bao cao|don|thu|de nghi|phieu)|"
                             r"(?:de nghi|yeu cau|co y kien|tran trong)\s)")   # (… or the sender's order: "UBND tỉnh đề nghị …")


@dataclass
class Unit:
    start: int
    end: int
    kind: str            # heading | bullet | para | title
    level: int = 0       # heading level (1 = I., 2 = 1., 3 = 1.1., 4 = a))
    body_start: int = 0  # where the text after the marker starts


@dataclass
class Block:
    start: int
    end: int


@dataclass
class TaskRow:
    """A row of a plan's task table: its task cell and the cells of the bodies that lead and support it."""
    start: int
    end: int
    task: tuple[int, int] | None = None
    leads: list[tuple[int, int]] = field(default_factory=list)
    supports: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Structure:
    units: list[Unit] = field(default_factory=list)
    header: Block | None = None        # from the top to the end of the trích yếu / V/v
    kinh_gui: Block | None = None
    noi_nhan: Block | None = None
    signature: Block | None = None
    body: Block | None = None
    appendix: Block | None = None
    official: bool = False
    headless: bool = False             # an official text whose copy lost its header block (opens at Kính gửi,
    #                                    or at its type line: "QUYẾT ĐỊNH" over its articles)
    tasks: list[TaskRow] = field(default_factory=list)   # rows of task tables (Nhiệm vụ | Cơ quan chủ trì | …)


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


def heading_level(marker: str) -> int:
    m = marker.rstrip(".)")
    if _ROMAN_RE.fullmatch(m) or m.startswith("Điều"):
        return 1
    if _LETTER_RE.fullmatch(m):
        return 4
    if _SUB_LETTER_RE.fullmatch(m):
        return 5   # "b4)", "a.1)": the items of a lettered point
    return 1 + m.count(".") + 1


def _is_wrapped(text: str) -> bool:
    """Texts hard-wrapped at ~80 columns (many crawled official texts) need lines joined."""
    lines = [l for l in text.split("\n") if l.strip()]
    if len(lines) < 8:
        return False
    lens = sorted(len(l) for l in lines)
    med = lens[len(lens) // 2]
    if not 40 <= med <= 100:
        return False
    unended = sum(1 for l in lines if not l.rstrip().endswith((".", ":", ";", "!", "?", "*")))
    return unended > 0.5 * len(lens)


def _unit_kind(line: str, bold: bool | None = None) -> tuple[str, int, int]:
    """Kind, level and body offset of a line; ``bold`` (from the layout) says it is printed wholly in bold,
    else the line's own markup tells."""
    m = HEADING_RE.match(line)
    if m and len(line) - m.end() > 0:
        return "heading", heading_level(m.group("marker")), m.end()
    m = BULLET_RE.match(line)
    if m and len(line) - m.end() > 0:
        return "bullet", 0, m.end()
    stripped = line.strip()
    if bold is None:
        bold = stripped.startswith(("**", "##")) and stripped.endswith(("**", "*")) and len(stripped) < 300
    if bold:
        return "heading", 2, len(line) - len(line.lstrip(" \t#*"))
    return "para", 0, len(line) - len(line.lstrip())


# The characters a heading (HEADING_RE), a bullet (BULLET_RE), a line of markup ("**…**", "## …") or
# a rule ("|---|") can open with: a line opening with any other character (most lines: "Theo …",
# "Ủy ban …") is a paragraph line, unless the layout says it is printed in bold.
_MARK_STARTS = frozenset(" \t#*_|-+•–IVXLĐ0123456789abcdefghijklmnopqrstuvwxyzđ")


def split_units(text: str, lo: int, hi: int, wrapped: bool | None = None,
                bold: frozenset | None = None) -> list[Unit]:
    """Headings, bullets and paragraphs of text[lo:hi], soft-wrapped lines joined.

    ``bold``: the starts of lines printed wholly in bold, when the layout stage has taken the markup
    out of the text (see ``ingest.layout``)."""
    wrapped = _is_wrapped(text[lo:hi]) if wrapped is None else wrapped
    units: list[Unit] = []
    cur: Unit | None = None
    e = lo - 1
    for line in text[lo:hi].split("\n"):
        s, e = e + 1, e + 1 + len(line)
        first = line[:1]
        if first and first not in _MARK_STARTS and not first.isspace() and (bold is None or s not in bold):
            # (most lines) a line opening with a letter no marker starts with: a paragraph line
            if wrapped and cur is not None:
                cur.end = e       # (a hard-wrapped line goes on with the unit above)
            else:
                cur = Unit(s, e, "para", 0, s)
                units.append(cur)
            continue
        if not line.strip().strip(_RULE_TEXT):      # blank, or a rule of "|*-_ " only (no set per line)
            cur = None
            continue
        kind, level, off = _unit_kind(line, None if bold is None else s in bold)
        if _divided_heading(units, cur, text, kind, line):
            cur.kind, cur.level, cur.body_start, cur.end = "heading", 1, s + off, e
            continue
        if wrapped and cur is not None and kind == "para":
            cur.end = e
            continue
        cur = Unit(s, e, kind, level, s + off)
        units.append(cur)
    for u in units:
        body = text[u.body_start:u.end].strip()
        if u.kind == "para" and body and len(body) < 250 and not _ENDS_SENTENCE_RE.search(body) and \
                not _task_block_line(body):
            u.kind = "title"  # a news section title or headline
        while u.end > u.start and text[u.end - 1] in " \t\r":
            u.end -= 1
    return units


def _task_block_line(body: str) -> bool:
    """"Cơ quan chủ trì: Sở X", "Đơn vị phối hợp: Y" printed with no full stop: a line of a plan's task
    block (guide §9), not a section title."""
    colon = body.find(":")
    return 0 < colon < 60 and block_label(fold(body[:colon]), 0, colon) is not None


def _divided_heading(units: list[Unit], cur: Unit | None, text: str, kind: str, line: str) -> bool:
    """Is this line ("15. Trách nhiệm của …") the number and title of the article word printed alone
    on the line before ("**Điều")? A hard wrap right after the word must not make "15." an item."""
    if cur is None or kind != "heading" or cur.kind != "para" or cur is not units[-1]:
        return False
    m = HEADING_RE.match(line)
    return bool(_DIVISION_WORD_RE.fullmatch(text, cur.start, cur.end)) and \
        _DIVISION_NUMBER_RE.match(m.group("marker")) is not None


# The type line of a header (NĐ 30/2020, Phụ lục I): the kind of instrument in capitals on a line of its own
# (or glued by a library's bold marks to the trích yếu: "**NGHỊ ĐỊNH****Quy định …**", blanked to spaces).
_UPPER = "".join(re.escape(chr(c)) for c in range(0x41, 0x1F00) if chr(c).isupper())
_LOWER = "".join(re.escape(chr(c)) for c in range(0x61, 0x1F00) if chr(c).islower())
TYPE_LINE = LinePattern(r"(KẾ HOẠCH|QUYẾT ĐỊNH|CHỈ THỊ|CÔNG ĐIỆN|THÔNG BÁO KẾT LUẬN|THÔNG BÁO|NGHỊ QUYẾT|CÔNG VĂN|THÔNG TƯ LIÊN TỊCH|"
                       r"THÔNG TƯ|TỜ TRÌNH|BÁO CÁO|QUY CHẾ|HƯỚNG DẪN|CHƯƠNG TRÌNH|PHƯƠNG ÁN|NGHỊ ĐỊNH|LUẬT|"
                       r"PHÁP LỆNH|KẾT LUẬN|QUY ĐỊNH)(?:\W*$|[ \t*]+(?=[" + _UPPER + "][" + _LOWER + "]))")


def _end_of_paragraph(text: str, pos: int) -> int:
    """End of the trích yếu under a type word at pos, in linear time.

    It is the first paragraph after the type line, and it ends at a blank line or where a
    line does not go on with it: after a subject in capitals, a line in capitals or in lower
    case; after one in running text, a line in lower case ("QUY ĐỊNH … / Căn cứ …", "về việc … /
    Ban Thường vụ …" in copies that print no blank lines)."""
    lines = text[pos:pos + 4000].split("\n")
    offset, upper = pos, None
    for i, line in enumerate(lines):
        if i == 0:
            offset += len(line) + 1
            continue
        s = line.strip(" \t*_|-")
        if s:
            letters = [c for c in s[:60] if c.isalpha()]
            is_upper = bool(letters) and all(c.isupper() for c in letters)
            if upper is None:
                upper = is_upper
            elif not (s[0].islower() or (upper and is_upper)):
                return offset - 1
        elif upper is not None:
            return offset - 1
        offset += len(line) + 1
    return min(len(text), offset)


_MOTTO_START = re.compile(r"[\s*_|#-]*C[ỘO]NG H[ÒO]A X[ÃA] H[ỘO]I", re.I)
_PLACE_DATE = re.compile(r"ng[àa]y\s+\d{1,2}\s*(?:th[áa]ng\s+\d{1,2}\s*n[ăa]m\s+\d{4}|[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})[^\n]*",
                         re.I)


_PLACE_BEFORE_DATE = re.compile(r"[\s*_|]*[^,:;.\n]{2,50},[\s*_]*")   # "Bình Định, " before "ngày …"


def _motto_after(text: str, end: int) -> int:
    """A header read column by column (a PDF's, or a DOCX header table row by row) can have the
    right column — the national motto and "place, ngày … tháng … năm …" — after the trích yếu:
    the header then runs to that date line."""
    if _MOTTO_START.match(text, end, end + 200):
        date = _PLACE_DATE.search(text, end, end + 400)
        return date.end() if date else end
    date = _PLACE_DATE.search(text, end, end + 160)
    if date:
        line_start = text.rfind("\n", end, date.start()) + 1 or end
        if not text[end:line_start].strip(" \t\n*_|-") and _PLACE_BEFORE_DATE.fullmatch(text, line_start, date.start()):
            return date.end()     # "Bình Định, ngày 05 tháng 01 năm 2025" on the line after the V/v
            #                       (not a first sentence "Giao Sở X: …, báo cáo … trước ngày 15/5/2025")
    return end


def parse(text: str, layout: Layout | None = None) -> Structure:
    """The blocks and units of a text; with its ``layout`` (``ingest.layout.read``), ``text`` is the
    layout's clean copy and only the document proper (``layout.start:layout.end``) is read."""
    lo, hi = (layout.start, layout.end) if layout else (0, len(text))
    st = Structure()
    st.official = _is_official(text, lo)
    if not st.official and (_opens_letter(text, lo, hi) or _opens_instrument(text, lo, hi)):
        st.official = st.headless = True
    body_lo, body_hi = lo, hi
    if st.official:
        end = _header_end(text, lo)
        if end is not None:
            end = _motto_after(text, end)
            st.header = Block(lo, end)
            body_lo = end
        st.kinh_gui = _kinh_gui(text, body_lo, hi)
        if st.kinh_gui:
            body_lo = st.kinh_gui.end
    body_hi, after = _closing(text, st, body_lo, hi)
    st.body = Block(body_lo, body_hi)
    if layout:
        wrapped, bold = layout.wrapped, layout.bold
    else:
        wrapped, bold = _is_wrapped(text[body_lo:body_hi]) or _is_wrapped(text), None
    st.units = split_units(text, body_lo, body_hi, wrapped, bold)
    if after is not None:
        # a Phụ lục, Kế hoạch, Quy định … printed after the signature belongs to the directive
        # (its tasks are the directive's, guide §8)
        a = _attachment(text, after, hi)
        if a is not None:
            st.appendix = Block(a, hi)
            if st.signature and st.signature.start >= a:
                st.signature = None         # an attached form's signature line, not the directive's
            elif st.signature and st.signature.end > a:
                st.signature.end = a
            if st.noi_nhan and st.noi_nhan.end > a:
                st.noi_nhan.end = a
            st.units += split_units(text, a, hi, wrapped, bold)
    if layout:
        st.tasks = [row for table in layout.tables for row in task_rows(text, table)]
    return st


def task_rows(text: str, table: list) -> list[TaskRow]:
    """The rows of a task table whose header names a lead column ("Cơ quan chủ trì", "Đơn vị thực
    hiện"), with its support ("Cơ quan phối hợp") and task ("Nhiệm vụ", "Nội dung") columns (guide §9).
    A list of administrative procedures ("Tên thủ tục hành chính | … | Cơ quan thực hiện") has none."""
    header = {c.col: fold(text[c.start:c.end]) for c in table if c.row == 0}
    if any(column_words("procedure").search(words) for words in header.values()):
        return []   # a list of administrative procedures, not of tasks
    # the body columns win over the task words in their header ("Phân công nhiệm vụ", "Đơn vị thực hiện nhiệm vụ")
    kinds = {col: kind for col, words in header.items() for kind in ("task", "lead", "support")
             if column_words(kind).search(words)}
    kinds.update({col: "lead" for col, words in header.items()
                  if col not in kinds and column_words("lead", alone=True).fullmatch(" ".join(words.split()))})
    for col, kind in list(kinds.items()):
        if kind == "support" and _PRESIDE_WORD.search(header[col]):
            kinds[col] = "lead"         # "Cơ quan chủ trì, phối hợp": its cells name the lead and its partners
    sub = _sub_header(text, table, kinds)
    kinds.update(sub)
    if "lead" not in kinds.values():
        return []
    rows: dict[int, TaskRow] = {}
    task_col: dict[int, int] = {}
    for c in table:
        if c.row == 0 or (sub and c.row == 1) or not text[c.start:c.end].strip():
            continue
        row = rows.setdefault(c.row, TaskRow(c.start, c.end))
        row.start, row.end = min(row.start, c.start), max(row.end, c.end)
        kind = kinds.get(c.col)
        if kind == "lead":
            row.leads.append((c.start, c.end))
        elif kind == "support":
            row.supports.append((c.start, c.end))
        elif kind == "task" and (row.task is None or c.col < task_col[c.row]):
            # the leftmost task column states the task ("Nhiệm vụ"); one further right names where it
            # was given ("Văn bản giao nhiệm vụ")
            row.task, task_col[c.row] = (c.start, c.end), c.col
    for row in rows.values():     # the obligation quotes the row: its task and the bodies' names
        while row.start < row.end and text[row.start] in " \t|":
            row.start += 1
        while row.end > row.start and text[row.end - 1] in " \t|":
            row.end -= 1
    return [r for r in rows.values() if r.leads]


_PRESIDE_WORD = re.compile(r"(?<![a-z0-9])chu tri(?![a-z0-9])")


def _sub_header(text: str, table: list, kinds: dict) -> dict:
    """A header printed on two rows ("Cơ quan thực hiện" over "Chủ trì | Phối hợp"): the kinds its second
    row gives to columns, when each of its filled cells is only a column's words. Empty when it is a row of data."""
    cells = {c.col: " ".join(fold(text[c.start:c.end]).split()) for c in table if c.row == 1}
    filled = {col: words for col, words in cells.items() if words}
    out = {}
    for col, words in filled.items():
        kind = next((k for k in ("support", "lead") if column_words(k).fullmatch(words) or
                     column_words(k, alone=True).fullmatch(words)), None)
        if kind is None:
            return {}
        out[col] = kind
    return out if "lead" in out.values() or "lead" in kinds.values() else {}


@lru_cache(maxsize=8)
def column_words(kind: str, alone: bool = False) -> re.Pattern:
    """Header words of a task table's column of one kind (data/layout.txt); ``alone``: the words that name
    the column only as the whole header cell."""
    section = f"{kind} column alone" if alone else f"{kind} column"
    words = [fold(w) for w in sections(Path(__file__).with_name("data") / "layout.txt").get(section, [])]
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(map(re.escape, words)) + r")(?![a-z0-9])")


_LETTER_OPENING_RE = re.compile(r"[\s|*_#>-]*K[íi]nh g[ửu]i\b")
_NOI_NHAN_RE = re.compile(r"N[ơo]i nh[ậa]n\b")


def _opens_letter(text: str, lo: int, hi: int) -> bool:
    """A letter whose copy lost its header: the document proper opens at "Kính gửi" and closes with
    a Nơi nhận (a web page quoting a letter opens with its own title)."""
    return bool(_LETTER_OPENING_RE.match(text, lo, hi)) and _NOI_NHAN_RE.search(text, lo, hi) is not None


_ARTICLE_ONE_RE = LinePattern(r"Điều 1\b")


def _opens_instrument(text: str, lo: int, hi: int) -> bool:
    """An instrument whose copy lost its header block: the document proper opens with the type line
    ("QUYẾT ĐỊNH", "CÔNG ĐIỆN" …) and goes on to its articles or its Nơi nhận; the page is the
    instrument itself, not a page about one (guide §1, §5)."""
    return TYPE_LINE.match(text, lo, min(hi, lo + 200)) is not None and \
        (_ARTICLE_ONE_RE.search(text, lo, hi) is not None or _NOI_NHAN_RE.search(text, lo, hi) is not None)


_BODY_OPENING_RE = re.compile(r"\W*(uy ban nhan dan|bo |thu tuong|van phong|so )")


# "Số: 12/…" or "Luật số 5/…" at a word start ("\bS", "\bLuật s"; the check on the character before is put
# after the first letter, so that the regex engine skips to S and L instead of trying every position)
_HEAD_NUMBER_RE = re.compile(r"(?:S(?<!\wS)|L(?<!\wL)uật s)[ốỐ]\s*(?:ký hiệu|KÝ HIỆU)?\s*:?\s*\d+\s*[/-]")


def _is_official(text: str, lo: int) -> bool:
    """An official text: a Số and the national motto in its head, or it opens with a governing body."""
    head = text[lo:lo + 3000]
    kept_head = fold_keep(head)                 # folded once: the spaced form below is fold(head)
    folded_head = " ".join(kept_head.split())
    number = _HEAD_NUMBER_RE.search(head)
    if number and ("cong hoa xa hoi chu nghia" in folded_head or "doc lap tu do" in folded_head or
                   "dang cong san viet nam" in folded_head):
        return True
    if number and number.start() < 200 and TYPE_LINE.search(head, number.end(), number.end() + 600):
        return True     # a library's copy that lost the header's table: "Số: N" and the type line only
    opening = _BODY_OPENING_RE.match(kept_head)
    # "so" folds both Sở (a department) and Số ("Số định danh …", a page's title): only Sở opens a text
    return bool(opening and "so " in folded_head[:800] and
                (opening.group(1) != "so " or head[opening.start(1) + 1] in "ởỞ"))


_VV_RE = LinePattern(r"([Vv]/[vV]|Về việc)[^\n]*")   # "v/v" too, as some scribes type it


def _continued(text: str, end: int) -> int:
    """The end of a trích yếu whose first line ends at ``end``: the lines after it that go on in lower
    case ("V/v tăng cường …\nphòng cháy rừng") belong to it; the motto, the date, Kính gửi do not."""
    while True:
        nl = text.find("\n", end + 1)
        line = text[end + 1:nl if nl >= 0 else len(text)]
        word = line.strip(" \t*_")
        goes_on = word[:1].islower() or (word[:1].isdigit() and not HEADING_RE.match(line)) or \
            (len(word) <= 12 and word.isupper() and " " not in word)   # (not the body's first heading, "1. Sở X")
        if not goes_on or end >= len(text):       # ("… Nghị định\n136/2025/NĐ-CP", "… thuế\nGTGT" go on)
            return end
        end = nl if nl >= 0 else len(text)


def _header_end(text: str, lo: int) -> int | None:
    """The header ends at the trích yếu: after "V/v …", or the type word and its subject lines."""
    m = _VV_RE.search(text, lo, lo + 4000)
    if m:
        end = m.end()
        if not text[m.end(1):end].strip(" \t*_:"):
            nl = text.find("\n", end + 1)     # "V/v" alone on its line, the subject on the next
            end = nl if nl >= 0 else len(text)
        return _continued(text, end)
    t = TYPE_LINE.search(text, lo, lo + 4000)
    if t:
        return _end_of_paragraph(text, t.end())
    kg = KINH_GUI_RE.search(text, lo, lo + 4000)
    if kg and re.search(r"\bS[ốỐ]\s*(?:ký hiệu|KÝ HIỆU)?\s*:?\s*\d", text[lo:kg.start()]):
        return len(text[:kg.start()].rstrip())      # a công văn whose trích yếu is not "V/v …"
    return None


def _kinh_gui(text: str, lo: int, hi: int) -> Block | None:
    """The "Kính gửi" lines: list items and their wrapped continuations, up to a line that ends the
    list (".") and is followed by ordinary text."""
    kg = KINH_GUI_RE.search(text, lo, min(hi, lo + 600))
    if not kg:
        return None
    end = kg.end()
    last = text[kg.start():kg.end()]
    for s, e, line in _lines(text[kg.end():hi]):
        s, e = s + kg.end(), e + kg.end()
        if not line.strip() or set(line.strip()) <= set("|*-_ "):
            continue
        stripped = line.strip()
        if s > kg.end() and not BULLET_RE.match(line) and (_runs_on(stripped) or (
                HEADING_RE.match(line) and not last.rstrip("* ").endswith((";", ":", ",")))):
            break     # the letter's first paragraph or heading after an address line printed with no stop
        if s == kg.end() or BULLET_RE.match(line) or not last.rstrip("* ").endswith((".", ";", ":")) \
                or (last.rstrip("* ").endswith((";", ":")) and len(stripped) < 160):
            end = e
            last = stripped
            continue
        break
    return Block(kg.start(), end)


def _runs_on(line: str) -> bool:
    """A line of running text, not an address: it opens as text does or acknowledges a letter."""
    folded = fold(line.strip("*_ "))
    return bool(RUNNING_TEXT_RE.match(folded) or _ACKNOWLEDGES_RE.match(folded))


def _closing(text: str, st: Structure, body_lo: int, hi: int) -> tuple[int, int | None]:
    """Find Nơi nhận and the signature; return where the body ends and where an attachment may start."""
    nn, closed = _noi_nhan(text, body_lo, hi)
    copy = None if closed or not st.official else _headless_list(text, body_lo, nn.start() if nn else hi)
    if copy:
        st.noi_nhan = copy
        sig = SIGN_RE.search(text, copy.end, hi)
        if sig:
            st.signature = Block(sig.start(), hi)
        return copy.start, copy.end
    if nn:
        sig = SIGN_RE.search(text, nn.end(), hi)
        st.noi_nhan = Block(nn.start(), _list_end(text, nn.end(), sig.start() if sig else hi))
        if sig:
            st.signature = Block(sig.start(), hi)
        return nn.start(), st.noi_nhan.end     # (the first "KT." after it may be an attached form's)
    sig = _first_signature(text, body_lo, hi)
    if sig:
        st.signature = Block(sig.start(), hi)
        return sig.start(), sig.start()
    return hi, None


def _noi_nhan(text: str, lo: int, hi: int) -> tuple[re.Match | None, bool]:
    """The directive's Nơi nhận: the first whose list closes with a "Lưu …" line (a form printed in an
    annex may have its own after it), else the last; and whether its list closes so."""
    last = None
    for m in NOI_NHAN_RE.finditer(text, lo, hi):
        last = m
        if _LIST_CLOSE_RE.search(text, m.end(), min(hi, m.end() + 1200)):
            return m, True
    return last, False


_LIST_CLOSE_RE = re.compile(r"^[ \t]*(?:[-+•–][ \t]*)?L[ưu]u\b", re.I | re.M)
# A copy list whose "Nơi nhận:" heading a conversion lost (the table cell beside the signature left out):
# dashed items closed by the archive's item "Lưu: VT, …", one a line or all on one ("- Thủ tướng …; - Lưu: VT")
# (found by the item's capital first: a text has few "L", while a finder at every line start would read
# every dashed line to its end)
_ARCHIVED_ITEM_RE = re.compile(r"L[ưu]u\b[ \t]*:?[ \t]*(?:[A-ZĐ]{2}|V[ăa]n th[ưu])")
_ITEM_BEFORE_RE = re.compile(r"[ \t*_|]*[-+•–][ \t]*(?:[^\n]*;[ \t]*[-+•–][ \t]*)?")   # its line up to it


def _headless_list(text: str, lo: int, hi: int) -> Block | None:
    """A copy list without its heading before ``hi`` (where a headed one, maybe an annexed form's, starts):
    the paragraph of dashed items that its "Lưu …" item closes. Looked for only where no headed list closes
    the directive."""
    for item in _ARCHIVED_ITEM_RE.finditer(text, lo, hi):
        line = text.rfind("\n", lo, item.start()) + 1
        if _ITEM_BEFORE_RE.fullmatch(text, max(line, lo), item.start()):
            return _copy_paragraph(text, lo, max(line, lo), item.end(), hi)
    return None


def _copy_paragraph(text: str, lo: int, line: int, end: int, hi: int) -> Block | None:
    """The paragraph of dashed items whose last item's line starts at ``line`` and holds the item up to
    ``end``: a list of at least two items, or None."""
    start = max(text.rfind("\n\n", lo, line) + 2, lo)
    first = text[start:line] or text[start:end]
    if not BULLET_RE.match(first.lstrip("*_| \n")) or ";" not in text[start:end]:
        return None         # (a list of at least two dashed items)
    eol = text.find("\n", end, hi)
    return Block(start, eol if eol >= 0 else hi)


def _list_end(text: str, pos: int, hi: int) -> int:
    """Where the Nơi nhận list ends: after its "Lưu …" line, or at a blank line that no item follows."""
    blank = False
    for s, e, line in _lines(text[pos:hi]):
        s, e = s + pos, e + pos
        if not line.strip():
            blank = True
            continue
        if blank and s > pos and not BULLET_RE.match(line):
            return s
        blank = False
        if _LIST_CLOSE_RE.match(line):
            return e
    return hi


def _first_signature(text: str, lo: int, hi: int) -> re.Match | None:
    """The first signature line ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"): a short line in capitals."""
    for m in SIGN_RE.finditer(text, lo, hi):
        eol = text.find("\n", m.end(), hi)
        eol = eol if eol >= 0 else hi
        if eol - m.start() < 80 and text[m.end():eol].strip()[:6].isupper():
            return m
    return None


_APPENDIX_RE = re.compile(r"\W*PH[ỤU] L[ỤU]C\b", re.I)
_ANNEX_NOTE_RE = re.compile(r"^\W*(?:Ban hành\s+)?(?:kèm|đính kèm)\s+theo\b", re.M | re.I)


def _attachment(text: str, after: int, hi: int) -> int | None:
    """Where a document printed after the signature starts: its title line ("KẾ HOẠCH", "PHỤ LỤC I"),
    or the title paragraph above a "(Ban hành kèm theo …)" line."""
    para = prev = None      # the paragraph the line is in, the one before it
    for s, e, line in _lines(text[after:hi]):
        s, e = s + after, e + after
        if not line.strip():
            if para is not None:
                prev, para = para, None
            continue
        if para is None:
            para = s
        if is_title_line(line) or _APPENDIX_RE.match(line):
            return s
        if _ANNEX_NOTE_RE.match(line):
            return para if para != s or prev is None else prev
    return None
