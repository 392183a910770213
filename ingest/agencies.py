"""Recognise agency mentions and give each its canonical name (guide §1, §3).

A mention is a head from ``data/heads.tsv`` (Ủy ban nhân dân, Sở, Phòng,
Công an, Trung tâm, Công ty, …) followed by what its mode expects: a field
of ``data/fields.tsv`` (Sở Y tế), a level word and place (UBND huyện Sóc Sơn),
a collective (UBND các xã, thị trấn), or name words up to a stop word. The
jurisdiction comes from the text or, when the text leaves it out, from the
``Context`` of the directive (the issuer's province and district).

Scanning happens on ``fold_keep(text)``, which has the same length as the
text, so folded matches are spans of the original.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate

from . import lexicon, places
from .records import Agency
from .textnorm import fold_keep, modern_tones, squash_spaces

LEVEL_RE = re.compile(r"(thanh pho|thi tran|thi xa|dac khu|tinh|quan|huyen|xa|phuong|tp)(?![a-z0-9])")
WORD_RE = re.compile(r"[a-z0-9]+")
_COLLECTIVE_RE = re.compile(
    r"(cac|\d+)\s+((?:thanh pho|thi tran|thi xa|dac khu|tinh|quan|huyen|xa|phuong)(?![a-z0-9])"
    r"(?:\s{1,3}(?:va\s+)?(?:thanh pho|thi tran|thi xa|dac khu|tinh|quan|huyen|xa|phuong)(?![a-z0-9]))*"
    r"(?:\s+truc thuoc\s+(?:trung uong|tinh|thanh pho)(?![a-z0-9]))?)")
_LEVEL_OF_WORD = {k: v for k, v in places.LEVEL_WORDS.items()}
_ALL_PROVINCES = "các tỉnh, thành phố trực thuộc trung ương"
_ALL_PARTY_COMMITTEES = "Các tỉnh ủy, thành ủy trực thuộc Trung ương"   # as named_collectives.tsv writes it
# "… trực thuộc Trung ương" after a collective's level words (folded): the seat it is under
_SEAT_RE = re.compile(r"\s+truc thuoc\s+(trung uong|tinh|thanh pho)(?![a-z0-9])")
_SEATS = {"trung uong": "trung ương", "tinh": "tỉnh", "thanh pho": "thành phố"}
# Compiled once here: ``re.match(pattern_string, …)`` looks the pattern up in re's cache on
# every call, and find_mentions runs for every paragraph of every document.
_CAP_GENERIC_RE = re.compile(r"(cac cap|cung cap|cap (tinh|huyen|xa|thanh pho|quan|duoi|tren))(?![a-z0-9])")
_SUPPLIES_RE = re.compile(r"cung\s+cấp", re.I)   # the verb, which folds like "cùng cấp"
# "Công an các địa phương", "Sở Xây dựng địa phương (nơi có dự án)": the body of localities the text does not
# name, generic (guide §1, §8: "lực lượng công an các cấp"); not the province of the text
_LOCALITIES_RE = re.compile(r"(?:cac\s+)?dia phuong(?![a-z0-9])")
# "Ủy ban nhân dân cấp có thẩm quyền": whichever level the law gives the power to, generic (not the text's place)
_COMPETENT_RE = re.compile(r"cap co tham quyen(?![a-z0-9])")
_CAP_LEVEL_RE = re.compile(r"(cac cap|cung cap|cap (thanh pho|thi tran|thi xa|dac khu|\w+))")
_NATIONAL_RE = re.compile(r"(quoc gia|trung uong|viet nam|tong bi thu|chu tich nuoc|trung uong dang|chinh phu|quoc hoi)$")
_LEVEL_END_RE = re.compile(r"(?<![a-z0-9])(thanh pho|thi xa|thi tran|dac khu|tinh|quan|huyen|xa|phuong)\s*$")
_LEVEL_PREFIX_RE = re.compile(r"^(thành phố|tỉnh|quận|huyện|thị xã|thị trấn|xã|phố)\s+")
_GENERIC_TAIL_RE = re.compile(r"(?:\s+[a-z]+){0,3}?\s+(?:co lien quan|lien quan)(?![a-z0-9])|"
                              r"\s+(?:cua (?:thanh pho|tinh|huyen|quan|xa|phuong)|(?:cap\s+)?(?:thanh pho|tinh|huyen|quan|trung uong)|cap\s+xa|truc thuoc)(?![a-z0-9])")
_PUNCT_RE = re.compile(r"[,;:()]")
_CO_QUAN_RE = re.compile(r"(?<![a-z0-9])co quan\s+$")
_PARENT_SEP_RE = re.compile(r"[ \t]*(?:[-–,][ \t]*)?")
_PARENT_KINDS = ("so", "bo", "cuc", "ubnd", "cong_an", "tong_cuc")   # bodies whose rooms (Phòng …) are named with them
_ANY_RE = re.compile(r".*")
_TRAILING_PLACE_RE = re.compile(r"\s(thanh pho|tinh|quan|huyen|thi xa|xa|phuong|thi tran|tp)((?:\s+\S+){0,4})$")
REFORM_DATE = "2025-07-01"   # two-level local government: districts abolished, provinces merged
_RANK = {"central": 0, "province": 1, "district": 2, "commune": 3}


@dataclass
class Context:
    """Where the directive is: used for bodies the text names without a place."""

    province: str | None = None
    province_word: str = "thành phố"
    district: str | None = None
    district_word: str = "quận"
    level: str = "province"        # level of the issuer
    commune: str | None = None     # since 2025 communes issue documents too
    commune_word: str = "xã"
    date: str | None = None        # ISO date of the directive: names changed on 1 July 2025
    ministry: str | None = None    # the issuing ministry ("Bộ Tư pháp"): "Vụ …", "Văn phòng Bộ" are its units

    def reformed(self) -> bool:
        """After 1 July 2025 a province has only communes and wards below it (no districts)."""
        return bool(self.date) and self.date >= REFORM_DATE

    def place_of(self, level: str) -> str | None:
        if level == "province" and self.province:
            return f"{self.province_word} {self.province}"
        if level == "district" and self.district:
            return f"{self.district_word} {self.district}"
        if level == "commune" and self.commune:
            return f"{self.commune_word} {self.commune}"
        if level == "district" and self.province and self.level == "province":
            return None
        return None

    def below(self, level: str) -> str | None:
        """Jurisdiction that contains a collective of units of ``level``."""
        if level == "commune":
            return self.place_of("district") or self.place_of("province")
        if level == "district":
            return self.place_of("province")
        return None


@dataclass
class _FakeMatch:
    """A name read as open words where a field was expected (Phòng Nghiệp vụ Y)."""

    s: int
    e: int
    canonical: str

    def end(self) -> int:
        return self.e


@dataclass
class Mention:
    start: int
    end: int
    agency: Agency
    generic: bool = False
    head_start: int = -1           # where the head word starts (after a title or "các")
    head: "lexicon.Head | None" = None
    bare: bool = False             # nothing after the head: its place is the context's
    by_level: bool = False         # "UBND cấp xã": a collective named by its level only


def _key(matched: str) -> str:
    """The table key of a folded match (runs of spaces squashed)."""
    return " ".join(matched.split())


def _spelled_as_head(written: str, head: lexicon.Head) -> bool:
    """Diacritics tell "Vụ" from "Vũ", "Viện" from "Viên", "Báo" from "Bảo": folding does not."""
    return _spelled_as(written, head.variant, head.canonical)


@lru_cache(maxsize=8192)
def _spelled_as(written: str, variant: str, canonical: str) -> bool:
    """``_spelled_as_head`` cached on strings (hashing a Head dataclass costs more than the test)."""
    w = " ".join(modern_tones(written).lower().split())
    if w == canonical.lower():
        return True
    if variant != " ".join(fold_keep(canonical).split()):
        return True   # an abbreviation or variant spelling listed in heads.tsv (UBND, TP, Thành Đoàn …)
    return " ".join(fold_keep(w).split()) != variant or len(variant) > 12


def _head_at(T: str, F: str, pos: int, hi: int) -> re.Match | None:
    """The head that starts at pos, spelled as that head ("Viễn thông" does not start "Viện")."""
    m = lexicon.head_regex().match(F, pos, hi)
    return m if m and _spelled_as_head(T[pos:m.end()], _head_of(m.group(1))) else None


@lru_cache(maxsize=1024)
def _head_of(matched: str) -> lexicon.Head:
    """The heads.tsv entry of a folded head match ("uy  ban nhan dan" -> Ủy ban nhân dân)."""
    return lexicon.heads()[_key(matched)]


@lru_cache(maxsize=8192)
def _fold_words(text: str) -> str:
    """Folded words joined by single spaces: the key of the data tables."""
    return " ".join(fold_keep(text).split())


def _cap(text: str, i: int) -> bool:
    return i < len(text) and text[i].isupper()


def _char_at(text: str, i: int) -> str:
    """text[i], or "" past the end (without copying the rest of the text, as text[i:][:1] would)."""
    return text[i:i + 1]


def _words(F: str, pos: int, hi: int):
    return WORD_RE.finditer(F, pos, hi)


def _skip_space(T: str, p: int, hi: int) -> int:
    """Skip blanks (a single line break too: official texts wrap names across lines)."""
    start = p
    while p < hi and T[p] in " \t\r\n*":
        p += 1   # (bold marks inside a name, "Sở **Y tế**", are not words)
    return start if T.count("\n", start, p) > 1 else p


_SEP_RE = re.compile(r"[ \t\r\n]*(?:,|và(?![\w])|&)[ \t\r\n]*")


_PLACE_SEP_RE = re.compile(r"[ \t\r\n]*(?:[,;]|và(?![\w])|&)[ \t\r\n]*(?:và(?![\w])[ \t\r\n]*)?")   # between listed places


def _sep(T: str, p: int, hi: int) -> int:
    """End of a list separator (", ", " và ") at p, or -1."""
    m = _SEP_RE.match(T, p, hi)
    return m.end() if m else -1


def _written(T: str, s: int, e: int) -> str:
    return _clean_written(T[s:e])


@lru_cache(maxsize=8192)
def _clean_written(text: str) -> str:
    """A mention as written, tidied; cached because the same names recur in every clause."""
    return squash_spaces(modern_tones(text)).strip(" ,;:.-")


_SPACED_DASH_RE = re.compile(r"[ \t]+[-–][ \t]+")


def _place_after(T: str, F: str, p: int, hi: int, want: str | None = None, near: str | None = None):
    """A known place name of up to 4 capitalised words at p: (end, Place) or None."""
    first = WORD_RE.search(F, p, min(hi, p + 60))
    if first is None or first.start() - p > 2 or not (_cap(T, first.start()) or first.group().isdigit()) or \
            T[p:first.start()].strip():
        return None   # the common case, answered without the loop below ("tỉnh, Bộ …": a comma ends the name)
    words = []
    for m in _words(F, p, min(hi, p + 60)):
        if words and T[words[-1].end():m.start()].strip() and T[words[-1].end():m.start()] not in ("'", "’", "-") \
                and not _SPACED_DASH_RE.fullmatch(T, words[-1].end(), m.start()):
            break  # punctuation between words ends a name (not the apostrophe of "Ea H'leo", nor the dash
            #        of "Bà Rịa - Vũng Tàu": the longest known name is tried first below)
        if not (_cap(T, m.start()) or m.group().isdigit()):
            break
        words.append(m)
        if len(words) == 5:
            break
    if not words or words[0].start() - p > 2:
        return None
    for n in range(len(words), 0, -1):
        name = " ".join(F[words[0].start():words[n - 1].end()].split())
        found = places.lookup(name)
        if want:
            pref = [pl for pl in found if pl.level == want]
            found = pref or ([] if want == "province" else found)   # "tỉnh X": never a commune X
        if near:
            # the same name exists in several provinces: prefer the one in the text's province
            found = sorted(found, key=lambda pl: pl.province != near and pl.name != near)
        if found:
            return words[n - 1].end(), found[0]   # the gazetteer's spelling, not the header's capitals
    return None


def _level_word(T: str, F: str, p: int, hi: int):
    """A level word at p (huyện, thành phố, TP …): (end, folded word), or None.

    Diacritics decide: "Quản lý", "Xa lộ", "Tinh thần" are not "quận", "xã", "tỉnh"."""
    m = LEVEL_RE.match(F, p, hi)
    if not m or not _spelled_as_level(T[p:m.end()]):
        return None
    return m.end(), m.group(1)


_LEVEL_SPELLINGS = {"thành phố", "tp", "tỉnh", "quận", "huyện", "thị xã", "xã", "phường", "thị trấn", "đặc khu"}


@lru_cache(maxsize=1024)
def _spelled_as_level(written: str) -> bool:
    return " ".join(modern_tones(written).lower().split()) in _LEVEL_SPELLINGS


def _jur_string(level_word: str, place: str) -> str:
    return f"{level_word} {place}"


@dataclass
class _Place:
    end: int
    level: str | None = None        # province | district | commune
    jurisdiction: str | None = None  # "quận Đống Đa"
    collective: str | None = None    # "các xã, thị trấn"
    extra: list = field(default_factory=list)   # enumerated further places: (start, end, level, jurisdiction)
    generic: bool = False
    explicit: bool = False                      # the place is named in the text, not taken from context
    by_level: bool = False                      # "cấp xã" read as the collective of the province's communes
    region: str | None = None                   # "khu vực XI": a regional unit of a central body
    named: bool = False                         # the place is part of the proper name (… Hội An)


_REGION_RE = re.compile(r"khu vuc\s+([ivxlc]+|\d{1,2})(?![a-z0-9])")
_REGIONS_RE = re.compile(r"cac\s+khu vuc(?![a-z0-9])")
_BARE_REGION_RE = re.compile(r"khu vuc(?![a-z0-9])")
_REGION_GOES_ON_RE = re.compile(r"[ \t]*\w")   # "các khu vực biên giới": places, not the regional units
_NUMERAL_RE = re.compile(r"([ivxlc]+|\d{1,2})(?![a-z0-9])")
_REGION_TAIL_RE = re.compile(r"\skhu vực\s+([IVXLC]+|\d{1,2})$")


def _numeral_ok(T: str, m: re.Match) -> bool:
    """A region number: digits, or Roman numerals in capitals ("XI", not the word "vi")."""
    return T[m.start(1):m.end(1)].isdigit() or T[m.start(1):m.end(1)].isupper()


def _region_at(T: str, F: str, q: int, hi: int) -> tuple[int, str] | None:
    """"khu vực XI" at q: (end, "khu vực XI"). Regional units carry their region, not a province (§9);
    a region may also be named ("khu vực Gio Linh - Cồn Cỏ")."""
    m = _REGIONS_RE.match(F, q, hi)
    if m and not _REGION_GOES_ON_RE.match(T, m.end(), hi):
        return m.end(), "các khu vực"   # "Kho bạc Nhà nước các khu vực": every regional unit, no province
    m = _REGION_RE.match(F, q, hi)
    if m and _numeral_ok(T, m):
        return m.end(), f"khu vực {T[m.start(1):m.end(1)]}"
    m = _REGION_WORD_RE.match(F, q, hi)
    end = _proper_words_end(T, F, m.end(), hi) if m else -1
    return (end, f"khu vực {_written(T, m.end(), end)}") if end > 0 else None


_REGION_WORD_RE = re.compile(r"khu vuc\s+")
_BRANCH_NUMBER_RE = re.compile(r"so\s+(\d{1,2})(?![0-9a-z/.\-–])")
_NAME_JOIN_RE = re.compile(r"[ \t]*[-–][ \t]*|[ \t]+")


def _proper_words_end(T: str, F: str, r: int, hi: int) -> int:
    """End of up to four capitalised words at r (joined by spaces or a dash: "Gio Linh - Cồn Cỏ") that
    start no body; -1 when the first word is not capitalised."""
    end, count = -1, 0
    while count < 4:
        w = WORD_RE.match(F, r, hi)
        if not w or not _cap(T, r) or (not count and _head_at(T, F, r, hi)):
            break
        end, count = w.end(), count + 1
        j = _NAME_JOIN_RE.match(T, end, hi)
        if not j:
            break
        r = j.end()
    return end


def _numbered_branch(T: str, F: str, q: int, hi: int, ctx: Context) -> tuple[int, str] | None:
    """"Chi nhánh … số 17 TPHCM": a branch named by its number, with the place printed after it
    (not "của UBND số 12/UBND-KT", a document number)."""
    m = _BRANCH_NUMBER_RE.match(F, q, hi)
    if not m:
        return None
    name, end = f"số {m.group(1)}", m.end()
    pl = _place_after(T, F, _skip_space(T, end, hi), hi, "province", ctx.province)
    if pl and pl[1].level == "province":
        name, end = f"{name} {_jur_string(pl[1].word, pl[1].name)}", pl[0]
    return end, name


def _numbered_units(T: str, F: str, s: int, p: int, hi: int, head: lexicon.Head) -> list[Mention]:
    """"Khu Quản lý đường bộ III và IV": one unit per number, named by it, with no place."""
    out: list[Mention] = []
    r = _skip_space(T, p, hi)
    while True:
        m = _NUMERAL_RE.match(F, r, hi)
        if not m or not _numeral_ok(T, m):
            return out
        number = T[m.start(1):m.end(1)]
        start = s if not out else r
        out.append(Mention(start, m.end(), _agency(f"{head.canonical} {number}", head.kind, head.level, None,
                                                   _written(T, start, m.end())), head_start=s))
        sep = _MEMBER_SEP_RE.match(T, m.end(), hi)
        if not sep:
            return out
        r = sep.end()


def _parse_place(T: str, F: str, p: int, hi: int, ctx: Context, head_level: str | None) -> _Place:
    """What follows a head: a place, a collective, a level word alone, or nothing."""
    q = _skip_space(T, p, hi)
    region = _region_at(T, F, q, hi) or _numbered_branch(T, F, q, hi, ctx)
    if region:
        return _Place(region[0], "region", None, region=region[1])
    # "các cấp", "cùng cấp", "cấp huyện": generic (not the verb "cung cấp": "Sở X cung cấp số liệu")
    if _CAP_GENERIC_RE.match(F, q, hi) and not _SUPPLIES_RE.match(T, q, hi):
        m = _CAP_LEVEL_RE.match(F, q, hi)   # (a slice F[q:hi] would copy the rest of a long unit)
        lw = LEVEL_RE.fullmatch(m.group(2) or "")
        # "cấp xã": every body of that level, generic unless the text names that collective
        level = _LEVEL_OF_WORD[lw.group(1)][0] if lw else None
        if level == "commune" and ctx.reformed() and ctx.province and ctx.level == "province":
            # since 1 July 2025 "cấp xã" is every commune and ward of the province (guide §9)
            return _Place(m.end(), level, ctx.place_of("province"), collective="các xã, phường", by_level=True)
        if level == "province" and ctx.level == "central":
            # in a central text "cấp tỉnh" is every province (the addressed ones, when it names some)
            return _Place(m.end(), level, None, collective=_ALL_PROVINCES, by_level=True)
        return _Place(m.end(), level=level, generic=True)
    competent = _COMPETENT_RE.match(F, q, hi)
    if competent:
        return _Place(competent.end(), generic=True)
    if _LOCALITIES_RE.match(F, q, hi):
        return _Place(q, generic=True)   # (the generic phrase "các địa phương" is a mention of its own)
    m = _COLLECTIVE_RE.match(F, q, hi)
    if m:
        words = [w for w in LEVEL_RE.findall(m.group(2))]
        end = m.end()
        written = _written(T, q, end).lower()
        lowest = max((_LEVEL_OF_WORD[w][0] for w in words), key=lambda lv: _RANK[lv])
        # "UBND các huyện: Sóc Sơn, Ba Vì, Sơn Tây" -> one body per place
        after = _skip_space(T, end, hi)
        levels = [_LEVEL_OF_WORD[w][0] for w in words]
        colon = T[after:after + 1] == ":"
        # "UBND các tỉnh Hà Tĩnh, Quảng Bình và Quảng Trị": the provinces named without a colon, one body each
        if m.group(1) == "cac" and (colon or set(levels) == {"province"}):
            extra, r = [], after + 1 if colon else after
            while True:
                r = _skip_space(T, r, hi)
                pl = _place_after(T, F, r, hi, levels[0], ctx.province)
                if not pl or pl[1].level not in levels:
                    break
                extra.append((r, pl[0], pl[1].level, _jur_string(pl[1].word, pl[1].name)))
                sm = _PLACE_SEP_RE.match(T, pl[0], hi)   # (";" too: "các tỉnh: A; B; C")
                if sm is None:
                    break
                r = sm.end()
            if extra:
                first = extra.pop(0)
                return _Place(first[1], first[2], first[3], extra=extra)
        # a named place after the collective ("các xã, phường, đặc khu Cồn Cỏ")
        pl = _place_after(T, F, end + 1, hi, _LEVEL_OF_WORD[words[-1]][0], ctx.province) \
            if T[end:end + 1] == " " else None
        extra = []
        if pl and pl[1].level == "commune":
            written = f"{written} {pl[1].name}"   # "các xã, phường, đặc khu Cồn Cỏ": one collective
            end = pl[0]
        elif pl and pl[1].level == "district" and words:
            # "các quận, huyện, thị xã Sơn Tây": the collective and one named body
            last_word = _LEVEL_OF_WORD[words[-1]][1]
            ws = m.start(2) + m.group(2).rfind(words[-1])
            extra.append((ws, pl[0], "district", _jur_string(last_word, pl[1].name)))
        parent = ctx.below(lowest)
        if lowest == "commune" and ctx.level == "province":
            parent = ctx.place_of("province")
        return _Place(end, lowest, parent, collective=canonical_levels(written), extra=extra)
    lw = _level_word(T, F, q, hi)
    if lw:
        lend, word = lw
        level, canon_word = _LEVEL_OF_WORD[word]
        r = lend + (1 if T[lend:lend + 1] == "." else 0)
        pl = _place_after(T, F, _skip_space(T, r, hi), hi, None if word in ("thanh pho", "tp") else level, ctx.province)
        if pl and (word not in ("thanh pho", "tp") or pl[1].level in ("province", "district")):
            place = pl[1]
            lvl = place.level if word in ("thanh pho", "tp") else level
            jw = place.word if lvl == "province" else canon_word
            out = _Place(pl[0], lvl, _jur_string(jw, place.name), explicit=True)
            # "UBND huyện Sóc Sơn, huyện Ba Vì, thị xã Sơn Tây": more bodies of the same head
            r = pl[0]
            while True:
                r2 = _sep(T, r, hi)
                lw2 = _level_word(T, F, r2, hi) if r2 > 0 else None
                if not lw2 and r2 > 0 and lvl == "province":
                    # "UBND tỉnh Hà Tĩnh, Quảng Bình, Quảng Trị": more provinces named without their level word
                    pl2 = _place_after(T, F, r2, hi, "province", ctx.province)
                    if not pl2 or pl2[1].level != "province" or not _cap(T, r2):
                        break
                    out.extra.append((r2, pl2[0], "province", _jur_string(pl2[1].word, pl2[1].name)))
                    r = pl2[0]
                    continue
                if not lw2:
                    break
                lvl2, word2 = _LEVEL_OF_WORD[lw2[1]]
                pl2 = _place_after(T, F, _skip_space(T, lw2[0], hi), hi, lvl2, ctx.province)
                if not pl2:
                    break
                out.extra.append((r2, pl2[0], lvl2, _jur_string(word2 if lvl2 != "province" else pl2[1].word, pl2[1].name)))
                r = pl2[0]
            return out
        # "UBND xã, phường", "UBND huyện, thành phố" without "các": the collective below the issuer
        more = _more_level_words(T, F, r, hi, ctx)
        if more and _RANK[level] > _RANK.get(ctx.level, 1):
            end, words = more
            levels = [level] + [_LEVEL_OF_WORD[w][0] for w, _ in words]
            lowest = max(levels, key=lambda lv: _RANK[lv])
            written = canon_word + "".join(sep + _LEVEL_OF_WORD[w][1] for w, sep in words)
            seat = _SEAT_RE.match(F, end, hi)   # "Sở X tỉnh, thành phố trực thuộc Trung ương": every province
            if seat:
                end, written = seat.end(), f"{written} trực thuộc {_SEATS[seat.group(1)]}"
            return _Place(end, lowest, ctx.below(lowest), collective=canonical_levels("các " + written))
        # a level word alone: the context's unit of that level, or all units below the issuer
        if _RANK[level] > _RANK.get(ctx.level, 1) and not _cap(T, q):
            return _Place(r, level, ctx.below(level), collective="các " + canon_word)
        return _Place(r, level, ctx.place_of(level) or canon_word)
    pl = _place_after(T, F, q, hi, "province")
    if pl and pl[1].level == "province":
        return _Place(pl[0], "province", _jur_string(pl[1].word, pl[1].name), explicit=True)
    if head_level in ("district", "commune"):
        # "Huyện ủy Mộc Châu", "TTYT Mộc Châu": a district's body named with its district alone
        pl = _place_after(T, F, q, hi, head_level, ctx.province)
        if pl and pl[1].level == head_level:
            return _Place(pl[0], head_level, _jur_string(pl[1].word, pl[1].name), explicit=True)
    return _Place(p)


# "các phường, xã" is the communes' collective written in its canonical order "các xã, phường" (the order of
# the 2025 law and of gold-archive's names); a longer list ("các phường, xã, đặc khu") keeps the text's order
_WARDS_FIRST = re.compile(r"(?<![\w])các phường, xã(?=\s*(?:[;.(]|$))")


def canonical_levels(text: str) -> str:
    """A collective's level words in their canonical order ("các phường, xã" -> "các xã, phường")."""
    return _WARDS_FIRST.sub("các xã, phường", text)


