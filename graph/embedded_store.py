"""The default store: LadybugDB (embedded Cypher, Kùzu's fork) in one directory.

No server to run: ``phoihop ingest`` creates ``<store>/graph.lbug`` and every
later command opens it. Tables are declared from ``graph/schema.py``. Each
document (or batch of documents, ``write_documents``) is written in one
transaction that first removes what an earlier version contributed, so
re-ingesting is idempotent and a failure (or a killed process) leaves whole
documents only. Ad-hoc Cypher is refused when it writes,
by a keyword check and by running inside a READ ONLY transaction.
"""
from __future__ import annotations

import os
import re
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import ladybug
import networkx as nx
import pyarrow as pa

from . import derive as D
from . import schema as S
from .cypher_text import LADYBUG_HINTS, keywords, ladybug_hint, procedure_at, tokens
from .model import (DocumentGraph, Node, Rel, best_report, canonical_path, combine_nodes, group_rels,
                    overwrites, place, report_merge_cypher, stub_matches, to_networkx,
                    absorbing_directive, named_directive)
from .store import QueryRefused, StoreError, batched

DB_FILE = "graph.lbug"
ENV_MEMORY_MB = "PHOIHOP_EMBEDDED_MEMORY_MB"
# Log size that triggers a checkpoint. A checkpoint rewrites the database files and
# gets slower as they grow: at LadybugDB's default (16 MB) one came every ~400
# documents and cost seconds each at 10k documents. close() checkpoints anyway.
CHECKPOINT_BYTES = 512 * 1024 * 1024

# The node table holding the store's record of itself (see EmbeddedStore._state); not part
# of the graph's schema, so stats, export and the views never see it.
STATE = "StoreState"
# How long a read waits for another process's checkpoint before saying what to run.
RECOVERY_WAIT = 10.0
# LadybugDB's words for a checkpoint that a crashed writer left to recover.
_RECOVERY_PENDING = ("checkpoint recovery is pending", "replay shadow pages under read-only mode")

# Labels shared between documents (kept while any relationship still reaches them;
# graph.model.OWNED_LABELS are removed with their document).
_SHARED = (S.AGENCY, S.TOPIC, S.DIRECTIVE)
# Directive properties a stub may fill in on a full directive (never overwrite).
_DESCRIPTIVE = ("number", "number_key", "type", "date", "year", "issuer", "subject", "signer")

# Database files open in this process: the file lock only guards against other
# processes, so a second handle here would write behind the first one's back.
_OPEN: set[str] = set()


def _q(name: str) -> str:
    """Backtick a property name (``end``, ``type`` … are Cypher keywords)."""
    return f"`{name}`"


def _col(name: str) -> str:
    """The variable of a property's column in a ``_load`` table (never a Cypher keyword)."""
    return f"r_{name}"


# ---------------------------------------------------------------- read-only check

# Clauses and statements that change the database or reach outside it.
_WRITE_WORDS = {
    "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "ALTER", "COPY",
    "LOAD", "INSTALL", "UNINSTALL", "ATTACH", "USE", "IMPORT", "EXPORT", "BEGIN",
    "COMMIT", "ROLLBACK", "CHECKPOINT", "FOREACH", "TRUNCATE", "RENAME", "GRANT",
    "REVOKE", "DENY",
}
# Procedures that only read the catalogue or settings.
_READ_PROCEDURES = {
    "SHOW_TABLES", "TABLE_INFO", "SHOW_CONNECTION", "DB_VERSION", "SHOW_FUNCTIONS",
    "SHOW_INDEXES", "SHOW_SEQUENCES", "SHOW_MACROS", "SHOW_WARNINGS", "CURRENT_SETTING",
    "STORAGE_VERSION", "CATALOG_VERSION", "SHOW_GRAPHS", "SHOW_PROJECTED_GRAPHS",
    "PROJECTED_GRAPH_INFO", "SHOW_ATTACHED_DATABASES", "SHOW_LOADED_EXTENSIONS",
    "SHOW_OFFICIAL_EXTENSIONS",
}


def write_reason(cypher: str) -> str | None:
    """Why ``cypher`` is not a read-only query (None when it only reads).

    Words after "." or ":" or "$" are property names, labels and parameters, a
    word before ":" is a map key and one after AS an alias, so ``n.set``,
    ``{delete: 1}`` or ``AS copy`` pass. A Neo4j procedure (``CALL db.labels()``)
    is not refused: LadybugDB fails it and ``query`` says how it spells it.
    """
    for i, word, toks in keywords(cypher):
        if word in _WRITE_WORDS:
            return f"{word} changes the database"
        if word == "CALL":
            nxt = toks[i + 1][1] if i + 1 < len(toks) else ""
            if nxt in ("{", "("):
                continue  # a subquery: its own words are checked
            proc = procedure_at(toks, i)
            if proc.lower() in LADYBUG_HINTS:
                continue
            if proc.upper() not in _READ_PROCEDURES or (i + 2 < len(toks) and toks[i + 2][1] == "="):
                return f"CALL {proc or nxt or '…'} is not a read-only procedure"
    return None


def check_read_only(cypher: str) -> None:
    """Raise StoreError("write queries are refused: …") unless ``cypher`` is one reading statement."""
    reason = write_reason(cypher)
    if reason:
        raise QueryRefused(f"write queries are refused: {reason} (this command only reads)")
    toks = [t for kind, t, _ in tokens(cypher) if kind != "skip"]
    if ";" in toks[:-1] and any(t != ";" for t in toks[toks.index(";"):]):
        raise StoreError("one statement at a time: the query has more than one (separated by ';')")


