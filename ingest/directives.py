"""Which directives a text issues or reports on, and where each one's text is.

An official text issues one directive, described by its header (issuing
body, Số, place and date, type word, trích yếu). A news article or digest
reports several: a sentence such as "UBND Thành phố đã ban hành Kế hoạch số
252/KH-UBND …" or "tại văn bản số 5555/UBND-ĐT …, UBND Thành phố yêu cầu"
opens one, and it runs to the next such sentence or section title. A numbered
instrument after "Căn cứ / Thực hiện / Trước đó …" is cited, not reported.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from pathlib import Path

from . import places
from .agencies import Context, find_mentions
from .dates import dates_in, parse_date
from .lexicon import alternation, word_alternation
from .linepattern import LinePattern
from .numbers import find_numbers, issuer_from_symbol, normalise, numbers_valued, type_from_symbol, type_of_word, type_word_regex
from .records import Agency, Directive
from .structure import MARKUP_RE, NOI_NHAN_RE, TYPE_LINE, Structure
from .textnorm import fold, fold_keep, modern_tones, squash_spaces

_REPORT_CUE = re.compile(
    r"(ban hanh|(?:da |vua |moi )?(?:co|tai|ky|ra|phat di|gui)\s+(?:van ban|cong van|ke hoach|quyet dinh|cong dien|"
    r"chi thi|thong bao)|"
    # "UBND tỉnh đã có Tờ trình N", "vừa ký Nghị quyết N": other instruments only after "đã / vừa / mới"
    r"(?:da|vua|moi)\s+(?:co|ky|trinh|gui|thong qua)\s+(?:to trinh|nghi quyet|bao cao|huong dan|de an|phuong an|ket luan|"
    r"chuong trinh))"
    r"(?![a-z0-9])")
_CITE_CUE = re.compile(r"(?<![a-z0-9])(can cu|thuc hien|trien khai|theo|xet|truoc do|truoc day|thay the|tuan thu)(?![a-z0-9])")
_OPENS_CITING = re.compile(r"\W*(?:\d{1,2}\s+)*(can cu|thuc hien|trien khai|xet|tiep theo|de cu the hoa|quan triet)(?![a-z0-9])")
# "Căn cứ (theo|tại) (khoản 5) Điều 2 …", "Theo (đó, tại) Mục I Phụ lục …", "Tại Điều 7 …": a sentence
# quoting an article (folded)
_QUOTES_ARTICLE = re.compile(r"\W*(?:(?:can cu|theo(?:\s+do)?)\s+(?:(?:theo|tai|vao)\s+)?|tai\s+)(?:quy dinh\s+(?:tai\s+)?)?"
                             r"(?:(?:tieu muc|diem|khoan|muc|tiet)\s+\S+(?:\s\d+)*\s+)*"
                             r"(?:dieu|khoan|muc|phu luc|chuong)\s")
# "Điều 7 ", "khoản 6 Điều 14 của ", "Mục I Phụ lục ": an article named just before an instrument (folded)
_ARTICLE_REF = re.compile(r"(?<![a-z0-9])(?:dieu|khoan|diem|muc|phu luc|chuong)\s+[0-9ivxlc]+[a-z]?"
                          r"(?:\s+(?:phu luc|dieu)(?:\s+[0-9ivxlc]+)?)?\s+(?:cua\s+)?(?:ban hanh kem theo\s+)?$")
_AMENDED_BY = re.compile(r"(?<![a-z0-9])(?:sua doi|bo sung|thay the|thay doi)[a-z ]{0,20}?\s(?:boi|tai|theo)\s")
# "… N (ngày …) quy định (như sau):" / "… N có nêu rõ … như sau:" at the end of the line
_BY = re.compile(r"(?<![a-z0-9])(?:theo|tai|can cu)\s+$")
_QUOTE_WORDS = re.compile(r"(?<![a-z0-9])(quy dinh|nhu sau|neu ro|cu the|(?:truong hop|noi dung|doi tuong|dieu kien)\s+sau)\s*$")
# "Số: 80/2025/NQ-HĐND" (also "Số 12/KH-UBND", "Số ký hiệu: …", "Luật số: 60/2024/QH15") opening a line of the header: not the
# "số" of a law cited in a Căn cứ line that a header without its number runs into
# (or after the issuer or a rule on the same line when a table row was flattened: "CHÍNH PHỦ _ Số: 172/2025/NĐ-CP")
OWN_NUMBER_RE = re.compile(r"(?:^[ \t*_#|>]*(?:(?:bộ luật|luật|pháp lệnh|nghị quyết)\s+)?s[ốo]\s*(?:ký hiệu)?\s*:?|"
                           r"(?<![^\W_])(?-i:S)[ốỐ][ \t]*:)\s*(\d[^\s,;|*]*)", re.I | re.M)
_SENT_END = re.compile(r"[.!?](?=\s+[A-ZĐÀ-Ỹ\"“(])|\n")


_PLACE_DATE_RE = re.compile(r"[ \t]*ngay[ \t]+\d")   # "Hà Nội, ngày 5" (folded: the comma is a space)


@lru_cache(maxsize=1)
def _province_regexes() -> tuple[re.Pattern, re.Pattern]:
    """A province name at any word start of a folded text (not after a letter or digit), and the same
    after a space: a folded text is letters, digits and spaces, so the second finds every name but those
    at the text's start or after a character outside ASCII ("m²"), and lets the regex engine skip from
    space to space instead of entering its matcher at every letter (twice as fast)."""
    names = sorted({fold_keep(n).strip() for n in places.province_names()}, key=len, reverse=True)
    names = [" ".join(n.split()) for n in names]
    return (re.compile(r"(" + word_alternation(names, space=r"\ ") + r")(?![a-z0-9])"),
            re.compile(r" (" + alternation(names, space=r"\ ") + r")(?![a-z0-9])"))


_OUTSIDE_ASCII_RE = re.compile(r"[^\x00-\x7f]+(?=[a-z])")   # (a name starts with a letter: no try after other runs)


def _province_spans(F: str) -> list[tuple[int, int]]:
    """(start, end) of every province name of the folded text F, in order."""
    anywhere, after_space = _province_regexes()
    spans = [(m.start(1) - 1, m.end(1) - 1) for m in after_space.finditer(" " + F)]
    if not F.isascii():
        spans += [m.span() for m in map(anywhere.match, repeat(F), (r.end() for r in _OUTSIDE_ASCII_RE.finditer(F)))
                  if m]
        spans.sort()
    return spans


# the level word a province name follows ("thành phố Hà nội", "TP Hải phòng"), folded
_LEVEL_BEFORE = re.compile(r"(?<![a-z0-9])(?:tinh|thanh pho|tp|thu do)\.?\s*$")


def _proper_place(T: str, F: str, start: int, end: int) -> bool:
    """A province name with a word in lower case ("Việt Nam định cư": "Nam định") is a place only after its
    level word ("thành phố Hà nội"); written with every word capitalised it is one anywhere."""
    if all(w[:1].isupper() for w in T[start:end].split()):
        return True
    return _LEVEL_BEFORE.search(F, max(0, start - 12), start) is not None


def province_in_text(T: str, F: str, hi: int | None = None) -> str | None:
    """The province the text names most (capitalised), e.g. 'biên giới biển Hải Phòng' -> Hải Phòng;
    only in T[:hi] when given."""
    counts: Counter = Counter()
    first = {}
    for start, end, name in _provinces_named(T, F):
        if hi is not None and end > hi:
            break
        counts[name] += 1
        first.setdefault(name, start)
    if not counts:
        return None
    return max(counts, key=lambda n: (counts[n], -first[n]))


@lru_cache(maxsize=4)
def _provinces_named(T: str, F: str) -> list[tuple[int, int, str]]:
    """(start, end, province) of every capitalised province name of the text, in order: one scan
    of the text for each of its callers' ends."""
    out = []
    for start, end in _province_spans(F):
        if not T[start].isupper() or _PLACE_DATE_RE.match(F, end):
            continue   # ("Hà Nội, ngày 12 tháng 5": where a ministry signs, not what its text is about)
        if not _proper_place(T, F, start, end):
            continue
        pl = places.lookup(squash_spaces(T[start:end]), "province")
        if pl:
            out.append((start, end, pl[0].name))
    return out


