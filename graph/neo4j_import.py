"""``phoihop load DIR --neo4j-import``: the Parquet tables (``graph.tables``) into a new Neo4j
database with the offline importer, ``neo4j-admin database import full``.

The importer reads CSV files with typed headers (``id:ID(Agency)``, ``:START_ID(Agency)``,
``year:long``, ``aliases:string[]``); ``import_files`` writes them from the tables. It writes the
store files directly, without transactions, so it is the path for a first load of millions
of relationships; the server is stopped meanwhile. What CSV cannot say (an empty list: the
importer reads an empty field as no property) and what the importer does not do (constraints,
indexes, the derived relationships) is done over Bolt afterwards (``finish``).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import schema as S
from . import tables as T

# Between the values of a list in one CSV field (the unit separator: never in a document's text).
ARRAY_DELIMITER = "\x1f"
_HEADER_TYPES = {S.STRING: "", S.INT: ":long", S.BOOL: ":boolean", S.STRINGS: ":string[]"}


@dataclass
class ImportFiles:
    """The importer's arguments, and the list properties to set to [] once the server runs."""

    nodes: list[tuple[str, Path]] = field(default_factory=list)
    relationships: list[tuple[str, Path]] = field(default_factory=list)
    empty_lists: dict[tuple[str, str], list[str]] = field(default_factory=dict)   # (label, prop) -> ids

    def arguments(self) -> list[str]:
        return ([f"--nodes={label}={path}" for label, path in self.nodes]
                + [f"--relationships={t}={path}" for t, path in self.relationships]
                + ["--multiline-fields=true", "--array-delimiter=U+001F", "--id-type=string"])


def _cell(value: Any, typ: str) -> Any:
    if value is None:
        return ""
    if typ == S.BOOL:
        return "true" if value else "false"
    if typ == S.STRINGS:
        return ARRAY_DELIMITER.join(value)
    return value


def _write_csv(path: Path, header: list[str], rows) -> int:
    n = 0
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        for row in rows:
            w.writerow(row)
            n += 1
    return n


def import_files(tables_dir: str | Path, out: str | Path) -> ImportFiles:
    """Write the importer's CSV files for the tables in ``tables_dir`` into ``out``."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    files = ImportFiles()
    for label, table in T.NODE_TABLES.items():
        props = S.NODE_PROPERTIES[label]
        header = [f"id:ID({label})" if p == "id" else f"{p}{_HEADER_TYPES[t]}" for p, t in props.items()]
        rows = T.read(tables_dir, table).to_pylist()
        for p, t in props.items():
            if t == S.STRINGS:
                ids = [r["id"] for r in rows if r[p] == []]
                if ids:
                    files.empty_lists[(label, p)] = ids
        path = out / f"{table}.csv"
        _write_csv(path, header, ([_cell(r[p], t) for p, t in props.items()] for r in rows))
        files.nodes.append((label, path))
    for key, t in T.REL_TABLES.items():
        rel_type, a, b = key
        props = S.RELATIONSHIPS[rel_type][1]
        header = [f":START_ID({a})", f":END_ID({b})", *(f"{p}{_HEADER_TYPES[typ]}" for p, typ in props.items())]
        rels = T.rels_of(tables_dir, key)
        path = out / f"{rel_type}-{a}-{b}.csv"
        if _write_csv(path, header, ([r.start, r.end, *(_cell(r.props.get(p), typ) for p, typ in props.items())]
                                     for r in rels)):
            files.relationships.append((rel_type, path))
    return files


def finish(store, files: ImportFiles, batch: int = 10_000) -> None:
    """After the import, over Bolt: the empty lists, the schema (constraints, indexes), the
    store's record that these documents are written, and the derived relationships."""
    store.finish_import(files.empty_lists, batch)
