"""What every read command shares: store options, one-line errors, and printing rows.

Rows (lists of dicts) go out as a rich table for people, or with ``--json``
(a JSON list or object, UTF-8 as is) or ``--csv`` (a header, lists joined
with "; ") for machines. The leading underscore keeps ``cli.py`` from loading
this module as a command module; any command module may import it.

Text that comes from documents (names, quotes, paths, whatever a query
returns) is data, never terminal markup: it reaches Rich as ``Text`` (so
``[/]`` or ``[link=…]`` print as written) and passes ``clean`` first, which
shows control characters (escape sequences, clear screen, window titles,
bidirectional overrides) as visible symbols instead of sending them to the
terminal. JSON keeps every character, escaped (``\u001b``).
"""
from __future__ import annotations

import csv
import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Sequence

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from phoihop.graph.store import Store, StoreError, open_store

from ._options import (  # noqa: F401  (the shared options, re-exported for the command modules)
    CoAssignedOpt, CsvOpt, IssuerOpt, JsonOpt, KindOpt, LevelOpt, MaxMbOpt, MaxSecondsOpt, Neo4jOpt, ParquetOpt,
    ProvinceOpt, RowsOpt, SinceOpt, StoreOpt, TopicOpt, UntilOpt, flag)
from ._text import clean, safe_json


def plain(value: Any, style: str = "") -> Text:
    """A value as Rich text that is never read as markup (``[/]``, ``[link=…]``), cleaned."""
    return Text(clean(cell(value)), style=style)


def out() -> Console:
    """Standard output, made per use so that its width follows $COLUMNS at that moment."""
    return Console()


def err() -> Console:
    return Console(stderr=True)


def fail(message: str, code: int = 1) -> None:
    """One line on stderr, then exit non-zero."""
    err().print(clean(message), markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def say(message: str, stderr: bool = False) -> None:
    """One line of text (document text allowed: cleaned, never markup)."""
    (err() if stderr else out()).print(clean(message), markup=False, highlight=False, soft_wrap=True)


@contextmanager
def opened(store: str | None, neo4j: bool, **kw: Any) -> Iterator[Store]:
    """The chosen store, or one clear line and exit 1 when it cannot be opened."""
    try:
        s = open_store(store, neo4j=neo4j, **kw)
    except StoreError as e:
        fail(f"error: {e}")
    for note in getattr(s, "notes", ()):
        say(note, stderr=True)
    try:
        yield s
    finally:
        s.close()


def check_format(as_json: bool, as_csv: bool, parquet: Path | None = None) -> None:
    if as_json + as_csv + (parquet is not None) > 1:
        fail("error: choose one of " + ("--json, --csv and --parquet" if parquet is not None else "--json and --csv"), 2)


def cell(value: Any) -> str:
    """A value as text: lists joined with '; ', a partner as 'name (role)', None as ''."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return "; ".join(cell(v) for v in value)
    if isinstance(value, dict) and set(value) == {"agency", "role"}:
        return f"{value['agency']} ({value['role']})"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.4f}"
    if isinstance(value, int):
        return str(value)
    return json.dumps(value, ensure_ascii=False, default=str)


def print_json(data: Any) -> None:
    print(safe_json(json.dumps(data, ensure_ascii=False, indent=2, default=str)))


def print_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> None:
    columns = list(columns or (rows[0] if rows else []))
    if not columns:
        return
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow([clean(c) for c in columns])
    for r in rows:
        w.writerow([clean(cell(r.get(c))) for c in columns])


def write_parquet(rows: Sequence[dict[str, Any]], path: Path) -> None:
    """``rows`` (every field) as one Parquet table: columns typed from the values (numbers,
    text, dates, lists of text as lists); a column that is empty throughout is text."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(list(rows)) if rows else pa.table({})
    table = table.cast(pa.schema([pa.field(f.name, pa.string() if pa.types.is_null(f.type) else f.type)
                                  for f in table.schema]))
    try:
        pq.write_table(table, str(path))
    except OSError as e:
        fail(f"error: {path}: {e}")


def table(rows: Sequence[dict[str, Any]], columns: Sequence[tuple[str, str]], title: str | None = None,
          caption: str | None = None) -> Table:
    """A rich table of ``rows`` with ``columns`` as (key, header) pairs."""
    t = Table(title=plain(title) if title else None, caption=plain(caption) if caption else None,
              show_lines=True, title_justify="left", caption_justify="left")
    for _, header in columns:
        t.add_column(plain(header), overflow="fold")
    for r in rows:
        t.add_row(*(plain(r.get(key)) for key, _ in columns))
    return t


def emit(rows: Sequence[dict[str, Any]], columns: Sequence[tuple[str, str]], *, as_json: bool = False,
         as_csv: bool = False, title: str | None = None, empty: str = "nothing found") -> None:
    """Print ``rows``: JSON (all fields), CSV (all fields) or a table of ``columns``."""
    if as_json:
        print_json(list(rows))
    elif as_csv:
        print_csv(rows)
    elif not rows:
        say(empty)
    else:
        out().print(table(rows, columns, title=title))
        out().print(f"{len(rows)} row{'' if len(rows) == 1 else 's'}", markup=False, highlight=False)