# ---------------------------------------------------------------- the store

class EmbeddedStore:
    """The graph in ``<path>/graph.lbug``; one writer process at a time."""

    name = "embedded"

    def __init__(self, path: str | Path, read_only: bool = False):
        self.dir = Path(path)
        self.read_only = read_only
        self.file = self.dir / DB_FILE
        if self.dir.exists() and not self.dir.is_dir():
            raise StoreError(f"{self.dir}: not a directory (a store is a directory)")
        if read_only and not self.file.exists():
            raise StoreError(f"{self.dir}: no store here yet (run 'phoihop ingest PATH' first, or pass --store DIR)")
        if not read_only:
            self.dir.mkdir(parents=True, exist_ok=True)
        self._open = False
        self._key = str(self.file.resolve())
        if self._key in _OPEN:
            raise StoreError(f"store {self.dir} is already open in this process (close it first)")
        self.notes: list[str] = []  # what a command should tell the user about opening (recovery, repair)
        self._db, self._conn = self._open_engine()
        if read_only and self._derivation_pending():
            self._conn.close()
            self._db.close()
            self._complete_derivation()
            self._db, self._conn = self._open_engine()
        _OPEN.add(self._key)
        self._open = True
        # Agency pairs whose shared obligations changed since the derived relationships were
        # last brought up to date (None: too many, rebuild them all); see update_derived.
        self._dirty: set[D.Pair] | None = set()
        if not read_only:
            try:
                self._run(f"CALL checkpoint_threshold={CHECKPOINT_BYTES}")
                self._ensure_schema()
                self._ingest = f"{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}-{os.getpid()}"
                if self._derivation_pending():  # a writer stopped before deriving (we hold the lock)
                    self.rebuild_coordination()
                    self.notes.append(f"note: store {self.dir}: an ingest stopped before deriving coordination; "
                                      "derived it again (phoihop repair does the same)")
            except BaseException:
                self.close()
                raise

    # -- opening after a crash

    def _connect(self, read_only: bool) -> tuple[ladybug.Database, ladybug.Connection]:
        db = ladybug.Database(str(self.file), read_only=read_only, buffer_pool_size=_buffer_pool_bytes())
        try:
            return db, ladybug.Connection(db)
        except BaseException:
            db.close()
            raise

    def _open_engine(self) -> tuple[ladybug.Database, ladybug.Connection]:
        """The database opened as asked. A process killed during a checkpoint leaves its
        recovery pending, and LadybugDB then refuses every read-only open until the store is
        opened for writing once: that is done here (waiting a few seconds for a writer that
        is still checkpointing), so reads work again without the user doing anything."""
        deadline = time.monotonic() + RECOVERY_WAIT
        while True:
            try:
                return self._connect(self.read_only)
            except RuntimeError as e:
                if not (self.read_only and any(m in str(e) for m in _RECOVERY_PENDING)):
                    raise _store_error(self.dir, e) from None
            try:
                self._connect(read_only=False)[0].close()  # opening for writing completes the recovery
                self.notes.append(f"note: store {self.dir}: completed the checkpoint an interrupted write left pending")
            except RuntimeError as e:
                if time.monotonic() > deadline:
                    raise StoreError(f"{_store_error(self.dir, e)}; a checkpoint is pending recovery: run "
                                     f"'phoihop repair --store {self.dir}' once no other process uses the store") from None
                time.sleep(0.2)

    def _state(self) -> dict[str, str]:
        """The store's record of itself: "written" (the ingest that last changed documents) and
        "derived" (the ingest whose documents the derived relationships were last built from)."""
        try:
            return dict(self._rows(f"MATCH (s:{STATE}) RETURN s.key, s.value"))
        except StoreError:  # a store written before the record existed
            return {}

    def _derivation_pending(self) -> bool:
        """True when documents changed after the derived relationships were last built (an
        ingest interrupted, or still running, between its writes and its derivation)."""
        state = self._state()
        return "written" in state and state.get("derived") != state["written"]

    def _mark(self, key: str) -> None:
        """Record in the current transaction that this handle's ingest wrote documents
        ("written") or built the derived relationships from what is written ("derived")."""
        if key == "written":
            self._run(f"MERGE (s:{STATE} {{key: 'written'}}) SET s.value = $v", {"v": self._ingest})
        else:
            self._run(f"MATCH (w:{STATE} {{key: 'written'}}) MERGE (s:{STATE} {{key: 'derived'}}) SET s.value = w.value")

    def mark_derived(self) -> None:
        """Record that the derived relationships are built from every document written so far
        (the derivation marks this itself; a caller that has just brought them up to date in
        another way says so here)."""
        self._writable()
        with self._transaction():
            self._mark("derived")

    def _complete_derivation(self) -> None:
        """Rebuild the derived relationships an interrupted ingest left stale (from a read-only
        open: a writing open of its own does it). While another process writes the store,
        that process will rebuild them: only a warning then."""
        try:
            writer = EmbeddedStore(self.dir)
        except StoreError as e:
            if "in use by another process" not in str(e):
                raise
            self.notes.append(f"warning: store {self.dir} is being written by another process: coordination and "
                              "hubs may miss its newest documents until it has finished")
            return
        writer.close()  # opening it for writing has derived what a stopped ingest left
        self.notes.extend(writer.notes)

    # -- plumbing

    def close(self) -> None:
        if getattr(self, "_open", False):
            self._open = False
            _OPEN.discard(self._key)
            self._conn.close()
            self._db.close()

    def __del__(self) -> None:
        # A store dropped without close() must not stay "open in this process".
        try:
            self.close()
        except Exception:
            pass

    def __enter__(self) -> "EmbeddedStore":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def _run(self, cypher: str, params: dict[str, Any] | None = None):
        try:
            return self._conn.execute(cypher, params or {})
        except RuntimeError as e:
            raise _store_error(self.dir, e) from None

    def _rows(self, cypher: str, params: dict[str, Any] | None = None) -> list[list[Any]]:
        return self._run(cypher, params).get_all()

    @contextmanager
    def _transaction(self, read_only: bool = False) -> Iterator[None]:
        self._run("BEGIN TRANSACTION READ ONLY" if read_only else "BEGIN TRANSACTION")
        try:
            yield
            self._run("COMMIT")
        except BaseException:
            try:
                self._conn.execute("ROLLBACK")
            except RuntimeError:
                pass  # a failed statement has already rolled the transaction back
            raise

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"store {self.dir} was opened read-only")

    def _ensure_schema(self) -> None:
        """Declare the tables of ``graph/schema.py``; add properties the schema has grown."""
        existing = {r[1]: r[2] for r in self._rows("CALL show_tables() RETURN *")}
        if STATE not in existing:
            self._run(f"CREATE NODE TABLE {STATE}(key STRING, value STRING, PRIMARY KEY(key))")
        for label, props in S.NODE_PROPERTIES.items():
            cols = ", ".join(f"{_q(p)} {t}" for p, t in props.items())
            if label not in existing:
                self._run(f"CREATE NODE TABLE {label}({cols}, PRIMARY KEY(id))")
            else:
                self._add_missing_columns(label, props)
        for rel_type, (pairs, props) in S.RELATIONSHIPS.items():
            ends = ", ".join(f"FROM {a} TO {b}" for a, b in pairs)
            cols = "".join(f", {_q(p)} {t}" for p, t in props.items())
            if rel_type not in existing:
                self._run(f"CREATE REL TABLE {rel_type}({ends}{cols})")
            else:
                self._add_missing_columns(rel_type, props)

    def _add_missing_columns(self, table: str, props: dict[str, str]) -> None:
        have = {r[0] for r in self._rows(f"CALL table_info('{table}') RETURN name")}
        for p, t in props.items():
            if p not in have:
                self._run(f"ALTER TABLE {table} ADD {_q(p)} {t}")

    # -- writing documents

    def write_document(self, g: DocumentGraph) -> None:
        self._writable()
        with self._transaction():
            self._write_batch([g])

    def write_documents(self, graphs: Iterable[DocumentGraph], batch: int = 200,
                        on_error: Callable[[DocumentGraph, StoreError], None] | None = None) -> None:
        """Many documents, ``batch`` per transaction: same result as ``write_document`` on each.

        A batch is whole or not at all; when one fails its documents are written
        one by one, so a bad document costs only itself. Each document that still
        fails goes to ``on_error(graph, error)``; without ``on_error`` a StoreError
        naming them is raised once every other document is in.
        """
        self._writable()
        failed: list[str] = []
        self._write_chunks(graphs, batch, failed, on_error)
        if failed:
            raise StoreError(f"{len(failed)} documents not stored: " + "; ".join(failed))

    def _write_chunks(self, graphs: Iterable[DocumentGraph], batch: int, failed: list[str],
                      on_error: Callable[[DocumentGraph, StoreError], None] | None) -> None:
        def report(g: DocumentGraph, e: StoreError) -> None:
            if on_error:
                on_error(g, e)
            else:
                failed.append(f"{g.path} ({e})")

        for chunk in batched(graphs, max(1, batch)):
            try:
                with self._transaction():
                    self._write_batch(chunk)
            except StoreError:
                for g in chunk:
                    try:
                        self.write_document(g)
                    except StoreError as e:
                        report(g, e)

    def remove_document(self, path: str) -> bool:
        """Take ``path`` (as stored, or as a file name here) off its document, or the document
        with this id; a document left with no path is removed with everything it contributed,
        and the derived relationships of the pairs it touched are brought up to date, in one
        transaction."""
        self._writable()
        vacated = sorted({path, canonical_path(path)})
        with self._transaction():
            found = self._stored_paths(vacated, [path])
            gone = sorted(set(vacated) | set(found.get(path, [])))  # an id: every path of it
            plan = place([], found, gone)
            self._remove_contributions(plan.remove)
            self._relocate(plan.relocate)
            if plan.remove and self._dirty is not None:
                self._refresh(self._dirty)
                self._mark("derived")
                self._dirty = set()
        if plan.remove and self._dirty is None:
            self.rebuild_coordination()
        return bool(found)

    def _read(self, cypher: str, params: dict[str, Any]) -> list[tuple]:
        return [tuple(r) for r in self._rows(cypher, params)]

    def _track(self, documents: list[str] = (), directives: list[str] = (), pairs: set[D.Pair] = frozenset()) -> None:
        """Note the pairs that these documents' or directives' obligations join (see ``_dirty``)."""
        if self._dirty is None:
            return
        self._dirty |= pairs | D.touched(self._read, documents, directives)
        if len(self._dirty) > D.INCREMENTAL_LIMIT:
            self._dirty = None

    def _stored_paths(self, paths: list[str], ids: list[str]) -> dict[str, list[str]]:
        """Stored documents with one of these paths or ids: id -> paths, the current ``path``
        first. By ``path`` (a hash join) and id (the key); a path other than ``path`` only among
        documents that have several (``list_has_any`` on every document cost ten times more).
        A store from before ``paths`` has ``path`` only."""
        if not paths and not ids:
            return {}
        cols = "RETURN d.id AS id, d.path AS path, d.paths AS ps"
        rows = self._rows(f"UNWIND $paths AS p MATCH (d:{S.DOCUMENT}) WHERE d.path = p {cols} UNION "
                          f"UNWIND $ids AS i MATCH (d:{S.DOCUMENT} {{id: i}}) {cols} UNION "
                          f"MATCH (d:{S.DOCUMENT}) WHERE size(d.paths) > 1 AND list_has_any(d.paths, $paths) {cols}",
                          {"paths": paths, "ids": ids})
        return {doc: [path, *sorted(p for p in ps or [] if p != path)] for doc, path, ps in sorted(rows)}

    def _relocate(self, moves: dict[str, tuple[str, list[str]]]) -> None:
        """Documents that keep their content but lose some paths (inside the caller's transaction)."""
        if moves:
            self._run(f"UNWIND $rows AS r MATCH (d:{S.DOCUMENT} {{id: r.id}}) SET d.path = r.path, d.paths = r.paths",
                      {"rows": [{"id": d, "path": p, "paths": ps} for d, (p, ps) in sorted(moves.items())]})

    def _remove_contributions(self, docs: list[str]) -> None:
        """Take out everything documents ``docs`` contributed (inside the caller's transaction).

        A few documents are walked from their own nodes (``_unlink``), so that removing one
        costs what it contributed; many (a batch written again) are taken out with one pass
        over each relationship table."""
        if not docs:
            return
        self._mark("written")
        self._track(documents=docs)
        if len(docs) <= D.PER_KEY_LIMIT:
            touched, obligations = self._unlink(docs)
            for o in obligations:
                self._run(f"MATCH (o:{S.OBLIGATION} {{id: $id}}) DETACH DELETE o", {"id": o})
            defined = [d for d in sorted(touched[S.DIRECTIVE])
                       if self._rows(f"MATCH (d:{S.DIRECTIVE} {{id: $id}}) RETURN d.doc", {"id": d})[0][0] in docs]
            reports = {d: [tuple(r) for r in self._rows(
                f"MATCH (d:{S.DIRECTIVE} {{id: $id}})-[:{S.REPORTED_IN}]->(o:{S.DOCUMENT}) "
                "WHERE NOT list_contains($docs, o.id) RETURN o.id, o.kind", {"id": d, "docs": docs})] or [(None, None)]
                for d in defined}
            self._report_elsewhere(reports)
            for doc in docs:
                self._run(f"MATCH (d:{S.DOCUMENT} {{id: $id}}) DETACH DELETE d", {"id": doc})
            for label, ids in touched.items():
                for i in sorted(ids):
                    self._run(f"MATCH (n:{label} {{id: $id}}) WHERE NOT EXISTS {{ MATCH (n)-[r]-() WHERE "
                              f"{_not_derived('r')} }} DETACH DELETE n", {"id": i})
            return
        touched: dict[str, set[str]] = {label: set() for label in _SHARED}
        for rel_type, (pairs, _) in S.RELATIONSHIPS.items():
            if rel_type in S.DERIVED:
                continue
            for a, b in pairs:
                for x, y in self._rows(
                        f"UNWIND $docs AS doc MATCH (x:{a})-[r:{rel_type}]->(y:{b}) WHERE r.doc = doc "
                        "DELETE r RETURN x.id, y.id", {"docs": docs}):
                    for label, id_ in ((a, x), (b, y)):
                        if label in touched:
                            touched[label].add(id_)
        self._run(f"UNWIND $docs AS doc MATCH (o:{S.OBLIGATION}) WHERE o.doc = doc DETACH DELETE o", {"docs": docs})
        # Directives they defined stay as stubs while others still cite them (or
        # stay full when another document reports them too).
        reports: dict[str, list[tuple[str | None, str | None]]] = {}
        for did, other, kind in self._rows(
                f"UNWIND $docs AS doc MATCH (d:{S.DIRECTIVE}) WHERE d.doc = doc "
                f"OPTIONAL MATCH (d)-[:{S.REPORTED_IN}]->(o:{S.DOCUMENT}) WHERE NOT list_contains($docs, o.id) "
                "RETURN d.id, o.id, o.kind", {"docs": docs}):
            reports.setdefault(did, []).append((other, kind))
        self._report_elsewhere(reports)
        touched[S.DIRECTIVE].update(reports)
        self._run(f"UNWIND $docs AS doc MATCH (d:{S.DOCUMENT} {{id: doc}}) DETACH DELETE d", {"docs": docs})
        for label, ids in touched.items():
            if ids:
                self._run(
                    f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) "
                    f"WHERE NOT EXISTS {{ MATCH (n)-[r]-() WHERE {_not_derived('r')} }} DETACH DELETE n",
                    {"ids": sorted(ids)})

    def _report_elsewhere(self, reports: dict[str, list[tuple[str | None, str | None]]]) -> None:
        """Directives whose defining documents go: defined now by their best other report
        (document id, kind), or stubs when none is left."""
        if reports:
            self._run(f"UNWIND $rows AS r MATCH (d:{S.DIRECTIVE} {{id: r.id}}) "
                      "SET d.doc = r.doc, d.stub = r.doc IS NULL, d.source_kind = r.kind",
                      {"rows": [dict(zip(("id", "doc", "kind"), (did, *best_report(found))))
                                for did, found in sorted(reports.items())]})

    def _unlink(self, docs: list[str]) -> tuple[dict[str, set[str]], list[str]]:
        """Delete the relationships ``docs`` contributed by walking out from each Document node
        along them (a document's relationships all join up through its Document: evidence,
        reports, and what its obligations and directives reach). Returns the shared nodes they
        reached (label -> ids) and the documents' obligations."""
        touched: dict[str, set[str]] = {label: set() for label in _SHARED}
        obligations: set[str] = set()
        for doc in docs:
            seen = {(S.DOCUMENT, doc)}
            todo = [(S.DOCUMENT, doc)]
            while todo:
                label, id_ = todo.pop()
                found = [row for arrow in ("-[r]->", "<-[r]-") for row in self._rows(   # LadybugDB deletes directed only
                    f"MATCH (n:{label} {{id: $id}}){arrow}(m) WHERE r.{S.REL_DOC_PROPERTY} = $doc "
                    "DELETE r RETURN label(m), m.id", {"id": id_, "doc": doc})]
                for other_label, other in found:
                    if (other_label, other) not in seen:
                        seen.add((other_label, other))
                        todo.append((other_label, other))
            for label, id_ in seen:
                if label in touched:
                    touched[label].add(id_)
                elif label == S.OBLIGATION:
                    obligations.add(id_)
        return touched, sorted(obligations)

    def _write_batch(self, graphs: list[DocumentGraph]) -> None:
        """Replace earlier versions of these documents and write them, a few queries per
        label and relationship type for the whole batch (inside the caller's transaction)."""
        self._mark("written")
        plan = place(graphs, self._stored_paths(sorted({g.path for g in graphs}),
                                                sorted({g.document_id for g in graphs})))
        self._remove_contributions(plan.remove)
        self._relocate(plan.relocate)
        graphs = plan.graphs
        by_label: dict[str, list[Node]] = {label: [] for label in S.LABELS}
        for g in graphs:
            for n in g.nodes:
                by_label[n.label].append(n)
        for label in (S.DOCUMENT, S.AGENCY, S.TOPIC, S.OBLIGATION):
            if by_label[label]:
                self._merge_nodes(label, [n.props for n in combine_nodes(label, by_label[label])])
        full = [n.props for n in combine_nodes(S.DIRECTIVE, [n for n in by_label[S.DIRECTIVE] if not n.props.get("stub")])]
        alias: dict[str, str] = {}
        if full:
            self._merge_nodes(S.DIRECTIVE, full)
            alias = self._absorb_stubs(full)
        stubs = [n for n in by_label[S.DIRECTIVE] if n.props.get("stub") and n.id not in {r["id"] for r in full}]
        alias.update(self._place_stubs(stubs))
        for (rel_type, a, b), rels in group_rels((r for g in graphs for r in g.rels), alias).items():
            self._write_rels(rel_type, a, b, rels)
        if self._dirty is not None:
            pairs, directives = D.graph_pairs(graphs)
            self._track(directives=directives, pairs=pairs)

    def _merge_nodes(self, label: str, rows: list[dict[str, Any]]) -> None:
        """Merge on id (one row per id). Owned nodes take the new values; shared ones keep
        values the new rows lack and collect list values (aliases) from every document; full
        directives merge as ``graph.model.merge_reports`` says (an official text outranks a
        news report of the same directive, whatever the order)."""
        cols = S.NODE_PROPERTIES[label]
        if label == S.DIRECTIVE:
            tail = report_merge_cypher([p for p in cols if p != "id"], _col, lambda p: f"n.{_q(p)}",
                                       ", ".join(["n", *map(_col, cols)]))
        else:
            tail = "SET " + ", ".join(_merge_sets(label))
        # What MERGE would do, in two statements: MERGE on a large table scans it, while
        # MATCH on the primary key and CREATE use the index (minutes saved at 100k documents).
        stored = {r[0] for r in self._rows(f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) RETURN n.id",
                                           {"ids": [r["id"] for r in rows]})}
        for found, clause in ((True, "MATCH"), (False, "CREATE")):
            part = [props for props in rows if (props["id"] in stored) == found]
            if part:
                self._load(f"{clause} (n:{label} {{id: r_id}}) {tail}", cols, part)

    def _candidates(self, rows: list[dict[str, Any]], stub: bool) -> dict[str, list[str]]:
        """Directive id -> stored directives of the other kind (stub or full) that it names too.

        A numbered id ends in its number key, so one hash join on ``number_key``
        serves the whole batch; an unnumbered one is looked up by its id's suffix.
        """
        kind = "d.stub = true" if stub else "(d.stub = false OR d.stub IS NULL)"
        keys = sorted({r["number_key"] for r in rows if r.get("number_key")})
        found: dict[str, list[str]] = {}
        if keys:
            for k, did in self._rows(f"UNWIND $keys AS k MATCH (d:{S.DIRECTIVE}) WHERE d.number_key = k AND {kind} "
                                     "RETURN k, d.id ORDER BY d.id", {"keys": keys}):
                found.setdefault(k, []).append(did)
        out: dict[str, list[str]] = {}
        for r in rows:
            i = r["id"]
            others = found.get(r["number_key"], []) if r.get("number_key") else self._matching(i, stub)
            out[i] = [o for o in others if o != i and (stub_matches(o, i) if stub else stub_matches(i, o))]
        return out

    def _matching(self, directive_id: str, stub: bool) -> list[str]:
        last = directive_id.rsplit("|", 1)[-1]
        where = "d.stub = true" if stub else "(d.stub = false OR d.stub IS NULL)"
        params: dict[str, Any] = {"id": directive_id}
        if last != "_":
            where += " AND ends_with(d.id, $suffix)"
            params["suffix"] = "|" + last
        return sorted(r[0] for r in self._rows(
            f"MATCH (d:{S.DIRECTIVE}) WHERE {where} AND d.id <> $id RETURN d.id", params))

    def _absorb_stubs(self, full: list[dict[str, Any]]) -> dict[str, str]:
        """Stored stubs naming a newly written full directive merge into it (the first in
        batch order): their relationships move over and they fill what it lacks. Returns
        stub id -> full id."""
        named_by = self._candidates(full, stub=True)   # full id (batch order) -> stubs naming it
        into: dict[str, str] = {}
        for s in dict.fromkeys(s for stubs in named_by.values() for s in stubs):
            into[s] = absorbing_directive(s, named_by)
        if not into:
            return {}
        pairs = [{"stub": s, "full": f} for s, f in sorted(into.items())]
        match = f"UNWIND $pairs AS p MATCH (s:{S.DIRECTIVE} {{id: p.stub}}) MATCH (f:{S.DIRECTIVE} {{id: p.full}}) "
        for rel_type, (ends, props) in S.RELATIONSHIPS.items():
            copy = ", ".join(f"{_q(p)}: r.{_q(p)}" for p in props)
            for a, b in ends:
                if a == S.DIRECTIVE:
                    self._run(match + f"MATCH (s)-[r:{rel_type}]->(x:{b}) CREATE (f)-[:{rel_type} {{{copy}}}]->(x) "
                              "DELETE r", {"pairs": pairs})
                if b == S.DIRECTIVE:
                    self._run(match + f"MATCH (x:{a})-[r:{rel_type}]->(s) CREATE (x)-[:{rel_type} {{{copy}}}]->(f) "
                              "DELETE r", {"pairs": pairs})
        fill = ", ".join(f"f.{_q(p)} = coalesce(f.{_q(p)}, s.{_q(p)})" for p in _DESCRIPTIVE)
        self._run(match + f"SET {fill}", {"pairs": pairs})
        self._run(f"UNWIND $pairs AS p MATCH (s:{S.DIRECTIVE} {{id: p.stub}}) DETACH DELETE s", {"pairs": pairs})
        return into

    def _place_stubs(self, stubs: list[Node]) -> dict[str, str]:
        """Where cited directives go: the full directive each names, else a stub node.

        A stub id already stored as a full directive is never overwritten by what a
        citation says; a new stub that matches several full directives is
        ambiguous and stays a stub. Returns stub id -> the id its relationships use.
        """
        rows = [n.props for n in combine_nodes(S.DIRECTIVE, stubs, fill_only=True)]
        if not rows:
            return {}
        ids = [r["id"] for r in rows]
        stored = dict(self._rows(f"UNWIND $ids AS i MATCH (d:{S.DIRECTIVE} {{id: i}}) RETURN d.id, d.stub",
                                 {"ids": ids}))
        fresh = [r for r in rows if r["id"] not in stored and "_" in r["id"].split("|")]
        alias: dict[str, str] = {}
        for i, fulls in self._candidates(fresh, stub=False).items():
            if named := named_directive(i, fulls):
                alias[i] = named
        new = [r for r in rows if r["id"] not in alias and stored.get(r["id"]) is not False]
        if new:
            sets = ", ".join(f"n.{_q(p)} = coalesce(n.{_q(p)}, {_col(p)})" for p in _DESCRIPTIVE)
            types = {p: S.NODE_PROPERTIES[S.DIRECTIVE][p] for p in ("id", *_DESCRIPTIVE)}
            self._load(f"MERGE (n:{S.DIRECTIVE} {{id: r_id}}) SET {sets}, n.stub = true, n.doc = NULL", types, new)
        return alias

    def _write_rels(self, rel_type: str, start_label: str, end_label: str, rels: list[Rel]) -> None:
        # Two MATCH clauses, not "MATCH (a …), (b …)": the comma form is planned as a
        # cross product and is some twenty times slower on a few thousand rows.
        # (Not COPY: appended to a large table inside a transaction, COPY makes the
        # commit rewrite what it touched, 7 s a batch at 100k documents.)
        props = S.RELATIONSHIPS[rel_type][1]
        body = ", ".join(f"{_q(p)}: {_col(p)}" for p in props)
        self._load(f"MATCH (a:{start_label} {{id: r_src}}) MATCH (b:{end_label} {{id: r_dst}}) "
                   f"CREATE (a)-[:{rel_type} {{{body}}}]->(b)", {"src": S.STRING, "dst": S.STRING, **props},
                   [{"src": r.start, "dst": r.end, **r.props} for r in rels])

    def _load(self, body: str, types: dict[str, str], rows: list[dict[str, Any]]) -> None:
        """``LOAD FROM`` an Arrow table of ``rows`` (property -> value; column ``r_<property>``,
        typed by ``types``), then ``body``: what ``UNWIND $rows AS r …`` does, without the
        Python driver walking every value to pick a cached statement (a quarter of the
        write time) and with the schema's types even for a column that is null throughout."""
        table = _arrow({_col(p): (t, [r.get(p) for r in rows]) for p, t in types.items()})
        try:
            self._run(f"LOAD FROM $rows {body}", {"rows": table})
        finally:
            # The driver caches one prepared statement per table it is given (each is new): those
            # go; the others stay (preparing a statement again costs up to a few tenths of a second).
            cache = getattr(self._conn, "_pybind_implicit_prepared_cache", None)
            if isinstance(cache, dict):
                for key in [k for k in cache if isinstance(k, tuple) and str(k[0]).startswith("LOAD FROM $rows")]:
                    del cache[key]

    def _bulk_rels(self, rel_type: str, rels: list[Rel]) -> None:
        """Many relationships between stored agencies, into an emptied table: ``COPY`` from
        an Arrow table typed by the schema (some fifteen times faster than ``UNWIND …
        CREATE``; any value, commas, quotes and newlines included, reads back as written)."""
        if not rels:
            return
        names = [r[0] for r in self._rows(f"CALL table_info('{rel_type}') RETURN name")]
        types = S.RELATIONSHIPS[rel_type][1]
        table = _arrow({"from": (S.STRING, [r.start for r in rels]), "to": (S.STRING, [r.end for r in rels]),
                        **{n: (types[n], [r.props.get(n) for r in rels]) for n in names}})
        self._run(f"COPY {rel_type} FROM $rows", {"rows": table})

    # -- derived relationships

    def rebuild_coordination(self) -> None:
        """Every derived relationship (``graph.derive``) computed again from the stored roles
        and bulk-loaded, replacing the old ones, in one transaction."""
        self._writable()
        with self._transaction():
            self._derive_all()
        self._dirty = set()

    def _derive_all(self) -> None:
        """Replace every derived relationship (inside the caller's transaction)."""
        derived = D.derive(self._read)
        for rel_type, rels in derived.items():
            self._run(f"MATCH ()-[r:{rel_type}]->() DELETE r")
            self._bulk_rels(rel_type, rels)
        self._mark("derived")

    # -- bulk loading from the Parquet tables

    def load_tables(self, directory: str | Path) -> dict[str, int]:
        """A first load of this (empty) store from the Parquet tables of ``graph.tables``:
        each table's files read by LadybugDB itself (``COPY … FROM (LOAD FROM 'file.parquet'
        …)``), then the derived relationships, all in one transaction (a failure leaves the
        store empty). Returns the counts. A store that holds documents is refused: later
        documents go through ``phoihop ingest`` (the transactional path)."""
        from . import tables as T

        self._writable()
        problems = T.check_tables(directory)
        if problems:
            raise StoreError(problems[0])
        if self._rows(f"MATCH (d:{S.DOCUMENT}) RETURN count(d)")[0][0]:
            raise StoreError(f"store {self.dir} already holds documents: 'phoihop load' fills a new store "
                             "(add documents to this one with 'phoihop ingest')")
        with self._transaction():
            self._mark("written")
            for label, table in T.NODE_TABLES.items():
                cols = ", ".join(_q(r[0]) for r in self._rows(f"CALL table_info('{label}') RETURN name"))
                for f in _filled(T.parquet_files(directory, table)):
                    self._run(f"COPY {label} FROM (LOAD FROM {_literal(f)} RETURN {cols})")
            for (rel_type, a, b), t in T.REL_TABLES.items():
                names = [r[0] for r in self._rows(f"CALL table_info('{rel_type}') RETURN name")]
                cols = ", ".join(_q(c) for c in (t.start, t.end, *names))
                where = f" WHERE {_q(t.tag[0])} = '{t.tag[1]}'" if t.tag else ""
                ends = f" (from='{a}', to='{b}')" if len(S.endpoints(rel_type)) > 1 else ""
                for f in _filled(T.parquet_files(directory, t.table)):
                    self._run(f"COPY {rel_type} FROM (LOAD FROM {_literal(f)}{where} RETURN {cols}){ends}")
            self._derive_all()
        self._dirty = set()
        return self.counts()

    def update_derived(self) -> None:
        """Bring the derived relationships up to date after writes or removals: only the
        pairs whose shared obligations changed are recomputed (all of them after a bulk load)."""
        self._writable()
        if self._dirty is None:
            self.rebuild_coordination()
        elif self._dirty:
            with self._transaction():
                self._refresh(self._dirty)
                self._mark("derived")
            self._dirty = set()

    def _refresh(self, pairs: set[D.Pair]) -> None:
        """Replace the derived relationships of ``pairs`` (inside the caller's transaction)."""
        rows = [{"a": a, "b": b} for a, b in sorted(pairs)]
        if not rows:
            return
        derived = D.derive(self._read, pairs)
        for rel_type in sorted(S.DERIVED):
            if len(rows) <= D.PER_KEY_LIMIT:  # from each pair's keys: no scan of the table
                for p in rows:
                    self._run(f"MATCH (a:{S.AGENCY} {{id: $a}})-[r:{rel_type}]->(b:{S.AGENCY} {{id: $b}}) DELETE r", p)
            else:
                self._run(f"UNWIND $pairs AS p MATCH (a:{S.AGENCY} {{id: p.a}})-[r:{rel_type}]->"
                          f"(b:{S.AGENCY} {{id: p.b}}) DELETE r", {"pairs": rows})
            if derived.get(rel_type):
                self._write_rels(rel_type, S.AGENCY, S.AGENCY, derived[rel_type])

    # -- reading

    def query(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        check_read_only(cypher)
        with self._transaction(read_only=True):
            try:
                result = self._run(cypher, params)
            except StoreError as e:
                hint = ladybug_hint(str(e), cypher)
                if hint:
                    raise StoreError(f"{e} ({hint})") from None
                raise
            if isinstance(result, list):
                raise StoreError("one statement at a time: the query has more than one (separated by ';')")
            columns = result.get_column_names()
            return [dict(zip(columns, row)) for row in result.get_all()]

    def counts(self) -> dict[str, int]:
        out = {label: self._rows(f"MATCH (n:{label}) RETURN count(n)")[0][0] for label in S.LABELS}
        out.update({t: self._rows(f"MATCH ()-[r:{t}]->() RETURN count(r)")[0][0] for t in S.REL_TYPES})
        return out

    def to_networkx(self) -> nx.MultiDiGraph:
        nodes = []
        for label, props in S.NODE_PROPERTIES.items():
            names = list(props)
            for row in self._rows(f"MATCH (n:{label}) RETURN " + ", ".join(f"n.{_q(p)}" for p in names)):
                values = dict(zip(names, row))
                nodes.append(Node(label, values["id"], _present(values)))
        rels = []
        for rel_type, (pairs, props) in S.RELATIONSHIPS.items():
            if rel_type in S.SUMMARIES:
                continue
            names = list(props)
            cols = "".join(f", r.{_q(p)}" for p in names)
            for a, b in pairs:
                for row in self._rows(f"MATCH (x:{a})-[r:{rel_type}]->(y:{b}) RETURN x.id, y.id{cols}"):
                    rels.append(Rel(rel_type, a, row[0], b, row[1], _present(dict(zip(names, row[2:])))))
        return to_networkx(nodes, rels)


def _merge_sets(label: str) -> list[str]:
    """SET items merging a row into node ``n`` of a label: own values overwrite, lists unite,
    other values fill (``graph.model.overwrites``)."""
    sets = []
    for p, t in S.NODE_PROPERTIES[label].items():
        if p == "id":
            continue
        new, old = _col(p), f"n.{_q(p)}"
        if overwrites(label, p):
            sets.append(f"{old} = {new}")
        elif t == S.STRINGS:
            sets.append(f"{old} = list_sort(list_distinct(list_concat(coalesce({old}, []), coalesce({new}, []))))")
        else:
            sets.append(f"{old} = coalesce({new}, {old})")
    return sets


def _filled(files: Iterable[Path]) -> list[Path]:
    """The Parquet files that hold rows (COPY of a file without rows is an error to LadybugDB)."""
    import pyarrow.parquet as pq

    return [f for f in files if pq.ParquetFile(f).metadata.num_rows]


def _literal(path: Path) -> str:
    """A file path as a Cypher string literal (LOAD FROM takes no parameter)."""
    text = str(Path(path).resolve()).replace("\\", "\\\\").replace("'", "\\'")
    return f"'{text}'"




def _buffer_pool_bytes() -> int:
    """LadybugDB's page cache: ``$PHOIHOP_EMBEDDED_MEMORY_MB`` when set, else its default
    (a share of the machine's memory). The cache fills up to the size of the store."""
    raw = os.environ.get(ENV_MEMORY_MB, "").strip()
    if not raw:
        return 0
    try:
        mb = int(raw)
    except ValueError:
        raise StoreError(f"{ENV_MEMORY_MB}={raw!r}: expected a number of megabytes") from None
    if mb < 64:
        raise StoreError(f"{ENV_MEMORY_MB}={raw!r}: at least 64 megabytes")
    return mb * 1024 * 1024


# Arrow types of the schema's property types (for COPY and LOAD FROM).
_ARROW = {S.STRING: pa.string(), S.INT: pa.int64(), S.BOOL: pa.bool_(), S.STRINGS: pa.list_(pa.string()),
          S.DATE: pa.date32()}


def _arrow(columns: dict[str, tuple[str, list[Any]]]) -> pa.Table:
    """An Arrow table from ``name -> (schema type, values)``, in that column order."""
    fields = [pa.field(name, _ARROW[t]) for name, (t, _) in columns.items()]
    try:
        return pa.Table.from_arrays([pa.array(values, f.type) for f, (_, values) in zip(fields, columns.values())],
                                    schema=pa.schema(fields))
    except (pa.ArrowException, TypeError, ValueError) as e:   # a value of another type than the schema's
        raise StoreError(f"a value does not fit the schema ({e})") from None


def _present(values: dict[str, Any]) -> dict[str, Any]:
    """Properties that are set (a missing property and a null are the same in Cypher)."""
    return {k: v for k, v in values.items() if v is not None}


def _not_derived(var: str) -> str:
    return " AND ".join(f"label({var}) <> '{t}'" for t in sorted(S.DERIVED))


def _store_error(where: Path, e: Exception) -> StoreError:
    """One line for the user; a held lock means another process is using the store."""
    msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    if "lock" in msg.lower():
        pid = re.search(r"PID (\d+)", msg)
        held = f" (pid {pid.group(1)})" if pid else ""
        return StoreError(f"store {where} is in use by another process{held}; try again when it has finished")
    return StoreError(f"store {where}: {msg}")
