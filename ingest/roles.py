"""Who leads, who supports, who is reported to, in one clause (guide §2, §8).

The words before a mention decide its role (``data/verbs.tsv``): after
"giao / yêu cầu / đề nghị / chỉ đạo" a body is a lead; after "phối hợp (với)
/ cùng" a support; after "báo cáo / tham mưu / chịu trách nhiệm trước / gửi
về" it is reported to. A body that opens the clause and is followed by a
task is its subject, so a lead — unless it is the issuer giving the order
("UBND Thành phố yêu cầu …") or the clause only narrates ("… đã ban hành …").
Bodies joined by commas or "và" share the role of the first. Any other body
(the object of a task, a beneficiary, "của X") gets no role.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import lexicon
from .agencies import Mention

# What may stand before the subject of a clause: adverbs and (from verbs.tsv) people's titles.
_PREFIX_WORDS = ("dong thoi|trong do|rieng|ngoai ra|sau do|tiep theo|ben canh do|nhu vay|vi vay|theo do|cu the|"
                 "ve phia|phan minh|tai cuoc hop|trong thoi gian toi|cac|va|doi voi|yeu cau|noi dung|co quan|don vi|"
                 # the committee a title heads, printed in lower case ("Đồng chí Bí thư tỉnh ủy và Chủ tịch UBND …")
                 "tinh uy|thanh uy")
# … and a time with no comma after it ("Trước ngày 01 tháng 11 hằng năm Tập đoàn X có trách nhiệm:")
_TIME_PREFIX = (r"(?:(?:truoc|sau|den|tu|vao|cham nhat(?:\s+la)?)\s+)?ngay\s+\d{1,2}(?:\s+(?:thang\s+)?\d{1,2})?"
                r"(?:\s+(?:nam\s+)?\d{4})?|(?:dinh ky\s+)?hang\s+(?:nam|quy|thang|tuan)|dinh ky")
# What may stand between two bodies of one list, besides punctuation: "và", "cùng các", a title.
_LIST_WORDS = "va|cung cac|cac"
_LIST_PUNCT = frozenset(" \t\r\n,;:&()*")


# "B tham gia (phối hợp)": a body that joins the task (guide §2: support)
_JOINS = re.compile(r"\s*(?:cung\s+)?tham gia(?!\s+(?:y kien|gop y|danh gia|tham dinh))(?![a-z0-9])"
                    r"(?![\s,]*(?:va\s+)?phoi hop(?:\s+[a-z]+){0,2}?\s+(?:voi|cung)(?![a-z0-9]))")
# "A chủ trì, B phối hợp …": after the lead's "chủ trì" and a comma, a body followed by "phối hợp" (with no
# partner of its own) or "tham gia" is the lead's partner (guide §2: support)
# … and the same after "A chịu trách nhiệm chính", "A là cơ quan chủ trì / đầu mối", "A làm đầu mối"
_PRESIDED = re.compile(r"\s*(?:chu tri|chiu trach nhiem chinh|(?:la|lam)\s+(?:(?:co quan|don vi)\s+)?(?:chu tri|dau moi))"
                       r"(?:\s+thuc hien)?\s*")
# "A là cơ quan chủ trì", "A làm đầu mối": the body is named as the lead by its part
_LEAD_PART = re.compile(r"\s*(?:la|lam)\s+(?:(?:co quan|don vi)\s+)?(?:chu tri|dau moi)(?![a-z0-9])")
# "là cơ quan phối hợp": the body is named as a partner by its part
_PARTNER_PART = r"(?:la\s+(?:co quan|don vi)\s+)?"
# "B, C (có trách nhiệm) phối hợp (thực hiện nhiệm vụ này)." with nothing after: bodies that only
# join the task of the clause before (guide §2: support), not a task of their own
_JOINS_ALONE = re.compile(r"\s*(?:(?:co|chiu) trach nhiem\s+)?" + _PARTNER_PART + r"(?:cung\s+)?phoi hop"
                          r"(?:\s+(?:thuc hien|trien khai|to chuc thuc hien))?"
                          r"(?:\s+(?:cac\s+)?(?:nhiem vu|noi dung|cong viec|hoat dong)(?:\s+(?:nay|tren|neu tren))?)?\s*")
_JOINS_AFTER = re.compile(r"\s*" + _PARTNER_PART + r"(?:cung\s+)?(?:phoi hop|tham gia)(?![a-z0-9])"
                          r"(?!(?:\s+[a-z]+){0,2}?\s+(?:voi|cung)(?![a-z0-9]))")


@lru_cache(maxsize=1)
def _title_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """(prefix of a clause's subject, words between two listed bodies, a marker's title gap
    as in "yêu cầu Chủ tịch …", "giao cho Giám đốc …", a title opening a phrase), on folded text."""
    titles = lexicon.alternation(lexicon.verbs().get("title", {}))
    prefix = re.compile(rf"^(?:(?:{_PREFIX_WORDS}|{_TIME_PREFIX}|{titles})\s*)*$")
    between = re.compile(rf"^(?:(?:{_LIST_WORDS})(?:\s+|$))?(?:(?:luc luong|co quan|{titles})\s*)?$")
    # "đề nghị các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch UBND …": several titles, each
    # with the class of body it heads, before the one body named
    classes = lexicon.alternation(lexicon.class_words())
    gap = re.compile(rf"^(?:(?:cho|cac|dong chi)\s+)*(?:{titles})"
                     rf"(?:\s+(?:(?:cac|va|dong chi)\s+)*(?:{titles}|{classes})(?![a-z0-9]))*(?:\s+cac)?$")
    starts = re.compile(rf"(?:{titles})(?![a-z0-9])")
    return prefix, between, gap, starts


def _prefix_ok(F: str, lo: int, hi: int) -> bool:
    """Only adverbs and titles before the body that opens a clause ("Đồng thời, Giám đốc Sở …"); a
    footnote mark of a consolidated text ("[7] Cục Tài chính …") is passed over."""
    return bool(_title_patterns()[0].match(_FOOTNOTE.sub("", " ".join(F[lo:hi].split()))))


_FOOTNOTE = re.compile(r"^\d{1,3}(?: |$)")


@lru_cache(maxsize=2)
def _block_label_re(colon: bool) -> re.Pattern:
    """"Cơ quan chủ trì:", "Đơn vị phối hợp:", "Cơ quan thực hiện:", "Cơ quan phối hợp (nếu có):" of a
    procedure card, and (before a colon) "Chủ trì:" / "Phối hợp:" with no class word (verbs.tsv 'block')."""
    rows = lexicon.verbs().get("block", {})
    return re.compile(r"\s*(?:(?:ten|cac|co quan|don vi|bo phan|to chuc|dia diem|noi)\s+)" + ("*(" if colon else "+(") +
                      lexicon.alternation(rows) +
                      r")(?:\s+(?:thuc hien|chinh))?(?:\s+(?:tthc|thu tuc hanh chinh))?(?:\s+neu co)?\s*$")


def block_label(F: str, cs: int, ce: int, colon: bool = True) -> str | None:
    """The role a plan's task-block label F[cs:ce] gives the bodies after it: lead or support (guide §9),
    or "none" for a procedure card's field ("Cơ quan giải quyết:"), whose bodies are given no task. A bare
    label ("Chủ trì") is one only before its colon: "a) Tổ chức thực hiện." alone is an item."""
    m = _block_label_re(colon).match(F, cs, ce)
    return lexicon.verbs()["block"][" ".join(m.group(1).split())] if m else None


def opening_list(T: str, F: str, cs: int, mentions: list[Mention]) -> list[Mention]:
    """The bodies that open the clause (after adverbs and titles), with those listed after them."""
    if not mentions or not _prefix_ok(F, cs, mentions[0].start):
        return []
    out = [mentions[0]]
    for m in mentions[1:]:
        if not _separates(T, F, out[-1].end, m.start):
            break
        out.append(m)
    return out


def partners_open(T: str, F: str, cs: int, ce: int, mentions: list[Mention]) -> bool:
    """Does the clause open with bodies that only join a task ("Sở B, Sở C phối hợp …", no partner of
    their own)? Then it continues the lead's "Sở A chủ trì;" before it."""
    listed = opening_list(T, F, cs, [m for m in mentions if cs <= m.start < ce])
    return bool(listed) and _JOINS_AFTER.match(F, listed[-1].end, ce) is not None


