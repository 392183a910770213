"""From text to records: directives, agencies, obligations, citations, recipients.

The flow: parse structure -> find the directive(s) and the context each sets
(the issuer's province and district) -> walk the body unit by unit, clause by
clause, giving roles to the bodies each clause names, with the bodies named
by the enclosing heading or label ("1. Phòng Y tế", "Giao UBND các quận:")
as leads of clauses that name none -> citations and recipients.
"""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from typing import Callable, Iterator

from . import citations as cit
from . import explain, layout, lexicon
from . import recipients as rec
from .agencies import Context, Mention, find_mentions
from .dates import dates_in, parse_deadline
from .directives import (context_for, describe, header_directive, letter_directive, quotes, reported_numbers,
                         sentence_start, unnumbered_type)
from .numbers import issuer_from_symbol, local_issuer
from .records import Agency, Assignee, Directive, Extraction, Obligation
from .roles import (analyse, block_label, brackets_go_on, class_member, closing_piece, definition_end,
                    definition_words, executors_go_on, may_define, new_duty, opening_list, opens_order, opens_task,
                    names_owner, partners_open, persons_of, speaks_for)
from .structure import Structure, Unit, parse
from .textnorm import fold, fold_keep, nfc, word_start
from .topics import topics_of
from .wordfinder import WordFinder

# a sentence ends at ". " (also ".[41] ", after a page's note marks) and a clause at "; "
# (group "gap": the mark is matched first, so that the regex engine skips from mark to mark)
_CLAUSE_END = re.compile(r"[.;!?:](?P<gap>\s+(?=\S)|(?<=[.;])$|(?<=[.;!?])(?:\[\d{1,3}\])+\s+(?=\S))")


def _clause_ends(T: str, s: int, e: int):
    """(start, end) of each gap after a sentence's or clause's mark in T[s:e] (the mark may be T[s - 1])."""
    for m in _CLAUSE_END.finditer(T, max(s - 1, 0), e):
        yield m.span("gap")
# A colon that introduces the members of a list ("UBND các huyện: Sóc Sơn, …", "Các Bộ: Quốc phòng …")
# does not end a clause.
_LIST_COLON = re.compile(r"(?:(?<![a-z0-9])(?:cac|\d+)\s+(?:[a-z]+\s+){0,4}?(?:thanh pho|thi tran|thi xa|dac khu|tinh|"
                         r"quan|huyen|xa|phuong|bo|so|nganh|don vi|vu|cuc)|(?<![a-z0-9])(?:gom|sau|nhu sau|la))\s*$")
# "Đề nghị: Hội Nông dân tỉnh, Tỉnh Đoàn" (a numbered item): the order's verb alone before the colon is given to
# the bodies after it, one clause
_ORDER_COLON = re.compile(r"[\s*_]*(?:de nghi|giao|yeu cau|kien nghi)[\s*_]*")
# "…: (1) Sở A ban hành …; (2) Sở B chủ trì …", "…: - Sở A …; - Sở B …": items inside a paragraph
_INLINE_ITEM = re.compile(r"(?:\((?:\d{1,2}|[a-zđ]|[ivx]{1,4})\)|[a-zđ]\))[ \t*_]+\S|[-–+•][ \t]+(?=[A-ZĐÀ-Ỹ])")
# "… có ý kiến chỉ đạo như sau:" and a new line: what follows is a sentence of its own
_SAYS_COLON = re.compile(r"(?<![a-z0-9])(?:nhu sau|sau day)\s*:[ \t]*\n")


@lru_cache(maxsize=1)
def _title_colon() -> re.Pattern:
    """A title just before a colon ("…, Giám đốc: Sở A, Sở B; Chủ tịch UBND …") introduces the bodies
    whose heads they are (verbs.tsv 'title'): the colon does not end the clause."""
    return re.compile(r"(?<![a-z0-9])(?:" + lexicon.alternation(lexicon.verbs().get("title", {})) + r")\s*$")


_COLLECTIVE_NAME = re.compile(r"\s(các|\d+)\s+(tỉnh|thành phố|quận|huyện|thị xã|xã|phường|thị trấn|đặc khu|"
                              r"đoàn|đội|sở|bộ|chủ rừng)", re.I)
_TARGET = re.compile(r"\d+(?:[.,]\d+)?\s?%")
_NOT_TASK = re.compile(r"^(phan dau|muc tieu|chi tieu|ket qua du kien|tinh hinh|theo du bao|theo tong hop|day la|"
                       # a review of the past ("Thời gian qua, các bộ đã …"), an attachment note ("(Kèm theo Báo cáo …)")
                       r"thoi gian qua|kem theo|so tt|stt|buoc \d+$|can cu$|"
                       # a paper of a dossier ("Tờ trình đề nghị …;", "Bản sao giấy …")
                       r"to trinh|ban sao|"
                       # an instrument the list cites ("Công điện số 05/CĐ-BTC ngày … của Bộ trưởng …")
                       r"(?:cong dien|quyet dinh|cong van|ke hoach|nghi quyet|nghi dinh|thong tu|chi thi|thong bao|luat)"
                       r" so \d+|"
                       r"can cu (?:tai |theo |vao )?(?:dieu|khoan|diem|muc|tieu muc|phan|phu luc|luat|bo luat|"
                       r"nghi dinh|nghi quyet|quyet dinh|thong tu|chi thi|cong van|cong dien|ke hoach|van ban)|"
                       # "Nghị quyết này được Ủy ban Thường vụ Quốc hội … thông qua ngày …": the closing formula
                       r"(?:nghi quyet|luat|bo luat|phap lenh) nay (?:da )?duoc)\b")


@lru_cache(maxsize=1)
def _told_re() -> re.Pattern:
    """A request told as done ("vừa kiến nghị", "đã đề nghị": verbs.tsv 'told'), folded."""
    return re.compile(r"(?<![a-z0-9])(?:" + lexicon.alternation(lexicon.verbs().get("told", {})) + r")(?![a-z0-9])")


@lru_cache(maxsize=1)
def _contact_re() -> re.Pattern:
    """A contact field (verbs.tsv 'contact') followed by a number or nothing, folded: "dt 0210 …", "co so 2",
    "dia chi so 5 …", "so 485 duong …"."""
    words = lexicon.alternation(lexicon.verbs().get("contact", {}))
    return re.compile(rf"\W*(?:{words})(?:\s+so)?(?:\s*\d|\s*$)")


def _contact_line(F: str, cs: int, ce: int) -> bool:
    """Is the clause a line of contact details ("ĐT: 0210 2222 555", "Cơ sở 2:", "Địa chỉ: số 5, …") or a field
    of a form to fill in ("Mục đích: ………")? It gives the body of the heading above no task."""
    return (ce - cs <= 120 and _contact_re().match(F, cs, ce) is not None) or \
        _BLANK_TO_FILL.search(F, cs, ce) is not None


# a line that is only a proper name ("Phạm Văn An", "Nguyễn Thị Hoa" under a signature): every word capitalised
_NAME_LINE = re.compile(r"[*_ \t]*(?:[A-ZĐÀ-Ỹ][^\W\d_]*[ \t]+){1,4}[A-ZĐÀ-Ỹ][^\W\d_]*[*_ \t.]*")


def _name_line(T: str, cs: int, ce: int) -> bool:
    """Is the clause only a person's name (a signer's line the layout left in the body)? No task."""
    return _NAME_LINE.fullmatch(T, cs, ce) is not None


# the dotted blank of a form ("Mục đích: ........", "của …………")
_BLANK_TO_FILL = re.compile(r"(?:\.\s?){8}|…{3}")


@dataclass
class Scope:
    """The stretch of text that belongs to one directive."""

    directive: Directive
    issuer: Agency | None
    ctx: Context
    start: int
    end: int
    addressed: list[Agency] = field(default_factory=list)
    gives_tasks: bool = True   # False for an instrument a news text only mentions in passing
    collectives: dict = field(default_factory=dict)   # (kind, level) -> the collective the text names
    cites_to: int | None = None   # where its citations end, when its tasks end sooner (a quoted article's section)


# a Q&A page's own voice after the article it quotes: an elision mark, or its summing-up (folded)
_PAGE_VOICE = re.compile(r"[\s*_]*(?:theo do|nhu vay|do do)(?![a-z0-9])")
_ELISION = re.compile(r"[\s*_\[(]*(?:\.{3,}|…)[\s*_\])]*")
# a point of a running text's list numbered in brackets, past emphasis marks: "**(5) **Chấm …"
_BRACKET_POINT = re.compile(r"[*_ \t]*\(\d{1,2}\)")


