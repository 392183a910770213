"""The Neo4j store against a real Neo4j Community server (started once per session).

Same input and the same promises as the embedded store's tests: the five
hand-checked gold documents, two tiny documents for citation stubs, and the
helpers of ``test_embedded_store`` (snapshots, a document's contribution, the
counts the model predicts) so both stores are held to one standard.
"""
from __future__ import annotations

import stat
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from phoihop.graph import schema as S
from phoihop.graph.embedded_store import EmbeddedStore
from phoihop.graph.loader import ingest_extractions
from phoihop.graph.model import document_graph
from phoihop.graph.neo4j_store import Neo4jStore
from phoihop.graph.store import StoreError, open_store
from test_embedded_store import FULL_ID, ISSUING, _citing, contribution, edited, expected_counts, snapshot

pytestmark = pytest.mark.neo4j


@pytest.fixture
def gold_store(neo4j_store, gold_extractions):
    ingest_extractions(gold_extractions, neo4j_store)
    return neo4j_store


# ---------------------------------------------------------------- gold documents

def test_gold_documents_give_the_counts_the_model_predicts(gold_store, gold_extractions):
    counts = gold_store.counts()
    assert set(counts) == set(S.LABELS) | set(S.REL_TYPES)  # zeros included
    assert counts == expected_counts([document_graph(ex) for ex in gold_extractions])
    assert counts[S.DOCUMENT] == 5 and counts[S.PART_OF] == 0 and counts[S.COORDINATES_WITH] > 0


def test_ingesting_again_changes_nothing(gold_store, gold_extractions):
    before_counts, before = gold_store.counts(), snapshot(gold_store)
    ingest_extractions(gold_extractions, gold_store)
    assert gold_store.counts() == before_counts
    assert snapshot(gold_store) == before


def test_the_bulk_path_gives_the_same_graph(gold_store, gold_extractions):
    before = snapshot(gold_store)
    gold_store.clear()
    graphs = [document_graph(ex) for ex in gold_extractions]
    assert gold_store.write_documents(graphs + graphs, batch=3) == 10  # second copies replace the first
    gold_store.rebuild_coordination()
    assert snapshot(gold_store) == before


def _derived(store) -> list[tuple]:
    rows = store.query(f"MATCH (a:{S.AGENCY})-[r]->(b:{S.AGENCY}) WHERE type(r) IN $types "
                       "RETURN type(r) AS t, a.id AS a, b.id AS b, properties(r) AS p", {"types": sorted(S.DERIVED)})
    return sorted((r["t"], r["a"], r["b"], sorted(r["p"].items())) for r in rows)


def test_the_derived_relationships_are_rebuilt_in_small_transactions_alike(gold_store, monkeypatch):
    """The rebuild writes its summary in transactions of DERIVED_BATCH relationships (one
    transaction for all of them outgrew the server's memory at 100k documents): cut into
    transactions of two, it replaces the old summary with the same relationships."""
    whole = _derived(gold_store)
    assert {t for t, *_ in whole} == set(S.DERIVED)
    monkeypatch.setattr("phoihop.graph.neo4j_store.DERIVED_BATCH", 2)
    gold_store.rebuild_coordination()
    assert _derived(gold_store) == whole


def test_same_graph_as_the_embedded_store(gold_store, gold_extractions, tmp_path):
    with EmbeddedStore(tmp_path / "embedded") as embedded:
        ingest_extractions(gold_extractions, embedded)
        assert embedded.counts() == gold_store.counts()
        assert snapshot(embedded) == snapshot(gold_store)


def test_editing_one_document_replaces_only_its_part(gold_store, gold_extractions):
    old = gold_extractions[3]
    new = edited(old)
    others = {ex.sha256: contribution(gold_store, ex.sha256) for ex in gold_extractions if ex is not old}
    before = gold_store.counts()

    ingest_extractions([new], gold_store)

    after = gold_store.counts()
    old_g, new_g = document_graph(old), document_graph(new)
    for t in S.REL_TYPES:
        if t not in S.DERIVED:
            assert after[t] == before[t] - sum(r.type == t for r in old_g.rels) + sum(r.type == t for r in new_g.rels), t
    assert after[S.OBLIGATION] == before[S.OBLIGATION] - 1
    assert after[S.DOCUMENT] == before[S.DOCUMENT]
    assert contribution(gold_store, old.sha256) == []
    for doc, part in others.items():
        assert contribution(gold_store, doc) == part


