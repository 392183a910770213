"""Citations between directives (guide §5, §8, §9).

Every numbered instrument named in a directive's text is a citation from it,
except the directive's own number and the other directives the text reports.
The relation comes from the words that open the clause: "Căn cứ / Theo /
Xét / Trên cơ sở" -> basis, "Thực hiện / Triển khai / Để (tiếp tục) thực
hiện / Nhằm triển khai / để cụ thể hóa" -> implements, anything else ("tuân thủ theo …", "Trước đó … đã ban
hành …", "thay thế …") -> mentions. A clause that only continues a list ("…;
Nghị định số …", "Căn cứ:\\n- Luật …") takes the relation of the clause it
continues. Type, date and issuer of the cited instrument come from the words
around its number.

Where an official text cites: its whole own text, from its number in the
header (the trích yếu and the "Căn cứ" lines may be printed inside what the
header parser took) to the end of the document proper (ingest.layout: before
a legal library's furniture), attached plans, appendices and footnotes
included, but not the Nơi nhận list.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .agencies import Context, find_mentions
from .dates import dates_in, parse_date
from .directives import OWN_NUMBER_RE
from .lexicon import alternation, verbs
from .numbers import find_numbers, issuer_from_symbol, normalise, type_from_symbol, type_of_word, type_word_regex
from .records import Citation, Directive
from .structure import TYPE_LINE, Structure

_MARKUP = " \t*_|#>"
_BULLET_LINE = re.compile(r"[ \t*_|#>]*(?:[-+•–]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\))(?:\s|$)")
_BACK_LIMIT = 1500                          # how far back a clause's opening is looked for
# where the quoted evidence of a citation stops: the clause's end, a blank line or a table cell
_CLAUSE_STOP = re.compile(r"[;|]|\.(?=\s|$)|\n[ \t*_]*\n")


@dataclass(frozen=True)
class _Cues:
    basis: re.Pattern          # a clause opening that states a ground
    implements: re.Pattern     # a clause opening that carries an instrument out
    continues: re.Pattern      # a clause that only goes on with the instrument before
    form: re.Pattern           # the words before a form's or a registration's code


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    """The regexes of data/citation_words.tsv, on folded text."""
    words: dict[str, list[str]] = {}
    for line in (Path(__file__).with_name("data") / "citation_words.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, phrase = line.split("\t")
            words.setdefault(kind, []).append(phrase)
    # the opening words come after a list marker ("2.", "b)", "II.") or "V/v"
    lead = r"^(?:\W*)(?:(?:\d{1,2}|[ivxl]{1,4}|[a-z])\s+)*(?:v v\s+|ve viec\s+)?"
    before = rf"(?:(?:{alternation(words['before'])})\s+)*"
    return _Cues(
        basis=re.compile(lead + rf"(?:{alternation(words['basis'])})(?![a-z0-9])"),
        implements=re.compile(lead + before + rf"(?:{alternation(words['implements'])})(?![a-z0-9])"),
        continues=re.compile(r"^(?:va\s+|cac\s+)?(?:so\s+)?$|^(?:va\s+)?(?:da\s+)?(?:duoc\s+)?"
                             rf"(?:{alternation(words['continues'])})"),
        form=re.compile(rf"(?<![a-z0-9])(?:(?:{alternation(words['form'])})\s+(?:so\s+)?|(?:{alternation(words['code'])})\s+)$"))


def _opens_citing(T: str, F: str, pos: int) -> bool:
    """Does the line at pos open with a capital and a relation's words ("Căn cứ …", "Xét …", "Thực hiện …")?
    Such a line opens a clause whatever the line before ends with."""
    while pos < len(T) and T[pos] in _MARKUP:
        pos += 1
    if not T[pos:pos + 1].isupper():
        return False
    opening = F[pos:pos + 40]
    return bool(_cues().basis.match(opening) or _cues().implements.match(opening))


def citations(T: str, F: str, ranges: list[tuple[int, int]], source: Directive, ctx: Context,
              skip: set[str] | None = None) -> list[Citation]:
    """The numbered citations of ``source`` in the given stretches of T (offsets into T)."""
    out: list[Citation] = []
    seen = {_key(source.number)} if source.number else set()
    seen |= {_key(n) for n in skip or ()}
    for lo, hi in ranges:
        numbers = list(find_numbers(T, lo, hi))
        for i, (s, e, num) in enumerate(numbers):
            num = normalise(num)
            if _key(num) in seen or _cues().form.search(F, max(lo, s - 14), s):
                continue
            seen.add(_key(num))
            nxt = numbers[i + 1][0] if i + 1 < len(numbers) else hi
            out.append(_citation(T, F, lo, hi, s, e, nxt, num, source, ctx))
    return _well_formed(out)


def _well_formed(cits: list[Citation]) -> list[Citation]:
    """One record per instrument printed both with and without a hyphen ("03/2021/TTBKHĐT" beside
    "03/2021/TT-BKHĐT"): the well-formed printing."""
    best: dict[str, Citation] = {}
    for c in cits:
        k = _key(c.to).replace("-", "")
        if k not in best or c.to.count("-") > best[k].to.count("-"):
            best[k] = c
    keep = {id(c) for c in best.values()}
    return [c for c in cits if id(c) in keep]


def _key(number: str) -> str:
    """A number compared as the scorer does: no spaces, upper case, Đ as D."""
    return normalise(number).upper().replace("Đ", "D")


def _citation(T: str, F: str, lo: int, hi: int, s: int, e: int, nxt: int, num: str, source: Directive,
              ctx: Context) -> Citation:
    """The citation of the number at s..e: its relation, type, date, issuer and the clause quoted."""
    start = _clause_start(T, F, lo, s)[0]
    while start < s and T[start] in _MARKUP + "\n-+•–":
        start += 1
    stop = _CLAUSE_STOP.search(T, e, min(hi, e + 400))
    end = stop.start() + (stop.group()[0] in ";.") if stop else min(hi, e + 400)
    issued_by, issued_on = _issued_in_sentence(T, F, start, s, ctx)
    issuer = _issuer_before(T, F, start, s, ctx) or issued_by or \
        _cited_issuer(T, F, e, min(nxt, end, e + 250), ctx, num)
    return Citation(source=source.key, to=num, relation=relation(T, F, lo, s), to_type=_cited_type(F, lo, s, num),
                    to_date=_cited_date(F, e) or issued_on, to_issuer=issuer, span=(start, end))


def _issued_in_sentence(T: str, F: str, start: int, s: int, ctx: Context) -> tuple[str | None, str | None]:
    """"Ngày 30/6/2025, Chính phủ ban hành Nghị định số N", "Cục Thuế có công văn số N": the body
    just before the verb issued N, on the date that opens the sentence."""
    m = _issued_regex().search(F, max(start, s - 60), s)
    if not m:
        return None, None
    ms = [x for x in find_mentions(T, F, max(start, m.start() - 150), m.start(), ctx) if not x.generic]
    issuer = ms[-1].agency.name if ms and not F[ms[-1].end:m.start()].strip() else None
    date = None
    if F[start:start + 5].strip().startswith("ngay"):
        date = next((iso for _, _, iso in dates_in(F, start, m.start())), None)
    return issuer, date


def _clause_start(T: str, F: str, lo: int, s: int) -> tuple[int, str]:
    """Where the clause holding offset s opens, and what separates it from the one before.

    Clauses end at ";" and ":", sentences at ". ", at a line that ends in one of
    ".;:!?" and before a bullet or numbered line; a line that ends otherwise is
    a wrapped line of the same sentence (copies hard-wrapped at 80 columns).
    The separator is "" when the clause opens a sentence or paragraph.
    """
    floor = max(lo, s - _BACK_LIMIT)
    i = s - 1
    while i >= floor:
        c = T[i]
        if c in ";:":
            return i + 1, c
        if c in ".!?" and (i + 1 >= len(T) or T[i + 1] in " \t\n*_") and not T[i - 1:i].isdigit():
            return i + 1, ""
        if c == "\n":
            if _BULLET_LINE.match(T, i + 1):
                prev = T[max(floor, T.rfind("\n", floor, i) + 1):i].rstrip(_MARKUP)
                return i + 1, prev[-1:] if prev[-1:] in (";", ":") else ""
            ls = T.rfind("\n", floor, i) + 1
            prev = T[max(floor, ls):i].rstrip(_MARKUP)
            if not prev.strip(_MARKUP) or prev[-1] in ".!?" or prev.isupper() or _opens_citing(T, F, i + 1):
                return i + 1, ""
            if prev[-1] in ";:":
                return i + 1, prev[-1]
        i -= 1
    return floor, ""


def relation(T: str, F: str, lo: int, s: int) -> str:
    """basis | implements | mentions, from the opening of the clause citing at offset s."""
    pos = s
    for _ in range(20):
        start, sep = _clause_start(T, F, lo, pos)
        opening = " ".join(F[start:pos].split())
        if _cues().basis.match(opening):
            return "basis"
        if _cues().implements.match(opening):
            return "implements"
        # "…; Nghị định số …" / "Căn cứ:\n- Luật …": a list item continues the clause before it
        if not sep or start <= lo or not _continues(opening):
            return "mentions"
        pos = start - 1
    return "mentions"


def _continues(opening: str) -> bool:
    """Is a clause opening only an instrument's name ("Nghị định số", "và Thông tư", "Luật X số")?"""
    m = type_word_regex().match(opening.lstrip("- "))
    if m:
        return True
    return bool(_cues().continues.match(opening))


