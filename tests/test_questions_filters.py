"""Filters, co-assignment and ranked gaps of the questions, on small invented documents.

Three documents: a Prime Minister's telegram telling eight provinces' People's
Committees each to act (co-leads: 28 co-assigned pairs, no coordination) while
a ministry leads with another's support; a Hà Nội food-safety plan and a Nghệ
An one, each with a department that works on the topic alone (the gaps within
its province). Every question runs on the embedded store and on Neo4j, and both
must give the same rows.
"""
from __future__ import annotations

import hashlib
import itertools

import pytest

from phoihop.graph.embedded_store import EmbeddedStore
from phoihop.graph.loader import ingest_extractions
from phoihop.ingest.records import Agency, Assignee, Directive, Extraction, Obligation
from phoihop.queries import analysis
from phoihop.queries import run as Q
from phoihop.queries.agency_match import UnknownName
from phoihop.queries.filters import Filters, agency_province, find_province, resolve

TTG = "Thủ tướng Chính phủ"
BO_NN, BO_QP = "Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Quốc phòng"
COASTAL = ["Quảng Ninh", "Hải Phòng", "Thái Bình", "Nam Định", "Ninh Bình", "Thanh Hóa", "Nghệ An", "Hà Tĩnh"]
UBND = {p: f"Ủy ban nhân dân {'thành phố' if p == 'Hải Phòng' else 'tỉnh'} {p}" for p in COASTAL}
HN = "Ủy ban nhân dân thành phố Hà Nội"
SYT_HN, SCT_HN, SNN_HN = ("Sở Y tế thành phố Hà Nội", "Sở Công Thương thành phố Hà Nội",
                          "Sở Nông nghiệp và Phát triển nông thôn thành phố Hà Nội")
PYT_CG, CA_CG = "Phòng Y tế quận Cầu Giấy", "Công an quận Cầu Giấy"
NA = UBND["Nghệ An"]
SYT_NA, SNN_NA = "Sở Y tế tỉnh Nghệ An", "Sở Nông nghiệp và Phát triển nông thôn tỉnh Nghệ An"

AGENCIES = [
    Agency(TTG, "chinh_phu", "central"), Agency(BO_NN, "bo", "central"), Agency(BO_QP, "bo", "central"),
    *[Agency(UBND[p], "ubnd", "province", ("thành phố " if p == "Hải Phòng" else "tỉnh ") + p) for p in COASTAL],
    Agency(HN, "ubnd", "province", "thành phố Hà Nội"),
    Agency(SYT_HN, "so", "province", "thành phố Hà Nội"), Agency(SCT_HN, "so", "province", "thành phố Hà Nội"),
    Agency(SNN_HN, "so", "province", "thành phố Hà Nội"),
    Agency(PYT_CG, "phong", "district", "quận Cầu Giấy"), Agency(CA_CG, "cong_an", "district", "quận Cầu Giấy"),
    Agency(SYT_NA, "so", "province", "tỉnh Nghệ An"), Agency(SNN_NA, "so", "province", "tỉnh Nghệ An"),
]


def _document(name: str, directive: Directive, duties: list[tuple[str, list[tuple[str, str]], list[str]]]
              ) -> Extraction:
    """A document whose text is its duties' sentences, each an obligation with exact span."""
    text, obligations = f"{directive.type} số {directive.number or ''}.\n", []
    for sentence, people, topics in duties:
        start = len(text)
        text += sentence + "\n"
        obligations.append(Obligation(directive.key, sentence, (start, start + len(sentence)),
                                      [Assignee(a, role) for a, role in people], topics=topics))
    return Extraction(document=name, path=f"/virtual/{name}", text=text,
                      sha256=hashlib.sha256(text.encode()).hexdigest(), directives=[directive],
                      obligations=obligations, agencies=AGENCIES)