_MORE_LEVEL_RE = re.compile(r"[ \t]*(,|/|và(?!\w))[ \t\r\n]*")


def _more_level_words(T: str, F: str, r: int, hi: int, ctx: Context):
    """Level words listed after a first one ("xã, phường và đặc khu", "xã/phường"):
    (end, [(folded word, separator as printed)]), or None. A word with a place after it
    ("…, thành phố Vinh") names a body, not a level."""
    words = []
    while True:
        sm = _MORE_LEVEL_RE.match(T, r, hi)
        if not sm:
            break
        lw = _level_word(T, F, sm.end(), hi)
        if not lw or lw[1] == "tp" or _place_after(T, F, _skip_space(T, lw[0], hi), hi, None, ctx.province):
            break
        words.append((lw[1], {",": ", ", "/": ", "}.get(sm.group(1), " và ")))
        r = lw[0]
    return (r, words) if words else None


_TP_DOT_RE = re.compile(r"(?<![a-z0-9])tp$")   # "Viện Pasteur TP. Hồ Chí Minh": the abbreviated level word


@lru_cache(maxsize=1)
def _title_re() -> re.Pattern:
    """A person's title (verbs.tsv 'title': "thủ trưởng", "giám đốc" …), folded, as a whole word."""
    return re.compile(r"(?:" + lexicon.alternation(lexicon.verbs().get("title", {})) + r")(?![a-z0-9])")


