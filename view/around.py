"""The focus pages (``--agency``, ``--directive``) from queries around the focus, not the whole store.

``build_view`` reads an in-memory model; for a focus it only needs the part of the store near the
focus. ``around_agency`` walks the store from the agency, ``depth`` links out (over the link kinds
asked: shared duties, assigning directives), and reads every duty of the agencies it reached;
``around_directive`` reads the directive's duties and its citation chain within ``depth`` steps.
The model built from those rows (``graph.model.to_networkx``) gives ``build_view`` the same
agencies, links and counts as the whole store would (a test compares them): every link of an
agency within ``depth`` and every duty of an agency drawn is in it. Both stores answer the same
parameterised queries (``queries/view_*.cypher``).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

import networkx as nx

from phoihop.graph import schema as S
from phoihop.graph.model import Node, Rel, number_key, to_networkx
from phoihop.graph.store import Store
from phoihop.queries import run as Q
from phoihop.queries.agency_match import MatchError, find_agency

from .network import ViewError, ViewOptions

# ids per query parameter list (a long IN list is sent in parts)
PART = 5000


def _ids(store: Store, name: str, ids: set[str], **params: Any) -> set[str]:
    """The ``id`` column of query ``name`` over ``ids``, asked in parts."""
    out: set[str] = set()
    listed = sorted(ids)
    for i in range(0, len(listed), PART):
        out |= {r["id"] for r in Q.run(store, name, ids=listed[i:i + PART], **params)}
    return out


def _rows(store: Store, name: str, ids: set[str]) -> list[dict[str, Any]]:
    listed, out = sorted(ids), []
    for i in range(0, len(listed), PART):
        out += Q.run(store, name, ids=listed[i:i + PART])
    return out


def _find(text: str, agencies: list[dict[str, Any]], option: str) -> dict[str, Any]:
    try:
        return find_agency(text, agencies)
    except MatchError as e:
        raise ViewError(f"{option}: {e}") from None


def _present(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None and v != []}


class _Model:
    """Nodes and relationships read from the store, as ``graph.model.to_networkx`` takes them."""

    def __init__(self, agencies: dict[str, dict[str, Any]]) -> None:
        self.agencies = agencies
        self.nodes: dict[tuple[str, str], Node] = {}
        self.rels: list[Rel] = []

    def node(self, label: str, id_: str, props: dict[str, Any]) -> None:
        self.nodes.setdefault((label, id_), Node(label, id_, _present({**props, "id": id_})))

    def agency(self, id_: str) -> None:
        props = self.agencies.get(id_, {})
        self.node(S.AGENCY, id_, {k: props.get(k) for k in S.NODE_PROPERTIES[S.AGENCY]})

    def rel(self, type_: str, a: tuple[str, str], b: tuple[str, str], **props: Any) -> None:
        self.rels.append(Rel(type_, a[0], a[1], b[0], b[1], _present(props)))

    def graph(self) -> nx.MultiDiGraph:
        return to_networkx(self.nodes.values(), self.rels)


def _add_duties(store: Store, m: _Model, duty_ids: set[str], topic_names: dict[str, str]) -> set[str]:
    """The obligations with their assignees, topics and quote; returns their directives."""
    directives: set[str] = set()
    seen: set[str] = set()
    for r in _rows(store, "view_duty_details", duty_ids):
        o = (S.OBLIGATION, r["id"])
        directives.add(r["directive"])
        if r["id"] in seen:       # a second quote of the same duty: the first one is shown
            continue
        seen.add(r["id"])
        m.node(*o, {"text": r["text"], "modality": r["modality"], "deadline": r["deadline"]})
        m.rel(S.IMPOSES, (S.DIRECTIVE, r["directive"]), o)
        for role, people in ((S.LEADS, r["leads"]), (S.SUPPORTS, r["supports"])):
            for a in people or []:
                m.agency(a)
                m.rel(role, (S.AGENCY, a), o)
        for t in r["topics"] or []:
            m.node(S.TOPIC, t, {"name": topic_names.get(t, t)})
            m.rel(S.ABOUT, o, (S.TOPIC, t))
        if r["document"]:
            m.node(S.DOCUMENT, r["document"], {"title": r["title"], "path": r["path"]})
            m.rel(S.EVIDENCED_BY, o, (S.DOCUMENT, r["document"]), quote=r["quote"], start=r["start_at"], end=r["end_at"])
    return directives


def _add_directives(store: Store, m: _Model, ids: set[str], topic_names: dict[str, str]) -> None:
    """The directives with their issuers and topics."""
    for r in _rows(store, "view_directive_nodes", ids):
        d = (S.DIRECTIVE, r["id"])
        m.node(*d, {k: r[k] for k in ("number", "number_key", "type", "date", "year", "issuer", "subject",
                                      "signer", "stub")})
        for i in r["issuers"] or []:
            m.agency(i)
            m.rel(S.ISSUED, (S.AGENCY, i), d)
        for t in r["topics"] or []:
            m.node(S.TOPIC, t, {"name": topic_names.get(t, t)})
            m.rel(S.ABOUT, d, (S.TOPIC, t))


def _model(store: Store, duty_ids: set[str], agencies: dict[str, dict[str, Any]],
           extra_directives: set[str] = frozenset()) -> tuple[_Model, set[str]]:
    topic_names = {t["id"]: t["name"] for t in Q.run(store, "topics")}
    m = _Model(agencies)
    directives = _add_duties(store, m, duty_ids, topic_names) | set(extra_directives)
    _add_directives(store, m, directives, topic_names)
    return m, directives


def _resolved(o: ViewOptions, rows: list[dict[str, Any]], m: _Model) -> ViewOptions:
    """The options with the agencies they name as ids (found among all agencies of the store, as
    build_view finds them among those of its model), and those agencies in the model."""
    if o.issuer:
        issuer = _find(o.issuer, rows, "--issuer")
        m.agency(issuer["id"])
        o = replace(o, issuer=issuer["id"])
    if o.agency:
        me = _find(o.agency, rows, "--agency")
        m.agency(me["id"])
        o = replace(o, agency=me["id"])
    return o


def around_agency(store: Store, options: ViewOptions) -> tuple[nx.MultiDiGraph, ViewOptions]:
    """The model of the agency's neighbourhood within ``depth`` links, and the options to build
    its view with."""
    rows = Q.agencies(store)
    me = _find(options.agency or "", rows, "--agency")
    shared = bool({"coordinates", "co-assigned"} & set(options.links))
    assigns = "assigns" in options.links
    reached, frontier = {me["id"]}, {me["id"]}
    for _ in range(max(options.depth, 1)):
        if not frontier:
            break
        frontier = _ids(store, "view_partners", frontier, shared=shared, assigns=assigns) - reached
        reached |= frontier
    m, _ = _model(store, _ids(store, "view_agency_duties", reached), {r["id"]: r for r in rows})
    m.agency(me["id"])
    return _finish(m, replace(options, agency=me["id"]), rows)


def _finish(m: _Model, options: ViewOptions, rows: list[dict[str, Any]]) -> tuple[nx.MultiDiGraph, ViewOptions]:
    o = _resolved(options, rows, m)
    return m.graph(), o


def _directives_named(store: Store, text: str) -> set[str]:
    """Directive ids with this id or this number, as ``network.match_directives`` finds them."""
    key = number_key(text)
    return {d["id"] for d in Q.run(store, "directives")
            if d["id"] == text or (d.get("number_key") or "") == key or number_key(d.get("number") or "") == key}


def around_directive(store: Store, options: ViewOptions) -> tuple[nx.MultiDiGraph, ViewOptions]:
    """The model of the directive's duties and its citation chain within ``depth`` steps."""
    start = _directives_named(store, options.directive or "")
    if not start:
        raise ViewError(f"directive {options.directive!r}: no directive with this number or id in the store")
    chain, frontier = set(start), set(start)
    for _ in range(max(options.depth, 1)):
        found = _rows(store, "view_cites", frontier)
        frontier = {x for r in found for x in (r["from_id"], r["to_id"])} - chain
        chain |= frontier
        if not frontier:
            break
    rows = Q.agencies(store)
    m, _ = _model(store, _ids(store, "view_directive_duties", start), {r["id"]: r for r in rows}, chain)
    done = set()
    for r in _rows(store, "view_cites", chain):
        key = (r["from_id"], r["to_id"], r["doc"])
        if r["from_id"] in chain and r["to_id"] in chain and key not in done:
            done.add(key)
            m.rel(S.CITES, (S.DIRECTIVE, r["from_id"]), (S.DIRECTIVE, r["to_id"]),
                  relation=r["relation"], quote=r["quote"], doc=r["doc"])
    return _finish(m, options, rows)