def _after_adverbial(T: str, F: str, cs: int, prev: Mention | None, m: Mention) -> bool:
    """The body opens the clause after an adverbial phrase and its comma: "Trong thời hạn 05 ngày,
    Phòng Y tế …", "Trên cơ sở danh sách của UBND xã, Sở Tài chính …" (no marker gave it a role)."""
    comma = T.rfind(",", cs, m.start)
    if comma < 0 or (prev is not None and comma < prev.end):
        return False   # no comma, or the comma only lists bodies ("của Chính phủ, Thủ tướng Chính phủ")
    if prev is not None and _separates(T, F, prev.end, m.start) and not _opens_adverbial(F, cs):
        return False   # "Cơ quan thanh toán của Bộ A, Bộ B tiến hành …": a list of owners, no adverbial
    if len(F[max(cs, T.rfind(",", cs, comma) + 1):comma].split()) < 2:
        return False   # a list of units, not an adverbial ("các Cục, Vụ, Văn phòng Bộ")
    before = F[max(cs, comma - 30):comma].split()
    if not _FIELD_NOT_HEAD.search(T, max(cs, comma - 8), comma) and \
            any(_title_patterns()[2].match(" ".join(before[-k:])) for k in (1, 2) if len(before) >= k):
        return False   # titles of one person ("của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ")
    pattern, table = _markers()
    for hit in _marker_hits(T, F, cs, comma):
        cat = table[" ".join(hit.group(1).split())][0]
        if cat in ("support", "assign", "reports") and len(F[hit.end():comma].split()) <= 8 and \
                not _noun_in_adverbial(F, cs, cat, hit, prev):
            return False   # the list of a verb ("Phối hợp với Ban Quản lý, Trung tâm X triển khai …")
    return _prefix_ok(F, comma + 1, m.start)


@lru_cache(maxsize=1)
def _persons_re() -> re.Pattern:
    """The persons of a body named right before it (verbs.tsv 'member'), folded, at the end of a span."""
    return re.compile(r"(?<![a-z0-9])(?:" + lexicon.alternation(lexicon.verbs()["member"]) + r")\s*$")


def persons_of(F: str, lo: int, at: int) -> bool:
    """The body at ``at`` is named after its persons ("đại biểu Quốc hội", "thành viên Ban Chỉ đạo")."""
    return _persons_re().search(F, max(lo, at - 16), at) is not None


def _noun_in_adverbial(F: str, cs: int, cat: str, hit: re.Match, prev: Mention | None) -> bool:
    """A marker word inside an opening adverbial that governs no body ("Khi nhận được báo cáo, Sở Y tế …",
    "Đối với trường hợp yêu cầu cấp lại, Sở X …"): a noun of the condition, not the verb of a list."""
    return cat != "support" and _opens_adverbial(F, cs) and (
        prev is None or prev.start < hit.end() or F[hit.end():prev.start].split()[:1] == ["cua"])


@lru_cache(maxsize=1)
def _adverbial_re() -> re.Pattern:
    """The words that open an adverbial phrase at the head of a clause (verbs.tsv 'adverbial'), folded."""
    return re.compile(r"[\W\d_]*(?:" + lexicon.alternation(lexicon.verbs().get("adverbial", {})) + r")(?![a-z0-9])")


def _opens_adverbial(F: str, cs: int) -> bool:
    """Does the clause at cs open with an adverbial phrase ("Trên cơ sở …", "Trong thời hạn …")?"""
    return _adverbial_re().match(F, cs) is not None


# "… và đại biểu", ", các đại biểu": the deputies of the council named next close a list of its bodies
_DEPUTIES = re.compile(r"\s*(?:,|va|\s)*\s*(?:cac\s+)?dai bieu\s*")
_DEPUTIES_PLACE = re.compile(r"[ \t]+(?:tỉnh|thành phố)[ \t]+[^\W\d_]+(?:[ \t]+(?=[^\W\d_])(?=[A-ZĐÀ-Ỹ])[^\W\d_]+){0,3}")
# "thị trường", "môi trường", "nhà trường" fold like the title "trưởng": no person's title before the comma
_FIELD_NOT_HEAD = re.compile(r"trường$", re.I)
# "Trường hợp …, thì", "Nếu … thì": the word that ends a condition, right before the body
_THEN_WORD = re.compile(r"(?<![^\W\d_])thì(?![^\W\d_])", re.I)
_THEN_GAP = re.compile(r"thì[\s,]*", re.I)


# the places a collective is narrowed to before its verb: "UBND các tỉnh khu vực Trung Bộ, nhất là các tỉnh: Khánh
# Hòa, Đắk Lắk tiếp tục …" (the places themselves: extract._focus_members)
_FOCUS_TAIL = re.compile(r"[^.;:()]{0,60}?,\s*(?:nhất là|đặc biệt là|trong đó(?:\s+trọng tâm)?(?:\s+là)?)\s+các\s+"
                         r"(?:tỉnh|thành phố)(?:,\s*thành phố)?\s*:\s*[^.;:()]{1,200}?(?=\s(?:tiếp tục|khẩn trương|"
                         r"chủ động|tập trung|phải|cần|tổ chức|chỉ đạo|triển khai|thực hiện)\s)", re.I)
_WHEN = re.compile(r"[ \t]*(?:định kỳ(?:\s+(?:hằng|hàng)\s+(?:năm|quý|tháng|tuần)|\s+\d{1,2}\s+tháng(?:\s+một lần)?)?|"
                   r"(?:hằng|hàng)\s+(?:năm|quý|tháng|tuần))[ \t,]+(?=\S)", re.I)
_ALSO = re.compile(r"[ \t]*(?:đã\s+|vừa\s+)?cũng\s+(?=\S)", re.I)
_PRIME_MINISTER = "Thủ tướng Chính phủ"


def _comma_subject(T: str, F: str, prev: Mention | None, i: int, mentions: list[Mention], ce: int) -> bool:
    """A body that opens a second clause of the sentence after a comma, with its own "có / chịu trách nhiệm"
    right after it (or after its list), once the clause has a lead: "Sở A có trách nhiệm hướng dẫn, Sở B có trách nhiệm bố trí
    kinh phí" (guide §2: each body given a task is a lead). A body a marker governs, or one in a list, never
    comes here. (Any task verb after the body was tried: objects and owners before a comma then lead, and the
    held-out half fell.)"""
    m = mentions[i]
    if prev is None:
        return False
    comma = T.rfind(",", prev.end, m.start)
    if comma < 0 or not _prefix_ok(F, comma + 1, m.start):
        return False
    j = i
    while j + 1 < len(mentions) and _separates(T, F, mentions[j].end, mentions[j + 1].start):
        j += 1
    nxt = mentions[j + 1].start if j + 1 < len(mentions) else ce
    verb = _skip_blank(T, mentions[j].end, nxt)
    if verb >= nxt or not T[verb].isalpha():
        return False
    if (nxt == ce and _JOINS_ALONE.fullmatch(F, verb, ce)) or _JOINS.match(F, verb, nxt):
        return True   # "…, B và C phối hợp." closing the sentence, "…, B tham gia …": partners of its task
    return _starts_with(F, verb, nxt, ("duty",)) is not None and not _JOINS_AFTER.match(F, verb, nxt)


def _head_speaks(F: str, cs: int, m: Mention) -> bool:
    """The body opening the clause is named by its head's title ("Phó Chủ tịch UBND tỉnh giao …"), or is the
    Prime Minister, whose orders are given, not received (guide §1: people are not agencies)."""
    return m.agency.name == _PRIME_MINISTER or _title_patterns()[3].search(F, cs, m.start) is not None


def _after_condition(T: str, F: str, cs: int, prev: Mention | None, m: Mention) -> bool:
    """The body opens the main clause after a condition: "Trường hợp hồ sơ thiếu thì Sở Xây dựng chủ trì
    …", "Nếu Sở A chưa thực hiện thì Sở B …" (the body before "thì" belongs to the condition), its head's
    title between ("… thì Giám đốc Sở Y tế có trách nhiệm …", guide §8)."""
    then = _then_at(T, prev.end if prev is not None else cs, m.start)
    if then < 0:
        return False
    end = _THEN_GAP.match(T, then).end()
    return end == m.start or (_title_patterns()[3].match(F, end, m.start) is not None and _prefix_ok(F, end, m.start))


@lru_cache(maxsize=1)
def _condition_re() -> re.Pattern:
    """The words that open a condition ("trường hợp", "nếu", "khi"; verbs.tsv 'condition'), folded."""
    return re.compile(r"(?<![a-z0-9])(?:" + lexicon.alternation(lexicon.verbs()["condition"]) + r")(?![a-z0-9])")


def _drop_condition(T: str, F: str, cs: int, m: Mention, out: "ClauseRoles") -> None:
    """Forget the roles given to the bodies of the condition that ends before m ("Trường hợp dự án không do
    Bộ A thực hiện thì m …"): from its opening word (else the clause's start) to its "thì"."""
    then = _then_at(T, cs, m.start)
    lo = cs
    for hit in _condition_re().finditer(F, cs, then):
        lo = hit.start()

    def kept(xs: list[Mention]) -> list[Mention]:
        return [x for x in xs if not lo <= x.start < then]
    out.leads, out.supports, out.reports = kept(out.leads), kept(out.supports), kept(out.reports)


def _then_at(T: str, lo: int, hi: int) -> int:
    """Where the last "thì" of T[lo:hi] (a condition's end) is, or -1."""
    at = -1
    if T.find("hì", lo, hi) < 0:
        return at   # (most spans hold none: no regex scan)
    for hit in _THEN_WORD.finditer(T, lo, hi):
        at = hit.start()
    return at