_LEVEL_WORDS = ("tỉnh ", "thành phố ", "quận ", "huyện ", "thị xã ", "thị trấn ", "xã ", "phường ", "đặc khu ")


def context_for(issuer: Agency | None, T: str, F: str) -> Context:
    """The issuer's province/district, else the province the text names most."""
    ctx = Context()
    if issuer and issuer.level == "central":
        # a central text about one place ("thành phố Đà Nẵng … Thành phố chỉ đạo"): its
        # "Thành phố" / "tỉnh" mean the place it names most
        ctx.level = "central"
        # (not in its copy list: "Viện Pasteur TP. Hồ Chí Minh" there is no place the text is about)
        copies = NOI_NHAN_RE.search(T)
        ctx.province = province_in_text(T, F, copies.start() if copies else None)
        if ctx.province:
            pl = places.lookup(ctx.province, "province")
            ctx.province_word = pl[0].word if pl else ctx.province_word
        return ctx
    jur = issuer.jurisdiction if issuer else None
    if jur and not jur.startswith(_LEVEL_WORDS):
        # a Party committee's place is written without its level word ("Tỉnh ủy Ninh Bình": Ninh Bình)
        pl = places.lookup(jur, "province")
        jur = f"{pl[0].word} {pl[0].name}" if pl else jur
    place_name = None
    if jur:
        word, _, place_name = jur.partition(" ") if not jur.startswith(("thành phố", "thị xã", "thị trấn", "đặc khu")) \
            else (" ".join(jur.split()[:2]), None, " ".join(jur.split()[2:]))
        if issuer.level == "province" and place_name:
            ctx.province, ctx.province_word, ctx.level = place_name, word, "province"
        elif issuer.level == "district" and place_name:
            ctx.district, ctx.district_word, ctx.level = place_name, word, "district"
            ctx.province = places.province_of(place_name)
        elif issuer.level == "commune" and place_name:
            ctx.commune, ctx.commune_word, ctx.level = place_name, word, "commune"
            provs = {p.province for p in places.lookup(place_name, "commune")}
            ctx.province = provs.pop() if len(provs) == 1 else None
    if ctx.province is None:
        ctx.province = province_in_text(T, F)
    if ctx.province:
        pl = places.lookup(ctx.province, "province")
        if pl:
            ctx.province_word = pl[0].word
    if issuer and issuer.level in ("province", "district", "commune"):
        ctx.level = issuer.level
    return ctx


