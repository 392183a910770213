"""Generate Vietnamese administrative documents with a known answer, for benchmarks.

    python bench/generate.py --n 10000 --out DIR --seed 1 [--workers 2]

writes DIR/docs/<stem>.txt and DIR/gold/<stem>.json (annotation guide §7, with
obligation spans). The texts are assembled from the vocabulary tables in
``bench/data/`` and real place names from ``vietnamadminunits`` (legacy units
before the 2025 reorganisation, the 34 provinces and their communes after),
so a corpus of any size has realistic variety while every fact in it is known
exactly. Nothing is copied from the seed documents.

Determinism: every document is a pure function of (seed, index) and of the
"plan" (issuer, date, number, topic of every document, drawn first) so that
documents can cite each other across the corpus and still be rendered in
parallel, in any order.
"""
from __future__ import annotations

import argparse
import bisect
import json
import math
import os
import random
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DATA = Path(__file__).resolve().parent / "data"

LEGACY_END = date(2025, 2, 28)      # departments merged from 1 March 2025
NEW_PLACES = date(2025, 7, 1)       # two-tier local government from 1 July 2025
FIRST_DAY, LAST_DAY = date(2016, 1, 1), date(2026, 10, 31)


def _load(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


# ---------------------------------------------------------------- places

@dataclass(frozen=True)
class Province:
    full: str          # "Thành phố Hà Nội"
    short: str         # "Hà Nội"
    word: str          # "thành phố" | "tỉnh"
    units: tuple       # legacy: districts (type, short, unique, ward_types, n_wards); new: communes (type, short, unique)

    @property
    def name(self) -> str:            # "thành phố Hà Nội"
        return f"{self.word} {self.short}"


def load_places() -> dict[str, list[Province]]:
    """Legacy (63) and 2025 (34) provinces with their districts / communes, sorted for determinism."""
    from vietnamadminunits.database import query

    legacy: dict[tuple, dict] = {}
    for r in query("SELECT province, provinceShort, districtType, districtShort, wardType, "
                   "districtShortDuplicated FROM admin_units_legacy"):
        if not r["districtShort"]:
            continue
        p = legacy.setdefault((r["province"], r["provinceShort"]), {})
        d = p.setdefault((r["districtType"], r["districtShort"], not r["districtShortDuplicated"]), {})
        if r["wardType"]:
            d[r["wardType"]] = d.get(r["wardType"], 0) + 1
    new: dict[tuple, list] = {}
    for r in query("SELECT province, provinceShort, wardType, wardShort, wardShortKeyDuplicated FROM admin_units"):
        if r["wardShort"] and r["wardType"]:
            new.setdefault((r["province"], r["provinceShort"]), []).append(
                (r["wardType"], r["wardShort"], not r["wardShortKeyDuplicated"]))

    def word(full: str) -> str:
        return "thành phố" if full.lower().startswith("thành phố") else "tỉnh"

    out = {"legacy": [], "new": []}
    for (full, short), ds in sorted(legacy.items()):
        units = tuple(sorted((t, s, u, tuple(sorted(w)), sum(w.values())) for (t, s, u), w in ds.items()))
        out["legacy"].append(Province(full, short, word(full), units))
    for (full, short), ws in sorted(new.items()):
        out["new"].append(Province(full, short, word(full), tuple(sorted(set(ws)))))
    return out


# ---------------------------------------------------------------- bodies

@dataclass
class Body:
    """An agency as the generator knows it: canonical name and the ways a text names it."""

    name: str
    forms: list[str]
    kind: str
    level: str | None
    jurisdiction: str | None = None
    field: str | None = None          # "Y tế" in "Giám đốc các Sở: Y tế, Tài chính"
    code: str | None = None           # number code of the issuer ("SYT", "BYT", "TTg")
    suffix: str | None = None         # unit code in "345/UBND-YT"
    topics: tuple = ()
    mass: bool = False                # mass organisation / court: tasked with "Đề nghị"
    head: str = "Thủ trưởng"          # title of its head (signature, Điều 3)


def _fill(template: str, ctx: dict) -> str:
    out = template
    for k, v in ctx.items():
        out = out.replace("{" + k + "}", v)
    return " ".join(out.split())


class World:
    """Vocabulary tables and places, loaded once per process."""

    def __init__(self):
        self.places = load_places()
        self.ag = _load("agencies.json")
        self.topics = _load("topics.json")
        self.ph = _load("phrases.json")
        self.dt = _load("doctypes.json")
        scheme = json.loads((ROOT / "ingest" / "data" / "topics.json").read_text(encoding="utf-8"))
        self.topic_name = {t["id"]: t["name"] for t in scheme}
        self.topic_ids = [t["id"] for t in scheme if t["id"] in self.topics]
        top = self.ag["top"]
        self.pm = self._central(top["pm"], head="Thủ tướng")
        self.gov = self._central(top["gov"])
        self.vpcp = self._central(top["vpcp"], head="Bộ trưởng, Chủ nhiệm")
        self.na = self._central(top["na"])
        self.party = Body(self.dt["party"]["name"], list(self.dt["party"]["mentions"]), "dang", "central")
        self.all_provinces = Body(top["provinces"]["name"], list(top["provinces"]["mentions"]),
                                  "collective", "province")

    @staticmethod
    def _central(e: dict, head: str = "Thủ trưởng") -> Body:
        return Body(e["name"], list(e["mentions"]), e["kind"], "central", None, e.get("field"),
                    e.get("code"), e.get("suffix"), tuple(e.get("topics", ())), head=head)

    def ministries(self, era: str) -> list[Body]:
        ok = ("all", "legacy") if era == "legacy" else ("all", "new")
        return [Body(e["name"], list(e["mentions"]), "bo", "central", None, e["field"], e["code"],
                     e["suffix"], tuple(e["topics"]), head="Bộ trưởng")
                for e in self.ag["central"] if e["era"] in ok]


@dataclass
class Place:
    """Where a document is issued: a province, and maybe one district or commune of it."""

    era: str                       # legacy | transition | new (departments/places in force)
    province: Province
    district: tuple | None = None  # legacy unit
    commune: tuple | None = None   # 2025 unit

    @property
    def dept_era(self) -> tuple:
        return ("all", "legacy") if self.era == "legacy" else ("all", "new")

    def pctx(self) -> dict:
        p = self.province
        return {"L": p.word, "LC": p.word.capitalize() if p.word == "tỉnh" else "Thành phố", "P": p.short,
                "DOAN": "Tỉnh đoàn" if p.word == "tỉnh" else "Thành đoàn"}

    def district_name(self) -> str:
        t, s, unique = self.district[0], self.district[1], self.district[2]
        return f"{t.lower()} {s}" + ("" if unique else f" {self.province.name}")

    def commune_name(self) -> str:
        t, s, unique = self.commune
        return f"{t.lower()} {s}" + ("" if unique else f" {self.province.name}")

    def local_ctx(self) -> dict:
        if self.district:
            t = self.district[0]
            return {"D": self.district_name(), "DT": t if t in ("Quận", "Huyện") else self.district_name()}
        if self.commune:
            t = self.commune[0]
            return {"W": self.commune_name(), "WT": t.lower() if t != "Đặc khu" else self.commune_name()}
        return {}


def province_body(world: World, e: dict, place: Place) -> Body:
    p = place.province
    ctx = place.pctx()
    forms = list(dict.fromkeys(_fill(m, ctx) for m in e["mentions"]))
    head = {"so": "Giám đốc", "cong_an": "Giám đốc", "quan_su": "Chỉ huy trưởng", "van_phong": "Chánh Văn phòng",
            "thanh_tra": "Chánh", "cuc": "Cục trưởng", "ban": "Trưởng"}.get(e["kind"], "Thủ trưởng")
    return Body(f"{e['name']} {p.name}", forms, e["kind"], "province", p.short, e.get("field"),
                e.get("code"), e.get("suffix"), tuple(e.get("topics", ())), bool(e.get("mass")), head)


def local_body(e: dict, place: Place, level: str) -> Body:
    ctx = place.local_ctx()
    where = place.district_name() if level == "district" else place.commune_name()
    forms = list(dict.fromkeys(_fill(m, ctx) for m in e["mentions"]))
    head = "Trưởng" if e["kind"] in ("phong", "cong_an", "quan_su", "doi", "tram") else "Thủ trưởng"
    juris = (place.district or place.commune)[1]
    return Body(f"{e['name']} {where}", forms, e["kind"], level, juris, e.get("field"), None,
                e.get("suffix"), tuple(e.get("topics", ())), bool(e.get("mass")), head)


def ubnd(place: Place, level: str) -> Body:
    """The people's committee of the province, district or commune of ``place``."""
    p = place.province
    if level == "province":
        forms = [f"UBND {p.word}", f"Ủy ban nhân dân {p.word}", f"UBND {p.name}", f"Ủy ban nhân dân {p.name}"]
        if p.word == "thành phố":
            forms += ["UBND Thành phố", "UBND TP"]
        return Body(f"Ủy ban nhân dân {p.name}", forms, "ubnd", "province", p.short, code="UBND",
                    head="Chủ tịch")
    where = place.district_name() if level == "district" else place.commune_name()
    t = (place.district or place.commune)[0]
    forms = [f"UBND {where}", f"Ủy ban nhân dân {where}"]
    if t in ("Quận", "Huyện", "Xã", "Phường"):
        forms += [f"UBND {t if level == 'district' else t.lower()}"]
    return Body(f"Ủy ban nhân dân {where}", forms, "ubnd", level, (place.district or place.commune)[1],
                code="UBND", head="Chủ tịch")


def collectives(place: Place, level: str, rng: random.Random) -> list[Body]:
    """'UBND các huyện, thị xã, thành phố' and the like: bodies of one kind below ``level``."""
    p = place.province
    out = []
    if level == "province":
        if place.era == "new":
            types = sorted({u[0] for u in p.units}, key=["Xã", "Phường", "Đặc khu"].index)
            part = "các " + ", ".join(t.lower() for t in types)
            out.append(Body(f"Ủy ban nhân dân {part} {p.name}", [f"UBND {part}", f"Ủy ban nhân dân {part}"],
                            "collective", "commune", p.short))
            out.append(Body(f"Công an {part} {p.name}", [f"Công an {part}", f"Công an {part} {p.name}"],
                            "collective", "commune", p.short))
        else:
            types = sorted({u[0] for u in p.units}, key=["Quận", "Huyện", "Thị xã", "Thành phố"].index)
            part = "các " + ", ".join(t.lower() for t in types)
            out.append(Body(f"Ủy ban nhân dân {part} {p.name}", [f"UBND {part}", f"Ủy ban nhân dân {part}"],
                            "collective", "district", p.short))
    elif level == "district":
        _, _, _, wtypes, n = place.district
        order = ["Xã", "Phường", "Thị trấn"]
        part = ", ".join(t.lower() for t in sorted(wtypes, key=order.index))
        written = rng.choice([f"các {part}", f"{n} {part}"]) if len(wtypes) == 1 else f"các {part}"
        where = place.district_name()
        out.append(Body(f"Ủy ban nhân dân {written} {where}", [f"UBND {written}", f"Ủy ban nhân dân {written}"],
                        "collective", "commune", place.district[1]))
        out.append(Body(f"Công an {written} {where}", [f"Công an {written}"], "collective", "commune",
                        place.district[1]))
    return out


def party_committee(place: Place, level: str) -> Body:
    p = place.province
    if level == "province":
        word = "Tỉnh ủy" if p.word == "tỉnh" else "Thành ủy"
        return Body(f"Thường trực {word} {p.short}", [f"TT {word}", f"Thường trực {word}"], "dang", "province",
                    p.short)
    if level == "district":
        t = place.district[0]
        word = {"Quận": "Quận ủy", "Huyện": "Huyện ủy", "Thị xã": "Thị ủy", "Thành phố": "Thành ủy"}[t]
        return Body(f"Thường trực {word} {place.district[1]}", [f"TT {word}", f"Thường trực {word}"], "dang",
                    "district", place.district[1])
    return Body(f"Thường trực Đảng ủy {place.commune_name()}", ["TT Đảng ủy", "Thường trực Đảng ủy"], "dang",
                "commune", place.commune[1])


def council(place: Place, level: str) -> Body:
    p = place.province
    if level == "province":
        return Body(f"Thường trực Hội đồng nhân dân {p.name}", [f"TT HĐND {p.word}", f"Thường trực HĐND {p.word}"],
                    "hdnd", "province", p.short)
    where = place.district_name() if level == "district" else place.commune_name()
    return Body(f"Thường trực Hội đồng nhân dân {where}", [f"TT HĐND {where}", f"Thường trực HĐND {where}"],
                "hdnd", level, (place.district or place.commune)[1])


# ---------------------------------------------------------------- dates

def long_date(d: date) -> str:
    return f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"


def short_date(d: date, rng: random.Random | None = None) -> str:
    if rng is not None and rng.random() < 0.3:
        return f"{d.day}/{d.month}/{d.year}"
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def random_day(rng: random.Random) -> date:
    # More recent documents are more common, as in the archive.
    span = (LAST_DAY - FIRST_DAY).days
    return FIRST_DAY + timedelta(days=int(span * math.sqrt(rng.random())))


def era_of(d: date) -> str:
    return "legacy" if d <= LEGACY_END else ("transition" if d < NEW_PLACES else "new")


# ---------------------------------------------------------------- the plan

@dataclass
class Header:
    """What is known of a document before it is written: enough for others to cite it."""

    index: int
    kind: str              # official | news
    level: str             # central | province | department | district | commune
    place: Place | None
    issuer: Body
    type: str
    number: str | None
    day: date
    topic: str
    subject: str
    parents: list = field(default_factory=list)   # indices of headers this one implements/cites


LEVEL_WEIGHTS = [("central", 9), ("province", 38), ("department", 20), ("district", 20), ("commune", 15)]


def _weighted(rng: random.Random, pairs):
    items, weights = zip(*pairs)
    return rng.choices(items, weights=weights)[0]


def _subject(world: World, rng: random.Random, topic: str, d: date) -> str:
    s = rng.choice(world.topics[topic]["subjects"])
    return s.replace("{y}", str(d.year)).replace("{y2}", str(d.year + 1)).replace("{m}", str(rng.randint(2, 9)))


def make_header(world: World, seed: int, i: int, used: set) -> Header:
    rng = random.Random(f"{seed}:plan:{i}")
    kind = "news" if rng.random() < world.dt["news_weight"] / 100 else "official"
    d = random_day(rng)
    era = era_of(d)
    level = _weighted(rng, LEVEL_WEIGHTS)
    if level == "commune" and era != "new":
        level = "district"
    elif level == "district" and era == "new":
        level = "commune"
    place = None
    if level != "central":
        provinces = world.places["new" if era == "new" else "legacy"]
        prov = rng.choice(provinces)
        place = Place(era, prov)
        if level == "district":
            place.district = rng.choice(prov.units)
        elif level == "commune":
            place.commune = rng.choice(prov.units)
    if level == "central":
        r = rng.random()
        issuer = world.pm if r < 0.45 else (world.vpcp if r < 0.6 else rng.choice(world.ministries(
            "legacy" if era == "legacy" else "new")))
    elif level == "department":
        entries = [e for e in world.ag["province"] if e["era"] in place.dept_era and not e.get("mass")
                   and e["kind"] not in ("bao_chi",)]
        issuer = province_body(world, rng.choice(entries), place)
    else:
        issuer = ubnd(place, level)
    # type
    if issuer is world.pm:
        dtype = _weighted(rng, [("Công điện", 45), ("Chỉ thị", 30), ("Quyết định", 25)])
    elif issuer is world.vpcp:
        dtype = _weighted(rng, [("Thông báo", 70), ("Công văn", 30)])
    else:
        lv = "department" if level == "department" else level
        dtype = _weighted(rng, [(t, v["weight"]) for t, v in world.dt["types"].items() if lv in v["levels"]
                                and not (issuer.kind == "bo" and t == "Kế hoạch")])
    topic = rng.choice([t for t in issuer.topics if t in world.topics] or world.topic_ids)
    number = None
    if not (kind == "news" and rng.random() < 0.3):
        for _ in range(50):
            number = _number(rng, level, issuer, dtype, d)
            if (issuer.name, d.year, number) not in used:
                break
        used.add((issuer.name, d.year, number))
    return Header(i, kind, level, place, issuer, dtype, number, d, topic, _subject(world, rng, topic, d))


UNIT_SUFFIXES = ["YT", "NN", "KT", "ĐT", "VX", "NC", "TH", "TNMT", "XD", "KGVX"]


def _number(rng: random.Random, level: str, issuer: Body, dtype: str, d: date) -> str:
    top = {"central": 2500, "province": 9000, "department": 4000, "district": 1500, "commune": 400}[level]
    code = {"Kế hoạch": "KH", "Quyết định": "QĐ", "Chỉ thị": "CT", "Công điện": "CĐ", "Thông báo": "TB"}.get(dtype)
    if code is None:  # Công văn: issuer code and a unit suffix
        n = rng.randint(1, top)
        if issuer.code == "UBND":
            return f"{n}/UBND-{issuer.suffix or rng.choice(UNIT_SUFFIXES)}"
        if issuer.code == "VP":
            return f"{rng.randint(100, 15000)}/VP-{rng.choice(['KT', 'TH', 'NC', 'KGVX', 'ĐT'])}"
        if issuer.code == "VPCP":
            return f"{n}/VPCP-{rng.choice(['KGVX', 'NN', 'QHĐP', 'CN', 'V.I'])}"
        return f"{n}/{issuer.code}-{rng.choice(['VP', 'NV', 'KHTC', 'TTr', 'QLCL', 'TH', issuer.suffix or 'VP'])}"
    n = rng.randint(1, max(60, top // (8 if code in ("CT", "CĐ") else 3)))
    if dtype == "Quyết định" and level in ("province", "central") and rng.random() < 0.15:
        return f"{rng.randint(1, 80):02d}/{d.year}/QĐ-{issuer.code}"
    if dtype == "Chỉ thị" and n < 100:
        return f"{n:02d}/CT-{issuer.code}"
    return f"{n}/{code}-{issuer.code}"


def plan(world: World, seed: int, n: int) -> list[Header]:
    """Headers of all documents, then for each the earlier, higher-level ones on its topic it cites."""
    used: set = set()
    headers = [make_header(world, seed, i, used) for i in range(n)]
    by_key: dict[tuple, list] = {}
    for h in headers:
        if h.number is None:
            continue
        if h.level == "central":
            by_key.setdefault(("central", h.topic), []).append((h.day, h.index))
        elif h.level in ("province", "department"):
            by_key.setdefault((h.place.province.short, h.topic), []).append((h.day, h.index))
    for v in by_key.values():
        v.sort()
    for h in headers:
        rng = random.Random(f"{seed}:parents:{h.index}")
        keys = []
        if h.level in ("province", "department"):
            keys = [("central", h.topic)]
        elif h.level in ("district", "commune"):
            keys = [(h.place.province.short, h.topic), ("central", h.topic)]
        for key in keys:
            cands = by_key.get(key, [])
            hi = bisect.bisect_left(cands, (h.day, -1))
            lo = bisect.bisect_left(cands, (h.day - timedelta(days=3 * 365), -1))
            if hi > lo and rng.random() < 0.8:
                j = cands[rng.randrange(lo, hi)][1]
                if headers[j].issuer.name != h.issuer.name and j not in h.parents:
                    h.parents.append(j)
    return headers


# ---------------------------------------------------------------- rendering

BULLETS = ["- ", "+ ", "• "]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " và " + names[-1]


class Doc:
    """One document being written: text pieces with their offsets, and the facts they state."""

    def __init__(self, world: World, h: Header, headers: list[Header], seed: int, used: set | None = None):
        self.w, self.h, self.headers = world, h, headers
        self.used = used or set()   # (issuer, year, number) of every planned directive
        self.rng = random.Random(f"{seed}:doc:{h.index}")
        self.parts: list[str] = []
        self.pos = 0
        self.agencies: dict[str, dict] = {}
        self.seen: set[str] = set()
        self.directives: list[dict] = []
        self.obligations: list[dict] = []
        self.citations: list[dict] = []
        self.recipients: list[dict] = []
        self.bullet = self.rng.choice(BULLETS)
        self.home = set()
        if h.place is not None:
            self.home = {h.place.province.short} | {u[1] for u in (h.place.district, h.place.commune) if u}

    # -- text and agencies
    def put(self, s: str) -> tuple[int, int]:
        start = self.pos
        self.parts.append(s)
        self.pos += len(s)
        return start, self.pos

    def text(self) -> str:
        return "".join(self.parts)

    def reg(self, b: Body, form: str | None = None) -> None:
        a = self.agencies.get(b.name)
        if a is None:
            a = self.agencies[b.name] = {"name": b.name, "aliases": [], "kind": b.kind, "level": b.level,
                                         "jurisdiction": b.jurisdiction}
        if form and form != b.name and form not in a["aliases"]:
            a["aliases"].append(form)

    def m(self, b: Body) -> str:
        """A mention of ``b``: a full form the first time, any form after.

        A body outside the document's own place is always named with its place,
        so that the text alone says which one it is (guide §3)."""
        forms = b.forms
        if b.jurisdiction and b.jurisdiction not in self.home:
            forms = [f for f in b.forms if b.jurisdiction in f] or [b.name]
        if b.name not in self.seen:
            self.seen.add(b.name)
            form = forms[-1] if self.rng.random() < 0.5 else forms[0]
        else:
            form = self.rng.choice(forms)
        self.reg(b, form)
        return form

    # -- building blocks
    def topic_name(self, topic: str | None = None) -> str:
        return self.w.topic_name[topic or self.h.topic]

    def place_phrase(self) -> str:
        h = self.h
        if h.level == "central":
            return "cả nước"
        if h.level == "district":
            return h.place.district[0].lower()
        if h.level == "commune":
            return h.place.commune[0].lower()
        return h.place.province.word

    def fill(self, s: str) -> str:
        r = self.rng
        for k, v in (("{topic}", self.topic_name()), ("{place}", self.place_phrase()),
                     ("{y1}", str(self.h.day.year - 1)), ("{y}", str(self.h.day.year - 1))):
            s = s.replace(k, v)
        while "{" in s:
            k = s[s.index("{"):s.index("}") + 1]
            v = {"{n}": str(r.randint(3, 950)), "{m}": str(r.randint(2, 60)), "{p}": str(r.randint(5, 98))}.get(k, "")
            s = s.replace(k, v, 1)
        return s

    def task(self) -> str:
        t = self.w.topics[self.h.topic]["tasks"] if self.rng.random() < 0.65 else self.w.ph["generic_tasks"]
        return self.fill(self.rng.choice(t) + self.rng.choice(self.w.ph["qualifiers"]))

    def deadline(self, p: float = 0.3) -> tuple[str, str | None]:
        r = self.rng
        if r.random() >= p:
            return "", None
        d = self.h.day + timedelta(days=r.randint(10, 200))
        k = r.random()
        if k < 0.45:
            return f", hoàn thành trước ngày {short_date(d, r)}", d.isoformat()
        if k < 0.65:
            return f", xong trước tháng {d.month}/{d.year}", f"{d.year}-{d.month:02d}"
        if k < 0.85:
            return f" trước ngày {d.day:02d} tháng {d.month:02d} năm {d.year}", d.isoformat()
        return f", thời gian thực hiện đến hết ngày {short_date(d, r)}", d.isoformat()

    def report_clause(self) -> tuple[str, Body, str]:
        d = self.h.day + timedelta(days=self.rng.randint(20, 300))
        r = self.reports_to
        return f", báo cáo kết quả về {self.m(r)} trước ngày {short_date(d, self.rng)}", r, d.isoformat()

    def obligation(self, key: str, text: str, span: tuple[int, int], leads, supports=(), modality=None, reports=(),
                   deadline=None) -> None:
        assignees = [{"agency": b.name, "role": "lead"} for b in leads]
        assignees += [{"agency": b.name, "role": "support"} for b in supports if b.name not in
                      {x.name for x in leads}]
        for b in list(leads) + list(supports) + list(reports):
            self.reg(b)
        self.obligations.append({
            "directive": key, "text": text, "span": list(span), "assignees": assignees,
            "modality": modality, "reports_to": [b.name for b in reports], "deadline": deadline,
            "topics": [self.topic_name()]})

    def directive_key(self, h: Header) -> str:
        return h.number or f"{h.issuer.name}|{h.type}|{h.day.year}"

    # -- who takes part
    def cast(self, size: int) -> None:
        """Pick the bodies this document tasks: affine to its topic first, then others."""
        w, h, r = self.w, self.h, self.rng
        place = h.place
        if h.level == "central":
            pool = [b for b in w.ministries("legacy" if h.day <= LEGACY_END else "new") if b.name != h.issuer.name]
            colls = [w.all_provinces]
            if r.random() < 0.4:   # a few named provinces, as in telegrams on one region
                era = "new" if h.day >= NEW_PLACES else "legacy"
                for prov in r.sample(w.places[era], r.randint(1, 4)):
                    colls.append(ubnd(Place(era, prov), "province"))
            mass = []
            self.top = h.issuer if h.issuer.kind == "bo" else w.pm
        elif h.level in ("province", "department"):
            entries = [e for e in w.ag["province"] if e["era"] in place.dept_era]
            bodies = [province_body(w, e, place) for e in entries]
            pool = [b for b in bodies if not b.mass and b.name != h.issuer.name]
            mass = [b for b in bodies if b.mass]
            colls = collectives(place, "province", r)
            self.top = ubnd(place, "province")
        else:
            level = h.level
            entries = [e for e in w.ag[level] if (e["era"] == "legacy") == (level == "district")]
            bodies = [local_body(e, place, level) for e in entries]
            pool = [b for b in bodies if not b.mass]
            mass = [b for b in bodies if b.mass]
            colls = collectives(place, level, r)
            self.top = ubnd(place, level)
        affine = [b for b in pool if h.topic in b.topics]
        others = [b for b in pool if h.topic not in b.topics]
        r.shuffle(affine)
        r.shuffle(others)
        k = max(2, min(size, len(pool)))
        self.main = (affine + others)[:k] if r.random() < 0.7 else r.sample(pool, k)
        self.colls = colls[:1 + (len(colls) > 1 and r.random() < 0.5)] if colls else []
        if h.level == "central" and len(colls) > 1:
            self.colls = colls
        self.mass = r.sample(mass, min(len(mass), r.randint(0, 2))) if mass else []
        # Bodies report to the issuing committee; a department's own plan reports to the department.
        self.reports_to = h.issuer if h.level in ("department", "central") else self.top

    def others(self, exclude: Body, k: int) -> list[Body]:
        cands = [b for b in self.main if b.name != exclude.name]
        return self.rng.sample(cands, min(k, len(cands)))

    def police_below(self, b: Body) -> Body | None:
        if b.kind != "cong_an":
            return None
        return next((c for c in self.colls if c.name.startswith("Công an ")), None)

    # -- sentences that assign (paragraph style)
    def assign_sentence(self, key: str, prefix: str, modality_default: str | None,
                        news_link: str | None = None) -> None:
        r = self.rng
        a = r.choice(self.main + self.colls)
        kind = r.choices(["giao_chutri", "giao", "yeucau", "denghi", "trachnhiem", "chutri", "phoihop",
                          "chidao", "thammuu"], weights=[22, 12, 12, 6, 12, 10, 8, 6, 6])[0]
        if kind == "denghi":
            if self.mass:
                a = r.choice(self.mass)
            else:
                kind = "yeucau"
        dl, dl_iso = self.deadline()
        t = self.task()
        supports, reports, leads, modality = [], [], [a], modality_default
        if kind == "giao_chutri":
            supports = self.others(a, r.randint(1, 3))
            s = f"Giao {self.m(a)} chủ trì, phối hợp với {_join([self.m(b) for b in supports])}" \
                f"{r.choice(['', ' và các đơn vị liên quan'])} {t}{dl}."
            modality = "giao"
        elif kind == "giao":
            leads = [a] + (self.others(a, 1) if r.random() < 0.3 else [])
            s = f"Giao {_join([self.m(b) for b in leads])} {t}{dl}."
            modality = "giao"
        elif kind == "yeucau":
            s = f"Yêu cầu {self.m(a)} {t}{dl}."
            modality = "yêu cầu"
        elif kind == "denghi":
            s = f"Đề nghị {self.m(a)}{r.choice(['', ' và các tổ chức chính trị - xã hội'])} {t}{dl}."
            modality = "đề nghị"
        elif kind == "trachnhiem":
            rc, rb, rd = self.report_clause()
            s = f"{_cap(self.m(a))} có trách nhiệm {t}{rc}."
            modality, reports, dl_iso = "trách nhiệm", [rb], rd
        elif kind == "chutri":
            supports = self.others(a, r.randint(1, 2))
            s = f"{_cap(self.m(a))} chủ trì, phối hợp với {_join([self.m(b) for b in supports])} {t}{dl}."
        elif kind == "phoihop":
            supports = self.others(a, 1)
            s = f"{_cap(self.m(a))} phối hợp với {_join([self.m(b) for b in supports])} {t}{dl}."
        elif kind == "chidao":
            c = self.police_below(a)
            if c is None:
                s = f"Giao {self.m(a)} chỉ đạo các đơn vị trực thuộc {t}{dl}."
            else:
                leads = [a, c]
                s = f"Giao {self.m(a)} chỉ đạo {self.m(c)} {t}{dl}."
            modality = "giao"
        else:  # thammuu
            s = f"{_cap(self.m(a))} tham mưu {self.m(self.top)} {t}{dl}."
            reports = [self.top]
        if self.h.level == "department" and s.startswith(("Giao ", "Yêu cầu ")):
            # A department does not command its peers: it asks them.
            s = "Đề nghị " + s.split(" ", 2 if s.startswith("Yêu cầu ") else 1)[-1]
            modality = "đề nghị"
        if news_link is not None:
            # Reporters fold the issuer into the sentence: "Theo đó, UBND tỉnh giao Sở Y tế ..."
            if s.startswith(("Giao ", "Yêu cầu ", "Đề nghị ")):
                s = f"{news_link}{self.issuer_short()} {s[0].lower()}{s[1:]}"
            else:
                s = news_link + s
        self.put(prefix)
        span = self.put(s)
        self.put("\n\n")
        self.obligation(key, s, span, leads, supports, modality, reports, dl_iso)

    # -- a heading that names a body, and its bullets
    def heading_block(self, key: str, label: str, heading_shape: str, a: Body, modality: str | None,
                      bullets: int) -> None:
        r = self.rng
        leads = [a]
        if r.random() < 0.1 and len(self.main) > 2:
            leads = [a] + self.others(a, 1)
        name = " và ".join(self.m(b) for b in leads)
        self.put(heading_shape.replace("{n}", label).replace("{name}", name) + "\n\n")
        for _ in range(bullets):
            kind = r.choices(["plain", "chutri", "phoihop", "chidao", "thammuu", "report"],
                             weights=[45, 15, 18, 6, 8, 8])[0]
            dl, dl_iso = self.deadline(0.2)
            t = self.task()
            supports, reports, blead = [], [], list(leads)
            if kind == "plain":
                s = f"{_cap(t)}{dl}."
            elif kind in ("chutri", "phoihop"):
                supports = self.others(a, r.randint(1, 2))
                if not supports:
                    s = f"{_cap(t)}{dl}."
                else:
                    verb = "Chủ trì, phối hợp với" if kind == "chutri" else r.choice(["Phối hợp với", "Phối hợp"])
                    s = f"{verb} {_join([self.m(b) for b in supports])} {t}{dl}."
            elif kind == "chidao":
                c = self.police_below(a)
                if c is None:
                    s = f"Chỉ đạo các đơn vị trực thuộc {t}{dl}."
                else:
                    s = f"Chỉ đạo {self.m(c)} {t}{dl}."
                    blead = blead + [c]
            elif kind == "thammuu":
                s = f"Tham mưu {self.m(self.top)} {t}{dl}."
                reports = [self.top]
            else:
                rc, rb, dl_iso = self.report_clause()
                s = f"{_cap(t)}{rc}."
                reports = [rb]
            self.put(self.bullet)
            span = self.put(s)
            self.put("\n\n")
            self.obligation(key, s, span, blead, supports, modality, reports, dl_iso)

    def filler(self, n: int, kind: str = "facts") -> None:
        """Sentences that name no body: situation figures, aims (never obligations)."""
        src = list(self.w.topics[self.h.topic]["facts"] + self.w.ph["situation"] if kind == "facts"
                   else self.w.ph["purposes"])
        self.rng.shuffle(src)
        for k in range(n):
            s = self.fill(src[k % len(src)])
            self.put((self.bullet if kind != "facts" else "") + s + "\n\n")

    # -- citations
    def cite_form(self, b: Body) -> str:
        """Name a cited issuer so that its place is clear from the text itself."""
        if b.level == "central" or not b.jurisdiction:
            return self.m(b)
        placed = [f for f in b.forms if b.jurisdiction in f]
        form = self.rng.choice(placed) if placed else b.name
        self.reg(b, form)
        return form

    def citation_line(self, key: str, relation: str, word: str, dtype: str, number: str | None, d: date | None,
                      issuer: Body | None, subject: str, end: str) -> None:
        r = self.rng
        parts = [f"{word} {dtype}"]
        if number:
            parts.append(f" số {number}")
        if d:
            parts.append(f" {long_date(d)}" if r.random() < 0.4 else f" ngày {short_date(d, r)}")
        if issuer is not None:
            parts.append(f" của {self.cite_form(issuer)}")
        parts.append(f" về {subject}" if r.random() < 0.7 or not number else "")
        s = "".join(parts) + end
        span = self.put(s)
        self.citations.append({"from": key, "to": number, "relation": relation, "to_type": dtype,
                               "to_date": d.isoformat() if d else None,
                               "to_issuer": issuer.name if issuer is not None else None,
                               "to_subject": subject, "span": [span[0], span[0] + len(s) - len(end)]})

    def cite_parent(self, key: str, j: int, relation: str, end: str = ";\n\n") -> None:
        ph = self.headers[j]
        word = "Thực hiện" if relation == "implements" else "Căn cứ"
        self.citation_line(key, relation, word, ph.type, ph.number, ph.day, ph.issuer, ph.subject, end)

    def cite_extra(self, key: str, end: str = ";\n\n") -> None:
        """A higher instrument known only from the citation (law, decree, resolution, circular)."""
        r, w, h = self.rng, self.w, self.h
        if r.random() < 0.3:
            law = r.choice(w.dt["laws"])
            y = r.randint(2008, max(2009, h.day.year - 1))
            d = date(y, r.randint(1, 12), r.randint(1, 28))
            s = f"Căn cứ {law} {long_date(d)}{end}"
            span = self.put(s)
            self.reg(w.na)
            self.citations.append({"from": key, "to": None, "relation": "basis", "to_type": "Luật",
                                   "to_date": d.isoformat(), "to_issuer": w.na.name, "to_subject": law,
                                   "span": [span[0], span[1] - len(end)]})
            return
        e = r.choice(w.dt["cited_only"])
        y = r.randint(max(2010, h.day.year - 8), h.day.year - 1)
        d = date(y, r.randint(1, 12), r.randint(1, 28))
        issuer = {"gov": w.gov, "party": w.party, "na": w.na, "pm": w.pm}.get(e["issuer"])
        if issuer is None:
            issuer = r.choice(w.ministries("legacy" if y < 2025 else "new"))
        number = e["shape"].format(n=r.randint(1, 180 if "/" in e["shape"][:4] else 99), y=y, k=r.randint(13, 15),
                                   code=issuer.code or "")
        if e["type"] in ("Nghị quyết", "Chỉ thị") and e["issuer"] == "party":
            number = f"{r.randint(1, 70):02d}-{number.split('-', 1)[1]}"
        self.citation_line(key, "basis", "Căn cứ", e["type"], number, d, issuer,
                           _subject(w, r, h.topic, d), end)

    # -- recipients
    def addressed(self, key: str, bodies: list[Body]) -> None:
        r = self.rng
        self.put("Kính gửi:\n\n")
        for b in bodies:
            span = self.put(self.bullet + self.m(b))
            self.put(";\n")
            self.recipients.append({"directive": key, "agency": b.name, "kind": "addressed",
                                    "span": [span[0] + len(self.bullet), span[1]]})
        self.put(self.bullet + r.choice(["Các sở, ban, ngành liên quan", "Các cơ quan, đơn vị có liên quan"]) + ".\n\n")

    def copied(self, key: str, bodies: list[Body], like: str, suffix: str) -> None:
        self.put("Nơi nhận:\n\n" + f"- {like};\n")
        for b in bodies:
            span = self.put("- " + self.m(b))
            self.put(";\n")
            self.recipients.append({"directive": key, "agency": b.name, "kind": "copied",
                                    "span": [span[0] + 2, span[1]]})
        if self.h.level in ("province", "district", "commune"):
            self.put(f"- CT, các PCT {self.top.forms[0]};\n")
        self.put(f"- Lưu: VT, {suffix}.\n\n")

    def signature(self) -> str:
        r, h = self.rng, self.h
        b = h.issuer
        if b is self.w.pm:
            block = r.choice(["THỦ TƯỚNG", "KT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG"])
        elif b is self.w.vpcp:
            block = "KT. BỘ TRƯỞNG, CHỦ NHIỆM\nPHÓ CHỦ NHIỆM"
        elif b.kind == "bo":
            block = r.choice(["BỘ TRƯỞNG", "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG"])
        elif b.kind == "ubnd":
            block = r.choice(["TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
                              "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"])
        else:
            title = b.head.upper()
            block = r.choice([title, f"KT. {title}\nPHÓ {title}"])
        ph = self.w.ph
        name = f"{r.choice(ph['family'])} {r.choice(ph['middle'])} {r.choice(ph['given'])}"
        self.put(f"{block}\n\n(Đã ký)\n\n{name}\n")
        return name

    # -- the document head
    def head_block(self) -> None:
        h, r = self.h, self.rng
        b = h.issuer
        if h.level == "central":
            org = f"**{b.name.upper()}**"
            where = "Hà Nội"
        elif h.level == "department":
            parent = ubnd(h.place, "province")
            title = b.name.upper() if b.kind not in ("so",) else b.name.rsplit(" " + h.place.province.name, 1)[0].upper()
            org = f"{parent.forms[2].upper()}\n**{title}**" if b.kind in ("so", "van_phong", "ban", "thanh_tra") \
                else f"**{title}**"
            where = h.place.province.short
        else:
            lines = b.name.replace("Ủy ban nhân dân ", "").upper()
            org = r.choice([f"**ỦY BAN NHÂN DÂN\n{lines}**", f"**UBND {lines}**"])
            where = (h.place.district or h.place.commune or (None, h.place.province.short))[1]
        self.put(f"{org}\n\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc**\n\n")
        if h.number:
            self.put(f"Số: {h.number}\n\n")
        self.put(r.choice(["{}, {}\n\n", "*{}, {}*\n\n"]).format(where, long_date(h.day)))
        title = self.w.dt["types"][h.type]["title"]
        if title:
            self.put(f"**{title}**\n\n{r.choice(['Về việc ', 'V/v ', ''])}{_cap(h.subject)}\n\n")
        else:
            self.put(f"V/v {_cap(h.subject)}\n\n")

    def issuer_short(self) -> str:
        b = self.h.issuer
        form = b.forms[0] if b.forms else b.name
        self.reg(b, form)
        return form

    # -- task sections
    def heading_section(self, key: str, n_obs: int, modality: str | None, sec: int | None) -> None:
        r = self.rng
        style = r.choice(["arabic", "bold", "md", "letter", "roman", "nested" if sec else "arabic"])
        bodies = self.main + self.colls + self.mass
        r.shuffle(bodies)
        per = max(1, math.ceil(n_obs / len(bodies)))
        k = 0
        while n_obs > 0:
            a = bodies[k % len(bodies)]
            k += 1
            if style == "roman" and k > len(ROMAN):
                style = "arabic"
            label = {"arabic": f"{k}.", "bold": f"{k}.", "md": f"{k}.", "letter": f"{chr(96 + (k - 1) % 26 + 1)})",
                     "roman": f"{ROMAN[k - 1]}." if k <= len(ROMAN) else f"{k}.", "nested": f"{sec}.{k}."}[style]
            shape = {"bold": "**{n} {name}**", "md": "## {n} {name}"}.get(style, "{n} {name}")
            b = min(n_obs, r.randint(1, per + 1))
            self.heading_block(key, label, shape, a, None if a.mass and modality is None else modality, b)
            n_obs -= b

    def paragraph_section(self, key: str, n_obs: int, modality: str | None, numbered: bool) -> None:
        for k in range(1, n_obs + 1):
            self.assign_sentence(key, f"{k}. " if numbered else "", modality)

    def intro(self, modality: str) -> None:
        s = self.rng.choice(self.w.ph["intros"][modality]).replace("{issuer_short}", self.issuer_short())
        self.put(_cap(s) + "\n\n")

    def local_note(self) -> None:
        """District and commune texts say where they are (names repeat across provinces)."""
        h = self.h
        if h.level in ("district", "commune"):
            where = h.place.district_name() if h.level == "district" else h.place.commune_name()
            self.put(f"Tình hình {self.topic_name()} trên địa bàn {where}, {h.place.province.name} thời gian qua "
                     "cơ bản ổn định, song vẫn còn tiềm ẩn nhiều yếu tố phức tạp.\n\n")

    def record_directive(self, h: Header, with_date: bool = True, signer: str | None = None) -> str:
        key = self.directive_key(h)
        self.reg(h.issuer)
        self.directives.append({"key": key, "number": h.number, "type": h.type,
                                "date": h.day.isoformat() if with_date else None, "issuer": h.issuer.name,
                                "subject": _cap(h.subject), "topics": [self.topic_name()], "signer": signer})
        return key

    def official(self, size: int) -> None:
        h, r = self.h, self.rng
        n_obs = max(1, min(160, int(size * 0.72 / 240)))
        n_fill = int(size * 0.2 / 120)
        self.cast(min(14, 2 + n_obs // 3))
        key = self.record_directive(h)
        self.head_block()
        if h.type in ("Công văn", "Công điện") or (h.type == "Thông báo" and r.random() < 0.5):
            targets = (self.colls + self.main)[:r.randint(2, 6)]
            if h.level == "central" and r.random() < 0.5:
                self.put("Kính gửi:\n\n" if h.type != "Công điện" else f"**{h.issuer.name.upper()} điện:**\n\n")
                self.heads_line(key, "addressed")
            else:
                self.addressed(key, targets)
        self.local_note()
        for j in h.parents:
            self.cite_parent(key, j, "implements" if r.random() < 0.6 else "basis")
        if h.type == "Quyết định" or r.random() < (0.5 if h.level == "central" else 0.3):
            for _ in range(r.randint(1, 3)):
                self.cite_extra(key)
        if h.type == "Quyết định":
            self.decision(key, n_obs, n_fill)
        elif h.type == "Kế hoạch":
            self.plan_body(key, n_obs, n_fill)
        else:
            self.filler(min(n_fill, r.randint(0, 4)))
            if h.parents and r.random() < 0.3:
                self.put("Trước đó, ")
                self.cite_parent(key, h.parents[0], "mentions", end=".\n\n")
            modality = r.choice(["yêu cầu", "yêu cầu", "giao", "chỉ đạo"])
            self.intro(modality)
            if r.random() < 0.45 and n_obs > 2:
                self.heading_section(key, n_obs, modality, None)
            else:
                self.paragraph_section(key, n_obs, modality, r.random() < 0.7)
            self.put(self.fill(r.choice(self.w.ph["closings"]).replace("{issuer_short}", self.issuer_short()))
                     + "\n\n")
        like = "Như Điều 3" if h.type == "Quyết định" else "Như trên"
        copies = []
        if h.level != "central":
            copies.append(self.top if h.level == "department" else party_committee(h.place, "province"
                          if h.level == "department" else h.level))
            if h.level in ("province", "district", "commune"):
                copies.append(council(h.place, h.level))
                if h.level != "province":
                    copies.append(ubnd(h.place, "province"))
        else:
            copies.append(self.w.vpcp if h.issuer is not self.w.vpcp else self.w.pm)
        copies += [self.headers[j].issuer for j in h.parents]
        uniq = {b.name: b for b in copies if b.name != h.issuer.name}
        addressed = {x["agency"] for x in self.recipients}
        self.copied(key, [b for n, b in uniq.items() if n not in addressed], like,
                    h.issuer.suffix or r.choice(UNIT_SUFFIXES))
        self.directives[-1]["signer"] = self.signature()

    def heads_line(self, key: str, kind: str) -> None:
        """'Bộ trưởng các Bộ: Y tế, Công an' — field names stand for the bodies (guide §8)."""
        bos = [b for b in self.main if b.kind == "bo"][:5]
        line = f"- Chủ tịch {self.m(self.w.all_provinces)};\n"
        span = (self.pos + len("- Chủ tịch "), self.pos + len(line) - 2)
        self.put(line)
        self.recipients.append({"directive": key, "agency": self.w.all_provinces.name, "kind": kind,
                                "span": list(span)})
        if bos:
            self.put("- Bộ trưởng các Bộ: " + ", ".join(b.field for b in bos) + ";\n\n")
            for b in bos:
                self.reg(b)
                self.recipients.append({"directive": key, "agency": b.name, "kind": kind})

    def plan_body(self, key: str, n_obs: int, n_fill: int) -> None:
        r, titles = self.rng, self.w.ph["section_titles"]
        sec = 1
        self.put(f"**{ROMAN[sec - 1]}. {r.choice(titles['purpose'])}**\n\n")
        self.filler(max(2, n_fill // 2), "purposes")
        if n_fill > 2:
            sec += 1
            self.put(f"**{ROMAN[sec - 1]}. {r.choice(titles['situation'])}**\n\n")
            self.filler(n_fill - n_fill // 2)
        sec += 1
        self.put(f"**{ROMAN[sec - 1]}. {r.choice(titles['tasks'])}**\n\n")
        modality = r.choice([None, None, "giao", "yêu cầu"])
        if modality:
            self.intro(modality)
        if r.random() < 0.7:
            self.heading_section(key, n_obs, modality, sec)
        else:
            self.paragraph_section(key, n_obs, modality, True)
        self.put(self.fill(r.choice(self.w.ph["closings"]).replace("{issuer_short}", self.issuer_short())) + "\n\n")

    def decision(self, key: str, n_obs: int, n_fill: int) -> None:
        h, r = self.h, self.rng
        self.put("**QUYẾT ĐỊNH:**\n\n")
        self.put(f"**Điều 1.** Ban hành kèm theo Quyết định này Kế hoạch {h.subject}.\n\n")
        self.filler(min(n_fill, 3), "purposes")
        self.put("**Điều 2.** Tổ chức thực hiện\n\n")
        self.paragraph_section(key, max(1, n_obs - 1), None, True)
        self.put("**Điều 3.** ")
        start = self.pos
        parts, leads = [], []
        if h.level in ("province", "department"):
            vp = Body(f"Văn phòng Ủy ban nhân dân {h.place.province.name}",
                      [f"Văn phòng UBND {h.place.province.word}", f"Văn phòng Ủy ban nhân dân {h.place.province.word}"],
                      "van_phong", "province", h.place.province.short)
            parts.append(f"Chánh {self.m(vp)}")
            leads.append(vp)
            sos = [b for b in self.main if b.kind == "so"][:6]
            if sos:
                parts.append("Giám đốc các Sở: " + ", ".join(b.field for b in sos))
                leads += sos
        for b in [b for b in self.main if b.kind != "so"][:3]:
            parts.append(f"{b.head} {self.m(b)}")
            leads.append(b)
        for c in self.colls[:1]:
            parts.append(f"Chủ tịch {self.m(c)}")
            leads.append(c)
        s = "; ".join(parts) + " và Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./."
        span = self.put(s)
        assert span[0] == start
        self.put("\n\n")
        self.obligation(key, s, span, leads, (), "trách nhiệm", (), None)

    # -- news
    def news(self, size: int) -> None:
        h, r, w = self.h, self.rng, self.w
        n_obs = max(1, min(40, int(size * 0.7 / 260)))
        self.cast(min(8, 2 + n_obs // 2))
        numbered = h.number is not None
        key = self.record_directive(h, with_date=numbered)
        region = h.place.province.short if h.place else "Chính phủ"
        self.put(f"# {region}: {_cap(h.subject)}\n\n")
        pub = h.day + timedelta(days=r.randint(0, 3) if numbered else 0)
        self.put(f"*{r.choice(w.ph['news_publishers'])} | {short_date(pub)}*\n\n")
        issuer_form = self.cite_form(h.issuer)
        if numbered:
            opener = r.choice(w.ph["news_openers"])
            s = opener.format(date=short_date(h.day, r), issuer=issuer_form, dtype=h.type, number=h.number,
                              subject=h.subject, y=h.day.year)
        else:
            s = r.choice(w.ph["news_openers_unnumbered"]).format(issuer=issuer_form, dtype=h.type,
                                                                 subject=h.subject, y=h.day.year)
        self.put(_cap(s) + "\n\n")
        self.filler(r.randint(0, 2))
        self.news_tasks(key, n_obs)
        if r.random() < 0.3 and self.main:
            self.second_directive(n_obs)
        self.put(f"({r.choice(['PV', 'Tin', 'Nhóm PV', 'Minh Anh', 'Thu Hà'])})\n")

    def news_tasks(self, key: str, n_obs: int) -> None:
        r = self.rng
        for k in range(n_obs):
            self.assign_sentence(key, "", None, news_link=r.choice(self.w.ph["news_links"]) if k else "Theo đó, ")

    def second_directive(self, n_obs: int) -> None:
        """A second instrument of the same issuer reported in the same article."""
        r, h = self.rng, self.h
        d = h.day - timedelta(days=r.randint(1, 20))
        dtype = r.choice(["Kế hoạch", "Công văn"])
        for _ in range(20):
            number = _number(r, h.level, h.issuer, dtype, d)
            if (h.issuer.name, d.year, number) not in self.used and number != h.number:
                break
        h2 = Header(-1, "news", h.level, h.place, h.issuer, dtype, number, d, h.topic, _subject(self.w, r, h.topic, d))
        key = self.record_directive(h2)
        self.put(f"Ngoài ra, ngày {short_date(d, r)}, {self.issuer_short()} cũng đã ban hành {dtype} số {number} "
                 f"về {h2.subject}.\n\n")
        for _ in range(max(1, n_obs // 3)):
            a = r.choice(self.main + self.colls)
            s = f"Văn bản yêu cầu {self.m(a)} {self.task()}."
            span = self.put(s)
            self.put("\n\n")
            self.obligation(key, s, span, [a], (), "yêu cầu", (), None)


# ---------------------------------------------------------------- corpus

def target_size(rng: random.Random, kind: str) -> int:
    """Characters: a few hundred to ~30k (about 40 KB of UTF-8), median about 4k."""
    mu = math.log(2500 if kind == "news" else 4200)
    return int(min(30_000 if kind == "official" else 9_000, max(300, rng.lognormvariate(mu, 0.85))))


def stem(i: int) -> str:
    return f"g{i:06d}"


def render(world: World, headers: list[Header], seed: int, i: int, used: set | None = None) -> tuple[str, dict]:
    """Text and gold of document ``i``."""
    h = headers[i]
    doc = Doc(world, h, headers, seed, used)
    size = target_size(doc.rng, h.kind)
    if h.kind == "news":
        doc.news(size)
    else:
        doc.official(size)
    text = doc.text()
    gold = {
        "document": f"{stem(i)}.txt",
        "kind": h.kind,
        "directives": doc.directives,
        "obligations": doc.obligations,
        "citations": doc.citations,
        "recipients": doc.recipients,
        "agencies": list(doc.agencies.values()),
    }
    return text, gold


_STATE: dict = {}


def _init(seed: int, n: int) -> None:
    if _STATE.get("key") != (seed, n):
        world = World()
        headers = plan(world, seed, n)
        used = {(h.issuer.name, h.day.year, h.number) for h in headers if h.number}
        _STATE.update(key=(seed, n), world=world, headers=headers, used=used)


def _write_range(args) -> tuple[int, int]:
    seed, n, out, lo, hi = args
    _init(seed, n)
    docs, gold_dir = Path(out) / "docs", Path(out) / "gold"
    total = 0
    for i in range(lo, hi):
        text, gold = render(_STATE["world"], _STATE["headers"], seed, i, _STATE["used"])
        data = text.encode("utf-8")
        (docs / f"{stem(i)}.txt").write_bytes(data)
        (gold_dir / f"{stem(i)}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
        total += len(data)
    return hi - lo, total


def generate(n: int, out: Path, seed: int = 1, workers: int | None = None) -> dict:
    """Write ``n`` documents and their gold files under ``out``; returns counts and sizes."""
    out = Path(out)
    (out / "docs").mkdir(parents=True, exist_ok=True)
    (out / "gold").mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    _init(seed, n)   # plan once in the parent; forked workers inherit it
    workers = max(1, workers or os.cpu_count() or 1)
    step = max(50, min(2000, n // (workers * 8) or 1))
    chunks = [(seed, n, str(out), lo, min(n, lo + step)) for lo in range(0, n, step)]
    if workers == 1 or n < 400:
        results = [_write_range(c) for c in chunks]
    else:
        with get_context("fork").Pool(workers) as pool:
            results = list(pool.imap_unordered(_write_range, chunks))
    docs = sum(r[0] for r in results)
    size = sum(r[1] for r in results)
    return {"documents": docs, "bytes": size, "seconds": round(time.perf_counter() - t0, 2)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, required=True, help="number of documents")
    ap.add_argument("--out", type=Path, required=True, help="output directory (docs/ and gold/ are created)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    args = ap.parse_args(argv)
    if args.n < 1:
        print("generate.py: --n must be at least 1", file=sys.stderr)
        return 2
    try:
        r = generate(args.n, args.out, args.seed, args.workers)
    except OSError as e:
        print(f"generate.py: {args.out}: {e.strerror or e}", file=sys.stderr)
        return 1
    print(f"{r['documents']} documents, {r['bytes'] / 1e6:.1f} MB in {args.out} ({r['seconds']} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
