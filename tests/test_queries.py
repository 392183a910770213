"""The five named questions on the gold documents, on the embedded store and on Neo4j.

Expectations are computed from the gold JSON records themselves (not from the
graph), so a query that loses or invents a duty or a pair fails here.
"""
from __future__ import annotations

import hashlib

import networkx as nx
import pytest

from phoihop.graph.embedded_store import EmbeddedStore
from phoihop.graph.loader import ingest_extractions
from phoihop.ingest.records import Citation, Directive, Extraction
from phoihop.queries import analysis
from phoihop.queries import run as Q
from phoihop.queries.agency_match import AmbiguousName, UnknownName, find_agency
from phoihop.queries.dates import DateError, Period, first_day, last_day, period

LDTBXH_HN = "Sở Lao động - Thương binh và Xã hội thành phố Hà Nội"


# ---------------------------------------------------------------- gold expectations

def kept_obligations(extractions):
    """(extraction, obligation, assignees) for every gold obligation the graph keeps:
    one of a known directive with at least one named (non-generic) assignee. The
    graph knows an obligation by its span, so gold entries quoting the same
    sentence (one per assignee) are one obligation with all their assignees."""
    for ex in extractions:
        keys = {d.key for d in ex.directives}
        by_span: dict[tuple, tuple] = {}
        for o in ex.obligations:
            people = [a for a in o.assignees if not a.generic]
            if o.directive in keys and people:
                first, before = by_span.get(o.span, (o, []))
                by_span[o.span] = (first, before + [a for a in people if (a.agency, a.role) not in
                                                    {(b.agency, b.role) for b in before}])
        for o, people in by_span.values():
            yield ex, o, people


def gold_pairs(extractions, relation: str = "coordinates") -> dict[frozenset, set]:
    """{frozenset of two agency names: obligations} for every lead-support pair
    (relation "coordinates") or every pair of co-leads ("co_assigned")."""
    out: dict[frozenset, set] = {}
    for ex, o, people in kept_obligations(extractions):
        leads = {a.agency for a in people if a.role == "lead"}
        others = leads if relation == "co_assigned" else {a.agency for a in people} - leads
        for lead in leads:
            for other in others - {lead}:
                out.setdefault(frozenset((lead, other)), set()).add((ex.sha256, o.span))
    return out


# ---------------------------------------------------------------- stores

@pytest.fixture(scope="module")
def gold_dir(tmp_path_factory, gold_extractions):
    """The gold documents in an embedded store, closed (each test opens it read-only)."""
    path = tmp_path_factory.mktemp("queries") / "store"
    with EmbeddedStore(path) as s:
        ingest_extractions(gold_extractions, s)
    return path


def load_neo4j(neo4j_store, gold_extractions):
    """The gold documents in Neo4j (the ``neo4j_store`` fixture hands it over empty)."""
    ingest_extractions(gold_extractions, neo4j_store)
    return neo4j_store


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request, gold_dir, gold_extractions):
    if request.param == "neo4j":
        yield load_neo4j(request.getfixturevalue("neo4j_store"), gold_extractions)
    else:
        with EmbeddedStore(gold_dir, read_only=True) as s:
            yield s


# ---------------------------------------------------------------- dates

def test_typed_dates_become_inclusive_bounds():
    assert (first_day("2024"), last_day("2024")) == ("2024-01-01", "2024-12-31")
    assert (first_day("2024-02"), last_day("2024-02")) == ("2024-02-01", "2024-02-29")
    assert (first_day("2023-02"), last_day("2023-02")) == ("2023-02-01", "2023-02-28")
    assert (first_day("2024-02-19"), last_day("2024-02-19")) == ("2024-02-19", "2024-02-19")
    assert period("2019-12", None) == Period("2019-12-01", None)
    assert period(None, None).params() == {"since": "", "until": "", "since_year": 0, "until_year": 9999}


@pytest.mark.parametrize("text", ["24", "2024-13", "2024-02-30", "last year", ""])
def test_a_bad_date_is_one_clear_error(text):
    with pytest.raises(DateError, match="2024|not"):
        first_day(text)