def _is_place_name(written: str) -> bool:
    """Is the whole of a would-be name, as written (tones and all), the name of a place ("Vụ Bổn")?"""
    return any(pl.name == written for pl in places.lookup(written))


# bodies named with their topic after "về" ("Ban Chỉ đạo Trung ương về phòng, chống thiên tai", guide §3: the full name)
_TOPIC_KINDS = frozenset({"ban_chi_dao"})
_TOPIC_VE = re.compile(r"ve\s+(?!viec\b)[a-z]")


def _open_name_end(T: str, F: str, p: int, hi: int, kind: str) -> int:
    """End of the name words of an open-ended body (Trung tâm …, Công ty …).

    Name words run until a stop word (a verb of the task or a function word),
    punctuation, a blank line, or another body after a separator. Compounds of
    ``name_phrases.txt`` ("đầu tư xây dựng") are read whole first.
    """
    phrases = _name_phrase_regex()
    end, count, r, last_word = p, 0, p, p
    while r < hi and count < 16:
        w = WORD_RE.search(F, r, min(hi, r + 12))
        if not w:
            break
        nxt = w.start()
        gap = T[r:nxt]
        punct = gap.strip()
        if "\n" in gap and (gap.count("\n") > 1 or count == 0 or (_cap(T, nxt) and not _wrapped(T, F, r, nxt, hi))):
            break   # (a single line break before a lower-case word is the scraper's wrapping)
        if punct and punct not in (",", "-", "&", "–") and not (gap in ("'", "’") and count) and \
                not (punct == "." and count and _TP_DOT_RE.search(F, max(p, r - 3), r)):
            break  # (an apostrophe inside a word, "Ánh'Sao", is part of the name; so is the dot of "TP.")
        if punct == "," and not (count and _comma_series(T, F, nxt, hi)):
            # a comma continues only lower-case description words of boards (cấp nước, thoát nước…)
            if kind not in ("ban_qlda", "ban") or _cap(T, nxt) or count == 0:
                break   # ("các Ban Quản lý dự án, chủ đầu tư": the head alone, then other parties)
        pm = phrases.match(F[nxt:nxt + 80])
        phrase = pm.group() if pm else None
        if phrase:
            r = end = nxt + len(phrase)
            count += 2
            continue
        if not _cap(T, nxt) and _stop_regex().match(modern_tones(T[nxt:nxt + 40]).lower()) and not (
                kind in _TOPIC_KINDS and count and _TOPIC_VE.match(F, nxt)):
            break   # (a steering committee's name runs on with its topic: "Ban Chỉ đạo quốc gia về phát triển …")
        lw = _LEVEL_END_RE.search(F, p, r) if count and not _cap(T, nxt) else None
        if lw and _spelled_as_level(T[lw.start(1):r]):
            break  # "Trung tâm Kiểm soát bệnh tật tỉnh | chuẩn bị …", "… Thành phố | cấu hình": a level word ends the name
        if count and punct in (",", "&", "-", "–") and _cap(T, nxt) and _body_at(T, F, nxt, hi):
            break  # "…, Công ty …": the next body
        if count and F[nxt:nxt + 3] == "va " and _cap(T, nxt + 3) and (
                _head_at(T, F, nxt + 3, hi) or _title_re().match(F, nxt + 3, hi)):
            break  # "… và Sở …", "Vụ Pháp chế và Thủ trưởng các đơn vị …" (a person's title after "và")
        hm = _head_at(T, F, nxt, hi) if _cap(T, nxt) else None
        if hm and count and _head_of(hm.group(1)).mode == "placed" and _place_follows(T, F, hm.end(), hi):
            break   # "CỤC THUẾ | THUẾ TỈNH X": a body that needs its own place starts after the name
            #         (but not "Tập đoàn Công nghiệp - Viễn thông Quân đội")
        if hm:  # a body's name inside the name: "Văn phòng Ban Chỉ đạo …", "Cục Lãnh sự Bộ Ngoại giao"
            r = end = _inner_head_end(T, F, hm, hi)
            count += 1
            continue
        last_word = w.start()
        r = end = w.end()
        count += 1
    return _trim_connectors(T, p, end)


def _body_at(T: str, F: str, q: int, hi: int) -> bool:
    """Does a body's head start at q? A head that names a body only with a place ("Viễn thông Cao Bằng")
    does so only when a place follows it ("Công nghiệp - Viễn thông Quân đội" is one name)."""
    hm = _head_at(T, F, q, hi)
    return bool(hm) and (_head_of(hm.group(1)).mode != "placed" or _place_follows(T, F, hm.end(), hi))


def _place_follows(T: str, F: str, p: int, hi: int) -> bool:
    """Does a level word or a province's name follow p ("Thuế | tỉnh X", "Viễn thông | Cao Bằng")?"""
    q = _skip_space(T, p, hi)
    return bool(_level_word(T, F, q, hi) or _place_after(T, F, q, hi, "province"))


_SERIES_END = re.compile(r"[;:.()\n]")


def _comma_series(T: str, F: str, q: int, hi: int) -> bool:
    """Is T at q (after a comma inside a name) the rest of a series of fields that "và" closes, as in
    "Trung tâm Văn hóa, Thông tin và Thể thao", "Cục Khoa học, Công nghệ và Thông tin"? Each member is
    a short field, capitalised on its first word only ("Điện lực Phú Yên" is a body) — or every member in
    lower case, as a name in sentence case prints them — and no member starts another body ("Trung tâm Y
    tế, Bệnh viện …") or is a stop word ("…, các đơn vị và …")."""
    stop = _SERIES_END.search(T, q, min(hi, q + 120))
    members = []
    for group in T[q:stop.start() if stop else min(hi, q + 120)].split(",")[:4]:
        head, sep, tail = group.partition(" và ")
        members.append(head)
        if sep:
            members.append(tail.split()[0] if tail.split() else "")
            break
    else:
        return False   # no "và" closes the series
    at = q
    capitals = _cap(T, q)   # a name in sentence case lists its fields in lower case ("Xúc tiến đầu tư, thương mại và du lịch")
    for member in members:
        words = member.split()
        if not words or len(words) > 3 or any(not w[:1].islower() for w in words[1:]):
            return False
        at = T.index(words[0], at)
        if _cap(T, at) != capitals or _head_at(T, F, at, hi) or (
                not capitals and _stop_regex().match(modern_tones(member.strip()).lower())):
            return False
        at += len(member.strip())
    return True


