"""The graph in Neo4j, through the official driver.

Same semantics as the embedded store (see ``graph/store.py``): one transaction
per document that first takes out what an earlier version of the same path or
content contributed, then MERGEs the new nodes and creates the new
relationships in batches (``UNWIND $rows``). Labels and relationship types are
the constants of ``graph/schema.py`` written into the query text; document
data only ever travels as parameters. Ad-hoc ``query()`` runs in a READ
transaction, so Neo4j itself refuses writes.
"""
from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import Any, Iterable

import networkx as nx
from neo4j import READ_ACCESS, GraphDatabase
from neo4j.exceptions import (AuthError, ClientError, ConnectionAcquisitionTimeoutError, DatabaseUnavailable,
                              DriverError, Neo4jError, ServiceUnavailable, SessionExpired)

from . import derive as D
from . import schema as S
from .model import (OWNED_LABELS, DocumentGraph, Node, Rel, best_report, canonical_path, combine_nodes,
                    group_rels, overwrites, place, report_merge_cypher, to_networkx,
                    absorbing_directive, named_directive)
from .cypher_text import READ_DBMS_PROCEDURES, called_procedures, neo4j_admin_reason
from .store import QueryRefused, StoreError, StoreUnavailable, batched

# The driver logs every retry, lost connection and server notification as a warning;
# with no handler configured Python prints each one on stderr (a hundred lines when the
# server goes away mid-ingest). Our errors say what happened in one line instead.
logging.getLogger("neo4j").addHandler(logging.NullHandler())

ENV_URI, ENV_USER, ENV_PASSWORD, ENV_DATABASE = (
    "PHOIHOP_NEO4J_URI", "PHOIHOP_NEO4J_USER", "PHOIHOP_NEO4J_PASSWORD", "PHOIHOP_NEO4J_DATABASE")

# URI schemes the driver speaks Bolt on (http:// would need the HTTP query API's extra packages).
BOLT_SCHEMES = ("bolt", "neo4j", "bolt+s", "bolt+ssc", "neo4j+s", "neo4j+ssc")
CONTRIBUTED = tuple(t for t in S.REL_TYPES if t not in S.DERIVED)
# Nodes shared between documents: deleted when no document's relationship holds them any more.
SHARED_LABELS = (S.AGENCY, S.TOPIC, S.DIRECTIVE)
# Relationship types a Directive can start / end, to move a stub's relationships to the full node.
DIRECTIVE_OUT = tuple(t for t in CONTRIBUTED if any(a == S.DIRECTIVE for a, _ in S.endpoints(t)))
DIRECTIVE_IN = tuple(t for t in CONTRIBUTED if any(b == S.DIRECTIVE for _, b in S.endpoints(t)))
ROLE_OF = {rel: role for role, rel in S.ROLES.items()}
DESCRIPTIVE = tuple(p for p in S.NODE_PROPERTIES[S.DIRECTIVE] if p not in ("id", "stub", "doc", "source_kind"))
# Where removal finds a document's relationships of each type: from one of its own nodes
# (label, the property holding the document id) when every such relationship touches one,
# else through an index on the relationship's doc property. Indexes cost every write, so
# only the types between shared nodes (ISSUED, CITES, ...) have one.
OWNER_KEY = {S.DOCUMENT: "id", S.OBLIGATION: S.REL_DOC_PROPERTY}
ANCHOR = {t: next(lab for lab in OWNED_LABELS if all(lab in pair for pair in S.endpoints(t)))
          for t in CONTRIBUTED if any(all(lab in pair for pair in S.endpoints(t)) for lab in OWNED_LABELS)}
# Documents per transaction in write_documents; each one stays whole or not at all.
# 250 measured best on 10k documents (100 and 500 slower; docs/neo4j.md, "Loading speed").
BATCH = 250
# How long the driver retries a transaction that failed for a transient reason, a lost
# connection included (its default is 30 s per transaction, and an ingest that then
# wrote its batch again one document at a time retried for minutes): a server that
# went away is reported after seconds.
RETRY_SECONDS = 5.0
# What says the server went away (stopped, crashed, unreachable) rather than that a query failed.
LOST = (ServiceUnavailable, SessionExpired, ConnectionAcquisitionTimeoutError, DatabaseUnavailable)
# The label of the store's record of itself (see Neo4jStore._state); not part of the graph schema.
STATE = "StoreState"
# Derived relationships per write transaction (see rebuild_coordination): one
# transaction for all of them outgrew the server's transaction memory at 100k documents.
DERIVED_BATCH = 20_000
# Rows per transaction of a load from the Parquet tables (load_tables).
LOAD_BATCH = 10_000


