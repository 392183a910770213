"""The embedded LadybugDB store: what a document adds, replaces and leaves behind.

Input is the five hand-checked gold documents (exact, known graphs) plus two
tiny documents written here to exercise citation stubs.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import signal
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from phoihop.graph import schema as S
from phoihop.graph.embedded_store import DB_FILE, EmbeddedStore, write_reason
from phoihop.graph.loader import ingest_extractions
from phoihop.graph import derive as D
from phoihop.graph.model import Rel, document_graph
from phoihop.graph.store import StoreError, open_store
from phoihop.ingest.records import Citation, Directive, Extraction

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def store(tmp_path):
    s = EmbeddedStore(tmp_path / "store")
    yield s
    s.close()


@pytest.fixture
def gold_store(store, gold_extractions):
    ingest_extractions(gold_extractions, store)
    return store


def snapshot(store) -> list[str]:
    """The whole content as sorted JSON lines: equal snapshots, equal stores."""
    g = store.to_networkx()
    lines = [json.dumps(["node", n, d], sort_keys=True, ensure_ascii=False, default=str) for n, d in g.nodes(data=True)]
    lines += [json.dumps(["edge", u, v, k, d], sort_keys=True, ensure_ascii=False, default=str)
              for u, v, k, d in g.edges(keys=True, data=True)]
    return sorted(lines)


def contribution(store, doc: str) -> list[str]:
    """What document ``doc`` owns: its relationships, obligations and Document node."""
    g = store.to_networkx()
    out = [json.dumps([u, v, d], sort_keys=True, ensure_ascii=False, default=str)
           for u, v, d in g.edges(data=True) if d.get("doc") == doc]
    out += [json.dumps([n, d], sort_keys=True, ensure_ascii=False) for n, d in g.nodes(data=True)
            if (d["label"] == S.OBLIGATION and d.get("doc") == doc) or n == f"{S.DOCUMENT}:{doc}"]
    return sorted(out)


def expected_counts(graphs) -> dict[str, int]:
    """Counts the model says the graphs should give once merged on ids."""
    ids = {label: set() for label in S.LABELS}
    rels = Counter()
    for g in graphs:
        for n in g.nodes:
            ids[n.label].add(n.id)
        rels.update(r.type for r in g.rels)
    out = {label: len(v) for label, v in ids.items()}
    out.update({t: rels[t] for t in S.REL_TYPES})
    out.update({t: len(rels) for t, rels in D.from_graphs(graphs).items()})
    return out


def edited(ex: Extraction) -> Extraction:
    """The same file, changed: one obligation fewer and a line added at the end."""
    text = ex.text + "\nNơi nhận: lưu VT.\n"
    return dataclasses.replace(ex, text=text, obligations=ex.obligations[1:],
                               sha256=hashlib.sha256(text.encode()).hexdigest())


# ---------------------------------------------------------------- gold documents

def test_gold_documents_give_the_counts_the_model_predicts(gold_store, gold_extractions):
    counts = gold_store.counts()
    assert set(counts) == set(S.LABELS) | set(S.REL_TYPES)  # zeros included
    assert counts == expected_counts([document_graph(ex) for ex in gold_extractions])
    assert counts[S.DOCUMENT] == 5 and counts[S.PART_OF] == 0
    assert counts[S.COORDINATES_WITH] > 0


def stored_derived(store) -> dict[str, dict[tuple, dict]]:
    """type -> (a, b[, topic]) -> properties of every derived relationship in ``store``."""
    out: dict[str, dict[tuple, dict]] = {}
    for t in sorted(S.DERIVED):
        props = list(S.RELATIONSHIPS[t][1])
        cols = ", ".join(f"r.`{p}` AS `{p}`" for p in props)
        for r in store.query(f"MATCH (a:{S.AGENCY})-[r:{t}]->(b:{S.AGENCY}) RETURN a.id AS a_, b.id AS b_, {cols}"):
            key = (r.pop("a_"), r.pop("b_")) + ((r["topic"],) if t == S.COORDINATES_ON else ())
            assert key not in out.setdefault(t, {}), key  # one edge per pair (and topic)
            out[t][key] = r
    return out


def model_derived(graphs) -> dict[str, dict[tuple, dict]]:
    """The same, as ``graph.derive`` says the documents' graphs give."""
    out = {}
    for t, rels in D.from_graphs(graphs).items():
        for r in rels:
            key = (r.start, r.end) + ((r.props["topic"],) if t == S.COORDINATES_ON else ())
            out.setdefault(t, {})[key] = {p: r.props.get(p) for p in S.RELATIONSHIPS[t][1]}
    return out