def test_an_empty_period_is_refused():
    with pytest.raises(DateError, match="after"):
        period("2024-03", "2024-02")


# ---------------------------------------------------------------- agency names

@pytest.fixture(scope="module")
def agencies(gold_dir):
    with EmbeddedStore(gold_dir, read_only=True) as s:
        return Q.agencies(s)


@pytest.mark.parametrize("typed, name", [
    ("so y te ha noi", "Sở Y tế thành phố Hà Nội"),
    ("Sở Y tế thành phố Hà Nội", "Sở Y tế thành phố Hà Nội"),
    ("so lao dong thuong binh va xa hoi ha noi", LDTBXH_HN),
    ("Sở LĐTBXH Hà Nội", LDTBXH_HN),
    ("UBND TP Hà Nội", "Ủy ban nhân dân thành phố Hà Nội"),
    ("ubnd tp ha noi", "Ủy ban nhân dân thành phố Hà Nội"),
    ("Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn thành phố Hà Nội"),
    ("UBND tỉnh Hải Phòng", "Ủy ban nhân dân thành phố Hải Phòng"),  # level words do not matter
    ("cong an hai phong", "Công an thành phố Hải Phòng"),
    ("Chi cục Chăn nuôi", "Chi cục Chăn nuôi và Thú y thành phố Hà Nội"),  # a unique run of words
    ("catp hai phong", "Công an thành phố Hải Phòng"),  # an alias as printed
    ("Sở LĐ-TB&XH Hà Nội", LDTBXH_HN),
    ("ubnd q dong da", "Ủy ban nhân dân quận Đống Đa"),
    ("hoi cuu chien", "Hội Cựu chiến binh thành phố Hải Phòng"),  # word prefixes
])
def test_an_agency_is_found_however_it_is_typed(agencies, typed, name):
    assert find_agency(typed, agencies)["name"] == name


def test_an_ambiguous_agency_lists_the_candidates(agencies):
    with pytest.raises(AmbiguousName) as e:
        find_agency("Sở Y tế", agencies)
    assert e.value.candidates == ["Sở Y tế thành phố Hà Nội", "Sở Y tế thành phố Hải Phòng"]
    assert "ambiguous" in str(e.value) and "\n" not in str(e.value)


def test_an_agency_called_exactly_so_wins_over_those_that_go_by_it():
    rows = [{"id": "so-y-te", "name": "Sở Y tế", "name_folded": "so y te", "aliases": []},
            {"id": "so-y-te-tinh-ca-mau", "name": "Sở Y tế tỉnh Cà Mau",
             "name_folded": "so y te tinh ca mau", "aliases": ["Sở Y tế", "SYT Cà Mau"]}]
    assert find_agency("so y te", rows)["id"] == "so-y-te"
    assert find_agency("Sở Y tế Cà Mau", rows)["id"] == "so-y-te-tinh-ca-mau"
    assert find_agency("syt ca mau", rows)["id"] == "so-y-te-tinh-ca-mau"


def test_an_unknown_agency_suggests_the_nearest(agencies):
    with pytest.raises(UnknownName) as e:
        find_agency("Sở Y tế thành phố Đà Nẵng", agencies)
    assert "Sở Y tế thành phố Hà Nội" in e.value.candidates
    assert "did you mean" in str(e.value)


# ---------------------------------------------------------------- question 1: duties

def test_duties_are_exactly_the_gold_obligations_of_the_agency(store, gold_extractions):
    agency = Q.agency(store, "so lao dong thuong binh va xa hoi ha noi")
    want = set()
    for ex, o, people in kept_obligations(gold_extractions):
        for a in people:
            if a.agency == LDTBXH_HN:
                partners = tuple(sorted((p.agency, p.role) for p in people if p.agency != LDTBXH_HN))
                want.add((ex.text[o.span[0]:o.span[1]], a.role, o.deadline, partners))
    rows = Q.duties(store, agency["id"])
    got = {(r["quote"], r["role"], r["deadline"], tuple(sorted((p["agency"], p["role"]) for p in r["partners"])))
           for r in rows}
    assert want and got == want
    assert len(rows) == len(want)
    assert all(r["quote"] for r in rows)


