"""The graph the browser view draws, built from the in-memory model of a store.

``build_view(g, ViewOptions(...))`` reads obligations out of
``store.to_networkx()`` (the same for the embedded store and Neo4j), applies
the filters (topic, directive, issuer, agency, date range) and returns plain
agency (and, optionally, directive) nodes and the links between them:

- ``lead``/``support``: who was given a duty by whom. Agency view: issuer ->
  assignee; with directive nodes: assignee -> directive (and ``issued``,
  ``cites`` between directives).
- ``coordinates``: agencies that share a duty (lead-support or co-leads),
  derived from the *filtered* duties with ``graph.model.coordination_pairs``,
  so a topic filter shows who coordinates on that topic.

Rendering (colours, shapes, HTML) is ``view.page``'s job.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import PurePath
from typing import Any

import networkx as nx

from graph import schema as S
from graph.model import coordination_pairs, number_key
from queries.agency_match import MatchError, find_agency
from queries.dates import DateError, Period, period
from queries.run import topic as find_topic

DEFAULT_MAX_NODES = 600
LEVELS = ("central", "province", "district", "commune", "unknown")
EDGE_KINDS = ("lead", "support", "coordinates", "issued", "cites")


class ViewError(ValueError):
    """A filter that names nothing in the graph, or a malformed option. ``str()`` is one line."""


@dataclass
class ViewOptions:
    agency: str | None = None
    topic: str | None = None
    directive: str | None = None
    issuer: str | None = None
    since: str | None = None
    until: str | None = None
    with_directives: bool = False
    max_nodes: int = DEFAULT_MAX_NODES


@dataclass
class Duty:
    """One obligation with what its tooltip needs."""

    id: str
    text: str
    quote: str | None
    source: str | None          # document title or path
    directive: str              # node key "Directive:…"
    leads: list[str]            # agency node keys
    supports: list[str]
    issuers: list[str]
    topics: list[str]           # topic node keys: its own and its directive's
    deadline: str | None = None


@dataclass
class ViewNode:
    id: str                     # node key in the store's model ("Agency:…", "Directive:…")
    type: str                   # "agency" | "directive"
    name: str
    props: dict[str, Any]
    led: int = 0
    supported: int = 0
    partners: int = 0           # coordination degree
    topics: set[str] = field(default_factory=set)
    directives: set[str] = field(default_factory=set)


@dataclass
class ViewEdge:
    source: str
    target: str
    kind: str                   # one of EDGE_KINDS
    duties: list[Duty] = field(default_factory=list)
    count: int = 0
    topics: set[str] = field(default_factory=set)
    directives: set[str] = field(default_factory=set)
    note: str | None = None     # citation relation and quote


@dataclass
class ViewGraph:
    nodes: list[ViewNode]
    edges: list[ViewEdge]
    total_agencies: int         # before the --max-nodes cut
    topics: dict[str, str]      # topic key -> name, those present
    directives: dict[str, dict[str, Any]]   # directive key -> props, those present
    filters: dict[str, str]     # what was asked, for the page's heading

    @property
    def agencies(self) -> list[ViewNode]:
        return [n for n in self.nodes if n.type == "agency"]

    @cached_property
    def names(self) -> dict[str, str]:
        """Node key -> name, for tooltips that name the ends of a link."""
        return {n.id: n.name for n in self.nodes}

    @property
    def truncated(self) -> bool:
        return len(self.agencies) < self.total_agencies


def _typed(g: nx.MultiDiGraph, node: str, direction: str, rel_type: str) -> list[tuple[str, dict]]:
    edges = g.in_edges(node, data=True) if direction == "in" else g.out_edges(node, data=True)
    return [(u if direction == "in" else v, d) for u, v, d in edges if d.get("type") == rel_type]


def directive_label(props: dict[str, Any]) -> str:
    """'345/UBND-YT', or 'Kế hoạch 2011' for an unnumbered directive."""
    if props.get("number"):
        return props["number"]
    return " ".join(str(x) for x in (props.get("type") or "Directive", props.get("date") or props.get("year")) if x)


def read_duties(g: nx.MultiDiGraph) -> list[Duty]:
    """Every obligation with its directive, assignees, issuers, topics and source quote."""
    out = []
    for key, d in g.nodes(data=True):
        if d.get("label") != S.OBLIGATION:
            continue
        directives = [u for u, _ in _typed(g, key, "in", S.IMPOSES)]
        if not directives:
            continue
        directive = directives[0]
        evidence = _typed(g, key, "out", S.EVIDENCED_BY)
        quote = evidence[0][1].get("quote") if evidence else None
        source = None
        if evidence:
            doc = g.nodes[evidence[0][0]]
            source = doc.get("title") or (PurePath(doc["path"]).name if doc.get("path") else None)
        out.append(Duty(
            id=key, text=d.get("text") or "", quote=quote, source=source, directive=directive,
            leads=sorted({u for u, _ in _typed(g, key, "in", S.LEADS)}),
            supports=sorted({u for u, _ in _typed(g, key, "in", S.SUPPORTS)}),
            issuers=sorted({u for u, _ in _typed(g, directive, "in", S.ISSUED)}),
            topics=sorted({v for n in (key, directive) for v, _ in _typed(g, n, "out", S.ABOUT)}),
            deadline=d.get("deadline")))
    return out


def match_agency(g: nx.MultiDiGraph, text: str, option: str) -> str:
    """The Agency node key that ``text`` names, as the query commands find it (no diacritics,
    abbreviations, aliases); one line naming the candidates when it is ambiguous or unknown."""
    rows = [d for _, d in g.nodes(data=True) if d.get("label") == S.AGENCY]
    try:
        return f"{S.AGENCY}:{find_agency(text, rows)['id']}"
    except MatchError as e:
        raise ViewError(f"{option}: {e}") from None


def match_directives(g: nx.MultiDiGraph, query: str) -> set[str]:
    """Directive node keys with this id, or this number (345/UBND-YT = 345/ubnd-yt)."""
    key = number_key(query)
    return {k for k, d in g.nodes(data=True) if d.get("label") == S.DIRECTIVE
            and (d.get("id") == query or (d.get("number_key") or "") == key
                 or number_key(d.get("number") or "") == key)}


def match_topic(query: str) -> tuple[str, str]:
    """The Topic node key and name for a topic as the query commands find it (Vietnamese or
    English name, scheme id, or a unique part of a name)."""
    try:
        t = find_topic(query)
    except MatchError as e:
        raise ViewError(f"--topic: {e}") from None
    return f"{S.TOPIC}:{t['id']}", t["name"]


def _in_period(props: dict[str, Any], p: Period) -> bool:
    """A dated directive by its date; one known only by its year by that year."""
    if props.get("date"):
        return (not p.since or props["date"] >= p.since) and (not p.until or props["date"] <= p.until)
    if props.get("year"):
        year = int(props["year"])
        return (not p.since or year >= int(p.since[:4])) and (not p.until or year <= int(p.until[:4]))
    return False


def _select(g: nx.MultiDiGraph, duties: list[Duty], o: ViewOptions) -> tuple[list[Duty], dict[str, str]]:
    asked: dict[str, str] = {}
    keep = duties
    if o.topic:
        t, asked["topic"] = match_topic(o.topic)
        keep = [d for d in keep if t in d.topics]
    if o.directive:
        ds = match_directives(g, o.directive)
        if not ds:
            raise ViewError(f"directive {o.directive!r}: no directive with this number or id in the store")
        asked["directive"] = o.directive
        keep = [d for d in keep if d.directive in ds]
    if o.issuer:
        issuer = match_agency(g, o.issuer, "--issuer")
        asked["issuer"] = g.nodes[issuer].get("name") or o.issuer
        keep = [d for d in keep if issuer in d.issuers]
    if o.agency:
        agency = match_agency(g, o.agency, "--agency")
        asked["agency"] = g.nodes[agency].get("name") or o.agency
        keep = [d for d in keep if agency in {*d.leads, *d.supports, *d.issuers}]
    if o.since or o.until:
        try:
            p = period(o.since, o.until)
        except DateError as e:
            raise ViewError(f"period: {e}") from None
        asked["period"] = f"{p.since or '…'} – {p.until or '…'}"
        keep = [d for d in keep if _in_period(g.nodes[d.directive], p)]
    return keep, asked


def _coordination(duties: list[Duty]) -> list[ViewEdge]:
    """COORDINATES_WITH among the selected duties, with the duties each pair shares."""
    def rows(ds: list[Duty]):
        for d in ds:
            for role, people in (("lead", d.leads), ("support", d.supports)):
                for a in people:
                    yield d.id, a, role, d.directive, d.topics

    shared: dict[tuple[str, str], list[Duty]] = defaultdict(list)
    for d in duties:
        for pair in coordination_pairs(rows([d])):
            shared[pair].append(d)
    return [ViewEdge(a, b, "coordinates", duties=shared[(a, b)], count=p["obligations"],
                     topics=set(p["topics"]), directives=set(p["directives"]))
            for (a, b), p in sorted(coordination_pairs(rows(duties)).items())]


def _assignment_edges(duties: list[Duty], with_directives: bool) -> list[ViewEdge]:
    edges: dict[tuple[str, str, str], ViewEdge] = {}

    def add(src: str, dst: str, kind: str, duty: Duty | None) -> None:
        if src == dst:
            return
        e = edges.setdefault((src, dst, kind), ViewEdge(src, dst, kind))
        if duty is not None and (not e.duties or e.duties[-1] is not duty):
            e.duties.append(duty)
            e.count += 1
            e.topics.update(duty.topics)
        e.directives.add(duty.directive if duty else dst)

    for d in duties:
        for role, people in (("lead", d.leads), ("support", d.supports)):
            for a in people:
                if with_directives:
                    add(a, d.directive, role, d)
                else:
                    for i in d.issuers:
                        add(i, a, role, d)
        if with_directives:
            for i in d.issuers:
                add(i, d.directive, "issued", None)
                edges[(i, d.directive, "issued")].topics.update(d.topics)
    return list(edges.values())


def _citations(g: nx.MultiDiGraph, directives: set[str]) -> list[ViewEdge]:
    out = {}
    for u, v, d in g.edges(data=True):
        if d.get("type") == S.CITES and u in directives and v in directives and (u, v) not in out:
            out[(u, v)] = ViewEdge(u, v, "cites", count=1, directives={u, v},
                                   note=" — ".join(x for x in (d.get("relation"), d.get("quote")) if x))
    return list(out.values())


def _cap(nodes: dict[str, ViewNode], edges: list[ViewEdge], max_nodes: int) -> tuple[dict, list]:
    """Keep the ``max_nodes`` agencies with most neighbours (then most duties, then name)."""
    agencies = [n for n in nodes.values() if n.type == "agency"]
    if len(agencies) <= max_nodes:
        return nodes, edges
    neighbours: dict[str, set[str]] = defaultdict(set)
    for e in edges:
        neighbours[e.source].add(e.target)
        neighbours[e.target].add(e.source)
    ranked = sorted(agencies, key=lambda n: (-len(neighbours[n.id]), -(n.led + n.supported), n.name))
    kept = {n.id for n in ranked[:max_nodes]}
    kept |= {k for k, n in nodes.items() if n.type == "directive"}
    edges = [e for e in edges if e.source in kept and e.target in kept]
    linked = {x for e in edges for x in (e.source, e.target)}
    nodes = {k: n for k, n in nodes.items() if k in kept and (n.type == "agency" or k in linked)}
    return nodes, edges


def build_view(g: nx.MultiDiGraph, options: ViewOptions | None = None) -> ViewGraph:
    """The view graph for ``g`` (the model of ``graph.model.to_networkx``) under ``options``."""
    o = options or ViewOptions()
    if o.max_nodes < 1:
        raise ViewError(f"--max-nodes {o.max_nodes}: must be at least 1")
    duties, asked = _select(g, read_duties(g), o)

    nodes: dict[str, ViewNode] = {}

    def agency(key: str) -> ViewNode:
        if key not in nodes:
            p = g.nodes[key]
            nodes[key] = ViewNode(key, "agency", p.get("name") or p.get("id") or key, dict(p))
        return nodes[key]

    for d in duties:
        for a in d.leads:
            agency(a).led += 1
        for a in d.supports:
            agency(a).supported += 1
        for a in {*d.leads, *d.supports, *d.issuers}:
            agency(a).topics.update(d.topics)
            agency(a).directives.add(d.directive)
        if o.with_directives and d.directive not in nodes:
            p = g.nodes[d.directive]
            nodes[d.directive] = ViewNode(d.directive, "directive", directive_label(p), dict(p))
        if o.with_directives:
            nodes[d.directive].topics.update(d.topics)
            nodes[d.directive].directives.add(d.directive)

    coordination = _coordination(duties)
    edges = _assignment_edges(duties, o.with_directives) + coordination
    if o.with_directives:
        edges += _citations(g, {k for k, n in nodes.items() if n.type == "directive"})
    total = sum(1 for n in nodes.values() if n.type == "agency")
    nodes, edges = _cap(nodes, edges, o.max_nodes)
    for e in edges:
        if e.kind == "coordinates":
            nodes[e.source].partners += 1
            nodes[e.target].partners += 1

    topics = sorted({t for e in edges for t in e.topics} | {t for n in nodes.values() for t in n.topics})
    present = sorted({x for n in nodes.values() for x in n.directives})
    return ViewGraph(
        nodes=sorted(nodes.values(), key=lambda n: (n.type, n.name)),
        edges=edges,
        total_agencies=total,
        topics={t: g.nodes[t].get("name") or t for t in topics if t in g},
        directives={k: dict(g.nodes[k]) for k in present},
        filters=asked)
