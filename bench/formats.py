#!/usr/bin/env python3
"""The same document in the formats offices publish it in: DOCX, PDF, HTML (and clean text), scored.

    python bench/formats.py [--shared ../shared] [--formats md,txt,docx,pdf,html] [--half A|B] [--docs STEM,...]
                            [--out DIR] [--verbose]

The gold-archive texts are legal-library scrapes in Markdown; the readers of
DOCX and PDF (``ingest/readers.py``, ``ingest/pdf_columns.py``) have never been
checked against gold on real documents. This bench re-renders the documents of
gold-archive **half A** (``--half B``: the held-out half, its score lines only, never its
errors: ``--verbose`` is refused there) the way an office
publishes them and scores each format with ``shared/tools/score.py``:

- ``txt``: the document as plain text, one paragraph a line, the cells of a
  table one a line (a clean copy: what is lost here is lost by the rendering,
  not by a reader);
- ``docx``: as Word saves a Vietnamese administrative document: the header as a
  borderless two-column table (issuing body | national motto; number and
  trích yếu | place and date), body paragraphs with Word numbering for "1.",
  "a)" and "-" lists, Markdown and library tables as real Word tables, the
  Nơi nhận and the signature side by side in a borderless table, an attached
  plan or regulation after a page break;
- ``pdf``: printed from such a document (fpdf2, a Unicode serif font): the same
  two-column header and foot, justified text wrapped inside sentences, page
  numbers and a running header (a Công báo line) on every page after the first,
  paragraphs and tables running across pages;
- ``html``: a legal-library page: navigation, breadcrumbs, a metadata box, the
  header as a table, the body, a related-documents sidebar, ads and a footer.

Facts are compared per document as the scorer does; spans are checked against
the text each reader produced (written beside the predictions), so the "spans"
column says whether offsets still quote the text read.
"""
from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from phoihop.ingest import layout  # noqa: E402
from phoihop.ingest.pipeline import extract_text  # noqa: E402
from phoihop.ingest.readers import read_document  # noqa: E402

FORMATS = ("md", "txt", "docx", "pdf", "html")
METRICS = ("assignments", "coordination", "directives", "citations", "recipients")
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))


def half(shared: Path, which: str = "A") -> list[str]:
    """The stems of gold-archive half A (last hex digit even) or B (odd)."""
    stems = [g.stem for g in sorted((shared / "gold-archive").glob("*.json"))]
    return [s for s in stems if int(s[-1], 16) % 2 == (0 if which == "A" else 1)]


# --- The document as a sequence of blocks -------------------------------------

@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Para:
    runs: list[Run]
    list_kind: str | None = None     # "decimal" | "letter" | "bullet": Word numbering draws the label
    label: str = ""                  # the label as printed ("1.", "a)", "-"), without it in runs
    heading: bool = False            # wholly bold: centred title lines and section headings
    center: bool = False

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class Table:
    rows: list[list[list[Para]]]     # rows of cells of paragraphs

    @property
    def width(self) -> int:
        return max((sum(1 for c in row if any(p.text.strip() for p in c)) for row in self.rows), default=0)

    @property
    def layout(self) -> bool:
        """A header or foot laid out in columns (no borders), not a data table."""
        return self.width <= 2


@dataclass
class PageBreak:
    pass


@dataclass
class Document:
    stem: str
    blocks: list = field(default_factory=list)


_RULE_RE = re.compile(r"[-_=*.\s]*")
_EMPH_RE = re.compile(r"(\*\*|\*)")
_LIST_RE = re.compile(r"(?:(\d{1,2})\.|([a-zđ])\)|([-+–•]))\s+(?=\S)")
_SENTENCE_END_RE = re.compile(r"[.;:!?]\)?[*_]*$")
_NEW_PARA_RE = re.compile(r"(?:[-+–•]\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|[a-zđ][.)]\s|\(\d{1,2}\)\s|[IVXL]{1,5}[.)]\s|"
                          r"(?:Điều|Chương|Mục|Phần)\s|\**[A-ZĐÀ-Ỹ])")
_LAYOUT_CELL_RE = re.compile(r"N[ơo]i nh[ậa]n|C[ỘO]NG H[ÒO]A|(?:TM|KT|TL|TUQ)\s?\.|S[ốo]\s*:|Độc lập")