def _clean(text: str) -> str:
    return squash_spaces(MARKUP_RE.sub(" ", text))


def _bodies_in(text: str, ctx: Context | None = None) -> list:
    """The named (non-generic) body mentions of a short text."""
    return [x for x in find_mentions(text, fold_keep(text), 0, len(text), ctx or Context(level="central"))
            if not x.generic]


def _issuer_in(issuer_text: str) -> Agency | None:
    """The issuing body a header's top lines name: the lower one of "UBND TỈNH X / SỞ Y TẾ", in its place."""
    if not issuer_text:
        return None
    FT = fold_keep(issuer_text)
    found = _bodies_in(issuer_text)
    if len(found) > 1 and found[0].agency.jurisdiction:
        found = _bodies_in(issuer_text, context_for(found[0].agency, issuer_text, FT)) or found
    if not found:
        return None
    return _unit_under(issuer_text, found[-1]) or found[-1].agency


# the executive of a Party committee stands for the committee: "BAN CHẤP HÀNH TRUNG ƯƠNG" over "BAN TỔ
# CHỨC" is "Ban Tổ chức Trung ương", over "VĂN PHÒNG" the "Văn phòng Trung ương Đảng"
_EXECUTIVE_RE = re.compile(r"^\s*BAN\s+CHẤP\s+HÀNH\s+", re.I)
_CENTRAL_ONLY_RE = re.compile(r"^\s*TRUNG\s+ƯƠNG\s*$", re.I)


def _unit_under(issuer_text: str, parent) -> Agency | None:
    """A lower header line naming a unit by its head alone ("VĂN PHÒNG", "BAN TỔ CHỨC") under its parent
    ("UBND TỈNH X", "BAN CHẤP HÀNH TRUNG ƯƠNG"): the unit issues, named with its parent after it."""
    tail = issuer_text[parent.end:].strip(" \t\n-.,;:")
    if not tail or not tail[:1].isalpha():
        return None
    upper = _EXECUTIVE_RE.sub("", parent.agency.name)      # its canonical name: "Bộ Y tế", not "BỘ Y TẾ"
    if _CENTRAL_ONLY_RE.match(upper):
        upper += " Đảng"
    composed = f"{tail} {upper}"
    unit = _bodies_in(composed)
    if unit and unit[0].start == 0 and unit[0].end > len(tail):
        return unit[0].agency
    return None


_NUMBER_LABEL_RE = re.compile(r"(?<!\w)(?:Luật\s+)?S[ốỐ]\s*(?:ký hiệu|KÝ HIỆU)?\s*:?\s*\d", re.I)
_MOTTO_PHRASE_RE = re.compile(r"C[ỘO]NG\s+H(?:[ÒO]A|O[ÀA])\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM|"
                              r"Độc\s+lập\s*-\s*Tự\s+do\s*-\s*Hạnh\s+phúc|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM", re.I)
