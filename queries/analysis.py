"""Question 4: the hubs of coordination on a topic, and the pairs that never coordinate.

Cypher gives the rows (the coordination pairs of ``coordination.cypher`` with
the topic filter, and the pairs of ``gaps.cypher``); networkx gives degree and
betweenness, which Cypher alone does not offer on both stores. The graph is
built in sorted order so that both stores give the same numbers.
"""
from __future__ import annotations

from typing import Any

import networkx as nx

from phoihop.graph.store import Store

from . import run as Q
from .filters import Filters


def coordination_graph(pairs: list[dict[str, Any]]) -> nx.Graph:
    """Undirected graph of agencies (node attr ``name``), edge weight = shared obligations
    (of both kinds of pair, when the rows hold both)."""
    g = nx.Graph()
    for p in sorted(pairs, key=lambda p: (p["a_id"], p["b_id"])):
        g.add_node(p["a_id"], name=p["a_name"])
        g.add_node(p["b_id"], name=p["b_name"])
        before = g.edges[p["a_id"], p["b_id"]]["weight"] if g.has_edge(p["a_id"], p["b_id"]) else 0
        g.add_edge(p["a_id"], p["b_id"], weight=before + p["obligations"])
    return g


def rank(g: nx.Graph, members: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Agencies by degree (number of partners), then betweenness, then name.

    ``obligations`` is the weighted degree; betweenness is normalised and
    unweighted (a path counts hops between agencies), rounded to 6 places, and
    computed on the coordination graph alone. ``members`` ({id: name}) are
    agencies that work on the topic too: those without a partner rank last, at 0.
    """
    between = nx.betweenness_centrality(g, normalized=True) if len(g) else {}
    rows = [{
        "id": n, "name": g.nodes[n]["name"], "degree": g.degree(n),
        "obligations": g.degree(n, weight="weight"), "betweenness": round(between[n], 6),
    } for n in g.nodes]
    rows += [{"id": n, "name": name, "degree": 0, "obligations": 0, "betweenness": 0.0}
             for n, name in (members or {}).items() if n not in g]
    return sorted(rows, key=lambda r: (-r["degree"], -r["betweenness"], -r["obligations"], r["name"], r["id"]))


def hubs(store: Store, topic_id: str | None = None, *, filters: Filters | None = None,
         co_assigned: bool = False, limit: int | None = None) -> dict[str, list[dict[str, Any]]]:
    """{"hubs": ranked agencies, "gaps": pairs of one jurisdiction on the same topic that never
    coordinate, ranked}, each list cut to ``limit`` rows (None: all). The network is the
    lead–support pairs (``co_assigned``: and the co-lead pairs) under ``filters``."""
    pairs = Q.coordination(store, topic_id=topic_id, filters=filters, co_assigned=co_assigned, examples=False)
    gaps = Q.gaps(store, topic_id, filters=filters, co_assigned=co_assigned)
    members = {p[f"{side}_id"]: p[f"{side}_name"] for p in gaps for side in ("a", "b")}
    ranked = rank(coordination_graph(pairs), members)
    return {"hubs": ranked if limit is None else ranked[:limit], "gaps": gaps if limit is None else gaps[:limit]}