FOOD, STORM = "an toàn thực phẩm", "phòng, chống thiên tai"
DOCS = [
    _document("telegram.txt", Directive("88/CĐ-TTg", "88/CĐ-TTg", "Công điện", "2024-09-06", TTG), [
        ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố ven biển từ Quảng Ninh đến Hà Tĩnh chủ động sơ tán "
         "người dân khỏi khu vực nguy hiểm.", [(UBND[p], "lead") for p in COASTAL], [STORM]),
        ("Bộ Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với Bộ Quốc phòng theo dõi tàu thuyền "
         "trên biển.", [(BO_NN, "lead"), (BO_QP, "support")], [STORM]),
    ]),
    _document("hanoi.txt", Directive("31/KH-UBND", "31/KH-UBND", "Kế hoạch", "2023-03-15", HN), [
        ("Sở Y tế chủ trì, phối hợp với Sở Công Thương kiểm tra cơ sở kinh doanh thực phẩm.",
         [(SYT_HN, "lead"), (SCT_HN, "support")], [FOOD]),
        ("Sở Y tế chủ trì, phối hợp với Sở Công Thương giám sát ngộ độc thực phẩm.",
         [(SYT_HN, "lead"), (SCT_HN, "support")], [FOOD]),
        ("Sở Nông nghiệp và Phát triển nông thôn kiểm tra an toàn nông sản.", [(SNN_HN, "lead")], [FOOD]),
        ("Sở Nông nghiệp và Phát triển nông thôn quản lý chợ đầu mối nông sản.", [(SNN_HN, "lead")], [FOOD]),
        ("Phòng Y tế quận Cầu Giấy chủ trì, phối hợp với Công an quận Cầu Giấy xử lý vi phạm.",
         [(PYT_CG, "lead"), (CA_CG, "support")], [FOOD]),
    ]),
    _document("nghean.txt", Directive("120/KH-UBND", "120/KH-UBND", "Kế hoạch", "2022-05-10", NA,
                                      topics=[FOOD]), [  # a directive about the topic too
        ("Sở Y tế tỉnh Nghệ An kiểm tra bếp ăn tập thể.", [(SYT_NA, "lead")], [FOOD]),
        ("Sở Nông nghiệp và Phát triển nông thôn tỉnh Nghệ An kiểm tra vật tư nông nghiệp.",
         [(SNN_NA, "lead")], [FOOD]),
    ]),
]
CLIQUE = {frozenset(p) for p in itertools.combinations(UBND.values(), 2)}


@pytest.fixture(scope="module")
def embedded_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("filters") / "store"
    with EmbeddedStore(path) as s:
        ingest_extractions(DOCS, s)
    return path


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request, embedded_dir):
    if request.param == "neo4j":
        s = request.getfixturevalue("neo4j_store")
        ingest_extractions(DOCS, s)
        yield s
    else:
        with EmbeddedStore(embedded_dir, read_only=True) as s:
            yield s


def _pairs(rows) -> set[frozenset]:
    return {frozenset((r["a_name"], r["b_name"])) for r in rows}


# ---------------------------------------------------------------- places

@pytest.mark.parametrize("typed", ["Ha Noi", "hà nội", "TP Hà Nội", "thành phố Hà Nội", "Hanoi", "HA NOI"])
def test_a_province_is_found_however_it_is_typed(typed):
    assert find_province(typed) == "Hà Nội"


def test_an_unknown_province_suggests_the_nearest():
    with pytest.raises(UnknownName, match="did you mean.*Nghệ An"):
        find_province("Nghe Ann")


@pytest.mark.parametrize("jurisdiction, level, province", [
    ("thành phố Hà Nội", "province", "Hà Nội"), ("quận Cầu Giấy", "district", "Hà Nội"),
    ("tỉnh Nghệ An", "province", "Nghệ An"), ("Hải Phòng", "province", "Hải Phòng"),
    ("huyện Châu Thành", "district", None),  # in several provinces: the name cannot say which
    (None, "central", "Trung ương"), (None, None, None),
])
def test_a_jurisdiction_lies_in_its_province(jurisdiction, level, province):
    assert agency_province({"name": "Ủy ban nhân dân", "jurisdiction": jurisdiction, "level": level}) == province


def test_a_district_is_no_province_and_central_bodies_are_one():
    with pytest.raises(UnknownName):
        find_province("quận Đống Đa")
    assert find_province("Trung uong") == "Trung ương"


def test_an_agency_without_jurisdiction_is_placed_by_the_place_its_name_ends_with():
    assert agency_province({"name": "Trung tâm Y tế huyện Nghi Lộc", "jurisdiction": None}) == "Nghệ An"
    assert agency_province({"name": "Sở Lao động - Thương binh và Xã hội", "jurisdiction": None}) is None


# ---------------------------------------------------------------- co-leads are not coordination

