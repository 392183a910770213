"""The graph model as Parquet tables: what a fresh ``phoihop ingest`` of the same files stores,
one table per kind of node and of relationship, readable without any graph database.

The tables are the product of one extraction job (``phoihop extract --engine local|spark``)
and the input of the bulk loaders (``phoihop load``). Their columns are documented in
``docs/scale.md``; ids are those of ``graph.model`` (the same as ``phoihop ingest`` gives).

Building them is a few steps, each a pure function over a group of rows, so that the
single-machine path (``TableStream``, which writes as the documents come) and the Spark job
(``graph.spark_job``) run the same code:

1. ``rank``: every document graph gets its place in the ingest order (files sorted as
   ``graph.loader.expand_paths`` lists them) and the batch ``phoihop ingest`` would write it in;
2. ``settle``: copies of one content become one document listing every path (``model.place``);
3. ``merge_shared``: agencies and topics, merged by id in ingest order (``model.combine_nodes``:
   later values win, aliases are united);
4. ``resolve_directives``: directives of one number key, folded batch by batch as the
   stores do (official texts outrank reports, citation stubs fill in or join the directive
   they name: ``model.merge_reports``, ``model.absorbing_directive``, ``model.named_directive``);
5. ``rel_row``/``moved``: every relationship, its stub ends replaced by the directive they joined.

Steps 2–4 gather what many documents say about one key. Each gathers into a merge state
(``copy_state``/``merge_copies``, ``shared_state``/``merge_shared_states``,
``directive_state``/``merge_directive_states``) whose merge is associative and commutative:
every value carries its place in ingest order, so states merge in any grouping and any order
and still give what the documents folded one after another give. Spark merges them on both
sides of a shuffle (``reduceByKey``: each task sends one state per key, never the list of
every document naming a province's People's Committee); the stream folds them as they come.

The derived relationships (coordination) are not in the tables: ``phoihop load`` derives them
in the store (``graph.derive``) once the tables are in.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial, reduce
from pathlib import Path
from typing import Any, Iterable, Iterator

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from . import schema as S
from .loader import BATCH
from .model import DocumentGraph, Node, Rel, combine_nodes, merge_reports, named_directive, place, absorbing_directive

# Node tables: one row per node, the schema's properties as columns (in the schema's order).
NODE_TABLES = {S.DOCUMENT: "documents", S.DIRECTIVE: "directives", S.AGENCY: "agencies",
               S.OBLIGATION: "obligations", S.TOPIC: "topics"}


@dataclass(frozen=True)
class RelTable:
    """Where one relationship type (between two labels) goes: ``table``, the columns of its
    start and end ids, and ``tag``: (column, value) telling the types of a shared table apart."""

    table: str
    start: str
    end: str
    tag: tuple[str, str] | None = None


# Relationship tables: (type, start label, end label) -> table. Every row keeps the
# relationship's properties, ``doc`` (the document it came from) among them.
REL_TABLES: dict[tuple[str, str, str], RelTable] = {
    (S.LEADS, S.AGENCY, S.OBLIGATION): RelTable("roles", "agency", "obligation", ("role", "lead")),
    (S.SUPPORTS, S.AGENCY, S.OBLIGATION): RelTable("roles", "agency", "obligation", ("role", "support")),
    (S.REPORTS_TO, S.OBLIGATION, S.AGENCY): RelTable("roles", "obligation", "agency", ("role", "reports_to")),
    (S.CITES, S.DIRECTIVE, S.DIRECTIVE): RelTable("citations", "source", "target"),
    (S.ADDRESSED_TO, S.DIRECTIVE, S.AGENCY): RelTable("recipients", "directive", "agency", ("kind", "addressed")),
    (S.COPIED_TO, S.DIRECTIVE, S.AGENCY): RelTable("recipients", "directive", "agency", ("kind", "copied")),
    (S.ISSUED, S.AGENCY, S.DIRECTIVE): RelTable("issued", "agency", "directive"),
    (S.IMPOSES, S.DIRECTIVE, S.OBLIGATION): RelTable("imposes", "directive", "obligation"),
    (S.EVIDENCED_BY, S.OBLIGATION, S.DOCUMENT): RelTable("evidence", "obligation", "document"),
    (S.REPORTED_IN, S.DIRECTIVE, S.DOCUMENT): RelTable("reported_in", "directive", "document"),
    (S.PART_OF, S.AGENCY, S.AGENCY): RelTable("part_of", "agency", "parent"),
    (S.ABOUT, S.OBLIGATION, S.TOPIC): RelTable("obligation_topics", "obligation", "topic"),
    (S.ABOUT, S.DIRECTIVE, S.TOPIC): RelTable("directive_topics", "directive", "topic"),
}

ERRORS = "errors"   # files that gave nothing: path, reason


def _columns() -> dict[str, dict[str, str]]:
    """table -> {column: schema type}, in the order the tables are written."""
    out: dict[str, dict[str, str]] = {name: dict(S.NODE_PROPERTIES[label]) for label, name in NODE_TABLES.items()}
    for (rel_type, _, _), t in REL_TABLES.items():
        cols = out.setdefault(t.table, {t.start: S.STRING, t.end: S.STRING})
        if t.tag:
            cols[t.tag[0]] = S.STRING
        for p, typ in S.RELATIONSHIPS[rel_type][1].items():
            cols.setdefault(p, typ)
    out[ERRORS] = {"path": S.STRING, "reason": S.STRING}
    return out


COLUMNS = _columns()
TABLES = tuple(COLUMNS)

_ARROW = {S.STRING: pa.string(), S.INT: pa.int64(), S.BOOL: pa.bool_(), S.STRINGS: pa.list_(pa.string())}


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([pa.field(c, _ARROW[t]) for c, t in COLUMNS[table].items()])


# ---------------------------------------------------------------- the steps (pure functions)

Ranked = tuple[int, int, DocumentGraph]   # (position in ingest order, batch, graph)


def batch_of(position: int) -> int:
    """The transaction ``phoihop ingest`` writes the document at ``position`` in (``loader.BATCH``)."""
    return position // BATCH


Copies = tuple[int, int, DocumentGraph, frozenset]   # (position, batch, latest copy, every path)


def copy_state(ranked: Ranked) -> Copies:
    """One copy of a content as a merge state of ``settle``."""
    position, batch, g = ranked
    return position, batch, g, frozenset([g.path])


def merge_copies(a: Copies, b: Copies) -> Copies:
    """Two merge states of one content: the later copy (in ingest order) and both's paths."""
    later = a if a[0] > b[0] else b
    return later[0], later[1], later[2], a[3] | b[3]


