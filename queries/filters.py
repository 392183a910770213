"""The filters every question that lists agencies or pairs takes.

``Filters`` holds what a person asked (``--province``, ``--level``, ``--kind``,
``--issuer``, ``--since/--until``, ``--topic``); ``resolve`` turns the names into
what the graph holds (ids, ISO bounds, and the ids of the agencies that pass the
agency filters) and ``params`` gives the Cypher parameters, never null (LadybugDB
cannot type a null parameter: '' and ``filtered = false`` read as "no filter").

A province is matched by its short name in any spelling ("Ha Noi", "TP Hà Nội",
"thành phố Hà Nội", "Hanoi"; "Trung ương" for central bodies); an agency is in it
when its jurisdiction is the province itself or a district or commune of it, or,
when the jurisdiction does not say, when its name ends with such a place ("… quận
Đống Đa"): ``agency_province``, from the ``vietnamadminunits`` tables of
``ingest.places``. A district name that several provinces have ("huyện Châu
Thành") is in no province: the name alone cannot say which.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from phoihop.graph.store import Store
from phoihop.ingest.places import province_in_name, province_names, province_of_unit, split_level_word
from phoihop.ingest.textnorm import fold

from .nearest import nearest
from .agency_match import UnknownName
from .dates import Period, period

LEVELS = ("central", "province", "district", "commune")
# The "province" of central bodies (ministries, the Government), for filters and for pairing
# within one jurisdiction (gaps): central bodies together.
CENTRAL = "Trung ương"


def agency_province(agency: dict[str, Any]) -> str | None:
    """The province an agency row (name, level, jurisdiction) belongs to: CENTRAL for central
    bodies, else the province of its jurisdiction, else of the place its name ends with
    (``ingest.places``); None when neither says (or a district name several provinces share)."""
    if agency.get("level") == "central":
        return CENTRAL
    return province_of_unit(agency.get("jurisdiction")) or province_in_name(agency.get("name"))


def find_province(text: str) -> str:
    """The province ``text`` names (any case, diacritics, level words), or UnknownName."""
    if fold(text) in (fold(CENTRAL), "central"):
        return CENTRAL
    level, _, short = split_level_word(text.strip())
    found = province_of_unit(text) if level in (None, "province") else None  # "quận Đống Đa" is no province
    if found:
        return found
    short = fold(short)
    names = {fold(p): p for p in province_names()}
    joined = [p for k, p in names.items() if k.replace(" ", "") == short.replace(" ", "")]  # "Hanoi"
    if len(joined) == 1:
        return joined[0]
    near = nearest(short, list(names), n=5, cutoff=0.5)
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
            raise UnknownName("kind", f.kind, nearest(f.kind, kinds, n=5, cutoff=0.3) or kinds)
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
