"""The merge states of ``graph.tables`` (copies, agencies and topics, directives of one number key):
merged in any grouping and any order, as Spark's ``reduceByKey`` merges them on both sides of a
shuffle, they give what folding the versions one after another in ingest order gives (the rule of
the stores, ``model.combine_nodes``: later values win, aliases united; stubs fill, never overwrite).

The references below fold in ingest order, as the job did before it merged by states; the versions
are random but reproducible (seeded), the agencies and directives invented.
"""
from __future__ import annotations

import json
import random
from functools import partial, reduce

import pytest

from phoihop.graph import schema as S
from phoihop.graph import tables as T
from phoihop.graph.model import DocumentGraph, Node, combine_nodes, place


def any_grouping(states: list, merge, rng: random.Random):
    """The states merged in a random order and grouping (shuffled, then random neighbours merged
    until one is left): what a shuffle over partitions may do."""
    items = list(states)
    rng.shuffle(items)
    while len(items) > 1:
        i = rng.randrange(len(items) - 1)
        items[i:i + 2] = [merge(items[i], items[i + 1])]
    return items[0]


def folded_in_order(label: str, versions: list[tuple[int, dict]]) -> dict:
    """The reference: each version merged into the node so far, in ingest order."""
    merged = None
    for _, props in sorted(versions, key=lambda v: v[0]):
        merged = dict(props) if merged is None else combine_nodes(
            label, [Node(label, merged["id"], merged), Node(label, props["id"], props)])[0].props
    return T.node_row(label, merged)


NAMES = ["Chi cục Thủy lợi tỉnh Hà Giang", "Chi cục Thuỷ lợi tỉnh Hà Giang", "Chi cục Thủy Lợi tỉnh Hà Giang", None]


def agency_version(rng: random.Random) -> dict:
    return {"id": "chi-cuc-thuy-loi-tinh-ha-giang", "name": rng.choice(NAMES),
            "name_folded": rng.choice(["chi cuc thuy loi tinh ha giang", None]),
            "aliases": rng.choice([None, [], ["Chi cục"], ["Chi cục Thủy lợi", "CCTL"], ["CCTL", "Chi cục"]]),
            "kind": rng.choice(["chi_cuc", "other", None]), "level": rng.choice(["province", None]),
            "jurisdiction": rng.choice(["tỉnh Hà Giang", "Hà Giang", None])}


@pytest.mark.parametrize("seed", range(40))
def test_agency_states_merge_in_any_grouping_as_ingest_order_folds(seed):
    rng = random.Random(seed)
    versions = [(position, agency_version(rng)) for position in rng.sample(range(1000), rng.randint(1, 12))]
    states = [T.shared_state(S.AGENCY, i, props) for i, props in versions]
    got = T.shared_row(S.AGENCY, any_grouping(states, partial(T.merge_shared_states, S.AGENCY), rng))
    assert got == folded_in_order(S.AGENCY, versions)
    assert T.merge_shared(S.AGENCY, versions) == got


def test_the_latest_document_naming_an_agency_gives_its_name_whatever_the_merge_order():
    """Three documents name one agency three ways; the last in ingest order wins, even merged first."""
    versions = [(7, {"id": "a", "name": "Chi cục Thủy lợi", "aliases": ["X"], "kind": "chi_cuc"}),
                (2, {"id": "a", "name": "Chi cục Thuỷ lợi", "aliases": ["Y"], "kind": None}),
                (5, {"id": "a", "name": "Chi cục Thủy Lợi", "aliases": None, "kind": "other"})]
    states = [T.shared_state(S.AGENCY, i, p) for i, p in versions]
    merge = partial(T.merge_shared_states, S.AGENCY)
    for a, b, c in ((0, 1, 2), (2, 1, 0), (1, 2, 0)):
        row = T.shared_row(S.AGENCY, merge(merge(states[a], states[b]), states[c]))
        assert (row["name"], row["aliases"], row["kind"]) == ("Chi cục Thủy lợi", ["X", "Y"], "chi_cuc")
    assert T.shared_row(S.AGENCY, states[2])["aliases"] is None   # one version: as the document gave it


@pytest.mark.parametrize("seed", range(10))
def test_topic_states_merge_in_any_grouping_as_ingest_order_folds(seed):
    rng = random.Random(seed)
    versions = [(p, {"id": "thuy-loi", "name": rng.choice(["Thủy lợi", "Thuỷ lợi", None]),
                     "name_en": rng.choice(["Irrigation", None])}) for p in rng.sample(range(500), rng.randint(1, 8))]
    states = [T.shared_state(S.TOPIC, i, props) for i, props in versions]
    got = T.shared_row(S.TOPIC, any_grouping(states, partial(T.merge_shared_states, S.TOPIC), rng))
    assert got == folded_in_order(S.TOPIC, versions)


