"""The overview of a whole archive, built from aggregate queries on the store.

``view.network.build_view`` reads the store's whole in-memory model (every obligation with its
text, quote and document): right for a few thousand documents, out of reach at 100,000. This
module builds the same overview from one query (``queries/view_duties.cypher``: the selected
obligations grouped by what the page counts — the directive's year and issuer, the topics, the
issuers, leads and supports — without their text) and the agency list, on either store:

- the page holds *cells*, one per (province, level, kind) with its duties split into facets
  (year, issuer, topic set), and the links between cells, weighted by coordination: the
  overview groups cells by province, level or kind, and its filters count exactly, as on the
  agencies themselves;
- each cell's agencies and their links go to a small script beside the page
  (``NAME_files/cN.js``), loaded when a group is opened or an agency is looked for; the names
  the search box finds are in ``NAME_files/names.js``, loaded on the first search. It works
  offline from ``file://``, as the quotes of ``view.page`` do.

The agencies, links and counts are those of ``build_view`` on the same filters (a test compares
them); quotes are left to the focus pages (``phoihop view --agency …``), built from queries
around one agency (``view.around``).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

from phoihop.graph.store import Store
from phoihop.queries import run as Q
from phoihop.queries.agency_match import MatchError, find_agency
from phoihop.queries.dates import period
from phoihop.queries.filters import CENTRAL, agency_province

from .network import (LINK_KINDS, UNKNOWN_PROVINCE, ViewError, ViewNode, ViewOptions, _keep_agencies,
                      asked_period, check_options, match_topic, pair_kinds)

Facet = tuple[int, str, tuple[str, ...]]        # (year, issuer name, topic ids)


@dataclass
class Rows:
    """What the duties query gave, counted per agency and per link, by facet."""

    led: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    supported: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    links: dict[tuple[str, str, str], Counter] = field(default_factory=lambda: defaultdict(Counter))
    votes: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))   # issuer ids
    people: set[str] = field(default_factory=set)        # every agency of the selected duties


@dataclass
class GroupedView:
    """The overview of ``view.page.write_grouped``: agencies (in page order) with their province,
    counts by facet, the links between them, and what was asked."""

    agencies: list[ViewNode]
    led: dict[str, Counter]
    supported: dict[str, Counter]
    links: dict[tuple[str, str, str], Counter]
    topics: dict[str, str]                 # topic id -> name
    filters: dict[str, str]
    links_asked: tuple[str, ...]
    max_nodes: int
    depth: int = 1


def _year(date: Any, year: Any) -> int:
    text = str(date or "")
    if text[:4].isdigit():
        return int(text[:4])
    return int(year) if str(year or "").isdigit() else 0


# directives per part of the duties query: the rows of one part are in memory at a time
PART_DIRECTIVES = 20_000


def parts(store: Store) -> list[tuple[str, str]]:
    """[from, to) ranges of directive ids that cut the store into parts of PART_DIRECTIVES."""
    ids = [r["id"] for r in Q.run(store, "directive_ids")]
    cuts = ids[PART_DIRECTIVES::PART_DIRECTIVES]
    return list(zip(["", *cuts], [*cuts, ""]))


def count_rows(rows: Iterable[dict[str, Any]], kinds: set[str], out: Rows | None = None) -> Rows:
    """Count the query's rows as build_view counts duties: an agency leads or (only) supports a
    duty; lead -> support ``coordinates`` and co-lead ``co-assigned`` pairs; issuer -> assignee
    ``lead``/``support`` links; and the issuers' votes for the province of an agency whose own
    name and jurisdiction do not say. Added to ``out`` when given."""
    out = out if out is not None else Rows()
    for r in rows:
        leads, supports, issuers = sorted(set(r["leads"] or [])), sorted(set(r["supports"] or [])), set(r["issuers"] or [])
        if not leads and not supports:
            continue
        n = r["duties"]
        facet = (_year(r["date"], r["year"]), r["issuer"] or "", tuple(sorted({*(r["own"] or []), *(r["theirs"] or [])})))
        for a in leads:
            out.led[a][facet] += n
        for a in supports:
            if a not in leads:
                out.supported[a][facet] += n
        duty = _Pairs(leads, supports)
        for a, b, kind in pair_kinds(duty):
            if kind in kinds:
                out.links[(a, b, kind)][facet] += n
        for role, people in (("lead", leads), ("support", supports)):
            if role in kinds:
                for i in issuers:
                    for a in people:
                        if a != i:
                            out.links[(i, a, role)][facet] += n
        for a in {*leads, *supports}:
            for i in issuers:
                out.votes[a][i] += n
        out.people.update(leads, supports, issuers)
    return out


@dataclass
class _Pairs:
    """The part of a ``network.Duty`` that ``pair_kinds`` reads."""

    leads: list[str]
    supports: list[str]


def _provinces(nodes: dict[str, ViewNode], votes: dict[str, Counter]) -> None:
    """Every agency's province, as ``network._provinces`` sets it: its own, else the one most of
    its duties' issuers belong to."""
    known = {k: agency_province(n.props) for k, n in nodes.items()}
    for k, n in nodes.items():
        p = known[k]
        if not p and votes.get(k):
            tally: Counter = Counter()
            for issuer, count in votes[k].items():
                q = known.get(issuer)
                if q and q != CENTRAL:
                    tally[q] += count
            if tally:
                p = max(tally.items(), key=lambda kv: (kv[1], kv[0]))[0]
        n.province = p or UNKNOWN_PROVINCE


