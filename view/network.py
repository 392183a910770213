"""The graph the browser view draws, built from the in-memory model of a store.

``build_view(g, ViewOptions(...))`` reads obligations out of
``store.to_networkx()`` (the same for the embedded store and Neo4j), applies
the filters (topic, directive, issuer, agency, date range) and returns plain
agency (and, optionally, directive) nodes and the links between them:

- ``lead``/``support``: who was given a duty by whom. Agency view: issuer ->
  assignee; with directive nodes: assignee -> directive (and ``issued``,
  ``cites`` between directives).
- ``coordinates``: a lead and a support of one duty (lead -> support), and
  ``co-assigned``: two co-leads of one duty (given the same task, not told to
  cooperate; graph-schema ``CO_ASSIGNED``), derived from the *filtered* duties,
  so a topic filter shows who coordinates on that topic.

Focus: ``agency`` keeps that agency and its partners within ``depth`` steps
(over the link kinds asked); ``directive`` keeps that directive's duties, its
issuer, and the directives it cites and is cited by within ``depth`` steps.
Every agency carries the province it belongs to (``province_of``), so that
the page can group a whole archive by province, level or kind.

Rendering (colours, shapes, HTML) is ``view.page``'s job.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import PurePath
from typing import Any

import networkx as nx

from phoihop.graph import schema as S
from phoihop.graph.model import number_key
from phoihop.ingest.textnorm import fold
from phoihop.queries.agency_match import MatchError, find_agency
from phoihop.queries.dates import DateError, Period, period
from phoihop.queries.filters import CENTRAL, agency_province
from phoihop.queries.run import topic as find_topic

DEFAULT_MAX_NODES = 600
LEVELS = ("central", "province", "district", "commune", "unknown")
EDGE_KINDS = ("lead", "support", "coordinates", "co-assigned", "issued", "cites")
# what ``--links`` names: kinds of link between agencies a page may draw
LINK_KINDS = {"coordinates": ("coordinates",), "co-assigned": ("co-assigned",), "assigns": ("lead", "support")}
DEFAULT_LINKS = ("coordinates", "co-assigned", "assigns")
UNKNOWN_PROVINCE = "(không rõ tỉnh)"


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
    province: str | None = None
    level: str | None = None
    kind: str | None = None
    depth: int = 1
    links: tuple[str, ...] = DEFAULT_LINKS


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
    province: str = UNKNOWN_PROVINCE
    duties: list["Duty"] = field(default_factory=list)   # the duties it leads or supports


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
    focus: str | None = None    # the node key a focused page centres on
    depth: int = 1
    links: tuple[str, ...] = DEFAULT_LINKS
    max_nodes: int = DEFAULT_MAX_NODES
    all_names: dict[str, str] = field(default_factory=dict)   # every agency of the selected duties

    @property
    def agencies(self) -> list[ViewNode]:
        return [n for n in self.nodes if n.type == "agency"]

    @cached_property
    def names(self) -> dict[str, str]:
        """Node key -> name, for tooltips that name the ends of a link."""
        return {n.id: n.name for n in self.nodes}



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
    """The duties the filters keep (topic, directive, issuer, period), and what was asked."""
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
    p = asked_period(o, asked)
    if p is not None:
        keep = [d for d in keep if _in_period(g.nodes[d.directive], p)]
    return keep, asked


def _provinces(nodes: dict[str, "ViewNode"], duties: list[Duty], g: nx.MultiDiGraph) -> None:
    """Set every agency's province; one whose jurisdiction does not say takes the province most of
    its duties' issuers belong to (a district named alike in several provinces, a company)."""
    known = {k: agency_province(n.props) for k, n in nodes.items() if n.type == "agency"}
    votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for d in duties:
        issuer_provinces = {known.get(i) or agency_province(g.nodes[i]) for i in d.issuers} - {None, CENTRAL}
        for a in {*d.leads, *d.supports}:
            if not known.get(a):
                for p in issuer_provinces:
                    votes[a][p] += 1
    for k, n in nodes.items():
        if n.type != "agency":
            continue
        p = known.get(k)
        if not p and votes.get(k):
            p = max(votes[k].items(), key=lambda kv: (kv[1], kv[0]))[0]
        n.province = p or UNKNOWN_PROVINCE


