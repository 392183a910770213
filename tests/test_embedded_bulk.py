"""The embedded store's bulk path: many documents per transaction, same store as one by one.

Input is the five gold documents and the two tiny citation documents of
``test_embedded_store``; every case compares the bulk result with writing the
same documents one at a time (``write_document``), the reference semantics.
"""
from __future__ import annotations

import pytest

from phoihop.graph import schema as S
from phoihop.graph.embedded_store import EmbeddedStore
from phoihop.graph.loader import ingest_extractions
from phoihop.graph.model import document_graph
from phoihop.graph.store import StoreError
from test_embedded_store import FULL_ID, ISSUING, _citing, edited, snapshot


@pytest.fixture
def stores(tmp_path):
    """Two empty stores: ``one`` for one-by-one writes, ``bulk`` for the bulk path."""
    one, bulk = EmbeddedStore(tmp_path / "one"), EmbeddedStore(tmp_path / "bulk")
    yield one, bulk
    one.close()
    bulk.close()


def one_by_one(store, graphs) -> None:
    for g in graphs:
        store.write_document(g)
    store.rebuild_coordination()


def in_bulk(store, graphs, batch=200) -> None:
    store.write_documents(graphs, batch=batch)
    store.rebuild_coordination()


@pytest.mark.parametrize("batch", [200, 2])  # all in one transaction; and across transactions
def test_bulk_gives_the_same_store_as_one_by_one(stores, gold_extractions, batch):
    one, bulk = stores
    graphs = [document_graph(ex) for ex in gold_extractions]
    one_by_one(one, graphs)
    in_bulk(bulk, graphs, batch)
    assert bulk.counts() == one.counts()
    assert bulk.counts()[S.DOCUMENT] == 5 and bulk.counts()[S.COORDINATES_WITH] > 0
    assert snapshot(bulk) == snapshot(one)


def test_bulk_reingest_is_idempotent(stores, gold_extractions):
    _, bulk = stores
    graphs = [document_graph(ex) for ex in gold_extractions]
    in_bulk(bulk, graphs)
    before_counts, before = bulk.counts(), snapshot(bulk)
    in_bulk(bulk, graphs, batch=3)
    assert bulk.counts() == before_counts
    assert snapshot(bulk) == before


def test_a_new_version_in_the_same_batch_replaces_the_old_one(stores, gold_extractions):
    one, bulk = stores
    graphs = [document_graph(ex) for ex in gold_extractions]
    newer = document_graph(edited(gold_extractions[0]))
    one_by_one(one, graphs + [newer])
    in_bulk(bulk, graphs + [newer])
    assert bulk.counts()[S.DOCUMENT] == 5
    assert snapshot(bulk) == snapshot(one)


def failing_for(monkeypatch, bad_doc: str) -> None:
    """Make every relationship write that carries document ``bad_doc`` fail (a fault, injected)."""
    real = EmbeddedStore._write_rels

    def write_rels(self, rel_type, start_label, end_label, rels):
        if any(r.props.get("doc") == bad_doc for r in rels):
            raise StoreError("disk full (injected)")
        return real(self, rel_type, start_label, end_label, rels)

    monkeypatch.setattr(EmbeddedStore, "_write_rels", write_rels)


def test_a_bad_document_costs_only_itself(stores, gold_extractions, monkeypatch):
    one, bulk = stores
    graphs = [document_graph(ex) for ex in gold_extractions]
    bad = graphs[2]
    failing_for(monkeypatch, bad.document_id)

    failed = []
    bulk.write_documents(graphs, on_error=lambda g, e: failed.append((g.path, str(e))))
    bulk.rebuild_coordination()
    assert [path for path, _ in failed] == [bad.path]
    assert "disk full (injected)" in failed[0][1]

    one_by_one(one, [g for g in graphs if g is not bad])
    assert snapshot(bulk) == snapshot(one)


def test_without_a_handler_the_failure_is_raised_after_the_others_are_in(stores, gold_extractions, monkeypatch):
    _, bulk = stores
    graphs = [document_graph(ex) for ex in gold_extractions]
    failing_for(monkeypatch, graphs[0].document_id)
    with pytest.raises(StoreError, match=f"^1 documents not stored: {graphs[0].path} "):
        bulk.write_documents(graphs)
    assert bulk.counts()[S.DOCUMENT] == 4


def test_ingest_reports_the_bad_document_and_stores_the_rest(stores, gold_extractions, monkeypatch):
    _, bulk = stores
    bad = gold_extractions[1]
    failing_for(monkeypatch, bad.sha256)
    summary = ingest_extractions(gold_extractions, bulk)
    assert summary.documents == 4
    assert len(summary.errors) == 1 and summary.errors[0].startswith(f"{bad.path}: not stored (")
    assert bulk.counts()[S.DOCUMENT] == 4


@pytest.mark.parametrize("batch", [2, 1])  # the same batch; separate batches
@pytest.mark.parametrize("to_issuer", [None, "Ủy ban nhân dân quận Đống Đa"])
@pytest.mark.parametrize("citing_first", [True, False])
def test_a_cited_directive_becomes_one_full_node(stores, batch, to_issuer, citing_first):
    one, bulk = stores
    citing = _citing(to_issuer)
    order = [citing, ISSUING] if citing_first else [ISSUING, citing]
    graphs = [document_graph(ex) for ex in order]
    in_bulk(bulk, graphs, batch)
    one_by_one(one, graphs)

    rows = bulk.query(f"MATCH (d:{S.DIRECTIVE}) RETURN d.id AS id, d.stub AS stub ORDER BY id")
    assert {"id": FULL_ID, "stub": False} in rows and len(rows) == 2
    assert bulk.query(f"MATCH (:{S.DIRECTIVE})-[c:{S.CITES}]->(d:{S.DIRECTIVE}) RETURN d.id AS id") == [{"id": FULL_ID}]
    assert snapshot(bulk) == snapshot(one)

    before = snapshot(bulk)
    in_bulk(bulk, graphs, batch)  # idempotent with stubs too
    assert snapshot(bulk) == before


def test_a_stub_stored_earlier_is_absorbed_by_a_later_batch(stores):
    one, bulk = stores
    citing = document_graph(_citing(None))
    in_bulk(bulk, [citing])
    assert bulk.query(f"MATCH (d:{S.DIRECTIVE}) WHERE d.stub RETURN count(d) AS n") == [{"n": 1}]
    in_bulk(bulk, [document_graph(ISSUING)])
    one_by_one(one, [citing, document_graph(ISSUING)])
    assert bulk.query(f"MATCH (d:{S.DIRECTIVE}) WHERE d.stub RETURN count(d) AS n") == [{"n": 0}]
    assert snapshot(bulk) == snapshot(one)