_BASIS_RE = LinePattern(r"(?:Căn cứ|Xét|Theo đề nghị)")
_PASSED_RE = re.compile(r"thông qua ngày|ký ngày", re.I)


# a consolidated text prints the type word of the instrument it consolidates ("QUYẾT ĐỊNH"), but its number
# ("92/VBHN-BQP") tells what the document is
_SYMBOL_TYPES = {"Văn bản hợp nhất"}
# "Hà Nội, ngày 03 tháng 10 năm 2025" on a line of its own
_DATE_LINE_RE = re.compile(r"\n[^\n,]{1,40},\s*ng[àa]y\s+\d", re.I)


def _authority_line(T: str, pos: int) -> str:
    """The lines in capitals between the trích yếu and the first "Căn cứ" (the authority that issues)."""
    m = _BASIS_RE.search(T, pos, pos + 800)
    if not m:
        return ""
    lines = [ln.strip() for ln in T[pos:m.start()].split("\n")]
    caps = [ln for ln in lines if ln and ln.isupper()]
    return _clean(caps[-1]) if caps else ""


def _passed_on(T: str, end: int) -> str | None:
    """"… đã được Quốc hội … thông qua ngày 30 tháng 11 năm 2024": the date of a law or resolution
    whose header prints none."""
    for m in _PASSED_RE.finditer(T, max(0, end - 1500), end):
        window = fold_keep(T[m.end():m.end() + 40])
        for s, e, iso in dates_in(" " + window):
            return iso
    return None


# a cited instrument's number right before a date ("… NGHỊ ĐỊNH SỐ 72/2020/NĐ-CP NGÀY 30 THÁNG 6 NĂM 2020"), folded
_CITED_BEFORE_RE = re.compile(r"\d+(?:/\d{4})?/[a-z0-9-]+[\s,]*$")
_NUMBER_YEAR_RE = re.compile(r"^\d+/((?:19|20)\d\d)/")


def _issue_date(head: str, F: str, own: int, number: str | None) -> str | None:
    """The first date of the header that is the text's own: not the date of an instrument its trích yếu cites
    ("sửa đổi Nghị định số 72/2020/NĐ-CP ngày 30 tháng 6 năm 2020" in a copy whose place-and-date line is
    lost), nor one before the year its number carries (a text numbered "…/2025/…" is not of 2020)."""
    year = _NUMBER_YEAR_RE.match(number or "")
    for s, e, iso in dates_in(F):
        cited = _CITED_BEFORE_RE.search(F, max(0, s - 40), s)
        if cited and not (own >= 0 and own < cited.end() and cited.start() < own + len(number or "")):
            continue   # (the text's own number, "Số: 12/KH-UBND ngày …", dates the text)
        if year and iso[:4] < year.group(1):
            continue
        return iso
    return None


def header_directive(T: str, st: Structure) -> tuple[Directive, Agency | None]:
    """The directive an official text issues, from its header."""
    head = T[st.header.start:st.header.end] if st.header else T[:1500]
    F = fold_keep(head)
    number = None
    m = OWN_NUMBER_RE.search(head)
    if m:
        nums = list(find_numbers(head, m.start(1), m.start(1) + 40))
        number = normalise(nums[0][2]) if nums else None
    date = _issue_date(head, F, m.start(1) if m else -1, number)
    # the issuing body: the lines before "Số", less the motto printed beside them (a PDF's two columns
    # read line by line: "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI …/TỈNH X Độc lập - Tự do - Hạnh phúc")
    label = _NUMBER_LABEL_RE.search(head)
    if st.headless:
        issuer_text = ""    # a copy without its header block: its head is the type line and trích yếu (the subject)
    elif label:
        issuer_text = _MOTTO_PHRASE_RE.sub(" ", head[:label.start()])
    else:
        motto = _MOTTO_PHRASE_RE.search(head)
        issuer_text = head[:motto.start()] if motto else head
    issuer = _issuer_in(_clean(issuer_text).replace("|", " "))
    if issuer is None and st.header:
        # no body above the motto: the authority line over the "Căn cứ" lines ("ỦY BAN THƯỜNG VỤ QUỐC HỘI",
        # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X") names it
        issuer = _issuer_in(_authority_line(T, st.header.end))
    if issuer is None and number and issuer_from_symbol(number):
        issuer = _issuer_in(issuer_from_symbol(number))   # "…/NQ-HĐTP" printed without its issuer's lines
    if date is None and st.body:
        date = _passed_on(T, st.body.end)
    type_ = None
    for tm in TYPE_LINE.finditer(head):
        type_ = type_of_word(fold_keep(tm.group(1)).strip())
        subject_text = head[tm.end():]
        break
    else:
        subject_text = ""
    vv = re.search(r"^\W*(?:[Vv]/[vV]|Về việc)\s*(.+?)(?:\n\s*\n|\Z)", head, re.M | re.S)
    if vv:
        subject_text = vv.group(1)
        dated = _DATE_LINE_RE.search(subject_text)
        if dated:
            subject_text = subject_text[:dated.start()]   # the place and date printed under the trích yếu
    subject = _clean(subject_text).rstrip(". ") or None
    if subject and subject.isupper():
        subject = subject[0] + subject[1:].lower()
    if not type_ and vv:
        type_ = "Công văn"    # only a công văn carries a "V/v" trích yếu (NĐ 30/2020, Phụ lục I)
    if number and (not type_ or type_from_symbol(number) in _SYMBOL_TYPES):
        type_ = type_from_symbol(number)
    d = Directive(key=number or "", number=number, type=type_ or "Công văn", date=date,
                  issuer=issuer.name if issuer else None, subject=subject and modern_tones(subject),
                  span=(st.header.start, st.header.end) if st.header else None)
    return d, issuer


