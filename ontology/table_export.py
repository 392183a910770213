"""The property graph as typed tables for analysis: Parquet (one file per table) and Excel.

One table per node label (``Agency``, ``Directive``, …) and per relationship type
(``LEADS``, ``COORDINATES_WITH``, …). Node tables have the label's properties as
columns; relationship tables ``from_id`` and ``to_id`` (and ``from_label`` /
``to_label`` where a type joins several labels, as ABOUT does), then the type's
properties. Column types follow the schema (``graph.schema``): text, 64-bit
integers, booleans, dates, and lists of text as Arrow lists, so pandas, polars or
DuckDB read them typed. Properties a store holds beyond the schema are kept as text.

Parquet goes into a directory (``Agency.parquet`` …); Excel into one workbook with
a sheet per table, lists joined with "; " (spreadsheets have no list cells).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import networkx as nx
import pyarrow as pa

from phoihop.graph import schema as S

FORMATS = ("parquet", "xlsx")

_ARROW = {"STRING": pa.string(), "INT64": pa.int64(), "INT32": pa.int32(), "BOOLEAN": pa.bool_(),
          "DOUBLE": pa.float64(), "DATE": pa.date32(), "STRING[]": pa.list_(pa.string())}


def _arrow_type(schema_type: str) -> pa.DataType:
    return _ARROW.get(schema_type, pa.string())


def _value(value: Any, kind: pa.DataType) -> Any:
    """A model value in the column's type (ISO text to a date, a stray value to text)."""
    if value is None:
        return None
    if kind == pa.date32():
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value)[:10])
        except ValueError:
            return None
    if pa.types.is_list(kind):
        return [str(v) for v in value] if isinstance(value, (list, tuple, set)) else [str(value)]
    if kind == pa.string() and not isinstance(value, str):
        return str(value)
    if hasattr(value, "to_native"):  # a Neo4j temporal value
        return value.to_native()
    return value


def _table(rows: list[dict[str, Any]], types: dict[str, pa.DataType]) -> pa.Table:
    extra = sorted({k for r in rows for k in r} - set(types))
    types = {**types, **{k: pa.string() for k in extra}}
    return pa.table({c: pa.array([_value(r.get(c), t) for r in rows], type=t) for c, t in types.items()})


def tables(g: nx.MultiDiGraph) -> dict[str, pa.Table]:
    """{table name: typed Arrow table} for every label and relationship type of the schema."""
    out: dict[str, pa.Table] = {}
    for label, props in S.NODE_PROPERTIES.items():
        rows = [{k: v for k, v in d.items() if k != "label"} for _, d in sorted(g.nodes(data=True))
                if d.get("label") == label]
        out[label] = _table(rows, {k: _arrow_type(t) for k, t in props.items()})
    for rel_type, (ends, props) in S.RELATIONSHIPS.items():
        if rel_type in S.SUMMARIES:
            continue
        several = len(ends) > 1
        rows = []
        for u, v, d in sorted(g.edges(data=True), key=lambda e: (e[0], e[1], str(sorted(e[2].items())))):
            if d.get("type") != rel_type:
                continue
            (fl, fid), (tl, tid) = u.split(":", 1), v.split(":", 1)
            ends_ = {"from_label": fl, "from_id": fid, "to_label": tl, "to_id": tid} if several else \
                {"from_id": fid, "to_id": tid}
            rows.append({**ends_, **{k: x for k, x in d.items() if k != "type"}})
        head = {"from_label": pa.string(), "from_id": pa.string(), "to_label": pa.string(), "to_id": pa.string()} \
            if several else {"from_id": pa.string(), "to_id": pa.string()}
        out[rel_type] = _table(rows, {**head, **{k: _arrow_type(t) for k, t in props.items()}})
    return out


def write_parquet(g: nx.MultiDiGraph, out: str | Path) -> list[Path]:
    """One ``<table>.parquet`` per table in directory ``out`` (made if missing)."""
    import pyarrow.parquet as pq

    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, t in tables(g).items():
        path = folder / f"{name}.parquet"
        pq.write_table(t, path)
        written.append(path)
    return written


def write_xlsx(g: nx.MultiDiGraph, out: str | Path) -> Path:
    """One workbook, a sheet per table (header row, lists joined with '; ')."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    def cell(v: Any) -> Any:
        if isinstance(v, list):
            v = "; ".join(v)
        return ILLEGAL_CHARACTERS_RE.sub(" ", v) if isinstance(v, str) else v

    wb = Workbook(write_only=True)
    for name, t in tables(g).items():
        ws = wb.create_sheet(name[:31])
        ws.append(t.column_names)
        for row in t.to_pylist():
            ws.append([cell(v) for v in row.values()])
    wb.save(out)
    return Path(out)


def write(g: nx.MultiDiGraph, fmt: str, out: str | Path) -> None:
    if fmt == "parquet":
        write_parquet(g, out)
    elif fmt == "xlsx":
        write_xlsx(g, out)
    else:
        raise ValueError(f"{fmt}: not a table format (one of {', '.join(FORMATS)})")