def _separates(T: str, F: str, lo: int, hi: int) -> bool:
    """T[lo:hi] only joins two bodies of one list: ", ", " và ", ", Bộ trưởng ", "; Chủ tịch ", or "/"
    between the names a text gives one body in two kinds of place ("Phòng Kinh tế xã/Phòng Kinh tế,
    Hạ tầng và Đô thị phường": whichever the place has, it does the task)."""
    if T[lo:hi].strip() == "/":
        return True
    if any(not c.isalnum() and c not in _LIST_PUNCT for c in T[lo:hi]):
        return False
    words = " ".join(F[lo:hi].split())
    if _title_patterns()[1].match(words):
        return True
    if ":" in T[lo:hi] and words in lexicon.verbs().get("enumeration", {}):
        return True   # "các đơn vị sau: Sở A; Sở B": the head's list of members
    return _unnamed_member(T, F, lo, hi)


_LIST_SPLIT = re.compile(r"\s*[,;]\s*|\s+và\s+", re.I)
_CLASS_ITEM = re.compile(r"(?:cac\s+)?(?:co quan|don vi|to chuc|doanh nghiep|luc luong)(?:\s+[a-z]+){0,5}")


# a class of bodies a ';'-list names between its named members ("các cơ quan, đơn vị của Đảng ở Trung ương")
_CLASS_MEMBER = re.compile(r"(?:cac\s+)?(?:co quan|don vi|to chuc|doanh nghiep|luc luong|doan the)(?:,?\s+[a-z]+){0,9}")


def class_member(F: str, lo: int, hi: int) -> bool:
    """F[lo:hi] is only a class of bodies (one member of a list), no task of its own."""
    return _CLASS_MEMBER.fullmatch(" ".join(F[lo:hi].split())) is not None


def _unnamed_member(T: str, F: str, lo: int, hi: int) -> bool:
    """One unnamed class of bodies between two named ones: "Đài Phát thanh và Truyền hình, cơ quan
    thông tấn báo chí và UBND các xã" is still one list; so is one capitalised name that was not read as
    a body ("Thuế Thành phố và các Thuế cơ sở, UBND cấp xã")."""
    cuts = [(m.start(), m.end()) for m in _LIST_SPLIT.finditer(T, lo, hi)]
    if len(cuts) < 2 or cuts[0][0] != lo or cuts[-1][1] != hi:
        return False
    inner = [(a[1], b[0]) for a, b in zip(cuts, cuts[1:]) if F[a[1]:b[0]].strip()]
    return len(inner) == 1 and _unnamed_item(T, F, *inner[0])


# a capitalised name of at most ten words that the name reader left out ("các Thuế cơ sở")
_NAMED_ITEM = re.compile(r"(?:các\s+)?[A-ZĐ]\w*(?:\s+\w+){0,9}")


_ITEM_END = re.compile(r"\s*(?:,|\svà)\s*$")


def _unnamed_first(T: str, F: str, lo: int, hi: int) -> bool:
    """"Đề nghị: Hiệp hội X, Hội Y …": the first member of the verb's list is a name the reader left out; the
    body after it is still the verb's."""
    end = _ITEM_END.search(T, lo, hi)
    start = _skip_blank(T, lo, hi)
    start += T[start:start + 1] == ":"
    return end is not None and end.start() - start < 60 and _unnamed_item(T, F, _skip_blank(T, start, hi), end.start())


def _unnamed_item(T: str, F: str, lo: int, hi: int) -> bool:
    """T[lo:hi] is one member of a list that names no body the reader knows: a class of bodies or a name."""
    return bool(_CLASS_ITEM.fullmatch(" ".join(F[lo:hi].split())) or _NAMED_ITEM.fullmatch(T, lo, hi))


_PUNCTUATION_ONLY = re.compile(r"[\s,;:.*()]*")
# Filler words allowed between a marker and the body it governs ("giao cho Sở …").
_FILLER = {"cho", "voi", "cac", "va", "ngay", "truc tiep", "khan truong", "ket qua", "ve", "len", "chat che",
           "tich cuc", "chu dong", "thuong xuyen", "dinh ky", "luc luong", "cac luc luong"}


@dataclass
class ClauseRoles:
    leads: list[Mention] = field(default_factory=list)
    supports: list[Mention] = field(default_factory=list)
    reports: list[Mention] = field(default_factory=list)
    modality: str | None = None
    subject: Mention | None = None       # the body that opens the clause as its subject
    director: Mention | None = None      # the issuer giving the order in this clause
    directed_only: bool = False          # leads come only from "chỉ đạo X" (A chỉ đạo B: A leads too)
    narrative: bool = False
    bare: bool = False                   # the clause only names bodies ("Sở A, Sở B.")
    closing: bool = False                # the closing article ("… chịu trách nhiệm thi hành Quyết định này")


# categories of verbs.tsv that are word lists, not markers scanned for in a clause
_WORD_LISTS = frozenset({"title", "block", "backref", "addressees", "speaker", "handed", "enumeration", "adverbial",
                         "contact", "told", "defines", "condition", "member", "meeting", "compound", "glued"})


@lru_cache(maxsize=1)
def _markers() -> tuple[re.Pattern, dict[str, tuple[str, str | None]]]:
    """The words around a mention that decide its role (the word lists of verbs.tsv are apart)."""
    table: dict[str, tuple[str, str | None]] = {}
    for cat, phrases in lexicon.verbs().items():
        if cat in _WORD_LISTS:
            continue
        for ph, val in phrases.items():
            table.setdefault(ph, (cat, val))
    return re.compile(r"(" + lexicon.word_alternation(table) + r")(?![a-z0-9])"), table


_PUNCT = re.compile(r"[,;:.!?]")


@lru_cache(maxsize=1)
def _glued_markers() -> re.Pattern:
    """The markers without the check on the letter before them, where a role verb of verbs.tsv 'glued' opens:
    read only at the end of a name that a conversion glued to its verb ("Sở Y tếphối hợp với …")."""
    _, table = _markers()
    glued = lexicon.alternation(lexicon.verbs().get("glued", {}))
    return re.compile(r"(?=(?:" + glued + r")(?![a-z0-9]))(" + lexicon.alternation(table) + r")(?![a-z0-9])")


def _glued_at(F: str, pos: int, hi: int) -> re.Match | None:
    """The marker glued to the word before pos (a name's end inside a word), or None (a letter on each side
    of pos is the only case read: one test per call)."""
    if 0 < pos < hi and F[pos].isalpha() and F[pos - 1].isalpha():
        return _glued_markers().match(F, pos, hi)
    return None


@lru_cache(maxsize=1)
def _executes_regex() -> re.Pattern:
    """The phrases of the category "executes" ("chịu trách nhiệm thi hành") alone: where none occurs,
    no marker of a clause can be one, and its markers need not be read (most clauses)."""
    _, table = _markers()
    return re.compile(r"(" + lexicon.word_alternation([p for p, (cat, _) in table.items() if cat == "executes"]) +
                      r")(?![a-z0-9])")


def _marker_hits(T: str, F: str, lo: int, hi: int):
    """The markers in F[lo:hi], left to right. Folding turns punctuation into spaces, so a phrase may
    seem to run across it ("đê điều; phối hợp với" read as "điều phối"): a phrase that crosses
    punctuation yields to a marker that starts right after it and runs further ("phối hợp với"), and
    what of it stands before the punctuation is a marker of its own if it is one ("phối hợp, cung cấp");
    "biết, thực hiện" stays one phrase."""
    pattern, _ = _markers()
    pos = lo
    glued = _glued_at(F, lo, hi)   # "Sở Y tếphối hợp với Sở X": the verb glued to the name that ends at lo
    if glued is not None:
        yield glued
        pos = glued.end()
    while (m := pattern.search(F, pos, hi)) is not None:
        cut = _PUNCT.search(T, m.start(1), m.end(1))
        if cut:
            after = pattern.match(F, _skip_blank(F, cut.end(), hi), hi)
            if after is not None and after.end() > m.end():
                before = pattern.match(F, m.start(1), cut.start())
                if before is not None:
                    yield before   # "phối hợp, cung cấp thông tin với X": the marker before the comma counts
                m = after
        yield m
        pos = m.end()


def _skip_blank(F: str, pos: int, hi: int) -> int:
    """The first non-space position of F at or after pos (at most hi)."""
    while pos < hi and F[pos].isspace():
        pos += 1
    return pos


def _spoken(F: str, lo: int, at: int) -> bool:
    """A person asks ("Đại biểu tha thiết đề nghị Quốc hội …"): the words before the verb name a speaker."""
    words = F[max(lo, at - 40):at].split()[-4:]
    speakers = lexicon.verbs().get("speaker", {})
    return any(" ".join(words[i:j]) in speakers for i in range(len(words)) for j in range(i + 1, len(words) + 1))


@lru_cache(maxsize=1)
def _handed_re() -> re.Pattern:
    """What is handed over or allotted, right before "(được) giao" (verbs.tsv 'handed'), on folded text; the
    level or year it belongs to may stand between ("dự toán ngân sách Thành phố giao cho …")."""
    return re.compile(r"(?<![a-z0-9])(?:" + lexicon.alternation(lexicon.verbs().get("handed", {})) +
                      r")(?:\s+(?:nha nuoc|trung uong|dia phuong|thanh pho|tinh|huyen|quan|cap\s+[a-z]+)"
                      r"(?:\s+nam\s+\d{4})?)?(?:\s+(?:da\s+)?duoc)?\s*$")


