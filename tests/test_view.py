"""The browser view without a browser: what the view graph holds, what the filters keep,
and that the page is self-contained and never carries document text as markup.

Input is the five gold documents written to a real embedded store (exact, known
graph); ``view_of`` reads it back through ``to_networkx()`` as ``phoihop view`` does.
"""
from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from phoihop.commands import view as view_command
from phoihop.graph import schema as S
from phoihop.graph.loader import ingest_extractions
from phoihop.graph.store import open_store
from phoihop.ingest.records import Agency, Assignee, Directive, Extraction, Obligation
from phoihop.view.network import EDGE_KINDS, LEVELS, ViewError, ViewOptions, build_view
from phoihop.view.page import EDGE_STYLES, LEVEL_COLOURS, page_data, render_html, script_json, summary

PAYLOAD_SCRIPT = "<script>window.__pwned=1</script>"
PAYLOAD_ATTR = '" onmouseover="window.__pwned=1'
PAYLOAD_IMG = "<img src=x onerror=\"window.__pwned=1\">"


def _store_with(tmp_path_factory, name: str, extractions) -> Path:
    path = tmp_path_factory.mktemp(name) / "store"
    s = open_store(str(path), create=True)
    try:
        summary_ = ingest_extractions(extractions, s)
        assert summary_.errors == []
    finally:
        s.close()
    return path


@pytest.fixture(scope="session")
def gold_store_dir(tmp_path_factory, gold_extractions) -> Path:
    return _store_with(tmp_path_factory, "view-gold", gold_extractions)


@pytest.fixture(scope="session")
def seed_graph(tmp_path_factory, seed_extractions):
    """The extractor's own output on the seeds (with levels, kinds and jurisdictions)."""
    s = open_store(str(_store_with(tmp_path_factory, "view-seeds", seed_extractions)), read_only=True)
    try:
        return s.to_networkx()
    finally:
        s.close()


@pytest.fixture(scope="session")
def gold_graph(gold_store_dir):
    s = open_store(str(gold_store_dir), read_only=True)
    try:
        return s.to_networkx()
    finally:
        s.close()


def evil_extraction() -> Extraction:
    """A document whose names and text try to become markup in the page."""
    agency = f"Sở Y tế {PAYLOAD_SCRIPT}{PAYLOAD_ATTR}"
    helper = f"Công an quận {PAYLOAD_IMG}"
    issuer = f"Ủy ban nhân dân {PAYLOAD_ATTR}"
    duty = f"Giao {agency} chủ trì, phối hợp {helper} kiểm tra {PAYLOAD_SCRIPT} <!-- \u2028 </script>."
    text = f"KẾ HOẠCH số 9/KH-UBND\n{duty}\n"
    start = text.index(duty)
    return Extraction(
        document="evil.txt", path="evil.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
        title=f"Kế hoạch {PAYLOAD_SCRIPT}",
        directives=[Directive(key="9/KH-UBND", number="9/KH-UBND", type="Kế hoạch", date="2024-03-01",
                              issuer=issuer, subject=f"V/v {PAYLOAD_IMG}", topics=["an toàn thực phẩm"])],
        obligations=[Obligation(directive="9/KH-UBND", text=duty, span=(start, start + len(duty)),
                                assignees=[Assignee(agency, "lead"), Assignee(helper, "support")],
                                modality="giao", topics=["an toàn thực phẩm"])],
        agencies=[Agency(agency, kind="so", level="district", aliases=[PAYLOAD_ATTR]),
                  Agency(helper, kind="cong_an", level="district"),
                  Agency(issuer, kind="ubnd", level="district")])


@pytest.fixture(scope="session")
def evil_graph(tmp_path_factory):
    s = open_store(str(_store_with(tmp_path_factory, "view-evil", [evil_extraction()])), read_only=True)
    try:
        return s.to_networkx()
    finally:
        s.close()


