"""From extraction records to the property graph: ids, nodes and relationships.

``document_graph(extraction)`` gives one document's contribution as plain
node and relationship records, which every store writes in one transaction.
``to_networkx`` turns such records (or a whole store's content) into the
in-memory model used for analytics, the RDF export and the view.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any, Iterable

import networkx as nx

from ingest.records import Extraction
from ingest.textnorm import fold, slug
from ingest.topics import topic_by_name
from . import schema as S


@dataclass
class Node:
    label: str
    id: str
    props: dict[str, Any]


@dataclass
class Rel:
    type: str
    start_label: str
    start: str
    end_label: str
    end: str
    props: dict[str, Any] = field(default_factory=dict)


@dataclass
class DocumentGraph:
    """One document's contribution. ``document_id`` is the content hash."""

    document_id: str
    path: str
    nodes: list[Node]
    rels: list[Rel]


def agency_id(name: str) -> str:
    return slug(name)


def number_key(number: str) -> str:
    """'345/UBND-YT' and '345/ubnd - yt' give the same key; Đ folds to D."""
    return re.sub(r"\s+", "", number).upper().replace("Đ", "D")


def directive_year(date: str | None, number: str | None, key: str | None = None) -> int | None:
    if date:
        return int(date[:4])
    for text in (number, key):
        m = re.search(r"/((?:19|20)\d\d)/", text or "") or re.search(r"\|((?:19|20)\d\d)", text or "")
        if m:
            return int(m.group(1))
    return None


def directive_id(number: str | None, issuer: str | None, year: int | None,
                 type_: str | None = None, date: str | None = None) -> str:
    """Issuer + year + number: numbers restart every year and repeat across offices.

    An unnumbered directive is identified by issuer + type + date (or year).
    Unknown parts are "_" so that a citation stub can later be matched to the
    full directive by the store (see ``stub_matches``).
    """
    who = slug(issuer) if issuer else "_"
    if number:
        return f"{who}|{year or '_'}|{number_key(number)}"
    return f"{who}|{slug(type_ or '_')}|{date or year or '_'}"


def stub_matches(stub_id: str, full_id: str) -> bool:
    """A stub id with unknown parts ("_") names the same directive as ``full_id``."""
    a, b = stub_id.split("|"), full_id.split("|")
    return len(a) == len(b) and all(x == y or x == "_" for x, y in zip(a, b))


def obligation_id(document_id: str, span: tuple[int, int]) -> str:
    return hashlib.sha1(f"{document_id}:{span[0]}:{span[1]}".encode()).hexdigest()[:20]


def topic_id(name: str) -> str:
    return slug(name)


