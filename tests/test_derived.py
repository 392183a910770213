"""The derived relationships on both stores: coordination kept apart from co-assignment,
their properties, removal of a document, and updates that recompute only what changed.

Each test runs on the embedded store and on a real Neo4j server, on the five gold
documents and on small documents invented here (a storm telegram to four coastal
provinces, two ministries working together).
"""
from __future__ import annotations

import hashlib
from datetime import date

import pytest

from phoihop.graph import derive as D
from phoihop.graph import schema as S
from phoihop.graph.embedded_store import EmbeddedStore
from phoihop.graph.loader import ingest_extractions
from phoihop.graph.model import agency_id, document_graph
from phoihop.ingest.records import Assignee, Citation, Directive, Extraction, Obligation
from phoihop.queries import run as Q
from test_embedded_store import ISSUING, _citing, expected_counts, model_derived, snapshot, stored_derived

PROVINCES = ["Ủy ban nhân dân tỉnh Quảng Ninh", "Ủy ban nhân dân tỉnh Thái Bình",
             "Ủy ban nhân dân tỉnh Nam Định", "Ủy ban nhân dân tỉnh Ninh Bình"]
DEFENCE, POLICE = "Bộ Quốc phòng", "Bộ Công an"


def _doc(name: str, number: str, when: str, duties: list[tuple[str, list[tuple[str, str]]]]) -> Extraction:
    """One directive whose obligations are ``(sentence, [(agency, role), ...])``."""
    text = f"Công điện số {number} ngày {when}.\n"
    obligations = []
    for sentence, people in duties:
        start = len(text)
        text += sentence + "\n"
        obligations.append(Obligation(directive=number, text=sentence, span=(start, start + len(sentence)),
                                      assignees=[Assignee(a, r) for a, r in people], topics=["phòng, chống thiên tai"]))
    return Extraction(document=name, path=f"/virtual/{name}", text=text,
                      sha256=hashlib.sha256(text.encode()).hexdigest(),
                      directives=[Directive(key=number, number=number, type="Công điện", date=when,
                                            issuer="Thủ tướng Chính phủ", subject="ứng phó bão")],
                      obligations=obligations)


TELEGRAM = _doc("cd-bao-so-3.txt", "81/CĐ-TTg", "2025-07-20", [
    ("Ủy ban nhân dân các tỉnh Quảng Ninh, Thái Bình, Nam Định, Ninh Bình chủ động sơ tán dân ở vùng ven biển.",
     [(p, "lead") for p in PROVINCES]),
    ("Bộ Quốc phòng chủ trì, phối hợp với Bộ Công an bố trí lực lượng cứu hộ.",
     [(DEFENCE, "lead"), (POLICE, "support")]),
])
FOLLOW_UP = _doc("cd-bao-so-4.txt", "90/CĐ-TTg", "2025-08-02", [
    ("Bộ Công an chủ trì, phối hợp với Bộ Quốc phòng bảo đảm an ninh vùng bị ngập.",
     [(POLICE, "lead"), (DEFENCE, "support")]),
])


@pytest.fixture(params=["embedded", "neo4j"])
def any_store(request, tmp_path):
    """An empty store of each kind: embedded (LadybugDB) and a real Neo4j server."""
    if request.param == "neo4j":
        yield request.getfixturevalue("neo4j_store")
        return
    store = EmbeddedStore(tmp_path / "store")
    yield store
    store.close()


def pairs(store, rel_type: str) -> set[tuple[str, str]]:
    return {(r["a"], r["b"]) for r in store.query(
        f"MATCH (a:{S.AGENCY})-[:{rel_type}]->(b:{S.AGENCY}) RETURN a.id AS a, b.id AS b")}


def test_co_leads_are_co_assigned_and_only_lead_and_support_coordinate(any_store):
    ingest_extractions([TELEGRAM], any_store)
    provinces = sorted(agency_id(p) for p in PROVINCES)
    assert pairs(any_store, S.CO_ASSIGNED) == {(a, b) for i, a in enumerate(provinces) for b in provinces[i + 1:]}
    assert pairs(any_store, S.COORDINATES_WITH) == {tuple(sorted((agency_id(DEFENCE), agency_id(POLICE))))}
    assert {(r["a_id"], r["b_id"]) for r in Q.coordination(any_store)} == pairs(any_store, S.COORDINATES_WITH)


def test_a_pair_carries_counts_directives_topics_dates_and_its_latest_quote(any_store):
    ingest_extractions([TELEGRAM, FOLLOW_UP], any_store)
    rows = any_store.query(
        f"MATCH (a:{S.AGENCY})-[r:{S.COORDINATES_WITH}]->(b:{S.AGENCY}) RETURN r.obligations AS obligations, "
        "r.directives AS directives, r.topics AS topics, r.firstDate AS firstDate, r.lastDate AS lastDate, "
        "r.quote AS quote, r.document AS document, r.start AS start, r.`end` AS stop, "
        "r.firstDate = date('2025-07-20') AS is_date")
    assert len(rows) == 1
    r = rows[0]
    assert r["obligations"] == 2
    assert r["directives"] == ["thu-tuong-chinh-phu|2025|81/CD-TTG", "thu-tuong-chinh-phu|2025|90/CD-TTG"]
    assert r["topics"] == ["phong-chong-thien-tai"]
    assert (r["firstDate"], r["lastDate"]) == (date(2025, 7, 20), date(2025, 8, 2))
    assert r["is_date"] is True  # a DATE value in the store, not a string
    assert r["document"] == FOLLOW_UP.sha256  # the most recent obligation is the example
    assert r["quote"] == FOLLOW_UP.text[r["start"]:r["stop"]] == FOLLOW_UP.obligations[0].text