def settled(state: Copies) -> Ranked:
    """The document of a merge state: the latest copy's place and path, listing every path
    (``model.place`` on an empty store, the paths read before it as empty graphs)."""
    position, batch, g, paths = state
    before = [DocumentGraph(g.document_id, p, [], []) for p in sorted(paths - {g.path})]
    return position, batch, place(before + [g], {}).graphs[0]


def settle(copies: Iterable[Ranked]) -> Ranked:
    """Copies of one content (one document id) as one document: the last copy's place and
    path, every copy's path."""
    return settled(reduce(merge_copies, map(copy_state, copies)))


def node_row(label: str, props: dict[str, Any]) -> dict[str, Any]:
    return {p: props.get(p) for p in S.NODE_PROPERTIES[label]}


Shared = dict[str, Any]   # property -> (position, value) of the latest version setting it; lists as they are


def shared_state(label: str, position: int, props: dict[str, Any]) -> Shared:
    """One document's version (at ``position`` in ingest order) of an agency or topic as a
    merge state: each set value stamped with the position, lists (aliases) as they are."""
    lists = _lists(label)
    return {p: (props.get(p) if p in lists else (position, props[p]))
            for p in S.NODE_PROPERTIES[label] if p in lists or props.get(p) is not None}


def merge_shared_states(label: str, a: Shared, b: Shared) -> Shared:
    """Two merge states of one agency (or topic), associative and commutative: each value the
    one of the latest version that set it, lists the sorted union once two versions meet
    (``model.combine_nodes`` folded in ingest order, whatever the grouping)."""
    lists = _lists(label)
    out = {}
    for p in S.NODE_PROPERTIES[label]:
        x, y = a.get(p), b.get(p)
        if p in lists:
            out[p] = sorted(set(x or []) | set(y or []))
        elif x is None or y is None:
            if x is not None or y is not None:
                out[p] = x if y is None else y
        else:
            out[p] = x if x[0] > y[0] else y
    return out