def test_derived_relationships_are_what_the_model_derives(gold_store, gold_extractions):
    got = stored_derived(gold_store)
    assert got == model_derived([document_graph(ex) for ex in gold_extractions])
    assert all(a < b for t in got for a, b, *_ in got[t])  # stored once, from the smaller id


def test_derived_relationships_load_in_bulk_whatever_their_ids_hold(store):
    """Derived relationships are appended with COPY from an Arrow table: ids and values
    with commas, quotes, brackets, backslashes and newlines read back exactly."""
    names = ["a", "b-2|x", "c, d", 'e "quoted"', "f [list]", "g'h\\", "Đống Đa\nline two"]
    store._run(f"UNWIND $ids AS i CREATE (:{S.AGENCY} {{id: i}})", {"ids": names})
    rels = [Rel(S.COORDINATES_ON, S.AGENCY, a, S.AGENCY, b,
                {"topic": f"t {i}", "obligations": i, "directives": [f"{a}|1", "x,2024"], "topics": [b],
                 "firstDate": date(2020, 1, i + 1), "quote": f'{b} "q", \n', "start": i})
            for i, (a, b) in enumerate(zip(names, names[1:] + names[:1]))]
    with store._transaction():
        store._bulk_rels(S.COORDINATES_ON, rels)
    got = store.query(f"MATCH (a)-[r:{S.COORDINATES_ON}]->(b) RETURN a.id AS a, b.id AS b, r.topic AS topic, "
                      "r.obligations AS obligations, r.directives AS directives, r.topics AS topics, "
                      "r.firstDate AS firstDate, r.quote AS quote, r.start AS start")
    assert sorted((g.pop("a"), g.pop("b"), g) for g in got) == sorted((r.start, r.end, r.props) for r in rels)


def test_a_failed_bulk_load_leaves_nothing(store):
    """COPY runs inside the caller's transaction: a relationship to a missing agency fails
    it, and what was written before it in the transaction is gone too."""
    store._run(f"CREATE (:{S.AGENCY} {{id: 'x'}})")
    with pytest.raises(StoreError):
        with store._transaction():
            store._run(f"CREATE (:{S.AGENCY} {{id: 'y'}})")
            store._bulk_rels(S.COORDINATES_WITH, [Rel(S.COORDINATES_WITH, S.AGENCY, "x", S.AGENCY, "missing", {})])
    assert store.counts()[S.AGENCY] == 1 and store.counts()[S.COORDINATES_WITH] == 0


def test_ingesting_again_changes_nothing(gold_store, gold_extractions):
    before_counts, before = gold_store.counts(), snapshot(gold_store)
    summary = ingest_extractions(gold_extractions, gold_store)
    assert summary.documents == 5 and summary.errors == []
    assert gold_store.counts() == before_counts
    assert snapshot(gold_store) == before


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
            gone = sum(r.type == t for r in old_g.rels)
            came = sum(r.type == t for r in new_g.rels)
            assert after[t] == before[t] - gone + came, t
    assert after[S.OBLIGATION] == before[S.OBLIGATION] - 1
    assert after[S.DOCUMENT] == before[S.DOCUMENT]
    assert contribution(gold_store, old.sha256) == []
    assert gold_store.query(f"MATCH (o:{S.OBLIGATION}) WHERE o.doc = $d RETURN count(o) AS n",
                            {"d": new.sha256}) == [{"n": len(new.obligations)}]
    for doc, part in others.items():
        assert contribution(gold_store, doc) == part


def test_a_failure_half_way_leaves_the_store_as_it_was(gold_store, gold_extractions, monkeypatch):
    before_counts, before = gold_store.counts(), snapshot(gold_store)
    real_write = EmbeddedStore._write_rels
    calls = []

    def failing(self, *args):
        calls.append(args[0])
        if len(calls) == 3:
            raise StoreError("disk full (injected)")
        return real_write(self, *args)

    monkeypatch.setattr(EmbeddedStore, "_write_rels", failing)
    with pytest.raises(StoreError, match="injected"):
        gold_store.write_document(document_graph(edited(gold_extractions[0])))
    assert len(calls) == 3  # two relationship batches were written, and the old version removed
    assert gold_store.counts() == before_counts
    assert snapshot(gold_store) == before

    monkeypatch.undo()  # the store is still usable
    gold_store.write_document(document_graph(edited(gold_extractions[0])))
    assert gold_store.counts()[S.OBLIGATION] == before_counts[S.OBLIGATION] - 1