@dataclass
class _State:
    heading: list[tuple[int, list[Mention]]] = field(default_factory=list)   # (level, leads)
    label: list[Mention] | None = None
    label_modality: str | None = None
    prev: list[Mention] | None = None       # leads of the previous clause
    prev_unit: int = -1                     # the unit (paragraph) it was in
    explicit: int = 0                       # obligations whose clause names its bodies
    default_modality: str | None = None
    running: bool = False                   # a news or Q&A page, not an official text
    block_role: tuple[int, str] | None = None   # (unit, role) after "Cơ quan phối hợp:" in that unit
    block_leads: list[Mention] = field(default_factory=list)   # the task block's "Cơ quan chủ trì"
    regulated: list[Mention] = field(default_factory=list)     # the body a regulation's "nhiệm vụ" are of
    copy_list: bool = False                 # under a "Nơi nhận:" the layout left in the body
    quote_end: int = -1                     # the end of a quoted passage opened at a paragraph's start
    outside: frozenset = frozenset()        # the bodies that led before the quotation opened

    def may_inherit(self, F: str, cs: int, ce: int) -> bool:
        """In running text only a clause that opens a task continues one ("Và Nghị quyết … hết
        hiệu lực" does not); in an official text every clause under a heading does."""
        if not self.running:
            return True
        start = len(F[cs:ce]) - len(F[cs:ce].lstrip())
        return opens_task(F, cs, ce) and not _INSTRUMENT.match(F, cs + start, ce)

    label_depth: int = 0                    # how many headings enclosed the label when it was set
    label_items: int | None = None          # the level of the headings that list the label's items
    label_numbered: bool = False            # the label's paragraph opened with a number in brackets: "(4) …"

    def set_label(self, leads: list[Mention], modality: str | None, numbered: bool = False) -> None:
        self.label, self.label_modality = leads, modality
        self.label_depth, self.label_items = len(self.heading), None
        self.label_numbered = numbered

    def next_point(self, T: str, lo: int, hi: int) -> None:
        """In running text, a paragraph numbered in brackets ("(5) …") after a label whose own paragraph was
        one ("(4) Ban X tiến hành các việc sau:") is the next point of the same list: the label's items
        have ended (a layout that reads "(4)" as no heading would let the label run on to the end)."""
        if self.running and self.label_numbered and _BRACKET_POINT.match(T, lo, hi):
            self.label, self.prev, self.label_numbered = None, None, False

    def open_heading(self, level: int) -> None:
        """A heading closes the headings of its level and below, and a label whose items it does not
        continue ("UBND tỉnh yêu cầu các sở:" then "1. …", "2. …" keep it; "II. …" ends it)."""
        while self.heading and self.heading[-1][0] >= level:
            self.heading.pop()
        self.block_leads = []
        self.copy_list = False
        if self.label is not None:
            if self.label_items is None and len(self.heading) == self.label_depth:
                self.label_items = level
            elif len(self.heading) < self.label_depth or (self.label_items is not None and level < self.label_items):
                self.label = None
        self.prev = None

    def context_leads(self) -> list[Mention]:
        """The bodies the innermost heading names, unless a label was set inside it; then the label."""
        for depth in range(len(self.heading) - 1, -1, -1):
            if self.label and depth < self.label_depth:
                break
            if self.heading[depth][1]:
                return self.heading[depth][1]
        if self.label:
            return self.label
        for _, leads in reversed(self.heading[:self.label_depth]):
            if leads:
                return leads
        return []


def _clauses(T: str, s: int, e: int, mentions: list[Mention] = ()):
    """Sentences and ';'-clauses of T[s:e] as (start, end), trimmed.

    A break never falls inside a mention: "UBND các tỉnh, thành phố trực thuộc Trung
    ương: Hà Tĩnh, …" is one body list, whatever the words before its colon.
    """
    pos = s
    spans = iter(mentions)
    cur = next(spans, None)
    for gap, gap_end in _clause_ends(T, s, e):
        while cur is not None and cur.end <= gap:
            cur = next(spans, None)
        if cur is not None and cur.start < gap < cur.end:
            continue
        before = fold_keep(T[max(s, gap - 25):gap - 1])
        if T[gap - 1] == ":" and not _INLINE_ITEM.match(T, gap_end) and (
                not T[gap_end].isupper() or _order_colon(T, pos, gap - 1) or
                (_LIST_COLON.search(before) and not _SAYS_COLON.search(before + T[gap - 1:gap_end]))
                or _title_colon().search(before)):
            continue   # a colon ends a clause only before a capital or an inline item, not before a list's members
        yield from _trim(T, pos, gap if gap > pos else gap_end)
        pos = gap_end
    yield from _trim(T, pos, e)


def _order_colon(T: str, pos: int, colon: int) -> bool:
    """The clause so far is only an order's verb before its colon ("Đề nghị: Hội A, Hội B")."""
    return colon - pos < 30 and _ORDER_COLON.fullmatch(fold_keep(T[pos:colon])) is not None


# an item's marker where a scraper glued the item to the sentence before ("… người qua đời. b) UBND cấp xã …")
# (or numbered in brackets inside a paragraph: "…; (2) Bộ Công an chủ trì …")
_GLUED_MARKER = re.compile(r"(?:[a-zđ]\)|\d{1,2}(?:\.\d{1,2})*[.)]|\((?:\d{1,2}|[a-zđ]|[ivx]{1,4})\)|[-+•])[ \t*_]+(?=\S)")


def _trim(T: str, s: int, e: int):
    while s < e and T[s] in " \t\n*_":
        s += 1
    marker = _GLUED_MARKER.match(T, s, e)
    if marker:
        s = marker.end()
    while e > s and T[e - 1] in " \t\n*_":
        e -= 1
    if e - s > 1:
        yield s, e


def extract_text(text: str, document: str, path: str = "", title: str | None = None,
                 published: str | None = None) -> Extraction:
    source = nfc(text)
    lay = layout.read(source)
    T = lay.text            # same length as the source: every span below is a span of the source
    F = fold_keep(T)
    st = parse(T, lay)
    ex = Extraction(document=document, path=path, text=source,
                    sha256=hashlib.sha256(source.encode("utf-8")).hexdigest(),
                    kind="official" if st.official else ("excerpt" if any(u.kind == "heading" for u in st.units) and
                                                           not any(u.kind == "title" for u in st.units[:3]) else "news"),
                    title=title, published=published)
    agencies: dict[str, Agency] = {}

    def keep(a: Agency) -> None:
        if a.generic:
            return
        if a.name in agencies:
            for al in a.aliases:
                if al not in agencies[a.name].aliases:
                    agencies[a.name].aliases.append(al)
        else:
            # a collective of bodies ("UBND các xã, thị trấn …", "Công an 21 phường") has the kind "collective"
            kind = "collective" if _COLLECTIVE_NAME.search(a.name) else a.kind
            agencies[a.name] = Agency(a.name, kind, a.level, a.jurisdiction, False, list(a.aliases), a.parent)

    scopes = _scopes(T, F, st, ex)
    for sc in scopes:
        sc.ctx.date = sc.directive.date   # names of local units changed on 1 July 2025
        if sc.issuer is not None and sc.issuer.kind == "bo":
            sc.ctx.ministry = sc.issuer.name   # its "Vụ …", "Văn phòng Bộ" are its own units
    if explain.active():
        blocks = {n: (b.start, b.end) if b else None for n, b in (
            ("header", st.header), ("kinh gui", st.kinh_gui), ("body", st.body), ("noi nhan", st.noi_nhan),
            ("signature", st.signature), ("appendix", st.appendix))}
        explain.note("document", page=ex.kind, blocks=blocks)
    if scopes:
        sc = scopes[0]
        for r, agency in rec.recipients(T, F, st, sc.directive.key, sc.ctx, sc.issuer):
            ex.recipients.append(r)
            keep(agency)
            if r.kind == "addressed":
                sc.addressed.append(agency)
                if " các " in f" {agency.name} " and agency.level:
                    sc.collectives.setdefault((agency.kind, agency.level), agency)
    for sc in scopes:
        if all(d is not sc.directive for d in ex.directives):   # (a directive reported twice has two stretches)
            ex.directives.append(sc.directive)
        explain.note("scope", key=sc.directive.key, type=sc.directive.type, issuer=sc.directive.issuer,
                     start=sc.start, end=sc.end, gives_tasks=sc.gives_tasks)
        if sc.issuer:
            keep(sc.issuer)
        if sc.gives_tasks:
            before = len(ex.obligations)
            explicit = _obligations(T, F, st, sc, ex, keep)
            if not explicit and not _issued_text(st):
                del ex.obligations[before:]   # running text that only inherits bodies gives no task
        ranges = cit.official_ranges(T, F, st, lay.end) if st.official and st.header else \
            [(sc.start, sc.cites_to or sc.end)]
        ex.citations += cit.citations(T, F, ranges, sc.directive, sc.ctx)
    # a text reporting several directives mentions one in the other's stretch in passing; only a
    # stated ground or implementation ("Theo …", "Thực hiện …") is a citation between them
    reported = {d.number for d in ex.directives if d.number}
    ex.citations = [c for c in ex.citations if c.to not in reported or c.relation != "mentions"]
    ex.citations = [c for c in ex.citations if c.to != c.source]
    pairs: set = set()
    ex.citations = [c for c in ex.citations if (c.source, c.to) not in pairs and not pairs.add((c.source, c.to))]
    ex.agencies = list(agencies.values())
    for ob in ex.obligations:
        ob.text = source[ob.span[0]:ob.span[1]]   # quoted as read
    return ex


def _issued_text(st: Structure) -> bool:
    """The text is the directive itself (an official text with its header), not a page about one."""
    return st.official and (st.header is not None or st.headless)


# what the writer of a letter says of itself: "Cục Hải quan nhận được …", "Bộ Tài chính đề nghị …"
_WRITER_VERB_RE = re.compile(r"\s+(?:nhan duoc|co y kien|de nghi|yeu cau|thong bao|tran trong|xin|tra loi)(?![a-z0-9])")


def _letter_writer(T: str, F: str, st: Structure, ctx: Context) -> Agency | None:
    """The body a letter's text speaks as: the one most often followed by a verb of the writer."""
    counts: dict[str, tuple[int, Agency]] = {}
    for m in find_mentions(T, F, st.body.start, st.body.end, ctx):
        if m.generic or " các " in f" {m.agency.name} " or not _WRITER_VERB_RE.match(F, m.end):
            continue
        n, _ = counts.get(m.agency.name, (0, m.agency))
        counts[m.agency.name] = (n + 1, m.agency)
    return max(counts.values(), key=lambda x: x[0])[1] if counts else None


def _letter_scope(T: str, F: str, st: Structure, source: str) -> Scope:
    """A letter whose copy lost its header: one directive, named by its annex's caption or by the record
    a legal library printed above it (``source``: the text as read, where layout blanked that record);
    else unnumbered, issued by the body the text shows giving the orders (or signing)."""
    d, issuer = letter_directive(T, F, st, source)
    ctx = context_for(issuer, T, F)
    if issuer is None:
        issuer = _letter_writer(T, F, st, ctx) or _unnumbered_issuer(T, F, st, ctx)
    if issuer and issuer.level != "central" and (issuer.jurisdiction or "").lower() in ("", "tỉnh", "thành phố"):
        issuer = _requalify(issuer, T, context_for(None, T, F))   # "UBND Thành phố" of the city the text names
    if issuer:
        d.issuer = issuer.name
        ctx = context_for(issuer, T, F)
    if d.number is None:
        m = re.search(r"(?<!\d)(19|20)\d\d(?!\d)", T[st.body.start:])
        d.key = f"{d.issuer or ''}|{d.type}|{m.group(0) if m else ''}"
    d.topics = topics_of(T[st.body.start:st.body.end], F[st.body.start:st.body.end])
    return Scope(d, issuer, ctx, st.body.start, st.appendix.end if st.appendix else st.body.end)