def shared_row(label: str, state: Shared) -> dict[str, Any]:
    """The table row of a merge state."""
    lists = _lists(label)
    return {p: (state.get(p) if p in lists else state.get(p, (None, None))[1]) for p in S.NODE_PROPERTIES[label]}


def merge_shared(label: str, versions: Iterable[tuple[int, dict[str, Any]]]) -> dict[str, Any]:
    """One agency (or topic) from every document's (position, props) version of it."""
    return shared_row(label, reduce(partial(merge_shared_states, label),
                                    (shared_state(label, i, props) for i, props in versions)))


def _lists(label: str) -> frozenset[str]:
    return _LISTS[label]


_LISTS = {label: frozenset(p for p, t in props.items() if t == S.STRINGS) for label, props in S.NODE_PROPERTIES.items()}


def directive_key(props: dict[str, Any]) -> str:
    """The group a directive is resolved in: its number key (a citation stub can only name
    a directive of the same number), else its id."""
    return props.get("number_key") or f"id:{props['id']}"


# Directive properties a citation stub may give (never overwrite): those of its MERGE.
_DESCRIPTIVE = ("number", "number_key", "type", "date", "year", "issuer", "subject", "signer")


# The directive versions of one number key, batch by batch (the order the stores write them in):
# batch -> (full versions as (position, order in its document, props),
#           stubs by id as (first position, property -> (position, value) of the first setting it)).
Directives = dict[int, tuple[list[tuple[int, int, dict[str, Any]]], dict[str, tuple[int, dict[str, tuple]]]]]


def directive_state(position: int, batch: int, props: dict[str, Any], order: int = 0) -> Directives:
    """One document's version of a directive (``order``: its place among that document's nodes)
    as a merge state: a full directive kept whole, a citation stub with its values stamped."""
    if props.get("stub"):
        stamped = {p: (position, props[p]) for p in S.NODE_PROPERTIES[S.DIRECTIVE] if props.get(p) is not None}
        return {batch: ([], {props["id"]: (position, stamped)})}
    return {batch: ([(position, order, dict(props))], {})}


def merge_directive_states(a: Directives, b: Directives) -> Directives:
    """Two merge states of one number key, associative and commutative: per batch, the full
    versions of both, and each stub id's values the first set in ingest order (how the stubs of
    a batch fill one another: ``model.combine_nodes(fill_only=True)``)."""
    out = dict(a)
    for batch, (fulls, stubs) in b.items():
        if batch not in out:
            out[batch] = fulls, stubs
            continue
        have_fulls, have_stubs = out[batch]
        merged = dict(have_stubs)
        for i, stub in stubs.items():
            merged[i] = _first_values(merged[i], stub) if i in merged else stub
        out[batch] = have_fulls + fulls, merged
    return out


def _first_values(a: tuple[int, dict], b: tuple[int, dict]) -> tuple[int, dict]:
    """One stub's two merge states: its first position, each value the earliest set."""
    values = dict(a[1])
    for p, v in b[1].items():
        if p not in values or v[0] < values[p][0]:
            values[p] = v
    return min(a[0], b[0]), values