def _inner_head_end(T: str, F: str, hm: re.Match, hi: int) -> int:
    """End of a head inside a name, with its field when it takes one ("Bộ | Ngoại giao")."""
    head = _head_of(hm.group(1))
    if head.mode != "field":
        return hm.end()
    q = _skip_space(T, hm.end(), hi)
    fm = lexicon.field_regex(head.kind).match(F, q, hi)
    return fm.end() if fm else hm.end()


def _trailing_level(T: str, F: str, p: int, end: int) -> re.Match | None:
    """The level word (with up to four words of place after it) that ends the name words T[p:end],
    spelled as a level word ("Hải quan | tỉnh", not "quan"); not "cấp xã" (a level of bodies)."""
    pos = 0
    while True:
        lm = _TRAILING_PLACE_RE.search(F[p:end], pos)
        if not lm:
            return None
        if _spelled_as_level(T[p + lm.start(1):p + lm.end(1)]) and not F[p:p + lm.start()].endswith(" cap") \
                and not _name_phrase_regex().match(F, p + lm.start(1), end):
            return lm   # (not a compound that opens with a level word: "xã hội" is no commune)
        pos = lm.start() + 1


_CAP_TAIL_RE = re.compile(r"\s(cap\s+(?:xa|tinh))$")


def _level_collective_tail(T: str, F: str, p: int, end: int, ctx: Context,
                           head: lexicon.Head) -> tuple["_Place | None", int]:
    """An open name that ends in "cấp xã" ("Trạm Y tế cấp xã", "Trung tâm Phục vụ hành chính công cấp
    xã") names the units of every commune and ward of the province since 1 July 2025, as "UBND cấp xã"
    does (guide §9); "cấp tỉnh" in a central text, those of every province. (The place and where
    the name words stop), or (None, end) when the level names no known collective."""
    m = _CAP_TAIL_RE.search(F, p, end)
    if m is None or head.kind in _COMPANY_KINDS:
        return None, end
    cut = len(T[:m.start(1)].rstrip())
    if m.group(1).endswith("tinh") and ctx.level != "central" and ctx.province:
        # "… cấp tỉnh" in a province's text: the province's own unit
        return _Place(end, "province", ctx.place_of("province"), explicit=True), cut
    pl = _parse_place(T, F, m.start(1), end, ctx, head.level)
    if not pl.by_level or pl.end != end:
        return None, end
    return pl, cut


# "Vụ pháp chế - Bộ Công Thương", "Cục kiểm tra văn bản …, Bộ Tư pháp": a unit written in lower case, but
# with its ministry after it (a Nơi nhận line), is a body all the same
_UNIT_OF_MINISTRY_RE = re.compile(r"(?:[^\W\d_]+[ \t]+){0,6}?[^\W\d_]+[ \t]*[-–,(]?[ \t]*Bộ[ \t]+[A-ZĐ]")


def _opens_with_connector(T: str, q: int) -> bool:
    m = re.match(r"\w+", T[q:q + 12])
    return bool(m) and modern_tones(m.group()).lower() in lexicon.name_connectors()


def _sentence_case(words: str) -> str:
    """Name words printed in capitals ("PHỤC VỤ HÀNH CHÍNH CÔNG") as a name is written."""
    if len(words) > 3 and words.isupper() and not re.search(r"\d", words):
        return words[:1] + words[1:].lower()
    return words


def _trim_connectors(T: str, p: int, end: int) -> int:
    """A name does not end in a connector ("Ban Cơ yếu Chính phủ và"): cut it off."""
    while end > p:
        words = T[p:end].rstrip().rsplit(None, 1)
        if len(words) < 2 or modern_tones(words[-1]).lower() not in lexicon.name_connectors():
            return end
        end = p + len(T[p:end].rstrip()) - len(words[-1])
        end = p + len(T[p:end].rstrip())
    return end


_WRAP_WIDTH = 60   # lines of a hard-wrapped copy run to ~80 characters; a list item or heading is shorter


def _wrapped(T: str, F: str, r: int, nxt: int, hi: int) -> bool:
    """Is the line break before a capitalised word at nxt the scraper's wrapping inside a name
    ("… Quốc gia Việt\nNam")? Only after a long line, and not before a bullet or another body."""
    nl = T.find("\n", r, nxt)
    line_start = T.rfind("\n", 0, nl) + 1
    if nl - line_start < _WRAP_WIDTH or T[nl + 1:nxt].strip() not in ("", "-", "–"):
        return False   # (a dash opening the line may be the name's own: "Công nghiệp\n- Viễn thông")
    return not _head_at(T, F, nxt, hi)


@lru_cache(maxsize=1)
def _name_phrase_regex() -> re.Pattern:
    """The first compound of name_phrases.txt (in file order) that opens a text, as a whole word."""
    return re.compile("(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in lexicon.name_phrases())
                      + r")(?=\s|\Z)")   # (a phrase may wrap across lines: "xã\nhội")


# Kinds of body that texts also write in lower case ("công an các phường", "ủy ban nhân dân các cấp").
_LOWERCASE_OK = {"ubnd", "cong_an", "hdnd", "mttq", "doan_kiem_tra", "kho_bac"}

# Kinds written in lower case only with the body they serve ("văn phòng UBND tỉnh", not "văn phòng làm việc").
_LOWERCASE_LOCAL_OK = {"van_phong"}

# Kinds whose names may go on in lower case right after the head ("Ban quản lý dự án đầu tư …").
DESCRIBED_KINDS = {"ban_qlda", "ban", "ban_chi_dao", "cong_ty", "doan_kiem_tra", "van_phong"}

# Kinds named by their own name, with no jurisdiction (Công ty …, Tập đoàn …, Đại học Đà Nẵng).
_COMPANY_KINDS = {"cong_ty", "tap_doan", "dai_hoc"}


def _expand_name_abbreviations(name: str) -> str:
    """"Ban Quản lý ATTP" -> "Ban Quản lý an toàn thực phẩm" (data/name_abbreviations.tsv); abbreviations
    of several words ("TT, DL&CNS") first, then word by word."""
    phrases = _abbreviation_phrase_regex()
    if phrases is not None:
        name = phrases.sub(lambda m: lexicon.name_abbreviations()[m.group()], name)
    table = lexicon.name_abbreviations()
    return " ".join(table.get(w, w) for w in name.split())


@lru_cache(maxsize=1)
def _abbreviation_phrase_regex() -> re.Pattern | None:
    """The abbreviations of name_abbreviations.tsv that span several words or hold a comma."""
    keys = [k for k in lexicon.name_abbreviations() if " " in k or "," in k]
    if not keys:
        return None
    return re.compile("(?<!\\w)(?:" + "|".join(map(re.escape, sorted(keys, key=len, reverse=True))) + ")(?!\\w)")


def _canonical(head: lexicon.Head, middle: str, pl: _Place | None, ctx: Context) -> tuple[str, str | None, str | None]:
    """(name, level, jurisdiction) for a head, its field/name words and its place."""
    parts = [head.canonical] + ([middle] if middle else [])
    level = head.level
    jur = None
    explicit = pl is not None and pl.jurisdiction and not pl.collective and pl.explicit
    if pl is not None and pl.region:
        return squash_spaces(" ".join(parts + [pl.region])), "region", None
    if pl is not None and pl.named:
        return squash_spaces(" ".join(parts)), pl.level, None
    if _REGION_TAIL_RE.search(middle):
        return squash_spaces(" ".join(parts)), "region", None   # "Chi cục Thuế khu vực XVII"
    if ctx.ministry and head.kind in _MINISTRY_UNIT_KINDS and head.mode == "open" and _NO_PARENT_RE.search(middle) \
            and not _NATIONAL_RE.search(_fold_words(middle)):
        # "Vụ Tổ chức cán bộ", "Văn phòng Bộ" in a ministry's text: units of that ministry
        bare = _BARE_MINISTRY_RE.sub("", middle)
        return squash_spaces(" ".join([head.canonical, bare, ctx.ministry])), "central", None
    local_branch = (head.kind, _fold_words(middle)) in lexicon.local_units()
    if local_branch and not explicit and ctx.level != "central" and ctx.province:
        return squash_spaces(f"{head.canonical} {middle} {ctx.place_of('province')}"), "province", \
            ctx.place_of("province")
    if (head.kind in ("chinh_phu", "bo", "cuc", "vu", "quoc_hoi", "dang_tw") or head.level == "central") \
            and not (explicit and head.kind in ("cuc", "chi_cuc")):
        return squash_spaces(" ".join(parts)), "central", None
    if pl is not None and pl.collective:
        parts.append(pl.collective)
        jur = pl.jurisdiction
        level = pl.level
    elif pl is not None and pl.jurisdiction:
        jur = pl.jurisdiction
        level = pl.level or level
    elif _NATIONAL_RE.search(fold_keep(middle).strip()) or _CENTRAL_RE.match(fold_keep(middle).strip()) or (
            ctx.level == "central" and (head.mode == "open" or _NATIONAL_RE.search(head.variant))):
        # "Ban Chỉ đạo … quốc gia", a unit named in a central text without a place, or one written
        # with "Việt Nam" there ("Mặt trận Tổ quốc Việt Nam"): no place
        level = "central" if ctx.level == "central" or head.level is None else head.level
        jur = None
    else:
        default = head.level or ctx.level
        if default == "central":
            default = "province"
        level = default
        jur = ctx.place_of(default)
        if jur is None and default == "district" and ctx.level == "commune" and ctx.commune:
            level, jur = "commune", ctx.place_of("commune")   # a commune's own offices (Phòng Kinh tế xã …)
        if jur is None and head.mode in ("local", "placed") and default in ("province", "district") \
                and not (ctx.level == "central" and not ctx.province):
            # (a central text about no place: "Kho bạc Nhà nước" is not "… thành phố")
            jur = {"province": ctx.province_word, "district": ctx.district_word}[default]
    if _party_style(head) and jur:
        jur = _party_place(jur)
    if jur:
        parts.append(jur)
    return squash_spaces(" ".join(parts)), level, jur


_MINISTRY_UNIT_KINDS = {"vu", "van_phong"}
_BARE_MINISTRY_RE = re.compile(r"\s*\bBộ$")                       # "Văn phòng Bộ" -> the issuing ministry's
_NO_PARENT_RE = re.compile(r"^(?!.*\b(?:Bộ|Văn phòng|Chính phủ)\s+\w)")  # no other parent named in the name