def _schema_props(props: dict[str, Any], names: Iterable[str]) -> dict[str, Any]:
    """The schema's properties that are set (Neo4j stores no nulls, so absent = null)."""
    return {k: props[k] for k in names if props.get(k) is not None}


def _native(value: Any) -> Any:
    """Driver temporal values (neo4j.time.Date) as Python's, inside lists and maps too."""
    if hasattr(value, "to_native"):
        return value.to_native()
    if isinstance(value, list):
        return [_native(v) for v in value]
    if isinstance(value, dict):
        return {k: _native(v) for k, v in value.items()}
    return value


def _reader(tx):
    """``graph.derive``'s read(cypher, params) -> row tuples, inside transaction ``tx``."""
    return lambda cypher, params: [tuple(_native(v) for v in r.values()) for r in tx.run(cypher, params)]


def _one_line(e: BaseException) -> str:
    msg = getattr(e, "message", None) or str(e) or type(e).__name__
    return " ".join(str(msg).split())


class Neo4jStore:
    """A ``Store`` on a Neo4j server (bundled one, Desktop, Docker or Aura)."""

    name = "neo4j"

    def __init__(self, uri: str, user: str, password: str, database: str | None = None):
        self.uri, self.database = uri, database or None
        scheme = uri.partition("://")[0].lower() if "://" in uri else ""
        if scheme not in BOLT_SCHEMES:
            raise StoreError(f"Neo4j at {uri}: {ENV_URI} must be a bolt:// or neo4j:// address "
                             "(e.g. bolt://localhost:7687), not " + (f"{scheme}://" if scheme else "a bare host"))
        try:
            self._driver = GraphDatabase.driver(uri, auth=(user, password), connection_timeout=10,
                                                max_transaction_retry_time=RETRY_SECONDS,
                                                connection_acquisition_timeout=2 * RETRY_SECONDS)
            self._driver.verify_connectivity()
        except AuthError as e:
            self._close_quietly()
            raise StoreError(f"Neo4j at {uri}: authentication failed for user '{user}' "
                             f"(check {ENV_USER}/{ENV_PASSWORD}): {_one_line(e)}") from None
        except (ServiceUnavailable, OSError) as e:
            self._close_quietly()
            raise StoreError(f"Neo4j at {uri}: cannot connect ({_one_line(e)}); is it running? "
                             "('phoihop neo4j start' starts one)") from None
        except (Neo4jError, DriverError, ValueError) as e:
            self._close_quietly()
            raise StoreError(f"Neo4j at {uri}: {_one_line(e)}") from None
        self._schema_ready = False
        self.notes: list[str] = []  # what a command should tell the user about the store (see stale_note)
        self._ingest = f"{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}-{os.getpid()}"
        # Agency pairs whose shared obligations changed since the derived relationships were
        # last brought up to date (None: too many, rebuild them all); see update_derived.
        self._dirty: set[D.Pair] | None = set()

    @classmethod
    def from_env(cls) -> "Neo4jStore":
        """Connect with PHOIHOP_NEO4J_URI / _USER / _PASSWORD (and optional _DATABASE)."""
        missing = [v for v in (ENV_URI, ENV_USER, ENV_PASSWORD) if not os.environ.get(v)]
        if missing:
            raise StoreError(f"Neo4j: {', '.join(missing)} not set (run 'phoihop neo4j start' and "
                             "export what it prints, or see docs/neo4j.md)")
        return cls(os.environ[ENV_URI], os.environ[ENV_USER], os.environ[ENV_PASSWORD],
                   os.environ.get(ENV_DATABASE))

    def _close_quietly(self) -> None:
        driver = getattr(self, "_driver", None)
        if driver is not None:
            driver.close()

    def _failed(self, what: str, e: Exception) -> StoreError:
        """The error to raise for a driver error: ``StoreUnavailable`` when the server went away."""
        where = f"Neo4j at {self.uri}"
        if isinstance(e, LOST):
            return StoreUnavailable(f"{where}: connection lost ({what}: {_one_line(e)})", where)
        return StoreError(f"{where}: {what}: {_one_line(e)}")

    def _session(self, **kw):
        return self._driver.session(database=self.database, **kw)

    def _run_write(self, what: str, work, *args) -> Any:
        """Run ``work(tx, *args)`` in one write transaction; driver errors become StoreError."""
        self._ensure_schema()
        try:
            with self._session() as s:
                return s.execute_write(work, *args)
        except (Neo4jError, DriverError) as e:
            raise self._failed(f"{what} failed", e) from None

    # --- schema ---------------------------------------------------------------

    def _ensure_schema(self) -> None:
        """Uniqueness on every id, lookup indexes; created once (IF NOT EXISTS)."""
        if self._schema_ready:
            return
        stmts = [f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
                 for label in S.LABELS]
        # Directive.date: a busy agency's duties are paged in directive date order
        # (queries/duties_by_date.neo4j.cypher).
        for label, prop in ((S.AGENCY, "name"), (S.AGENCY, "name_folded"), (S.DIRECTIVE, "number_key"),
                            (S.DIRECTIVE, "doc"), (S.DIRECTIVE, "date"), (S.OBLIGATION, "doc"), (S.DOCUMENT, "path")):
            stmts.append(f"CREATE INDEX {label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})")
        for t in (t for t in CONTRIBUTED if t not in ANCHOR):  # see ANCHOR
            stmts.append(f"CREATE INDEX {t.lower()}_doc IF NOT EXISTS FOR ()-[r:{t}]-() ON (r.{S.REL_DOC_PROPERTY})")
        # coordination on one topic: seek the topic's pairs, most shared obligations first.
        stmts.append(f"CREATE INDEX {S.COORDINATES_ON.lower()}_topic_obligations IF NOT EXISTS "
                     f"FOR ()-[r:{S.COORDINATES_ON}]-() ON (r.topic, r.obligations)")
        try:
            with self._session() as s:
                for stmt in stmts:
                    s.run(stmt).consume()
                s.run("CALL db.awaitIndexes(300)").consume()
        except (Neo4jError, DriverError) as e:
            raise self._failed("cannot create constraints/indexes", e) from None
        self._schema_ready = True

    # --- writing ---------------------------------------------------------------

    def write_document(self, g: DocumentGraph) -> None:
        """One document in one transaction, replacing its earlier version (same path or id)."""
        self._run_write(f"writing {g.path}", self._replace, [g])

    def write_documents(self, graphs: Iterable[DocumentGraph], batch: int = BATCH) -> int:
        """Many documents, ``batch`` per transaction (each batch whole or not at all)."""
        chunk: list[DocumentGraph] = []
        n = 0
        for g in graphs:
            chunk.append(g)
            if len(chunk) >= batch:
                self._run_write(f"writing {len(chunk)} documents from {chunk[0].path}", self._replace, chunk)
                n, chunk = n + len(chunk), []
        if chunk:
            self._run_write(f"writing {len(chunk)} documents from {chunk[0].path}", self._replace, chunk)
            n += len(chunk)
        return n

    def remove_document(self, path: str) -> bool:
        """Take ``path`` (as stored, or as a file name here) off its document, or the document
        with this id; a document left with no path is removed with everything it contributed,
        and the derived relationships of the pairs it touched are brought up to date."""
        vacated = sorted({path, canonical_path(path)})

        def work(tx) -> bool:
            found = self._stored_paths(tx, vacated, [path])
            gone = sorted(set(vacated) | set(found.get(path, [])))  # an id: every path of it
            plan = place([], found, gone)
            self._remove(tx, plan.remove)
            self._relocate(tx, plan.relocate)
            if plan.remove and self._dirty is not None:
                self._refresh(tx, self._dirty)
            return bool(found), bool(plan.remove)
        found, removed = self._run_write(f"removing {path}", work)
        if removed and self._dirty is None:
            self.rebuild_coordination()
        elif removed:
            self._dirty = set()
            self.mark_derived()
        return found

    def _track(self, tx, documents: list[str] = (), directives: list[str] = (),
               pairs: set[D.Pair] = frozenset()) -> None:
        """Note the pairs that these documents' or directives' obligations join (see ``_dirty``)."""
        if self._dirty is None:
            return
        self._dirty |= pairs | D.touched(_reader(tx), documents, directives, per_key=0)
        if len(self._dirty) > D.INCREMENTAL_LIMIT:
            self._dirty = None

    def _replace(self, tx, graphs: list[DocumentGraph]) -> None:
        """Take out the earlier versions of these documents (same content or same path, see
        ``graph.model.place``), then write them."""
        self._mark_written(tx)
        plan = place(graphs, self._stored_paths(tx, sorted({g.path for g in graphs}),
                                                sorted({g.document_id for g in graphs})))
        self._remove(tx, plan.remove)
        self._relocate(tx, plan.relocate)
        graphs = plan.graphs

        nodes: dict[str, list[Node]] = {label: [] for label in S.LABELS}
        for g in graphs:
            for n in g.nodes:
                nodes[n.label].append(n)
        for label in OWNED_LABELS:  # their earlier versions are gone: nothing to merge with
            self._create_nodes(tx, label, nodes[label])
        for label in (S.AGENCY, S.TOPIC):
            self._merge_nodes(tx, label, combine_nodes(label, nodes[label]))
        fulls = combine_nodes(S.DIRECTIVE, [n for n in nodes[S.DIRECTIVE] if not n.props.get("stub")])
        stubs = combine_nodes(S.DIRECTIVE, [n for n in nodes[S.DIRECTIVE] if n.props.get("stub")], fill_only=True)
        self._merge_nodes(tx, S.DIRECTIVE, fulls)
        self._absorb_stubs(tx, fulls)
        resolved = self._resolve_stubs(tx, stubs)
        self._merge_stub_directives(tx, [n for n in stubs if n.id not in resolved])

        groups = group_rels((r for g in graphs for r in g.rels), resolved)
        for (type_, sl, el), rels in groups.items():
            self._create_rels(tx, type_, sl, el, rels)
        if self._dirty is not None:
            pairs, directives = D.graph_pairs(graphs)
            self._track(tx, directives=directives, pairs=pairs)

    def _stored_paths(self, tx, paths: list[str], ids: list[str]) -> dict[str, list[str]]:
        """Stored documents with one of these paths or ids: id -> paths, the current ``path`` first.

        ``path`` and ``id`` are indexed; the other paths of a content found at several
        places are looked for among such documents only (a database from before ``paths``
        has ``path`` only)."""
        q = (f"MATCH (d:{S.DOCUMENT}) WHERE d.path IN $paths OR d.id IN $ids "
             "RETURN d.id AS id, d.path AS path, coalesce(d.paths, [d.path]) AS paths UNION "
             f"MATCH (d:{S.DOCUMENT}) WHERE size(d.paths) > 1 AND any(p IN d.paths WHERE p IN $paths) "
             "RETURN d.id AS id, d.path AS path, d.paths AS paths")
        found = {r["id"]: (r["path"], r["paths"]) for r in tx.run(q, paths=paths, ids=ids)}
        return {doc: [path, *sorted(p for p in ps if p != path)] for doc, (path, ps) in sorted(found.items())}

    def _relocate(self, tx, moves: dict[str, tuple[str, list[str]]]) -> None:
        """Documents that keep their content but lose some paths."""
        if moves:
            tx.run(f"UNWIND $rows AS r MATCH (d:{S.DOCUMENT} {{id: r.id}}) SET d.path = r.path, d.paths = r.paths",
                   rows=[{"id": d, "path": p, "paths": ps} for d, (p, ps) in sorted(moves.items())]).consume()

    def _remove(self, tx, olds: list[str]) -> None:
        """Remove what documents ``olds`` contributed; shared nodes left unused go too."""
        if not olds:
            return
        self._mark_written(tx)
        self._track(tx, documents=olds)
        touched: set[str] = set()
        shared = " OR ".join(f"n:{label}" for label in SHARED_LABELS)
        for t in CONTRIBUTED:
            if t in ANCHOR:  # from the document's own nodes, both directions
                own = f"(a:{ANCHOR[t]} {{{OWNER_KEY[ANCHOR[t]]}: o}})"
                q = f"UNWIND $olds AS o MATCH {own}-[r:{t}]-(b) WHERE r.{S.REL_DOC_PROPERTY} = o "
            else:
                q = f"UNWIND $olds AS o MATCH (a)-[r:{t} {{{S.REL_DOC_PROPERTY}: o}}]->(b) "
            q += f"WITH r, [n IN [a, b] WHERE {shared} | elementId(n)] AS ends DELETE r RETURN ends"
            for rec in tx.run(q, olds=olds):
                touched.update(rec["ends"])
        # Directives these documents defined: still defined by another document's report
        # (REPORTED_IN) stay full; else revert to stubs (deleted below if nothing cites them).
        q = (f"UNWIND $olds AS o MATCH (d:{S.DIRECTIVE} {{doc: o}}) "
             f"OPTIONAL MATCH (d)-[:{S.REPORTED_IN}]->(x:{S.DOCUMENT}) WHERE NOT x.id IN $olds "
             "RETURN d.id AS d, elementId(d) AS eid, x.id AS other, x.kind AS kind")
        reports: dict[str, list[tuple[str | None, str | None]]] = {}
        for rec in tx.run(q, olds=olds):
            reports.setdefault(rec["d"], []).append((rec["other"], rec["kind"]))
            touched.add(rec["eid"])
        tx.run(f"UNWIND $rows AS r MATCH (d:{S.DIRECTIVE} {{id: r.id}}) "
               "SET d.doc = r.doc, d.stub = r.doc IS NULL, d.source_kind = r.kind",
               rows=[dict(zip(("id", "doc", "kind"), (did, *best_report(found))))
                     for did, found in sorted(reports.items())]).consume()
        tx.run(f"UNWIND $olds AS o MATCH (x:{S.OBLIGATION} {{doc: o}}) DETACH DELETE x", olds=olds).consume()
        tx.run(f"UNWIND $olds AS o MATCH (x:{S.DOCUMENT} {{id: o}}) DETACH DELETE x", olds=olds).consume()
        tx.run("UNWIND $ids AS eid MATCH (n) WHERE elementId(n) = eid "
               "AND NOT EXISTS { (n)-[r]-() WHERE NOT type(r) IN $derived } DETACH DELETE n",
               ids=sorted(touched), derived=sorted(S.DERIVED)).consume()

    def _create_nodes(self, tx, label: str, nodes: list[Node]) -> None:
        """CREATE a document's own nodes (Obligation, Document): ``_replace`` has just removed
        any earlier version, so a MERGE would only cost a lookup per row."""
        if nodes:
            names = S.NODE_PROPERTIES[label]
            tx.run(f"UNWIND $rows AS r CREATE (n:{label}) SET n = r",
                   rows=[_schema_props(n.props, names) | {"id": n.id} for n in nodes]).consume()

    def _merge_nodes(self, tx, label: str, nodes: list[Node]) -> None:
        """MERGE on id. A document's own nodes (Obligation, Document) take its values; shared
        ones keep what the new row lacks and collect list values (aliases) from every document."""
        if not nodes:
            return
        if label == S.DIRECTIVE:   # an official text outranks a report, whatever the order (merge_reports)
            merge = report_merge_cypher([p for p in S.NODE_PROPERTIES[label] if p != "id"],
                                        lambda p: f"r.props.{p}", lambda p: f"n.{p}", "n, r")
            tx.run(f"UNWIND $rows AS r MERGE (n:{label} {{id: r.id}}) {merge}",
                   rows=[{"id": n.id, "props": n.props} for n in nodes]).consume()
            return
        sets = []
        for p, t in S.NODE_PROPERTIES[label].items():
            if p == "id":
                continue
            if overwrites(label, p):
                sets.append(f"n.{p} = r.props.{p}")
            elif t == S.STRINGS:
                sets.append(f"n.{p} = COLLECT {{ UNWIND coalesce(n.{p}, []) + coalesce(r.props.{p}, []) AS x "
                            "RETURN DISTINCT x ORDER BY x }")
            else:
                sets.append(f"n.{p} = coalesce(r.props.{p}, n.{p})")
        tx.run(f"UNWIND $rows AS r MERGE (n:{label} {{id: r.id}}) SET {', '.join(sets)}",
               rows=[{"id": n.id, "props": n.props} for n in nodes]).consume()

    def _stub_candidates(self, tx, keys: list[str], stub: bool) -> list[tuple[str, str]]:
        """(number_key, id) of the stubs (or full directives) carrying these number keys."""
        q = (f"UNWIND $keys AS k MATCH (d:{S.DIRECTIVE} {{number_key: k}}) WHERE d.stub = $stub "
             "RETURN k, d.id AS id ORDER BY id")
        return [(r["k"], r["id"]) for r in tx.run(q, keys=sorted(set(keys)), stub=stub)]

    def _absorb_stubs(self, tx, fulls: list[Node]) -> None:
        """Existing stubs naming a newly defined directive merge into it: their relationships
        move over, and they fill in what the full directive lacks (never overwrite)."""
        by_key: dict[str, list[str]] = {}
        for n in fulls:
            if n.props.get("number_key"):
                by_key.setdefault(n.props["number_key"], []).append(n.id)
        if not by_key:
            return
        pairs: dict[str, str] = {}
        for key, stub_id in self._stub_candidates(tx, list(by_key), stub=True):
            target = absorbing_directive(stub_id, by_key[key])   # fulls in batch order
            if target:
                pairs[stub_id] = target
        if not pairs:
            return
        rows = [{"stub": s, "full": f} for s, f in pairs.items()]
        match = f"UNWIND $rows AS p MATCH (s:{S.DIRECTIVE} {{id: p.stub}}) MATCH (f:{S.DIRECTIVE} {{id: p.full}}) "
        for t in DIRECTIVE_OUT:
            tx.run(match + f"MATCH (s)-[r:{t}]->(x) WITH f, x, r, properties(r) AS props DELETE r "
                   f"WITH f, x, props WHERE NOT EXISTS {{ (f)-[q:{t}]->(x) WHERE properties(q) = props }} "
                   f"CREATE (f)-[n:{t}]->(x) SET n = props", rows=rows).consume()
        for t in DIRECTIVE_IN:
            tx.run(match + f"MATCH (x)-[r:{t}]->(s) WITH f, x, r, properties(r) AS props DELETE r "
                   f"WITH f, x, props WHERE NOT EXISTS {{ (x)-[q:{t}]->(f) WHERE properties(q) = props }} "
                   f"CREATE (x)-[n:{t}]->(f) SET n = props", rows=rows).consume()
        fill = ", ".join(f"f.{p} = coalesce(f.{p}, s.{p})" for p in DESCRIPTIVE)
        tx.run(match + f"SET {fill} DETACH DELETE s", rows=rows).consume()

    def _resolve_stubs(self, tx, stubs: list[Node]) -> dict[str, str]:
        """stub id -> the one full directive it names, for a stub not yet in the graph.

        A stub naming several full directives is ambiguous and stays a stub.
        """
        fresh = {n.id: n for n in stubs if "_" in n.id.split("|") and n.props.get("number_key")}
        if not fresh:
            return {}
        existing = {r["id"] for r in tx.run(f"UNWIND $ids AS i MATCH (d:{S.DIRECTIVE} {{id: i}}) RETURN d.id AS id",
                                            ids=sorted(fresh))}
        fulls: dict[str, list[str]] = {}
        keys = [n.props["number_key"] for i, n in fresh.items() if i not in existing]
        for key, full_id in self._stub_candidates(tx, keys, stub=False):
            fulls.setdefault(key, []).append(full_id)
        out = {}
        for i, n in fresh.items():
            named = named_directive(i, fulls.get(n.props["number_key"], []))
            if i not in existing and named:
                out[i] = named
        return out

    def _merge_stub_directives(self, tx, stubs: list[Node]) -> None:
        """A stub never overwrites: it creates the node or fills what another stub left empty."""
        if not stubs:
            return
        fill = ", ".join(f"d.{p} = CASE WHEN d.stub THEN coalesce(d.{p}, r.props.{p}) ELSE d.{p} END"
                         for p in DESCRIPTIVE)
        q = (f"UNWIND $rows AS r MERGE (d:{S.DIRECTIVE} {{id: r.id}}) "
             f"ON CREATE SET d += r.props ON MATCH SET {fill}")
        tx.run(q, rows=[{"id": n.id, "props": n.props} for n in stubs]).consume()

    def _create_rels(self, tx, type_: str, start_label: str, end_label: str, rels: list[Rel]) -> None:
        """CREATE one group of relationships. Rows travel as short lists, the document id as an
        index into ``$docs`` (it is on every relationship and 64 characters long)."""
        docs: dict[str, int] = {}
        more = any(k != S.REL_DOC_PROPERTY for r in rels for k in r.props)
        rows = []
        for r in rels:
            row = [r.start, r.end, docs.setdefault(r.props.get(S.REL_DOC_PROPERTY), len(docs))]
            if more:
                row.append({k: v for k, v in r.props.items() if k != S.REL_DOC_PROPERTY})
            rows.append(row)
        extra = " SET x += r[3]" if more else ""
        q = (f"UNWIND $rows AS r MATCH (a:{start_label} {{id: r[0]}}) MATCH (b:{end_label} {{id: r[1]}}) "
             f"CREATE (a)-[x:{type_} {{{S.REL_DOC_PROPERTY}: $docs[r[2]]}}]->(b){extra} RETURN count(x) AS n")
        made = tx.run(q, rows=rows, docs=list(docs)).single()["n"]
        if made != len(rows):
            raise StoreError(f"{type_}: {len(rows) - made} relationships point at nodes that are not there")

    # --- bulk loading from the Parquet tables ------------------------------------

    def load_tables(self, directory: str | Path, batch: int = LOAD_BATCH) -> dict[str, int]:
        """A first load of this (empty) database from the Parquet tables of ``graph.tables``
        over Bolt, ``batch`` rows per transaction, then the derived relationships. The
        offline importer (``phoihop load --neo4j-import``) is faster for millions of rows;
        this path needs only a running server. A database holding documents is refused."""
        from . import tables as T

        problems = T.check_tables(directory)
        if problems:
            raise StoreError(problems[0])
        self._ensure_schema()
        if self._read(lambda tx: tx.run(f"MATCH (d:{S.DOCUMENT}) RETURN count(d) AS n").single()["n"]):
            raise StoreError(f"Neo4j at {self.uri} already holds documents: 'phoihop load' fills a new database "
                             "(add documents to it with 'phoihop ingest --neo4j')")
        self._run_write("loading the tables", self._mark_written)
        for label in T.NODE_TABLES:
            for part in batched(T.nodes_of(directory, label), batch):
                self._run_write(f"loading {label} nodes", self._create_nodes, label, part)
        for key in T.REL_TABLES:
            for part in batched(T.rels_of(directory, key), batch):
                self._run_write(f"loading {key[0]} relationships", self._create_rels, *key, part)
        self.rebuild_coordination()
        return self.counts()

    def finish_import(self, empty_lists: dict[tuple[str, str], list[str]], batch: int = LOAD_BATCH) -> None:
        """After ``neo4j-admin database import`` (``graph.neo4j_import``): set the list
        properties CSV left out (empty lists), create the constraints and indexes, record the
        documents as written and derive the relationships (``rebuild_coordination``)."""
        for (label, prop), ids in sorted(empty_lists.items()):
            for part in batched(ids, batch):
                self._run_write(f"setting empty {label}.{prop}", lambda tx, part=part: tx.run(
                    f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) SET n.{prop} = []", ids=part).consume())
        self._run_write("recording the import", self._mark_written)
        self.rebuild_coordination()

    # --- derived ---------------------------------------------------------------

    def _mark_written(self, tx) -> None:
        """Record, in the writing transaction, that this handle's ingest changed documents."""
        tx.run(f"MERGE (s:{STATE} {{key: 'written'}}) SET s.value = $v", v=self._ingest).consume()

    @staticmethod
    def _state(tx) -> dict[str, str]:
        """"written": the ingest that last changed documents; "derived": the ingest whose
        documents the derived relationships were last built from."""
        return {r["k"]: r["v"] for r in tx.run(f"MATCH (s:{STATE}) RETURN s.key AS k, s.value AS v")}

    def mark_derived(self) -> None:
        """Record that the derived relationships are built from every document written so far."""
        self._run_write("marking the derived relationships current", lambda tx: tx.run(
            f"MATCH (w:{STATE} {{key: 'written'}}) MERGE (s:{STATE} {{key: 'derived'}}) SET s.value = w.value").consume())

    def stale_note(self) -> str | None:
        """A warning when documents changed after the derived relationships were built (an
        ingest still running, or stopped before deriving); None when they are current."""
        state = self._read(self._state)
        if "written" in state and state.get("derived") != state["written"]:
            return (f"warning: Neo4j at {self.uri}: the last ingest has not derived coordination from its documents "
                    "(still running, or stopped): coordination and hubs may be stale; 'phoihop repair --neo4j' "
                    "rebuilds them")
        return None

    def rebuild_coordination(self) -> None:
        """Every derived relationship (``graph.derive``) computed again from the stored roles,
        replacing the old ones.

        They are written in transactions of ``DERIVED_BATCH``: one transaction for all of
        them (1.2M at 100k documents) needed more than the server's transaction memory
        (2.8 GB of a 4 GB heap). Queries running during a rebuild may see part of them.
        The roles are read row by row and grouped in Python (grouping millions of rows in
        Cypher would hold them all in the server's memory)."""
        what = "rebuilding the derived relationships"
        state: dict[str, str | None] = {}
        self._ensure_schema()
        try:
            with self._session() as s:
                derived, state["written"] = s.execute_read(
                    lambda tx: (D.derive(_reader(tx)), self._state(tx).get("written")))
                for rel_type in derived:
                    s.run(f"MATCH ()-[r:{rel_type}]->() CALL (r) {{ DELETE r }} "
                          f"IN TRANSACTIONS OF {DERIVED_BATCH} ROWS").consume()
        except (Neo4jError, DriverError) as e:
            raise self._failed(f"{what} failed", e) from None
        for rel_type, rels in derived.items():
            for start in range(0, len(rels), DERIVED_BATCH):
                self._run_write(what, self._create_rels, rel_type, S.AGENCY, S.AGENCY, rels[start:start + DERIVED_BATCH])
        if state.get("written"):  # built from what that ingest had written
            self._run_write(what, lambda tx: tx.run(f"MERGE (s:{STATE} {{key: 'derived'}}) SET s.value = $v",
                                                    v=state["written"]).consume())
        self._dirty = set()
        self._resample()

    def _resample(self) -> None:
        """The planner reads index statistics: sampled while the index was near empty,
        they make it scan the whole topic index instead of seeking one topic."""
        try:
            with self._session() as s:
                s.run("CALL db.resampleOutdatedIndexes()").consume()
        except (Neo4jError, DriverError) as e:
            raise self._failed("resampling index statistics failed", e) from None

    def update_derived(self) -> None:
        """Bring the derived relationships up to date after writes or removals: only the
        pairs whose shared obligations changed are recomputed (all of them after a bulk load)."""
        if self._dirty is None:
            self.rebuild_coordination()
        elif self._dirty:
            self._run_write("updating the derived relationships", self._refresh, self._dirty)
            self._dirty = set()

    def _refresh(self, tx, pairs: set[D.Pair]) -> None:
        """Replace the derived relationships of ``pairs`` (inside transaction ``tx``)."""
        rows = [{"a": a, "b": b} for a, b in sorted(pairs)]
        if not rows:
            return
        derived = D.derive(_reader(tx), pairs, per_key=0)   # a few queries for all pairs (seeks)
        tx.run(f"UNWIND $pairs AS p MATCH (a:{S.AGENCY} {{id: p.a}})-[r:{'|'.join(sorted(S.DERIVED))}]->"
               f"(b:{S.AGENCY} {{id: p.b}}) DELETE r", pairs=rows).consume()
        for rel_type, rels in derived.items():
            if rels:
                self._create_rels(tx, rel_type, S.AGENCY, S.AGENCY, rels)

    # --- reading ---------------------------------------------------------------

    def query(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Read-only Cypher: it runs in a READ transaction, so Neo4j refuses any write; what
        such a transaction still allows (TERMINATE TRANSACTIONS, DBMS procedures that change
        the server) is refused before it runs (``QueryRefused``)."""
        reason = neo4j_admin_reason(cypher) or self._dbms_procedure(cypher)
        if reason:
            raise QueryRefused(f"administration commands are refused: {reason} (this command only reads)")
        try:
            with self._session(default_access_mode=READ_ACCESS) as s:
                return _native(s.execute_read(lambda tx: tx.run(cypher, params or {}).data()))
        except ClientError as e:
            text = _one_line(e)
            if "AccessMode" in (e.code or "") or "read access mode" in text.lower() or "read only" in text.lower():
                raise QueryRefused(f"write queries are refused: {text}") from None
            raise StoreError(f"query failed: {text}") from None
        except (Neo4jError, DriverError) as e:
            raise self._failed("query failed", e) from None

    def _dbms_procedure(self, cypher: str) -> str | None:
        """The first procedure ``cypher`` calls that has mode DBMS and may change the server
        (a READ transaction runs those), as a reason; None when there is none."""
        names = sorted(set(called_procedures(cypher)) - READ_DBMS_PROCEDURES)
        if not names:
            return None
        q = "SHOW PROCEDURES YIELD name, mode WHERE name IN $names AND mode = 'DBMS' RETURN name ORDER BY name"
        found = self._read(lambda tx: [r["name"] for r in tx.run(q, names=names)])
        return f"CALL {found[0]} acts on the server (a DBMS procedure)" if found else None

    def _read(self, work) -> Any:
        try:
            with self._session(default_access_mode=READ_ACCESS) as s:
                return s.execute_read(work)
        except (Neo4jError, DriverError) as e:
            raise self._failed("reading failed", e) from None

    def counts(self) -> dict[str, int]:
        def work(tx) -> dict[str, int]:
            out = {label: tx.run(f"MATCH (n:{label}) RETURN count(n) AS n").single()["n"] for label in S.LABELS}
            out.update({t: tx.run(f"MATCH ()-[r:{t}]->() RETURN count(r) AS n").single()["n"] for t in S.REL_TYPES})
            return out
        return self._read(work)

    def to_networkx(self) -> nx.MultiDiGraph:
        def work(tx) -> tuple[list[Node], list[Rel]]:
            nodes, rels = [], []
            for label in S.LABELS:
                for r in tx.run(f"MATCH (n:{label}) RETURN n.id AS id, properties(n) AS p ORDER BY id"):
                    nodes.append(Node(label, r["id"], _schema_props(r["p"], S.NODE_PROPERTIES[label])))
            for t in S.REL_TYPES:
                if t in S.SUMMARIES:
                    continue
                keys = S.RELATIONSHIPS[t][1]
                q = (f"MATCH (a)-[r:{t}]->(b) RETURN head(labels(a)) AS sl, a.id AS s, "
                     "head(labels(b)) AS el, b.id AS e, properties(r) AS p")
                for r in tx.run(q):
                    rels.append(Rel(t, r["sl"], r["s"], r["el"], r["e"], _schema_props(_native(r["p"]), keys)))
            return nodes, rels
        return to_networkx(*self._read(work))

    # --- housekeeping ----------------------------------------------------------

    def clear(self) -> None:
        """Delete every node and relationship (tests, benchmarks); constraints stay."""
        try:
            with self._session() as s:
                while s.run("MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS n").single()["n"]:
                    pass
        except (Neo4jError, DriverError) as e:
            raise self._failed("clearing failed", e) from None

    def close(self) -> None:
        self._driver.close()

    def __enter__(self) -> "Neo4jStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