def resolve_directives(state: Directives) -> tuple[list[dict], dict[str, str]]:
    """Directives of one number key from their merge state, folded batch by batch as the
    stores write them: a batch's full directives first (``merge_reports``, in ingest order), which
    absorb the stubs stored before that name them (the first in batch order); then its stubs,
    each joining the one full directive it names, or kept (filled, never overwritten) when it
    names none or several. Returns the directive rows and stub id -> directive id."""
    stored: dict[str, dict[str, Any]] = {}
    alias: dict[str, str] = {}
    for b in sorted(state):
        versions, stubs = state[b]
        fulls = combine_nodes(S.DIRECTIVE, [Node(S.DIRECTIVE, p["id"], p)
                                            for _, _, p in sorted(versions, key=lambda v: v[:2])])
        for n in fulls:
            stored[n.id] = merge_reports(stored[n.id], n.props) if n.id in stored else dict(n.props)
        _absorb(stored, alias, [n.id for n in fulls])
        full_ids = {n.id for n in fulls}
        for i, (_, values) in sorted(stubs.items(), key=lambda kv: kv[1][0]):
            if i not in full_ids:
                _place_stub(stored, alias, {p: v for p, (_, v) in values.items()})
    return [node_row(S.DIRECTIVE, p) for p in stored.values()], alias


def _is_full(props: dict[str, Any]) -> bool:
    return props.get("stub") is False or props.get("stub") is None


def _absorb(stored: dict[str, dict], alias: dict[str, str], fulls: list[str]) -> None:
    """Stored stubs naming a directive just written merge into it (the first that matches):
    they fill what it lacks, their relationships move to it."""
    stubs = [i for i, p in stored.items() if not _is_full(p)]
    for s in stubs:
        target = absorbing_directive(s, fulls)
        if target:
            for p in _DESCRIPTIVE:
                if stored[target].get(p) is None:
                    stored[target][p] = stored[s].get(p)
            del stored[s]
            alias[s] = target   # aliases only ever name full directives, which stay


def _place_stub(stored: dict[str, dict], alias: dict[str, str], props: dict[str, Any]) -> None:
    """A cited directive: the full directive of that id stays as it is; a new stub with
    unknown parts joins the one full directive it names; else a stub node (filled in)."""
    i = props["id"]
    if i in stored and _is_full(stored[i]):
        return
    if i not in stored and "_" in i.split("|"):
        named = named_directive(i, (f for f, p in stored.items() if _is_full(p)))
        if named:
            alias[i] = named
            return
    row = stored.setdefault(i, {"id": i})
    for p in _DESCRIPTIVE:
        if row.get(p) is None:
            row[p] = props.get(p)
    row["stub"], row["doc"] = True, None


def rel_row(r: Rel, alias: dict[str, str] | None = None) -> tuple[str, dict[str, Any]] | None:
    """(table, row) of one relationship, its directive ends through ``alias``; None for a
    citation that became a citation of itself (``model.group_rels``)."""
    t = REL_TABLES[(r.type, r.start_label, r.end_label)]
    row = {c: None for c in COLUMNS[t.table]}
    row.update({p: r.props.get(p) for p in S.RELATIONSHIPS[r.type][1]})
    row[t.start], row[t.end] = r.start, r.end
    if t.tag:
        row[t.tag[0]] = t.tag[1]
    row = moved(t.table, row, alias or {})
    return None if row is None else (t.table, row)


def _directive_ends() -> dict[str, tuple[str, ...]]:
    """table -> its columns holding a directive id (the same for every type a table holds)."""
    out: dict[str, list[str]] = {}
    for (_, a, b), t in REL_TABLES.items():
        cols = out.setdefault(t.table, [])
        cols.extend(c for label, c in ((a, t.start), (b, t.end)) if label == S.DIRECTIVE and c not in cols)
    return {table: tuple(cols) for table, cols in out.items() if cols}