_ANNEX_OF_RE = re.compile(r"(?<![a-z0-9])(?:ban hanh )?kem theo\s+")


def letter_directive(T: str, F: str, st: Structure, source: str = "") -> tuple[Directive, Agency | None]:
    """The directive of a letter whose copy lost its header: its annex's caption names it ("(Kèm
    theo Công văn số 17809/BTC-CTK ngày 17 tháng 11 năm 2025 của Bộ Tài chính)"); without one it is
    an unnumbered công văn whose issuer the caller finds."""
    lo = st.body.end if st.body else 0
    for m in _ANNEX_OF_RE.finditer(F, lo):
        tm = type_word_regex().match(F, m.end())
        if not tm:
            continue
        nums = list(find_numbers(T, tm.end(), tm.end() + 20))
        if not nums:
            continue
        s, e, number = nums[0]
        date = next((iso for ds, de, iso in dates_in(F, e, e + 40)), None)
        owner = re.compile(r"[^()]{0,40}?(?<![a-z0-9])cua\s+").match(F, e)
        issuer = None
        if owner:
            found = _bodies_in(T[owner.end():owner.end() + 120])
            issuer = found[0].agency if found and found[0].start == 0 else None
        number = normalise(number)
        return Directive(key=number, number=number, type=type_of_word(tm.group(1)), date=date,
                         issuer=issuer.name if issuer else None), issuer
    top = source[:_RECORD_REACH + _RECORD_VALUE]
    return _library_record(top, fold_keep(top)) or (Directive(key="", number=None, type="Công văn", date=None,
                                                              issuer=None), None)


# A legal library's record of the document, printed above a copy that lost its header:
# "Số hiệu: | 171/CV-BCĐ | Loại văn bản: | Công văn | Nơi ban hành: | … | Ngày ban hành: | 21/11/2025"
_RECORD_FIELD_RE = re.compile(r"(?<![a-z0-9])(so hieu|loai van ban|noi ban hanh|ngay ban hanh)\s*(?=\S)")
_RECORD_REACH = 4000    # the record sits at the top of the page
_RECORD_VALUE = 160     # one field's value: a number, a type, a body's name or a date


def _library_record(T: str, F: str) -> tuple[Directive, Agency | None] | None:
    """The directive a legal library's record names ("Số hiệu", "Loại văn bản", "Nơi ban hành", "Ngày
    ban hành"), when the copy has no header of its own; None without a number there."""
    fields: dict[str, tuple[int, int]] = {}
    for m in _RECORD_FIELD_RE.finditer(F):
        fields.setdefault(m.group(1), (m.end(), min(len(T), m.end() + _RECORD_VALUE)))
    if "so hieu" not in fields:
        return None
    lo, hi = fields["so hieu"]
    value = _record_value(T, lo, hi)
    nums = list(find_numbers(value))
    if not nums or nums[0][0] != 0:
        return None
    number = normalise(nums[0][2])
    kind = type_of_word(fold(_record_value(T, *fields["loai van ban"]))) if "loai van ban" in fields else None
    date = parse_date(fold(_record_value(T, *fields["ngay ban hanh"]))) if "ngay ban hanh" in fields else None
    issuer = _issuer_in(_record_value(T, *fields["noi ban hanh"])) if "noi ban hanh" in fields else None
    return Directive(key=number, number=number, type=kind or type_from_symbol(number), date=date,
                     issuer=issuer.name if issuer else None), issuer