def test_a_value_of_the_wrong_type_fails_its_document_only(gold_store, gold_extractions):
    """Rows travel as Arrow tables typed by the schema: a value that does not fit is a
    StoreError for that document (nothing of it written), not a crash."""
    before = snapshot(gold_store)
    g = document_graph(edited(gold_extractions[0]))
    doc = next(n for n in g.nodes if n.label == S.DOCUMENT)
    doc.props["chars"] = "many"
    with pytest.raises(StoreError, match="does not fit the schema"):
        gold_store.write_document(g)
    assert snapshot(gold_store) == before


def test_every_obligation_has_an_assignee_and_a_source_quote(gold_store):
    assert gold_store.query(
        f"MATCH (o:{S.OBLIGATION}) WHERE NOT EXISTS {{ MATCH (:{S.AGENCY})-[:{S.LEADS}|{S.SUPPORTS}]->(o) }} "
        "RETURN o.id") == []
    rows = gold_store.query(
        f"MATCH (o:{S.OBLIGATION})-[e:{S.EVIDENCED_BY}]->(d:{S.DOCUMENT}) "
        "RETURN o.id AS id, o.text AS text, e.start AS start, e.`end` AS stop, e.quote AS quote, d.path AS path")
    assert len(rows) == gold_store.counts()[S.OBLIGATION]
    texts = {}
    for r in rows:
        text = texts.setdefault(r["path"], Path(r["path"]).read_text(encoding="utf-8"))
        assert r["quote"] == text[r["start"]:r["stop"]] == r["text"]


def test_the_store_gives_back_the_model_of_a_document(store, gold_extractions):
    from phoihop.graph.model import to_networkx

    g = document_graph(gold_extractions[1])
    store.write_document(g)
    got, want = store.to_networkx(), to_networkx(g.nodes, g.rels)
    present = lambda d: {k: v for k, v in d.items() if v is not None}  # noqa: E731 - a null is no property
    assert {n: present(d) for n, d in want.nodes(data=True)} == dict(got.nodes(data=True))
    assert sorted(json.dumps([u, v, k, present(d)], sort_keys=True) for u, v, k, d in want.edges(keys=True, data=True)) \
        == sorted(json.dumps([u, v, k, d], sort_keys=True) for u, v, k, d in got.edges(keys=True, data=True))


def test_removing_every_document_empties_the_store(gold_store, gold_extractions):
    for ex in gold_extractions:
        assert gold_store.remove_document(ex.path)
    assert not gold_store.remove_document(gold_extractions[0].path)
    assert set(gold_store.counts().values()) == {0}


# ---------------------------------------------------------------- citation stubs

def _document(name: str, directive: Directive, citations=()) -> Extraction:
    text = f"{directive.type} số {directive.number} về {directive.subject}."
    return Extraction(document=name, path=f"/virtual/{name}", text=text,
                      sha256=hashlib.sha256(text.encode()).hexdigest(),
                      directives=[directive], citations=list(citations))


ISSUING = _document("dong-da-345.txt", Directive(
    key="345/UBND-YT", number="345/UBND-YT", type="Công văn", date="2024-03-05",
    issuer="Ủy ban nhân dân quận Đống Đa", subject="phòng, chống sốt xuất huyết"))
FULL_ID = "uy-ban-nhan-dan-quan-dong-da|2024|345/UBND-YT"


def _citing(to_issuer: str | None) -> Extraction:
    return _document("lang-ha-12.txt", Directive(
        key="12/KH-UBND", number="12/KH-UBND", type="Kế hoạch", date="2024-04-01",
        issuer="Ủy ban nhân dân phường Láng Hạ", subject="diệt bọ gậy"),
        [Citation(source="12/KH-UBND", to="345/UBND-YT", relation="implements",
                  to_type="Công văn", to_issuer=to_issuer, to_subject="(as the citation words it)")])


