"""Recipients: "Kính gửi" lines are addressed, "Nơi nhận" lines copied (guide §4, §8).

"Như trên" and "Lưu: VT…" are not agencies; lines that name people or roles
("CT, các PCT UBND TP", "CV: LĐ, YT", "CPVP") are skipped; "TT: Quận ủy, HĐND
Quận" and "TTTU, TT HĐND TP" name the standing bodies (Thường trực …).
"""
from __future__ import annotations

import re

from .agencies import Context, Mention, find_mentions
from .records import Agency, Recipient
from .structure import BULLET_RE, Structure
from .textnorm import fold_keep

# Lines of "Nơi nhận" that name no body: filing marks, people, roles.
_SKIP = re.compile(
    r"^(nhu tren|nhu dieu|luu|cpvp|cv |ct |ct,|cac pct|pct|pcvp|d c |dong chi|thu tuong cac pho|thu tuong, cac|"
    r"bt |btcn|tro ly|lanh dao|website|cong tt dt|tgd)")
# Lines that name people (Phó Thủ tướng, Phó Chủ tịch, Bộ trưởng - Chủ nhiệm …): skipped whole.
_PEOPLE = re.compile(r"(?<![a-z0-9])(pttg\w*|pho thu tuong|cac pct|pct|btcn|pcn|tro ly|cac pho chu tich|pho chu tich|"
                     r"chu tich|giam doc cong|tgd)(?![a-z0-9])")
_STANDING = re.compile(r"^(tt|thuong truc)(?![a-z0-9])\s*")
_TTTU = re.compile(r"(?<![a-z0-9])tttu(?![a-z0-9])")


def _items(T: str, s: int, e: int):
    """List items of a block: a new item at each bullet, or after a line that ends with ';' or '.'."""
    items: list[list[int]] = []
    pos = s
    ended = True
    for line in T[s:e].split("\n"):
        ls, le = pos, pos + len(line)
        pos = le + 1
        stripped = line.strip().strip("*|").strip()
        if not stripped:
            continue
        if ended or BULLET_RE.match(line):
            items.append([ls, le])
        else:
            items[-1][1] = le
        ended = stripped.endswith((";", ".", ":"))
    return [(a, b) for a, b in items]


def recipients(T: str, F: str, st: Structure, directive: str, ctx: Context):
    """(Recipient, Agency) pairs from the Kính gửi and Nơi nhận blocks."""
    out = []
    for block, kind in ((st.kinh_gui, "addressed"), (st.noi_nhan, "copied")):
        if block is None:
            continue
        first = True
        for s, e in _items(T, block.start, block.end):
            text = F[s:e]
            body = re.sub(r"^\W*", "", text)
            lead = len(text) - len(body)
            if first:
                # skip the "Kính gửi:" / "Nơi nhận:" words themselves
                m = re.search(r"(kinh gui|noi nhan|dien)\s*", body)
                if m:
                    lead += m.end()
                    body = body[m.end():].lstrip()
                first = False
            body = " ".join(body.split())
            if not body or _SKIP.match(body) or (kind == "copied" and _PEOPLE.search(body)):
                continue
            s2 = s + lead
            standing = False
            sm = _STANDING.match(body)
            if sm:
                standing = True
            for m in _TTTU.finditer(F, s2, e):
                word = "Thành ủy" if ctx.province_word == "thành phố" else "Tỉnh ủy"
                name = f"Thường trực {word} {ctx.province}" if ctx.province else f"Thường trực {word}"
                a = Agency(name, "dang", "province", ctx.province, aliases=[T[m.start():m.end()]])
                out.append((Recipient(directive, name, kind, span=(m.start(), m.end())), a))
            for m in find_mentions(T, F, s2, e, ctx):
                if m.generic:
                    continue
                a = m.agency
                if " ".join(F[max(s2, m.start - 12):m.start].split()).endswith(("tt", "thuong truc")):
                    standing = True
                if standing and a.kind in ("dang", "hdnd"):
                    a = Agency("Thường trực " + a.name, a.kind, a.level, a.jurisdiction, False, list(a.aliases), a.parent)
                out.append((Recipient(directive, a.name, kind, span=(m.start, m.end)), a))
    # one record per (agency, kind)
    seen, unique = set(), []
    for r, a in out:
        if (r.agency, r.kind) not in seen:
            seen.add((r.agency, r.kind))
            unique.append((r, a))
    return unique