def test_duties_filter_by_role_and_period(store):
    agency = Q.agency(store, "Phòng Y tế quận Đống Đa")
    every = Q.duties(store, agency["id"])
    leads = Q.duties(store, agency["id"], role="lead")
    supports = Q.duties(store, agency["id"], role="support")
    assert leads and {r["role"] for r in leads} == {"lead"}
    assert {r["obligation"] for r in leads} | {r["obligation"] for r in supports} == {r["obligation"] for r in every}
    assert Q.duties(store, agency["id"], period=period("2024-02-19", "2024-02-19")) == every  # 345/UBND-YT's day
    assert Q.duties(store, agency["id"], period=period("2024-02-20")) == []
    assert Q.duties(store, agency["id"], period=period(None, "2024-01")) == []


def test_an_undated_directive_counts_in_the_periods_of_its_year(store):
    agency = Q.agency(store, LDTBXH_HN)  # its duties come from an undated 2019 plan (seed 001)
    assert Q.duties(store, agency["id"], period=period("2019", "2019"))
    assert Q.duties(store, agency["id"], period=period("2020")) == []


def test_duties_come_in_date_order_with_undated_directives_last(store):
    both_kinds = 0
    for agency in Q.agencies(store):
        rows = Q.duties(store, agency["id"])
        dates = [r["date"] for r in rows]
        dated = [d for d in dates if d is not None]
        assert dates == dated + [None] * (len(dates) - len(dated)) and dated == sorted(dated)
        both_kinds += bool(dated) and len(dated) < len(dates)
        assert Q.duties(store, agency["id"], limit=2) == rows[:2]
    assert both_kinds  # the gold has agencies with dated and undated duties


@pytest.mark.neo4j
def test_a_busy_agencys_page_is_found_by_walking_directives_by_date(neo4j_store, gold_extractions, monkeypatch):
    """For an agency with a large share of the obligations Neo4j pages its duties by
    walking directives in date order: the same rows as sorting all of them."""
    store = load_neo4j(neo4j_store, gold_extractions)
    cases = [(a["id"], role, p, limit) for a in Q.agencies(store) for role in (None, "lead", "support")
             for p in (period(), period("2019"), period("2024-02-19", "2024-03")) for limit in (1, 3, 50)]
    monkeypatch.setattr(Q, "BUSY", float("inf"))
    sorted_all = [Q.duties(store, a, role, p, limit) for a, role, p, limit in cases]
    used = []
    real_run = Q.run
    monkeypatch.setattr(Q, "run", lambda s, name, **kw: used.append(name) or real_run(s, name, **kw))
    monkeypatch.setattr(Q, "BUSY", 0)
    walked = [Q.duties(store, a, role, p, limit) for a, role, p, limit in cases]
    assert walked == sorted_all and any(sorted_all)
    assert "duties_by_date" in used


# ---------------------------------------------------------------- question 2: coordination

def test_coordination_has_every_gold_pair_with_its_obligations(store, gold_extractions):
    want = gold_pairs(gold_extractions)
    rows = Q.coordination(store)
    got = {frozenset((r["a_name"], r["b_name"])): r["obligations"] for r in rows}
    assert got == {pair: len(obs) for pair, obs in want.items()}
    assert all(r["a_id"] < r["b_id"] for r in rows)  # each pair once
    assert {r["relation"] for r in rows} == {"coordinates"}


def test_co_assigned_adds_the_gold_co_lead_pairs_marked(store, gold_extractions):
    both = Q.coordination(store, co_assigned=True)
    co = [r for r in both if r["relation"] == "co_assigned"]
    want = gold_pairs(gold_extractions, "co_assigned")
    assert want and {frozenset((r["a_name"], r["b_name"])): r["obligations"] for r in co} == \
        {pair: len(obs) for pair, obs in want.items()}
    assert [r for r in both if r["relation"] == "coordinates"] == Q.coordination(store)


