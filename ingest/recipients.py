"""Recipients: "Kính gửi" lines are addressed, "Nơi nhận" lines copied (guide §4, §8, §9).

A recipient list is read line by line from its marker: bullets, and lines that
continue an unfinished one (the scraper breaks names mid-word), up to a table
border, a blank line, "Lưu: …" or running text. Each item is one body, a list of
bodies sharing a place ("Tỉnh ủy, HĐND, UBND tỉnh X"), or a list after a head and
a colon ("Các Bộ: TC, XD", "VPCP: …, các Vụ: CN, KTTH", "Văn phòng: Tỉnh ủy, UBND
tỉnh", "TT: Quận ủy, HĐND Quận"). The printed abbreviations of these lines are
written out first (``data/recipient_vocab.tsv``), then bodies are recognised as in
the body of the text (``agencies.find_mentions``).

"Như trên" and "Lưu: VT…" are not agencies. In "Nơi nhận" a line that names people
or roles ("CT, các PCT UBND TP", "CV: LĐ, YT", "Lãnh đạo Cục") gives nothing; in
"Kính gửi" a head stands for its body ("Chủ tịch UBND các tỉnh: A, B" -> UBND tỉnh
A, UBND tỉnh B; "Bí thư Tỉnh ủy, Thành ủy" -> the Party committee of each place).
"Thủ tướng, các Phó Thủ tướng" is the Thủ tướng Chính phủ. A name still holding an
internal code ("Phòng VX", "Cục CST") is not named in full and gives nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import lexicon
from .agencies import DESCRIBED_KINDS, Context, Mention, canonical_levels, find_mentions
from .linepattern import LinePattern
from .records import Agency, Recipient
from .structure import BULLET_RE, KINH_GUI_RE, NOI_NHAN_RE, RUNNING_TEXT_RE, Structure
from .textnorm import fold, fold_keep, modern_tones, squash_spaces

_VOCAB = Path(__file__).with_name("data") / "recipient_vocab.tsv"

# Items of a list: at most this many characters are read after the marker.
_MAX_LIST = 4000
_MAX_ITEM = 400
# A line that is only a table border, an empty bold mark or rule.
_BORDER = re.compile(r"^[\s|*_\-–]*$")
# Filing marks and back-references: "Lưu: VT", "Như trên", "Như Điều 3".
_FILING = re.compile(r"^(luu|nhu tren|nhu dieu|nhu kinh gui|nhu muc|nhu khoan|nhu thanh phan)(?![a-z0-9])")
_OPENER = RUNNING_TEXT_RE   # running text after an address block ("Căn cứ …", "Thực hiện …", "Ngày 30/6/2025, …")
# The same, capitalised inside a line: where an address line joined with the text gives way to it.
_SENTENCE = re.compile(r"\s(?:Căn cứ|Thực hiện|Theo|Ngày|Triển khai|Tiếp theo|Xét|Để|Trong|Hiện nay|Qua|Nhằm|"
                       r"Vừa qua|Cuối|Thời gian|Sau khi|Trước|Về việc|Trả lời)\s")
# An address to a person ("Kính gửi: Bà Nguyễn Thị A", "Ông …", "Quý …"): no body.
_PERSON = re.compile(r"^(?:Ông|Bà|Quý|Anh|Chị)\s")
_COLUMN_GAP = re.compile(r"\S(?: {4,}|\t+)(?=\S)")   # two columns of a plain-text foot, side by side
_COPY_MARKER = LinePattern(r"N[ơo]i nh[ậa]n\W*?:[\s*_]*", re.I)
_OWN_SITE = re.compile(r"(Website|Trang web|Trang tin điện tử)\s*[-–(]?\s*([A-ZĐ]{1,8})\)?$")   # "Website (CT)"
_OFFICES = {"van phong chinh phu": "Văn phòng Chính phủ"}   # the offices of the unit table (recipient_vocab.tsv)
_OWN_TAIL = re.compile(r"(?<=[A-ZĐ])[-–]([A-ZĐ]{1,8})$")
_COLLECTIVE_WORD = re.compile(r"\s(?:các|\d+)\s")   # "UBND các tỉnh", "UBND 34 tỉnh, thành phố"
_LONE_BULLETS = {"-", "–", "+", "•"}
# a line that ends in an abbreviated level word ("…, phường Xuân Hòa, TP.") goes on: its dot ends no item
_ABBREVIATED_END = re.compile(r"(?<![^\W\d_])(?:TP|Tp|TX|Tx|TT|Q|P|H)\.$")
_LUU = re.compile(r"^\W*luu(?![a-z0-9])")   # "Lưu: VT" closes the list
_TOKEN = re.compile(r"[^\W_]+(?:&[^\W_]+)*\.?")
_STANDING_LEAD = re.compile(r"^(?:TT|TTr)\s*[.:]\s*|^TT\s+(?=[A-ZĐÀ-Ỹ])")
# A name part that is an internal code: two or more capitals (not a Roman numeral).
_CODE = re.compile(r"(?<![\w])(?!(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3})(?![\w]))(?:[A-ZĐ]{2,}[A-ZĐ0-9]*|[A-ZĐ]+\d+)(?![\w])")
_TITLE_JOIN = re.compile(r"[\s,]*(?:kiem\s|va\s)?")
_ELEMENT = re.compile(r"[,;:(]\s*|\s(?:va|kiem)\s")    # where an element of a list starts
_SEP = re.compile(r"^[\s,;&]*(?:và\s*)?$")
_PARENT_GAP = re.compile(r"^\s*(?:[-–,/]|\()\s*$")
_GROUP = re.compile(r"(?<![\w])(Tập đoàn|Tổng công ty)\s+(?=[^\W\d_])")
# "các Tập đoàn, Tổng công ty trực thuộc Bộ A, Bộ B": one collective per parent
_SUBORDINATE = re.compile(r"(?<![\w])các\s+((?:tập đoàn|tổng công ty)(?:\s*,\s*(?:tập đoàn|tổng công ty))*)\s+"
                          r"(?:trực\s+)?thuộc\s+", re.I)
# Levels listed without "các" after a body ("UBND xã, phường"): a collective all the same (guide §9);
# not after a count ("UBND 34 tỉnh, thành phố" is that collective already), nor inside "thị xã" ("các huyện,
# thị xã, thành phố": no "xã, thành phố" collective)
_LEVEL = r"(?:xã|phường|đặc khu|thị trấn|tỉnh|thành phố|quận|huyện|thị xã)"
_BARE_COLLECTIVE = re.compile(rf"(?<=\s)(?<!các\s)(?<!,\s)(?<!và\s)(?<!\d\s)(?<![Tt]hị\s)({_LEVEL}(?:\s*,\s*|\s+và\s+){_LEVEL}(?:(?:\s*,\s*|\s+và\s+){_LEVEL})*)"
                              r"(?=\s*(?:[;,.(]|$))")
# Units a central issuer copies without naming itself: the Ban of a Cục, the Vụ of a Bộ.
_OWN_UNITS = {"cuc": ("ban", "ban_ten"), "bo": ("vu",)}
_UNIT_KINDS = {"cuc", "vu", "phong", "ban"}
_PARENT_KINDS = {"bo", "chinh_phu", "cuc"}
_FIELD_LISTS = {"cac bo": "Bộ", "bo": "Bộ", "cac bo co quan": "Bộ", "cac bo nganh": "Bộ", "so": "Sở", "cac so": "Sở",
                "cac so nganh": "Sở"}
_GROUP_LISTS = {"cac tap doan", "tap doan", "cac tap doan tong cong ty"}


@dataclass(frozen=True)
class _Vocab:
    abbr: dict[str, str]                  # printed token -> written out
    titles: re.Pattern                    # folded titles of people
    prefixes: tuple[tuple[str, str, str], ...]   # (folded words, canonical words, mode), longest first
    fields: dict[str, str]                # folded code -> field
    units: dict[str, dict[str, str]]      # folded office -> {folded code: unit name}
    groups: dict[str, str]                # folded short name -> group name
    spellings: tuple[tuple[str, str], ...]   # printed phrase -> canonical phrase


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    abbr, titles, prefixes, fields, units, groups, spellings = {}, [], [], {}, {}, {}, []
    for line in _VOCAB.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        row = line.split("\t")
        sec = row[0]
        if sec == "abbr":
            abbr[row[1]] = row[2]
        elif sec == "title":
            titles.append(row[1])
        elif sec == "prefix":
            prefixes.append((row[1], row[2], row[3]))
        elif sec == "field":
            fields[fold(row[1])] = row[2]
        elif sec == "unit":
            office, code = row[1].split("|")
            units.setdefault(office, {})[fold(code)] = row[2]
        elif sec == "group":
            groups[fold(row[1])] = row[2]
        elif sec == "spell":
            spellings.append((row[1], row[2]))
    title_re = re.compile(r"\s*(?:cac\s+)?(?:" + lexicon.alternation(titles) + r")(?![a-z0-9])")
    prefixes.sort(key=lambda p: -len(p[0]))
    return _Vocab(abbr, title_re, tuple(prefixes), fields, units, groups, tuple(spellings))


# ---------------------------------------------------------------- the lists and their items

def _address_marker(T: str, st: Structure) -> re.Match | None:
    """The "Kính gửi:" (or a telegram's "… điện:") that opens the address block.

    The structure's block is used when it found one; otherwise the marker is looked
    for before "Nơi nhận", at the start of a line or after the capitals of the sender.
    """
    if st.kinh_gui is not None:
        return KINH_GUI_RE.match(T, st.kinh_gui.start)
    hi = min(st.noi_nhan.start if st.noi_nhan else len(T), 8000)
    for m in KINH_GUI_RE.finditer(T, 0, hi):
        line_start = T.rfind("\n", 0, m.start()) + 1
        before = T[line_start:m.start()].strip(" *_#|")
        if not before or (before.upper() == before and any(c.isalpha() for c in before)):
            return m
    return None


def _items(T: str, start: int, hi: int) -> list[tuple[int, int]]:
    """(start, end) of each item of the list that starts at ``start``, right after its marker.

    An item is a bullet line, a line after one that ended with ';', or the first line;
    a line continues the item before it when that one is unfinished or the line starts
    in lower case. The list ends at a table border or a blank line followed by text, at
    running text ("Căn cứ …"), after "Lưu: …", and at the end of a table cell.
    """
    items: list[list[int]] = []
    pos, ended, gap, filing, dangling = start, ".", False, False, False
    for line in T[start:min(hi, start + _MAX_LIST)].split("\n"):
        ls = pos
        pos += len(line) + 1
        cell = line.find("|")
        in_row = cell >= 0 and bool(line[:cell].strip(" *_"))   # text, then the border of its cell
        le = ls + (cell if in_row else len(line))
        column = _COLUMN_GAP.search(T, ls, le)
        if column and T.count("(", ls, column.start()) > T.count(")", ls, column.start()):
            column = None     # inside an address in brackets: marks the copy blanked, not a second column
        if column:
            le = column.start() + 1   # "- Sở Y tế;          PHÓ CHỦ TỊCH": the signature's column is not the list's
        body = T[ls:le].strip().strip("*_").strip()
        if body in _LONE_BULLETS and "|" not in line:
            dangling = True     # "-" alone on its line: the copy put the item on the next one
            continue
        if not body or _BORDER.match(body):
            if items and "|" in line:
                break
            # (a line of spaces after an item ending in ";" is a mark the copy blanked, a lone "-": no gap)
            gap = gap or (bool(items) and not (line and ended == ";"))
            continue
        bm = BULLET_RE.match(T, ls)
        bullet = (bm is not None and bm.end() < le) or dangling
        dangling = False
        opener = _OPENER.match(fold(body))
        open_paren = bool(items) and T.count("(", *items[-1]) > T.count(")", *items[-1])
        wrapped = bool(items) and not bullet and not gap and not opener and le - items[-1][0] < _MAX_ITEM and (
            body[:1].islower() or open_paren or
            (not ended and not (body[:1].isupper() and _complete(T, *items[-1]))))
        if wrapped:
            items[-1][1] = le     # a wrapped line of the same item
        elif not items or (bullet and not filing) or (ended == ";" and not gap and not opener and not filing):
            items.append([ls, le])
        else:
            break
        filing = bool(_LUU.match(fold(T[items[-1][0]:items[-1][1]])))
        tail = body.rstrip("*_ ")[-1:]
        ended = tail if tail in (";", ".") and not _ABBREVIATED_END.search(body.rstrip("*_ ")) else ""
        gap = False
        if in_row or items[-1][1] - items[-1][0] > _MAX_ITEM or _SENTENCE.search(T, items[-1][0], items[-1][1]):
            break       # the end of a table cell, or a line that runs on into the text (joined by the copy)
    return [(s, e) for s, e in items]


def _complete(T: str, s: int, e: int) -> bool:
    """The item ends with the name of a body ("Kính gửi: Thuế tỉnh Ninh Bình" before a capitalised line of text)."""
    text = T[s:e].rstrip(" *_")
    if text.endswith((",", "và", "&", "-")):
        return False      # the list goes on
    ms = [m for m in find_mentions(text, fold_keep(text), 0, len(text), Context()) if not m.generic]
    return bool(ms) and ms[-1].end >= len(text.rstrip(" .;,"))


def _segments(text: str) -> list[str]:
    """An item split at ';' ("TT. Tỉnh ủy; TT. HĐND tỉnh"), unless a list head carries its members over it."""
    first = text.split(";", 1)[0]
    if ":" in first:
        return [text]
    return text.split(";")


# ---------------------------------------------------------------- reading one segment

@lru_cache(maxsize=1)
def _centre_lead() -> re.Pattern:
    """"TT Thông tin - Công báo", "TT PVHCC": "TT" before a centre's field (recipient_vocab.tsv 'centre') is
    a Trung tâm, not the standing committee ("TT Tỉnh ủy")."""
    words = [line.split("\t")[1] for line in _VOCAB.read_text(encoding="utf-8").splitlines()
             if line.startswith("centre\t")]
    return re.compile(r"^TT\s+(?=(?:" + "|".join(words) + r")(?![\w]))")


def _expand(text: str, ctx: Context) -> str:
    """Printed abbreviations written out ("Cổng TTĐT" -> "Cổng Thông tin điện tử", "NN&MT" -> "NN và MT")."""
    for printed, canonical in _vocab().spellings:
        text = text.replace(printed, canonical)
    abbr = _vocab().abbr
    party = "Thành ủy" if ctx.province_word == "thành phố" else "Tỉnh ủy"

    def word(w: str) -> str:
        if w in abbr:
            return abbr[w]
        if w == "TU":
            return party
        if w == "TTTU":
            return "Thường trực " + party
        if w == "VPTU":
            return "Văn phòng " + party
        return w

    def sub(m: re.Match) -> str:
        w = m.group()
        core = w[:-1] if w.endswith(".") else w
        if "&" in core:
            return " và ".join(word(p) for p in core.split("&"))
        out = word(core)
        return out if out != core else w

    text = _initials_place(text.strip(), ctx)
    if ctx.ministry and ctx.ministry.startswith("Bộ "):
        text = _OWN_MINISTRY.sub(lambda m: m.group(1) + ctx.ministry, text)   # "Cổng TTĐT của Bộ"
    text = _centre_lead().sub("Trung tâm ", text) if text.startswith("TT ") else text
    text = _STANDING_LEAD.sub("Thường trực ", text)
    text = _BARE_COLLECTIVE.sub(r"các \1", squash_spaces(_TOKEN.sub(sub, text)))
    return canonical_levels(text)   # the canonical order of the communes' collective


# "Bộ" alone closing a portal's name ("Cổng TTĐT của Bộ", "Website Bộ"): the portal of the issuing ministry
_OWN_MINISTRY = re.compile(r"((?:TTĐT|điện tử|Website)\s+(?:của\s+)?)Bộ(?=\s*\)?\s*$)")
# what a copy is sent for, in brackets ("(để đăng tải trên Cổng TTĐT của Bộ)", "(để b/c)"): no recipient of its own
_PURPOSE = re.compile(r"\(\s*[*_]*\s*để\s[^()]*\)")
_LAST_CODE = re.compile(r"(?<=\w)\s+([A-ZĐ]{2,4})(?=\s*(?:,|$))")


def _initials_place(text: str, ctx: Context) -> str:
    """"Báo và Phát thanh - Truyền hình NA" in a Nghệ An text: a name that ends (before a comma or the line's
    end) in the initials of the context's province ("NA", "HP", "LĐ") names that province there."""
    if not ctx.province:
        return text
    place = f" {ctx.province_word} {ctx.province}"
    return _LAST_CODE.sub(lambda m: place if m.group(1) == _initials(ctx.province) else m.group(0), text)


@lru_cache(maxsize=64)
def _initials(name: str) -> str:
    """"Nghệ An" -> "NA", "Đà Nẵng" -> "ĐN": the first letters of a place's words, in capitals."""
    return "".join(w[0] for w in name.split()).upper()


_FUNCTION_WORD = re.compile(r"(?:và|của|các|thuộc|trực|có|cấp|tại|về)(?!\w)")


def _name_cased(S: str) -> str:
    """A copied body written in sentence case ("Trung tâm thông tin tỉnh", "Cục kiểm tra văn bản (Bộ Tư
    pháp)"): a recipient line is a name, so the word after an open head opens that name (as in running
    text, where "Trung tâm thông tin" would be a common phrase)."""
    hm = lexicon.head_regex().match(fold_keep(S))
    head = lexicon.heads()[" ".join(hm.group(1).split())] if hm else None
    if head is None or head.mode != "open" or (head.kind in DESCRIBED_KINDS and head.kind != "cong_ty"):
        return S      # (boards and offices are read in lower case already: "Ban quản lý rừng phòng hộ …"; a
        #               company in lower case is a class of companies in running text, not in a copy list)
    q = hm.end()
    while q < len(S) and S[q] == " ":
        q += 1
    if q == hm.end() or not S[q:q + 1].islower() or _FUNCTION_WORD.match(S, q):
        return S
    return S[:q] + S[q].upper() + S[q + 1:]


def _title_end(F: str, pos: int = 0) -> int:
    """End of the titles of people at pos ("Chủ tịch, các Phó Chủ tịch", "Chủ tịch kiêm Tổng giám đốc"), or pos."""
    titles = _vocab().titles
    end = pos
    while True:
        m = titles.match(F, end)
        if not m:
            return end
        end = m.end()
        nxt = _TITLE_JOIN.match(F, end)
        if nxt and titles.match(F, nxt.end()):
            end = nxt.end()


def _skip(F: str, p: int) -> int:
    """Past the separators at p."""
    while p < len(F) and F[p] in " ,;:":
        p += 1
    return p


def _without_titles(S: str) -> tuple[str, bool]:
    """An address line with the titles that open its elements dropped, and whether a Party secretary was named.

    "Bí thư Tỉnh ủy, Thành ủy, Chủ tịch UBND các tỉnh: A, B" -> "Tỉnh ủy, Thành ủy, UBND các tỉnh: A, B".
    """
    F = fold_keep(S)
    party = False
    out, last = [], 0
    starts = [0] + [m.end() for m in _ELEMENT.finditer(F)]
    for p in starts:
        if p < last:
            continue
        t = _title_end(F, p)
        if t > p:
            party = party or "bi thu" in F[p:t]
            out.append(S[last:p])
            last = t
    out.append(S[last:])
    text = squash_spaces(" ".join(out))
    text = re.sub(r"^[\s,;:]*(?:và\s+)?", "", text)
    text = re.sub(r"\s+([,:;])", r"\1", text)
    return text[:1].upper() + text[1:], party


def _named_in_full(a: Agency) -> bool:
    """No internal code left in the name ("Phòng VX", "Trung tâm TT", "Cục CST")."""
    return not _CODE.search(a.name)


def _compose(prefix: str, mode: str, a: Agency) -> Agency:
    """"Thường trực" + HĐND tỉnh X, "Văn phòng" + Tỉnh ủy X, "Cổng Thông tin điện tử" + Bộ Y tế."""
    kind = {"Văn phòng": "van_phong", "Cổng Thông tin điện tử": "bao_chi", "Trang thông tin điện tử": "bao_chi",
            "Đảng ủy": "dang"}.get(prefix, a.kind if mode == "all" else "ban")
    return Agency(f"{prefix} {a.name}", kind, a.level, a.jurisdiction, False, list(a.aliases), a.name)


def _prefix_before(F: str, lo: int, hi: int) -> tuple[str, str] | None:
    """The prefix words that end right before a body (between lo and hi of the folded text)."""
    gap = " ".join(F[lo:hi].split())
    for key, canonical, mode in _vocab().prefixes:
        if gap == key or gap.endswith(" " + key):
            return canonical, mode
    return None


def _own_prefix(F: str, start: int, end: int) -> tuple[str, str] | None:
    """A prefix for a whole list that a body's own name opens with ("Thường trực Quận ủy, HĐND Quận")."""
    words = " ".join(F[start:end].split())
    for key, canonical, mode in _vocab().prefixes:
        if mode == "all" and words.startswith(key + " "):
            return canonical, mode
    return None


def _mentions(S: str, ctx: Context) -> tuple[str, list[Mention]]:
    F = fold_keep(S)
    return F, [m for m in find_mentions(S, F, 0, len(S), ctx) if not m.generic]


def _party_body(ctx: Context) -> Agency | None:
    if not ctx.province:
        return None
    word = "Thành ủy" if ctx.province_word == "thành phố" else "Tỉnh ủy"
    return Agency(f"{word} {ctx.province}", "dang", "province", f"{ctx.province_word} {ctx.province}")


def _bodies(S: str, ctx: Context, prefix: tuple[str, str] | None = None, running: bool = False) -> list[Agency]:
    """The bodies a line names, with their prefixes ("Thường trực", "Văn phòng") and parents resolved.

    ``running``: the line may run on into the text ("Kính gửi: Thuế tỉnh X Cục Thuế nhận được …" when the
    copy joined the lines): a body that follows another with nothing between them starts that text.
    """
    F, ms = _mentions(S, ctx)
    out: list[Agency] = []
    current = prefix            # a prefix that applies to every body of the list ("Thường trực HĐND, UBND")
    prev_end, prev = 0, None    # prev: (index in out, the unit's agency) for "Cục X - Bộ Y"
    parents = False
    i = 0
    while i < len(ms):
        m = ms[i]
        a, gap = m.agency, S[prev_end:m.start]
        i += 1
        if running and out and not gap.strip():
            break
        if _not_a_recipient(S, F, m) or (parents and _SEP.match(gap)):
            parents = True       # "… trực thuộc Bộ Tài chính, Bộ Xây dựng": parents, not recipients
            prev_end, prev = m.end, None
            continue
        parents = False
        if _tail_of_unknown_name(S, F, prev_end, m):
            prev_end, prev = m.end, None
            continue
        if prev is not None and _PARENT_GAP.match(gap) and a.kind in _PARENT_KINDS and a.level == "central" \
                and prev[1].kind in _UNIT_KINDS and prev[1].kind != a.kind:
            # "Cục KTVB&QLXLVPHC - Bộ Tư pháp", "Cục KSTTHC, VPCP": a unit and its parent are one body
            idx, unit = prev
            if idx is not None and not _fixed(unit) and not unit.name.endswith(a.name):
                name = out[idx].name
                if unit.jurisdiction and name.endswith(" " + unit.jurisdiction):
                    name = name[:-len(unit.jurisdiction) - 1]   # "Cục Thuế - Bộ Tài chính": not the province's
                out[idx] = Agency(f"{name} {a.name}", unit.kind, "central", None, False, list(unit.aliases), a.name)
            prev_end = m.end
            continue
        if prev is None and a.kind in _PARENT_KINDS and a.level == "central" and re.search(r"\w\s*[-–/(]\s*$", gap):
            prev_end = m.end     # "Vụ pháp chế - Bộ Tài chính": the parent of a unit not understood
            continue
        if prev is not None and prev[0] is not None and "(" in gap and prev[1].kind in _PARENT_KINDS and \
                a.kind in _UNIT_KINDS:
            parent = out.pop(prev[0])     # "Bộ Tư pháp (Cục KTVB…)": the unit, named with its parent
            if not _fixed(a) and not a.name.endswith(parent.name):
                a = Agency(f"{a.name} {parent.name}", a.kind, "central", None, False, list(a.aliases), parent.name)
        if m.head is not None and m.head.kind in ("bao_chi", "dang") and m.bare and i < len(ms) and \
                re.fullmatch(r"\s*(?:của\s*)?", S[m.end:ms[i].start]):
            # "Cổng Thông tin điện tử Bộ Tư pháp", "Đảng ủy UBND TP": the portal, the Party committee of a body
            a = _compose(m.head.canonical, "one", ms[i].agency)
            m = ms[i]
            i += 1
        else:
            pf = _prefix_before(F, prev_end, m.start)
            own = _own_prefix(F, m.start, m.end)
            if own:
                current = own   # a head that holds the prefix ("Thường trực Quận ủy"): the list after it too
            elif pf:
                current = pf if pf[1] == "all" else None
                a = _compose(pf[0], pf[1], a)
            elif current and _SEP.match(gap):
                a = _compose(current[0], current[1], a)
            else:
                current = None
        prev_end = m.end
        if a.name == "Công báo" or (ctx.level == "central" and m.bare and a.name.startswith("Công báo")):
            a = Agency("Công báo Chính phủ", a.kind, "central")   # the gazette of a central text
        if not _named_in_full(a) or _placeless(a, ctx):
            prev = (None, m.agency)    # "Vụ PC (BTC)": not named in full, and neither is its parent
            continue
        out.append(a)
        prev = (len(out) - 1, m.agency)
    groups = _group_names(S)
    if groups:
        out = [a for a in out if a.kind not in ("cong_ty", "tap_doan") or not any(g.name.startswith(a.name) for g in groups)]
        out += [g for g in groups if all(a.name != g.name for a in out)]
    if not out:
        pf = _prefix_before(F, 0, len(F))
        if pf and pf[1] == "party" and _party_body(ctx):
            out.append(_compose(pf[0], "one", _party_body(ctx)))
    return out


def _tail_of_unknown_name(S: str, F: str, lo: int, m: Mention) -> bool:
    """"Ủy ban Dân nguyện và Giám sát Quốc hội": capitalised words that are no prefix run into the body,
    so the body named is a longer one than the mention."""
    gap = S[lo:m.start]
    words = re.sub(r"^[\s,;:/()\-–]*(?:và\s+|của\s+)?(?:[Cc]ác\s+)?", "", gap)
    if not words.strip() or not words[:1].isupper() or re.search(r"[,;:()/]", words) or \
            re.search(r"\s[-–]\s*$", words):
        return False
    return _prefix_before(F, lo, m.start) is None and not _vocab().titles.match(F, lo + len(gap) - len(words))


def _group_names(S: str) -> list[Agency]:
    """State groups and corporations named in full ("Tập đoàn Điện lực Việt Nam"): the head and its name up to punctuation."""
    out = []
    for m in _GROUP.finditer(S):
        name = re.split(r"[,;(]", S[m.end():], maxsplit=1)[0].strip(" .")
        if name[:1].isupper():
            out.append(Agency(f"{m.group(1)} {name}", "cong_ty", "central"))
    return out


def _not_a_recipient(S: str, F: str, m: Mention) -> bool:
    """A body named as a parent ("… thuộc UBND Thành phố") or in a title ("các Phó Thủ tướng"), or a
    body whose name goes on in words not understood: a portal or a group's local branch ("Cổng TTĐT Hải
    quan", "Đảng ủy Khối …", "VNPT tỉnh")."""
    before = " ".join(F[max(0, m.start - 14):m.start].split())
    if before.endswith(("thuoc", "truc thuoc")) or S[max(0, m.start - 5):m.start].lower().rstrip().endswith("phó"):
        return True
    after = S[m.end:m.end + 12].lstrip()
    if m.bare and m.head is not None and m.head.kind in ("bao_chi", "dang") and after[:1].isupper():
        owner = m.end + len(S[m.end:m.end + 12]) - len(S[m.end:m.end + 12].lstrip())
        return not lexicon.head_regex().match(F, owner)   # "Cổng TTĐT Bộ Y tế" is the portal of a body
    if m.agency.kind not in ("cong_ty", "tap_doan") or m.agency.level != "central":
        return False
    short = len(S[m.start:m.end].split()) == 1     # "VNPT Lai Châu": a short name and a place
    return re.match(r"(tỉnh|thành phố|tp|huyện|quận|chi nhánh)(?!\w)", after.lower()) is not None or \
        (short and after[:1].isupper())


def _placeless(a: Agency, ctx: Context) -> bool:
    """A local body that a central text names without its place ("HĐND, UBND tỉnh, thành phố"): no body."""
    return ctx.level == "central" and a.level in ("province", "district", "commune") and not a.jurisdiction \
        and not _COLLECTIVE_WORD.search(a.name)


def _fixed(a: Agency) -> bool:
    """A body whose whole name is a head of heads.tsv ("Cục Kiểm soát thủ tục hành chính")."""
    h = lexicon.heads().get(fold(a.name))
    return h is not None and h.mode == "fixed"


def _list_members(text: str) -> list[str]:
    """Members of a list after a colon, split at ',' and ';'."""
    return [p.strip(" .") for p in re.split(r"[,;]", text) if p.strip(" .")]


def _field_list(head: str, members: str, ctx: Context) -> list[Agency]:
    """"Các Bộ: TC, XD, Nông nghiệp và Môi trường" -> Bộ Tài chính, Bộ Xây dựng, …"""
    F = fold_keep(members)
    codes = _vocab().fields
    rx = lexicon.field_regex("so" if head == "Sở" else "bo")
    parts, r = [], 0
    while r < len(members):
        r = _skip(F, r)
        if r >= len(members):
            break
        fm = rx.match(F, r)
        if fm and (fm.end() == len(F) or F[fm.end()] in " ,;."):
            parts.append(f"{head} {members[r:fm.end()]}")
            r = fm.end()
            continue
        nxt = re.search(r"[,;]", members[r:])
        end = r + nxt.start() if nxt else len(members)
        piece = members[r:end].strip(" .")
        key = fold(piece)
        if key in codes:
            parts.append(f"{head} {codes[key]}")
        elif piece:
            parts.append(piece)
        r = end
    out: list[Agency] = []
    for p in parts:
        out.extend(_bodies(p, ctx))
    return out


def _unit_list(office: str, members: str, ctx: Context) -> list[Agency]:
    """"VPCP: BTCN, các PCN, Cổng TTĐTCP, các Vụ: CN, KTTH": the office's units, not the office or its people."""
    units = _vocab().units[office]
    out: list[Agency] = []
    for piece in _list_members(members):
        F = fold_keep(piece)
        t = _title_end(F)
        if t:
            piece = piece[t:].strip()
            if not piece:
                continue
        piece = re.sub(r"^(?:[Cc]ác\s+)?(?:Vụ|Cục)\s*:\s*", "", piece)
        key = fold(piece)
        if key in units:
            name = units[key]
            # (named with its office already: no issuer's name is added to it, _own_room)
            out.append(Agency(name, "vu" if name.startswith("Vụ") else "bao_chi", "central", parent=_OFFICES.get(office)))
            continue
        out.extend(a for a in _bodies(piece, ctx) if a.level == "central")
    return out


def _group_list(members: str, ctx: Context) -> list[Agency]:
    out: list[Agency] = []
    for piece in _list_members(members):
        name = _vocab().groups.get(fold(piece))
        if name:
            out.append(Agency(name, "cong_ty", "central"))
        else:
            out.extend(_bodies(piece, ctx))
    return out


def _open_list(head: lexicon.Head, members: str, ctx: Context) -> list[Agency]:
    """"Các Cục: Đường bộ Việt Nam, Đường sắt Việt Nam" -> Cục Đường bộ Việt Nam, Cục Đường sắt Việt Nam."""
    out = []
    for piece in _list_members(members):
        if fold(piece).startswith(fold(head.canonical) + " "):
            out.extend(_bodies(piece, ctx))     # a member named in full ("Cục KTVB&QLXLVPHC - BTP")
        elif piece[:1].isupper() and not _CODE.search(piece) and re.search(r"[a-zà-ỹđ]", piece):
            out.append(Agency(squash_spaces(f"{head.canonical} {modern_tones(piece)}"), head.kind, "central"))
    return out


def _listed(head: str, members: str, ctx: Context, seen: dict) -> list[Agency] | None:
    """Bodies of "<head>: <members>", or None when the head is not one of a list.

    ``seen`` keeps the office whose units the list named last: "VPCP: BTCN, TGĐ Cổng TTĐT;" then
    "Các Vụ: TH, KTTH" on the next line are that office's units.
    """
    key = fold(head)
    if re.search(r"(?<![a-z])cac\s+(?:tinh|thanh pho|quan|huyen|xa|phuong|thi xa)", key):
        return None                      # "UBND các huyện: A, B": places, read by find_mentions
    if key in _FIELD_LISTS:
        return _field_list(_FIELD_LISTS[key], members, ctx)
    if key in _GROUP_LISTS:
        return _group_list(members, ctx)
    office = "van phong chinh phu" if key in ("vpcp", "van phong chinh phu") else key
    if office in _vocab().units:
        seen["office"] = office
        return _unit_list(office, members, ctx)
    if key in ("cac vu", "vu") and seen.get("office"):
        return _unit_list(seen["office"], members, ctx)
    for pkey, canonical, mode in _vocab().prefixes:
        if key == pkey or key == "cac " + pkey:
            return _bodies(members, ctx, (canonical, "all"))
    h = lexicon.heads().get(key[4:] if key.startswith("cac ") else key)
    if h is not None and h.mode == "open" and h.level == "central":
        return _open_list(h, members, ctx)
    # the units of some office ("VPUB: CVP, các PCVP, KT", "Phòng: TH, VX"): only what is named in full
    out: list[Agency] = []
    for piece in _list_members(members):
        F = fold_keep(piece)
        if _title_end(F):
            continue
        out.extend(_bodies(piece, ctx))
    return out


def party_per_place(out: list[Agency]) -> list[Agency]:
    """"Bí thư Tỉnh ủy, Thành ủy, Chủ tịch UBND các tỉnh, thành phố: A, B": the Party committee of each place."""
    rest = [a for a in out if a.kind != "dang" or a.parent]
    for a in out:
        if a.kind != "ubnd" or a.level != "province":
            continue
        jur = a.jurisdiction or ""
        if " các " in f" {a.name} ":
            rest.append(Agency("Tỉnh ủy, Thành ủy " + a.name[len("Ủy ban nhân dân "):], "dang", "province", jur))
        elif jur.startswith("thành phố "):
            rest.append(Agency("Thành ủy " + jur[len("thành phố "):], "dang", "province", jur))
        elif jur.startswith("tỉnh "):
            rest.append(Agency("Tỉnh ủy " + jur[len("tỉnh "):], "dang", "province", jur))
    return rest


def _read(raw: str, ctx: Context, addressed: bool, seen: dict | None = None,
          own: tuple[frozenset, str] | None = None) -> list[Agency]:
    """The bodies of one segment of a recipient line (``own``: the codes of the issuer's number's symbol, and
    its name: "Website CT" in a letter numbered "…/CT-CS" is the issuer's website)."""
    raw = _PURPOSE.sub("", re.sub(r"^[\s\-+•–*_|]+", "", raw)).strip(" *_|;.")
    site = _OWN_SITE.match(raw)
    if site and own and site.group(2) in own[0]:
        raw = f"{site.group(1)} {own[1]}"
    tail = _OWN_TAIL.search(raw)
    if tail and own and tail.group(1) in own[0]:
        raw = raw[:tail.start()]     # "Ban PC-CT": a unit's code joined to its issuer's, a unit of the issuer
    S = _name_cased(_expand(raw, ctx))
    if not S:
        return []
    F = fold_keep(S)
    folded = " ".join(F.split())
    if _FILING.match(folded):
        return []
    party = False
    if addressed:
        if _PERSON.match(S):
            return []
        cut = _SENTENCE.search(S)
        S, party = _without_titles(S[:cut.start()] if cut else S)
    elif _title_end(F):
        return []            # people and roles in copy: "CT, các PCT UBND tỉnh", "Lãnh đạo Cục"
    subordinates: list[Agency] = []
    sm = _SUBORDINATE.search(S)
    if sm:
        kinds = sm.group(1).lower()
        subordinates = [Agency(f"Các {kinds} trực thuộc {a.name}", "cong_ty", "central")
                        for a in _mentions(S[sm.end():], ctx)[1] if a.agency.kind == "bo" for a in [a.agency]]
        S = S[:sm.start()].rstrip(" ,;")
    head = re.match(r"^([^:]{1,60}?)\s*:\s*(.+)$", S)
    out = _listed(head.group(1), head.group(2), ctx, {} if seen is None else seen) if head else None
    if out is None:
        out = _bodies(S, ctx, running=addressed)
    ubnd = [a for a in out if a.kind == "ubnd" and a.level == "province"]
    if ubnd and (addressed and party or (any(a.kind == "dang" for a in out) and
                                         (len(ubnd) > 1 or (addressed and " các " in f" {ubnd[0].name} ")))):
        out = party_per_place(out)   # (a copy too: "Tỉnh ủy, UBND các tỉnh: A, B" -> each place's committee)
    out += subordinates
    return out


def _own_room(a: Agency, issuer: Agency | None) -> Agency:
    """A unit copied without its parent is a unit of the issuer: "Phòng Đô thị" in the list of a
    provincial UBND is a room of its Văn phòng; "Ban Pháp chế" in the list of a Cục is that Cục's."""
    if a.parent or issuer is None:
        return a
    if a.kind == "phong" and issuer.kind == "ubnd" and issuer.level == "province" and issuer.jurisdiction \
            and a.jurisdiction in (None, issuer.jurisdiction):
        office = f"Văn phòng {issuer.name}"
        base = a.name[:-len(a.jurisdiction) - 1] if a.jurisdiction and a.name.endswith(" " + a.jurisdiction) else a.name
        return Agency(f"{base} {office}", "phong", "province", issuer.jurisdiction, False, list(a.aliases), office)
    if a.kind in _OWN_UNITS.get(issuer.kind, ()) and a.level in ("central", None) and not a.jurisdiction \
            and issuer.name not in a.name:
        return Agency(f"{a.name} {issuer.name}", a.kind, "central", None, False, list(a.aliases), issuer.name)
    return a


def _symbol_codes(number: str) -> frozenset[str]:
    """The codes of a number's symbol, one of which names its issuer: "5363/CT-CS" -> {CT, CS}."""
    m = re.match(r"\d+(?:/(?:19|20)\d\d)?/([A-ZĐ]+)(?:-([A-ZĐ]+))?", number or "")
    return frozenset(c for c in (m.groups() if m else ()) if c)


def recipients(T: str, F: str, st: Structure, directive: str, ctx: Context, issuer: Agency | None = None):
    """(Recipient, Agency) pairs from the Kính gửi and Nơi nhận blocks.

    ``issuer``: a provincial People's Committee copies its own office's rooms ("Phòng Đô thị"), which
    are rooms of the Văn phòng Ủy ban nhân dân.
    """
    out = []
    lists = []
    own = (_symbol_codes(directive), issuer.name) if issuer is not None else None
    km = _address_marker(T, st)
    if km:
        lists.append((km.end(), "addressed"))
    if st.noi_nhan is not None:
        # the first "Nơi nhận:" after the body: the structure keeps the last one, which may be a form's in an annex
        lo = min(st.body.start if st.body else 0, st.noi_nhan.start)
        first = _COPY_MARKER.search(T, lo, st.noi_nhan.start + 1) or NOI_NHAN_RE.match(T, st.noi_nhan.start)
        lists.append((first.end() if first else st.noi_nhan.start, "copied"))
    for start, kind in lists:
        seen: dict = {}
        for s, e in _items(T, start, len(T)):
            for seg in _segments(T[s:e]):
                for a in _read(seg, ctx, kind == "addressed", seen, own):
                    a = _own_room(a, issuer)
                    out.append((Recipient(directive, a.name, kind, span=(s, e)), a))
    # one record per (agency, kind); a letter is not addressed to its own issuer (a reply to a person,
    # "Kính gửi: Ông …", runs on into "Cục Thuế nhận được …")
    seen, unique = set(), []
    for r, a in out:
        if r.kind == "addressed" and issuer is not None and a.name == issuer.name:
            continue
        if (r.agency, r.kind) not in seen:
            seen.add((r.agency, r.kind))
            unique.append((r, a))
    return unique