def _resolve(store: Store, o: ViewOptions, agencies: list[dict[str, Any]]) -> tuple[dict[str, Any], dict[str, str]]:
    """The query parameters of the duty filters (topic, issuer, period), and what was asked."""
    asked: dict[str, str] = {}
    params: dict[str, Any] = {"topic": "", "issuer": "", **period(None, None).params()}
    if o.topic:
        key, asked["topic"] = match_topic(o.topic)
        params["topic"] = key.split(":", 1)[1]
    if o.issuer:
        try:
            found = find_agency(o.issuer, agencies)
        except MatchError as e:
            raise ViewError(f"--issuer: {e}") from None
        params["issuer"], asked["issuer"] = found["id"], found.get("name") or o.issuer
    p = asked_period(o, asked)
    if p is not None:
        params.update(p.params())
    return params, asked


def build_grouped(store: Store, options: ViewOptions | None = None) -> GroupedView:
    """The overview of ``store`` under ``options`` (no focus: that is ``view.around``)."""
    o = options or ViewOptions()
    check_options(o)
    rows = Q.agencies(store)
    params, asked = _resolve(store, o, rows)
    kinds = {k for name in o.links for k in LINK_KINDS[name]}
    counted = Rows()
    for lo, hi in parts(store):
        count_rows(Q.run(store, "view_duties", from_id=lo, to_id=hi, **params), kinds, counted)
    by_id = {r["id"]: r for r in rows}
    nodes = {a: ViewNode(f"Agency:{a}", "agency", by_id[a].get("name") or a, dict(by_id[a]))
             for a in sorted(counted.people) if a in by_id}
    _provinces(nodes, counted.votes)
    keyed = {n.id: n for n in nodes.values()}
    keep = _keep_agencies(keyed, o, asked)
    links = {k: c for k, c in counted.links.items() if k[0] in nodes and k[1] in nodes
             and (keep is None or (nodes[k[0]].id in keep and nodes[k[1]].id in keep))}
    linked = {x for a, b, _ in links for x in (a, b)}
    shown = [n for a, n in nodes.items() if (keep is None or n.id in keep)
             and (a in linked or a in counted.led or a in counted.supported)]
    topic_ids = {t for c in (*counted.led.values(), *counted.supported.values(), *links.values()) for f in c for t in f[2]}
    names = {t["id"]: t["name"] for t in Q.run(store, "topics")}
    return GroupedView(
        agencies=sorted(shown, key=lambda n: n.name), led=counted.led, supported=counted.supported, links=links,
        topics={t: names.get(t, t) for t in sorted(topic_ids)}, filters=asked, links_asked=tuple(o.links),
        max_nodes=o.max_nodes, depth=o.depth)


def summary(view: GroupedView) -> str:
    """The command's line, as ``view.page.summary`` says it for build_view's page."""
    shown = len(view.agencies)
    provinces = len({n.province for n in view.agencies})
    return (f"{shown:,} agenc{'y' if shown == 1 else 'ies'} in {provinces:,} "
            f"province{'' if provinces == 1 else 's'}, {len(view.links):,} links")