@pytest.mark.parametrize("to_issuer", [None, "Ủy ban nhân dân quận Đống Đa"])
@pytest.mark.parametrize("citing_first", [True, False])
def test_a_cited_directive_is_one_full_node_in_either_order(store, to_issuer, citing_first):
    citing = _citing(to_issuer)
    stub_id = next(n.id for n in document_graph(citing).nodes if n.props.get("stub"))
    assert "_" in stub_id.split("|")  # the citation gives no year: a stub with unknown parts
    order = [citing, ISSUING] if citing_first else [ISSUING, citing]
    ingest_extractions(order, store)

    rows = store.query(f"MATCH (d:{S.DIRECTIVE}) WHERE d.number_key = $n RETURN d.id AS id, d.stub AS stub, "
                       "d.doc AS doc, d.subject AS subject", {"n": "345/UBND-YT"})
    assert rows == [{"id": FULL_ID, "stub": False, "doc": ISSUING.sha256, "subject": "phòng, chống sốt xuất huyết"}]
    cites = store.query(f"MATCH (a:{S.DIRECTIVE})-[c:{S.CITES}]->(b:{S.DIRECTIVE}) "
                        "RETURN a.number AS source, b.id AS target, c.relation AS relation, c.doc AS doc")
    assert cites == [{"source": "12/KH-UBND", "target": FULL_ID, "relation": "implements", "doc": citing.sha256}]
    assert store.counts()[S.DIRECTIVE] == 2

    before = snapshot(store)
    ingest_extractions(order, store)  # idempotent with stubs too
    assert snapshot(store) == before


def test_a_directive_whose_document_goes_reverts_to_a_stub(store):
    citing = _citing(None)
    ingest_extractions([citing, ISSUING], store)
    assert store.remove_document(ISSUING.path)
    rows = store.query(f"MATCH (a:{S.DIRECTIVE})-[:{S.CITES}]->(d:{S.DIRECTIVE}) "
                       "RETURN d.id AS id, d.stub AS stub, d.doc AS doc")
    assert rows == [{"id": FULL_ID, "stub": True, "doc": None}]
    assert store.remove_document(citing.path)
    assert set(store.counts().values()) == {0}


# ---------------------------------------------------------------- read-only queries

@pytest.fixture(scope="module")
def shared_gold_store(tmp_path_factory, gold_extractions):
    """One gold store for the many refusal cases (each checks that nothing changed)."""
    with EmbeddedStore(tmp_path_factory.mktemp("refusals") / "store") as s:
        ingest_extractions(gold_extractions, s)
        yield s


@pytest.mark.parametrize("cypher", [
    "MATCH (n) DETACH DELETE n",
    "CREATE (:Agency {id: 'x'})",
    "match (a:Agency) set a.name = 'x'",
    "MATCH (a) RETURN a; DROP TABLE Agency",
    "MERGE (a:Topic {id: 'x'})",
    "COPY Agency FROM 'a.csv'",
    "LOAD FROM 'x.csv' RETURN *",
    "INSTALL algo",
    "ATTACH 'other.lbug' AS o",
    "CALL threads = 1",
    "CALL project_graph('g', ['Agency'], ['PART_OF'])",
    "BEGIN TRANSACTION",
    "MATCH (a:Agency) /* harmless? */ REMOVE a.name",
])
def test_write_queries_are_refused(shared_gold_store, cypher):
    before = shared_gold_store.counts()
    with pytest.raises(StoreError, match="^write queries are refused: "):
        shared_gold_store.query(cypher)
    assert shared_gold_store.counts() == before


def test_a_write_that_slips_past_the_check_fails_in_the_read_only_transaction(shared_gold_store, monkeypatch):
    import phoihop.graph.embedded_store as E

    before = shared_gold_store.counts()
    monkeypatch.setattr(E, "write_reason", lambda cypher: None)
    with pytest.raises(StoreError, match="read-only"):
        shared_gold_store.query(f"MATCH (a:{S.AGENCY}) SET a.name = 'x'")
    assert shared_gold_store.counts() == before
    assert shared_gold_store.query("RETURN 1 AS one") == [{"one": 1}]  # and the store still answers


def test_one_statement_at_a_time(shared_gold_store):
    with pytest.raises(StoreError, match="one statement at a time"):
        shared_gold_store.query("MATCH (a:Agency) RETURN count(a); MATCH (t:Topic) RETURN count(t)")


@pytest.mark.parametrize("cypher", [
    "MATCH (a:Agency) WHERE a.name = 'CREATE or DELETE' RETURN a.id",
    "MATCH (a:Agency) // we never SET anything\nRETURN count(a) AS n",
    "RETURN {set: 1, delete: 2} AS m",
    "CALL show_tables() RETURN name",
])
def test_reading_queries_pass_the_check(cypher):
    assert write_reason(cypher) is None