def synthetic_graph(agencies: int, duties: int, seed: int = 1):
    """A big made-up network (in the in-memory model): communes given duties by a few districts."""
    import random

    from phoihop.graph.model import document_graph, to_networkx

    rnd = random.Random(seed)
    names = [f"Ủy ban nhân dân xã Số {i}" for i in range(agencies)]
    records = [Agency(n, kind=rnd.choice(["ubnd", "cong_an", "hoi"]), level="commune") for n in names]
    nodes, rels = {}, []
    for d in range(20):
        text, obligations = "", []
        for k in range(duties // 20):
            people = rnd.sample(names, rnd.randint(1, 3))
            duty = f"Nhiệm vụ {d}.{k}: " + ", ".join(people)
            obligations.append(Obligation(f"{d}/KH", duty, (len(text), len(text) + len(duty)),
                                          [Assignee(people[0], "lead")] + [Assignee(p, "support") for p in people[1:]],
                                          topics=[rnd.choice(["ma túy", "an toàn thực phẩm"])]))
            text += duty + "\n"
        ex = Extraction(f"d{d}.txt", f"d{d}.txt", text, hashlib.sha256(text.encode()).hexdigest(),
                        directives=[Directive(f"{d}/KH", f"{d}/KH-UBND", "Kế hoạch", "2024-01-02",
                                              names[d % 5])],
                        obligations=obligations, agencies=records)
        g = document_graph(ex)
        nodes.update({(n.label, n.id): n for n in g.nodes})
        rels += g.rels
    return to_networkx(nodes.values(), rels)


def agency_key(name: str) -> str:
    from phoihop.graph.model import agency_id
    return f"{S.AGENCY}:{agency_id(name)}"


def edges_of(g, rel_type):
    return [(u, v, d) for u, v, d in g.edges(data=True) if d["type"] == rel_type]


# ---------------------------------------------------------------- the view graph

def test_every_agency_with_a_duty_or_an_assigning_directive_is_drawn(gold_graph):
    v = build_view(gold_graph)
    assigned = {u for u, _, _ in edges_of(gold_graph, S.LEADS) + edges_of(gold_graph, S.SUPPORTS)}
    imposing = {u for u, _, _ in edges_of(gold_graph, S.IMPOSES)}
    issuers = {u for u, d, _ in edges_of(gold_graph, S.ISSUED) if d in imposing}
    assert {n.id for n in v.agencies} == assigned | issuers
    assert v.total_agencies == len(v.agencies) == 57


def _expected_pairs(g):
    """From the stored roles: lead -> support pairs and co-lead pairs, with their shared duties."""
    from collections import Counter

    roles: dict = {}
    for u, o, _ in edges_of(g, S.LEADS):
        roles.setdefault(o, ([], []))[0].append(u)
    for u, o, _ in edges_of(g, S.SUPPORTS):
        roles.setdefault(o, ([], []))[1].append(u)
    coordinates, co_assigned = Counter(), Counter()
    for leads, supports in roles.values():
        leads = sorted(set(leads))
        coordinates.update({(a, b) for a in leads for b in set(supports) if a != b})
        co_assigned.update({(a, b) for i, a in enumerate(leads) for b in leads[i + 1:]})
    return dict(coordinates), dict(co_assigned)


def test_coordination_links_go_from_lead_to_support_and_co_leads_are_apart(gold_graph):
    v = build_view(gold_graph)
    coordinates, co_assigned = _expected_pairs(gold_graph)
    assert {(e.source, e.target): e.count for e in v.edges if e.kind == "coordinates"} == coordinates
    assert {(e.source, e.target): e.count for e in v.edges if e.kind == "co-assigned"} == co_assigned
    assert coordinates and co_assigned
    for e in v.edges:
        if e.kind in ("coordinates", "co-assigned"):
            assert len(e.duties) == e.count  # the panel lists exactly the shared duties
            assert all((e.source in d.leads) and (e.target in (d.supports if e.kind == "coordinates" else d.leads))
                       for d in e.duties)


def test_a_node_knows_its_duties_and_partners(gold_graph):
    v = build_view(gold_graph)
    key = agency_key("Sở Y tế thành phố Hà Nội")
    node = next(n for n in v.nodes if n.id == key)
    led = sum(1 for u, _, _ in edges_of(gold_graph, S.LEADS) if u == key)
    supported = sum(1 for u, _, _ in edges_of(gold_graph, S.SUPPORTS) if u == key)
    coordinates, co_assigned = _expected_pairs(gold_graph)
    partners = {b if a == key else a for a, b in [*coordinates, *co_assigned] if key in (a, b)}
    assert (node.led, node.supported, node.partners) == (led, supported, len(partners))
    assert node.led + node.supported > 0 and node.province == "Hà Nội"


def test_lead_and_support_links_go_from_the_issuer_and_carry_the_quote(gold_graph):
    v = build_view(gold_graph)
    hanoi = agency_key("Ủy ban nhân dân thành phố Hà Nội")
    leads = [e for e in v.edges if e.kind == "lead" and e.source == hanoi]
    assert leads and all(e.count == len(e.duties) for e in leads)
    duty = leads[0].duties[0]
    assert duty.quote and duty.quote == gold_graph.nodes[duty.id]["text"]
    assert leads[0].target in duty.leads and hanoi in duty.issuers


def test_topic_filter_by_vietnamese_english_or_id(gold_graph):
    views = [build_view(gold_graph, ViewOptions(topic=t))
             for t in ("phòng, chống mại dâm", "prostitution prevention", "mai-dam", "MẠI DÂM")]
    ids = [{n.id for n in v.nodes} for v in views]
    assert ids[0] == ids[1] == ids[2] == ids[3]
    v = views[0]
    assert 0 < len(v.agencies) < 57
    topic = "Topic:phong-chong-mai-dam"
    assert all(topic in e.topics for e in v.edges)
    assert v.filters == {"topic": "phòng, chống mại dâm"}


def test_directive_filter_by_number_written_any_way_or_by_id(gold_graph):
    by_number = build_view(gold_graph, ViewOptions(directive="345/ubnd - yt"))
    by_id = build_view(gold_graph, ViewOptions(directive="uy-ban-nhan-dan-quan-dong-da|2024|345/UBND-YT"))
    assert {n.id for n in by_number.nodes} == {n.id for n in by_id.nodes}
    assert len(by_number.agencies) == 8
    assert by_number.focus == "Directive:uy-ban-nhan-dan-quan-dong-da|2024|345/UBND-YT"
    # its duties only: the directive it cites is drawn, but gives none of its own
    assert {d.directive for n in by_number.agencies for d in n.duties} == {by_number.focus}


def test_issuer_and_agency_match_without_diacritics_or_by_alias(gold_graph):
    hp = build_view(gold_graph, ViewOptions(issuer="UBND TP Hai Phong"))
    assert {p["issuer"] for p in hp.directives.values()} == {"Ủy ban nhân dân thành phố Hải Phòng"}
    health = build_view(gold_graph, ViewOptions(agency="so y te thanh pho ha noi"))
    key = agency_key("Sở Y tế thành phố Hà Nội")
    assert health.focus == key and key in {n.id for n in health.agencies}


@pytest.mark.parametrize("depth", [1, 2])
def test_focus_on_an_agency_keeps_it_and_its_partners_within_n_steps(gold_graph, depth):
    key = agency_key("Sở Y tế thành phố Hà Nội")
    full = build_view(gold_graph)
    adjacent: dict = {}
    for e in full.edges:
        adjacent.setdefault(e.source, set()).add(e.target)
        adjacent.setdefault(e.target, set()).add(e.source)
    near = {key}
    for _ in range(depth):
        near |= {m for n in near for m in adjacent.get(n, ())}
    v = build_view(gold_graph, ViewOptions(agency="Sở Y tế Hà Nội", depth=depth))
    assert {n.id for n in v.agencies} == near
    assert all(e.source in near and e.target in near for e in v.edges)
    only = build_view(gold_graph, ViewOptions(agency="Sở Y tế Hà Nội", links=("coordinates",)))
    coordinates, _ = _expected_pairs(gold_graph)
    assert {n.id for n in only.agencies} == {key} | {b if a == key else a for a, b in coordinates if key in (a, b)}
    assert {e.kind for e in only.edges} == {"coordinates"}


def test_focus_on_a_directive_shows_its_issuer_assignees_and_citation_chain(gold_graph):
    v = build_view(gold_graph, ViewOptions(directive="345/UBND-YT"))
    directives = {n.id for n in v.nodes if n.type == "directive"}
    focus = "Directive:uy-ban-nhan-dan-quan-dong-da|2024|345/UBND-YT"
    cited = {w for u, w, _ in edges_of(gold_graph, S.CITES) if u == focus} | {
        u for u, w, _ in edges_of(gold_graph, S.CITES) if w == focus}
    assert v.focus == focus and directives == {focus} | cited and cited
    assert agency_key("Ủy ban nhân dân quận Đống Đa") in {n.id for n in v.agencies}
    assert {e.kind for e in v.edges} >= {"issued", "lead", "cites"}


@pytest.mark.parametrize("typed", ["Hai Phong", "hải phòng", "HẢI PHÒNG"])
def test_province_level_and_kind_filters_keep_only_those_agencies(gold_graph, typed):
    v = build_view(gold_graph, ViewOptions(province=typed))
    assert v.agencies and {n.province for n in v.agencies} == {"Hải Phòng"}
    keys = {n.id for n in v.agencies}
    assert all(e.source in keys and e.target in keys for e in v.edges)


def test_level_and_kind_filters_combine_with_the_province(seed_graph):
    both = build_view(seed_graph, ViewOptions(province="Ha Noi", level="district", kind="ubnd"))
    assert both.agencies and all((n.province, n.props["level"], n.props["kind"]) == ("Hà Nội", "district", "ubnd")
                                 for n in both.agencies)


def test_period_accepts_year_month_or_day(gold_graph):
    def dates(**kw):
        v = build_view(gold_graph, ViewOptions(**kw))
        return {p.get("date") or str(p.get("year")) for p in v.directives.values()}

    assert dates(since="2024") == {"2024-02-19"}
    # a directive known only by its year is in every period of that year
    assert dates(since="2019-12", until="2019-12") == {"2019-12-12", "2019-12-16", "2019"}
    assert max(dates(until="2019-12-13")) <= "2019-12-13"
    assert dates(until="2011") == {"2011"}   # an unnumbered plan known by its year


@pytest.mark.parametrize("options, message", [
    (ViewOptions(topic="astrology"), "--topic: no topic matches 'astrology'"),
    (ViewOptions(directive="99/XX-YY"), "directive '99/XX-YY': no directive"),
    (ViewOptions(agency="Bộ Ngoại giao"), "--agency: no agency matches 'Bộ Ngoại giao'"),
    (ViewOptions(issuer="Bộ Quốc phòng"), "--issuer: no agency matches 'Bộ Quốc phòng'"),
    (ViewOptions(agency="cong an"), "--agency: agency 'cong an' is ambiguous; it matches: Công an thành phố Hà Nội"),
    (ViewOptions(since="2024-13"), "month 13"),
    (ViewOptions(since="2025", until="2024"), "is after"),
    (ViewOptions(max_nodes=0), "--max-nodes 0"),
    (ViewOptions(depth=0), "--depth 0"),
    (ViewOptions(links=("friends",)), "--links friends: choose from coordinates, co-assigned, assigns"),
    (ViewOptions(province="Đà Nẵng"), "--province 'Đà Nẵng': no agency of the selected duties has it"),
])
def test_a_filter_that_names_nothing_is_one_clear_line(gold_graph, options, message):
    with pytest.raises(ViewError) as e:
        build_view(gold_graph, options)
    assert message in str(e.value) and "\n" not in str(e.value)


def test_two_thousand_agencies_make_a_page_that_opens_on_groups():
    g = synthetic_graph(2000, 3000)
    v = build_view(g)
    data, details = page_data(v)
    assert data["mode"] == "overview" and len(data["agencies"]) == len(v.agencies) > 1800
    # every link's counts, split by year, issuer and topic set, add up to its duties
    facets = data["facets"]
    assert all(sum(row[3] for row in facets[f]) == n for _, _, _, n, f, _ in data["edges"] if f >= 0)
    assert all(sum(row[3] for row in facets[a[7]]) + sum(row[3] for row in facets[a[8]]) ==
               len(v.agencies[i].duties) for i, a in enumerate(data["agencies"]))
    # details: at most 12 quoted duties per agency and per link, loaded on a click
    assert all(len(d["duties"]) <= 12 and all(len(x) <= 12 for x in d["links"].values()) for d in details.values())
    assert sum(len(d["links"]) for d in details.values()) == sum(1 for e in data["edges"] if e[0].startswith("a"))


def test_a_heavy_page_keeps_its_quotes_in_a_folder_beside_it(tmp_path, monkeypatch):
    import phoihop.view.page as page

    v = build_view(synthetic_graph(300, 600))
    small = page.write_html(v, tmp_path / "one.html")
    assert not (tmp_path / "one_files").exists()
    assert "window.PHOIHOP_DETAILS = {}" not in small.read_text(encoding="utf-8")
    monkeypatch.setattr(page, "DETAILS_INLINE_MAX", 1000)
    big = page.write_html(v, tmp_path / "big.html")
    html = big.read_text(encoding="utf-8")
    files = sorted((tmp_path / "big_files").glob("a*.js"))
    assert "window.PHOIHOP_DETAILS = {}" in html and '"detailsDir":"big_files/"' in html
    assert len(files) == len(v.agencies)
    assert files[0].read_text(encoding="utf-8").startswith("window.phoihop.details(")


def test_with_directives_links_agencies_to_directives(gold_graph):
    v = build_view(gold_graph, ViewOptions(with_directives=True))
    directives = {n.id for n in v.nodes if n.type == "directive"}
    assert directives and all(d.startswith(f"{S.DIRECTIVE}:") for d in directives)
    for e in v.edges:
        if e.kind in ("lead", "support", "issued"):
            assert e.target in directives and e.source not in directives
        if e.kind == "cites":
            assert {e.source, e.target} <= directives
    assert {e.kind for e in v.edges} >= {"lead", "support", "issued", "coordinates"}


# ---------------------------------------------------------------- the page

class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags_of(html: str) -> list[tuple[str, dict]]:
    p = _Tags()
    p.feed(html)
    return p.tags


def test_page_is_self_contained(gold_graph):
    html = render_html(build_view(gold_graph, ViewOptions(with_directives=True)))[0]
    tags = tags_of(html)
    for tag, attrs in tags:
        for attr in ("src", "href"):
            value = (attrs.get(attr) or "").strip().lower()
            assert not value.startswith(("http:", "https:", "//")), f"<{tag} {attr}={value}>"
    assert [t for t, a in tags if t == "script" and "src" in a] == []
    assert [t for t, a in tags if t == "link"] == []
    assert "vis.Network" in html and "cdn." not in html.lower()


def test_document_text_never_becomes_markup(evil_graph):
    v = build_view(evil_graph, ViewOptions(with_directives=True))
    html = render_html(v)[0]
    assert "window.__pwned" in html             # it is there, as data
    assert PAYLOAD_SCRIPT not in html and PAYLOAD_IMG not in html and PAYLOAD_ATTR not in html
    assert "\u2028" not in html
    tags = tags_of(html)
    assert [t for t, _ in tags if t == "img"] == []
    assert all(not k.startswith("on") for _, attrs in tags for k in attrs)
    assert [t for t, _ in tags if t == "script"] == ["script"] * 3 == ["script"] * html.count("</script>")
    data = json.loads(re.search(r"window.PHOIHOP_DATA = (\{.*?\});\nwindow.PHOIHOP_DETAILS", html, re.S).group(1))
    names = {a[0] for a in data["agencies"]}
    assert f"Sở Y tế {PAYLOAD_SCRIPT}{PAYLOAD_ATTR}" in names   # read back literally


def test_every_kind_of_link_and_level_has_a_style_in_the_legend(gold_graph):
    assert set(EDGE_STYLES) == set(EDGE_KINDS) and set(LEVEL_COLOURS) == set(LEVELS)
    html = render_html(build_view(gold_graph, ViewOptions(with_directives=True)))[0]
    legend = html[html.index('<section id="legend">'):html.index("</aside>")]
    for style in EDGE_STYLES.values():
        assert style["legend"] in legend and style["color"] in legend


def test_script_json_is_safe_inside_a_script_element():
    text = "</script><!-- \u2028\u2029 & 'x'"
    out = script_json({"t": text})
    assert "<" not in out and ">" not in out and "&" not in out
    assert "\u2028" not in out and "\u2029" not in out
    assert json.loads(out) == {"t": text}


# ---------------------------------------------------------------- the command

@pytest.fixture
def run():
    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)

    @app.callback()
    def main() -> None:
        """phoihop (only the view command)."""

    view_command.register(app)
    return lambda *args: CliRunner().invoke(app, ["view", *args])


