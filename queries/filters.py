"""The filters every question that lists agencies or pairs takes.

``Filters`` holds what a person asked (``--province``, ``--level``, ``--kind``,
``--issuer``, ``--since/--until``, ``--topic``); ``resolve`` turns the names into
what the graph holds (ids, ISO bounds, and the ids of the agencies that pass the
agency filters) and ``params`` gives the Cypher parameters, never null (LadybugDB
cannot type a null parameter: '' and ``filtered = false`` read as "no filter").

A province is matched by its short name in any spelling ("Ha Noi", "TP Hà Nội",
"thành phố Hà Nội", "Hanoi"); an agency is in it when its jurisdiction is the
province itself or a district or commune of it (``province_key``, from the
``vietnamadminunits`` tables of ``ingest.places``), or, for an agency stored
without a jurisdiction, when its name ends with such a place ("… quận Đống Đa").
A district name that several provinces have ("huyện Châu Thành") is in no
province: the name alone cannot say which.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from graph.store import Store
from ingest.places import LEVEL_WORDS, lookup, province_names, province_of
from ingest.textnorm import fold

from .agency_match import UnknownName
from .dates import Period, period

LEVELS = ("central", "province", "district", "commune")
# Level words at the start of a jurisdiction ("quận Đống Đa"), longest first.
_LEVEL_PREFIX = re.compile(r"^(?:%s)\s+" % "|".join(sorted(map(re.escape, LEVEL_WORDS), key=len, reverse=True)))
# A level word anywhere in a folded name.
_LEVEL_WORD = re.compile(r"\b(?:%s)\b" % "|".join(sorted(map(re.escape, LEVEL_WORDS), key=len, reverse=True)))
# The place of central agencies, for pairing within one jurisdiction (gaps).
CENTRAL = "(central)"


def _short(place: str) -> tuple[str, str | None]:
    """'quận Đống Đa' -> ('dong da', 'district'); 'Hải Phòng' -> ('hai phong', None)."""
    folded = fold(place)
    m = _LEVEL_PREFIX.match(folded)
    if not m:
        return folded, None
    return folded[m.end():], LEVEL_WORDS[m.group(0).strip()][0]


@lru_cache(maxsize=4096)
def province_key(jurisdiction: str | None, level: str | None = None) -> str | None:
    """The province a jurisdiction lies in (its short name, "Hà Nội"), or None when unknown.

    A province-level word ("thành phố X") names a province when X is one, else a
    provincial city (a district-level unit) of the province it lies in.
    """
    if not jurisdiction:
        return CENTRAL if level == "central" else None
    short, word_level = _short(jurisdiction)
    if not short:
        return None
    if word_level in (None, "province"):
        found = lookup(short, "province")
        if found:
            return found[0].name
    for lv in ("district", "commune") if word_level in (None, "province") else (word_level,):
        prov = province_of(short, lv)
        if prov:
            return prov
    return None


def agency_province(agency: dict[str, Any]) -> str | None:
    """The province of an agency row (jurisdiction, level, name), see the module docstring."""
    found = province_key(agency.get("jurisdiction"), agency.get("level"))
    if found or agency.get("jurisdiction"):
        return found
    return _province_in_name(agency.get("name") or "")


@lru_cache(maxsize=65536)
def _province_in_name(name: str) -> str | None:
    """The province of the place that ends a name ("Phòng Y tế quận Đống Đa" -> "Hà Nội")."""
    folded = fold(name)
    starts = [m.start() for m in _LEVEL_WORD.finditer(folded)]
    return province_key(folded[starts[-1]:]) if starts else None


def find_province(text: str) -> str:
    """The province ``text`` names (any case, diacritics, level words), or UnknownName."""
    short, _ = _short(text)
    found = lookup(short, "province")
    if found:
        return found[0].name
    names = {fold(p): p for p in province_names()}
    joined = [p for k, p in names.items() if k.replace(" ", "") == short.replace(" ", "")]  # "Hanoi"
    if len(joined) == 1:
        return joined[0]
    near = difflib.get_close_matches(short, list(names), n=5, cutoff=0.5)
    raise UnknownName("province", text, [names[n] for n in near])


@dataclass(frozen=True)
class Filters:
    """What was asked, as typed (names) or resolved (ids); every field optional."""

    province: str | None = None       # as typed; resolved: the province's short name
    level: str | None = None
    kind: str | None = None
    issuer: str | None = None         # as typed; resolved: the Agency id
    topic: str | None = None          # as typed; resolved: the Topic id
    since: str | None = None
    until: str | None = None
    agency_ids: tuple[str, ...] = field(default=(), compare=False)  # resolved: those that pass

    @property
    def period(self) -> Period:
        return period(self.since, self.until)

    @property
    def on_agencies(self) -> bool:
        """Whether an agency filter (province, level, kind) is set."""
        return bool(self.province or self.level or self.kind)

    def params(self) -> dict[str, Any]:
        """Cypher parameters of a resolved filter (see the module docstring)."""
        return {
            "filtered": self.on_agencies, "agency_ids": list(self.agency_ids) or [""],
            "issuer": self.issuer or "", "topic": self.topic or "",
            **self.period.params(),
        }

    def passes(self, agency: dict[str, Any]) -> bool:
        """Whether an agency row (name, kind, level, jurisdiction) passes the agency filters
        (``province`` resolved)."""
        return ((not self.province or agency_province(agency) == self.province)
                and (not self.level or agency.get("level") == self.level)
                and (not self.kind or agency.get("kind") == self.kind))

    def described(self) -> dict[str, str]:
        """The filters that are set, for headings and JSON."""
        return {k: v for k, v in (("province", self.province), ("level", self.level), ("kind", self.kind),
                                  ("issuer", self.issuer), ("topic", self.topic), ("since", self.since),
                                  ("until", self.until)) if v}


def resolve(store: Store, f: Filters) -> Filters:
    """``f`` with names turned into what the store holds; UnknownName/AmbiguousName/DateError
    (one line each) for a name that picks out nothing or several things, or a bad date."""
    from . import run as Q

    f.period  # a bad date fails before any query
    changes: dict[str, Any] = {}
    rows = Q.agencies(store) if (f.province or f.level or f.kind or f.issuer) else []
    if f.level and f.level not in LEVELS:
        raise UnknownName("level", f.level, LEVELS)
    if f.kind:
        kinds = sorted({a["kind"] for a in rows if a["kind"]})
        if f.kind not in kinds:
            raise UnknownName("kind", f.kind, difflib.get_close_matches(f.kind, kinds, n=5, cutoff=0.3) or kinds)
    if f.province:
        changes["province"] = find_province(f.province)
    if f.issuer:
        changes["issuer"] = Q.find_agency(f.issuer, rows)["id"]
    if f.topic:
        changes["topic"] = Q.topic(f.topic)["id"]
    done = replace(f, **changes)
    if done.on_agencies:
        done = replace(done, agency_ids=tuple(a["id"] for a in rows if done.passes(a)))
    return done