def _matches(value: str | None, asked: str) -> bool:
    """A filter value typed with or without diacritics: 'Ha Noi' matches 'Hà Nội'."""
    return bool(value) and fold(value) == fold(asked)


def _keep_agencies(nodes: dict[str, "ViewNode"], o: ViewOptions, asked: dict[str, str]) -> set[str] | None:
    """Agency keys the province, level and kind filters keep (None: no such filter)."""
    if not (o.province or o.level or o.kind):
        return None
    agencies = [n for n in nodes.values() if n.type == "agency"]
    for option, value, attr in (("province", o.province, lambda n: n.province),
                                ("level", o.level, lambda n: n.props.get("level")),
                                ("kind", o.kind, lambda n: n.props.get("kind"))):
        if value:
            known = {attr(n) for n in agencies if attr(n)}
            if not any(_matches(v, value) for v in known):
                sample = ", ".join(sorted(known)[:8])
                raise ViewError(f"--{option} {value!r}: no agency of the selected duties has it"
                                + (f" (there are: {sample}{', …' if len(known) > 8 else ''})" if known else ""))
            asked[option] = value
            agencies = [n for n in agencies if _matches(attr(n), value)]
    return {n.id for n in agencies}


def _neighbourhood(start: set[str], edges: list[ViewEdge], depth: int) -> set[str]:
    """Nodes within ``depth`` links of ``start`` (links in either direction)."""
    adjacent: dict[str, set[str]] = defaultdict(set)
    for e in edges:
        adjacent[e.source].add(e.target)
        adjacent[e.target].add(e.source)
    seen, frontier = set(start), set(start)
    for _ in range(depth):
        frontier = {m for n in frontier for m in adjacent[n]} - seen
        seen |= frontier
    return seen


def _citation_chain(g: nx.MultiDiGraph, start: set[str], depth: int) -> set[str]:
    """Directive keys that ``start`` cites or is cited by, within ``depth`` citations."""
    seen, frontier = set(start), set(start)
    for _ in range(depth):
        nxt = set()
        for k in frontier:
            nxt |= {v for v, _ in _typed(g, k, "out", S.CITES)} | {u for u, _ in _typed(g, k, "in", S.CITES)}
        frontier = nxt - seen
        seen |= frontier
    return seen


def pair_kinds(duty: Duty) -> list[tuple[str, str, str]]:
    """The links one duty makes between its assignees: (lead, support, 'coordinates') for a lead and
    a support, (a, b, 'co-assigned') for two co-leads (a < b). Supports among themselves make none."""
    out = [(a, b, "coordinates") for a in duty.leads for b in duty.supports if a != b]
    out += [(a, b, "co-assigned") for i, a in enumerate(duty.leads) for b in duty.leads[i + 1:] if a != b]
    return out


def _coordination(duties: list[Duty]) -> list[ViewEdge]:
    """Lead -> support ``coordinates`` and co-lead ``co-assigned`` links among the selected duties,
    with the duties each pair shares."""
    edges: dict[tuple[str, str, str], ViewEdge] = {}
    for d in duties:
        for a, b, kind in pair_kinds(d):
            e = edges.setdefault((a, b, kind), ViewEdge(a, b, kind))
            if not e.duties or e.duties[-1] is not d:
                e.duties.append(d)
                e.count += 1
                e.topics.update(d.topics)
                e.directives.add(d.directive)
    return [edges[k] for k in sorted(edges)]


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


def check_options(o: ViewOptions) -> None:
    """Options that make no page: one line saying which (the same for every way of building one)."""
    if o.max_nodes < 1:
        raise ViewError(f"--max-nodes {o.max_nodes}: must be at least 1")
    if o.depth < 1:
        raise ViewError(f"--depth {o.depth}: must be at least 1")
    unknown = [k for k in o.links if k not in LINK_KINDS]
    if unknown or not o.links:
        raise ViewError(f"--links {','.join(o.links)}: choose from {', '.join(LINK_KINDS)}")