def parse(text: str, stem: str) -> Document:
    """The blocks of a gold-archive text: its library banner and page furniture left out."""
    cut = layout.read(text)
    start = cut.start
    before = text.rfind("\n", 0, max(0, start - 1))
    if text[before + 1:start].strip() == "|":        # the "|" opening the header table
        start = before + 1
    lines = text[start:cut.end].split("\n")
    doc = Document(stem)
    i = 0
    para: list[str] = []
    while i < len(lines):
        s = lines[i].strip()
        if s == "|":
            _flush(para, doc.blocks)
            table, i = _stream_table(lines, i)
            if table.rows:
                doc.blocks.append(table)
            continue
        if s.startswith("|") and s.endswith("|") and s.count("|") >= 3:
            _flush(para, doc.blocks)
            table, i = _pipe_table(lines, i)
            if table.rows:
                doc.blocks.append(table)
            continue
        if not s or _RULE_RE.fullmatch(s):
            _flush(para, doc.blocks)
        elif s.startswith("#"):
            _flush(para, doc.blocks)
            para.append("**" + s.lstrip("#").strip() + "**")
            _flush(para, doc.blocks)
        elif para and (_SENTENCE_END_RE.search(para[-1]) and _NEW_PARA_RE.match(s) or _new_block(para, s)):
            _flush(para, doc.blocks)
            para.append(s)
        elif para and _LIST_RE.match(s) and s[0] in "-+–•":
            _flush(para, doc.blocks)
            para.append(s)
        else:
            para.append(s)
        i += 1
    _flush(para, doc.blocks)
    _join_article_labels(doc.blocks)
    _break_before_attachment(doc.blocks)
    return doc


def _new_block(para: list[str], s: str) -> bool:
    """Where a paragraph ends without punctuation: a bold line after a closed bold run, or a change
    between a title in capitals and running text."""
    prev = para[-1]
    bold_open = " ".join(para).count("**") % 2 == 1
    if bold_open:
        return False
    if s.startswith("**") or prev.endswith("**"):
        return True
    up_prev, up_s = _caps(prev), _caps(s)
    return up_prev is not None and up_s is not None and up_prev != up_s


def _caps(s: str) -> bool | None:
    letters = [c for c in s[:60] if c.isalpha()]
    if len(letters) < 3:
        return None
    return all(c.isupper() for c in letters)


def _flush(lines: list[str], blocks: list) -> None:
    if lines:
        p = make_para(" ".join(lines))
        if p.text.strip():
            blocks.append(p)
        lines.clear()


def runs_of(text: str) -> list[Run]:
    """Bold and italic runs of a line of Markdown emphasis; stray marks are dropped."""
    text = re.sub(r"\*{3,}", "**", text)
    parts = _EMPH_RE.split(text)
    bold = italic = False
    runs: list[Run] = []
    for part in parts:
        if part == "**":
            bold = not bold
        elif part == "*":
            italic = not italic
        elif part:
            if runs and runs[-1].bold == bold and runs[-1].italic == italic:
                runs[-1].text += part
            else:
                runs.append(Run(part, bold, italic))
    out = []
    for r in runs:
        r.text = re.sub(r"\s+", " ", r.text.replace("_", "_"))
        if r.text:
            out.append(r)
    if out:
        out[0].text = out[0].text.lstrip()
        out[-1].text = out[-1].text.rstrip()
    return [r for r in out if r.text]


def make_para(text: str) -> Para:
    runs = runs_of(text)
    p = Para(runs)
    letters = [r for r in runs if r.text.strip()]
    p.heading = bool(letters) and all(r.bold for r in letters)
    plain = p.text
    m = _LIST_RE.match(plain)
    if m and runs:
        kind = "decimal" if m.group(1) else "letter" if m.group(2) else "bullet"
        p.list_kind, p.label = kind, m.group().strip()
        _drop_prefix(runs, m.end())
    if p.heading and plain.isupper():
        p.center = True
    return p


def _drop_prefix(runs: list[Run], n: int) -> None:
    while n and runs:
        if len(runs[0].text) <= n:
            n -= len(runs[0].text)
            runs.pop(0)
        else:
            runs[0].text = runs[0].text[n:]
            n = 0
    if runs:
        runs[0].text = runs[0].text.lstrip()