def test_every_coordination_row_carries_its_example_quote_and_source(store, gold_extractions):
    texts = {ex.path: ex.text for ex in gold_extractions}
    rows = Q.coordination(store, co_assigned=True)
    assert rows
    for r in rows:
        assert r["quote"] and r["document"] and r["start"] < r["end"]
        assert texts[r["source"]][r["start"]:r["end"]] == r["quote"]


def test_coordination_filters_by_agency_topic_issuer_and_period(store, gold_extractions):
    police = Q.agency(store, "Công an TP Hà Nội")
    rows = Q.coordination(store, agency_id=police["id"])
    assert rows and all(police["name"] in (r["a_name"], r["b_name"]) for r in rows)
    topic = Q.topic("mại dâm")
    on_topic = Q.coordination(store, topic_id=topic["id"])
    assert on_topic and all(topic["name"] in r["topics"] for r in on_topic)
    hai_phong = Q.agency(store, "UBND TP Hải Phòng")
    by_issuer = Q.coordination(store, issuer_id=hai_phong["id"])
    assert by_issuer and all(d.startswith(hai_phong["id"] + "|") for r in by_issuer for d in r["directives"])
    in_2011 = Q.coordination(store, period=period("2011", "2011"))
    assert [r for r in by_issuer] == in_2011  # the Hải Phòng plan is the only 2011 directive
    assert Q.coordination(store, period=period("2025")) == []


# ---------------------------------------------------------------- question 3: chain

def test_chain_of_a_gold_directive_goes_up_to_what_it_cites(store):
    d = Q.directive(store, "345/ubnd-yt")
    assert d["issuer"] == "Ủy ban nhân dân quận Đống Đa"
    rows = Q.chain(store, d["id"])
    assert [(r["direction"], r["depth"], r["relation"], r["to_number"]) for r in rows] == [
        ("up", 1, "basis", "667/SYT-NVY")]
    cited = Q.chain(store, Q.directive(store, "667/SYT-NVY")["id"])
    assert [(r["direction"], r["depth"], r["from_number"]) for r in cited] == [("down", 1, "345/UBND-YT")]


def _document(name: str, directive: Directive, citations=()) -> Extraction:
    text = f"{directive.type} số {directive.number} ngày {directive.date}."
    return Extraction(document=name, path=f"/virtual/{name}", text=text,
                      sha256=hashlib.sha256(text.encode()).hexdigest(),
                      directives=[directive], citations=list(citations))


TTG, HN, BA_DINH = "Thủ tướng Chính phủ", "Ủy ban nhân dân thành phố Hà Nội", "Ủy ban nhân dân quận Ba Đình"
CHAIN = [  # the Prime Minister's telegram down to a district, each implementing the one above
    _document("ttg.txt", Directive("1658/CĐ-TTg", "1658/CĐ-TTg", "Công điện", "2019-12-09", TTG)),
    _document("hn.txt", Directive("5555/UBND-ĐT", "5555/UBND-ĐT", "Công văn", "2019-12-13", HN),
              [Citation("5555/UBND-ĐT", "1658/CĐ-TTg", "implements", "Công điện", "2019-12-09", TTG)]),
    _document("bd.txt", Directive("100/KH-UBND", "100/KH-UBND", "Kế hoạch", "2019-12-20", BA_DINH),
              [Citation("100/KH-UBND", "5555/UBND-ĐT", "implements", "Công văn", "2019-12-13", HN),
               Citation("100/KH-UBND", "07/2016/TT-BNNPTNT", "mentions", "Thông tư", "2016-05-31",
                        "Bộ Nông nghiệp và Phát triển nông thôn")]),
]


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def chain_store(request, tmp_path):
    if request.param == "neo4j":
        s = request.getfixturevalue("neo4j_store")
        s.clear()
        ingest_extractions(CHAIN, s)
        yield s
        s.clear()
    else:
        with EmbeddedStore(tmp_path / "chain") as s:
            ingest_extractions(CHAIN, s)
            yield s