DIRECTIVE_ENDS = _directive_ends()
CITES = REL_TABLES[(S.CITES, S.DIRECTIVE, S.DIRECTIVE)]


def moved(table: str, row: dict[str, Any], alias: dict[str, str]) -> dict[str, Any] | None:
    """A row of a relationship table with its directive ends through ``alias`` (a citation stub
    -> the directive it joined); None for a citation that became a citation of itself."""
    for c in DIRECTIVE_ENDS.get(table, ()):
        row[c] = alias.get(row[c], row[c])
    if table == CITES.table and row[CITES.start] == row[CITES.end]:
        return None
    return row


def error_row(path: str, message: str) -> dict[str, str]:
    """An errors row: the file and why it gave nothing (the message without its path prefix)."""
    prefix = f"{path}: "
    return {"path": path, "reason": message[len(prefix):] if message.startswith(prefix) else message}


# ---------------------------------------------------------------- on one machine, streamed

PART_ROWS = 100_000   # rows of one table held (as Arrow) before they are written as a part file
_CHUNK = 4_096        # rows held as dicts before they become Arrow


class PartWriter:
    """One table written as Parquet part files (``OUT/<table>/part-00000.parquet``, …) as its
    rows come: at most ``part_rows`` rows (plus one chunk) are held, as Arrow.

    A table is a directory of Parquet files, as Spark writes it, so that every reader
    (pandas, DuckDB, Spark, ``phoihop load``) reads both the same way."""

    def __init__(self, out_dir: Path, table: str, part_rows: int = PART_ROWS) -> None:
        self.table, self.part_rows = table, part_rows
        self.dir = out_dir / table
        self.dir.mkdir(parents=True, exist_ok=True)
        for old in self.dir.glob("*.parquet"):
            old.unlink()
        self.schema = arrow_schema(table)
        self.rows: list[dict[str, Any]] = []
        self.held: list[pa.Table] = []
        self.held_rows = 0
        self.files: list[Path] = []
        self.count = 0

    def add(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        if len(self.rows) >= min(_CHUNK, self.part_rows):
            self._seal()

    def _seal(self) -> None:
        """The dict rows as one Arrow chunk; a part file once enough rows are held."""
        if self.rows:
            chunk = pa.Table.from_pylist(self.rows, schema=self.schema)
            self.rows = []
            self.held.append(chunk)
            self.held_rows += chunk.num_rows
        if self.held_rows >= self.part_rows:
            self._write_part()

    def _write_part(self) -> None:
        path = self.dir / f"part-{len(self.files):05d}.parquet"
        pq.write_table(pa.concat_tables(self.held) if self.held else self.schema.empty_table(), path)
        self.files.append(path)
        self.count += self.held_rows
        self.held, self.held_rows = [], 0

    def close(self) -> None:
        """Write what is held (an empty part for an empty table)."""
        self._seal()
        if self.held or not self.files:
            self._write_part()

    def move_ends(self, alias: dict[str, str]) -> None:
        """Rewrite the part files holding a directive end that ``alias`` moves (``moved``); only
        those rows change, the others are copied as they are."""
        if not alias or self.table not in DIRECTIVE_ENDS:
            return
        stubs = pa.array(list(alias), pa.string())
        for path in self.files:
            data = pq.read_table(path, schema=self.schema)
            hit = None
            for c in DIRECTIVE_ENDS[self.table]:
                found = pc.fill_null(pc.is_in(data[c], value_set=stubs), False)
                hit = found if hit is None else pc.or_(hit, found)
            if not pc.any(hit).as_py():
                continue
            rows = [r for r in (moved(self.table, row, alias) for row in data.filter(hit).to_pylist()) if r]
            fixed = pa.concat_tables([data.filter(pc.invert(hit)), pa.Table.from_pylist(rows, schema=self.schema)])
            tmp = path.with_suffix(".tmp")
            pq.write_table(fixed, tmp)
            tmp.replace(path)
            self.count -= data.num_rows - fixed.num_rows


@dataclass
class _Document:
    """What the stream keeps of one content: its place in ingest order (that of its last copy),
    every path it was read at, and its ``documents`` row (the last copy's)."""

    position: int
    batch: int
    paths: list[str]
    row: dict[str, Any]


_DIRECTIVE_COLUMNS = tuple(S.NODE_PROPERTIES[S.DIRECTIVE])


class TableStream:
    """The tables built as documents' graphs come in ingest order, written as they go.

    Memory follows the part size and the merge state of the shared nodes, not the number of
    documents: a document's own nodes (obligations) and its relationships become rows at once;
    what is kept is the copy map (``_Document``: one row per content, the ``documents`` table),
    agencies and topics merged so far (``merge_shared_states``), and every directive version in a
    compact form (resolved per number key at the end: ``resolve_directives``). At the end the
    shared tables are written, and the relationship rows whose directive end a citation stub
    that joined a directive are moved (``PartWriter.move_ends``).

    A copy of a content already read (same document id) settles as ``settle`` says: the
    document takes the copy's place; its rows are those already written (the graph of a text
    is the same whatever its path), its documents row and its agencies and topics are taken
    again from the copy."""

    def __init__(self, out_dir: str | Path, part_rows: int = PART_ROWS) -> None:
        out = Path(out_dir)
        self.writers = {t: PartWriter(out, t, part_rows) for t in TABLES}
        self.documents: dict[str, _Document] = {}
        self.shared: dict[tuple[str, str], Shared] = {}
        self.directives: dict[str, list[tuple[_Document, int, tuple]]] = {}
        self.position = 0
        self._seen = 0   # directive versions, in the order they come

    def add(self, g: DocumentGraph) -> None:
        """The next document of the ingest order."""
        position, self.position = self.position, self.position + 1
        doc = self.documents.get(g.document_id)
        if doc is None:
            doc = self.documents[g.document_id] = _Document(position, batch_of(position), [], {})
            self._own(g, doc)
        before = [DocumentGraph(g.document_id, p, [], []) for p in doc.paths]
        settled = settle([(i, 0, c) for i, c in enumerate(before)] + [(len(before), 0, g)])[2]
        doc.position, doc.batch = position, batch_of(position)
        doc.paths.append(g.path)
        for n in settled.nodes:
            if n.label == S.DOCUMENT:
                doc.row = node_row(S.DOCUMENT, n.props)
            elif n.label in (S.AGENCY, S.TOPIC):
                self._share(n.label, position, n.props)

    def _share(self, label: str, position: int, props: dict[str, Any]) -> None:
        """Fold one document's version of an agency or topic into its merge state."""
        version, key = shared_state(label, position, props), (label, props["id"])
        have = self.shared.get(key)
        self.shared[key] = version if have is None else merge_shared_states(label, have, version)

    def _own(self, g: DocumentGraph, doc: _Document) -> None:
        """A new content's rows: its obligations and relationships written, its directives kept."""
        for n in g.nodes:
            if n.label == S.DIRECTIVE:
                self._seen += 1
                props = tuple(n.props.get(c) for c in _DIRECTIVE_COLUMNS)
                self.directives.setdefault(directive_key(n.props), []).append((doc, self._seen, props))
            elif n.label not in (S.DOCUMENT, S.AGENCY, S.TOPIC):
                self.writers[NODE_TABLES[n.label]].add(node_row(n.label, n.props))
        for r in g.rels:
            got = rel_row(r)
            if got:
                self.writers[got[0]].add(got[1])

    def _resolved(self) -> Iterator[tuple[list[dict], dict[str, str]]]:
        """``resolve_directives`` on each number key, keys in the order of their first version
        in ingest order (the documents at their settled places)."""
        def first(versions: list) -> tuple[int, int]:
            return min((doc.position, seen) for doc, seen, _ in versions)

        for _, versions in sorted(self.directives.items(), key=lambda kv: first(kv[1])):
            yield resolve_directives(reduce(merge_directive_states, (
                directive_state(doc.position, doc.batch, dict(zip(_DIRECTIVE_COLUMNS, props)), seen)
                for doc, seen, props in versions)))

    def finish(self, errors: Iterable[dict[str, str]] = ()) -> dict[str, int]:
        """Write the shared tables, move the relationship ends of the stubs that joined a
        directive, and return the rows per table."""
        w = self.writers
        for doc in sorted(self.documents.values(), key=lambda d: d.position):
            w[NODE_TABLES[S.DOCUMENT]].add(doc.row)
        for (label, _), state in self.shared.items():
            w[NODE_TABLES[label]].add(shared_row(label, state))
        alias: dict[str, str] = {}
        for rows, found in self._resolved():
            for row in rows:
                w[NODE_TABLES[S.DIRECTIVE]].add(row)
            alias.update(found)
        for row in errors:
            w[ERRORS].add(row)
        for writer in w.values():
            writer.close()
            writer.move_ends(alias)
        return {t: w[t].count for t in TABLES}


def extract_tables(paths: Iterable[str | Path], out_dir: str | Path, workers: int = 1,
                   limits=None, part_rows: int = PART_ROWS) -> dict[str, int]:
    """Extract every file under ``paths`` on this machine and write the tables as it goes
    (``TableStream``); returns rows per table."""
    from phoihop.ingest.readers import DEFAULT_LIMITS
    from .loader import _extractions, expand_paths

    files, problems = expand_paths(paths)
    errors = [error_row(_problem_path(p), p) for p in problems]
    stream = TableStream(out_dir, part_rows)
    for path, graph, error in _extractions(files, workers, limits or DEFAULT_LIMITS):
        if error:
            errors.append(error_row(path, error))
        else:
            stream.add(graph)
    return stream.finish(errors)


def read(out_dir: str | Path, table: str) -> pa.Table:
    """One table (every Parquet file of its directory) as an Arrow table."""
    files = parquet_files(out_dir, table)
    if not files:
        return arrow_schema(table).empty_table()
    return pa.concat_tables([pq.read_table(f, schema=arrow_schema(table)) for f in files])


def parquet_files(out_dir: str | Path, table: str) -> list[Path]:
    return sorted((Path(out_dir) / table).glob("*.parquet"))


def check_tables(out_dir: str | Path) -> list[str]:
    """Why ``out_dir`` does not hold the tables (an empty list: it does)."""
    missing = [t for t in TABLES if t != ERRORS and not (Path(out_dir) / t).is_dir()]
    return [f"{out_dir}: no table {t} (write the tables with 'phoihop extract --engine local|spark PATH --out DIR')"
            for t in missing[:1]]


def _problem_path(line: str) -> str:
    """The path an ``expand_paths`` line is about (the text before its first ': ')."""
    return line.split(": ", 1)[0]


def iter_rows(table: pa.Table) -> Iterator[dict[str, Any]]:
    yield from table.to_pylist()


# ---------------------------------------------------------------- reading back as the model

def nodes_of(out_dir: str | Path, label: str) -> Iterator[Node]:
    """The nodes of one label from its table (properties that are set)."""
    for row in read(out_dir, NODE_TABLES[label]).to_pylist():
        yield Node(label, row["id"], {k: v for k, v in row.items() if v is not None})


def rels_of(out_dir: str | Path, key: tuple[str, str, str]) -> Iterator[Rel]:
    """The relationships of one (type, start label, end label) from their table."""
    rel_type, a, b = key
    t = REL_TABLES[key]
    names = S.RELATIONSHIPS[rel_type][1]
    for row in read(out_dir, t.table).to_pylist():
        if t.tag and row[t.tag[0]] != t.tag[1]:
            continue
        yield Rel(rel_type, a, row[t.start], b, row[t.end], {p: row[p] for p in names if row.get(p) is not None})