def _cell_paras(lines: list[str]) -> list[Para]:
    """The paragraphs of a table cell: its wrapped lines joined where an emphasis run, a label
    ("Số:") or a lower-case continuation carries on; rules ("-------") dropped."""
    out: list[str] = []
    open_marks = 0
    for raw in lines:
        s = raw.strip()
        if not s or _RULE_RE.fullmatch(s):
            continue
        joins = out and (open_marks % 2 == 1 or out[-1].rstrip("* ").endswith(("Số:", "Số :"))
                         or (s[0].islower() and not out[-1].rstrip("*").endswith((";", "."))))
        if joins:
            out[-1] += " " + s
        else:
            out.append(s)
        open_marks = _open_emphasis(out[-1])
    return [p for p in (make_para(t) for t in out) if p.text.strip()]


def _open_emphasis(s: str) -> int:
    """1 when a bold or italic run is left open at the end of s."""
    doubles = s.count("**")
    singles = s.count("*") - 2 * doubles
    return 1 if doubles % 2 or singles % 2 else 0


def _stream_table(lines: list[str], i: int) -> tuple[Table, int]:
    """A table printed one cell a line between "|" lines (the legal library's layout)."""
    tokens: list = []           # None for "|", a list of lines for a cell
    j = i
    width = 0
    row_cells = 0
    while j < len(lines):
        s = lines[j].strip()
        if s == "|":
            if tokens and tokens[-1] is None:           # "|" "|": the row ended, another begins
                if not width:
                    width = row_cells
                row_cells = 0
            tokens.append(None)
            j += 1
            continue
        if tokens and tokens[-1] is None:
            # a cell opens; after a row's last "|" it may be the text after the table
            if width and row_cells >= width:
                break
            if not width and row_cells >= 2 and (_is_layout_row(tokens) or _long_cell(tokens, lines, j)):
                break
            if not s and not width and row_cells >= 1 and _next_text_after_blank(lines, j):
                break
            if not _closed(lines, j):
                break
            tokens.append([])
            row_cells += 1
        if tokens and tokens[-1] is not None:
            tokens[-1].append(lines[j])
        j += 1
    # the trailing "|" closes the last row
    rows, row = [], []
    prev = None
    for t in tokens:
        if t is None:
            if prev is None and row:
                rows.append(row)
                row = []
        else:
            row.append(_cell_paras(t))
        prev = t
    if row:
        rows.append(row)
    rows = [r for r in rows if any(c for c in r)]
    w = max((len(r) for r in rows), default=0)
    for r in rows:
        r.extend([] for _ in range(w - len(r)))
    table = Table(rows)
    if not table.layout:
        table.rows = [[_rejoin_prose(c) for c in r] for r in rows]
    return table, j


_ITEM_START_RE = re.compile(r"(?:[-+–•]\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|[a-zđ]\)\s)")


def _rejoin_prose(cell: list[Para]) -> list[Para]:
    """A data table's cell: the library wrapped its sentences ("… ngày 09/4/2021 của" "Bộ trưởng …");
    a line that does not end a sentence goes on on the next unless that starts an item."""
    out: list[Para] = []
    for p in cell:
        if out and not re.search(r"[.;:!?]$", out[-1].text.rstrip()) and not p.list_kind \
                and not _ITEM_START_RE.match(p.text):
            out[-1].runs = out[-1].runs + [Run(" ")] + p.runs
        else:
            out.append(p)
    return out


def _long_cell(tokens: list, lines: list[str], j: int) -> bool:
    """A header row of a data table is short cells ("TT", "Cơ quan chủ trì"); a long cell, or a long
    text after the row's "|", is a layout row and the text after the table."""
    if any(t is not None and len(" ".join(t).strip(" *")) > 60 for t in tokens):
        return True
    k, size = j, 0
    while k < len(lines) and lines[k].strip() != "|":
        size += len(lines[k].strip())
        k += 1
    return size > 60 or k >= len(lines)


def _closed(lines: list[str], j: int, limit: int = 40) -> bool:
    """A cell is closed by a "|" line within a few lines; text that runs on is after the table."""
    for k in range(j, min(len(lines), j + limit)):
        if lines[k].strip() == "|":
            return True
    return False


def _is_layout_row(tokens: list) -> bool:
    cells = [" ".join(t) for t in tokens if t is not None]
    return any(_LAYOUT_CELL_RE.search(c) for c in cells[-2:])


def _next_text_after_blank(lines: list[str], j: int) -> bool:
    """A blank line after a one-cell row's "|" then running text: the table ended."""
    k = j
    while k < len(lines) and not lines[k].strip():
        k += 1
    return k < len(lines) and lines[k].strip() != "|"