def _symbol_issuer(name: str) -> Agency:
    """The central body a number's symbol names ("…/NĐ-CP" → Chính phủ, "…/TT-BTC" → Bộ Tài chính)."""
    return Agency(name, "chinh_phu" if "Chính phủ" in name else "bo", "central")


def _type_issuer(type_: str) -> Agency:
    """The one body that issues an instrument of this type (a Nghị định, a Luật)."""
    name = _TYPE_ISSUERS[type_]
    return Agency(name, "chinh_phu" if "Chính phủ" in name else "quoc_hoi", "central")


def _headless_directive(T: str, F: str, st: Structure, source: str, d: Directive,
                        issuer: Agency | None) -> tuple[Directive, Agency | None]:
    """An instrument whose copy opens at its type line (its header block lost): the number its annex's
    caption or the library's record prints; the issuer its authority line names, else the one body that
    issues its type, else the body the text shows giving the orders (guide §1, §5)."""
    if d.number is None:
        found, owner = letter_directive(T, F, st, source)
        if found.number:
            d.number, d.date = found.number, d.date or found.date
            central = issuer_from_symbol(found.number)
            issuer = issuer or (_symbol_issuer(central) if central else owner)
    if issuer is None and d.type in _TYPE_ISSUERS:
        issuer = _type_issuer(d.type)
    if issuer is None:
        ctx = context_for(None, T, F)
        issuer = _letter_writer(T, F, st, ctx) or _unnumbered_issuer(T, F, st, ctx)
    d.issuer = issuer.name if issuer else None
    return d, issuer


def _scopes(T: str, F: str, st: Structure, ex: Extraction) -> list[Scope]:
    body = st.body
    if st.official and st.header:
        d, issuer = header_directive(T, st)
        if st.headless:
            d, issuer = _headless_directive(T, F, st, ex.text, d, issuer)
        ctx = context_for(issuer, T, F)
        if issuer and issuer.jurisdiction is None and issuer.level != "central":
            issuer = _requalify(issuer, T, ctx)
            d.issuer = issuer.name
        d.key = d.number or _unnumbered_key(d)
        d.topics = topics_of(T[body.start:body.end], F[body.start:body.end])
        return [Scope(d, issuer, ctx, body.start, st.appendix.end if st.appendix else body.end)]
    if st.headless:
        return [_letter_scope(T, F, st, ex.text)]
    found = reported_numbers(T, F, body.start, body.end)
    if not found and not (st.signature or st.noi_nhan or _ISSUES.search(F) or _reports_order(F) or
                          _issuer_orders(T, F, lambda: context_for(None, T, F), enough=2) >= 2):
        return []   # an encyclopaedia page or news story that reports no instrument (most pages that ask:
        #             the page's place, a scan of every province name, is looked for only when needed)
    scopes: list[Scope] = []
    titles = [u.start for u in st.units if u.kind == "title"]
    base_ctx = context_for(None, T, F)
    first: dict[str, Scope] = {}
    for i, (sent, s, e, number) in enumerate(found):
        if number in first:
            if scopes[-1].directive is not first[number].directive and sent > scopes[-1].start and \
                    quotes(T, F, sent, s, e):
                # quoted again after another's report ("Căn cứ theo Điều 6 Nghị định N … như sau:" further down):
                # the text from there is N's again, not the other's
                again = first[number]
                scopes.append(Scope(again.directive, again.issuer, again.ctx, sent, body.end))
            continue
        d = describe(T, F, sent, s, e, number)
        central = issuer_from_symbol(number)
        issuer = _symbol_issuer(central) if central \
            else _reporting_issuer(T, F, sent, s, e, base_ctx, local_issuer(number))
        d.issuer = issuer.name if issuer else None
        scopes.append(Scope(d, issuer, context_for(issuer, T, F) if issuer else base_ctx, sent, body.end))
        first[number] = scopes[-1]
    for a, b in zip(scopes, scopes[1:]):
        a.end = b.start
    for sc in scopes if len(scopes) > 1 else []:
        # in a digest a title ends the report of one directive; an article on one directive runs
        # to the end (its sections: "## Mục đích, yêu cầu", "## Tổ chức thực hiện")
        nxt_title = [t for t in titles if sc.start < t < sc.end and not _quoted_title(T, sc.start, t)]
        if nxt_title:
            sc.end = nxt_title[0]
    page = _PageMentions(T, F, base_ctx)
    if not scopes:
        issuer = _unnumbered_issuer(T, F, st, base_ctx, page)
        ctx = context_for(issuer, T, F) if issuer else base_ctx
        d = Directive(key="", number=None, type=unnumbered_type(T, F), date=None,
                      issuer=issuer.name if issuer else None)
        # the year of an unnumbered plan: its first full date, else the first year the text names
        first = next(dates_in(F), None)
        m = re.search(r"(?<!\d)(19|20)\d\d(?!\d)", T)
        year = first[2][:4] if first else (m.group(0) if m else None)
        d.key = f"{d.issuer or ''}|{d.type}|{year or ''}"
        scopes.append(Scope(d, issuer, ctx, body.start, body.end))
    # a reported instrument whose text gives no task at all is only news about it
    for sc in scopes:
        if sc.issuer is None and sc.directive.type in _TYPE_ISSUERS:
            # "Nghị định …" / "Luật …" reported without their issuer: only one body issues them
            sc.issuer = _type_issuer(sc.directive.type)
            sc.directive.issuer = sc.issuer.name
            if sc.directive.number is None:
                sc.directive.key = _unnumbered_key(sc.directive) if not sc.directive.key else \
                    f"{sc.issuer.name}|{sc.directive.key.split('|', 1)[1]}"
    if not st.official:
        # a report on an instrument nobody can be named as issuing is not attributable: leave it out
        scopes = [sc for sc in scopes if sc.issuer is not None]
    encyclopaedia = not _issued_text(st) and layout.is_encyclopaedia(ex.text)   # (its notes are past T's end)
    for sc in scopes:
        sc.gives_tasks = _issued_text(st) or sc.directive.number is None or _instructs(T, F, sc.start, sc.end, need=1)
        if encyclopaedia:
            sc.gives_tasks = False   # an encyclopaedia page reports, it issues nothing (guide §9)
            continue
        if not sc.gives_tasks and _quotes_article(F, sc.start):
            # a quoted article gives its tasks, up to the page's next section
            sc.gives_tasks = True
            sc.cites_to = sc.end       # (the page goes on about it: "… thay thế Nghị quyết N" in a later section)
            sc.end = next((u.start for u in st.units if u.kind in ("title", "heading") and
                           sc.start < u.start < sc.end and not F[u.body_start:u.end].strip().startswith(
                               ("dieu", "khoan")) and not _quoted_title(T, sc.start, u.start)), sc.end)
    topical: set[int] = set()
    for sc in scopes:
        if id(sc.directive) not in topical:   # (the topics of its first stretch)
            topical.add(id(sc.directive))
            sc.directive.topics = topics_of(T[sc.start:sc.end], F[sc.start:sc.end])
        if not sc.directive.key:
            sc.directive.key = sc.directive.number or _unnumbered_key(sc.directive)
    return scopes


def _quoted_title(T: str, start: int, title: int) -> bool:
    """A title printed right after the line that opens a report and introduces a quotation ("Căn cứ khoản 60
    Điều 1 Nghị quyết N như sau:" then "Sắp xếp các đơn vị hành chính cấp xã …") is the quoted text's own,
    not the page's next section."""
    end = title
    while end > start and T[end - 1] in " \t\n*_":
        end -= 1
    return end > start and T[end - 1] == ":" and T.find("\n", start, end) < 0   # (no copy of the stretch)


_INSTRUCTION = WordFinder.at_words(("giao", "yeu cau", "de nghi", "chi dao", "co trach nhiem", "chiu trach nhiem",
                                     "chu tri"), r"(?![a-z0-9])", group=True)
# "… vừa ban hành Kế hoạch …": a text that reports an instrument being issued
_ISSUES = WordFinder.at_words(("ban hanh", "phe duyet"), r"\s+(ke hoach|chi thi|quyet dinh|cong van|cong dien|"
                              r"chuong trinh|phuong an|van ban|thong bao|huong dan)(?![a-z0-9])", group=True)
_ORDER = re.compile(r"\s*(\([^()]{0,40}\)\s*)?(giao|yeu cau|de nghi|chi dao)\s")


# An order verb where _ORDER could match ("giao thông", "giáo dục" are not orders): a cheap first
# look, since a text with fewer than two of them cannot have two bodies giving orders.
_ORDER_VERB = WordFinder.at_words(("giao(?! (?:thong|dich|luu|duc|nhan|ket|tiep|thoa))", "yeu cau", "de nghi",
                                   "chi dao"), r"\s")


_GOVERNING_HEAD = re.compile(r"(?<![a-z0-9])(?:uy ban nhan dan|ubnd|bo|so|thu tuong|chinh phu)(?![a-z0-9])")


# "UBND tỉnh vừa giao Sở Y tế …", "Bộ Y tế đã có văn bản yêu cầu …": news of an order just given
_JUST_ORDERED = WordFinder.at_words(("vua", "moi"), r"\s+(?:co van ban\s+|ban hanh van ban\s+)?(?:giao|yeu cau|chi dao)\s")


def _reports_order(F: str) -> bool:
    """A news text reports a governing body's order just given ("X vừa giao Y …", guide §9)."""
    return any(_GOVERNING_HEAD.search(F, max(0, m.start() - 80), m.start()) for m in _JUST_ORDERED.finditer(F))