def document_graph(ex: Extraction) -> DocumentGraph:
    """One document's nodes and relationships, every relationship tagged with the document id."""
    doc = ex.sha256
    nodes: dict[tuple[str, str], Node] = {}
    rels: list[Rel] = []

    def node(label: str, id_: str, props: dict[str, Any]) -> str:
        key = (label, id_)
        if key in nodes:
            for k, v in props.items():
                if v not in (None, [], "") and nodes[key].props.get(k) in (None, [], ""):
                    nodes[key].props[k] = v
        else:
            nodes[key] = Node(label, id_, {"id": id_, **props})
        return id_

    def rel(type_: str, sl: str, s: str, el: str, e: str, **props: Any) -> None:
        rels.append(Rel(type_, sl, s, el, e, {**props, S.REL_DOC_PROPERTY: doc}))

    node(S.DOCUMENT, doc, {"path": ex.path or ex.document, "title": ex.title, "kind": ex.kind,
                           "published": ex.published, "chars": len(ex.text)})

    known = {a.name: a for a in ex.agencies}

    def agency(name: str) -> str:
        a = known.get(name)
        props = {"name": name, "name_folded": fold(name),
                 "aliases": sorted(set(a.aliases)) if a else [],
                 "kind": a.kind if a else "other",
                 "level": a.level if a else None,
                 "jurisdiction": a.jurisdiction if a else None}
        return node(S.AGENCY, agency_id(name), props)

    def topic(name: str) -> str | None:
        t = topic_by_name(name)
        if not t:
            return None
        return node(S.TOPIC, topic_id(t["name"]), {"name": t["name"], "name_en": t["name_en"]})

    def about(label: str, id_: str, topics: list[str]) -> None:
        for t in topics:
            tid = topic(t)
            if tid:
                rel(S.ABOUT, label, id_, S.TOPIC, tid)

    directive_ids: dict[str, str] = {}
    for d in ex.directives:
        year = directive_year(d.date, d.number, d.key)
        did = directive_id(d.number, d.issuer, year, d.type, d.date)
        directive_ids[d.key] = did
        node(S.DIRECTIVE, did, {
            "number": d.number, "number_key": number_key(d.number) if d.number else None,
            "type": d.type, "date": d.date, "year": year, "issuer": d.issuer,
            "subject": d.subject, "signer": d.signer, "stub": False, "doc": doc})
        rel(S.REPORTED_IN, S.DIRECTIVE, did, S.DOCUMENT, doc)
        if d.issuer and not (known.get(d.issuer) and known[d.issuer].generic):
            rel(S.ISSUED, S.AGENCY, agency(d.issuer), S.DIRECTIVE, did)
        about(S.DIRECTIVE, did, d.topics)

    for o in ex.obligations:
        did = directive_ids.get(o.directive)
        oid = obligation_id(doc, o.span)
        people = [a for a in o.assignees if not a.generic]
        if did is None or not people:
            continue  # nothing in the graph lacks a directive and an assignee
        node(S.OBLIGATION, oid, {"text": o.text, "modality": o.modality, "deadline": o.deadline,
                                 "targets": list(o.targets), "doc": doc})
        rel(S.IMPOSES, S.DIRECTIVE, did, S.OBLIGATION, oid)
        rel(S.EVIDENCED_BY, S.OBLIGATION, oid, S.DOCUMENT, doc,
            start=o.span[0], end=o.span[1], quote=ex.text[o.span[0]:o.span[1]])
        seen = set()
        for a in people:
            if (a.agency, a.role) in seen:
                continue
            seen.add((a.agency, a.role))
            aid = agency(a.agency)
            if a.role == "lead":
                rel(S.LEADS, S.AGENCY, aid, S.OBLIGATION, oid, modality=o.modality)
            else:
                rel(S.SUPPORTS, S.AGENCY, aid, S.OBLIGATION, oid)
        for r in dict.fromkeys(o.reports_to):
            rel(S.REPORTS_TO, S.OBLIGATION, oid, S.AGENCY, agency(r))
        about(S.OBLIGATION, oid, o.topics)

    for c in ex.citations:
        src = directive_ids.get(c.source)
        if src is None or not c.to:
            continue  # only numbered citations become edges
        year = directive_year(c.to_date, c.to)
        tid = directive_id(c.to, c.to_issuer, year)
        if tid not in directive_ids.values():
            node(S.DIRECTIVE, tid, {
                "number": c.to, "number_key": number_key(c.to), "type": c.to_type,
                "date": c.to_date, "year": year, "issuer": c.to_issuer,
                "subject": c.to_subject, "signer": None, "stub": True, "doc": None})
            if c.to_issuer:
                rel(S.ISSUED, S.AGENCY, agency(c.to_issuer), S.DIRECTIVE, tid)
        quote = ex.text[c.span[0]:c.span[1]] if c.span else None
        rel(S.CITES, S.DIRECTIVE, src, S.DIRECTIVE, tid, relation=c.relation, quote=quote)

    for r in ex.recipients:
        did = directive_ids.get(r.directive)
        if did is None or r.generic:
            continue
        kind = S.ADDRESSED_TO if r.kind == "addressed" else S.COPIED_TO
        rel(kind, S.DIRECTIVE, did, S.AGENCY, agency(r.agency))

    for a in ex.agencies:
        if a.parent and not a.generic and (S.AGENCY, agency_id(a.name)) in nodes:
            rel(S.PART_OF, S.AGENCY, agency_id(a.name), S.AGENCY, agency(a.parent))

    # De-duplicate relationships (same type, ends and properties).
    unique: dict[tuple, Rel] = {}
    for r in rels:
        unique.setdefault((r.type, r.start, r.end, tuple(sorted((k, str(v)) for k, v in r.props.items()))), r)
    return DocumentGraph(doc, ex.path or ex.document, list(nodes.values()), list(unique.values()))


OWNED_LABELS = (S.OBLIGATION, S.DOCUMENT)  # nodes of one document; the other labels are shared


def overwrites(label: str, prop: str) -> bool:
    """A document's own nodes take its values; a directive's stub/doc follow its defining document."""
    return label in OWNED_LABELS or (label == S.DIRECTIVE and prop in ("stub", "doc"))


def combine_nodes(label: str, nodes: Iterable[Node], fill_only: bool = False) -> list[Node]:
    """One node per id, as if the nodes were merged into the store one after another in
    order: own values overwrite (``overwrites``), lists (aliases) are united, other values
    are the last one set; ``fill_only``: a later node only fills what earlier ones left
    empty (how citation stubs merge). Shared nodes recur in many documents of a batch:
    both stores write one row each."""
    out: dict[str, dict[str, Any]] = {}
    for n in nodes:
        row = out.get(n.id)
        if row is None:
            out[n.id] = dict(n.props)
            continue
        for p, t in S.NODE_PROPERTIES[label].items():
            new, old = n.props.get(p), row.get(p)
            if fill_only:
                row[p] = new if old is None else old
            elif overwrites(label, p):
                row[p] = new
            elif t == S.STRINGS:
                row[p] = sorted(set(old or []) | set(new or []))
            else:
                row[p] = old if new is None else new
    return [Node(label, i, props) for i, props in out.items()]