def test_the_store_derives_what_the_model_derives(any_store, gold_extractions):
    ingest_extractions(gold_extractions + [TELEGRAM, FOLLOW_UP], any_store)
    graphs = [document_graph(ex) for ex in gold_extractions + [TELEGRAM, FOLLOW_UP]]
    assert stored_derived(any_store) == model_derived(graphs)
    assert any_store.counts() == expected_counts(graphs)


def test_removing_and_ingesting_again_gives_the_same_store(any_store, gold_extractions):
    ingest_extractions(gold_extractions, any_store)
    before = (any_store.counts(), snapshot(any_store), Q.coordination(any_store),
              Q.duties(any_store, "cong-an-thanh-pho-ha-noi"), Q.duties(any_store, "so-xay-dung-thanh-pho-ha-noi"))
    gone, rest = gold_extractions[0], gold_extractions[1:]

    assert any_store.remove_document(gone.path)
    graphs = [document_graph(ex) for ex in rest]
    assert any_store.counts() == expected_counts(graphs)
    assert stored_derived(any_store) == model_derived(graphs)
    assert not any_store.remove_document(gone.path)

    ingest_extractions([gone], any_store)
    after = (any_store.counts(), snapshot(any_store), Q.coordination(any_store),
             Q.duties(any_store, "cong-an-thanh-pho-ha-noi"), Q.duties(any_store, "so-xay-dung-thanh-pho-ha-noi"))
    assert after == before
    assert before[2] and before[4]  # the sample answers are not empty


def test_removing_by_document_id_keeps_what_other_documents_still_use(any_store):
    citing = _citing("Ủy ban nhân dân quận Đống Đa")
    ingest_extractions([ISSUING, citing], any_store)
    assert any_store.remove_document(ISSUING.sha256)
    rows = any_store.query(f"MATCH (a:{S.AGENCY})-[:{S.ISSUED}]->(d:{S.DIRECTIVE}) WHERE d.number_key = $n "
                           "RETURN a.id AS agency, d.stub AS stub", {"n": "345/UBND-YT"})
    assert rows == [{"agency": "uy-ban-nhan-dan-quan-dong-da", "stub": True}]  # still cited: a stub again
    assert any_store.counts()[S.DOCUMENT] == 1
    assert any_store.remove_document(citing.path)
    assert set(any_store.counts().values()) == {0}


def test_an_update_recomputes_only_the_pairs_whose_obligations_changed(any_store, gold_extractions, monkeypatch):
    ingest_extractions(gold_extractions + [TELEGRAM], any_store)
    calls = []
    real = D.derive

    def spy(read, pairs=None, **how):
        calls.append(pairs)
        return real(read, pairs, **how)

    monkeypatch.setattr(D, "derive", spy)
    ingest_extractions([FOLLOW_UP], any_store)
    assert calls == [{tuple(sorted((agency_id(DEFENCE), agency_id(POLICE))))}]
    incremental = snapshot(any_store)
    calls.clear()
    assert any_store.remove_document(TELEGRAM.path)
    provinces = sorted(agency_id(p) for p in PROVINCES)
    assert calls == [{tuple(sorted((agency_id(DEFENCE), agency_id(POLICE))))}
                     | {(a, b) for i, a in enumerate(provinces) for b in provinces[i + 1:]}]
    after_removal = snapshot(any_store)

    monkeypatch.undo()
    ingest_extractions([TELEGRAM], any_store)
    assert snapshot(any_store) == incremental
    any_store.remove_document(TELEGRAM.path)
    any_store.rebuild_coordination()  # everything again: the same relationships
    assert snapshot(any_store) == after_removal


# ---------------------------------------------------------------- the command

def test_remove_command_takes_a_document_out_by_path_or_id(any_store, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from phoihop.cli import app

    folder = tmp_path / "docs"
    folder.mkdir()
    for ex in (TELEGRAM, FOLLOW_UP):
        (folder / ex.document).write_text(ex.text, encoding="utf-8")
    flags = ["--neo4j"] if any_store.name == "neo4j" else ["--store", str(tmp_path / "cli-store")]
    runner = CliRunner()
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["ingest", "docs", *flags]).exit_code == 0
    counts = runner.invoke(app, ["stats", "--json", *flags])
    assert '"Document": 2' in counts.stdout

    r = runner.invoke(app, ["remove", "./docs/cd-bao-so-4.txt", *flags])
    assert r.exit_code == 0 and r.stdout.strip() == "removed ./docs/cd-bao-so-4.txt", r.output
    assert '"Document": 1' in runner.invoke(app, ["stats", "--json", *flags]).stdout

    r = runner.invoke(app, ["remove", "docs/cd-bao-so-4.txt", *flags])
    assert r.exit_code == 1 and "no such document in the store" in r.stderr
    assert "Example: phoihop remove" in runner.invoke(app, ["remove", "--help"]).stdout