class _PageMentions:
    """The mentions of a whole page in one context, found once for the checks that need them all."""

    def __init__(self, T: str, F: str, ctx: Context):
        self.T, self.F, self.ctx, self._found = T, F, ctx, None

    def __call__(self) -> list[Mention]:
        if self._found is None:
            self._found = find_mentions(self.T, self.F, 0, len(self.T), self.ctx)
        return self._found


# Where a body giving an order may start before its verb: a body's name is a few words, so its
# mention lies within this many characters before "giao" / "yêu cầu" / … (with the parenthesis
# _ORDER allows); over the whole archive the windowed count takes the same decisions as the
# mentions of the whole page, at a quarter of the cost.
_ORDER_REACH = 150
_ORDER_WORD = WordFinder(("giao", "yeu cau", "de nghi", "chi dao"), r"(?:giao|yeu cau|de nghi|chi dao)\s")   # every verb
# _ORDER matches


def _issuer_orders(T: str, F: str, context: Callable[[], Context], enough: int) -> int:
    """How often a governing body (UBND, Bộ, Sở, Thủ tướng) opens a sentence giving an order, counted
    up to ``enough`` (the rest of the page is not looked at).

    Most pages that ask are news and encyclopaedia pages that give no order: finding every mention
    of such a long page was a tenth of the extraction's time, thrown away. The mentions are looked
    for only in windows ending at an order verb with a governing body's head word before it, in the
    page's context (``context()``, asked for only then)."""
    # an order verb with a governing body's head word shortly before it: a cheap first look
    verbs = (v for v in _ORDER_VERB.finditer(F) if _GOVERNING_HEAD.search(F, max(0, v.start() - 120), v.start()))
    if next(verbs, None) is None or next(verbs, None) is None:
        return 0
    ctx = context()
    ends = set()
    for lo, hi in _order_windows(F):
        for m in find_mentions(T, F, lo, hi, ctx):
            if m.agency.kind in ("ubnd", "bo", "so", "chinh_phu") and _ORDER.match(F, m.end):
                ends.add(m.end)
        if len(ends) >= enough:
            break
    return len(ends)


def _order_windows(F: str) -> Iterator[tuple[int, int]]:
    """[lo, hi) spans of F in order, merged when they overlap, each ending at an order verb and starting
    _ORDER_REACH characters before it (at a word start) when a governing head word lies there (made as
    they are asked for: a caller that has seen enough stops the scan)."""
    window: list[int] | None = None
    for v in _ORDER_WORD.finditer(F):
        lo = max(0, v.start() - _ORDER_REACH)
        if not _GOVERNING_HEAD.search(F, lo, v.start()):
            continue
        lo = F.rfind(" ", 0, lo) + 1
        if window and lo <= window[1]:
            window[1] = v.end()
        else:
            if window:
                yield window[0], window[1]
            window = [lo, v.end()]
    if window:
        yield window[0], window[1]


# Types of instrument only one body issues.
_TYPE_ISSUERS = {"Nghị định": "Chính phủ", "Luật": "Quốc hội"}

_INSTRUMENT = re.compile("(" + word_start("ke hoach", "chi thi", "quyet dinh", "cong van", "van ban", "cong dien", "thong bao",
                                            "chuong trinh", "phuong an", "nghi quyet") + ")"
                         r"(?![a-z0-9])")


# "Căn cứ khoản 5 Điều 2 Nghị quyết …", "Theo Điều 1 Nghị quyết …": a page quoting an article
_QUOTES_ARTICLE = re.compile(r"(?<![a-z0-9])(?:can cu|theo)\s+(?:(?:tai|theo|quy dinh tai)\s+)?"
                             r"(?:(?:diem|khoan|muc)\s+[a-z0-9]{1,3}\s+)*dieu\s+\d+")


def _quotes_article(F: str, start: int) -> bool:
    """The sentence that reports the directive quotes one of its articles: its tasks are reported
    (guide §9: legal Q&A pages)."""
    return _QUOTES_ARTICLE.search(F, max(0, start - 80), start + 120) is not None


def _instructs(T: str, F: str, lo: int = 0, hi: int | None = None, need: int = 2) -> bool:
    """Does a text without a numbered instrument still report one that gives tasks?

    It must name an instrument ("Kế hoạch", "văn bản" …) and give tasks at least
    twice: "giao / yêu cầu / đề nghị / chỉ đạo" before a body (a capital letter or
    "các"), or "chủ trì" / "có trách nhiệm" ("giao thông", "bàn giao" do not count).
    """
    hi = len(F) if hi is None else hi
    if need > 1 and not _INSTRUMENT.search(F, lo, hi):
        return False
    hits = 0
    for m in _INSTRUCTION.finditer(F, lo, hi):
        word = m.group(1)
        nxt = T[m.end():m.end() + 6].lstrip()
        if word in ("chu tri", "co trach nhiem", "chiu trach nhiem") or nxt[:1].isupper() or \
                F[m.end():m.end() + 6].split()[:1] in (["cac"], ["cho"]):
            if T[m.start()].islower() or T[m.start()].isupper():
                hits += 1
        if hits >= need:
            return True
    return False


def _unnumbered_key(d: Directive) -> str:
    return f"{d.issuer or ''}|{d.type or ''}|{(d.date or '')[:4]}"


def _requalify(issuer: Agency, T: str, ctx: Context) -> Agency:
    """An issuer printed without its place ("ỦY BAN NHÂN DÂN THÀNH PHỐ") takes the text's."""
    hit = find_mentions(issuer.name, fold_keep(issuer.name), 0, len(issuer.name), ctx)
    return hit[0].agency if hit else issuer


def _reporting_issuer(T: str, F: str, sent: int, s: int, e: int, ctx: Context,
                      local: tuple[str, str] | None = None) -> Agency | None:
    """The body that issues a reported instrument: the subject of the reporting sentence; when the
    symbol names a kind of local body (NQ-HĐND), the body of that kind, of the text's place if unnamed."""
    end = sentence_end(T, e)
    ms = [m for m in find_mentions(T, F, sent, end, ctx) if not m.generic]
    kinds = (local[0],) if local else ("ubnd", "so", "bo", "chinh_phu", "van_phong", "cuc", "phong")
    named = _named_issuer(F, s, e, ms)
    if named is not None and (not local or named.kind == local[0]):
        return named
    for m in ms:
        before = F[max(sent, m.start - 6):m.start]
        if "cua" in before.split():
            continue  # "của Thủ tướng Chính phủ": the issuer of something cited
        if m.agency.kind in kinds:
            return m.agency
    if local and ctx.province:
        return Agency(f"{local[1]} {ctx.province_word} {ctx.province}", local[0], "province",
                      f"{ctx.province_word} {ctx.province}")
    return _default_issuer(T, F, ctx)


# "X (vừa) ban hành Thông báo 341/TB-…", "… do X ban hành": the body before the verb issues
_ISSUE_VERB_RE = re.compile(r"\s*(?:(?:da|vua|moi|chinh thuc|cung da)\s+)*(?:ban hanh|phat hanh)(?![a-z0-9])")
# "Công văn 970/SGDĐT-GDTrH năm 2025 (tải về) của Sở …": the owner named right after the number
_OWNER_GAP_RE = re.compile(r"(?:\s*(?:nam\s+\d{4}|ngay\s+\d{1,2}(?:\s*[/.-]\s*\d{1,2}){1,2}|tai ve))*\s*cua\s*")


def _named_issuer(F: str, s: int, e: int, ms: list) -> Agency | None:
    """The issuer a reporting sentence names outright, of any kind (a centre, a board): the subject of
    "ban hành" before the number, the agent of "do … ban hành" after it, or the owner "của …" right
    after the number."""
    for m in ms:
        if not _ISSUE_VERB_RE.match(F, m.end):
            continue
        if m.end <= s or F[max(0, m.start - 4):m.start].split()[-1:] == ["do"]:
            return m.agency
    for m in ms:
        if m.start >= e and _OWNER_GAP_RE.fullmatch(F, e, m.start):
            return m.agency
    return None


def _default_issuer(T: str, F: str, ctx: Context) -> Agency | None:
    if ctx.province:
        name = f"Ủy ban nhân dân {ctx.province_word} {ctx.province}"
        return Agency(name, "ubnd", "province", f"{ctx.province_word} {ctx.province}")
    return None


def _unnumbered_issuer(T: str, F: str, st: Structure, ctx: Context,
                       page: "_PageMentions | None" = None) -> Agency | None:
    """The body an article or excerpt shows giving the orders (or signing)."""
    if st.signature:
        sig = T[st.signature.start:st.signature.end]
        ms = [m for m in find_mentions(sig, fold_keep(sig), 0, len(sig), ctx) if not m.generic]
        if ms:
            return ms[0].agency
    counts: dict[str, tuple[int, Agency]] = {}
    for m in (page or _PageMentions(T, F, ctx))():
        if m.generic or m.agency.kind != "ubnd" or "các" in m.agency.name.split():
            continue
        after = F[m.end:m.end + 30].split()
        if after[:1] and after[0] in ("giao", "yeu", "chi", "de", "ban", "vua", "da"):
            n, _ = counts.get(m.agency.name, (0, m.agency))
            counts[m.agency.name] = (n + 1, m.agency)
    if counts:
        return max(counts.values(), key=lambda x: x[0])[1]
    return _default_issuer(T, F, ctx)


_SENTENCE_STOP = re.compile(r"[.!?](?=\s|$)|\n")


def sentence_end(T: str, pos: int) -> int:
    """Past the end of the sentence holding pos (searched in place: no copy of the rest of the text)."""
    m = _SENTENCE_STOP.search(T, pos)
    return m.end() if m else len(T)