def _handed(T: str, F: str, lo: int, m: re.Match) -> bool:
    """"dự toán giao cho Sở Y tế", "đất được giao cho UBND xã": the bare "giao" right after the thing (no
    punctuation between) hands it over to the body after it; it gives that body no task (guide §8: a body
    that is only funded is no assignee)."""
    if m.group(1) != "giao":
        return False
    hit = _handed_re().search(F, max(lo, m.start() - 30), m.start())
    return hit is not None and not _PUNCT.search(T, hit.start(), m.start())


# "… và giao cho Ban X để chấm", "đất giao cho UBND xã để sử dụng": a purpose right after the bodies
_FOR_PURPOSE = re.compile(r"[ \t]*(?:\([^()\n]{0,40}\)[ \t]*)?để(?!\w)")


def _handed_for_purpose(T: str, F: str, mentions: list[Mention], i: int) -> bool:
    """"giao (cho) X để <verb>": the bare "giao" hands something over to X for a purpose; the order of a
    directive names the task itself ("Giao Sở X chủ trì …"), so X is given no task (guide §8: a body that
    is only handed or funded something is no assignee)."""
    j = i
    while j + 1 < len(mentions) and _separates(T, F, mentions[j].end, mentions[j + 1].start):
        j += 1
    return _FOR_PURPOSE.match(T, mentions[j].end) is not None


# the modal of an obliged actor ("Tổ Giám sát phải báo cáo …"), then, later in the clause, its request
_MUST_THEN_ASK = re.compile(r"(?<![a-z0-9])phai\s.*(?<![a-z0-9])(?:de nghi|kien nghi)(?![a-z0-9])", re.S)


def _obliged_asks(F: str, cs: int, at: int) -> bool:
    """"Tổ A phải báo cáo lãnh đạo Ban X để tạm dừng …, đề nghị lãnh đạo Ban X kiểm tra": after an actor's
    "phải", the "đề nghị" is that actor's request, so the body asked is the one it reports to (guide §8), not
    a body the directive tasks."""
    return _MUST_THEN_ASK.search(F, cs, at) is not None


def _last_marker(T: str, F: str, lo: int, hi: int, cats: tuple[str, ...]):
    """The marker of one of ``cats`` that governs position hi: (category, value, phrase) or None."""
    pattern, table = _markers()
    best = None
    for m in _marker_hits(T, F, lo, hi):
        cat, val = table[" ".join(m.group(1).split())]
        if cat in cats or cat == "not":
            best = (m, cat, val)
    if best and best[1] == "not":
        return None
    if not best:
        return None
    m, cat, val = best
    if cat == "assign" and (_spoken(F, lo, m.start()) or _handed(T, F, lo, m)):
        return None
    gap_text = _CLASS_TAIL.sub("", " ".join(F[m.end():hi].split()))
    gap = gap_text.split()
    if not gap and _CLAUSE_CUT.search(T, m.end(), hi):
        return None   # "Khi nhận được báo cáo, Sở Y tế …": a comma ends the marker's phrase before the body
    allowed = len(gap) == 0 or gap_text in _FILLER or all(w in {"cho", "voi", "cac", "va", "ve", "len"} for w in gap) \
        or _title_patterns()[2].match(gap_text) is not None
    if cat == "reports" and not allowed:
        allowed = len(gap) <= 6 and gap[-1] in ("ve", "cho", "len", "truoc")
    if cat == "support" and not allowed:
        allowed = _partner_gap(T, m.end(), hi, gap_text)
    if cat in ("assign", "support") and not allowed:
        allowed = _unnamed_first(T, F, m.end(), hi)
    if not allowed:
        return None
    return cat, val, " ".join(m.group(1).split())


# a comma or semicolon between a marker and the body right after it: the body opens the next phrase
_CLAUSE_CUT = re.compile(r"[,;]")
# "không <verb> được" (cannot), unlike "không được <verb>" (must not): a state or a condition, no task
_UNABLE = re.compile(r"\s*khong\s+(?!duoc\b)[a-z]+(?:\s+[a-z]+){0,2}\s+duoc(?![a-z0-9])")
# "… với cơ quan Công an tỉnh": the class word before a named body is no gap
_CLASS_TAIL = re.compile(r"(?:^|\s)(?:cac\s+)?(?:co quan|don vi)$")
# "phối hợp chặt chẽ, thường xuyên với X", "phối hợp, trao đổi thông tin với X": a short qualifier or a
# second verb of the cooperation, ended by "với / cùng"; not "đối với X" (an object), "giữa X" (a pair)
_PARTNER_GAP = re.compile(r"(?:[a-z]+ ){1,6}(?:voi|cung)")
_NOT_PARTNER = re.compile(r"(?:^| )(?:doi voi|giua|voi su|cua)(?: |$)")


def _partner_gap(T: str, lo: int, hi: int, gap_text: str) -> bool:
    """After "phối hợp", do the words up to the body still introduce its partner?"""
    return bool(_PARTNER_GAP.fullmatch(gap_text)) and not _NOT_PARTNER.search(gap_text) and \
        not any(c in ";.:" for c in T[lo:hi])


@lru_cache(maxsize=1)
def _presides_re() -> re.Pattern:
    """"chủ trì / có trách nhiệm / chịu trách nhiệm" right after the body, but not "chủ trì cuộc họp" (verbs.tsv
    'meeting'): the chair of the meeting a conclusion reports presides over no task."""
    meetings = lexicon.alternation(lexicon.verbs().get("meeting", {}))
    return re.compile(r"\s*(?:chu tri(?!\s+(?:(?:cac|mot)\s+)?(?:" + meetings + r")(?![a-z0-9]))|co trach nhiem|"
                      r"chiu trach nhiem)(?![a-z0-9])")


def _issuer_tasked(F: str, pos: int, hi: int, after) -> bool:
    """The issuer named as the one who presides or answers for a task ("Bộ Tư pháp chủ trì …",
    "Bộ X có trách nhiệm …" in the ministry's own circular) is tasked like any other body."""
    return bool(after) and after[0] in ("duty", "task") and _presides_re().match(F, pos, hi) is not None


def _duty_of(F: str, lo: int, hi: int) -> str | None:
    """The modality when F[lo:hi] is only "Trách nhiệm của" / "Nhiệm vụ, quyền hạn của" (verbs.tsv duty_of)."""
    found = _starts_with(F, lo, hi, ("duty_of",))
    if not found:
        return None
    pattern, _ = _markers()
    m = pattern.match(F, lo + len(F[lo:hi]) - len(F[lo:hi].lstrip()), hi)
    return found[1] if m and not F[m.end():hi].strip() else None


def opens_task(F: str, lo: int, hi: int) -> bool:
    """Does the text at lo open a task ("Tăng cường …", "Phối hợp với …", "Chỉ đạo …")?"""
    return _starts_with(F, lo, hi, ("assign", "duty", "support", "task", "reports")) is not None


def new_duty(T: str, F: str, ps: int, pe: int, cs: int, ce: int, mentions: list[Mention]) -> bool:
    """"… chuẩn bị hồ sơ và gửi Sở Tài chính; Sở Tài chính có trách nhiệm thẩm định …": the clause after the ';'
    opens with a body and its own duty, and the one before it states a task of its own (a verb outside the
    bodies' names): two tasks, though the first ends with a body."""
    first = next((m for m in mentions if cs <= m.start <= cs + 1), None)
    if first is None or _starts_with(F, first.end, ce, ("duty",)) is None:
        return False
    _, table = _markers()
    return any(table[" ".join(h.group(1).split())][0] in ("assign", "duty", "task") and
               not any(x.start <= h.start(1) < x.end for x in mentions) for h in _marker_hits(T, F, ps, pe))


def opens_order(F: str, lo: int, hi: int) -> bool:
    """Does the text at lo open an order ("Yêu cầu …", "Giao …", "Đề nghị …")?"""
    return _starts_with(F, lo, hi, ("assign",)) is not None


# (after a body and its colon, the number of its first inline item: "Bộ Công an: (1) Tiếp tục …")
_LEADING_ADVERB = re.compile(r"\s*(?:(?:dong thoi|ngoai ra|sau do|tiep theo|ben canh do|theo do|cu the|rieng|"
                             r"trong thoi gian toi|\d{1,2}|i{1,3}|iv|v|vi{1,3})\s+)*")


def _names_go_on(T: str, pos: int, hi: int) -> bool:
    """After a body, a comma and a capitalised word: the list of names goes on ("lãnh đạo các Bộ: Công an, Xây
    dựng, Tài chính", the members of a meeting a conclusion reports), the word is no verb of a task."""
    gap = T[pos:hi].lstrip()
    return gap[:1] == "," and gap[1:].lstrip()[:1].isupper()