def test_co_leads_of_one_telegram_are_not_coordination(store):
    rows = Q.coordination(store)
    assert _pairs(rows) == {frozenset((BO_NN, BO_QP)), frozenset((SYT_HN, SCT_HN)), frozenset((PYT_CG, CA_CG))}
    assert not _pairs(rows) & CLIQUE
    hubs = analysis.hubs(store, limit=None)["hubs"]
    assert not {h["name"] for h in hubs if h["degree"]} & set(UBND.values())


def test_co_assigned_adds_the_clique_marked(store):
    rows = Q.coordination(store, co_assigned=True)
    co = [r for r in rows if r["relation"] == "co_assigned"]
    assert _pairs(co) == CLIQUE and len(co) == 28
    assert [r for r in rows if r["relation"] == "coordinates"] == Q.coordination(store)
    hubs = analysis.hubs(store, co_assigned=True, limit=None)["hubs"]
    assert {h["name"]: h["degree"] for h in hubs if h["name"] in UBND.values()} == dict.fromkeys(UBND.values(), 7)


def test_each_coordination_row_quotes_its_source(store):
    texts = {d.path: d.text for d in DOCS}
    for r in Q.coordination(store, co_assigned=True):
        assert texts[r["source"]][r["start"]:r["end"]] == r["quote"] and r["document"]
    hn = next(r for r in Q.coordination(store) if r["a_name"] == SCT_HN)
    assert hn["obligations"] == 2 and hn["quote"].startswith("Sở Y tế chủ trì, phối hợp với Sở Công Thương")


# ---------------------------------------------------------------- filters

def test_province_level_and_kind_keep_the_pairs_whose_two_agencies_pass(store):
    in_hn = Q.coordination(store, filters=resolve(store, Filters(province="Ha Noi")))
    assert _pairs(in_hn) == {frozenset((SYT_HN, SCT_HN)), frozenset((PYT_CG, CA_CG))}
    district = Q.coordination(store, filters=resolve(store, Filters(province="ha noi", level="district")))
    assert _pairs(district) == {frozenset((PYT_CG, CA_CG))}
    ministries = Q.coordination(store, filters=resolve(store, Filters(kind="bo")))
    assert _pairs(ministries) == {frozenset((BO_NN, BO_QP))}
    co = Q.coordination(store, co_assigned=True, filters=resolve(store, Filters(province="Nghe An")))
    assert co == []  # Nghệ An's committee co-leads only with other provinces'


def test_topic_issuer_and_period_choose_the_obligations(store):
    assert _pairs(Q.coordination(store, filters=resolve(store, Filters(topic="food safety")))) == {
        frozenset((SYT_HN, SCT_HN)), frozenset((PYT_CG, CA_CG))}
    assert _pairs(Q.coordination(store, filters=resolve(store, Filters(issuer="Thu tuong")))) == {
        frozenset((BO_NN, BO_QP))}
    assert _pairs(Q.coordination(store, filters=resolve(store, Filters(since="2024")))) == {frozenset((BO_NN, BO_QP))}
    assert Q.coordination(store, filters=resolve(store, Filters(until="2022"))) == []


def test_duties_name_the_agency_within_the_filters(store):
    with pytest.raises(Exception, match="ambiguous"):
        Q.agency(store, "So Y te")
    f = resolve(store, Filters(province="Nghe An"))
    found = Q.agency(store, "So Y te", among=f)
    assert found["name"] == SYT_NA
    assert [r["quote"] for r in Q.duties(store, found["id"], filters=f)] == ["Sở Y tế tỉnh Nghệ An kiểm tra bếp ăn tập thể."]
    hn = Q.agency(store, SYT_HN)["id"]
    assert len(Q.duties(store, hn, filters=resolve(store, Filters(topic="an toan thuc pham", issuer="UBND TP Ha Noi")))) == 2
    assert Q.duties(store, hn, filters=resolve(store, Filters(topic="thiên tai"))) == []


def test_issued_keeps_the_obligations_given_to_agencies_that_pass(store):
    ttg = Q.agency(store, TTG)["id"]
    assert len(Q.issued(store, ttg)) == 2
    ministries = Q.issued(store, ttg, filters=resolve(store, Filters(level="central")))
    assert [r["leads"] for r in ministries] == [[BO_NN]]
    in_na = Q.issued(store, ttg, filters=resolve(store, Filters(province="Nghệ An")))
    assert len(in_na) == 1 and UBND["Nghệ An"] in in_na[0]["leads"]
    assert Q.issued(store, ttg, filters=resolve(store, Filters(topic="food safety"))) == []