def _obligations(T: str, F: str, st: Structure, sc: Scope, ex: Extraction, keep) -> int:
    """Add the scope's obligations; return how many named their lead or support explicitly."""
    state = _State(running=not _issued_text(st))
    issuer = sc.issuer.name if sc.issuer else None
    units = [u for u in st.units if u.end > sc.start and u.start < sc.end]
    short = _ShortNames()
    attached = st.appendix.start if st.appendix else None
    for u in units:
        if attached is not None and u.start >= attached:
            # a plan, regulation or annex printed after the signature starts afresh: the bodies of the
            # decision's closing article do not lead its title, its table headers or its steps
            state = _State(explicit=state.explicit, running=state.running, default_modality=state.default_modality)
            attached = None
        lo, hi = max(u.body_start, sc.start), min(u.end, sc.end)
        if u.kind == "title":
            state.label = None
            state.prev = None
            state.block_leads = []
            state.copy_list = False
            state.regulated = _regulated_body(T, F, lo, hi, sc) or state.regulated
            continue
        if state.running and u.kind == "para" and (_PAGE_VOICE.match(F, lo, hi) or _ELISION.fullmatch(T, lo, hi)):
            # "...", "Theo đó, …", "Như vậy, …" after a quoted article: the page speaks again, the article's
            # numbered clauses ("2. Giám đốc Sở Tư pháp lập hồ sơ …") lead nothing of it
            state.heading, state.label, state.prev = [], None, None
        if u.kind == "heading":
            state.open_heading(u.level)
        if _sent_to(T, F, u, lo, hi):
            # "Nơi nhận:" ends the text's tasks; the bodies listed under it are copied, not tasked
            state = _State(running=state.running, explicit=state.explicit, copy_list=True)
        mentions = short.read(T, F, lo, hi, find_mentions(T, F, lo, hi, sc.ctx))
        if u.kind == "heading":
            state.regulated = _regulated_body(T, F, lo, hi, sc, mentions) or state.regulated
        _open_quotation(T, lo, hi, state)
        state.next_point(T, u.body_start, hi)
        first = True
        index = _MentionIndex(mentions)
        for cs, ce in _merge_lists(T, F, list(_clauses(T, lo, hi, mentions)), index):
            _clause(T, F, cs, ce, index.inside(cs, ce), u, first, sc, ex, state, issuer, keep)
            first = False
    for row in st.tasks:
        if sc.start <= row.start < sc.end:
            state.explicit += _table_task(T, F, row, sc, ex, keep)
    return state.explicit


class _ShortNames:
    """The short names a text gives its bodies in a bracket ("Ban Quản lý các khu công nghiệp tỉnh (sau đây gọi
    tắt là Ban Quản lý) có trách nhiệm …"), read in order: the bracket's own mentions are dropped (the same
    body, no second party), and each later use of a short name that no mention covers ("Sở Tài chính phối
    hợp với Ban Quản lý …") is a mention of the body it names."""

    _REACH = 8   # words in a short name

    def __init__(self) -> None:
        self.names: dict[str, tuple[int, Agency]] = {}   # short name as written -> (where it was given, body)

    def read(self, T: str, F: str, lo: int, hi: int, mentions: list[Mention]) -> list[Mention]:
        """The mentions of T[lo:hi] with the definitions applied and the short names used found."""
        if mentions and may_define(F, lo, hi):
            mentions = self._define(T, F, lo, hi, mentions)
        if self.names:
            mentions = self._uses(T, F, lo, hi, mentions)
        return mentions

    def _define(self, T: str, F: str, lo: int, hi: int, mentions: list[Mention]) -> list[Mention]:
        pos = T.find("(", lo, hi)
        while pos >= 0:
            close = definition_end(T, F, pos, hi)
            if close is not None:
                self._name(T, F, pos, close, mentions)
                mentions = [m for m in mentions if not pos < m.start < close]
            pos = T.find("(", pos + 1, hi)
        return mentions

    def _name(self, T: str, F: str, pos: int, close: int, mentions: list[Mention]) -> None:
        """Record the short name of the bracket T[pos:close] when a named body ends right before it and the
        name is one of a body (it opens with a body's head: "Ban Chỉ đạo", "Trung tâm", "Công ty X")."""
        named = next((m for m in mentions if m.end <= pos and not m.generic and not T[m.end:pos].strip(" \t*_")),
                     None)
        words = definition_words(T, F, pos, close)
        name = T[words:close - 1].strip(" \t\n*_\"“”'") if named is not None and words is not None else ""
        head = lexicon.body_head_regex().match(fold(name)) if name[:1].isupper() else None
        # the short name is one of the same kind of body ("Ban Quản lý" for a Ban Quản lý …, not "Văn phòng" for
        # a People's Committee: a text cut by the scraper)
        if head is not None and len(name.split()) <= self._REACH and \
                lexicon.heads()[" ".join(head.group(1).split())].kind == named.agency.kind:
            self.names[" ".join(name.split())] = (close, named.agency)

    def _uses(self, T: str, F: str, lo: int, hi: int, mentions: list[Mention]) -> list[Mention]:
        found = []
        for name, (given, agency) in self.names.items():
            at = T.find(name, max(lo, given), hi)
            while at >= 0:
                end = at + len(name)
                if not T[end:end + 1].isalnum() and not persons_of(F, lo, at) and \
                        not any(m.start < end and at < m.end for m in mentions):
                    found.append(Mention(at, end, agency, head_start=at))
                at = T.find(name, end, hi)
        return sorted(mentions + found, key=lambda m: m.start) if found else mentions


# a paragraph that opens a quotation ('"a) Đơn đề nghị …', '“1. Hồ sơ gồm …'), past emphasis marks
_OPENS_QUOTE = re.compile(r"[*_> \t]*[\"“]")
_CLOSES_QUOTE = re.compile(r"[\"”]")
_QUOTE_REACH = 4000   # a quoted passage of law is a few items long; an unclosed mark quotes nothing


def _open_quotation(T: str, lo: int, hi: int, state: _State) -> None:
    """A paragraph opening with a quotation mark starts a quoted passage (a law's items a letter
    prints): until the mark closes, its clauses are the law's words, and the bodies that led before
    it (the company the letter addresses) lead none of them."""
    if lo < state.quote_end:
        return
    m = _OPENS_QUOTE.match(T, lo, hi)
    if not m:
        return
    close = _CLOSES_QUOTE.search(T, m.end(), min(len(T), m.end() + _QUOTE_REACH))
    if close is None or close.end() <= hi and hi - close.end() > 3:
        return   # no closing mark, or a quote closed inside the paragraph ("“Nhà X” có cấu tạo …")
    state.quote_end = close.end()
    state.outside = frozenset(m.agency.name for m in (state.context_leads() or []) + (state.prev or []))


def _quoted_inheritance(cs: int, leads: list[Mention], state: _State) -> bool:
    """The leads a clause would inherit come from outside the quoted passage it stands in."""
    return cs < state.quote_end and bool(leads) and all(m.agency.name in state.outside for m in leads)


def _table_task(T: str, F: str, row, sc: Scope, ex: Extraction, keep) -> int:
    """A row of a plan's task table: the bodies of its "chủ trì" column lead the task, those of its
    "phối hợp" column support it (guide §9). Return 1 if it gave an obligation."""
    assignees, seen = [], set()

    def add(m: Mention, role: str) -> None:
        if (m.agency.name, role) not in seen:
            seen.add((m.agency.name, role))
            assignees.append(Assignee(m.agency.name, role, m.generic))
            keep(m.agency)
    for cells, column in ((row.leads, "lead"), (row.supports, "support")):
        for s, e in cells:
            for m in find_mentions(T, F, s, e, sc.ctx):
                if not names_owner(F, s, m):   # "cơ quan thuộc Chính phủ": the owner is none of the bodies named
                    add(m, _cell_role(T, F, s, m, column))
    for m in _task_cell_partners(T, F, row, sc):
        add(m, "support")
    if not any(a.role == "lead" for a in assignees):
        return 0
    ex.obligations.append(Obligation(
        directive=sc.directive.key, text=T[row.start:row.end], span=(row.start, row.end), assignees=assignees,
        deadline=None, topics=topics_of(T[row.start:row.end], F[row.start:row.end])))
    return 1


def _task_cell_partners(T: str, F: str, row, sc: Scope) -> list[Mention]:
    """The bodies a task table's task cell names as partners ("Chủ trì, phối hợp với Sở B rà soát …"):
    they support the row's lead (guide §2), as in a sentence whose lead is its heading's."""
    if row.task is None or not row.leads or "phoi hop" not in F[row.task[0]:row.task[1]]:
        return []
    s, e = row.task
    issuer = sc.issuer.name if sc.issuer else None
    return analyse(T, F, s, e, find_mentions(T, F, s, e, sc.ctx), issuer).supports


# in a lead column's cell, what marks a body as the lead's partner: "B phối hợp", "B (phối hợp)" after it,
# or "Phối hợp: B" / "phối hợp với B" before it (the last role word of its list item)
_PARTNER_AFTER = re.compile(r"\s*(?:phoi hop|tham gia)(?!\s+(?:voi|cung)(?![a-z0-9]))(?![a-z0-9])")
_LABEL_COLON = re.compile(r"[ \t*_]*:")
_CELL_ROLE_WORD = re.compile(r"(?<![a-z0-9])(chu tri|phoi hop|tham gia)(?![a-z0-9])")


def _cell_role(T: str, F: str, s: int, m: Mention, column: str) -> str:
    """The role of a body in a task table's cell: its column's, except that a lead column's cell may
    name the lead's partners too ("Sở A chủ trì; Công an tỉnh phối hợp", guide §9)."""
    if column != "lead":
        return column
    after = _PARTNER_AFTER.match(F, m.end)
    if after and not any(c in ",;:.-–" for c in T[m.end:after.end()]) and not _LABEL_COLON.match(T, after.end()):
        return "support"   # "B phối hợp" ("- Phối hợp: C" after B is the label of the next item)
    item = max(s, *(T.rfind(c, s, m.start) + 1 for c in ";.\n+"))   # the cell's list item the body is in
    words = _CELL_ROLE_WORD.findall(F, item, m.start)
    return "support" if words and words[-1] != "chu tri" else "lead"