def _party_style(head: lexicon.Head) -> bool:
    """Party committees named by their level (Tỉnh ủy, Thường trực Quận ủy) name their place without a level
    word; an "Đảng ủy" keeps it ("Đảng ủy xã Tân Lập", "Đảng ủy các cơ quan Đảng tỉnh Sơn La")."""
    return _LEVEL_COMMITTEE_RE.search(head.canonical) is not None


_LEVEL_COMMITTEE_RE = re.compile(r"(?:Tỉnh|Thành|Huyện|Quận|Thị) ủy$")


def _party_place(jur: str) -> str | None:
    """"thành phố Hà Nội" -> "Hà Nội" for "Thành ủy Hà Nội"; a level word alone names no place."""
    if LEVEL_RE.fullmatch(fold_keep(jur)):
        return None
    return _LEVEL_PREFIX_RE.sub("", jur)


_CENTRAL_RE = re.compile(r"trung uong(?![a-z0-9])")
_CENTRAL_PARTY_OF = {"chinh_phu", "quoc_hoi", "toa_an", "vien_kiem_sat"}


def _party_board(T: str, F: str, s: int, p: int, hi: int, head: lexicon.Head, ctx: Context) -> Mention | None:
    """"Ban Tổ chức Trung ương", "Ban Tuyên giáo và Dân vận Tỉnh ủy": a board is named with the
    Party committee after it; without one ("Ban Tổ chức hội thi") it is not a Party board."""
    q = _skip_space(T, p, hi)
    cm = _CENTRAL_RE.match(F, q, hi)
    if cm and _cap(T, q):
        return Mention(s, cm.end(), _agency(f"{head.canonical} Trung ương", head.kind, "central", None,
                                            _written(T, s, cm.end())))
    hm = _head_at(T, F, q, hi)
    if not hm or not _cap(T, q) or _head_of(hm.group(1)).kind != "dang":
        return None
    sub = [m for m in find_mentions(T, F, q, min(hi, q + 80), ctx) if m.start == q and not m.generic]
    if not sub:
        return None
    a = sub[0].agency
    return Mention(s, sub[0].end, _agency(f"{head.canonical} {a.name}", head.kind, a.level, a.jurisdiction,
                                          _written(T, s, sub[0].end)))


_BOARD_KINDS = {"ban_ten", "ban", "dang_ban"}
# the words of a board's name up to the council it belongs to: "Pháp chế HĐND", "Kinh tế - Ngân sách
# Hội đồng nhân dân", "Văn hóa - Xã hội của HĐND", "Kinh tế Ngân sách - HĐND"
_COUNCIL_RE = re.compile(r"((?:(?:[ \t]+|[ \t]*[-–][ \t]*)[a-z]+(?![a-z0-9])){0,6}?)[ \t]*[-–,]?[ \t]*(?:cua[ \t]+)?(?=(?:hoi dong nhan dan|hdnd)"
                         r"(?![a-z0-9]))")
_SEGMENT_RE = re.compile(r"\s*[-–]\s*")


def _council_board(T: str, F: str, s: int, p: int, hi: int, head: lexicon.Head, ctx: Context) -> Mention | None:
    """"Ban Pháp chế HĐND tỉnh", "Ban Kinh tế - Ngân sách Hội đồng nhân dân thành phố": a standing board
    of a People's Council is named with the council after it (not a Party board, not "Ban Dân tộc tỉnh")."""
    m = _COUNCIL_RE.match(F, p, min(hi, p + 80))
    if not m:
        return None
    words = " ".join(T[m.start(1):m.end(1)].split())
    segments = [g for g in _SEGMENT_RE.split(words) if g]
    if (head.canonical == "Ban" and not segments) or any(not g[:1].isupper() for g in segments):
        return None   # every part of the name is capitalised ("Ban Pháp chế", "- Ngân sách")
    council = [x for x in _mentions_at(T, F, m.end(), min(hi, m.end() + 60), ctx)
               if x.start == m.end() and x.agency.kind == "hdnd" and not x.generic]
    if not council:
        return None
    name = squash_spaces(f"{head.canonical} {words} {council[0].agency.name}")
    a = council[0].agency
    return Mention(s, council[0].end, _agency(name, "hdnd_ban", a.level, a.jurisdiction, _written(T, s, council[0].end)))


def _party_of_central_body(T: str, F: str, s: int, p: int, hi: int) -> Mention | None:
    """"Đảng ủy Chính phủ", "Đảng ủy Công an Trung ương": the Party committee of a central body."""
    q = _skip_space(T, p, hi)
    if not _cap(T, q):
        return None
    hm = _head_at(T, F, q, hi)
    end = None
    if hm and _head_of(hm.group(1)).kind in _CENTRAL_PARTY_OF and _head_of(hm.group(1)).level == "central":
        end = hm.end()
    else:
        cm = _CENTRAL_RE.search(F, q, min(hi, q + 50))
        if cm and not _PUNCT_RE.search(T, q, cm.start()) and _cap(T, cm.start()):
            end = cm.end()
    if end is None:
        return None
    return Mention(s, end, _agency(f"Đảng ủy {_written(T, q, end)}", "dang", "central", None, _written(T, s, end)))


# bodies of a province or district that have a Party committee of their own ("Đảng ủy Công an tỉnh")
_PARTY_OF_LOCAL = {"ubnd", "cong_an", "hdnd", "mttq", "quan_su", "toa_an", "vien_kiem_sat"}


def _party_of_local_body(T: str, F: str, s: int, p: int, hi: int, ctx: Context) -> Mention | None:
    """"Đảng ủy UBND tỉnh", "Đảng ủy Công an tỉnh": the Party committee of the one body named right after
    "Đảng ủy" (no comma between), one body named with it ("Đảng ủy Ủy ban nhân dân tỉnh X")."""
    q = _skip_space(T, p, hi)
    if q == p or not _cap(T, q) or not _head_at(T, F, q, hi):
        return None
    sub = next((m for m in _mentions_at(T, F, q, min(hi, q + 120), ctx) if m.start == q and not m.generic), None)
    if sub is None or sub.agency.kind not in _PARTY_OF_LOCAL or " các " in f" {sub.agency.name} ":
        return None
    return Mention(s, sub.end, _agency(f"Đảng ủy {sub.agency.name}", "dang", sub.agency.level,
                                       sub.agency.jurisdiction, _written(T, s, sub.end)))


def _inner_parent(T: str, F: str, q: int, end: int, hi: int) -> int:
    """Where a room's own name stops before its parent inside it ("Phòng Cảnh sát giao thông | Công an
    tỉnh"): the first capitalised head of a parent kind after q, else end."""
    for w in WORD_RE.finditer(F, q + 1, end):
        hm = _head_at(T, F, w.start(), hi) if _cap(T, w.start()) else None
        if hm and _head_of(hm.group(1)).kind in _PARENT_KINDS:
            return len(T[:w.start()].rstrip()) if T[q:w.start()].strip() else end
    return end


_SUBORDINATE_RE = re.compile(r"((?:tap doan|tong cong ty|cong ty)(?:\s+(?:tap doan|tong cong ty|cong ty))*)"
                             r"\s+truc thuoc\s+")


_COMPANY_KINDS_RE = re.compile(r"(?:tap doan|tong cong ty|cong ty)(?:\s+(?:tap doan|tong cong ty|cong ty))*(?![a-z0-9])")


def _subordinate_collectives(T: str, F: str, s: int, hi: int, ctx: Context) -> list[Mention]:
    """"các Tập đoàn, Tổng công ty trực thuộc Bộ Tài chính, Bộ Xây dựng": one collective of the
    companies of each parent body named ("Các tập đoàn, tổng công ty trực thuộc Bộ Tài chính")."""
    m = _SUBORDINATE_RE.match(F, s, hi)
    if not m:
        bare = _COMPANY_KINDS_RE.match(F, s, hi)
        if bare is None:
            return []
        # "các Tập đoàn, Tổng công ty" with no parent: a class (generic), or the addressees so named
        return [Mention(s - 4, bare.end(), Agency(name=_written(T, s - 4, bare.end()), kind="generic", generic=True),
                        generic=True, head_start=s)]
    kinds = "Các " + squash_spaces(modern_tones(T[m.start(1):m.end(1)])).lower()
    out: list[Mention] = []
    pos = m.end()
    for sub in find_mentions(T, F, m.end(), min(hi, m.end() + 200), ctx):
        if sub.generic or sub.start != pos or sub.agency.kind not in ("bo", "ubnd", "cuc", "so"):
            break
        start = s - 4 if not out else sub.start
        out.append(Mention(start, sub.end, _agency(f"{kinds} trực thuộc {sub.agency.name}", "collective",
                                                    sub.agency.level, sub.agency.jurisdiction,
                                                    _written(T, start, sub.end)), head_start=s))
        sep = _MEMBER_SEP_RE.match(T, sub.end, hi)
        if not sep:
            break
        pos = sep.end()
    return out


def _more_places(T: str, pl: _Place, name: str, kind: str, head_start: int) -> list[Mention]:
    """The further bodies of a head listed by place ("UBND huyện A, huyện B", "các tỉnh: A, B")."""
    return [Mention(es, ee, _agency(squash_spaces(f"{name} {j}"), kind, lvl, j, _written(T, es, ee)),
                    head_start=head_start) for es, ee, lvl, j in pl.extra]


def _place_in_name(middle: str, end: int, head: lexicon.Head) -> tuple[str, _Place | None]:
    """A place that ends an open name: a province becomes the jurisdiction ("Trung tâm Y tế Hà Nội",
    "Báo Đắk Lắk"); a town or commune of two words or more is part of the proper name ("Trung tâm
    Bảo tồn Di sản văn hóa thế giới Hội An") and no other place is added."""
    words = middle.split()
    for n in (3, 2, 1):
        # (the whole name may be the province: "Báo Đắk Lắk")
        tail = " ".join(words[-n:]) if len(words) >= n and (len(words) > n or head.kind == "bao_chi") else ""
        if not tail or not all(w[:1].isupper() for w in words[-n:]) or tail in lexicon.person_places():
            continue
        prov = places.lookup(tail, "province")
        if prov:
            return " ".join(words[:-n]), _Place(end, "province", _jur_string(prov[0].word, prov[0].name), explicit=True)
        local = places.lookup(tail) if n > 1 and len(words) > n else ()
        if local:
            return middle, _Place(end, local[0].level, named=True)
    return middle, None


def _company_class(head: lexicon.Head, middle: str) -> bool:
    """A company head followed only by lower-case words ("Công ty chứng khoán", "công ty bảo hiểm")
    names a class of companies (generic, guide §1): a company's own name has a capital or a number."""
    return head.kind in _COMPANY_KINDS and bool(middle) and not any(c.isupper() or c.isdigit() for c in middle)


