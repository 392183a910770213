"""``phoihop load``: a first load of a store from the Parquet tables (bulk, not per document)."""
from __future__ import annotations

from pathlib import Path

import typer
from typing_extensions import Annotated

from phoihop.graph import schema as S
from phoihop.graph.store import StoreError

from ._output import Neo4jOpt, StoreOpt, fail, opened, say


def load(
    directory: Annotated[Path, typer.Argument(metavar="DIR", help="The tables written by 'phoihop extract "
                                              "--engine local|spark PATH --out DIR'.")],
    store: StoreOpt = None,
    neo4j: Neo4jOpt = False,
) -> None:
    """Fill a new store from the Parquet tables of an extraction, then derive coordination.

    The embedded store reads the Parquet files itself (COPY … FROM), all in one
    transaction; with --neo4j the tables go over Bolt in large transactions. The
    store must hold no documents yet: later documents go through 'phoihop ingest'.
    The graph is the one 'phoihop ingest' gives for the same files (docs/scale.md).

    Example: phoihop extract --engine spark corpus/ --out tables/ && phoihop load tables/ --store ./phoihop-data
    """
    if not directory.is_dir():
        fail(f"error: {directory}: no such directory (write the tables with "
             "'phoihop extract --engine local|spark PATH --out DIR')")
    with opened(store, neo4j, create=True) as s:
        try:
            counts = s.load_tables(directory)
        except StoreError as e:
            fail(f"error: {e}")
    _report(counts)


def _report(counts: dict[str, int]) -> None:
    nodes = ", ".join(f"{counts.get(label, 0)} {label}" for label in S.LABELS)
    rels = sum(counts.get(t, 0) for t in S.REL_TYPES if t not in S.DERIVED)
    derived = ", ".join(f"{counts.get(t, 0)} {t}" for t in sorted(S.DERIVED))
    say(f"loaded {nodes}; {rels} relationships; derived {derived}")


def register(app: typer.Typer) -> None:
    app.command()(load)