class _MentionIndex:
    """A unit's mentions (left to right) with the look-ups each of its clauses makes, each in time
    independent of the unit's length: a paragraph of thousands of clauses (a text printed as one
    line) is not rescanned for every clause."""

    def __init__(self, mentions: list[Mention]):
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.ordered = all(a <= b for a, b in zip(self.starts, self.starts[1:]))
        self.ends = {m.end for m in mentions}
        self.reach = list(accumulate((m.end for m in mentions), max)) if self.ordered else []

    def inside(self, cs: int, ce: int) -> list[Mention]:
        """The mentions that start in [cs, ce), in order."""
        if not self.ordered:
            return [m for m in self.mentions if cs <= m.start < ce]
        return self.mentions[bisect_left(self.starts, cs):bisect_left(self.starts, ce)]

    def ends_near(self, pe: int) -> bool:
        """A mention ends within two characters before pe (the clause before ends with a body)."""
        return pe - 2 in self.ends or pe - 1 in self.ends or pe in self.ends

    def opens(self, cs: int) -> bool:
        """A mention starts by cs + 1 and runs past cs (the clause opens with a body)."""
        if not self.ordered:
            return any(m.start <= cs + 1 and m.end > cs for m in self.mentions)
        i = bisect_right(self.starts, cs + 1)
        return i > 0 and self.reach[i - 1] > cs


_ORDINAL = re.compile(r"(?:thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)|(?:một|hai|ba|bốn|năm|sáu|bảy)\s+là)"
                      r"\s*,\s*", re.I)


def _merge_lists(T: str, F: str, clauses: list[tuple[int, int]], index: _MentionIndex) -> list[tuple[int, int]]:
    """A ';' ends an obligation only where a new body opens the next clause ("…; Sở Tài chính chịu
    trách nhiệm …"); otherwise the clause goes on ("…; báo cáo UBND tỉnh trước ngày …"), and so
    does a list of bodies that ';' separates ("phối hợp các sở, ngành; UBND các xã …"). The lead's
    "A chủ trì;" goes on into "B, C phối hợp …" (one task); a task block's label ("…; đơn vị phối
    hợp: B") opens a clause of its own; the bodies a decision's closing article lists go on into its
    "… chịu trách nhiệm thi hành"."""
    out: list[tuple[int, int]] = []
    closing: dict = {}
    for k, (cs, ce) in enumerate(clauses):
        if out and T[out[-1][1] - 1] == ";":
            ps, pe = out[-1]
            colon = T.find(":", cs, ce)
            if colon >= 0 and block_label(F, cs, colon):
                out.append((cs, ce))
                continue
            ordinal = _ORDINAL.match(T, cs, ce)   # "…; thứ hai, Sở B …": the next point opens with its body
            if (index.ends_near(pe) and not new_duty(T, F, ps, pe, cs, ce, index.inside(ps, ce))) or \
                    not index.opens(ordinal.end() if ordinal else cs) or (
                    _PRESIDES_ALONE.search(F, ps, pe - 1) and partners_open(T, F, cs, ce, index.inside(cs, ce))) or \
                    _closes_later(T, F, ps, pe, clauses, k, closing, index) or \
                    brackets_go_on(T, F, ps, pe, cs, ce, index.inside(ps, ce)) or _class_member_last(T, F, ps, pe, index):
                out[-1] = (ps, ce)
                continue
        out.append((cs, ce))
    return out


def _closes_later(T: str, F: str, ps: int, pe: int, clauses: list[tuple[int, int]], k: int, closing: dict,
                  index: _MentionIndex) -> bool:
    """The list before the ';' goes on into a closing article's phrase, in the next piece or after more
    ';'-pieces ("Chánh Văn phòng …, Giám đốc các Sở: A, B; Thủ trưởng cơ quan C tại tỉnh; Thủ trưởng các
    sở, ngành; Chủ tịch UBND các xã … chịu trách nhiệm thi hành …", guide §8)."""
    piece = closing_piece(T, F, clauses, k, closing)
    return piece is not None and executors_go_on(T, F, ps, pe, *piece, index.inside(ps, pe))


def _class_member_last(T: str, F: str, ps: int, pe: int, index: _MentionIndex) -> bool:
    """The clause before ends with a class of bodies listed after a body ("nhiệm vụ của A; B; các cơ
    quan, đơn vị của Đảng ở Trung ương; C; D"): the list goes on past it, C and D share A's role."""
    k = T.rfind(";", ps, pe - 1)
    return k > ps and index.ends_near(k) and class_member(F, k + 1, pe - 1)


# "Sở A chủ trì;": the clause ends with the lead's presiding, its partners follow the ';'
_PRESIDES_ALONE = re.compile(r"(?<![a-z0-9])chu tri(?:\s+thuc hien)?\s*$")


_REFERS_BACK = re.compile(r"\s*(nêu trên|trên đây|từ\s)", re.I)


# "UBND các tỉnh khu vực Trung Bộ, nhất là các tỉnh: A, B, C": the places the collective is narrowed to
_FOCUS_LIST = re.compile(r"[^.;:()]{0,60}?,\s*(?:nhất là|đặc biệt là|trong đó(?:\s+trọng tâm)?(?:\s+là)?)\s+"
                         r"(các\s+(?:tỉnh|thành phố)(?:,\s*thành phố)?\s*:\s*)")


def _focus_members(T: str, m: Mention, sc: Scope) -> list[Mention]:
    """A People's Committees collective narrowed to the places listed after it ("…, nhất là các tỉnh: Khánh
    Hòa, Đắk Lắk"): the committee of each place (as the addressees it refers to, guide §9)."""
    if m.agency.kind != "ubnd":
        return []
    hit = _FOCUS_LIST.match(T, m.end, m.end + 400)
    if hit is None:
        return []
    end = hit.end()
    stop = _LIST_STOP.search(T, end, end + 200)
    listed = "Ủy ban nhân dân " + T[hit.start(1):stop.start() if stop else end + 200]
    found = [x for x in find_mentions(listed, fold_keep(listed), 0, len(listed), sc.ctx)
             if not x.generic and x.agency.kind == "ubnd" and " các " not in f" {x.agency.name} "]
    return [Mention(m.start, m.end, x.agency) for x in found]


_LIST_STOP = re.compile(r"[.;:()]|\s(?:tiếp tục|khẩn trương|chủ động|tập trung|phải|cần)\s")


def _expand_collective(T: str, m: Mention, sc: Scope) -> list[Mention]:
    """"UBND các tỉnh, thành phố nêu trên" / "… từ Hà Tĩnh đến Khánh Hòa": the addressees of that kind."""
    if " các " not in f" {m.agency.name} ":
        return [m]
    if not _REFERS_BACK.match(T, m.end):
        return _focus_members(T, m, sc) or [m]
    members = [a for a in sc.addressed if a.kind == m.agency.kind and " các " not in f" {a.name} "]
    if members and m.agency.kind == "ubnd" and _SECRETARY_BEFORE.search(fold(T[max(0, m.start - 40):m.start])):
        # "Đồng chí Bí thư, Chủ tịch UBND các tỉnh, thành phố nêu trên": the Party committees addressed too
        members += [a for a in sc.addressed if a.kind == "dang" and " các " not in f" {a.name} " and a not in members]
    if not members:
        return [m]
    return [Mention(m.start, m.end, a) for a in members]


# the Party secretary named with the chairman before a People's Committees collective ("Bí thư, Chủ tịch UBND …")
_SECRETARY_BEFORE = re.compile(r"(?<![a-z])bi thu(?:\s+(?:tinh uy|thanh uy))?[\s,]*(?:va\s+)?chu tich\s*$")


def _party_of_places(leads: list[Mention]) -> list[Mention]:
    """"Bí thư Tỉnh ủy, Thành ủy, Chủ tịch UBND các tỉnh: A, B …": a Party committee named bare beside the
    People's Committees of places is the committee of each of those places, as in an address block (guide §8:
    a head's task is its body's; §9), not of the issuer's place."""
    bare = next((m for m in leads if m.agency.kind == "dang" and m.bare), None)
    if bare is None:
        return leads
    places = [m.agency for m in leads if m.agency.kind == "ubnd" and m.agency.level == "province" and m.start > bare.start]
    parties = [a for a in rec.party_per_place(places) if a.kind == "dang"]
    if not parties:
        return leads
    kept = [m for m in leads if not (m.agency.kind == "dang" and m.bare)]
    return kept + [Mention(bare.start, bare.end, a) for a in parties]


@lru_cache(maxsize=1)
def _back_patterns() -> tuple[re.Pattern, frozenset[str]]:
    """("các <kind words> nêu trên", the bare phrases that mean the addressees), from verbs.tsv."""
    words = lexicon.verbs()
    back = lexicon.alternation(words.get("backref", {}))
    pattern = re.compile(rf"(?<![a-z0-9])cac\s+((?:[a-z]+\s+){{0,8}}?[a-z]+)\s+(?:{back})(?![a-z0-9])")
    return pattern, frozenset(words.get("addressees", {}))


_LEVEL_WORDS = {"tinh": "province", "thanh pho": "province", "huyen": "district", "quan": "district",
                "thi xa": "district", "xa": "commune", "phuong": "commune", "thi tran": "commune"}


def _addressees_like(words: str, sc: Scope) -> list[Agency]:
    """The addressed bodies that "các <words> nêu trên" points back to: those whose name starts
    with the words ("Sở Xây dựng"), or, for place words ("các tỉnh, thành phố"), the People's
    Committees of that level."""
    named = [a for a in sc.addressed if not a.generic and " các " not in f" {a.name} "]
    level = _LEVEL_WORDS.get(" ".join(words.split()[:2])) or _LEVEL_WORDS.get(words.split()[0])
    if level:
        return [a for a in named if a.kind == "ubnd" and a.level == level]
    return [a for a in named if fold(a.name).startswith(words)]


def _addressed_of(agency: Agency, sc: Scope) -> list[Agency]:
    """The bodies of one kind and level that the directive is addressed to one by one."""
    return [a for a in sc.addressed if not a.generic and a.kind == agency.kind and a.level == agency.level
            and " các " not in f" {a.name} "]