def _open_canonical(head: lexicon.Head, middle: str, pl: _Place | None, ctx: Context) -> tuple[str, str | None, str | None]:
    """Companies, groups and newspapers not named after a place ("Báo Nhân dân") are named by their
    own name only; other open bodies as ``_canonical``."""
    if head.kind in _COMPANY_KINDS and middle and pl is not None and pl.explicit and pl.jurisdiction and \
            not pl.collective:
        # "Tổng công ty Điện lực TP Hà Nội": a company's place written after its name is part of that name
        return squash_spaces(f"{head.canonical} {middle} {pl.jurisdiction}"), None, None
    if head.kind in _COMPANY_KINDS or (head.mode == "open" and head.kind == "bao_chi" and not (pl and pl.jurisdiction)):
        return squash_spaces(f"{head.canonical} {middle}"), None, None
    return _canonical(head, middle, pl, ctx)


def _agency(name: str, kind: str, level: str | None, jur: str | None, alias: str, parent: str | None = None) -> Agency:
    return Agency(name=name, kind=kind, level=level, jurisdiction=jur, aliases=[alias] if alias else [], parent=parent)


_LIST_KIND_TAIL_RE = re.compile(r"\s+(?:co quan ngang bo|co quan|nganh|don vi)(?![a-z0-9])")
_MEMBER_SEP_RE = re.compile(r"[ \t\r\n*]*(?:[,;]|và(?!\w)|&)[ \t\r\n*]*(?:và(?!\w)[ \t\r\n]*)?")
_DEPARTMENT_OF_LEVEL = {"central": "bo", "province": "so", "district": "phong", "commune": "phong"}


def _list_colon(T: str, F: str, p: int, hi: int) -> int:
    """Where the members start when a colon opens a list right after a head or generic phrase
    ("các Sở: …", "các Bộ, cơ quan: …", "các đơn vị: …"); -1 when no colon follows."""
    m = _LIST_KIND_TAIL_RE.match(F, p, hi)
    q = m.end() if m else p
    while q < hi and T[q] in " \t*":
        q += 1
    return q + 1 if T[q:q + 1] == ":" else -1


def _members(T: str, r: int, hi: int, name_at) -> list[tuple[int, int, str]]:
    """The members of a list as (start, end, name), read by ``name_at(pos) -> (end, name) | None``
    and separated by ",", ";", "và" or "&" (line breaks inside a member are the scraper's)."""
    out: list[tuple[int, int, str]] = []
    while True:
        r = _skip_space(T, r, hi)
        while T[r:r + 2] == "**":
            r = _skip_space(T, r + 2, hi)
        got = name_at(r)
        if got is None:
            return out
        end, name = got
        out.append((r, end, name))
        sep = _MEMBER_SEP_RE.match(T, end, hi)
        if not sep:
            return out
        r = sep.end()


def _field_member(T: str, F: str, hi: int, kind: str):
    """A reader of field members ("Y tế", "Kế hoạch và Đầu tư") for ``_members``."""
    fields, rx = lexicon.fields(), lexicon.field_regex(kind)

    def read(r: int):
        f = rx.match(F, r, hi)
        return (f.end(), fields[_key(f.group(1))].canonical) if f else None
    return read


def _open_member(T: str, F: str, hi: int, kind: str):
    """A reader of named members ("các Tập đoàn: Điện lực Việt Nam, …") for ``_members``."""
    def read(r: int):
        if not _cap(T, r) or _head_at(T, F, r, hi):
            return None   # lower case, or a body of its own that the scan reads whole
        end = _open_name_end(T, F, r, hi, kind)
        return (end, _expand_name_abbreviations(_written(T, r, end))) if end > r else None
    return read


def _listed_bodies(T: str, F: str, s: int, colon: int, hi: int, head: lexicon.Head, ctx: Context) -> list[Mention]:
    """"các Sở: Y tế, Tài chính", "các Tập đoàn: Điện lực Việt Nam, …": one body per member (guide §9)."""
    if head.mode == "field":
        read = _field_member(T, F, hi, head.kind)
    elif head.mode == "open":
        read = _open_member(T, F, hi, head.kind)
    else:
        return []
    found = []
    for ms, me, name in _members(T, colon, hi, read):
        if head.mode == "field":
            full, level, jur = _canonical(head, name, None, ctx)
        else:
            full, level, jur = _open_canonical(head, name, None, ctx)
        found.append(Mention(ms, me, _agency(full, head.kind, level, jur, _written(T, ms, me)), head_start=s))
    return found


def _department_members(T: str, F: str, g: re.Match, colon: int, hi: int, ctx: Context) -> list[Mention]:
    """"Thủ trưởng các đơn vị: Y tế, Tài chính" -> Sở Y tế, Sở Tài chính (guide §8): the field names
    a department of the kind the phrase says (các Bộ, các Sở), else of the level below the issuer."""
    words = F[g.start():g.end()].split()
    named = words[1] if len(words) > 1 and words[1] in ("bo", "so", "phong") else None
    head = lexicon.heads()[named or _DEPARTMENT_OF_LEVEL.get(ctx.level, "so")]
    fields, rx = lexicon.fields(), lexicon.field_regex(head.kind)

    def read(r: int):
        if named != "bo" and _cap(T, r) and _head_at(T, F, r, hi):
            return None   # "…, Công an thành phố": a body of its own (but "các Bộ: Tư pháp, Công an")
        f = rx.match(F, r, hi)
        return (f.end(), fields[_key(f.group(1))].canonical) if f else None
    out = []
    for ms, me, name in _members(T, colon, hi, read):
        full, level, jur = _canonical(head, name, None, ctx)
        out.append(Mention(ms, me, _agency(full, head.kind, level, jur, _written(T, ms, me)), head_start=g.start()))
    return out


_FIELD_HEADS = {"cac bo": "bo", "cac so": "so"}
_LOCAL_AFTER_RE = re.compile(r"\s+(?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong|dac khu|cap|cac)(?![a-z0-9])")


def _bare_field_list(T: str, F: str, g: re.Match, hi: int) -> int:
    """Where the fields start in "các Bộ Tư pháp, Tài chính", "các Sở Y tế, Nội vụ" (fields listed after
    the plural head with no colon: one department each, guide §9); -1 unless two fields follow, capitalised."""
    kind = _FIELD_HEADS.get(" ".join(F[g.start():g.end()].split()))
    q = _skip_space(T, g.end(), hi)
    if kind is None or q == g.end() or not _cap(T, q):
        return -1
    rx = lexicon.field_regex(kind)
    f = rx.match(F, q, hi)
    sep = _MEMBER_SEP_RE.match(T, f.end(), hi) if f else None
    return q if sep and _cap(T, sep.end()) and rx.match(F, sep.end(), hi) else -1


# "Trưởng phòng Tài chính - Kế hoạch": the title writes the room's head word in lower case (guide §8:
# the task of a room's head is the room's)
_ROOM_HEAD_TITLE_RE = re.compile(r"(?<!\w)[Tt]rưởng[ \t]+$")
_TITLE_RE = re.compile(r"(?:(?<=\s)|^)(giam doc|pho giam doc|chu tich|pho chu tich|thu truong|chanh van phong|chanh|truong|lanh dao)\s+$")


_PARENT_MEMO: dict | None = None     # parent lookups of the running find_mentions call (see _mentions_at)


def find_mentions(T: str, F: str, lo: int, hi: int, ctx: Context) -> list[Mention]:
    """Agency mentions in T[lo:hi], left to right, generic phrases marked generic."""
    global _PARENT_MEMO
    if _PARENT_MEMO is not None:
        return _find_mentions(T, F, lo, hi, ctx)
    _PARENT_MEMO = {}
    try:
        return _find_mentions(T, F, lo, hi, ctx)
    finally:
        _PARENT_MEMO = None


# How far a unit's parent ("Phòng X - Sở Y tế tỉnh Z") is read after the unit: a parent is a name of
# a few words, and a bounded look keeps a long list of such units linear (each look-up scanned the
# rest of the paragraph, nested once per unit: quadratic time and, past ~300 units, a RecursionError).
_PARENT_REACH = 400


def _parent_mentions(T: str, F: str, x: int, hi: int, ctx: Context, kinds: tuple[str, ...]) -> list[Mention]:
    """The mentions read from x on (at most _PARENT_REACH characters, within the scan's own end, so a
    chain "Phòng A - Sở A, Phòng B - Sở B, …" nests a bounded number of look-ups) when a unit's parent
    of one of kinds may start at x; else []."""
    if not _may_start_parent(F, x, hi, kinds):
        return []
    return _mentions_at(T, F, x, min(hi, x + _PARENT_REACH), ctx)


def _may_start_parent(F: str, x: int, hi: int, kinds: tuple[str, ...]) -> bool:
    """Can a mention of one of kinds start at x? False only when sure: no head, "các", generic phrase
    or named collective starts there, or the head there names a unit of another kind ("Phòng A,
    Phòng B, …": the next room is no parent)."""
    if F.startswith("cac ", x) or _generic_regex().match(F, x, hi) or _named_collective_regex().match(F, x, hi):
        return True
    hm = lexicon.head_regex().match(F, x, hi)
    if hm is None:
        return False
    head = _head_of(hm.group(1))
    return not (head.mode == "field" and head.kind not in kinds)


def _mentions_at(T: str, F: str, lo: int, hi: int, ctx: Context) -> list[Mention]:
    """find_mentions(T, F, lo, hi, ctx) for a unit's parent ("Phòng X - Sở Y …"), computed once per
    (lo, hi) in one outer call: a list of such units would otherwise re-scan the text for every
    unit, and again inside each scan. The result is only read, never changed."""
    key = (T, lo, hi, id(ctx))
    if key not in _PARENT_MEMO:
        _PARENT_MEMO[key] = (ctx, _find_mentions(T, F, lo, hi, ctx))   # ctx kept alive: its id stays its own
    return _PARENT_MEMO[key][1]