def test_a_failure_inside_the_transaction_leaves_the_database_as_it_was(gold_store, gold_extractions, monkeypatch):
    before_counts, before = gold_store.counts(), snapshot(gold_store)
    real_create = Neo4jStore._create_rels
    calls = []

    def failing(self, *args):
        calls.append(args[0])
        if len(calls) == 3:
            raise RuntimeError("disk full (injected)")
        return real_create(self, *args)

    monkeypatch.setattr(Neo4jStore, "_create_rels", failing)
    with pytest.raises(RuntimeError, match="injected"):
        gold_store.write_document(document_graph(edited(gold_extractions[0])))
    assert len(calls) == 3  # the old version was removed and two batches written, then the fault
    assert gold_store.counts() == before_counts
    assert snapshot(gold_store) == before

    monkeypatch.undo()  # the store is still usable
    gold_store.write_document(document_graph(edited(gold_extractions[0])))
    assert gold_store.counts()[S.OBLIGATION] == before_counts[S.OBLIGATION] - 1


def test_every_obligation_has_an_assignee_and_a_source_quote(gold_store):
    assert gold_store.query(
        f"MATCH (o:{S.OBLIGATION}) WHERE NOT EXISTS {{ MATCH (:{S.AGENCY})-[:{S.LEADS}|{S.SUPPORTS}]->(o) }} "
        "RETURN o.id") == []
    rows = gold_store.query(
        f"MATCH (o:{S.OBLIGATION})-[e:{S.EVIDENCED_BY}]->(d:{S.DOCUMENT}) "
        "RETURN o.text AS text, e.start AS start, e.`end` AS stop, e.quote AS quote, d.path AS path")
    assert len(rows) == gold_store.counts()[S.OBLIGATION] > 0
    texts: dict[str, str] = {}
    for r in rows:
        text = texts.setdefault(r["path"], Path(r["path"]).read_text(encoding="utf-8"))
        assert r["quote"] == text[r["start"]:r["stop"]] == r["text"]


def test_removing_every_document_empties_the_database(gold_store, gold_extractions):
    for ex in gold_extractions:
        assert gold_store.remove_document(ex.path)
    assert not gold_store.remove_document(gold_extractions[0].path)
    gold_store.rebuild_coordination()
    assert set(gold_store.counts().values()) == {0}


# ---------------------------------------------------------------- citation stubs

@pytest.mark.parametrize("to_issuer", [None, "Ủy ban nhân dân quận Đống Đa"])
@pytest.mark.parametrize("citing_first", [True, False])
def test_a_cited_directive_is_one_full_node_in_either_order(neo4j_store, to_issuer, citing_first):
    store, citing = neo4j_store, _citing(to_issuer)
    stub = next(n for n in document_graph(citing).nodes if n.props.get("stub"))
    assert "_" in stub.id.split("|")  # the citation gives no year: a stub with unknown parts
    order = [citing, ISSUING] if citing_first else [ISSUING, citing]
    ingest_extractions(order, store)

    rows = store.query(f"MATCH (d:{S.DIRECTIVE}) WHERE d.number_key = $n RETURN d.id AS id, d.stub AS stub, "
                       "d.doc AS doc, d.subject AS subject", {"n": "345/UBND-YT"})
    # the citation's own wording of the subject never overwrites the directive's
    assert rows == [{"id": FULL_ID, "stub": False, "doc": ISSUING.sha256, "subject": "phòng, chống sốt xuất huyết"}]
    cites = store.query(f"MATCH (a:{S.DIRECTIVE})-[c:{S.CITES}]->(b:{S.DIRECTIVE}) "
                        "RETURN a.number AS source, b.id AS target, c.relation AS relation, c.doc AS doc")
    assert cites == [{"source": "12/KH-UBND", "target": FULL_ID, "relation": "implements", "doc": citing.sha256}]
    assert store.counts()[S.DIRECTIVE] == 2
    issued = sum(r.type == S.ISSUED for ex in order for r in document_graph(ex).rels)
    assert store.counts()[S.ISSUED] == issued  # a stub's ISSUED edge moves to the full node

    before = snapshot(store)
    ingest_extractions(order, store)  # idempotent with stubs too
    assert snapshot(store) == before


def test_both_orders_give_the_same_graph(neo4j_store):
    snaps = []
    for order in ([_citing(None), ISSUING], [ISSUING, _citing(None)]):
        neo4j_store.clear()
        ingest_extractions(order, neo4j_store)
        snaps.append(snapshot(neo4j_store))
    assert snaps[0] == snaps[1]