# ---------------------------------------------------------------- gaps

def test_gaps_pair_agencies_of_one_province_ranked_by_shared_work(store):
    gaps = Q.gaps(store, filters=resolve(store, Filters(province="Ha Noi")))
    assert [g["shared"] for g in gaps] == [2, 2, 1, 1, 1, 1, 1, 1]
    assert _pairs(gaps[:2]) == {frozenset((SNN_HN, SCT_HN)), frozenset((SNN_HN, SYT_HN))}
    assert _pairs(gaps) == {frozenset(p) for p in itertools.combinations((SYT_HN, SCT_HN, SNN_HN, PYT_CG, CA_CG), 2)} - {
        frozenset((SYT_HN, SCT_HN)), frozenset((PYT_CG, CA_CG))}  # the coordinating pairs are no gaps
    assert gaps == sorted(gaps, key=lambda g: (-g["shared"], g["a_name"], g["b_name"]))
    assert all(g["province"] == "Hà Nội" and g["topics"] == [FOOD] for g in gaps)
    every = Q.gaps(store)
    # never across provinces: no Hà Nội agency with a Nghệ An one
    places = {a["name"]: agency_province(a) for a in Q.agencies(store)}
    assert every and all(places[g["a_name"]] == places[g["b_name"]] == g["province"] for g in every)
    assert frozenset((SYT_NA, SNN_NA)) in {frozenset((g["a_name"], g["b_name"])) for g in every}


def test_hubs_show_the_top_twenty_by_default_and_limit(store):
    both = analysis.hubs(store, co_assigned=True, limit=None)
    assert len(both["hubs"]) > 10
    assert analysis.hubs(store, co_assigned=True, limit=3)["hubs"] == both["hubs"][:3]


# ---------------------------------------------------------------- both stores

@pytest.mark.neo4j
def test_both_stores_answer_every_filter_alike(neo4j_store, embedded_dir):
    ingest_extractions(DOCS, neo4j_store)
    asks = [Filters(), Filters(province="Ha Noi"), Filters(province="Nghe An", level="province"),
            Filters(kind="so"), Filters(level="district"), Filters(issuer="UBND TP Ha Noi"),
            Filters(since="2023", until="2024-06"), Filters(topic="food safety"),
            Filters(province="Ha Noi", topic="an toan thuc pham", since="2023")]
    with EmbeddedStore(embedded_dir, read_only=True) as emb:
        for f in asks:
            a, b = resolve(emb, f), resolve(neo4j_store, f)
            assert a == b and a.agency_ids == b.agency_ids
            for co in (False, True):
                assert Q.coordination(emb, filters=a, co_assigned=co) == Q.coordination(neo4j_store, filters=b,
                                                                                        co_assigned=co), f
                assert analysis.hubs(emb, filters=a, co_assigned=co) == analysis.hubs(neo4j_store, filters=b,
                                                                                      co_assigned=co), f
            for name in (SYT_HN, SNN_NA, BO_NN):
                agency = Q.agency(emb, name)["id"]
                assert Q.duties(emb, agency, filters=a) == Q.duties(neo4j_store, agency, filters=b), f
            for issuer in (TTG, HN):
                i = Q.agency(emb, issuer)["id"]
                assert Q.issued(emb, i, filters=a) == Q.issued(neo4j_store, i, filters=b), f


# ---------------------------------------------------------------- the commands

def _cli(*args: str):
    from typer.testing import CliRunner

    from phoihop.cli import app

    return CliRunner().invoke(app, list(args), env={"COLUMNS": "400"})


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def where(request, embedded_dir) -> list[str]:
    if request.param == "neo4j":
        ingest_extractions(DOCS, request.getfixturevalue("neo4j_store"))
        return ["--neo4j"]
    return ["--store", str(embedded_dir)]