def _starts_with(F: str, lo: int, hi: int, cats: tuple[str, ...]):
    """The marker (category, value) that opens F[lo:hi], after adverbs ("Đồng thời, tăng cường …")."""
    pattern, table = _markers()
    adverbs = _LEADING_ADVERB.match(F, lo, hi)   # (None when the clause is empty: lo past hi)
    lo = adverbs.end() if adverbs else lo
    text = F[lo:hi]
    stripped = text.lstrip()
    m = pattern.match(F, lo + len(text) - len(stripped), hi) or _glued_at(F, lo, hi)
    if m and table[" ".join(m.group(1).split())][0] in cats:
        return table[" ".join(m.group(1).split())]
    return None


# what a body's qualifier runs up to: the verb of its task
_QUALIFIED_VERB = (r"(?:chủ động|phối hợp|chủ trì|tổ chức|triển khai|thực hiện|có trách nhiệm|chịu trách nhiệm|căn cứ|"
                   r"khẩn trương|tiếp tục|tăng cường|hướng dẫn|giám sát|kiểm tra|rà soát|xây dựng|tham mưu|theo dõi|"
                   r"chỉ đạo|đẩy mạnh|quản lý|tuyên truyền|nghiên cứu|bố trí|bảo đảm|đảm bảo|xử lý|phổ biến)(?!\w)")
# "(Hà Nội)", "nêu trên", "từ A đến B", "theo chức năng, nhiệm vụ", an apposition that says what the
# body is before its task ("Sở X là cơ quan thường trực, có trách nhiệm: …", "Sở X với vai trò là cơ
# quan đầu mối, chủ trì …", "Sở X - cơ quan thường trực, chủ trì …", "Sở X, cơ quan đầu mối của …, chủ trì …"), what it builds on ("Sở X trên cơ sở kết quả rà soát,
# phối hợp …"), and ", trong phạm vi nhiệm
# vụ, quyền hạn của mình," between commas
_QUALIFIER = re.compile(r"\s*(?:\([^()]{0,40}\)|nêu trên|trên đây|từ\s+[^:;.]{1,40}?\s+đến\s+[^:;.,]{1,30}"
                        r"|(?:,\s*)?(?:theo|căn cứ|trên cơ sở|trong phạm vi)\s+(?:chức năng|nhiệm vụ|quyền hạn|thẩm quyền|quản lý)[^;:.]{0,50}?(?=[\s,]+"
                        + _QUALIFIED_VERB + r")"
                        r"|(?:(?:,\s*)?(?:(?:với|trong)\s+(?:vai trò|tư cách)\s+(?:là\s+)?|là\s+)|[-–]\s*)"
                        r"(?:cơ quan|đơn vị|đầu mối)[^;:.()]{0,80}?,(?=\s*" + _QUALIFIED_VERB + r")"
                        r"|,\s*(?:cơ quan|đơn vị)\s+(?:thường trực|đầu mối)[^;:.()]{0,80}?,(?=\s*" + _QUALIFIED_VERB + r")"
                        r"|,?\s*(?:căn cứ|trên cơ sở|sau khi có)\s+(?:kết quả|đề xuất|ý kiến)[^;:.()]{0,80}?,(?=\s*"
                        + _QUALIFIED_VERB + r")"
                        r"|,\s*trong phạm vi\s+(?:(?:chức năng|nhiệm vụ|quyền hạn|thẩm quyền)(?:\s+(?:được giao|"
                        r"của mình))?[\s,]*(?:và\s+)?){1,4}(?<=,))",
                        re.I)


# the scope of a body's duty between it and its verb, whatever the verb ("Các Bộ theo chức năng, nhiệm vụ được
# giao hỗ trợ …", "Sở X trong phạm vi quyền hạn của mình kiểm tra …"), on folded text
_DUTY_SCOPE = re.compile(r"[\s,]*(?:theo|trong pham vi|can cu|tren co so)\s+(?:chuc nang|nhiem vu|quyen han|tham quyen)"
                         r"(?:[\s,]+(?:va\s+)?(?:chuc nang|nhiem vu|quyen han|tham quyen))*"
                         r"(?:\s+(?:duoc giao|duoc phan cong|cua minh|cua don vi|quan ly|theo quy dinh))*[\s,]*")


def _only_bodies(T: str, F: str, pos: int, rest: list[Mention], end: int) -> bool:
    """Nothing but more bodies and separators from pos to the end of the clause."""
    last = None
    for m in rest:
        if not _separates(T, F, pos, m.start):
            return False
        pos, last = m.end, m
    if last is not None and last.generic:
        words = _class_words_re().match(F, pos, end)   # "…; Sở B, các cơ quan, đơn vị, địa phương."
        pos = words.end() if words else pos
    qual = _QUALIFIER.match(T, pos, end)
    return bool(_PUNCTUATION_ONLY.fullmatch(T[qual.end() if qual else pos:end]))


_OWNED_BY = re.compile(r"(?:cua|thuoc|truc thuoc)\s*$")
# ", cơ quan thuộc ", "và các đơn vị trực thuộc ", " thuộc ": a member of a list named by its owner
_OWNED_MEMBER = re.compile(r"(?:\s+(?:va\s+)?(?:cac\s+)?(?:co quan|don vi|to chuc|phong|ban|nganh)(?:\s+[a-z]+){0,3}?)?"
                           r"\s+(?:truc thuoc|thuoc)\s*$")


def names_owner(F: str, cs: int, m: Mention) -> bool:
    """The body is named as the owner of the one before it ("các cơ quan trực thuộc Bộ X", "các đơn vị thuộc Sở
    Y"): no member of its list."""
    return _OWNED_BY.search(F, max(cs, m.start - 15), m.start) is not None


def _role_of(m: Mention, out: ClauseRoles) -> str | None:
    """The role already given to a mention of this clause."""
    return "lead" if m in out.leads else "support" if m in out.supports else "reports" if m in out.reports else None


def _past_owner(T: str, F: str, before: Mention, owner: Mention, m: Mention, owner_role: str | None,
                out: ClauseRoles) -> bool:
    """Does a list go on past an owner? "Trách nhiệm của các sở, cơ quan thuộc UBND tỉnh, UBND các xã": the
    owner (UBND tỉnh) gets no role, the list member after it has the role of the one before it. The owner's
    word may close the generic class itself ("phối hợp với các cơ quan trực thuộc Chính phủ và Bộ X")."""
    owned = _OWNED_MEMBER.fullmatch(F, before.end, owner.start) or (
        before.generic and not F[before.end:owner.start].strip() and names_owner(F, before.start, owner)) or \
        _class_owned_by(F, before, owner)
    return owner_role is None and _role_of(before, out) is not None and bool(owned) and \
        _separates(T, F, owner.end, m.start)


_OWNER_WORD = re.compile(r"\s+(?:truc thuoc|thuoc|cua)\s*$")


def _class_owned_by(F: str, before: Mention, owner: Mention) -> bool:
    """A generic class, its describing words, then its owner: "các cơ quan chuyên môn thuộc UBND tỉnh", "các
    sở, ban, ngành của UBND tỉnh" (the owner is named to say whose units they are, not as a member)."""
    if not before.generic:
        return False
    words = _class_words_re().match(F, before.end, owner.start)
    return _OWNER_WORD.fullmatch(F, words.end() if words else before.end, owner.start) is not None


def _list_end(T: str, F: str, mentions: list[Mention], i: int) -> int:
    """The index of the last body of the list that mentions[i] opens; the list goes on past the owner of a
    generic class ("Các cơ quan chuyên môn thuộc UBND tỉnh và UBND các xã có trách nhiệm …")."""
    j = i
    while j + 1 < len(mentions):
        if _continues(T, F, mentions[j], mentions[j + 1]):
            j += 1
        elif j + 2 < len(mentions) and _class_owned_by(F, mentions[j], mentions[j + 1]) and \
                _separates(T, F, mentions[j + 1].end, mentions[j + 2].start):
            j += 2
        else:
            break
    return j


def _listed_subjects(T: str, F: str, cs: int, ce: int, mentions: list[Mention], issuer: str | None,
                     out: ClauseRoles) -> None:
    """"Bộ trưởng, Thủ trưởng các cơ quan ngang Bộ, Chủ tịch UBND các tỉnh, …, Tổng giám đốc các Tập đoàn
    khẩn trương …": a clause that opens with a comma-separated list of offices and bodies before its
    first verb gives the task to every body in the list (the heads' bodies, guide §8)."""
    if not mentions:
        return
    pattern, table = _markers()
    verb = next((m for m in _marker_hits(T, F, cs, ce) if table[" ".join(m.group(1).split())][0] in
                 ("assign", "duty", "task", "support", "reports", "executes", "narrative")), None)
    if verb is None or table[" ".join(verb.group(1).split())][0] == "narrative":
        return
    items = [" ".join(F[a:b].split()) for a, b in _items(T, cs, verb.start())]
    first = items[0].split() if items else []
    starts = _title_patterns()[3]
    titled = sum(1 for i in items if starts.match(i))
    if len(items) < 3 or any(len(i.split()) > 10 for i in items) or titled < 2 or not (
            starts.match(items[0]) or any(m.start <= cs + 3 for m in mentions)):
        return
    listed = [m for m in mentions if m.end <= verb.start() and not speaks_for(m.agency.name, issuer) and
              not _OWNED_BY.search(F, max(cs, m.start - 15), m.start)]
    if listed:
        out.leads = listed + [m for m in out.leads if m not in listed]
        out.subject = listed[0]