def _cited_type(F: str, lo: int, s: int, num: str) -> str:
    """The type word printed before the number, else its symbol's: "văn bản số 213-KL/TW" -> Kết luận,
    "công văn số 3316/CT-CS" -> Công văn (CT is the office's code here)."""
    word = None
    for tm in type_word_regex().finditer(F, max(lo, s - 30), s):
        word = tm.group(1)
    if not word or word == "van ban":   # "văn bản" says no more than "a document"
        return type_from_symbol(num)
    return type_of_word(word)


def _cited_date(F: str, e: int) -> str | None:
    """"số N ngày 12/3/2025": the date printed right after the number."""
    after = F[e:e + 30]
    return parse_date(after) if re.match(r"\s*(ngay\s)?\d", after) else None


def _issuer_before(T: str, F: str, start: int, s: int, ctx: Context) -> str | None:
    """"(đề nghị / chỉ đạo) của X tại Tờ trình số N": X issued N."""
    window = F[max(start, s - 200):s]
    m = _of_at_regex().search(window)
    if not m:
        return None
    at = s - len(window) + m.start()
    cua = F.rfind("cua ", max(start, s - 200), at)
    if cua < 0:
        return None
    ms = [x for x in find_mentions(T, F, cua + 4, at, ctx) if not x.generic]
    return ms[0].agency.name if ms and _right_after(F, cua + 4, ms[0].start) and ms[-1].end >= at - 2 else None