def _find_mentions(T: str, F: str, lo: int, hi: int, ctx: Context) -> list[Mention]:
    out: list[Mention] = []
    generic_spans = []
    gen_re = _generic_regex()
    for m in gen_re.finditer(F, lo, hi):
        colon = _list_colon(T, F, m.end(), hi)
        if colon < 0:
            colon = _bare_field_list(T, F, m, hi)   # "các Bộ Tư pháp, Tài chính": no colon
        if colon >= 0:
            members = _department_members(T, F, m, colon, hi, ctx)
            if members:
                members[0].start = m.start()
                out.extend(members)
                generic_spans.append((m.start(), members[-1].end))
                continue
        e = m.end()
        tail = _GENERIC_TAIL_RE.match(F, e, hi)
        if tail:
            e = tail.end()
        generic_spans.append((m.start(), e))
        out.append(Mention(m.start(), e, Agency(name=_written(T, m.start(), e), kind="generic", generic=True),
                           generic=True, head_start=m.start()))
    _named_collectives(T, F, lo, hi, out, generic_spans)
    if ctx.ministry:
        _ministry_units(T, F, lo, hi, ctx, out, generic_spans)
    in_generic = {i for a, b in generic_spans for i in range(a, b)}   # one look-up per head, not a scan
    last_end = lo
    for m in _head_matches(F, lo, hi):
        s = m.start()
        if s < last_end or s in in_generic:
            continue
        head = _head_of(m.group(1))
        if head.mode == "skip" and _spelled_as_head(T[s:m.end()], head):
            last_end = m.end()   # "Thư viện Pháp luật": a compound, not the head "Viện" inside it
            continue             # ("Báo cáo" is no newspaper, but "Báo Cao Bằng" is)
        if head.mode == "skip":
            m = lexicon.body_head_regex().match(F, s, hi)   # spelled otherwise: the shorter head at s
            if not m:
                continue
            head = _head_of(m.group(1))
        upper = _cap(T, s)
        if not _spelled_as_head(T[s:m.end()], head):
            continue  # "Vũ Văn Khiên", "Viên …", "Bảo đảm": same letters, other word
        if _PUNCT_RE.search(T, s, m.end()) and not _PUNCT_RE.search(head.canonical):
            continue  # words of a head never straddle punctuation ("liên quan, Ủy ban")
        colon = _list_colon(T, F, m.end(), hi) if F[max(lo, s - 4):s] == "cac " else -1
        listed = colon >= 0 and _char_at(T, _skip_space(T, m.end(), hi)) == ":"
        titled = not upper and head.kind == "phong" and bool(_ROOM_HEAD_TITLE_RE.search(T, max(lo, s - 9), s))
        if not upper and head.kind not in _LOWERCASE_OK and not listed and not titled and \
                not (head.mode == "local" and head.kind in _LOWERCASE_LOCAL_OK):
            continue
        p = m.end()
        found: list[Mention] = _listed_bodies(T, F, s, colon, hi, head, ctx) if colon >= 0 else []
        if found:
            found[0].start = s - 4
            out.extend(found)
            last_end = found[-1].end
            continue
        board = _council_board(T, F, s, p, hi, head, ctx) if upper and head.kind in _BOARD_KINDS else None
        if board is not None:
            found.append(board)   # "Ban Pháp chế HĐND tỉnh": a board of the council, named with it
        elif head.mode == "fixed":
            if not upper:
                continue
            region = _region_at(T, F, _skip_space(T, p, hi), hi)   # "Kiểm toán nhà nước khu vực V"
            pl = _Place(region[0], "region", None, region=region[1]) if region else None
            name, level, jur = _canonical(head, "", pl, ctx)
            end = pl.end if pl else p
            found.append(Mention(s, end, _agency(name, head.kind, level, jur, _written(T, s, end))))
        elif head.mode == "field":
            if not upper and not listed and not titled:
                continue
            q = _skip_space(T, p, hi)
            fm = lexicon.field_regex(head.kind).match(F, q, hi)
            if fm and head.kind == "phong" and not _cap(T, q):
                fm = None
            if not fm and head.kind in ("phong", "bo") and _cap(T, q) and F[max(lo, s - 4):s] != "cac ":
                end = _inner_parent(T, F, q, _open_name_end(T, F, p, hi, head.kind), hi)
                if end > q:
                    fld = _written(T, q, end)
                    fm = _ANY_RE.match(F[q:end])
                    fm = _FakeMatch(q, end, fld)
            if not fm:
                continue
            fld = fm.canonical if isinstance(fm, _FakeMatch) else lexicon.fields()[_key(fm.group(1))].canonical
            pl = _parse_place(T, F, fm.end(), hi, ctx, head.level)
            if pl.generic:
                continue
            # "Phòng Thanh tra-Sở Y tế Hà Nội": a unit named with its parent
            parent = None
            pm = _PARENT_SEP_RE.match(T, pl.end, hi) if head.kind == "phong" else None
            if pm and (pm.group().strip() or isinstance(fm, _FakeMatch)):
                kinds = _PARENT_KINDS if pm.group().strip() != "," else _PARENT_KINDS[:4]   # (", Công an xã": a list)
                sub = _parent_mentions(T, F, pm.end(), hi, ctx, kinds)
                sub = [x for x in sub if not x.generic and x.start == pm.end() and x.agency.kind in kinds]
                if sub:
                    parent = sub[0].agency
            if parent:
                name = f"{head.canonical} {fld} {parent.name}"
                found.append(Mention(s, sub[0].end, _agency(name, head.kind, parent.level, parent.jurisdiction,
                                                            _written(T, s, sub[0].end), parent=parent.name)))
            else:
                name, level, jur = _canonical(head, fld, pl, ctx)
                found.append(Mention(s, pl.end if pl.end > fm.end() else fm.end(),
                                     _agency(name, head.kind, level, jur, _written(T, s, max(pl.end, fm.end())))))
                # "Sở Xây dựng các tỉnh: Gia Lai, Khánh Hòa": one body per place
                found.extend(_more_places(T, pl, f"{head.canonical} {fld}", head.kind, s))
                # "Sở Tài chính, Kế hoạch và Đầu tư": more fields under the same head
                r = found[-1].end
                plural = F[max(lo, s - 4):s] == "cac "
                while head.kind in ("so", "bo"):
                    r2 = _sep(T, r, hi)
                    own = r2 >= 0 and lexicon.head_regex().match(F, r2, hi) is not None   # a body's head itself
                    if r2 < 0 or (own and not (plural and head.kind == "bo")):
                        break   # ("các Bộ Quốc phòng, Công an": after the plural, "Công an" is a ministry's field)
                    f2 = lexicon.field_regex(head.kind).match(F, r2, hi)
                    if not f2 or not _cap(T, r2) or (own and _LOCAL_AFTER_RE.match(F, f2.end(), hi)):
                        break   # ("…, Công an tỉnh Lào Cai": a local body of its own)
                    fld2 = lexicon.fields()[_key(f2.group(1))].canonical
                    name2, level2, jur2 = _canonical(head, fld2, pl if pl.jurisdiction else None, ctx)
                    found.append(Mention(r2, f2.end(), _agency(name2, head.kind, level2, jur2, _written(T, r2, f2.end())),
                                         head_start=s))
                    r = f2.end()
        elif head.mode == "numbered":
            found = _numbered_units(T, F, s, p, hi, head) if upper else []
        elif head.mode == "party":
            board = _party_board(T, F, s, p, hi, head, ctx) if upper else None
            if board is None:
                continue
            found.append(board)
        elif head.mode in ("local", "placed"):
            if head.kind in ("thanh_tra",) and not upper:
                continue
            if head.mode == "placed" and not upper:
                continue
            central_party = (_party_of_central_body(T, F, s, p, hi) or _party_of_local_body(T, F, s, p, hi, ctx)) \
                if head.canonical == "Đảng ủy" and upper else None
            if central_party:
                out.append(central_party)
                last_end = central_party.end
                continue
            pl = _parse_place(T, F, p, hi, ctx, head.level)
            if pl.end == p and F[max(lo, s - 4):s] == "cac ":
                q = _skip_space(T, p, hi)
                rm = _BARE_REGION_RE.match(F, q, hi)
                if rm and not _REGION_GOES_ON_RE.match(T, rm.end(), hi):
                    # "Các KBNN khu vực": every regional unit of the body, as "Kho bạc Nhà nước các khu vực"
                    pl = _Place(rm.end(), "region", None, region="các khu vực")
            if (not upper or (head.mode == "placed" and not _CO_QUAN_RE.search(F, max(lo, s - 8), s))) and pl.end == p:
                continue  # "công an", "Bảo hiểm xã hội" with nothing after: a sector or a common noun
                #           (but "cơ quan Bảo hiểm xã hội": the body)
            if pl.generic:
                gs = s
                out.append(Mention(gs, pl.end, Agency(name=_written(T, gs, pl.end), kind=head.kind, level=pl.level,
                                                      generic=True),
                                   generic=True, head_start=s, head=head))
                last_end = pl.end
                continue
            name, level, jur = _canonical(head, "", pl, ctx)
            end = max(pl.end, p)
            found.append(Mention(s, end, _agency(name, head.kind, level, jur, _written(T, s, end)),
                                 head=head, bare=pl.end == p or (pl.jurisdiction is None and not pl.collective),
                                 by_level=pl.by_level))
            found.extend(_more_places(T, pl, head.canonical, head.kind, s))
        else:  # open
            if not upper:
                continue
            if head.kind in _COMPANY_KINDS and F[max(lo, s - 4):s] == "cac ":
                found = _subordinate_collectives(T, F, s, hi, ctx)
                if found:
                    out.extend(found)
                    last_end = found[-1].end
                    continue
            q = _skip_space(T, p, hi)
            if head.kind not in DESCRIBED_KINDS and not (_cap(T, q) or T[q:q + 1].isdigit()) \
                    and not (head.kind in ("vu", "cuc") and _UNIT_OF_MINISTRY_RE.match(T, q, hi)):
                continue  # "Trường hợp …", "Bảo đảm …": a common word, not a body
            starts = lexicon.open_name_starts().get(head.kind)
            if starts and not any(F.startswith(w, q) and not F[q + len(w):q + len(w) + 1].isalnum() for w in starts):
                continue
            if _opens_with_connector(T, q) and not _name_phrase_regex().match(F[q:q + 80]):
                continue  # "VỤ VÀ CẤP …": a title line, not a body (but "Ban Chỉ đạo về phát triển …")
            end = _open_name_end(T, F, p, hi, head.kind)
            if _is_place_name(_written(T, s, end)):
                continue   # "xã Vụ Bổn", "huyện Vụ Bản": a place whose name starts with a head word
            middle = _expand_name_abbreviations(_written(T, p, end))
            # a trailing level word with or without place gives the jurisdiction
            pl = None
            lm = _trailing_level(T, F, p, end)
            if lm and (_cap(T, p + lm.start(1)) or lm.group(2).strip() or lm.end(1) == end - p):
                cut = p + lm.start()
                pl = _parse_place(T, F, cut, end, ctx, head.level)
                if pl.jurisdiction and not pl.generic:
                    middle = _written(T, p, cut)
                else:
                    pl = None
            by_level = False
            if pl is None:
                pl, cut = _level_collective_tail(T, F, p, end, ctx, head)
                if pl is not None:
                    middle, by_level = _written(T, p, cut), pl.by_level   # "Trạm Y tế cấp xã" (since July 2025)
            middle = _expand_name_abbreviations(middle)
            middle = _sentence_case(middle)
            if pl is None and head.kind not in _COMPANY_KINDS:
                middle, pl = _place_in_name(middle, end, head)
            if not middle and head.kind in _COMPANY_KINDS and head.canonical == "Công ty" and q > p:
                # "Đề nghị Công ty căn cứ …": the company a letter is addressed to, named by its kind only
                out.append(Mention(s, p, Agency(name=_written(T, s, p), kind=head.kind, generic=True),
                                   generic=True, head_start=s, head=head))
                last_end = p
                continue
            if not middle and head.kind not in ("doan_kiem_tra",) and not (pl and pl.explicit):
                continue
            if pl is None and head.kind not in _COMPANY_KINDS:
                pl2 = _parse_place(T, F, end, hi, ctx, head.level)
                if (pl2.jurisdiction and not pl2.generic and not pl2.collective) or pl2.region == "các khu vực" or \
                        (pl2.collective and pl2.level and _RANK[pl2.level] > _RANK.get(ctx.level, 1)):
                    # (the units below the issuer: "Chi cục Chăn nuôi và Thú y các tỉnh, thành phố" in a central
                    # text, "Trung tâm Văn hóa - Thể thao các huyện" in a province's)
                    pl, end = pl2, pl2.end   # (or "Chi cục Hải quan các khu vực": every regional unit)
            if _company_class(head, middle):
                # "Công ty chứng khoán phải …": the class of such companies, not one of them (guide §1)
                out.append(Mention(s, end, Agency(name=_written(T, s, end), kind=head.kind, generic=True),
                                   generic=True, head_start=s, head=head))
                last_end = end
                continue
            name, level, jur = _open_canonical(head, middle, pl, ctx)
            found.append(Mention(s, end, _agency(name, head.kind, level, jur, _written(T, s, end)),
                                 head=head if by_level else None, by_level=by_level))
        if not found:
            continue
        for f in found:
            if f.head_start < 0:
                f.head_start = s
        # "các" before a head belongs to a collective ("Các đoàn kiểm tra liên ngành")
        if F[max(lo, s - 4):s] == "cac " and head.kind in ("doan_kiem_tra",):
            found[0].start = s - 4
            found[0].agency.name = "Các " + found[0].agency.name[0].lower() + found[0].agency.name[1:]
        out.extend(found)
        last_end = max(f.end for f in found)
    out.sort(key=lambda x: x.start)
    out = _unswallowed(out)
    _share_place(T, out, ctx)
    return out