@lru_cache(maxsize=1)
def _definition_re() -> re.Pattern:
    """The words that open a bracket defining a short name ("(sau đây gọi tắt là …"; verbs.tsv 'defines')."""
    phrases = lexicon.verbs()["defines"]
    assert all(any(w in p.split() for w in _DEFINITION_VERBS) for p in phrases), "a 'defines' phrase needs its verb"
    return re.compile(r"[ \t]*(?:" + lexicon.alternation(phrases) + r")(?![a-z0-9])")


_DEFINITION_VERBS = ("goi", "viet")   # "gọi (tắt / chung) là", "viết tắt là": one is in every such phrase


def may_define(F: str, lo: int, hi: int) -> bool:
    """Can F[lo:hi] hold a bracket that defines a short name? False only when sure (most texts)."""
    return any(F.find(w, lo, hi) >= 0 for w in _DEFINITION_VERBS)


_BRACKET_OPEN = re.compile(r"[ \t]*\([ \t*_]*")
_DEFINITION_REACH = 200   # a short name is a few words


def definition_end(T: str, F: str, pos: int, hi: int) -> int | None:
    """Where a bracket opening at pos (past blanks) that gives the words before it a short name ends, past its
    ')' ("UBND các xã, phường (sau đây gọi chung là UBND cấp xã) tổ chức …"); None for any other text."""
    words = definition_words(T, F, pos, hi)
    close = T.find(")", words, min(hi, words + _DEFINITION_REACH)) if words is not None else -1
    return close + 1 if close > 0 else None


def definition_words(T: str, F: str, pos: int, hi: int) -> int | None:
    """Where the short name starts in a defining bracket opening at pos ("(sau đây gọi tắt là |Ban Quản lý)")."""
    opened = _BRACKET_OPEN.match(T, pos, hi)
    words = _definition_re().match(F, opened.end(), hi) if opened else None
    return words.end() if words else None


def _items(T: str, lo: int, hi: int):
    """The comma-separated pieces of T[lo:hi] as (start, end)."""
    pos = lo
    for i in range(lo, hi):
        if T[i] in ",;":
            yield pos, i
            pos = i + 1
    yield pos, hi


def closing_piece(T: str, F: str, clauses: list[tuple[int, int]], k: int, memo: dict) -> tuple[int, int] | None:
    """The first ';'-piece from clauses[k] on, in the same run of pieces that ';' joins, that holds a closing
    article's phrase ("…; Thủ trưởng các sở, ngành; Chủ tịch UBND các xã … chịu trách nhiệm thi hành"), or
    None. Each run is searched once (memo: piece index -> span or None)."""
    if k not in memo:
        j = k
        while j + 1 < len(clauses) and T[clauses[j][1] - 1] == ";":
            j += 1
        found = None
        for i in range(j, k - 1, -1):
            if i not in memo:
                if _executes_regex().search(F, *clauses[i]) is not None:
                    found = clauses[i]
                memo[i] = found
            else:
                found = memo[i]
    return memo[k]


@lru_cache(maxsize=1)
def _compounds() -> tuple[tuple[list[str], str], ...]:
    """(syllables before, last syllable) of the words of verbs.tsv 'compound'."""
    return tuple((c.split()[:-1], c.split()[-1]) for c in lexicon.verbs().get("compound", {}))


def _in_compound(F: str, lo: int, m: re.Match) -> bool:
    """"đặc biệt thực hiện" folds like the closing "biết, thực hiện": the marker's first word completes a word
    that starts before it (verbs.tsv 'compound'), so it is no marker."""
    first = m.group(1).split(None, 1)[0]
    before = F[max(lo, m.start(1) - 12):m.start(1)].split()
    return any(w == first and before[-len(h):] == h for h, w in _compounds())


def _executes_hit(T: str, F: str, cs: int, ce: int):
    """The first marker of the category "executes" in F[cs:ce] ("chịu trách nhiệm thi hành", "biết, thực hiện"),
    or None; most clauses hold none of its phrases and are not read further."""
    if _executes_regex().search(F, cs, ce) is None:
        return None
    _, table = _markers()
    return next((m for m in _marker_hits(T, F, cs, ce) if table[" ".join(m.group(1).split())][0] == "executes" and
                 not _in_compound(F, cs, m)), None)


def executors_go_on(T: str, F: str, ps: int, pe: int, cs: int, ce: int, mentions: list[Mention] = ()) -> bool:
    """"Chánh Văn phòng …; Giám đốc các Sở: …; Chủ tịch UBND …;" then "Thủ trưởng các đơn vị liên quan chịu
    trách nhiệm thi hành Quyết định này": the list before the ';' names no task of its own, and the clause
    after it closes the decision; the phrase is every listed body's (guide §8)."""
    if _executes_hit(T, F, cs, ce) is None:
        return False
    _, table = _markers()
    # a marker's words inside a listed body's name ("Giám đốc các Sở: Y tế, Xây dựng") are no verb of the list
    return not any(table[" ".join(m.group(1).split())][0] in ("assign", "duty", "task", "support", "executes",
                                                             "narrative") and
                   not any(x.start <= m.start(1) < x.end for x in mentions) for m in _marker_hits(T, F, ps, pe))


def speaks_for(name: str, issuer: str | None) -> bool:
    """The body is the issuer or one that speaks through it (``data/voices.tsv``: the Prime Minister and the
    Government in a notice of the Government Office or a telegram of the Prime Minister): in the issuer's text it
    gives the order, it is not given it (guide §2: the assignee is the body given the task)."""
    return issuer is not None and (name == issuer or name in lexicon.voices(issuer))


def _executors(T: str, F: str, cs: int, ce: int, mentions: list[Mention], issuer: str | None,
               out: ClauseRoles) -> None:
    """"A, Giám đốc các Sở: B, C; Chủ tịch UBND D … chịu trách nhiệm thi hành Quyết định này": every body
    the closing article lists before the phrase is a lead, however the list is punctuated (guide §8)."""
    hit = _executes_hit(T, F, cs, ce)
    if hit is None:
        return
    _, table = _markers()
    given = {id(m) for m in out.leads + out.supports + out.reports}
    for m in mentions:
        if m.end > hit.start() or id(m) in given or speaks_for(m.agency.name, issuer):
            continue
        if out.narrative and m is out.subject:
            continue   # "Văn phòng Chính phủ thông báo để các Bộ biết, thực hiện": the notifier is no executor
        if _OWNED_BY.search(F, max(cs, m.start - 15), m.start):
            continue   # "các đơn vị thuộc UBND tỉnh": the owner is not listed
        out.leads.append(m)
        out.modality = out.modality or table[" ".join(hit.group(1).split())][1]
    out.director = None if out.leads else out.director
    out.closing = True


def _partner_after_lead(T: str, F: str, prev: Mention, i: int, mentions: list[Mention], ce: int) -> bool:
    """"A chủ trì, B và C phối hợp thực hiện": only "chủ trì" and a comma (or ';') between the lead and the list
    at mentions[i], and the list followed by "phối hợp" / "tham gia" with no partner of its own."""
    if not any(c in ",;" for c in T[prev.end:mentions[i].start]) or not _PRESIDED.fullmatch(F, prev.end, mentions[i].start):
        return False
    j = i
    while j + 1 < len(mentions) and _separates(T, F, mentions[j].end, mentions[j + 1].start):
        j += 1
    nxt = mentions[j + 1].start if j + 1 < len(mentions) else ce
    return _JOINS_AFTER.match(F, mentions[j].end, nxt) is not None


# "Sở X được giao (chủ trì) …", "được phân công …": the subject is given the task it opens
_GIVEN = re.compile(r"\s*duoc\s+(?:giao|phan cong)(?![a-z0-9])(?!\s+(?:dat|dich|thong|duc|nhan|ket|luu|tiep))")


_PASSIVE = re.compile(r"(?<![a-z0-9])duoc\s*$")


def _passive_giver(F: str, cs: int, prev: Mention | None, at: int) -> bool:
    """"… được UBND tỉnh giao cho X": the body before the verb gave the task (passive), and only the verb
    stands between it and X: what X was given is told, not ordered here."""
    return prev is not None and bool(_PASSIVE.search(F, max(cs, prev.start - 12), prev.start)) and \
        len(F[prev.end:at].split()) <= 2


@lru_cache(maxsize=1)
def _class_words_re() -> re.Pattern:
    """One or more describing words of a generic class (class_words.txt), spaces or commas between."""
    words = lexicon.alternation(lexicon.class_words())
    return re.compile(rf"(?:\s*,?\s*(?:{words})(?![a-z0-9]))+")


def _described_gap(T: str, F: str, lo: int, hi: int) -> bool:
    """Only the words describing a generic class, then a comma or "và", between it and the next body
    ("phối hợp với các cơ quan thông tấn, báo chí, Sở B …", "các lực lượng chức năng và Công an tỉnh")."""
    m = _class_words_re().match(F, lo, hi)
    end = _LIST_END.match(T, m.end(), hi) if m else None
    # "Thủ trưởng các cơ quan, đơn vị, Chủ tịch UBND các xã": a title may open the next member
    return end is not None and (end.end() == hi or _title_patterns()[1].match(" ".join(F[end.end():hi].split())) is not None)


