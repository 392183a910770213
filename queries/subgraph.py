"""The part of a store's in-memory model (``Store.to_networkx``) that the filters choose,
for ``phoihop export`` with ``--province``, ``--level``, ``--kind``, ``--issuer``,
``--since/--until`` or ``--topic``.

An obligation is kept when its directive passes the issuer and period filters, it or
its directive is about the topic, and at least one agency that leads or supports it
passes the agency filters. Kept with it: its directive (with its issuer, topics,
documents and what it cites), its evidence document, its topics, and the assignees
that pass the agency filters. Relationships are those of the whole graph between kept
nodes; the derived ones (COORDINATES_WITH, CO_ASSIGNED) keep the whole store's counts.
"""
from __future__ import annotations

from typing import Any

import networkx as nx

from phoihop.graph import schema as S

from .filters import Filters


def _key(label: str, id_: str) -> str:
    return f"{label}:{id_}"


def _out(g: nx.MultiDiGraph, node: str, rel_type: str) -> list[str]:
    return [v for _, v, d in g.out_edges(node, data=True) if d.get("type") == rel_type]


def _in(g: nx.MultiDiGraph, node: str, rel_type: str) -> list[str]:
    return [u for u, _, d in g.in_edges(node, data=True) if d.get("type") == rel_type]


def _in_period(props: dict[str, Any], f: Filters) -> bool:
    """A dated directive by its date, one known by its year by that year (as the questions do)."""
    p = f.period
    if not (p.since or p.until):
        return True
    if props.get("date"):
        return (not p.since or props["date"] >= p.since) and (not p.until or props["date"] <= p.until)
    year = props.get("year")
    return bool(year) and (not p.since or year >= int(p.since[:4])) and (not p.until or year <= int(p.until[:4]))


def _directive_passes(g: nx.MultiDiGraph, directive: str, f: Filters) -> bool:
    issuer_ok = not f.issuer or _key(S.AGENCY, f.issuer) in _in(g, directive, S.ISSUED)
    return issuer_ok and _in_period(g.nodes[directive], f)


def select(g: nx.MultiDiGraph, f: Filters) -> nx.MultiDiGraph:
    """The subgraph of ``g`` chosen by ``f`` (resolved: ids; see the module docstring)."""
    topic = _key(S.TOPIC, f.topic) if f.topic else None
    passing = {n for n, d in g.nodes(data=True) if d.get("label") == S.AGENCY
               and (not f.on_agencies or f.passes(d))}
    keep: set[str] = set()
    for o, d in g.nodes(data=True):
        if d.get("label") != S.OBLIGATION:
            continue
        directives = [x for x in _in(g, o, S.IMPOSES) if _directive_passes(g, x, f)]
        people = [a for a in _in(g, o, S.LEADS) + _in(g, o, S.SUPPORTS) if a in passing]
        if not directives or not people:
            continue
        if topic and topic not in _out(g, o, S.ABOUT) and not any(topic in _out(g, x, S.ABOUT) for x in directives):
            continue
        keep.update([o, *directives, *people, *_out(g, o, S.EVIDENCED_BY), *_out(g, o, S.ABOUT),
                     *_out(g, o, S.REPORTS_TO)])
        for x in directives:
            keep.update([*_in(g, x, S.ISSUED), *_out(g, x, S.ABOUT), *_out(g, x, S.REPORTED_IN),
                         *_out(g, x, S.CITES)])
    for x in [n for n in keep if g.nodes[n].get("label") == S.DIRECTIVE]:
        keep.update(_in(g, x, S.ISSUED))  # the issuers of cited directives too
    return g.subgraph(keep).copy()