def _unswallowed(mentions: list[Mention]) -> list[Mention]:
    """The mentions (sorted by start) less the generic phrases that a body's name holds ("các địa phương" of
    "Công an các địa phương"): one pass, keeping the furthest end of a body read so far."""
    out, reach = [], -1
    for m in mentions:
        if m.generic and m.end <= reach:
            continue
        if not m.generic:
            reach = max(reach, m.end)
        out.append(m)
    return out


def _collective_part(m: Mention) -> str | None:
    """"các xã, phường tỉnh X" of "Ủy ban nhân dân các xã, phường tỉnh X", or None for one body."""
    name = m.agency.name
    if m.head is None or not name.startswith(m.head.canonical + " "):
        return None
    rest = name[len(m.head.canonical) + 1:]
    return rest if re.match(r"(các|\d+) ", rest) else None


def _share_place(T: str, mentions: list[Mention], ctx: Context) -> None:
    """"Thành ủy, HĐND, UBND thành phố Đà Nẵng": bodies listed bare before one with a
    place share that place."""
    run: list[Mention] = []
    for m in mentions + [None]:
        if m is not None and m.head is not None and (not run or _SEP_RE.fullmatch(T[run[-1].end:m.start])):
            run.append(m)
            if not m.bare:
                last = m
                collective = _collective_part(last)
                for r in run[:-1]:
                    if r.bare and collective and r.head.kind == "dang" and collective.startswith("các tỉnh") and \
                            not last.agency.jurisdiction:
                        # "Tỉnh ủy, Thành ủy, HĐND, UBND các tỉnh, thành phố trực thuộc Trung ương": every
                        # province's Party committee, the collective of named_collectives.tsv
                        r.agency = Agency(_ALL_PARTY_COMMITTEES, "dang", "central", aliases=list(r.agency.aliases))
                        r.bare = False
                    elif r.bare and collective and r.head.kind != "dang":
                        # "HĐND, UBND các xã, phường": every body of the list is a collective
                        r.agency = Agency(f"{r.head.canonical} {collective}", r.head.kind, last.agency.level,
                                          last.agency.jurisdiction, aliases=list(r.agency.aliases))
                        r.bare = False
                    elif r.bare and last.agency.jurisdiction:
                        jur = last.agency.jurisdiction
                        if _party_style(r.head):
                            jur = _party_place(jur) or ""
                        r.agency = Agency(f"{r.head.canonical} {jur}", r.head.kind, last.agency.level, last.agency.jurisdiction,
                                          aliases=list(r.agency.aliases))
                        r.bare = False
                run = []
            continue
        run = [m] if m is not None and m.head is not None else []


_GEN = None


@lru_cache(maxsize=1)
def _stop_regex() -> re.Pattern:
    """Stop words on lower-cased original text: diacritics matter (tại ≠ tải)."""
    return re.compile(r"(?:" + lexicon.alternation(lexicon.stopwords()) + r")(?!\w)")


def _head_matches(F: str, lo: int, hi: int):
    """Head matches, overlapping ones too: a rejected "quan uy" in "liên quan, Ủy ban"
    must not hide the "uy ban" that starts inside it."""
    rx = lexicon.head_regex()
    if not F.isascii():     # (a word may start after a character outside ASCII: "²", "中")
        search = rx.search
    else:
        spaced = lexicon.head_after_space_regex()

        def search(F: str, pos: int, hi: int) -> re.Match | None:   # rx.search, space to space
            m = rx.match(F, pos, hi)
            if m is None and (space := spaced.search(F, pos, hi)) is not None:
                m = rx.match(F, space.end(), hi)
            return m
    pos = lo
    while True:
        m = search(F, pos, hi)
        if not m:
            return
        yield m
        pos = m.start() + 1


@lru_cache(maxsize=1)
def _named_collective_regex() -> re.Pattern:
    return re.compile(r"(" + lexicon.word_alternation(lexicon.named_collectives()) + r")(?![a-z0-9])")


def _named_collectives(T: str, F: str, lo: int, hi: int, out: list[Mention], claimed: list) -> None:
    """"các tỉnh ủy, thành ủy (trực thuộc Trung ương)": one collective body (named_collectives.tsv), whose
    head words name no body of their own (not "Tỉnh ủy" of the context's province)."""
    # the claimed spans (generic phrases, in text order) as starts and the farthest end so far: one
    # bisection per match, not a scan of every span (a long list of "các cơ quan …" was quadratic);
    # a collective added here never holds a later match (the matches do not overlap)
    starts = [a for a, _ in claimed]
    reach = list(accumulate((b for _, b in claimed), max))
    ordered = all(a <= b for a, b in zip(starts, starts[1:]))
    for m in _named_collective_regex().finditer(F, lo, hi):
        if ordered:
            i = bisect_right(starts, m.start())
            if i and reach[i - 1] > m.start():
                continue
        elif any(a <= m.start() < b for a, b in claimed):
            continue
        name, kind, level = lexicon.named_collectives()[_key(m.group(1))]
        out.append(Mention(m.start(), m.end(), _agency(name, kind, level, None, _written(T, m.start(), m.end())),
                           head_start=m.start()))
        claimed.append((m.start(), m.end()))


@lru_cache(maxsize=1)
def _ministry_unit_regex() -> re.Pattern:
    """A title of a ministry unit's head ("vu truong"), or "cac" and a unit word ("cac cuc")."""
    units = lexicon.ministry_units()
    titles = [k for k, u in units.items() if u.title]
    kinds = [k for k, u in units.items() if not u.title and u.name.startswith("Các ")]
    return re.compile(r"(?<![a-z0-9])(?:cac\s+(" + lexicon.alternation(kinds) + r")|(" + lexicon.alternation(titles)
                      + r"))(?![a-z0-9])")


_UNDER_MINISTRY_RE = re.compile(r"[ \t\r\n]*(?:,[ \t\r\n]*(?:cac[ \t\r\n]+)?(?:don vi|co quan)[ \t\r\n]*)?"
                                r"(?:truc[ \t\r\n]+)?thuoc[ \t\r\n]+bo(?![a-z0-9])")


def _ministry_unit_at(T: str, F: str, s: int, e: int, hi: int) -> lexicon.MinistryUnit | None:
    """The unit named by T[s:e] when it is spelled as the table writes it ("Vụ", not "vụ" = a case, nor
    "Vũ") and capitalised; a title followed by a body's name ("Vụ trưởng Vụ Pháp chế") names no unit."""
    unit = lexicon.ministry_units().get(_key(F[s:e]))
    if unit is None or not _cap(T, s) or " ".join(modern_tones(T[s:e]).lower().split()) != unit.written:
        return None
    if unit.title and T[s:e].isupper():
        return None   # "CỤC TRƯỞNG": a signature line (of a form), no task
    if unit.title:
        q = _skip_space(T, e, hi)
        if (_cap(T, q) and _head_at(T, F, q, hi)) or F.startswith("cac ", q) or F.startswith("thu truong", q):
            return None   # "Bộ trưởng các Bộ", "Bộ trưởng, Thủ trưởng cơ quan ngang bộ": not the issuer's
    return unit


def _ministry_units(T: str, F: str, lo: int, hi: int, ctx: Context, out: list[Mention], claimed: list) -> None:
    """In a ministry's own text, "Vụ trưởng, Cục trưởng", "Chánh Văn phòng", "các Vụ, Cục thuộc Bộ" name
    that ministry's units (ministry_units.tsv; guide §8: a head's task is the body's): "Các Vụ thuộc Bộ
    Tư pháp", "Văn phòng Bộ Tư pháp"."""
    for m in _ministry_unit_regex().finditer(F, lo, hi):
        s, e = (m.start(1), m.end(1)) if m.group(1) else (m.start(2), m.end(2))
        if any(a <= m.start() < b for a, b in claimed):
            continue
        found = []
        unit = _ministry_unit_at(T, F, s, e, hi)
        while unit is not None:
            found.append((s, e, unit))
            if unit.title:
                break
            sep = _MEMBER_SEP_RE.match(T, e, hi)   # "các Vụ, Cục": one collective per unit word
            w = WORD_RE.match(F, sep.end()) if sep else None
            if w is None:
                break
            w2 = WORD_RE.match(F, _skip_space(T, w.end(), hi))   # (two-word units: "Văn phòng")
            s, e = w.start(), (w2.end() if w2 and _key(F[w.start():w2.end()]) in lexicon.ministry_units() else w.end())
            unit = _ministry_unit_at(T, F, s, e, hi)
            if unit is not None and (unit.title or not unit.name.startswith("Các ")):
                break
        if not found:
            continue
        tail = _UNDER_MINISTRY_RE.match(F, found[-1][1], hi)
        end = tail.end() if tail and not _cap(T, _skip_space(T, tail.end(), hi)) else found[-1][1]
        for i, (us, ue, unit) in enumerate(found):
            start = m.start() if i == 0 else us
            stop = end if i == len(found) - 1 else ue
            out.append(Mention(start, stop, _agency(unit.name.format(bo=ctx.ministry), unit.kind, "central", None,
                                                    _written(T, start, stop)), head_start=us))
        claimed.append((m.start(), end))


def _generic_regex() -> re.Pattern:
    global _GEN
    if _GEN is None:
        _GEN = re.compile(r"(" + lexicon.word_alternation(lexicon.generic_phrases()) + r")(?![a-z0-9])")
    return _GEN


def title_before(F: str, start: int) -> bool:
    """True when a person's title stands right before a mention ("Giám đốc Sở Y tế")."""
    return bool(_TITLE_RE.search(F[max(0, start - 25):start]))