def group_rels(rels: Iterable[Rel], directive_alias: dict[str, str]) -> dict[tuple[str, str, str], list[Rel]]:
    """Relationships by (type, start label, end label), with citation stubs replaced by the
    directives they resolved to; a citation that became a citation of itself is dropped.
    Both stores batch their writes this way (one UNWIND per group)."""
    groups: dict[tuple[str, str, str], list[Rel]] = {}
    for r in rels:
        start = directive_alias.get(r.start, r.start) if r.start_label == S.DIRECTIVE else r.start
        end = directive_alias.get(r.end, r.end) if r.end_label == S.DIRECTIVE else r.end
        if r.type == S.CITES and start == end:
            continue
        groups.setdefault((r.type, r.start_label, r.end_label), []).append(
            Rel(r.type, r.start_label, start, r.end_label, end, r.props))
    return groups


Role = tuple[str, str, str, str | None, list[str]]  # (obligation, agency, role, directive, topics)


def _by_obligation(rows: Iterable[Role]) -> dict[str, dict[str, Any]]:
    by_ob: dict[str, dict[str, Any]] = {}
    for ob, agency_, role, directive, topics in rows:
        e = by_ob.setdefault(ob, {"lead": set(), "support": set(), "directive": directive, "topics": set()})
        e[role].add(agency_)
        e["topics"].update(topics or [])
    return by_ob


def _pairs(leads: set[str], supports: set[str]) -> set[tuple[str, str]]:
    """A lead and a support of one obligation coordinate; so do two co-leads (smaller id first)."""
    pairs = set()
    ordered = sorted(leads)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            pairs.add((a, b))
        for s in supports:
            if s != a:
                pairs.add((a, s) if a < s else (s, a))
    return pairs


def _tally(out: dict, key: tuple, directive: str | None, topics: set[str]) -> None:
    d = out.get(key)
    if d is None:
        d = out[key] = [0, set(), set()]
    d[0] += 1
    if directive:
        d[1].add(directive)
    d[2].update(topics)


def _finished(out: dict) -> dict:
    return {k: {"obligations": n, "directives": sorted(ds), "topics": sorted(ts)} for k, (n, ds, ts) in out.items()}


def _derive(leads_supports: Iterable[Role], directive_topics: dict[str, list[str]] | None) -> tuple[dict, dict]:
    """One pass over the obligations: the pairs, and (given the directives' topics) the pairs by topic."""
    pairs: dict = {}
    by_topic: dict = {}
    for e in _by_obligation(leads_supports).values():
        shared = _pairs(e["lead"], e["support"])
        directive, own = e["directive"], e["topics"]
        for p in shared:
            _tally(pairs, p, directive, own)
        if directive_topics is not None and shared:
            topics = own | set(directive_topics.get(directive or "", ()))
            for a, b in shared:
                for t in topics:
                    _tally(by_topic, (a, b, t), directive, topics)
    return _finished(pairs), _finished(by_topic)


def coordination_pairs(leads_supports: Iterable[Role]) -> dict:
    """Derive COORDINATES_WITH from (obligation id, agency id, role, directive id, topics) rows
    (``derived_rels`` derives it together with COORDINATES_ON, for the stores).

    A lead and a support of one obligation coordinate; so do two co-leads.
    Pairs are unordered (stored once, from the smaller id). Returns
    {(a, b): {"obligations": n, "directives": [...], "topics": [...]}}.
    """
    return _derive(leads_supports, None)[0]


def derived_rels(leads_supports: Iterable[Role], directive_topics: dict[str, list[str]],
                 names: dict[str, str] | None = None) -> dict[str, list[Rel]]:
    """Every derived relationship (schema.DERIVED) by type, in a stable order, for a store to write.

    ``names`` (agency id -> name) orders the pairs of a topic for COORDINATES_ON's ``rank``
    as the coordination question orders its rows (ids stand in for missing names).
    """
    with_, on = _derive(leads_supports, directive_topics)
    name = (names or {}).get

    def order(item) -> tuple:
        (a, b, _), props = item
        return -props["obligations"], name(a, a), name(b, b), a, b

    ranked: dict[str, int] = {}
    ons = []
    for (a, b, t), props in sorted(on.items(), key=lambda item: (item[0][2], order(item))):
        ranked[t] = ranked.get(t, -1) + 1
        ons.append(Rel(S.COORDINATES_ON, S.AGENCY, a, S.AGENCY, b, {"topic": t, **props, "rank": ranked[t]}))
    return {
        S.COORDINATES_WITH: [Rel(S.COORDINATES_WITH, S.AGENCY, a, S.AGENCY, b, props)
                             for (a, b), props in sorted(with_.items())],
        S.COORDINATES_ON: ons,
    }


def to_networkx(nodes: Iterable[Node], rels: Iterable[Rel]) -> nx.MultiDiGraph:
    """In-memory model: node key "Label:id" with attrs label + props; edge key "TYPE|doc"."""
    g = nx.MultiDiGraph()
    for n in nodes:
        g.add_node(f"{n.label}:{n.id}", label=n.label, **n.props)
    for r in rels:
        key = f"{r.type}|{r.props['doc']}" if r.props.get("doc") else r.type
        g.add_edge(f"{r.start_label}:{r.start}", f"{r.end_label}:{r.end}", key=key, type=r.type, **r.props)
    return g