def _back_references(T: str, F: str, cs: int, ce: int, mentions: list[Mention],
                     sc: Scope) -> tuple[list[Mention], dict[tuple[int, int], list[Agency]]]:
    """"Các Sở Xây dựng nêu trên", "các tỉnh, thành phố nêu trên" as one mention each, with the
    addressed bodies they mean (guide §9); the generic pieces inside them go."""
    refs: dict[tuple[int, int], list[Agency]] = {}
    if not sc.addressed:
        return mentions, refs
    pattern, _ = _back_patterns()
    for hit in pattern.finditer(F, cs, ce):
        if any(m.start <= hit.start() < m.end and not m.generic for m in mentions):
            continue   # "UBND các tỉnh … nêu trên" is a collective mention (see _expand_collective)
        members = _addressees_like(" ".join(hit.group(1).split()), sc)
        if members:
            refs[(hit.start(), hit.end())] = members
    if not refs:
        return mentions, refs
    kept = [m for m in mentions if not any(s <= m.start < e for s, e in refs)]
    added = [Mention(s, e, Agency(" ".join(T[s:e].split()), "generic", None, None, True)) for s, e in refs]
    return sorted(kept + added, key=lambda m: m.start), refs


def _referents(T: str, F: str, m: Mention, sc: Scope, refs: dict, as_lead: bool) -> list[Mention]:
    """The bodies a mention stands for: a back-reference's addressees, the addressees of a bare
    "các cơ quan, đơn vị" given a task, the addressed People's Committees of "UBND cấp tỉnh"."""
    members = refs.get((m.start, m.end))
    if members is None and (m.generic or m.by_level) and sc.addressed:
        if as_lead and " ".join(F[m.start:m.end].split()) in _back_patterns()[1] and \
                not _QUALIFIED.match(F, m.end):
            # (a kind word, "Công ty", means the addressees of that kind)
            members = [a for a in sc.addressed if not a.generic and m.agency.kind in ("generic", a.kind)]
        elif m.by_level or (m.head is not None and m.agency.level):
            members = _addressed_of(m.agency, sc)
        elif as_lead and F.startswith("cac ", m.start):
            # "các Tập đoàn, Tổng công ty" given a task: the addressed collectives whose names start so
            # ("Các tập đoàn, tổng công ty trực thuộc Bộ Tài chính"), if any
            phrase = fold(T[m.start:m.end])
            members = [a for a in sc.addressed if not a.generic and fold(a.name).startswith(phrase + " ")]
    if not members:
        return [m]
    return [Mention(m.start, m.end, a) for a in members]


# "Bộ A chỉ đạo các đơn vị …": the units a named body directs are its own, not the addressees
_DIRECTED = re.compile(r"chi dao\s*$")
# what makes "các cơ quan, đơn vị" a class rather than the addressees: "… có liên quan", "… trực thuộc"
_QUALIFIED = re.compile(r"[\s,]*(?:don vi\s+)?(?:co lien quan|lien quan|truc thuoc|thuoc|chuc nang|cua|tren dia ban|"
                        r"trong|quan ly|tham muu|tu van|su nghiep)(?![a-z0-9])")


def _resolve_level(m: Mention, sc: Scope) -> Mention:
    """"UBND cấp xã" is the collective of communes this directive already named, if any (unless the
    directive is addressed to such bodies one by one: then it means them, see _referents)."""
    if (m.generic or m.by_level) and m.head is not None and m.agency.level and not _addressed_of(m.agency, sc):
        known = sc.collectives.get((m.agency.kind, m.agency.level))
        if known:
            return Mention(m.start, m.end, known)
    return m


def _clause(T: str, F: str, cs: int, ce: int, mentions: list[Mention], u: Unit, first: bool, sc: Scope,
            ex: Extraction, state: _State, issuer: str | None, keep) -> None:
    for m in mentions:
        if not m.generic and not m.by_level and " các " in f" {m.agency.name} " and m.agency.level:
            sc.collectives.setdefault((m.agency.kind, m.agency.level), m.agency)
    mentions = [_resolve_level(m, sc) for m in mentions]
    mentions, refs = _back_references(T, F, cs, ce, mentions, sc)
    roles = analyse(T, F, cs, ce, mentions, issuer)
    if _task_block(T, F, cs, ce, u, roles, state):
        return
    if not roles.leads and not roles.supports and roles.subject is None and roles.director is None and \
            not roles.narrative:
        roles.leads = _semicolon_subjects(T, F, cs, mentions, state, u) or _place_actor(T, F, cs, ce, sc)
    if state.copy_list and (roles.bare or not roles.leads):
        return
    if state.running and roles.closing and roles.narrative and roles.subject is not None and \
            not speaks_for(roles.subject.agency.name, issuer):
        # "Cục X thông báo để Công ty Y được biết, thực hiện./.": the closing line of another body's
        # letter that a page prints, not a task of the directive it reports
        explain.note("clause", span=(cs, ce), mentions=mentions, roles=roles,
                     outcome="no obligation: another body's closing line")
        return
    asker = roles.director or roles.subject
    if state.running and roles.modality == "đề nghị" and asker is not None and \
            not speaks_for(asker.agency.name, issuer):
        return   # a page telling that one body asked another ("Bộ A đề nghị Bộ B …") reports no order
    if state.running and _told_re().search(F, cs, ce):
        return   # "C08 vừa kiến nghị Sở X chỉ đạo …": a request told as done, whoever asked
    if u.kind == "heading" and first and not roles.leads and not roles.director and _ends_label(T, ce):
        # "1. Chủ tịch UBND các tỉnh từ A đến B, trọng tâm là …:" — the bodies opening a heading that
        # introduces items lead them, whatever follows the bodies
        roles.leads = opening_list(T, F, cs, mentions)
    named = any(not m.generic for m in roles.leads)
    roles.leads = [x for m in roles.leads for y in _expand_collective(T, m, sc) for x in _referents(
        T, F, y, sc, refs, not (named and _DIRECTED.search(F, max(cs, m.start - 12), m.start)))]
    roles.supports = [x for m in roles.supports for x in _referents(T, F, m, sc, refs, False)]
    roles.leads = _party_of_places(roles.leads)
    ends_label = _ends_label(T, ce)
    if roles.director and not roles.leads and not roles.supports:
        # "UBND quận Đống Đa yêu cầu:" sets the modality of what follows
        state.default_modality = roles.modality
        explain.note("clause", span=(cs, ce), mentions=mentions, roles=roles,
                     outcome=f"the issuer's order: modality {roles.modality!r} for what follows")
        return
    explicit = [m for m in roles.leads]
    leads = list(explicit)
    context = state.context_leads()
    if u.kind == "heading" and first:
        # a heading naming bodies makes them the leads of everything under it
        # the closing article's bodies lead nothing after it (what follows it is an attachment)
        named = [] if roles.closing else explicit or (state.regulated if _DUTIES_HEADING.fullmatch(F, cs, ce) else [])
        state.heading.append((u.level, named))
        if named and _is_bare_heading(T, F, cs, ce, mentions):
            explain.note("clause", span=(cs, ce), mentions=mentions, roles=roles,
                         outcome="heading: its bodies lead what follows")
            return
    inherited = None
    if not leads and roles.subject is None and not roles.narrative and (state.may_inherit(F, cs, ce) or (
            roles.supports and state.prev and state.prev_unit == u.start)):
        # a clause that names no body continues: the sentence before it in the same
        # paragraph, else the heading or label above it, else (in running text) the
        # task before it when it opens a task itself or names only partners ("B, C phối hợp thực hiện.");
        # partners alone join the sentence before in any text
        if state.prev and state.prev_unit == u.start:
            leads, inherited = list(state.prev), "sentence before"
        elif context:
            leads, inherited = list(context), "heading or label above"
        elif state.prev and (opens_task(F, cs, ce) or roles.supports):
            leads, inherited = list(state.prev), "task before"
        if inherited and roles.reports:
            # "Cơ quan có nhu cầu … trình Ban X": the body the clause reports to is not the one that reports
            told = {m.agency.name for m in roles.reports}
            leads = [m for m in leads if m.agency.name not in told]
        if _quoted_inheritance(cs, leads, state):
            explain.note("clause", span=(cs, ce), mentions=mentions, roles=roles,
                         outcome="no obligation: quoted text, its bodies are not the ones before the quotation")
            return
    elif roles.directed_only and context:
        leads = context + [m for m in leads if m.agency.name not in {c.agency.name for c in context}]
    if ends_label and (explicit or roles.supports):
        state.set_label(explicit or state.label, roles.modality, bool(_BRACKET_POINT.match(T, u.body_start, u.end)))
    if not leads and not roles.supports:
        explain.note("clause", span=(cs, ce), mentions=mentions, roles=roles,
                     outcome="no obligation: no body is given a task")
        return
    if state.running and T[ce - 1] == "?":
        explain.note("clause", span=(cs, ce), mentions=mentions, roles=roles,
                     outcome="no obligation: a question (a Q&A page's heading), not a task")
        return
    if not explicit and (_NOT_TASK.match(" ".join(F[cs:ce].split())) or _contact_line(F, cs, ce) or
                         _name_line(T, cs, ce)):
        explain.note("clause", span=(cs, ce), mentions=mentions, roles=roles,
                     outcome="no obligation: a target or situation, not a task")
        return
    if (explicit or roles.subject) and not roles.closing:
        state.prev, state.prev_unit = leads, u.start
    modality = roles.modality or (state.label_modality if not explicit else None) or state.default_modality
    assignees = []
    seen = set()
    for m, role in [(m, "lead") for m in leads] + [(m, "support") for m in roles.supports]:
        key = (m.agency.name, role)
        if key in seen:
            continue
        seen.add(key)
        assignees.append(Assignee(m.agency.name, role, m.generic))
        keep(m.agency)
    reports = []
    for m in roles.reports:
        if not m.generic and m.agency.name not in reports:
            reports.append(m.agency.name)
            keep(m.agency)
    if explicit or roles.supports:
        state.explicit += 1
    explain.note("clause", span=(cs, ce), mentions=mentions, roles=roles,
                 inherited=(inherited, leads) if inherited else None,
                 outcome="obligation: " + ", ".join(f"{a.agency} ({a.role})" for a in assignees))
    ex.obligations.append(Obligation(
        directive=sc.directive.key, text=T[cs:ce], span=(cs, ce), assignees=assignees,
        modality=modality, reports_to=reports, deadline=parse_deadline(F[cs:ce]),
        topics=topics_of(T[cs:ce], F[cs:ce]), targets=_TARGET.findall(T[cs:ce])))