_LIST_END = re.compile(r"\s*(?:[,;]|\s(?:và|cùng))\s*", re.I)


def _past_class_words(T: str, F: str, pos: int, nxt: int):
    """A list of bodies that ends in a generic class with its describing words ("…, Sở B và các cơ quan
    thông tấn, báo chí phối hợp …", "Công an tỉnh, các lực lượng chức năng phối hợp …"), their owner and
    the scope of their duty ("… và các tổ chức thành viên của Mặt trận, trong phạm vi nhiệm vụ, quyền hạn
    của mình, có trách nhiệm …"): the position and the verb after those words, or (pos, None)."""
    m = _class_words_re().match(F, pos, nxt)
    if m is None:
        return pos, None
    cats = ("assign", "duty", "support", "reports", "task")
    after = _starts_with(F, m.end(), nxt, cats)
    if after is not None:
        return m.end(), after
    at = m.end()
    owner = _CLASS_OWNER.match(F, at, nxt)
    # (past an owner, a duty only: "… thành viên của Mặt trận cùng cấp" folds as the task "cung cấp")
    for end in ([w.end() for w in _WORD.finditer(F, owner.end(), min(nxt, owner.end() + 40))][:4] if owner else [at]):
        qual = _QUALIFIER.match(T, end, nxt)
        after = _starts_with(F, qual.end() if qual else end, nxt, ("duty",) if owner else cats)
        if after is not None:
            return (qual.end() if qual else end), after
    return pos, None


def _class_verb(F: str, pos: int, nxt: int) -> bool:
    """The describing words of a generic class, then right after them the verb of a task ("các Bộ, | cơ quan,
    địa phương | tổ chức thực hiện …"): no owner, no other body between."""
    m = _class_words_re().match(F, pos, nxt)
    return m is not None and _starts_with(F, m.end(), nxt, ("duty", "task")) is not None


# the owner of a generic class ("các tổ chức thành viên của Mặt trận", "các đơn vị thuộc Sở")
_CLASS_OWNER = re.compile(r"\s+(?:cua|thuoc|truc thuoc)\s+")

_AND_THE = re.compile(r"\s*(?:va|cung)\s+cac\s+")
_WORD = re.compile(r"[a-z0-9]+\s*")


_PARTY_OPEN = re.compile(r"[ \t]*(?:[,;]|\s(?:và|cùng)(?!\w))\s*(?:các\s+)?", re.I)


@lru_cache(maxsize=1)
def _party_re() -> re.Pattern:
    """The parties that join a list of subjects without being bodies (verbs.tsv 'party'), folded."""
    return re.compile(r"(?:" + lexicon.alternation(lexicon.verbs().get("party", {})) + r")(?![a-z0-9])")


def _party_after(T: str, F: str, pos: int, nxt: int) -> re.Match | None:
    """", doanh nghiệp viễn thông", ", các chủ đầu tư" right after a list of bodies: the party's noun."""
    opened = _PARTY_OPEN.match(T, pos, nxt)
    return _party_re().match(F, opened.end(), nxt) if opened else None


def _past_unnamed_class(T: str, F: str, pos: int, nxt: int):
    """A subject list that ends in a class no mention names ("Ngân hàng Nhà nước và các ngân hàng thương mại
    cổ phần quyết liệt triển khai …", "Sở X, doanh nghiệp viễn thông có trách nhiệm …"): the position and the
    verb up to eight words on, or (pos, None)."""
    m = _AND_THE.match(F, pos, nxt)
    party = _party_after(T, F, pos, nxt) if m is None else None
    if m is None and party is None:
        return pos, None
    at = (m or party).end()
    for k in range(9):
        if k or party is not None:   # (the class noun after "và các" may read as a verb: "tổ chức")
            after = _starts_with(F, _skip_blank(F, at, nxt), nxt, ("assign", "duty", "support", "reports", "task"))
            if after is not None:
                return at, after
        w = _WORD.match(F, _skip_blank(F, at, nxt), nxt)
        if w is None:
            break
        at = w.end()
    return pos, None


# "Sở A (chủ trì), Sở B, Sở C (phối hợp) …": a role in brackets right after a list's bodies
_PAREN_OPEN = re.compile(r"[ \t]*\(")
_PAREN_ROLE = re.compile(r"\s*(?:(?:co quan|don vi)\s+)?(chu tri|phoi hop|tham gia)(?:\s+thuc hien)?\s*")


def _bracketed_roles(T: str, F: str, mentions: list[Mention], need_lead: bool = True) -> list[tuple[Mention, str]]:
    """The bodies of a list whose members carry their role in brackets: "A (chủ trì), B, C (phối hợp)" gives A
    lead, B and C support (each bracket covers the bodies listed since the one before); the bodies listed
    after the lead's bracket with none of their own ("A (chủ trì), B, C") are its partners. Empty when no
    bracket names the lead."""
    out: list[tuple[Mention, str]] = []
    pending: list[Mention] = []
    pos = closed = None
    role = None
    for m in mentions:
        if pos is not None and not _separates(T, F, pos, m.start):
            pending = []
        pending.append(m)
        pos = m.end
        paren = _PAREN_OPEN.match(T, m.end)
        close = T.find(")", paren.end(), paren.end() + 40) if paren else -1
        hit = _PAREN_ROLE.fullmatch(F, paren.end(), close) if close > 0 else None
        if hit:
            role = "lead" if hit.group(1) == "chu tri" else "support"
            out += [(x, role) for x in pending]
            pending, pos = [], close + 1
            closed = pos
    if role == "lead" and pending and closed is not None and _separates(T, F, closed, pending[0].start):
        out += [(x, "support") for x in pending]
    return out if not need_lead or any(r == "lead" for _, r in out) else []


def brackets_go_on(T: str, F: str, ps: int, pe: int, cs: int, ce: int, mentions: list[Mention]) -> bool:
    """"Sở A (chủ trì); Sở B, Sở C (phối hợp) …": a clause whose bracketed lead ends at the ';' goes on into the
    bracketed partners after it (one task)."""
    if T[pe - 2:pe] != ");":
        return False
    before = [m for m in mentions if ps <= m.start < pe]
    after = [m for m in mentions if cs <= m.start < ce]
    return bool(before and after and _bracketed_roles(T, F, before) and
                any(r == "support" for _, r in _bracketed_roles(T, F, before[-1:] + after, need_lead=False)))


def _apply_bracketed(T: str, F: str, mentions: list[Mention], out: "ClauseRoles") -> None:
    """Bracketed roles ("Sở A (chủ trì), Sở B (phối hợp)") decide over the words around the bodies."""
    tagged = _bracketed_roles(T, F, mentions)
    if not tagged:
        return
    ids = {id(m) for m, _ in tagged}
    out.leads = [m for m, r in tagged if r == "lead"] + [m for m in out.leads if id(m) not in ids]
    out.supports = [m for m, r in tagged if r == "support"] + [m for m in out.supports if id(m) not in ids]
    out.subject = out.subject or out.leads[0]


_PARTNERS_FIRST = re.compile(r"(?<![a-z0-9])voi su phoi hop cua(?![a-z0-9])")
_PRESIDES_NEXT = re.compile(r"[ \t]*chu tri(?![a-z0-9])")
_PRESIDED_BY = re.compile(r"(?<![a-z0-9])do\s+$")   # "… do X chủ trì"


def _lead_after_partners(T: str, F: str, cs: int, out: ClauseRoles) -> None:
    """"Với sự phối hợp của Sở A, Sở B, Sở C chủ trì …": the partners are named first, and the body of
    their list that "chủ trì" follows leads (guide §2); the list had given it the partners' role."""
    if out.leads or not out.supports or not _PARTNERS_FIRST.search(F, cs, out.supports[0].start):
        return
    for m in out.supports:
        if _PRESIDES_NEXT.match(F, m.end) and not _PUNCT.search(T, m.end, m.end + 2):
            out.supports = [x for x in out.supports if x is not m]
            out.leads, out.subject = [m], m
            return


def _continues(T: str, F: str, prev: Mention, m: Mention) -> bool:
    """m is the next member of the list prev is in: only a separator between them, or (after a generic class)
    the words describing the class ("Các bộ, ngành, địa phương và Tập đoàn X khẩn trương …"). The same test
    finds the end of a list of subjects and passes a role along a list."""
    return _separates(T, F, prev.end, m.start) or (prev.generic and _described_gap(T, F, prev.end, m.start))