def asked_period(o: ViewOptions, asked: dict[str, str]) -> Period | None:
    """The period of ``--since``/``--until`` (None when neither is given), noted in ``asked``."""
    if not (o.since or o.until):
        return None
    try:
        p = period(o.since, o.until)
    except DateError as e:
        raise ViewError(f"period: {e}") from None
    asked["period"] = f"{p.since or '…'} – {p.until or '…'}"
    return p


def build_view(g: nx.MultiDiGraph, options: ViewOptions | None = None) -> ViewGraph:
    """The view graph for ``g`` (the model of ``graph.model.to_networkx``) under ``options``."""
    o = options or ViewOptions()
    check_options(o)
    focus_directive = bool(o.directive)
    duties, asked = _select(g, read_duties(g), o)
    focus = None
    if o.agency:
        focus = match_agency(g, o.agency, "--agency")
        asked["agency"] = g.nodes[focus].get("name") or o.agency
    with_directives = o.with_directives or focus_directive

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
        for a in {*d.leads, *d.supports}:
            agency(a).duties.append(d)
        for a in {*d.leads, *d.supports, *d.issuers}:
            agency(a).topics.update(d.topics)
            agency(a).directives.add(d.directive)
    _provinces(nodes, duties, g)

    keep = _keep_agencies(nodes, o, asked)
    if keep is not None:
        duties = [d for d in duties if keep & {*d.leads, *d.supports}]
    kinds = {k for name in o.links for k in LINK_KINDS[name]}
    edges = [e for e in _assignment_edges(duties, with_directives) + _coordination(duties)
             if e.kind in kinds or e.kind in ("issued", "cites")]
    if keep is not None:
        edges = [e for e in edges if (e.source in keep or e.source not in nodes or nodes[e.source].type != "agency")
                 and (e.target in keep or e.target not in nodes or nodes[e.target].type != "agency")]

    directive_keys = {d.directive for d in duties}
    if focus_directive:
        directive_keys = _citation_chain(g, directive_keys, o.depth)
    if with_directives:
        for k in sorted(directive_keys):
            p = g.nodes[k]
            nodes[k] = ViewNode(k, "directive", directive_label(p), dict(p))
            nodes[k].directives.add(k)
        for d in duties:
            nodes[d.directive].topics.update(d.topics)
        edges += _citations(g, directive_keys)

    linked = {x for e in edges for x in (e.source, e.target)}
    all_names = {k: n.name for k, n in nodes.items()}
    if focus is not None:
        if focus not in nodes:
            nodes[focus] = ViewNode(focus, "agency", g.nodes[focus].get("name") or focus, dict(g.nodes[focus]))
            _provinces({focus: nodes[focus]}, duties, g)
        near = _neighbourhood({focus}, [e for e in edges if e.kind not in ("issued", "cites")], o.depth)
        nodes = {k: n for k, n in nodes.items() if k in near}
        edges = [e for e in edges if e.source in near and e.target in near]
    else:
        shown = keep if keep is not None else {k for k, n in nodes.items() if n.type == "agency"}
        nodes = {k: n for k, n in nodes.items()
                 if (n.type == "agency" and k in shown and (k in linked or n.led or n.supported))
                 or (n.type == "directive")}
        edges = [e for e in edges if e.source in nodes and e.target in nodes]
    total = sum(1 for n in nodes.values() if n.type == "agency")
    partners: dict[str, set[str]] = defaultdict(set)
    for e in edges:
        if e.kind in ("coordinates", "co-assigned"):
            partners[e.source].add(e.target)
            partners[e.target].add(e.source)
    for k, ps in partners.items():
        nodes[k].partners = len(ps)

    topics = sorted({t for e in edges for t in e.topics} | {t for n in nodes.values() for t in n.topics})
    present = sorted({x for n in nodes.values() for x in n.directives} | {
        x for e in edges for x in e.directives})
    return ViewGraph(
        nodes=sorted(nodes.values(), key=lambda n: (n.type, n.name)),
        edges=edges,
        total_agencies=total,
        topics={t: g.nodes[t].get("name") or t for t in topics if t in g},
        directives={k: dict(g.nodes[k]) for k in present if k in g},
        filters=asked, focus=focus or (sorted(match_directives(g, o.directive))[0] if focus_directive else None),
        depth=o.depth, links=tuple(o.links), max_nodes=o.max_nodes, all_names=all_names)