def _steps(rows):
    return [(r["direction"], r["depth"], r["from_number"], r["relation"], r["to_number"]) for r in rows]


def test_chain_is_transitive_both_ways(chain_store):
    top = Q.directive(chain_store, "1658/CD-TTG")  # Đ typed as D, any case
    assert _steps(Q.chain(chain_store, top["id"])) == [
        ("down", 1, "5555/UBND-ĐT", "implements", "1658/CĐ-TTg"),
        ("down", 2, "100/KH-UBND", "implements", "5555/UBND-ĐT"),
    ]
    bottom = Q.directive(chain_store, "100/KH-UBND")
    assert _steps(Q.chain(chain_store, bottom["id"])) == [
        ("up", 1, "100/KH-UBND", "mentions", "07/2016/TT-BNNPTNT"),
        ("up", 1, "100/KH-UBND", "implements", "5555/UBND-ĐT"),
        ("up", 2, "5555/UBND-ĐT", "implements", "1658/CĐ-TTg"),
    ]
    middle = Q.directive(chain_store, "5555/UBND-ĐT")
    assert [(r["direction"], r["depth"]) for r in Q.chain(chain_store, middle["id"])] == [("up", 1), ("down", 1)]


def test_a_number_of_several_offices_is_ambiguous_and_an_unknown_one_gets_suggestions(tmp_path, gold_extractions):
    dong_da = next(ex for ex in gold_extractions if any(d.number == "345/UBND-YT" for d in ex.directives))
    hoang_mai = _document("hm.txt", Directive("345/UBND-YT", "345/UBND-YT", "Công văn", "2024-03-01",
                                              "Ủy ban nhân dân quận Hoàng Mai"))
    with EmbeddedStore(tmp_path / "two") as s:
        ingest_extractions([dong_da, hoang_mai], s)
        with pytest.raises(AmbiguousName) as e:
            Q.directive(s, "345/UBND-YT")
        assert len(e.value.candidates) == 2
        assert all("345/UBND-YT (Ủy ban nhân dân quận" in c for c in e.value.candidates)
        assert Q.directive(s, "uy-ban-nhan-dan-quan-hoang-mai|2024|345/UBND-YT")["date"] == "2024-03-01"
        with pytest.raises(UnknownName, match="did you mean.*345/UBND-YT"):
            Q.directive(s, "346/UBND-YT")


# ---------------------------------------------------------------- question 4: hubs

def test_hubs_rank_the_gold_network_of_a_topic(store, gold_extractions):
    topic = Q.topic("phòng, chống mại dâm")
    found = analysis.hubs(store, topic["id"])
    pairs = Q.coordination(store, topic_id=topic["id"])
    g = nx.Graph((p["a_name"], p["b_name"]) for p in pairs)
    between = nx.betweenness_centrality(g)
    hubs = {h["name"]: h for h in found["hubs"]}
    for name in g:
        assert hubs[name]["degree"] == g.degree(name)
        assert hubs[name]["betweenness"] == round(between[name], 6)
    degrees = [(h["degree"], h["betweenness"]) for h in found["hubs"]]
    assert degrees == sorted(degrees, reverse=True)


def test_gaps_share_a_topic_and_never_coordinate(store, gold_extractions):
    topic = Q.topic("phòng, chống mại dâm")
    gaps = Q.gaps(store, topic["id"])
    coordinating = set(gold_pairs(gold_extractions))
    assert gaps
    for g in gaps:
        assert frozenset((g["a_name"], g["b_name"])) not in coordinating
        assert g["topics"] == [topic["name"]]
    every = {frozenset((g["a_name"], g["b_name"])) for g in Q.gaps(store)}
    assert every >= {frozenset((g["a_name"], g["b_name"])) for g in gaps}
    assert not every & coordinating