def _record_value(T: str, lo: int, hi: int) -> str:
    """A record field's value: the text after its label up to the next label or cell ("**", "|" and line
    breaks of the library's table are its borders)."""
    cells = [c.strip(" *_:\t") for c in re.split(r"[|\n]", T[lo:hi])]
    cells = [c for c in cells if c]
    return cells[0] if cells else ""


@dataclass
class Reported:
    start: int            # where its text starts (the sentence that reports it)
    number_span: tuple[int, int]
    directive: Directive
    issuer_hint: int      # offset of the reporting sentence, to find its subject


def sentence_start(T: str, pos: int, floor: int = 0) -> int:
    """Where the sentence holding pos starts (a line break ends a sentence, so only the text
    after the last one before pos is scanned: linear in the paragraph, not the document)."""
    nl = T.rfind("\n", floor, pos)
    best = floor if nl < 0 else nl + 1
    for m in _SENT_END.finditer(T, best, pos):
        best = m.end()
    while best < pos and T[best] in " \t\n":
        best += 1
    return best


class SentenceStarts:
    """``sentence_start(T, pos, floor)`` for positions asked in increasing order, each piece of text
    scanned about once: a paragraph without line breaks (a PDF's or a scraper's single line) is
    not rescanned from its start for every number in it."""

    def __init__(self, T: str, floor: int):
        self.T, self.floor = T, floor
        self.pos = self.line = self.best = floor   # the last position asked, its line's start, its sentence's

    def at(self, pos: int) -> int:
        """Where the sentence holding pos starts (pos not before the position asked last)."""
        T = self.T
        if pos < self.pos:
            return sentence_start(T, pos, self.floor)
        nl = T.rfind("\n", self.pos, pos)
        if nl >= 0:
            line, best, scan = nl + 1, nl + 1, nl + 1
        else:
            # same line: a stop before the last position asked was seen then, unless it becomes a
            # sentence end only now (". " followed by blanks that ran up to that position)
            back = self.pos
            while back > self.line and T[back - 1].isspace():
                back -= 1
            if back > self.line and T[back - 1] in ".!?":
                back -= 1
            line, best, scan = self.line, self.best, max(self.best, back)
        for m in _SENT_END.finditer(T, scan, pos):
            best = m.end()
        self.pos, self.line, self.best = pos, line, best
        while best < pos and T[best] in " \t\n":
            best += 1
        return best


def reported_numbers(T: str, F: str, lo: int, hi: int) -> list[tuple[int, int, int, str]]:
    """(sentence start, number start, number end, number) of instruments a news text reports on."""
    out = []
    starts = SentenceStarts(T, lo)
    for s, e, num in find_numbers(T, lo, hi):
        sent = starts.at(s)
        if _reports(T, F, sent, s, e):
            out.append((sent, s, e, normalise(num)))
    return out