def _csv(*args: str) -> list[dict[str, str]]:
    import csv
    import io

    result = _cli(*args, "--csv")
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_hubs_gaps_in_ha_noi_lists_only_ha_noi_pairs_ranked(where):
    rows = _csv("hubs", "--gaps", "--province", "Ha Noi", *where)
    hanoi = {SYT_HN, SCT_HN, SNN_HN, PYT_CG, CA_CG}
    assert len(rows) == 8 and all({r["a_name"], r["b_name"]} <= hanoi for r in rows)
    assert [int(r["shared"]) for r in rows] == [2, 2, 1, 1, 1, 1, 1, 1]
    assert {r["province"] for r in rows} == {"Hà Nội"}
    assert len(_csv("hubs", "--gaps", "--province", "Ha Noi", "--limit", "3", *where)) == 3


def test_coordination_co_assigned_rows_are_marked_and_quoted(where):
    plain = _csv("coordination", *where)
    assert {r["relation"] for r in plain} == {"coordinates"} and len(plain) == 3
    rows = _csv("coordination", "--co-assigned", *where)
    assert sum(r["relation"] == "co_assigned" for r in rows) == 28
    texts = {d.path: d.text for d in DOCS}
    assert all(texts[r["source"]][int(r["start"]):int(r["end"])] == r["quote"] for r in rows)
    table = _cli("coordination", "--co-assigned", "--province", "Hai Phong", *where)
    assert table.exit_code == 0 and "no coordination found" in table.stdout  # its committee's partners are elsewhere


def test_hubs_show_twenty_by_default(tmp_path):
    ministries = [f"Bộ số {i}" for i in range(1, 25)]
    big = _document("ministries.txt", Directive("5/CT-TTg", "5/CT-TTg", "Chỉ thị", "2024-01-05", TTG), [
        ("Bộ Y tế chủ trì, phối hợp với các bộ, ngành rà soát.",
         [("Bộ Y tế", "lead")] + [(m, "support") for m in ministries], [FOOD])])
    with EmbeddedStore(tmp_path / "big") as s:
        ingest_extractions([*DOCS, big], s)
    import json

    every = json.loads(_cli("hubs", "--json", "--limit", "0", "--store", str(tmp_path / "big")).stdout)["hubs"]
    shown = _cli("hubs", "--json", "--store", str(tmp_path / "big"))
    assert shown.exit_code == 0, shown.output
    assert len(every) > 25 and json.loads(shown.stdout)["hubs"] == every[:20]
    assert every[0]["name"] == "Bộ Y tế" and every[0]["degree"] == 24


@pytest.mark.parametrize("args, message", [
    (["coordination", "--province", "Atlantis"], "no province matches 'Atlantis'"),
    (["hubs", "--level", "ward"], "no level matches 'ward'"),
    (["duties", "So Y te", "--kind", "cong-an"], "no kind matches 'cong-an'; did you mean: cong_an"),
])
def test_a_filter_naming_nothing_is_one_clear_line(embedded_dir, args, message):
    result = _cli(*args, "--store", str(embedded_dir))
    assert result.exit_code == 1 and message in result.stderr and result.stderr.count("\n") == 1


# ---------------------------------------------------------------- export

def test_export_writes_the_part_the_filters_choose(embedded_dir, tmp_path):
    import networkx as nx

    out = tmp_path / "hn.graphml"
    result = _cli("export", "--format", "graphml", "--province", "Ha Noi", "--level", "district",
                  "--out", str(out), "--store", str(embedded_dir))
    assert result.exit_code == 0, result.output
    g = nx.read_graphml(out)
    agencies = {d["name"] for _, d in g.nodes(data=True) if d.get("label") == "Agency"}
    assert agencies == {PYT_CG, CA_CG, HN}  # the two district bodies and the plan's issuer
    obligations = [d for _, d in g.nodes(data=True) if d.get("label") == "Obligation"]
    assert [o["text"] for o in obligations] == [DOCS[1].obligations[4].text]
    whole = tmp_path / "all.graphml"
    assert _cli("export", "--format", "graphml", "--out", str(whole), "--store", str(embedded_dir)).exit_code == 0
    assert len([1 for _, d in nx.read_graphml(whole).nodes(data=True) if d.get("label") == "Obligation"]) == 9
    bad = _cli("export", "--format", "graphml", "--kind", "nope", "--out", str(whole), "--store", str(embedded_dir))
    assert bad.exit_code == 1 and "no kind matches 'nope'" in bad.stderr


# ---------------------------------------------------------------- tables for analysis