# ---------------------------------------------------------------- question 5: issued

def test_issued_lists_every_gold_obligation_of_the_issuer(store, gold_extractions):
    issuer = Q.agency(store, "UBND quận Đống Đa")
    rows = Q.issued(store, issuer["id"])
    want = {}
    for ex, o, people in kept_obligations(gold_extractions):
        d = next(d for d in ex.directives if d.key == o.directive)
        if d.issuer == issuer["name"]:
            want[ex.text[o.span[0]:o.span[1]]] = (sorted({a.agency for a in people if a.role == "lead"}),
                                                  sorted({a.agency for a in people if a.role == "support"}))
    assert want and {r["quote"]: (r["leads"], r["supports"]) for r in rows} == want
    assert Q.issued(store, issuer["id"], period("2024-02", "2024-02")) == rows
    assert Q.issued(store, issuer["id"], period("2024-03")) == []


def test_coordination_on_a_topic_from_the_stored_summary_equals_the_full_aggregation(store):
    topics = [t["id"] for t in Q.run(store, "topics")]
    agencies = [None] + sorted({p[k] for p in Q.coordination(store) for k in ("a_id", "b_id")})
    assert len(topics) > 3 and len(agencies) > 10
    for topic in topics:
        for agency in agencies:
            summary = Q.coordination(store, agency_id=agency, topic_id=topic)
            assert summary == Q.coordination(store, agency_id=agency, topic_id=topic, precomputed=False), \
                (topic, agency)


def test_a_store_derived_before_the_summary_existed_still_answers_by_topic(tmp_path, gold_extractions):
    from phoihop.graph import schema as S

    with EmbeddedStore(tmp_path / "old") as old:
        ingest_extractions(gold_extractions, old)
        topic = Q.topic("mại dâm")["id"]
        want = Q.coordination(old, topic_id=topic)
        with old._transaction():
            old._run(f"MATCH ()-[r:{S.COORDINATES_ON}]->() DELETE r")
        assert old.counts()[S.COORDINATES_ON] == 0
        assert want and Q.coordination(old, topic_id=topic) == want

def test_limit_keeps_the_first_rows_of_the_full_answer(store):
    full = Q.coordination(store)
    assert len(full) > 5
    assert Q.coordination(store, limit=5) == full[:5]
    topic = Q.topic("mại dâm")["id"]
    assert Q.coordination(store, topic_id=topic, limit=2) == Q.coordination(store, topic_id=topic)[:2]
    agency = Q.agency(store, LDTBXH_HN)["id"]
    duties = Q.duties(store, agency)
    assert len(duties) == 3
    assert Q.duties(store, agency, limit=2) == duties[:2]
    assert Q.duties(store, agency, limit=0) == []

# ---------------------------------------------------------------- both stores

@pytest.mark.neo4j
def test_both_stores_give_the_same_rows_for_every_question(neo4j_store, gold_extractions, gold_dir):
    neo = load_neo4j(neo4j_store, gold_extractions)
    with EmbeddedStore(gold_dir, read_only=True) as emb:
        def both(f, *args, **kw):
            a, b = f(emb, *args, **kw), f(neo, *args, **kw)
            assert a == b, f.__name__
            return a

        hn = Q.agency(emb, "UBND TP Hà Nội")["id"]
        for agency in both(Q.agencies):
            both(Q.duties, agency["id"])
        assert both(Q.duties, Q.agency(emb, LDTBXH_HN)["id"], "support", period("2019"))
        assert both(Q.coordination)
        assert both(Q.coordination, limit=4)
        both(Q.coordination, issuer_id=hn, period=period("2019-12"))
        for t in ("mại dâm", "food safety", "giao thông"):
            both(Q.coordination, topic_id=Q.topic(t)["id"])
            both(analysis.hubs, Q.topic(t)["id"])
        both(analysis.hubs)
        for d in both(Q.run, "directives"):
            both(Q.chain, d["id"])
        assert both(Q.issued, hn)
