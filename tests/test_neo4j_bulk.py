"""The bulk write path of the Neo4j store: a large batch per transaction gives exactly the
graph of one transaction per document, and a batch is still whole or not at all.

Large batches repeat shared nodes (agencies with different aliases, a directive
cited by several documents), which ``write_documents`` folds into one row each;
these tests hold that folding to the one-by-one result.
"""
from __future__ import annotations

import dataclasses

import pytest

from phoihop.graph import schema as S
from phoihop.graph.model import Rel, document_graph
from phoihop.graph.store import StoreError
from test_embedded_store import ISSUING, _citing, snapshot

pytestmark = pytest.mark.neo4j


def _documents(gold_extractions):
    """Gold documents, two citations of one directive (one naming its issuer), and its issuer."""
    return [document_graph(ex) for ex in [*gold_extractions, _citing(None), _citing("Ủy ban nhân dân quận Đống Đa"),
                                          ISSUING]]


def _one_by_one(store, graphs):
    store.clear()
    for g in graphs:
        store.write_document(g)
    store.rebuild_coordination()
    return snapshot(store)


def test_one_batch_gives_the_graph_of_one_transaction_per_document(neo4j_store, gold_extractions):
    graphs = _documents(gold_extractions)
    agencies = [n.id for g in graphs for n in g.nodes if n.label == S.AGENCY]
    assert len(agencies) > len(set(agencies))  # shared agencies recur within the batch
    for order in (graphs, graphs[::-1]):
        expected = _one_by_one(neo4j_store, order)
        neo4j_store.clear()
        assert neo4j_store.write_documents(order) == len(order)  # the default batch holds them all
        neo4j_store.rebuild_coordination()
        assert snapshot(neo4j_store) == expected


def test_a_batch_that_fails_leaves_nothing_behind(neo4j_store, gold_extractions):
    graphs = _documents(gold_extractions)
    neo4j_store.write_documents(graphs[:2])
    before_counts, before = neo4j_store.counts(), snapshot(neo4j_store)
    broken = dataclasses.replace(graphs[-1], rels=[*graphs[-1].rels, Rel(
        S.EVIDENCED_BY, S.OBLIGATION, "no-such-obligation", S.DOCUMENT, graphs[-1].document_id,
        {S.REL_DOC_PROPERTY: graphs[-1].document_id})])
    with pytest.raises(StoreError) as err:
        neo4j_store.write_documents([*graphs[2:-1], broken])
    assert "\n" not in str(err.value) and S.EVIDENCED_BY in str(err.value)
    assert neo4j_store.counts() == before_counts
    assert snapshot(neo4j_store) == before