def _semicolon_subjects(T: str, F: str, cs: int, mentions: list[Mention], state: "_State", u: Unit) -> list[Mention]:
    """"Yêu cầu Sở A tăng cường …; Sở B bảo đảm …; Công an tỉnh giữ vững …": after the ';' of a clause that
    gave bodies a task, a clause of the same paragraph that opens with named bodies and a word gives them the
    next task, whatever its verb (guide §2), rather than continuing the task before."""
    if not state.prev or state.prev_unit != u.start:
        return []
    p = cs - 1
    while p >= u.start and T[p] in " \t\n*_":
        p -= 1
    if p < u.start or T[p] != ";":
        return []
    opening = opening_list(T, F, cs, mentions)
    word = T[opening[-1].end:opening[-1].end + 3].lstrip()[:1] if opening else ""
    if not word.isalpha() or not word.islower() or any(m.generic for m in opening):
        return []   # (no verb right after the bodies: "Sở B, Sở C." or "Sở B: …")
    return opening


# "Tỉnh Thanh Hóa cần …", "Tỉnh tổ chức thực hiện …", "…, thành phố Đà Nẵng cần tập trung …:": the place itself
# as the actor of a task (the conclusions of a meeting with a locality)
_PLACE_ACTOR = re.compile(r"(?:(?<=^)|(?<=,\s))((?:Tỉnh|Thành phố|tỉnh|thành phố)(?:\s+[A-ZĐÀ-Ỹ]\w*(?:\s+[A-ZĐÀ-Ỹ]\w*){0,3})?)"
                          r"\s+(?=(?:cần|phải|tiếp tục|chủ động|tập trung|khẩn trương|tổ chức|xem xét|rà soát|căn cứ|"
                          r"nghiên cứu|sớm)\s)")


def _place_actor(T: str, F: str, cs: int, ce: int, sc: Scope) -> list[Mention]:
    """The People's Committee of a place named as the actor of a task, at the clause's start or after its
    opening adverbial ("Trong thời gian tới, Tỉnh tổ chức …"): gold reads "Tỉnh X cần …" / "Tỉnh …" in the
    Government's conclusions on a province as that province's People's Committee. Only a place the text
    resolves to a named province counts."""
    hi = min(ce, cs + 240)
    if F.find("tinh", cs, hi) < 0 and F.find("thanh pho", cs, hi) < 0:
        return []   # (most clauses: no place word at all)
    hit = _PLACE_ACTOR.search(T[cs:hi])
    if hit is None or (hit.start() > 0 and hit.group(1)[0].islower() and " " not in hit.group(1)):
        return []   # after a comma a lower-case "tỉnh" must carry its name
    if hit.group(1)[0].islower() and hit.start() == 0:
        return []
    place = hit.group(1)[0].lower() + hit.group(1)[1:]
    if place in ("tỉnh", "thành phố"):
        place = _met_place(sc) or place   # "Tỉnh tổ chức …": the province the meeting was with
    text = "Ủy ban nhân dân " + place
    found = [m for m in find_mentions(text, fold_keep(text), 0, len(text), sc.ctx) if not m.generic]
    if len(found) != 1 or found[0].agency.kind != "ubnd" or not found[0].agency.jurisdiction or \
            found[0].agency.jurisdiction.lower() in ("tỉnh", "thành phố"):
        return []
    return [Mention(cs + hit.start(1), cs + hit.end(1), found[0].agency)]


# "Kết luận … tại buổi làm việc với lãnh đạo tỉnh Điện Biên": the locality a notice of conclusions is about
_MET_PLACE = re.compile(r"làm việc với\s+(?:(?:lãnh đạo|thường trực|ban thường vụ)\s+)?(?:(?:tỉnh ủy|thành ủy)\s+)?"
                        r"(tỉnh|thành phố)\s+([^\W\d_]+(?:\s+[^\W\d_]+){0,3}?)(?=\s+(?:về|và)\b|\s*[,;.]|\s*$)", re.I)


def _met_place(sc: Scope) -> str | None:
    """"tỉnh Điện Biên" from the subject of a notice of conclusions of a meeting with a locality."""
    hit = _MET_PLACE.search(sc.directive.subject or "")
    if hit is None:
        return None
    level = "tỉnh" if hit.group(1).lower() == "tỉnh" else "thành phố"
    return level + " " + " ".join(w[:1].upper() + w[1:].lower() for w in hit.group(2).split())


# "Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Chi cục X"
_REGULATES = re.compile(r"nhiem vu\s*(?:va\s+)?quyen han[a-z ]{0,60}?\s+cua\s+")
# a heading "Nhiệm vụ, quyền hạn" / "Nhiệm vụ và quyền hạn" / "Nhiệm vụ"
_DUTIES_HEADING = re.compile(r"\s*(?:nhiem vu(?:\s+(?:va\s+)?quyen han)?|quyen han(?:\s+va)?\s+nhiem vu)[\s:]*")


def _regulated_body(T: str, F: str, lo: int, hi: int, sc: Scope, mentions: list[Mention] | None = None
                    ) -> list[Mention]:
    """The body whose duties a regulation lists, named in its title ("… nhiệm vụ, quyền hạn … của X"):
    it leads each item under the regulation's "Nhiệm vụ, quyền hạn" (guide §9)."""
    hit = _REGULATES.search(F, lo, hi)
    if hit is None:
        return []
    found = mentions if mentions is not None else find_mentions(T, F, lo, hi, sc.ctx)
    after = [m for m in found if m.start >= hit.end() and not m.generic]
    return after[:1]


_SENT_TO = re.compile(r"[\s*_]*noi nhan\b")
# a copy list printed without its "Nơi nhận:" label: "- Chính phủ; - Bộ Tài chính; - Lưu: VT." (the filing
# mark of the office, a last item that only a copy list has); original text, capitalised "Lưu"
_FILED = re.compile(r"(?:^|[-;•]\s*)Lưu\s*:", re.M)


def _sent_to(T: str, F: str, u: Unit, lo: int, hi: int) -> bool:
    """Does the unit open the copy list ("Nơi nhận:", or a bullet list of its items ending in "- Lưu: VT")?"""
    return bool(_SENT_TO.match(F, lo, hi) or (u.kind == "bullet" and _FILED.search(T, lo, hi)))


def _task_block(T: str, F: str, cs: int, ce: int, u: Unit, roles, state: _State) -> bool:
    """A plan's task block: "Cơ quan chủ trì: A, B" makes A, B leads, "Cơ quan phối hợp: C, D" supports
    (guide §9); a procedure card's "Cơ quan giải quyết: A" gives A nothing. The label alone ends the clause (True: nothing more to do); it gives its role to the
    bodies the rest of its line names, when they are only named."""
    colon = T.find(":", cs, ce)
    role = block_label(F, cs, colon if colon >= 0 else ce, colon >= 0)
    if role and (colon < 0 or not T[colon + 1:ce].strip()):
        state.block_role = (u.start, role)
        return True
    if role is None:
        if not (state.block_role and state.block_role[0] == u.start and roles.bare):
            return False
        role = state.block_role[1]
    elif not roles.bare and not roles.leads and not (role == "support" and roles.supports):
        return False   # (the label's own "phối hợp" may already have made the bodies after it partners)
    if role == "none":
        explain.note("clause", span=(cs, ce), mentions=roles.leads, roles=roles,
                     outcome="no obligation: a procedure card's field names who handles a file, not a task")
        return True
    if role == "support":
        # the cooperating bodies work with the block's leads ("Cơ quan chủ trì: A" … "Cơ quan phối hợp: B")
        roles.supports = roles.leads + roles.supports
        roles.leads = list(state.block_leads)
    else:
        state.block_leads = list(roles.leads)
    return False


def _ends_label(T: str, ce: int) -> bool:
    """The clause ends with a colon: it introduces the items below it."""
    return T[ce - 1:ce] == ":" or T[ce:ce + 1] == ":" or T[ce - 3:ce] == ":**"


# "UBND các huyện: chỉ đạo …": the bodies, a colon, and a word (a wrapped name's next line has no colon)
_BODY_COLON_TASK = re.compile(r"[ \t*_]*:[ \t*_]*\w")


def _is_bare_heading(T: str, F: str, cs: int, ce: int, mentions: list[Mention]) -> bool:
    """"1. Phòng Y tế" / "2. Sở Nông nghiệp và Môi trường:": a heading that only names bodies. One whose
    bodies go on after a colon into a short task ("5. UBND các huyện: chỉ đạo UBND các xã tuyên truyền.")
    is a task too, and so is a heading that is a whole sentence of a task ("1. Yêu cầu Sở A, Sở B triển
    khai.", "2. Sở Tài chính bố trí kinh phí.")."""
    opening = opening_list(T, F, cs, mentions)
    if T[ce - 1:ce] == "." and (opens_order(F, cs, ce) or opening and opens_task(F, opening[-1].end, ce)):
        return False
    if opening and not _ends_label(T, ce) and _BODY_COLON_TASK.match(T, opening[-1].end, ce) and \
            opens_task(F, opening[-1].end, ce):
        return False
    words, pos = 0, cs
    for m in sorted(mentions, key=lambda m: m.start):   # the words outside the mentions, counted up to 5
        if m.start < cs:
            return _bare_words(F, cs, ce, mentions) <= 4
        if m.end <= m.start:
            continue   # blanks nothing
        words += len(F[pos:m.start].split()) if m.start > pos else 0
        pos = max(pos, m.end)
        if words > 4:
            return False
    return words + len(F[pos:ce].split()) <= 4


def _bare_words(F: str, cs: int, ce: int, mentions: list[Mention]) -> int:
    """The words of F[cs:ce] once each mention is blanked (the plain way, for a mention starting before cs)."""
    rest = F[cs:ce]
    for m in mentions:
        rest = rest[:m.start - cs] + " " * (m.end - m.start) + rest[m.end - cs:]
    return len(rest.split())
