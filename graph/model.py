"""From extraction records to the property graph: ids, nodes and relationships.

``document_graph(extraction)`` gives one document's contribution as plain
node and relationship records, which every store writes in one transaction.
``to_networkx`` turns such records (or a whole store's content) into the
in-memory model used for analytics, the RDF export and the view.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable

from phoihop.ingest.records import Extraction
from phoihop.ingest.textnorm import fold, slug
from phoihop.ingest.topics import topic_by_name
from . import schema as S

if TYPE_CHECKING:   # networkx is imported where a graph is built: most commands never need it
    import networkx as nx


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
    warnings: list[str] = field(default_factory=list)   # the reader's: read, but with losses


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


def absorbing_directive(stub_id: str, fulls: Iterable[str]) -> str | None:
    """The full directive, newly written, that a stored stub merges into: the first of
    ``fulls`` (in the order they were written) that it names. One rule for both stores and
    the Parquet tables."""
    return next((f for f in fulls if f != stub_id and stub_matches(stub_id, f)), None)


def named_directive(stub_id: str, fulls: Iterable[str]) -> str | None:
    """The stored full directive that a new citation stub stands for: only when it names
    exactly one (several is ambiguous, and the stub stays a stub of its own)."""
    named = [f for f in fulls if f != stub_id and stub_matches(stub_id, f)]
    return named[0] if len(named) == 1 else None


def obligation_id(document_id: str, span: tuple[int, int]) -> str:
    return hashlib.sha1(f"{document_id}:{span[0]}:{span[1]}".encode()).hexdigest()[:20]


def topic_id(name: str) -> str:
    return slug(name)


def canonical_path(path: str | os.PathLike) -> str:
    """Where a file is, whatever the working directory or the symlinks it was reached by:
    the absolute path with every symlink followed (a document's location, ``place``)."""
    return os.path.realpath(path)


def document_graph(ex: Extraction, path: str | None = None) -> DocumentGraph:
    """One document's nodes and relationships, every relationship tagged with the document id.

    ``path``: the file's location (``canonical_path``); else what the extraction names."""
    doc = ex.sha256
    where = path or ex.path or ex.document
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

    node(S.DOCUMENT, doc, {"path": where, "paths": [where], "title": ex.title, "kind": ex.kind,
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
            "subject": d.subject, "signer": d.signer, "stub": False, "doc": doc, "source_kind": ex.kind})
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
    return DocumentGraph(doc, where, list(nodes.values()), list(unique.values()), list(ex.warnings))


@dataclass
class Placement:
    """What writing a batch of documents does to the stored ones (``place``)."""

    graphs: list[DocumentGraph]            # to write: one per content, its Document's path/paths set
    remove: list[str]                      # stored documents whose contribution goes
    relocate: dict[str, tuple[str, list[str]]]  # stored documents that stay: id -> (path, paths)


def place(graphs: Iterable[DocumentGraph], stored: dict[str, list[str]], vacated: Iterable[str] = ()) -> Placement:
    """Documents are identified by content (the text's hash), located by path.

    As if each graph were written in order: a path holds the content last written
    there (an edited file replaces its old version), and one content is one document
    listing every path it was written at (a copy or a moved file adds a path).
    ``stored``: id -> paths (the current ``path`` first) of the stored documents that
    share an id or a path with the batch; ``vacated``: paths that now hold nothing
    (a removed file). A stored document left with no path is removed; one written
    again is removed and rewritten whole (the store's replace-by-document step).
    """
    at: dict[str, DocumentGraph | None] = {p: None for p in vacated}
    for g in graphs:
        at.pop(g.path, None)   # re-inserted last: the most recent location wins ``path``
        at[g.path] = g
    latest: dict[str, DocumentGraph] = {}
    for g in at.values():
        if g is not None:
            latest.pop(g.document_id, None)
            latest[g.document_id] = g
    out = Placement([], [], {})
    for doc, paths in stored.items():
        kept = [p for p in paths if p not in at]
        if doc in latest or not kept:
            out.remove.append(doc)
        elif len(kept) < len(paths):
            out.relocate[doc] = (kept[0], sorted(kept))
    for doc, g in latest.items():
        paths = {p for p in stored.get(doc, []) if p not in at} | {p for p, h in at.items() if h is not None
                                                                   and h.document_id == doc}
        out.graphs.append(_located(g, sorted(paths)))
    return out


def _located(g: DocumentGraph, paths: list[str]) -> DocumentGraph:
    """``g`` with its Document node listing ``paths`` (a copy: the caller's graph is left alone)."""
    nodes = [Node(n.label, n.id, {**n.props, "path": g.path, "paths": paths}) if n.label == S.DOCUMENT else n
             for n in g.nodes]
    return DocumentGraph(g.document_id, g.path, nodes, g.rels, g.warnings)


OWNED_LABELS = (S.OBLIGATION, S.DOCUMENT)  # nodes of one document; the other labels are shared


def overwrites(label: str, prop: str) -> bool:
    """A document's own nodes take its values; a directive's stub/doc follow its defining document."""
    return label in OWNED_LABELS or (label == S.DIRECTIVE and prop in ("stub", "doc"))


# How far a document's word on a directive goes (issue 15): its own official text outranks an
# excerpt quoting it, which outranks a news report about it. Lower is stronger.
KIND_RANK = {"official": 0, "excerpt": 1, "news": 2}


def report_rank(kind: str | None) -> int | None:
    return KIND_RANK.get(kind) if kind else None


def rank_case(expr: str) -> str:
    """Cypher for the rank (``KIND_RANK``) of a ``source_kind`` expression; null when unknown."""
    return f"CASE {expr} " + " ".join(f"WHEN '{k}' THEN {r}" for k, r in KIND_RANK.items()) + " END"


def merge_reports(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """One directive's properties as two documents give them, the same whatever the order.

    The stronger kind of document (``KIND_RANK``) gives every field alone, so that
    removing the weaker report changes nothing; between documents of one kind, the
    smaller document id wins and the other fills its gaps. Without a kind on either
    side (a stub, a store from before), the newer values win and the older fill.
    """
    if report_rank(old.get("source_kind")) is None or report_rank(new.get("source_kind")) is None:
        return {p: new.get(p) if new.get(p) is not None else old.get(p) for p in {**old, **new}}
    win, lose = sorted((old, new), key=lambda r: (report_rank(r["source_kind"]), r.get("doc") or ""))
    if report_rank(win["source_kind"]) < report_rank(lose["source_kind"]):
        return dict(win)
    return {p: win.get(p) if win.get(p) is not None else lose.get(p) for p in {**old, **new}}


def report_merge_cypher(props: Iterable[str], new: Callable[[str], str], old: Callable[[str], str],
                        carry: str) -> str:
    """``merge_reports`` in Cypher, for a store merging a full directive row into node ``n``: two
    ``WITH`` clauses computing ``o``/``k``, the stored and new ranks, and ``wins``, whether the new
    document defines it now, then the ``SET``. ``new(p)``/``old(p)`` spell a property of the row
    and of ``n``; ``carry``: the variables to keep (``n`` and the row). Nothing in the SET reads
    a value the SET has already changed."""
    o, k = rank_case(old("source_kind")), rank_case(new("source_kind"))
    sets = []
    for p in props:
        if p in ("doc", "source_kind", "stub"):
            pick = new(p) if p == "stub" else f"CASE WHEN wins THEN {new(p)} ELSE {old(p)} END"
        else:
            a, b = new(p), old(p)
            pick = (f"CASE WHEN o IS NULL OR k IS NULL THEN coalesce({a}, {b}) WHEN k < o THEN {a} WHEN k > o THEN {b} "
                    f"WHEN wins THEN coalesce({a}, {b}) ELSE coalesce({b}, {a}) END")
        sets.append(f"{old(p)} = {pick}")
    return (f"WITH {carry}, {o} AS o, {k} AS k "
            f"WITH {carry}, o, k, (o IS NULL OR k IS NULL OR k < o OR (k = o AND {new('doc')} < {old('doc')})) AS wins "
            f"SET {', '.join(sets)}")


def best_report(reports: Iterable[tuple[str | None, str | None]]) -> tuple[str | None, str | None]:
    """(document id, kind) of the report that defines a directive when its defining document
    goes: the strongest kind, then the smallest id; (None, None) when none is left (a stub)."""
    left = [(report_rank(k) if report_rank(k) is not None else len(KIND_RANK), d, k) for d, k in reports if d]
    return min(left)[1:] if left else (None, None)


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
        if label == S.DIRECTIVE and not fill_only:
            out[n.id] = merge_reports(row, n.props)
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


def _pair_tally(leads_supports: Iterable[Role], rel_type: str) -> dict:
    """The pairs of ``rel_type`` (graph.derive.kinds) with their count, directives and topics."""
    from .derive import kinds

    by_ob: dict[str, dict[str, Any]] = {}
    for ob, agency_, role, directive, topics in leads_supports:
        e = by_ob.setdefault(ob, {"lead": set(), "support": set(), "directive": directive, "topics": set()})
        e[role].add(agency_)
        e["topics"].update(topics or [])
    out: dict = {}
    for e in by_ob.values():
        for t, a, b in kinds(e["lead"], e["support"]):
            if t != rel_type:
                continue
            d = out.setdefault((a, b), [0, set(), set()])
            d[0] += 1
            if e["directive"]:
                d[1].add(e["directive"])
            d[2].update(e["topics"])
    return {k: {"obligations": n, "directives": sorted(ds), "topics": sorted(ts)} for k, (n, ds, ts) in out.items()}


def coordination_pairs(leads_supports: Iterable[Role]) -> dict:
    """COORDINATES_WITH from (obligation id, agency id, role, directive id, topics) rows: a lead
    and a support of one obligation (co-leads are ``co_assigned_pairs``). Pairs are unordered
    (smaller id first). Returns {(a, b): {"obligations": n, "directives": [...], "topics": [...]}};
    the stores' full properties come from ``graph.derive``."""
    return _pair_tally(leads_supports, S.COORDINATES_WITH)


def co_assigned_pairs(leads_supports: Iterable[Role]) -> dict:
    """CO_ASSIGNED from the same rows: two leads of one obligation."""
    return _pair_tally(leads_supports, S.CO_ASSIGNED)


def to_networkx(nodes: Iterable[Node], rels: Iterable[Rel]) -> nx.MultiDiGraph:
    """In-memory model: node key "Label:id" with attrs label + props; edge key "TYPE|doc"."""
    import networkx as nx

    g = nx.MultiDiGraph()
    for n in nodes:
        g.add_node(f"{n.label}:{n.id}", label=n.label, **n.props)
    for r in rels:
        key = f"{r.type}|{r.props['doc']}" if r.props.get("doc") else r.type
        g.add_edge(f"{r.start_label}:{r.start}", f"{r.end_label}:{r.end}", key=key, type=r.type, **r.props)
    return g
