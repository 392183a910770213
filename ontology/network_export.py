"""The property graph for network tools: GraphML, GEXF (Gephi) and CSV tables.

These formats hold only scalar attributes, so values are flattened: a list
becomes a JSON array in a string (``["UBND TP", "UBND Hà Nội"]``), None is
left out (GraphML/GEXF) or an empty cell (CSV). Every node keeps its key
("Label:id") as the node id, ``label`` and all properties as attributes; every
edge keeps ``type`` and its properties.

GEXF reserves some attribute names (node ``id``/``label``/``start``/``end``,
edge ``type``/``start``/``end``/``label``/``id``/``weight``): there the node
label shown by Gephi is a readable name, and the graph's own attributes are
renamed ``node_label``, ``node_id``, ``rel_type``, ``start_offset``,
``end_offset``.

CSV is two tables, ``nodes.csv`` (key, label, id, properties...) and
``edges.csv`` (source, target, key, type, properties...), written into a
directory, or into a zip file when the output name ends with ``.zip``.
"""
from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from typing import Any, Iterable

import networkx as nx

from phoihop.graph import schema as S

FORMATS = ("graphml", "gexf", "csv")

_GEXF_NODE = {"label": "node_label", "id": "node_id", "start": "start_offset", "end": "end_offset",
              "pid": "node_pid"}
_GEXF_EDGE = {"type": "rel_type", "start": "start_offset", "end": "end_offset", "label": "edge_label",
              "id": "edge_id", "weight": "edge_weight"}


def flat(value: Any) -> Any:
    """A value GraphML/GEXF/CSV can hold: lists as JSON text, other non-scalars as text."""
    if isinstance(value, (list, tuple, set)):
        return json.dumps(list(value), ensure_ascii=False)
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    return str(value)


def display_name(data: dict[str, Any]) -> str:
    """What a person would call the node: a name, a number, a title or the id."""
    for key in ("name", "number", "title", "text", "path"):
        if data.get(key):
            text = str(data[key])
            return text if len(text) <= 80 else text[:77] + "..."
    return str(data.get("id"))


def flat_graph(g: nx.MultiDiGraph, gexf: bool = False) -> nx.MultiDiGraph:
    """A copy with flat attribute values (None dropped), renamed for GEXF when asked."""
    h = nx.MultiDiGraph()
    for key, data in g.nodes(data=True):
        attrs = {(_GEXF_NODE.get(k, k) if gexf else k): flat(v) for k, v in data.items() if v is not None}
        if gexf:
            attrs["label"] = display_name(data)
        h.add_node(key, **attrs)
    for u, v, k, data in g.edges(keys=True, data=True):
        attrs = {(_GEXF_EDGE.get(a, a) if gexf else a): flat(x) for a, x in data.items() if x is not None}
        h.add_edge(u, v, key=k, **attrs)
    return h


def _columns(first: list[str], rows: Iterable[dict[str, Any]], order: list[str]) -> list[str]:
    seen = {k for r in rows for k in r}
    rest = [k for k in dict.fromkeys(order) if k in seen and k not in first]
    rest += sorted(seen - set(first) - set(rest))
    return first + rest


def _table(columns: list[str], rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({c: _cell(r.get(c)) for c in columns})
    return buf.getvalue()


def _cell(value: Any) -> str:
    value = flat(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def csv_tables(g: nx.MultiDiGraph) -> dict[str, str]:
    """{"nodes.csv": text, "edges.csv": text}, columns in schema order."""
    nodes = [{"key": key, **data} for key, data in g.nodes(data=True)]
    edges = [{"source": u, "target": v, "key": k, **data} for u, v, k, data in g.edges(keys=True, data=True)]
    node_order = [p for table in S.NODE_PROPERTIES.values() for p in table]
    edge_order = [p for _, table in S.RELATIONSHIPS.values() for p in table]
    return {
        "nodes.csv": _table(_columns(["key", "label", "id"], nodes, node_order), nodes),
        "edges.csv": _table(_columns(["source", "target", "key", "type"], edges, edge_order), edges),
    }


def write(g: nx.MultiDiGraph, fmt: str, out: str | Path | None = None) -> str | None:
    """Write ``g`` as graphml, gexf or csv to ``out``; graphml/gexf text is returned without ``out``."""
    if fmt == "csv":
        if out is None:
            raise ValueError("csv: give an output directory or a .zip file (--out)")
        tables = csv_tables(g)
        out = Path(out)
        if out.suffix == ".zip":
            with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
                for name, text in tables.items():
                    z.writestr(name, text)
        else:
            out.mkdir(parents=True, exist_ok=True)
            for name, text in tables.items():
                (out / name).write_text(text, encoding="utf-8")
        return None
    if fmt == "graphml":
        lines = nx.generate_graphml(flat_graph(g))
    elif fmt == "gexf":
        lines = nx.generate_gexf(flat_graph(g, gexf=True))
    else:
        raise ValueError(f"{fmt}: not a network format (one of {', '.join(FORMATS)})")
    text = "\n".join(lines) + "\n"
    if out is None:
        return text
    Path(out).write_text(text, encoding="utf-8")
    return None
