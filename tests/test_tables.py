"""The Parquet tables of the graph model (``graph.tables``) and ``phoihop load``: the seeds and
200 generated documents, extracted to tables and bulk-loaded, give exactly the graph of
``phoihop ingest`` on the same files (every node, relationship and property; the counts; the
answers of the named questions: duties, coordination, hubs), in the embedded store and in a
real Neo4j; a file that cannot be read is a row of the errors table.
"""
from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from phoihop.cli import app
from phoihop.graph import schema as S
from phoihop.graph import tables as T
from phoihop.graph.embedded_store import EmbeddedStore
from phoihop.graph.loader import ingest_paths
from phoihop.graph.store import StoreError
from conftest import answers, assert_loads_like_ingest
from test_embedded_store import snapshot

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def test_tables_hold_one_row_per_node_and_contributed_relationship(local_tables, ingested):
    counts = ingested[0]
    for label, table in T.NODE_TABLES.items():
        assert pq.read_table(local_tables / table).num_rows == counts[label], table
    rels = {t: 0 for t in S.REL_TYPES}
    for (rel_type, _, _), t in T.REL_TABLES.items():
        rows = T.read(local_tables, t.table).to_pylist()
        rels[rel_type] += sum(1 for r in rows if not t.tag or r[t.tag[0]] == t.tag[1])
    assert {t: n for t, n in rels.items() if t not in S.DERIVED} == {
        t: counts[t] for t in S.REL_TYPES if t not in S.DERIVED}
    roles = T.read(local_tables, "roles").to_pylist()
    assert {r["role"] for r in roles} == {"lead", "support", "reports_to"}
    assert all(r["agency"] and r["obligation"] and len(r["doc"]) == 64 for r in roles)


def test_a_corrupt_file_is_a_row_of_the_errors_table(local_tables, corpus):
    errors = T.read(local_tables, T.ERRORS).to_pylist()
    assert [Path(e["path"]).name for e in errors] == ["broken.docx"]
    assert errors[0]["reason"] and not errors[0]["reason"].startswith(errors[0]["path"])


def test_load_gives_the_graph_of_ingest_in_the_embedded_store(local_tables, ingested, tmp_path):
    counts = assert_loads_like_ingest(local_tables, ingested, tmp_path / "loaded")
    assert counts[S.COORDINATES_WITH] > 0 and counts[S.COORDINATES_ON] > 0
    with EmbeddedStore(tmp_path / "loaded", read_only=True) as s:  # the derivation is recorded as current
        assert s.notes == [] and s.counts() == counts


def test_load_refuses_a_store_that_holds_documents(local_tables, tmp_path):
    with EmbeddedStore(tmp_path / "s") as s:
        s.load_tables(local_tables)
        before = s.counts()
        with pytest.raises(StoreError, match="already holds documents"):
            s.load_tables(local_tables)
        assert s.counts() == before


def test_load_command_reports_and_fails_in_one_line(local_tables, tmp_path, ingested):
    result = runner.invoke(app, ["load", str(local_tables), "--store", str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    assert f"{ingested[0][S.DOCUMENT]} Document" in result.stdout and "COORDINATES_WITH" in result.stdout
    again = runner.invoke(app, ["load", str(local_tables), "--store", str(tmp_path / "s")])
    assert again.exit_code == 1 and "already holds documents" in again.output
    missing = runner.invoke(app, ["load", str(tmp_path / "none"), "--store", str(tmp_path / "t")])
    assert missing.exit_code == 1 and "no such directory" in missing.output
    assert "Example: phoihop" in runner.invoke(app, ["load", "--help"]).output


def test_extract_engine_local_writes_the_tables_and_exits_1_on_a_bad_file(corpus, local_tables, tmp_path):
    out = tmp_path / "t"
    result = runner.invoke(app, ["extract", "--engine", "local", corpus[0], "--out", str(out)])
    assert result.exit_code == 1 and "1 file gave nothing" in result.output
    assert pq.read_table(out / "documents").num_rows == 5
    assert sorted(p.name for p in out.iterdir()) == sorted(T.TABLES)
    assert "--engine" in runner.invoke(app, ["extract", "--help"]).output


def test_every_table_and_column_is_documented():
    doc = (ROOT / "docs" / "scale.md").read_text(encoding="utf-8")
    for table, cols in T.COLUMNS.items():
        assert f"\n`{table}`:" in doc, table
        section = doc.split(f"\n`{table}`:", 1)[1].split("\n\n", 1)[0]
        for c in cols:
            assert f"`{c}`" in section, (table, c)


@pytest.mark.neo4j
def test_load_gives_the_graph_of_ingest_in_neo4j(neo4j_store, corpus, local_tables, ingested):
    ingest_paths(corpus, neo4j_store)
    counts, snap, expected = neo4j_store.counts(), snapshot(neo4j_store), answers(neo4j_store)
    assert counts == ingested[0] and snap == ingested[1]
    neo4j_store.clear()
    assert neo4j_store.load_tables(local_tables) == counts
    assert snapshot(neo4j_store) == snap
    assert answers(neo4j_store) == expected
    assert neo4j_store.stale_note() is None


@pytest.mark.neo4j
def test_neo4j_import_gives_the_graph_of_ingest(local_tables, ingested, tmp_path):
    """The offline importer into a throwaway instance of the bundled Neo4j (started, stopped
    for the import, started again), then the derivation over Bolt."""
    from phoihop.commands.neo4j import server_module
    from phoihop.graph.neo4j_store import Neo4jStore

    srv = server_module()
    instance = tmp_path / "neo4j"
    srv.start(instance)
    try:
        result = runner.invoke(app, ["load", str(local_tables), "--neo4j-import", "--instance", str(instance)])
        assert result.exit_code == 0, result.output
        assert "IMPORT DONE" in result.output and "Neo4j runs again" in result.output
        server = srv.status(instance)
        with Neo4jStore(server.uri, server.user, server.password) as s:
            assert s.counts() == ingested[0]
            assert snapshot(s) == ingested[1]
            assert s.stale_note() is None
        again = runner.invoke(app, ["load", str(local_tables), "--neo4j-import", "--instance", str(instance)])
        assert again.exit_code == 1 and "already holds documents" in again.output
    finally:
        srv.stop(instance)