def test_copies_settle_at_the_last_copy_listing_every_path():
    graphs = [(4, 0, DocumentGraph("h", "/b.txt", [Node(S.DOCUMENT, "h", {"id": "h", "path": "/b.txt"})], [])),
              (9, 1, DocumentGraph("h", "/c.txt", [Node(S.DOCUMENT, "h", {"id": "h", "path": "/c.txt"})], [])),
              (1, 0, DocumentGraph("h", "/a.txt", [Node(S.DOCUMENT, "h", {"id": "h", "path": "/a.txt"})], []))]
    rng = random.Random(1)
    for _ in range(5):
        position, batch, g = T.settled(any_grouping([T.copy_state(c) for c in graphs], T.merge_copies, rng))
        doc = g.nodes[0].props
        assert (position, batch, doc["path"], doc["paths"]) == (9, 1, "/c.txt", ["/a.txt", "/b.txt", "/c.txt"])
    ordered = sorted(graphs, key=lambda c: c[0])
    assert T.settle(graphs)[2].nodes == place([g for _, _, g in ordered], {}).graphs[0].nodes


# ---------------------------------------------------------------- directives of one number key

FULLS = ["so-y-te-tinh-ha-giang|2024|12/SYT-NV", "so-y-te-tinh-cao-bang|2024|12/SYT-NV"]
STUBS = ["_|_|12/SYT-NV", "_|2024|12/SYT-NV", "so-y-te-tinh-ha-giang|_|12/SYT-NV", "so-y-te-tinh-ha-giang|2024|12/SYT-NV"]


def directive_version(rng: random.Random, doc: str) -> dict:
    stub = rng.random() < 0.6
    i = rng.choice(STUBS if stub else FULLS)
    return {"id": i, "number": "12/SYT-NV", "number_key": "12/SYT-NV", "type": rng.choice(["cong_van", None]),
            "date": rng.choice(["2024-06-03", "2024-06-04", None]), "year": rng.choice([2024, None]),
            "issuer": None if stub and rng.random() < 0.5 else "Sở Y tế tỉnh Hà Giang",
            "subject": rng.choice(["kiểm tra hồ chứa", "phòng chống lũ", None]), "signer": rng.choice(["Vàng Seo Lử", None]),
            "stub": stub, "doc": None if stub else doc,
            "source_kind": None if stub else rng.choice(["official", "excerpt", "news"])}


def resolved_in_order(versions: list[tuple[int, int, dict]]) -> tuple[list[dict], dict]:
    """The reference: the versions of each batch in ingest order, the full directives merged then
    the stubs combined (``combine_nodes``, stubs only filling) and placed, as the stores write them."""
    batches: dict[int, list] = {}
    for position, batch, props in sorted(versions, key=lambda v: v[0]):
        batches.setdefault(batch, []).append(props)
    stored, alias = {}, {}
    for b in sorted(batches):
        fulls = combine_nodes(S.DIRECTIVE, [Node(S.DIRECTIVE, p["id"], p) for p in batches[b] if not p["stub"]])
        for n in fulls:
            stored[n.id] = T.merge_reports(stored[n.id], n.props) if n.id in stored else dict(n.props)
        T._absorb(stored, alias, [n.id for n in fulls])
        ids = {n.id for n in fulls}
        for n in combine_nodes(S.DIRECTIVE, [Node(S.DIRECTIVE, p["id"], p) for p in batches[b]
                                             if p["stub"] and p["id"] not in ids], fill_only=True):
            T._place_stub(stored, alias, n.props)
    return [T.node_row(S.DIRECTIVE, p) for p in stored.values()], alias


def canonical(resolved: tuple[list[dict], dict]) -> tuple[list[str], dict]:
    rows, alias = resolved
    return sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in rows), alias


@pytest.mark.parametrize("seed", range(60))
def test_directive_states_merge_in_any_grouping_as_batches_resolve_in_order(seed):
    rng = random.Random(seed)
    positions = sorted(rng.sample(range(24), rng.randint(1, 16)))
    versions = [(p, p // 6, directive_version(rng, f"doc{p:02d}")) for p in positions]   # batches of 6
    states = [T.directive_state(p, b, props) for p, b, props in versions]
    got = T.resolve_directives(any_grouping(states, T.merge_directive_states, rng))
    assert canonical(got) == canonical(resolved_in_order(versions))


def test_a_stub_takes_each_value_from_the_first_version_that_gives_it():
    """Three citations of one stub in a batch, merged out of order: each value is the earliest given."""
    v = [(1, {"id": STUBS[0], "stub": True, "subject": None, "signer": "A"}),
         (2, {"id": STUBS[0], "stub": True, "subject": "phòng chống lũ", "signer": "B"}),
         (3, {"id": STUBS[0], "stub": True, "subject": "kiểm tra hồ chứa", "signer": None, "date": "2024-06-03"})]
    states = [T.directive_state(p, 0, props) for p, props in v]
    rows, alias = T.resolve_directives(reduce(T.merge_directive_states, [states[1], states[2], states[0]]))
    assert alias == {} and [(r["subject"], r["signer"], r["date"]) for r in rows] == [("phòng chống lũ", "A", "2024-06-03")]
