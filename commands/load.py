"""``phoihop load``: a first load of a store from the Parquet tables (bulk, not per document)."""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Optional

import typer
from typing_extensions import Annotated

from phoihop.graph import schema as S
from phoihop.graph.store import StoreError

from ._output import Neo4jOpt, StoreOpt, fail, flag, opened, say
from .neo4j import InstanceOpt


def load(
    directory: Annotated[Path, typer.Argument(metavar="DIR", help="The tables written by 'phoihop extract "
                                              "--engine local|spark PATH --out DIR'.")],
    store: StoreOpt = None,
    neo4j: Neo4jOpt = False,
    neo4j_import: Annotated[bool, flag(
        "--neo4j-import", help="Into the bundled Neo4j ('phoihop neo4j start') with the offline importer "
        "(neo4j-admin database import full): stops it, replaces its database, starts it again.")] = False,
    instance: InstanceOpt = None,
) -> None:
    """Fill a new store from the Parquet tables of an extraction, then derive coordination.

    The embedded store reads the Parquet files itself (COPY … FROM), all in one
    transaction; with --neo4j the tables go over Bolt in large transactions. The
    store must hold no documents yet: later documents go through 'phoihop ingest'.
    The graph is the one 'phoihop ingest' gives for the same files (docs/scale.md).

    With --neo4j-import the bundled Neo4j is stopped, its database is written by
    neo4j-admin's offline importer (no transactions: the fast path for millions of
    relationships), and it is started again (on a new port: eval "$(phoihop neo4j env)")
    for the derivation.

    Example: phoihop extract --engine spark corpus/ --out tables/ && phoihop load tables/ --store ./phoihop-data

    Also: phoihop load tables/ --neo4j-import
    """
    if not directory.is_dir():
        fail(f"error: {directory}: no such directory (write the tables with "
             "'phoihop extract --engine local|spark PATH --out DIR')")
    if neo4j_import:
        _report(_import(directory, instance))
        return
    with opened(store, neo4j, create=True) as s:
        try:
            counts = s.load_tables(directory)
        except StoreError as e:
            fail(f"error: {e}")
    _report(counts)


def _import(directory: Path, instance: Optional[Path]) -> dict[str, int]:
    """The tables into the bundled Neo4j's database by ``neo4j-admin database import full``,
    then over Bolt what the importer does not do (``graph.neo4j_import``)."""
    from phoihop.graph import neo4j_import as NI
    from phoihop.graph import tables as T
    from phoihop.graph.neo4j_store import Neo4jStore
    from .neo4j import server_module

    srv = server_module()
    problems = T.check_tables(directory)
    if problems:
        fail(f"error: {problems[0]}")
    try:
        server = srv.start(instance, log=lambda m: say(m, stderr=True))   # its password exists from here on
        with Neo4jStore(server.uri, server.user, server.password) as s:
            if s.query(f"MATCH (d:{S.DOCUMENT}) RETURN count(d) AS n")[0]["n"]:
                fail(f"error: Neo4j at {server.uri} already holds documents: --neo4j-import replaces the database "
                     "of a first load only (add documents with 'phoihop ingest --neo4j')")
        with tempfile.TemporaryDirectory(prefix="phoihop-import-") as tmp:
            files = NI.import_files(directory, tmp)
            srv.stop(instance)
            say(srv.import_full(files.arguments(), instance), stderr=True)
        server = srv.start(instance, log=lambda m: say(m, stderr=True))
        with Neo4jStore(server.uri, server.user, server.password) as s:
            NI.finish(s, files)
            counts = s.counts()
    except (srv.ServerError, StoreError) as e:
        fail(f"error: {e}")
    say(f"Neo4j runs again at {server.uri} (a new port): eval \"$(phoihop neo4j env)\"", stderr=True)
    return counts


def _report(counts: dict[str, int]) -> None:
    nodes = ", ".join(f"{counts.get(label, 0)} {label}" for label in S.LABELS)
    rels = sum(counts.get(t, 0) for t in S.REL_TYPES if t not in S.DERIVED)
    derived = ", ".join(f"{counts.get(t, 0)} {t}" for t in sorted(S.DERIVED))
    say(f"loaded {nodes}; {rels} relationships; derived {derived}")


def register(app: typer.Typer) -> None:
    app.command()(load)