@lru_cache(maxsize=1)
def _report_words() -> tuple[re.Pattern, re.Pattern]:
    """From data/report_words.tsv (folded): a verb of issuing before any type word ("… ra Nghị quyết",
    "… đã ký Quyết định"), and the words right after a number (and its year) by which a page offers
    the instrument's text ("Quyết định N năm 2025 Tải về")."""
    words: dict[str, list[str]] = {}
    for line in (Path(__file__).with_name("data") / "report_words.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, phrase = line.split("\t")
            words.setdefault(kind, []).append(phrase)
    issue = re.compile("(" + word_alternation(words["issue"]) + r")\s+" + type_word_regex().pattern)
    offered = re.compile(r"[ \t]*(?:nam\s+(?:19|20)\d\d[ \t]*)?(?:" + alternation(words["offered"], r"\ ") + r")(?![a-z0-9])")
    return issue, offered


_MARKS_RE = re.compile(r"[*_]+")
_PUNCT_RE = re.compile(r"[^\w\s]")
_CARRIES_OUT = re.compile(r"(?<![a-z0-9])(?:thuc hien|trien khai)(?![a-z0-9])")


def _offered(T: str, F: str, sent: int, s: int, e: int) -> bool:
    """Does a legal library's page offer the text of the instrument numbered at s..e ("Theo Quyết định
    634/QĐ-UBND năm 2025 Tải về, …"), its type word printed right before the number, on the same line
    (only bold marks between), the first instrument its sentence names ("… nêu tại Nghị quyết N và Công
    văn M Tải về" offers both: M is reported where the page quotes it), and not as what another text
    carries out ("… thực hiện Kế hoạch N và Công văn M Tải về")?"""
    line = _MARKS_RE.sub(" ", T[e:e + 40].split("\n", 1)[0])
    m = _report_words()[1].match(fold_keep(line)) if "t" in line.lower() else None
    if m is None or _PUNCT_RE.search(line, 0, m.end()):
        return False
    tm = None
    for tm in type_word_regex().finditer(F, max(0, s - 30), s):
        pass
    return tm is not None and F[tm.end():s].split() in ([], ["so"]) and \
        not _CARRIES_OUT.search(F, max(sent, s - 120), s) and next(find_numbers(T, sent, s), None) is None


_LAW_NAME_BEFORE = re.compile(r"(?<![a-z0-9])luat\s+$")


def _last_cue(window: str):
    """The last words in window that report an instrument (_REPORT_CUE, or an issuing verb before a type word)."""
    cue = None
    for m in _REPORT_CUE.finditer(window):
        if not _LAW_NAME_BEFORE.search(window, 0, m.start()):
            cue = m     # ("Luật Ban hành văn bản quy phạm pháp luật" is a law's name: no act of issuing)
    for m in _report_words()[0].finditer(window):
        if cue is None or m.start() > cue.start():
            cue = m
    return cue


def _reports(T: str, F: str, sent: int, s: int, e: int) -> bool:
    """Does the sentence opening at sent report the instrument numbered at s..e?

    "… đã ban hành Kế hoạch số N", "tại văn bản số N …, X yêu cầu" report it, unless
    a citing word comes between ("ban hành … thực hiện Quyết định số N") or the sentence
    opens citing ("Triển khai chỉ đạo … tại Công điện N", "Trước đó, …"). A sentence that
    quotes an article of it ("Căn cứ Điều 5 Quyết định N quy định:", "Theo Điều 1 Nghị
    quyết N, Chính phủ …") reports it too (guide §9: legal Q&A pages).
    """
    sent = _unwrapped_start(T, sent)
    lead_in = " ".join(F[sent:sent + 40].split())
    if _quotes(T, F, sent, s, e) or _offered(T, F, sent, s, e):
        return True
    window = F[max(sent, s - 70):s]
    cue = _last_cue(window)
    if not cue:
        return False
    cites = [c for c in _CITE_CUE.finditer(window) if c.start() > cue.start()]
    if cites or lead_in.startswith(("truoc do", "truoc day")):
        return False
    # in a sentence that opens citing, "(chỉ đạo của X) tại Công điện N" is where a cited instruction
    # is written; ", tại văn bản số N, UBND Thành phố yêu cầu" still reports N, and so does an act of
    # issuing ("Tiếp theo Công điện M, Thủ tướng vừa ký Công điện N", "…, X ban hành Kế hoạch N")
    at = max(sent, s - 70) + cue.start()
    return cue.group(1).startswith("ban hanh") or cue.re is _report_words()[0] or not _OPENS_CITING.match(lead_in) or \
        T[max(sent, at - 3):at].rstrip().endswith(",")


def quotes(T: str, F: str, sent: int, s: int, e: int) -> bool:
    """Does the sentence opening at sent quote the instrument numbered at s..e: open with an article of it
    ("Căn cứ theo khoản 3 Điều 2 Nghị định N …", "Tại Điều 1 Quyết định N …") or introduce its text
    ("Theo Quyết định N … quy định như sau:")?"""
    return _quotes(T, F, _unwrapped_start(T, sent), s, e)


def _quotes(T: str, F: str, sent: int, s: int, e: int) -> bool:
    """``quotes`` from a sentence start already moved back over hard-wrapped lines."""
    lead_in = " ".join(F[sent:sent + 40].split())
    return bool(_QUOTES_ARTICLE.match(lead_in)) and _article_of(F, sent, s) or _introduces_quote(T, F, sent, s, e)


def _unwrapped_start(T: str, sent: int) -> int:
    """A sentence start at a line break is moved back over lines that end without punctuation
    (a copy hard-wrapped at 80 columns: "… nghiêm chỉ đạo của\nThủ tướng … tại Công điện số N")."""
    for _ in range(3):
        if sent == 0 or T[sent - 1] != "\n":
            break
        ls = T.rfind("\n", max(0, sent - 200), sent - 1)
        prev = T[ls + 1:sent - 1].rstrip(" \t*_") if ls >= 0 or sent < 200 else ""
        if not 40 <= len(prev) <= 100 or prev[-1] in ".!?:;|":
            break   # a paragraph of its own, not a line wrapped at ~80 columns
        sent = sentence_start(T, sent - 1, max(0, sent - 400))
    return sent


def _article_of(F: str, sent: int, s: int) -> bool:
    """Is the number at s the instrument of an article named just before it ("Điều 7 Nghị định N",
    "khoản 6 Điều 14 của Luật số N"), not one that amends it ("được sửa đổi bởi … Nghị định N")?"""
    tm = None
    for tm in type_word_regex().finditer(F, max(sent, s - 40), s):
        pass
    if not tm or F[tm.end():s].split() not in ([], ["so"]) or _AMENDED_BY.search(F, max(sent, s - 80), s):
        return False
    return bool(_ARTICLE_REF.search(F, max(sent, tm.start() - 40), tm.start()))


def _introduces_quote(T: str, F: str, sent: int, s: int, e: int) -> bool:
    """"… theo Quyết định N … được quy định như sau:", "Nghị định số N quy định các trường hợp sau:": does
    the line name N after "theo / tại" (or open with it) and go on to end with the words that introduce
    a quotation?"""
    tm = None
    for tm in type_word_regex().finditer(F, max(0, s - 30), s):
        pass
    if not tm or F[tm.end():s].split() not in ([], ["so"]):
        return False
    if not _BY.search(F, max(0, tm.start() - 8), tm.start()) and F[sent:tm.start()].strip() and \
            not (_ARTICLE_REF.search(F, max(sent, tm.start() - 40), tm.start()) and
                 not _AMENDED_BY.search(F, max(sent, s - 80), s)):
        return False   # (nor an article of it: "… thì căn cứ khoản 3 Điều 2 Nghị định N quy định:"; not the
        #                 article that amends it: "…, được sửa đổi bởi khoản 2 Điều 1 Nghị định M quy định:")
    end = T.find("\n", e, e + 300)
    if end < 0 or not T[e:end].rstrip(" *_").endswith(":"):
        return False
    return bool(_QUOTE_WORDS.search(F, e, end))


def _dated_at(F: str, e: int) -> str | None:
    """"… số 12/KH-UBND ngày 05/3/2025": the date printed right after a number."""
    after = F[e:e + 40]
    return parse_date(after) if re.match(r"\s*ngay\s", after) else None


def _dated_elsewhere(T: str, F: str, number: str, skip: int) -> str | None:
    """The date printed after another mention of the same number in the text, else the date that
    opens the sentence of another mention ("Ngày 10 tháng 3 năm 2025, UBND tỉnh ban hành Quyết định số N")."""
    opening = None
    for s, e, num in numbers_valued(T, number):
        if s != skip:
            date = _dated_at(F, e)
            if date:
                return date
            opening = opening or _opening_date(F, sentence_start(T, s, max(0, s - 1500)), s)
    return opening


def _opening_date(F: str, sent: int, s: int) -> str | None:
    """The date that opens the sentence (from sent) of a number at s ("Ngày 14/4/2025, …")."""
    for ds, de, iso in dates_in(F, sent, s):
        return iso if ds - sent <= 12 else None
    return None


def describe(T: str, F: str, sent: int, s: int, e: int, number: str) -> Directive:
    """Type, date and subject of a reported instrument from the words around its number."""
    before = F[max(sent, s - 40):s]
    type_ = None
    for tm in type_word_regex().finditer(before):
        type_ = type_of_word(tm.group(1))
    if not type_:
        type_ = type_from_symbol(number)
    # the date after this mention or another; the date that opens the reporting sentence ("Ngày
    # 14/4/2025, … ban hành Kế hoạch số …") or another's; else the last one before the number
    date = _dated_at(F, e) or _opening_date(F, sent, s) or _dated_elsewhere(T, F, number, s)
    if not date:
        for ds, de, iso in dates_in(F, sent, s):
            date = iso
    subject = None
    sm = re.search(r"ve viec\s", F[e:e + 120])
    if sm:
        start = e + sm.end()
        stop = re.search(r"[,.;\n]\s|$", T[start:start + 400])
        subject = T[start:start + stop.start()].strip()
        subject = subject[0].upper() + subject[1:] if subject else None
    return Directive(key=number, number=number, type=type_, date=date, issuer=None, subject=subject, span=(s, e))


def unnumbered_type(T: str, F: str) -> str:
    """For a text that reports an unnumbered plan: the capitalised type word it uses most."""
    counts: Counter = Counter()
    for m in type_word_regex().finditer(F):
        if T[m.start()].isupper() and m.group(1) != "van ban":
            counts[type_of_word(m.group(1))] += 1
    return counts.most_common(1)[0][0] if counts else "Kế hoạch"