def test_a_directive_whose_document_goes_reverts_to_a_stub(neo4j_store):
    citing = _citing(None)
    ingest_extractions([citing, ISSUING], neo4j_store)
    assert neo4j_store.remove_document(ISSUING.path)
    rows = neo4j_store.query(f"MATCH (a:{S.DIRECTIVE})-[:{S.CITES}]->(d:{S.DIRECTIVE}) "
                             "RETURN d.id AS id, d.stub AS stub, d.doc AS doc")
    assert rows == [{"id": FULL_ID, "stub": True, "doc": None}]
    assert neo4j_store.remove_document(citing.path)
    assert set(neo4j_store.counts().values()) == {0}


# ---------------------------------------------------------------- read-only queries

@pytest.mark.parametrize("cypher", [
    "MATCH (n) DETACH DELETE n",
    f"CREATE (:{S.AGENCY} {{id: 'x'}})",
    f"match (a:{S.AGENCY}) set a.name = 'x'",
    f"MERGE (a:{S.TOPIC} {{id: 'x'}})",
    f"MATCH (a:{S.AGENCY}) /* harmless? */ REMOVE a.name",
    f"CREATE INDEX spare IF NOT EXISTS FOR (n:{S.AGENCY}) ON (n.kind)",
])
def test_write_queries_are_refused_by_neo4j(gold_store, cypher):
    before = snapshot(gold_store)
    with pytest.raises(StoreError, match="^write queries are refused: ") as e:
        gold_store.query(cypher)
    assert "\n" not in str(e.value)
    assert snapshot(gold_store) == before


def test_query_takes_parameters_and_reports_bad_cypher_in_one_line(gold_store):
    rows = gold_store.query(f"MATCH (d:{S.DOCUMENT}) WHERE d.chars > $min RETURN d.id AS id, d.kind AS kind "
                            "ORDER BY id", {"min": 0})
    assert len(rows) == 5 and set(rows[0]) == {"id", "kind"}
    with pytest.raises(StoreError, match="^query failed: ") as e:
        gold_store.query("MATCH (n) RETURN n LIMT 1")
    assert "\n" not in str(e.value)


# ---------------------------------------------------------------- connecting

def test_open_store_with_neo4j_reads_the_environment(neo4j_server):
    with open_store(neo4j=True) as store:
        assert store.name == "neo4j" and store.uri == neo4j_server.uri


def test_a_wrong_password_is_one_clear_line(neo4j_server, monkeypatch):
    monkeypatch.setenv("PHOIHOP_NEO4J_PASSWORD", "not-the-password")
    with pytest.raises(StoreError, match="authentication failed") as e:
        Neo4jStore.from_env()
    assert "\n" not in str(e.value) and neo4j_server.uri in str(e.value)


def test_neo4j_down_is_one_clear_line(neo4j_server, monkeypatch):
    from phoihop.commands.neo4j import server_module

    uri = f"bolt://127.0.0.1:{server_module().free_port()}"  # nothing listens there
    monkeypatch.setenv("PHOIHOP_NEO4J_URI", uri)
    with pytest.raises(StoreError, match="cannot connect") as e:
        Neo4jStore.from_env()
    assert "\n" not in str(e.value) and uri in str(e.value)


def test_missing_settings_are_named(monkeypatch):
    monkeypatch.delenv("PHOIHOP_NEO4J_URI", raising=False)
    monkeypatch.delenv("PHOIHOP_NEO4J_PASSWORD", raising=False)
    with pytest.raises(StoreError, match="PHOIHOP_NEO4J_URI, PHOIHOP_NEO4J_PASSWORD not set"):
        Neo4jStore.from_env()


# ---------------------------------------------------------------- the bundled server

def test_the_server_keeps_its_password_private_and_the_cli_reports_it(neo4j_server):
    from phoihop.commands.neo4j import register

    password_file = Path(neo4j_server.instance) / "password"
    assert stat.S_IMODE(password_file.stat().st_mode) == 0o600

    app = typer.Typer()
    app.callback()(lambda: None)
    register(app)
    runner = CliRunner()
    status = runner.invoke(app, ["neo4j", "status", "--instance", neo4j_server.instance])
    assert status.exit_code == 0 and neo4j_server.uri in status.output
    env = runner.invoke(app, ["neo4j", "env", "--instance", neo4j_server.instance])
    assert env.stdout.splitlines() == [f"export PHOIHOP_NEO4J_URI={neo4j_server.uri}",
                                       "export PHOIHOP_NEO4J_USER=neo4j",
                                       f"export PHOIHOP_NEO4J_PASSWORD={neo4j_server.password}"]
    missing = runner.invoke(app, ["neo4j", "status", "--instance", str(password_file.parent / "elsewhere")])
    assert missing.exit_code == 1 and "not running" in missing.output