def test_query_takes_parameters_and_returns_dicts(gold_store):
    rows = gold_store.query(f"MATCH (d:{S.DOCUMENT}) WHERE d.chars > $min RETURN d.id AS id, d.kind AS kind "
                            "ORDER BY id", {"min": 0})
    assert len(rows) == 5 and set(rows[0]) == {"id", "kind"}


def test_a_read_only_store_answers_but_cannot_write(gold_store, gold_extractions):
    path = gold_store.dir
    counts = gold_store.counts()
    gold_store.close()
    with open_store(str(path), read_only=True) as ro:
        assert ro.counts() == counts
        assert ro.query(f"MATCH (a:{S.AGENCY}) WHERE a.id = $id RETURN a.name AS name",
                        {"id": "so-y-te-thanh-pho-ha-noi"}) == [{"name": "Sở Y tế thành phố Hà Nội"}]
        with pytest.raises(StoreError, match="read-only"):
            ro.write_document(document_graph(gold_extractions[0]))


def test_no_store_yet_is_one_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no store here yet"):
        open_store(str(tmp_path / "nothing"))
    with pytest.raises(StoreError, match="no store here yet"):
        EmbeddedStore(tmp_path, read_only=True)



def test_the_page_cache_size_comes_from_the_environment(tmp_path, monkeypatch, gold_extractions):
    monkeypatch.setenv("PHOIHOP_EMBEDDED_MEMORY_MB", "128")
    with EmbeddedStore(tmp_path / "small") as s:
        ingest_extractions(gold_extractions[:1], s)
        assert s.counts()[S.DOCUMENT] == 1
    for bad in ("lots", "8"):
        monkeypatch.setenv("PHOIHOP_EMBEDDED_MEMORY_MB", bad)
        with pytest.raises(StoreError, match="PHOIHOP_EMBEDDED_MEMORY_MB"):
            EmbeddedStore(tmp_path / "small")

# ---------------------------------------------------------------- other processes

def _python(code: str, *args: str, **kw) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'tests'}"}
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


OPEN_FOR_WRITING = """
import sys
from phoihop.graph.embedded_store import EmbeddedStore
from phoihop.graph.store import StoreError
try:
    EmbeddedStore(sys.argv[1]).close()
    print("opened")
except StoreError as e:
    print(e)
"""


def test_a_second_writer_process_gets_a_clear_error(store):
    out, _ = _python(OPEN_FOR_WRITING, str(store.dir)).communicate(timeout=120)
    assert out.startswith(f"store {store.dir} is in use by another process"), out
    with pytest.raises(StoreError, match="already open in this process"):
        EmbeddedStore(store.dir)
    store.close()
    out, _ = _python(OPEN_FOR_WRITING, str(store.dir)).communicate(timeout=120)
    assert out.strip() == "opened"


KILLED_MID_WRITE = """
import sys, time
from conftest import load_gold, GOLD
from phoihop.graph.embedded_store import EmbeddedStore
from phoihop.graph.model import document_graph
from test_embedded_store import edited

store = EmbeddedStore(sys.argv[1])
gold = [load_gold(p.stem) for p in sorted(GOLD.glob("*.json"))]
for ex in gold:
    store.write_document(document_graph(ex))
real_write, calls = EmbeddedStore._write_rels, []

def slow(self, *args):
    calls.append(1)
    if len(calls) == 3:
        print("MID", flush=True)
        time.sleep(600)
    return real_write(self, *args)

EmbeddedStore._write_rels = slow
store.write_document(document_graph(edited(gold[0])))  # replaces gold[0]: killed half-way
"""


def test_a_process_killed_mid_ingest_leaves_whole_documents(tmp_path, gold_extractions):
    path = tmp_path / "store"
    child = _python(KILLED_MID_WRITE, str(path))
    try:
        assert child.stdout.readline().strip() == "MID", child.stderr.read()
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL

    with EmbeddedStore(path) as after:
        got = snapshot(after)
    with EmbeddedStore(tmp_path / "reference") as reference:
        for ex in gold_extractions:
            reference.write_document(document_graph(ex))
        reference.rebuild_coordination()  # reopening after the kill derives what the writer left (issue 15)
        assert got == snapshot(reference)
    assert (path / DB_FILE).exists()
