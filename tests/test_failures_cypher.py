"""Ad-hoc ``phoihop cypher``: the database refuses writes, we refuse administration, reads work.

On Neo4j the query runs in a READ session (the server is the one refusing
``CREATE``); what such a session still allows (``TERMINATE TRANSACTIONS``, DBMS
procedures that change the server) is refused before it runs. On the embedded
store reads are never refused and Neo4j spellings are rewritten or explained.
Real Neo4j (the session's server) and a real embedded store.
"""
from __future__ import annotations

import json
import os

import pytest
from typer.testing import CliRunner

from phoihop.cli import app
from phoihop.graph import schema as S
from phoihop.graph.cypher_text import called_procedures, neo4j_admin_reason, to_ladybug
from phoihop.graph.embedded_store import EmbeddedStore, write_reason
from phoihop.graph.loader import ingest_extractions

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "400"})


@pytest.fixture
def gold_dir(tmp_path, gold_extractions) -> str:
    path = tmp_path / "store"
    with EmbeddedStore(path) as s:
        ingest_extractions(gold_extractions, s)
    return str(path)


# ---------------------------------------------------------------- Neo4j

@pytest.mark.neo4j
@pytest.mark.parametrize("query, column", [
    ("CALL db.labels()", "label"),
    ("CALL db.schema.visualization()", "nodes"),
    ("CALL { MATCH (d:Document) RETURN count(d) AS n } RETURN n", "n"),
    ("CALL () { MATCH (d:Document) RETURN count(d) AS n } RETURN n", "n"),
    ("PROFILE MATCH (d:Document) RETURN count(d) AS n", "n"),
    ("CALL dbms.components() YIELD name RETURN name", "name"),
])
def test_reads_work_on_neo4j(neo4j_store, gold_extractions, query, column):
    ingest_extractions(gold_extractions, neo4j_store)
    result = run("cypher", "--neo4j", query, "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows and column in rows[0]
    if column == "label":
        assert {r["label"] for r in rows} >= {S.AGENCY, S.DOCUMENT, S.OBLIGATION}
    if column == "n":
        assert rows == [{"n": 5}]


@pytest.mark.neo4j
def test_explain_works_on_neo4j(neo4j_store):
    result = run("cypher", "--neo4j", "EXPLAIN MATCH (d:Document) RETURN d")
    assert result.exit_code == 0, result.output


@pytest.mark.neo4j
@pytest.mark.parametrize("query", ["CREATE (n)", "MATCH (n) DETACH DELETE n",
                                   "CALL db.createLabel('Spare')", "CREATE INDEX spare FOR (n:Agency) ON (n.kind)"])
def test_the_server_refuses_writes(neo4j_store, gold_extractions, query):
    ingest_extractions(gold_extractions, neo4j_store)
    before = neo4j_store.counts()
    result = run("cypher", "--neo4j", query)
    assert result.exit_code == 2, result.output
    assert "refused: write queries are refused: Writing in read access mode not allowed" in result.output
    assert neo4j_store.counts() == before


@pytest.mark.neo4j
def test_terminate_transactions_is_refused_and_the_running_write_survives(neo4j_store):
    """A READ session lets TERMINATE TRANSACTIONS through (it would kill a running ingest)."""
    from neo4j import GraphDatabase

    store = neo4j_store
    driver = GraphDatabase.driver(store.uri, auth=(os.environ["PHOIHOP_NEO4J_USER"], os.environ["PHOIHOP_NEO4J_PASSWORD"]))
    try:
        with driver.session() as s:
            tx = s.begin_transaction()
            tx.run("CREATE (:Agency {id: 'ingest-in-flight'})").consume()
            tx_id = [r["id"] for r in store._read(lambda t: list(t.run(
                "SHOW TRANSACTIONS YIELD transactionId AS id, currentQuery AS q, status "
                "WHERE status = 'Running' AND NOT q STARTS WITH 'SHOW' RETURN id").data()))]
            assert tx_id, "the open transaction is not listed"
            for query in (f"TERMINATE TRANSACTIONS '{tx_id[0]}'",
                          f"SHOW TRANSACTIONS YIELD transactionId AS t WHERE t = '{tx_id[0]}' "
                          "TERMINATE TRANSACTIONS t YIELD message RETURN message",
                          "CALL db.clearQueryCaches()", "CALL tx.setMetaData({who: 'me'})"):
                result = run("cypher", "--neo4j", query)
                assert result.exit_code == 2, (query, result.output)
                assert result.output.startswith("refused: administration commands are refused: ")
            tx.commit()
    finally:
        driver.close()
    assert store.query("MATCH (a:Agency {id: 'ingest-in-flight'}) RETURN count(a) AS n") == [{"n": 1}]


# ---------------------------------------------------------------- the embedded store

def test_neo4j_spellings_are_rewritten_on_the_embedded_store(gold_dir):
    result = run("cypher", "--store", gold_dir,
                 "MATCH (:Agency)-[r]->(:Obligation) RETURN type(r) AS role, count(*) AS n ORDER BY role", "--json")
    assert result.exit_code == 0, result.output
    assert [r["role"] for r in json.loads(result.stdout)] == ["LEADS", "SUPPORTS"]
    assert "note: type() is label() in LadybugDB" in result.stderr


@pytest.mark.parametrize("query, hint", [
    ("CALL db.labels()", "CALL show_tables() RETURN *"),
    ("MATCH (a:Agency)-[r]->() RETURN startNode(r) LIMIT 1", "name the node in the pattern"),
    ("MATCH (a:Agency) WHERE exists(a.name) RETURN count(*)", "n.p IS NOT NULL"),
])
def test_what_cannot_be_rewritten_says_how_ladybugdb_spells_it(gold_dir, query, hint):
    result = run("cypher", "--store", gold_dir, query)
    assert result.exit_code == 1, result.output
    assert hint in result.output and len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize("query", [
    "MATCH (a:Agency) RETURN a.name AS copy, a.id AS set LIMIT 1",
    "MATCH (a:Agency) RETURN a.`name` AS `delete` LIMIT 1",
    "MATCH (a:Agency) RETURN count { MATCH (a)-[:LEADS]->() } AS n ORDER BY n DESC LIMIT 1",
])
def test_reads_are_never_refused_on_the_embedded_store(gold_dir, query):
    result = run("cypher", "--store", gold_dir, query)
    assert result.exit_code == 0, result.output


# ---------------------------------------------------------------- the text checks

@pytest.mark.parametrize("query, reason", [
    ("TERMINATE TRANSACTIONS 'neo4j-transaction-3'", "TERMINATE"),
    ("  terminate transaction 'x'", "TERMINATE"),
    ("SHOW TRANSACTIONS YIELD transactionId AS t TERMINATE TRANSACTIONS t YIELD message RETURN *", "TERMINATE"),
    ("GRANT ROLE admin TO bob", "GRANT"),
    ("CREATE USER bob SET PASSWORD 'x'", "CREATE USER"),
    ("EXPLAIN DROP DATABASE neo4j", "DROP DATABASE"),
])
def test_administration_commands_are_recognised(query, reason):
    assert reason in (neo4j_admin_reason(query) or "")


@pytest.mark.parametrize("query", [
    "MATCH (n) WHERE n.name = 'TERMINATE TRANSACTIONS' RETURN n",
    "MATCH (n:Terminate) RETURN n.terminate AS terminate",
    "CREATE (n:User)", "MATCH (u:User) RETURN u", "CALL db.labels()",
])
def test_reads_and_plain_writes_are_not_administration(query):
    assert neo4j_admin_reason(query) is None


def test_procedures_and_rewrites_read_the_tokens_not_the_strings():
    assert called_procedures("CALL db.labels() YIELD label CALL { RETURN 1 AS x } "
                             "CALL `db`.`schema`.visualization() RETURN 'CALL x.y'") == [
        "db.labels", "db.schema.visualization"]
    assert to_ladybug("MATCH ()-[r]->() WHERE r.type = 'type(r)' RETURN type(r), toInteger('1')") == (
        "MATCH ()-[r]->() WHERE r.type = 'type(r)' RETURN label(r), to_int64('1')",
        ["type() is label() in LadybugDB", "toInteger() is to_int64() in LadybugDB"])
    assert write_reason("CALL db.labels()") is None and write_reason("RETURN 1 AS copy") is None