def _pipe_table(lines: list[str], i: int) -> tuple[Table, int]:
    rows = []
    j = i
    while j < len(lines) and lines[j].strip().startswith("|"):
        s = lines[j].strip()
        if not re.fullmatch(r"[|:\-\s]+", s):
            cells = [c.strip() for c in s.strip("|").split("|")]
            rows.append([_cell_paras(c.split("<br>")) for c in cells])
        j += 1
    return Table(rows), j


def _join_article_labels(blocks: list) -> None:
    """"Điều 4." alone before its title: one paragraph, as Word prints it."""
    k = 0
    while k + 1 < len(blocks):
        a, b = blocks[k], blocks[k + 1]
        if isinstance(a, Para) and isinstance(b, Para) and re.fullmatch(r"Điều \d{1,3}\.?", a.text.strip()):
            a.runs = a.runs + [Run(" ", a.runs[-1].bold)] + b.runs
            del blocks[k + 1]
        k += 1


def _break_before_attachment(blocks: list) -> None:
    """An attached plan or regulation (what follows the signature and Nơi nhận) starts a new page."""
    for k, b in enumerate(blocks):
        if isinstance(b, Table) and b.layout and _is_foot(b) and k + 1 < len(blocks):
            blocks.insert(k + 1, PageBreak())
            return


def _is_foot(t: Table) -> bool:
    text = " ".join(p.text for row in t.rows for c in row for p in c)
    return bool(re.search(r"N[ơo]i nh[ậa]n|\b(?:TM|KT|TL)\.", text)) and "CỘNG HÒA" not in text.upper()


def row_spans(rows: list, limit: int = 4, budget: int = 600) -> list[list[int]]:
    """How Word authors merge a data table: the same text in consecutive rows of a column (after the
    first, the row number) is one cell drawn down those rows. For each cell: the rows it covers, 0 for
    a cell covered by the one above. Rows merged by a cell are printed on one page, so a merge stops
    before its rows' longest cells add up to more than ``budget`` characters."""
    spans = [[1] * len(r) for r in rows]
    longest = [max((sum(len(p.text) for p in cell) for cell in row), default=0) for row in rows]
    for c in range(1, max((len(r) for r in rows), default=0)):
        r = 0
        while r < len(rows):
            text = _cell_key(rows, r, c)
            n, size = 1, longest[r]
            while text and r + n < len(rows) and n < limit and _cell_key(rows, r + n, c) == text and \
                    size + longest[r + n] <= budget:
                size += longest[r + n]
                n += 1
            if c < len(spans[r]):
                spans[r][c] = n
            for k in range(1, n):
                spans[r + k][c] = 0
            r += n
    return spans


def _cell_key(rows: list, r: int, c: int) -> str:
    return " ".join(p.text for p in rows[r][c]) if c < len(rows[r]) else ""


# --- Plain text (the control) -------------------------------------------------

def label_text(p: Para) -> str:
    return (p.label + " " if p.label else "") + p.text


def to_txt(doc: Document) -> str:
    out = []
    for b in doc.blocks:
        if isinstance(b, Para):
            out.append(label_text(b))
        elif isinstance(b, Table):
            for row in b.rows:
                if b.layout:
                    for cell in row:
                        out.extend(label_text(p) for p in cell)
                        out.append("")
                else:
                    out.append("| " + " | ".join("; ".join(label_text(p) for p in c) for c in row) + " |")
        out.append("")
    return "\n".join(out)


# --- DOCX ----------------------------------------------------------------------

