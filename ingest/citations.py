"""Citations between directives (guide §5).

Every numbered instrument named in a directive's text is a citation from it.
The relation comes from the words that open the sentence: "Căn cứ / Theo /
Xét" -> basis, "Thực hiện / Triển khai / Để (tiếp tục) thực hiện / để cụ thể
hóa" -> implements, anything else ("tuân thủ theo …", "Trước đó … đã ban
hành …", "thay thế …") -> mentions. Type, date and issuer of the cited
instrument come from the words around its number.
"""
from __future__ import annotations

import re

from .agencies import Context, find_mentions
from .dates import parse_date
from .numbers import find_numbers, issuer_from_symbol, normalise, type_from_symbol, type_of_word, type_word_regex
from .records import Citation, Directive

_BASIS = re.compile(r"^(?:\W*)(can cu|theo|xet)(?![a-z0-9])")
_IMPLEMENTS = re.compile(r"^(?:\W*)(?:de\s+)?(?:tiep tuc\s+)?(thuc hien|trien khai|cu the hoa|de cu the hoa)(?![a-z0-9])")


def citations(T: str, F: str, lo: int, hi: int, source: Directive, ctx: Context,
              skip: set[str] | None = None) -> list[Citation]:
    out: list[Citation] = []
    seen = set()
    numbers = list(find_numbers(T, lo, hi))
    for i, (s, e, num) in enumerate(numbers):
        num = normalise(num)
        if num == source.number or num in seen or (skip and num in skip):
            continue
        seen.add(num)
        # the sentence opening: fold marks sentence ends as spaces, so look in T
        cut = max(T.rfind(". ", lo, s), T.rfind("\n", lo, s), T.rfind(";", lo, s), lo - 1)
        opening = " ".join(F[cut + 1:s].split())
        if _BASIS.match(opening):
            relation = "basis"
        elif _IMPLEMENTS.match(opening):
            relation = "implements"
        else:
            relation = "mentions"
        before = F[max(lo, s - 30):s]
        to_type = None
        for tm in type_word_regex().finditer(before):
            to_type = type_of_word(tm.group(1))
        to_type = to_type if to_type and to_type != "Công văn" or not to_type else to_type
        if not to_type:
            to_type = type_from_symbol(num)
        after = F[e:e + 30]
        to_date = parse_date(after) if re.match(r"\s*(ngay\s)?\d", after) else None
        # "của X" after the number (and its date / subject), before the next number
        nxt = numbers[i + 1][0] if i + 1 < len(numbers) else hi
        window_end = min(nxt, e + 250, hi)
        to_issuer = None
        cm = re.search(r"(?<![a-z0-9])cua\s", F[e:window_end])
        if cm:
            ms = [m for m in find_mentions(T, F, e + cm.end(), window_end, ctx) if not m.generic]
            if ms and ms[0].start - (e + cm.end()) < 3:
                to_issuer = ms[0].agency.name
        to_issuer = to_issuer or issuer_from_symbol(num)
        # the evidence quoted for the citation: the clause that names the cited instrument
        start = cut + 1
        while start < s and T[start] in " \t\n*_-":
            start += 1
        stop = re.search(r"[;\n]|\.(?=\s|$)", T[e:hi])
        out.append(Citation(source=source.key, to=num, relation=relation, to_type=to_type,
                            to_date=to_date, to_issuer=to_issuer, span=(start, e + (stop.start() + (stop.group() != "\n") if stop else 0))))
    return out