def test_command_writes_the_page_and_says_what_it_holds(run, gold_store_dir, tmp_path):
    out = tmp_path / "mai-dam.html"
    r = run("--store", str(gold_store_dir), "--topic", "mại dâm", "--since", "2024", "--out", str(out))
    assert r.exit_code == 0, r.output
    assert r.output.strip() == f"wrote {out}: 8 agencies in 1 province, 18 links"   # all of 345/UBND-YT
    html = out.read_text(encoding="utf-8")
    assert "topic: phòng, chống mại dâm" in html and "Phòng Y tế quận Đống Đa" in html


@pytest.mark.parametrize("args, message", [
    (["--store", "{missing}"], "no store here yet"),
    (["--store", "{store}", "--agency", "xyz"], "error: --agency: no agency matches 'xyz'"),
    (["--store", "{store}", "--until", "2024-02-30"], "day 30 is not in 2024-02"),
    (["--store", "{store}", "--out", "{tmp}/page.txt"], "must end in .html"),
])
def test_command_errors_are_one_line(run, gold_store_dir, tmp_path, args, message):
    args = [a.format(missing=tmp_path / "none", store=gold_store_dir, tmp=tmp_path) for a in args]
    if "--out" not in args:
        args += ["--out", str(tmp_path / "page.html")]
    r = run(*args)
    assert r.exit_code == 1
    assert message in r.output and len(r.output.strip().splitlines()) == 1


@pytest.mark.neo4j
def test_neo4j_gives_the_same_view_as_the_embedded_store(neo4j_store, gold_extractions, gold_graph, run, tmp_path):
    ingest_extractions(gold_extractions, neo4j_store)

    def shape(v):
        return ({(n.id, n.led, n.supported, n.partners) for n in v.nodes},
                {(e.source, e.target, e.kind, e.count) for e in v.edges})

    options = ViewOptions(with_directives=True)
    assert shape(build_view(neo4j_store.to_networkx(), options)) == shape(build_view(gold_graph, options))
    embedded = build_view(gold_graph, ViewOptions(directive="345/UBND-YT"))
    out = tmp_path / "neo4j.html"
    r = run("--neo4j", "--directive", "345/UBND-YT", "--out", str(out))   # PHOIHOP_NEO4J_* set by the fixture
    assert r.exit_code == 0, r.output
    assert r.output.strip() == f"wrote {out}: {summary(embedded)}"
    assert summary(embedded).startswith("8 agencies in 1 province around 345/UBND-YT (depth 1), ")