def analyse(T: str, F: str, cs: int, ce: int, mentions: list[Mention], issuer: str | None) -> ClauseRoles:
    out = ClauseRoles()
    prev: Mention | None = None
    prev_role: str | None = None
    via_chidao_only = True
    for i, m in enumerate(mentions):
        role = None
        owner = False
        main = False   # the subject of a main clause after a condition that named bodies ("… thì X …")
        if prev is not None and prev_role and not names_owner(F, cs, m) and _continues(T, F, prev, m):
            role = prev_role                                    # a list continues
        elif i >= 2 and _past_owner(T, F, mentions[i - 2], prev, m, prev_role, out):
            role = _role_of(mentions[i - 2], out)               # "các sở, cơ quan thuộc UBND tỉnh, UBND các xã"
        elif prev_role == "lead" and _partner_after_lead(T, F, prev, i, mentions, ce):
            role = "support"                                    # "A chủ trì, B phối hợp …"
        else:
            mk = _last_marker(T, F, prev.end if prev else cs, m.start, ("assign", "support", "reports"))
            if prev is None and (duty := _duty_of(F, cs, m.start)):
                mk = ("assign", duty, "duty_of")    # "Trách nhiệm của Sở X": X leads what the clause says
            elif mk and mk[0] == "assign" and _passive_giver(F, cs, prev, m.start):
                mk = None   # "nội dung đã được UBND tỉnh giao cho Liên hiệp X": a past assignment, no order
            elif mk and mk[2] == "giao" and _handed_for_purpose(T, F, mentions, i):
                mk = None   # "… và giao cho Ban X để chấm": a handover, not an order
            elif mk and mk[1] == "đề nghị" and _obliged_asks(F, cs, m.start):
                mk = ("reports", None, mk[2])   # "Tổ A phải báo cáo …, đề nghị Ban X …": whom A asks
            # "yêu cầu Thủ trưởng cơ quan trực thuộc Chính phủ, UBND các tỉnh": the owner of those ordered is not
            # ordered, the list goes on past it (a marker that ends in "của" names the body itself)
            owner = bool(mk) and mk[2] != "duty_of" and names_owner(F, cs, m) and \
                not mk[2].endswith(("cua", "thuoc"))
            if mk:
                cat, val, phrase = mk
                role = {"assign": "lead", "support": "support", "reports": "reports"}[cat]
                if cat == "assign":
                    out.modality = out.modality or val
                    if phrase != "chi dao":
                        via_chidao_only = False
            elif _PRESIDED_BY.search(F, max(cs, m.start - 4), m.start) and _PRESIDES_NEXT.match(F, m.end):
                role = "lead"   # "Việc kiểm tra do Sở X chủ trì, phối hợp với …": the passive names who presides
                via_chidao_only = False
            elif (opening := (prev is None and _prefix_ok(F, cs, m.start)) or
                    (bool(out.leads) and _comma_subject(T, F, prev, i, mentions, ce))) or (
                    out.subject is None and not out.leads and not out.supports and (
                        _after_adverbial(T, F, cs, prev, m) or _after_condition(T, F, cs, prev, m))) or (
                    main := bool(out.subject or out.leads or out.supports) and _after_condition(T, F, cs, prev, m)):
                # the clause's subject (a body, or a list of them): what follows decides
                j = _list_end(T, F, mentions, i)
                nxt = mentions[j + 1].start if j + 1 < len(mentions) else ce
                pos = mentions[j].end
                if j + 1 < len(mentions) and _DEPUTIES.fullmatch(F, pos, nxt):
                    # "…, các Tổ đại biểu và đại biểu HĐND tỉnh giám sát …": the deputies are persons (not
                    # recorded); the verb after their council is the list's
                    pos = mentions[j + 1].end
                    nxt = mentions[j + 2].start if j + 2 < len(mentions) else ce
                    place = _DEPUTIES_PLACE.match(T, pos, nxt)   # "… đại biểu Quốc hội tỉnh Phú Thọ"
                    pos = place.end() if place else pos
                qual = _QUALIFIER.match(T, pos, nxt)   # "(Hà Nội)", "nêu trên", "từ Hà Tĩnh đến Khánh Hòa"
                pos = qual.end() if qual else (definition_end(T, F, pos, ce) or pos)   # "(sau đây gọi tắt là …)"
                scope = _DUTY_SCOPE.match(F, pos, nxt)   # "… theo chức năng, nhiệm vụ được giao hỗ trợ …"
                pos = scope.end() if scope else pos
                focus = _FOCUS_TAIL.match(T, pos, nxt)   # "… khu vực Trung Bộ, nhất là các tỉnh: A, B"
                pos = focus.end() if focus else pos
                also = _ALSO.match(T, pos, nxt)   # "X cũng yêu cầu …" ("cũng" folds like "cùng", a partner's word)
                pos = also.end() if also else pos
                when = _WHEN.match(T, pos, nxt)   # "Sở X định kỳ hằng quý tổng hợp …"
                pos = when.end() if when else pos
                after = _starts_with(F, pos, nxt, ("assign", "narrative", "duty", "support", "reports", "task"))
                if after and _names_go_on(T, pos, nxt):
                    after = None   # "Công an, Xây dựng, Tài chính, …": ministries named by their fields, no verb
                generic_subject = False
                if after is None and mentions[j].generic:
                    if j > i:
                        pos, after = _past_class_words(T, F, pos, nxt)   # "A, B và các cơ quan thông tấn, báo chí phối hợp"
                    else:
                        # "Sau khi được Quốc hội thông qua, các Bộ, cơ quan, địa phương tổ chức …": after an
                        # opening phrase that names a body, a generic class alone, its describing words, then its
                        # verb: the clause states its own subject and continues no task before it (no lead
                        # either: a class is no named body)
                        generic_subject = _class_verb(F, pos, nxt) and _opens_adverbial(F, cs) and \
                            _after_adverbial(T, F, cs, prev, m)
                if after is None:
                    pos, after = _past_unnamed_class(T, F, pos, nxt)   # "A và các ngân hàng thương mại quyết liệt …"
                if (after is None and _GIVEN.match(F, pos, nxt)) or \
                        ((after is None or after[0] == "narrative") and _LEAD_PART.match(F, pos, nxt)):
                    after = ("task", None)   # "X được giao chủ trì, phối hợp với Y", "X là cơ quan chủ trì"
                if not opening and after and not T[pos:nxt].strip()[:1].isalpha():
                    after = None   # after an adverbial the verb must follow the body itself
                if after and after[0] == "assign" and after[1] != "chỉ đạo" and (
                        not opening or _head_speaks(F, cs, m)):
                    # "Căn cứ …, X yêu cầu / đề nghị …", "Chủ tịch UBND tỉnh X giao …", "Thủ tướng yêu
                    # cầu …": X (or its head) gives the order, it is not ordered
                    out.director = m
                    out.modality = out.modality or after[1]
                    after = None
                out.subject = m
                via_chidao_only = False
                alone = nxt == ce and _JOINS_ALONE.fullmatch(F, pos, ce) is not None
                if after and after[0] == "narrative" and not alone:
                    out.narrative = True
                elif speaks_for(m.agency.name, issuer) and not _issuer_tasked(F, pos, nxt, after):
                    # the issuer opening a clause gives the order ("UBND quận yêu cầu:") or tells what it
                    # does in issuing ("UBND tỉnh phát động …"), it is not tasked
                    out.director = m
                    if after and after[0] == "assign":
                        out.modality = out.modality or after[1]
                elif after and _UNABLE.match(F, pos, nxt):
                    out.subject = None      # "X không thỏa thuận được …": what X cannot do, not a task
                elif (after and _JOINS.match(F, pos, nxt)) or alone:
                    role = "support"        # "B tham gia": B joins the task of the sentence before
                    out.subject = None
                elif after and after[0] in ("duty", "assign", "task", "support", "reports"):
                    role = "lead"
                    if after[0] == "duty":
                        out.modality = out.modality or after[1]
                    if main:
                        # "Nếu dự án không do Bộ A thực hiện thì UBND tỉnh có trách nhiệm …": the bodies of the
                        # condition do nothing it orders; the main clause's subject leads
                        _drop_condition(T, F, cs, m, out)
                elif prev is None and _only_bodies(T, F, m.end, mentions[i + 1:], ce):
                    role = "lead"     # bodies alone: a heading or label ("1. Phòng Y tế", "11. Sở A và Sở B")
                    out.bare = True
                elif generic_subject:
                    pass    # the subject stays, with no role
                else:
                    out.subject = None  # a body opening a sentence that states no task
        if role is None and speaks_for(m.agency.name, issuer) and out.director is None:
            # "Căn cứ …, UBND tỉnh yêu cầu:" — the issuer giving the order mid-sentence
            nxt = mentions[i + 1].start if i + 1 < len(mentions) else ce
            after = _starts_with(F, m.end, nxt, ("assign",))
            if after:
                out.director = m
                out.modality = out.modality or after[1]
        if owner:
            pass
        elif role == "lead":
            out.leads.append(m)
        elif role == "support":
            out.supports.append(m)
        elif role == "reports":
            out.reports.append(m)
        prev, prev_role = m, role
    _executors(T, F, cs, ce, mentions, issuer, out)
    _apply_bracketed(T, F, mentions, out)
    _lead_after_partners(T, F, cs, out)
    if out.subject is None and out.director is None and (not out.leads or out.modality == "chỉ đạo"):
        _listed_subjects(T, F, cs, ce, mentions, issuer, out)
    out.directed_only = bool(out.leads) and via_chidao_only and out.subject is None
    # one body is not its own partner: a lead named again as support stays lead
    lead_names = {m.agency.name for m in out.leads}
    out.supports = [m for m in out.supports if m.agency.name not in lead_names]
    return out