def _right_after(F: str, pos: int, start: int) -> bool:
    """Does a body's name start at pos, after nothing but office titles ("của Bộ trưởng, Chủ nhiệm
    Văn phòng Chính phủ", "của Giám đốc Sở Y tế": the office's body issued it)?"""
    return start - pos < 3 or bool(_titles_regex().fullmatch(F, pos, start))


def _cited_issuer(T: str, F: str, e: int, window_end: int, ctx: Context, num: str) -> str | None:
    """"của X" after the number (and its date / subject), before the next number; else the symbol's issuer."""
    cm = re.search(r"(?<![a-z0-9])cua\s", F[e:window_end])
    if cm:
        ms = [m for m in find_mentions(T, F, e + cm.end(), window_end, ctx) if not m.generic]
        if ms and _right_after(F, e + cm.end(), ms[0].start):
            return ms[0].agency.name
    return issuer_from_symbol(num)


@lru_cache(maxsize=1)
def _of_at_regex() -> re.Pattern:
    """"… của X tại Công văn số " just before a number (folded text)."""
    return re.compile(r"\stai\s+(?:cac\s+)?" + type_word_regex().pattern + r"\s+(?:so\s+)?$")


@lru_cache(maxsize=1)
def _issued_regex() -> re.Pattern:
    """"(đã / vừa) ban hành / có / ký <type> (số) " just before a number (folded text)."""
    return re.compile(r"(?<![a-z0-9])(?:da\s+|vua\s+)?(?:ban hanh|co|ky)\s+" + type_word_regex().pattern +
                      r"\s+(?:so\s+)?$")


@lru_cache(maxsize=1)
def _titles_regex() -> re.Pattern:
    """Office titles (verbs.tsv "title") in a row, with commas: "bo truong  chu nhiem "."""
    titles = alternation(set(verbs().get("title", {})) | {"chu nhiem"})
    return re.compile(rf"\s*(?:(?:{titles})(?![a-z0-9])[\s,]*)+")


# ---- where an official text cites ------------------------------------------------------------------


def official_ranges(T: str, F: str, st: Structure, end: int) -> list[tuple[int, int]]:
    """The stretches of an official text that can cite: from its own number in the header to the
    end of the document proper (``end``, before a library's furniture), without the Nơi nhận list."""
    lo = st.body.start
    if st.header:
        # after the number in the header (the trích yếu may cite); without one, from the type line (its
        # trích yếu: "NGHỊ QUYẾT / Sửa đổi … Nghị quyết số N") or the first Căn cứ line
        m = OWN_NUMBER_RE.search(T, st.header.start, st.header.end)
        tl = None if m else TYPE_LINE.search(T, st.header.start, st.header.end)
        cue = None if m else tl.end() if tl else _first_citing_line(T, F, st.header.start, st.header.end)
        if m or cue is not None:
            lo = min(lo, m.end(1) if m else cue)
    nn = st.noi_nhan
    if nn and lo <= nn.start and nn.end <= end:
        return [(a, b) for a, b in ((lo, nn.start), (nn.end, end)) if b > a]
    return [(lo, end)]


def _first_citing_line(T: str, F: str, lo: int, hi: int) -> int | None:
    """The start of the first line in T[lo:hi] that opens citing ("Căn cứ …")."""
    pos = lo
    while pos < hi:
        if _opens_citing(T, F, pos):
            return pos
        nl = T.find("\n", pos, hi)
        if nl < 0:
            return None
        pos = nl + 1
    return None