class _WordLists:
    """Word numbering definitions: one abstract list per kind, a new list instance per list so that
    each restarts at 1 (as Word does when a list is restarted)."""

    FORMATS = {"decimal": ("decimal", "%1."), "letter": ("lowerLetter", "%1)"), "bullet": ("bullet", "-")}

    def __init__(self, document):
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        self.parse_xml, self.nsdecls = parse_xml, nsdecls
        self.numbering = document.part.numbering_part.element
        self.abstract = {}
        self.next_id = 900
        for kind, (fmt, text) in self.FORMATS.items():
            aid = str(self.next_id)
            self.next_id += 1
            xml = (f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{aid}"><w:multiLevelType w:val="singleLevel"/>'
                   f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
                   f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr></w:lvl>'
                   f'</w:abstractNum>')
            self.numbering.insert(0, parse_xml(xml))
            self.abstract[kind] = aid

    def new_list(self, kind: str) -> str:
        nid = str(self.next_id)
        self.next_id += 1
        self.numbering.append(self.parse_xml(
            f'<w:num {self.nsdecls("w")} w:numId="{nid}"><w:abstractNumId w:val="{self.abstract[kind]}"/></w:num>'))
        return nid

    def apply(self, paragraph, num_id: str) -> None:
        ppr = paragraph._p.get_or_add_pPr()
        ppr.append(self.parse_xml(
            f'<w:numPr {self.nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))


def _label_value(p: Para) -> int | None:
    if p.list_kind == "decimal":
        return int(p.label.rstrip("."))
    if p.list_kind == "letter":
        return ord(p.label[0]) - ord("a") + 1 if p.label[0] != "đ" else 5
    return None


def to_docx(doc: Document, path: Path) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Pt

    d = docx.Document()
    style = d.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(14)
    lists = _WordLists(d)
    current = {}        # kind -> (numId, last value)

    def add_runs(par, p: Para, size=None):
        for r in p.runs:
            run = par.add_run(r.text)
            run.bold, run.italic = r.bold or None, r.italic or None
            if size:
                run.font.size = Pt(size)

    def number(par, p: Para) -> bool:
        """Word numbering for a label that continues (or starts) a list; otherwise the label stays text."""
        value = _label_value(p)
        kind = p.list_kind
        if kind == "bullet":
            num = current.get(kind, (None, 0))[0] or lists.new_list(kind)
            current[kind] = (num, 0)
        elif value is not None and value == current.get(kind, (None, 0))[1] + 1 and kind in current:
            num = current[kind][0]
            current[kind] = (num, value)
        elif value == 1:
            num = lists.new_list(kind)
            current[kind] = (num, 1)
        else:
            return False
        lists.apply(par, num)
        return True

    for b in doc.blocks:
        if isinstance(b, PageBreak):
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            current.clear()
        elif isinstance(b, Para):
            par = d.add_paragraph()
            if b.list_kind and not number(par, b):
                par.add_run(b.label + " ")
            if not b.list_kind and not b.heading:
                current.pop("bullet", None)
            add_runs(par, b)
            par.alignment = WD_ALIGN_PARAGRAPH.CENTER if b.center else WD_ALIGN_PARAGRAPH.JUSTIFY
        elif isinstance(b, Table):
            width = max(len(r) for r in b.rows)
            table = d.add_table(rows=0, cols=width)
            if not b.layout:
                table.style = d.styles["Table Grid"]
            spans = [[1] * len(r) for r in b.rows] if b.layout else row_spans(b.rows)
            for r, row in enumerate(b.rows):
                cells = table.add_row().cells
                for k, cell in enumerate(row):
                    if not spans[r][k]:
                        continue        # under a merged cell: merged below
                    target = cells[k]
                    first = True
                    for p in cell:
                        par = target.paragraphs[0] if first else target.add_paragraph()
                        first = False
                        if p.label:
                            par.add_run(p.label + " ")
                        add_runs(par, p, size=12 if b.layout else 11)
                        if b.layout:
                            par.alignment = WD_ALIGN_PARAGRAPH.CENTER if not _is_receivers(cell) \
                                else WD_ALIGN_PARAGRAPH.LEFT
            for r, row in enumerate(spans):
                for k, n in enumerate(row):
                    if n > 1:
                        table.cell(r, k).merge(table.cell(r + n - 1, k))
            current.clear()
    d.core_properties.title = ""
    d.save(str(path))


def _is_receivers(cell: list[Para]) -> bool:
    return bool(cell) and bool(re.match(r"N[ơo]i nh[ậa]n", cell[0].text))


# --- PDF -----------------------------------------------------------------------

def _font_file(name: str) -> Path:
    for d in FONT_DIRS:
        if (d / name).exists():
            return d / name
    raise SystemExit(f"font {name} not found (fc-list | grep -i dejavu)")


def to_pdf(doc: Document, path: Path, running: str) -> None:
    """Printed on A4 with the margins of Nghị định 30/2020 (left 30 mm, right 15 mm), 13 pt serif."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    class Printed(FPDF):
        def header(self):
            if self.page_no() > 1:
                self.set_font("serif", "", 9)
                self.set_y(8)
                self.cell(0, 5, running, align="L")
                self.set_xy(self.l_margin, 8)
                self.cell(0, 5, str(self.page_no()), align="R")
                self.set_y(self.t_margin)

        def footer(self):
            self.set_y(-12)
            self.set_font("serif", "I", 8)
            self.cell(0, 5, f"Trang {self.page_no()}/{{nb}}", align="C")

    pdf = Printed(format="A4")
    pdf.set_margins(30, 20, 15)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_font("serif", "", str(_font_file("DejaVuSerif.ttf")))
    pdf.add_font("serif", "B", str(_font_file("DejaVuSerif-Bold.ttf")))
    pdf.add_font("serif", "I", str(_font_file("DejaVuSerif-Italic.ttf")))
    pdf.add_font("serif", "BI", str(_font_file("DejaVuSerif-BoldItalic.ttf")))
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.set_font("serif", "", 11)

    def markdown(p: Para) -> str:
        """fpdf2's emphasis marks, set where the emphasis changes: a mark closing one run and the same
        mark opening the next ("__…, ngày __" "__**21**__") make "____", which fpdf2 prints as text."""
        out, bold, italic = [], False, False
        for r in p.runs:
            if r.italic != italic:
                out.append("__")
                italic = r.italic
            if r.bold != bold:
                out.append("**")
                bold = r.bold
            out.append(r.text.replace("\\", "\\\\").replace("**", "").replace("__", "").replace("--", "- -"))
        out.append(("**" if bold else "") + ("__" if italic else ""))
        return (p.label + " " if p.label else "") + "".join(out)

    for b in doc.blocks:
        if isinstance(b, PageBreak):
            pdf.add_page()
        elif isinstance(b, Para):
            pdf.set_font("serif", "", 11)
            indent = "" if b.center else "    "
            pdf.multi_cell(0, 5.6, indent + markdown(b), align="C" if b.center else "J", markdown=True,
                           new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.2)
        elif isinstance(b, Table):
            width = max(len(r) for r in b.rows)
            pdf.set_font("serif", "", 10 if b.layout else 9)
            with pdf.table(borders_layout="NONE" if b.layout else "ALL", first_row_as_headings=False,
                           text_align="CENTER" if b.layout else "LEFT", line_height=5,
                           col_widths=(45, 55) if b.layout and width == 2 else None,
                           markdown=True) as table:
                # a part of a cell fits a page: ~33 lines of the narrowest column (2 mm a character)
                narrowest = pdf.epw * (0.45 if b.layout and width == 2 else 1 / max(width, 2))
                share = int(narrowest / 2) * 33
                rows = _page_rows(b.rows, share)
                short = all(len(p.text) < 300 for row in rows for c in row for p in c)
                spans = row_spans(rows, budget=share) if short and not b.layout else [[1] * len(r) for r in rows]
                for row, span in zip(rows, spans):
                    r = table.row()
                    for k, cell in enumerate(row):
                        if not span[k]:
                            continue
                        text = "\n".join(markdown(p) for p in cell)
                        align = "LEFT" if (b.layout and _is_receivers(cell)) else None
                        kw = {"rowspan": span[k]} if span[k] > 1 else {}
                        r.cell(text, align=align, **kw) if align else r.cell(text, **kw)
            pdf.ln(3)
    pdf.output(str(path))


def _page_rows(rows: list, limit: int = 1400) -> list:
    """Rows whose cell is longer than a page split into continuation rows, as Word breaks a row
    across pages."""
    out = []
    for row in rows:
        chunks = [_chunks(cell, limit) for cell in row]
        for k in range(max(len(c) for c in chunks)):
            out.append([c[k] if k < len(c) else [] for c in chunks])
    return out


def _split_para(p: Para, limit: int) -> list:
    """A paragraph longer than a cell's page share, cut between words (formatting kept plain)."""
    if len(p.text) <= limit:
        return [p]
    words, out, cur = p.text.split(" "), [], ""
    for w in words:
        if cur and len(cur) + len(w) + 1 > limit:
            out.append(Para([Run(cur)]))
            cur = w
        else:
            cur = f"{cur} {w}" if cur else w
    out.append(Para([Run(cur)]))
    out[0].label = p.label
    return out


def _chunks(cell: list, limit: int) -> list:
    """A cell's paragraphs in parts of at most ``limit`` characters; a short paragraph still takes a
    line of the cell (a page's share is about 30 lines), so a cell of many short lines is cut too."""
    parts, size, line = [[]], 0, limit // 30
    for p in (q for para in cell for q in _split_para(para, limit)):
        cost = max(len(p.text), line)
        if size + cost > limit and parts[-1]:
            parts.append([])
            size = 0
        parts[-1].append(p)
        size += cost
    return parts


# --- HTML (a legal library's page) -----------------------------------------------

_PAGE_TOP = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{title} | Thư viện văn bản pháp luật</title>
<meta property="og:title" content="{title}"></head>
<body>
<header class="site-header"><div class="logo">Thư viện văn bản pháp luật</div>
<nav class="menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/van-ban">Văn bản mới</a></li>
<li><a href="/hoi-dap">Hỏi đáp pháp luật</a></li><li><a href="/lien-he">Liên hệ</a></li></ul></nav>
<form class="search"><input name="q" placeholder="Tìm văn bản"><button>Tìm</button></form></header>
<div class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/van-ban">Văn bản</a> › {title}</div>
<div class="ads banner"><a href="/quang-cao">Đăng ký gói thành viên để tải văn bản gốc</a></div>
<main class="container"><div class="doc-info"><table class="meta">
<tr><td>Tình trạng:</td><td>Còn hiệu lực</td></tr><tr><td>Lượt xem:</td><td>1024</td></tr></table></div>
<div class="content-doc" id="noi-dung">
"""
_PAGE_END = """</div>
<aside class="sidebar"><h3>Văn bản liên quan</h3><ul>
<li><a href="/vb/1">Quyết định về việc ban hành quy chế làm việc</a></li>
<li><a href="/vb/2">Kế hoạch triển khai nhiệm vụ năm 2025</a></li></ul>
<div class="ads"><a href="/ads">Phần mềm quản lý văn bản điện tử - dùng thử miễn phí</a></div></aside>
</main>
<footer class="site-footer"><p>Bản quyền thuộc Thư viện văn bản pháp luật. Địa chỉ: 12 Phố Huế, Hà Nội.</p>
<p><a href="/dieu-khoan">Điều khoản sử dụng</a> | <a href="/chinh-sach">Chính sách bảo mật</a></p></footer>
</body></html>
"""


def _html_runs(p: Para) -> str:
    out = []
    for r in p.runs:
        t = html.escape(r.text)
        if r.bold:
            t = f"<strong>{t}</strong>"
        if r.italic:
            t = f"<em>{t}</em>"
        out.append(t)
    return (html.escape(p.label) + " " if p.label else "") + "".join(out)


def to_html(doc: Document, title: str) -> str:
    body = []
    for b in doc.blocks:
        if isinstance(b, PageBreak):
            body.append('<hr class="page-break">')
        elif isinstance(b, Para):
            align = ' style="text-align:center"' if b.center else ""
            body.append(f"<p{align}>{_html_runs(b)}</p>")
        elif isinstance(b, Table):
            attr = ' class="layout" border="0" width="100%"' if b.layout else ' border="1" cellpadding="4"'
            rows = []
            spans = [[1] * len(r) for r in b.rows] if b.layout else row_spans(b.rows)
            for row, span in zip(b.rows, spans):
                cells = "".join((f'<td rowspan="{n}">' if n > 1 else "<td>") + "<br>".join(_html_runs(p) for p in cell)
                                + "</td>" for cell, n in zip(row, span) if n)
                rows.append(f"<tr>{cells}</tr>")
            body.append(f"<table{attr}>" + "".join(rows) + "</table>")
    return _PAGE_TOP.format(title=html.escape(title)) + "\n".join(body) + "\n" + _PAGE_END


# --- Rendering and scoring ----------------------------------------------------------

def doc_title(doc: Document) -> str:
    """The document's title for a page: its type line and the trích yếu after it, or its first line."""
    for k, b in enumerate(doc.blocks):
        if isinstance(b, Para) and b.center and layout.is_title_line(b.text):
            nxt = doc.blocks[k + 1] if k + 1 < len(doc.blocks) else None
            tail = nxt.text if isinstance(nxt, Para) else ""
            return f"{b.text.title()} {tail.lower()}".strip()
    first = next((b for b in doc.blocks if isinstance(b, Para)), None)
    return first.text[:120] if first else doc.stem


def running_header(doc: Document) -> str:
    return "CÔNG BÁO/Số 1161 + 1162/Ngày 30-11-2025"


def render(doc: Document, fmt: str, out: Path, source: str) -> Path:
    if fmt == "md":
        path = out / f"{doc.stem}.md"
        path.write_text(source, encoding="utf-8")
    elif fmt == "txt":
        path = out / f"{doc.stem}.txt"
        path.write_text(to_txt(doc), encoding="utf-8")
    elif fmt == "docx":
        path = out / f"{doc.stem}.docx"
        to_docx(doc, path)
    elif fmt == "pdf":
        path = out / f"{doc.stem}.pdf"
        to_pdf(doc, path, running_header(doc))
    elif fmt == "html":
        path = out / f"{doc.stem}.html"
        path.write_text(to_html(doc, doc_title(doc)), encoding="utf-8")
    else:
        raise ValueError(fmt)
    return path


def read_with_trafilatura(path: Path):
    """The HTML page read by trafilatura (article text with tables, recall favoured), in the
    shape of ``read_document``'s answer: the well-kept library measured against our reader."""
    import trafilatura
    from types import SimpleNamespace

    page = path.read_text(encoding="utf-8")
    text = trafilatura.extract(page, include_tables=True, include_comments=False, favor_recall=True,
                               output_format="txt") or ""
    meta = trafilatura.extract_metadata(page)
    return SimpleNamespace(text=text, title=meta.title if meta else None, published=None)


# Pseudo-formats: a rendering read by a library instead of ingest/readers.py (not in the default
# run; ``--formats html,html+trafilatura`` compares them): (rendering, reader).
LIBRARY_READERS = {"html+trafilatura": ("html", read_with_trafilatura)}


def run_format(shared: Path, stems: list[str], fmt: str, work: Path) -> dict:
    """Render, read and extract every document in one format; score the predictions."""
    files, texts, pred, gold = (work / fmt / d for d in ("files", "text", "pred", "gold"))
    for d in (files, texts, pred, gold):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
    for stem in stems:
        source = (shared / "corpus" / "archive" / f"{stem}.md").read_text(encoding="utf-8")
        path = render(parse(source, stem), LIBRARY_READERS.get(fmt, (fmt,))[0], files, source)
        read = LIBRARY_READERS[fmt][1](path) if fmt in LIBRARY_READERS else read_document(path)
        (texts / f"{stem}.txt").write_text(read.text, encoding="utf-8")
        ex = extract_text(read.text, document=path.name, path=str(path), title=read.title, published=read.published)
        (pred / f"{stem}.json").write_text(json.dumps(ex.to_json(), ensure_ascii=False), encoding="utf-8")
        shutil.copy(shared / "gold-archive" / f"{stem}.json", gold / f"{stem}.json")
    cmd = [sys.executable, str(shared / "tools" / "score.py"), str(gold), str(pred), "--json", "--docs", str(texts),
           "--verbose"]
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--formats", default=",".join(FORMATS))
    ap.add_argument("--half", choices=("A", "B"), default="A", help="B: the held-out half, score lines only "
                    "(its errors stay unread: no --verbose)")
    ap.add_argument("--docs", help="only these stems of the half (comma-separated)")
    ap.add_argument("--out", type=Path, default=Path("/tmp/phoihop-formats"), help="rendered files, texts read, "
                    "predictions")
    ap.add_argument("--verbose", action="store_true", help="missed/spurious facts per format (half A)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    shared = args.shared.resolve()
    if args.half == "B" and args.verbose:
        ap.error("half B is held out: its score lines only, never its errors (drop --verbose)")
    stems = half(shared, args.half)
    if args.docs:
        wanted = set(args.docs.split(","))
        stems = [s for s in stems if s in wanted]
    results = {}
    for fmt in args.formats.split(","):
        out = run_format(shared, stems, fmt, args.out)
        results[fmt] = out
        if args.verbose:
            for doc, detail in out["details"].items():
                for metric, d in detail.items():
                    for kind in ("missed", "spurious"):
                        for item in d[kind]:
                            print(f"{fmt}\t{doc}\t{metric}\t{kind}\t{item}")
    if args.json:
        print(json.dumps({f: {"metrics": r["metrics"], "spans": r.get("spans")} for f, r in results.items()},
                         ensure_ascii=False, indent=2))
        return 0
    print(f"half {args.half}, {len(stems)} documents")
    print(f"{'format':8s} " + " ".join(f"{m[:12]:>12s}" for m in METRICS) + "   spans")
    for fmt, r in results.items():
        cells = [f"{r['metrics'].get(m, {}).get('f1', 0):.3f}".rjust(12) for m in METRICS]
        sp = r.get("spans") or {}
        print(f"{fmt:8s} " + " ".join(cells) + f"   {sp.get('span_exact', 0)}/{sp.get('obligations', 0)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
