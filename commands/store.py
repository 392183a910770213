"""``phoihop ingest``, ``remove``, ``stats``, ``cypher`` and ``repair``: fill the store, take a
document out, count it, ask it, mend it.

Every failure is one line on stderr and a non-zero exit: 1 for files or a
store that cannot be used, 2 for a refused (writing) Cypher query.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from typing_extensions import Annotated

from phoihop.graph import schema as S
from phoihop.graph.cypher_text import to_ladybug
from phoihop.graph.embedded_store import check_read_only
from phoihop.graph.store import QueryRefused, StoreError

from ._output import (CsvOpt, JsonOpt, MaxMbOpt, MaxSecondsOpt, Neo4jOpt, StoreOpt, check_format, clean, emit, err, fail, opened, out,
                      print_json, say)


def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories (hidden files are skipped).")],
    store: StoreOpt = None,
    neo4j: Neo4jOpt = False,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Extraction processes.")] = 1,
    max_mb: MaxMbOpt = 32,
    max_seconds: MaxSecondsOpt = 300,
) -> None:
    """Extract documents and write their graph to the store (re-ingesting replaces a document's part).

    A document is its content: the same text at two paths is one document listing both paths,
    an edited file replaces what it gave before (paths are stored absolute, symlinks followed).

    Example: phoihop ingest corpus/seeds --store ./phoihop-data --workers 2 --max-mb 64
    """
    from phoihop.graph.loader import IngestSummary, expand_paths, ingest_paths
    from phoihop.ingest.readers import Limits

    files, problems = expand_paths(paths)
    if not files:   # nothing to read: say why, and leave no empty store behind
        _report(IngestSummary(errors=problems))
    total = len(files)
    console = err()
    with opened(store, neo4j, create=True) as s:
        with Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      TextColumn("{task.description}", markup=False), console=console, transient=True,
                      disable=not console.is_terminal) as bar:
            task = bar.add_task("", total=total)

            def progress(done: int, _total: int, path: str) -> None:
                bar.update(task, completed=done, description=clean(Path(path).name))

            try:
                summary = ingest_paths(paths, s, on_progress=progress, workers=workers,
                                       limits=Limits.megabytes(max_mb, max_seconds))
            except StoreError as e:
                fail(f"error: {e}")
    _report(summary)


def _report(summary) -> None:
    """Warnings and errors one line each on stderr, the summary on stdout; exit 1 on any error."""
    for line in summary.warnings:
        say(f"warning: {line}", stderr=True)
    for line in summary.errors:
        say(line, stderr=True)
    say(f"ingested {summary.line()}")
    if summary.errors:
        raise typer.Exit(1)


def remove(
    documents: Annotated[list[str], typer.Argument(
        metavar="PATH|DOCUMENT-ID...", help="A document's path as it was ingested, or its id (content hash).")],
    store: StoreOpt = None,
    neo4j: Neo4jOpt = False,
) -> None:
    """Take documents out of the store: what each contributed goes, nothing else.

    Directives and agencies that other documents still use stay; the derived relationships of
    the pairs of agencies they touched are recomputed.

    Example: phoihop remove corpus/seeds/003_ab11a4f8cab28fa6.txt --store ./phoihop-data
    """
    missing = []
    with opened(store, neo4j) as s:
        for doc in documents:
            try:
                found = any(s.remove_document(key) for key in _document_keys(doc))
            except StoreError as e:
                fail(f"error: {e}")
            if found:
                out().print(f"removed {doc}", markup=False, highlight=False)
            else:
                missing.append(doc)
    for doc in missing:
        err().print(f"{doc}: no such document in the store (give the path it was ingested with, or its id)",
                    markup=False, highlight=False, soft_wrap=True)
    if missing:
        raise typer.Exit(1)


def _document_keys(doc: str) -> list[str]:
    """How a document may be named: as typed, as a normalised path, as an absolute path."""
    keys = [doc]
    p = Path(doc)
    for key in (str(p), str(p.resolve()) if p.exists() else None):
        if key and key not in keys:
            keys.append(key)
    return keys


def stats(
    store: StoreOpt = None,
    neo4j: Neo4jOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Count nodes by label and relationships by type (zeros included).

    Example: phoihop stats --store ./phoihop-data --json
    """
    with opened(store, neo4j, read_only=True) as s:
        try:
            counts = s.counts()
        except StoreError as e:
            fail(f"error: {e}")
    if as_json:
        print_json(counts)
        return
    table = Table(title="phoihop store")
    table.add_column("kind")
    table.add_column("name")
    table.add_column("count", justify="right")
    for label in S.LABELS:
        table.add_row("node", label, str(counts.get(label, 0)))
    for rel_type in S.REL_TYPES:
        table.add_row("relationship", rel_type, str(counts.get(rel_type, 0)))
    out().print(table)


def parse_param(text: str) -> tuple[str, Any]:
    """``k=v``: v as JSON when it parses (numbers, lists, true), else as a string."""
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise typer.BadParameter(f"{text!r}: expected NAME=VALUE", param_hint="--param")
    try:
        return key, json.loads(value)
    except ValueError:
        return key, value


def cypher(
    query: Annotated[str, typer.Argument(help="A read-only Cypher query; use $name for parameters.")],
    param: Annotated[Optional[list[str]], typer.Option(
        "--param", "-p", metavar="NAME=VALUE", help="Query parameter (JSON value, else string); repeatable.")] = None,
    store: StoreOpt = None,
    neo4j: Neo4jOpt = False,
    as_json: JsonOpt = False,
    as_csv: CsvOpt = False,
) -> None:
    """Run a read-only Cypher query against the store (writes and administration commands are refused, exit 2).

    On Neo4j the query runs in a READ session: the server refuses writes, and read
    procedures, CALL { … } subqueries, EXPLAIN and PROFILE work. On the embedded
    store (LadybugDB) Neo4j spellings such as type(r) are rewritten (label(r)), with a note.

    Example: phoihop cypher 'MATCH (a:Agency)-[:LEADS]->(o:Obligation) WHERE a.name = $n RETURN o.text' --param n="Sở Xây dựng thành phố Hà Nội"

    Also: phoihop cypher --neo4j 'CALL db.labels()'

    Also: phoihop cypher 'MATCH (:Agency)-[r]->(:Obligation) RETURN type(r) AS role, count(*) AS n'
    """
    check_format(as_json, as_csv)
    params = dict(parse_param(p) for p in param or [])
    if not neo4j:
        query, notes = to_ladybug(query)
        for note in notes:
            say(f"note: {note}", stderr=True)
        try:
            check_read_only(query)
        except StoreError as e:
            _query_failed(e)
    with opened(store, neo4j, read_only=True) as s:
        try:
            rows = s.query(query, params)
        except StoreError as e:
            _query_failed(e)
    emit(rows, [(c, c) for c in (rows[0] if rows else [])], as_json=as_json, as_csv=as_csv, empty="0 rows")


def _query_failed(e: StoreError) -> None:
    """A refused query (a write, an administration command) exits 2 (the query is wrong for
    this command); anything else exits 1."""
    if isinstance(e, QueryRefused):
        fail(f"refused: {e}", 2)
    fail(f"error: {e}")


def repair(
    store: StoreOpt = None,
    neo4j: Neo4jOpt = False,
) -> None:
    """Finish what a crash left undone: a pending checkpoint, derived relationships not rebuilt.

    Opening the embedded store for writing completes a checkpoint that a killed
    process left pending; then every derived relationship (coordination) is rebuilt
    from the stored obligations. Read commands do both by themselves when they can;
    this is the explicit way, and the one for Neo4j.

    Example: phoihop repair --store ./phoihop-data
    """
    with opened(store, neo4j) as s:
        try:
            s.rebuild_coordination()
            counts = s.counts()
        except StoreError as e:
            fail(f"error: {e}")
    derived = ", ".join(f"{counts.get(t, 0)} {t}" for t in sorted(S.DERIVED))
    say(f"repaired {getattr(s, 'dir', None) or getattr(s, 'uri', '')}: derived relationships rebuilt ({derived})")


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("remove")(remove)
    app.command("stats")(stats)
    app.command("cypher")(cypher)
    app.command("repair")(repair)