def test_parquet_tables_load_typed(embedded_dir, tmp_path):
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    out = tmp_path / "tables"
    result = _cli("export", "--format", "parquet", "--out", str(out), "--store", str(embedded_dir))
    assert result.exit_code == 0, result.output
    agencies = pq.read_table(out / "Agency.parquet")
    assert agencies.schema.field("aliases").type == pa.list_(pa.string())
    assert agencies.schema.field("name").type == pa.string() and agencies.num_rows == len(AGENCIES)
    directives = pq.read_table(out / "Directive.parquet")
    assert directives.schema.field("year").type == pa.int64() and directives.schema.field("stub").type == pa.bool_()
    assert sorted(directives.column("year").to_pylist()) == [2022, 2023, 2024]
    evidence = pq.read_table(out / "EVIDENCED_BY.parquet").to_pylist()
    assert len(evidence) == 9 and all(isinstance(e["start"], int) and e["quote"] for e in evidence)
    texts = {d.sha256: d.text for d in DOCS}
    assert all(texts[e["to_id"]][e["start"]:e["end"]] == e["quote"] for e in evidence)
    about = pq.read_table(out / "ABOUT.parquet")
    assert {"from_label", "from_id", "to_label", "to_id"} <= set(about.column_names)
    assert set(about.column("from_label").to_pylist()) == {"Obligation", "Directive"}  # ABOUT joins both
    leads = pq.read_table(out / "LEADS.parquet").to_pylist()
    assert len(leads) == 8 + 1 + 4 + 1 + 2  # the telegram's eight and its ministry, Hà Nội's, Nghệ An's
    date_types = {f.name: f.type for f in directives.schema if f.type == pa.date32()}
    for name in date_types:  # a schema DATE column holds dates
        assert all(v is None or isinstance(v, dt.date) for v in directives.column(name).to_pylist())


def test_xlsx_has_a_sheet_per_table(embedded_dir, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "graph.xlsx"
    result = _cli("export", "--format", "xlsx", "--province", "Nghe An", "--out", str(out), "--store",
                  str(embedded_dir))
    assert result.exit_code == 0, result.output
    wb = load_workbook(out, read_only=True)
    assert {"Agency", "Directive", "Obligation", "LEADS", "EVIDENCED_BY"} <= set(wb.sheetnames)
    rows = list(wb["Agency"].iter_rows(values_only=True))
    names = {r[rows[0].index("name")] for r in rows[1:]}
    assert {SYT_NA, SNN_NA, UBND["Nghệ An"]} <= names and SYT_HN not in names
    assert _cli("export", "--format", "parquet", "--store", str(embedded_dir)).exit_code == 2


# ---------------------------------------------------------------- co-leads in one province

@pytest.mark.skipif(not Q.DERIVES_CO_ASSIGNED, reason="needs the stores to derive CO_ASSIGNED apart (issue 14)")
def test_co_leads_of_one_province_are_a_gap_unless_co_assignment_counts(tmp_path):
    both = _document("hanoi-2.txt", Directive("45/KH-UBND", "45/KH-UBND", "Kế hoạch", "2024-04-02", HN), [
        ("Sở Y tế và Sở Nông nghiệp và Phát triển nông thôn cùng chủ trì kiểm tra chợ.",
         [(SYT_HN, "lead"), (SNN_HN, "lead")], [FOOD])])
    with EmbeddedStore(tmp_path / "colead") as s:
        ingest_extractions([*DOCS, both], s)
        hn = resolve(s, Filters(province="Ha Noi"))
        pair = frozenset((SYT_HN, SNN_HN))
        assert pair in _pairs(Q.gaps(s, filters=hn))
        assert pair not in _pairs(Q.gaps(s, filters=hn, co_assigned=True))
        assert pair not in _pairs(Q.coordination(s, filters=hn))
        co = [r for r in Q.coordination(s, filters=hn, co_assigned=True) if r["relation"] == "co_assigned"]
        assert _pairs(co) == {pair} and co[0]["quote"].startswith("Sở Y tế và Sở Nông nghiệp")


def test_the_stored_topic_summary_answers_the_filters_alike(store):
    for f in (Filters(topic="food safety"), Filters(topic="food safety", province="Ha Noi"),
              Filters(topic="food safety", level="district"), Filters(topic="thiên tai", kind="bo")):
        r = resolve(store, f)
        assert Q.coordination(store, filters=r) == Q.coordination(store, filters=r, precomputed=False), f
        assert Q.coordination(store, filters=r, limit=1) == Q.coordination(store, filters=r)[:1], f
