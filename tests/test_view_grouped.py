"""The view at archive sizes: the overview from aggregate queries (``view.grouped``) and the focus
pages from queries around the focus (``view.around``) hold what ``build_view`` gives from the whole
store — on the embedded store and on Neo4j — and the grouped page, in real headless Chromium,
draws the same overview, opens groups from the files beside it, finds and focuses agencies, and
counts its filters as the command line does.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from test_view import gold_graph, gold_store_dir, run  # noqa: F401 (fixtures)
from phoihop.graph.loader import ingest_extractions
from phoihop.graph.store import open_store
from phoihop.view import from_store
from phoihop.view.around import around_agency, around_directive
from phoihop.view.grouped import build_grouped, summary as grouped_summary
from phoihop.view.grouped_page import grouped_data, write_grouped
from phoihop.view.network import ViewError, ViewOptions, build_view
from phoihop.view.page import summary, write_html
from phoihop.view.screenshot import chromium_available, offline_chromium, wait_until_laid_out


@pytest.fixture
def gold_store(gold_store_dir):  # noqa: F811
    s = open_store(str(gold_store_dir), read_only=True)
    yield s
    s.close()


def counted(gv):
    """(name, province, led, supported) of each agency and (source, target, kind, duties) of each link."""
    return ({(n.name, n.province, sum(gv.led.get(n.id[7:], {}).values()), sum(gv.supported.get(n.id[7:], {}).values()))
             for n in gv.agencies},
            {(f"Agency:{a}", f"Agency:{b}", k, sum(c.values())) for (a, b, k), c in gv.links.items()})


def expected(v):
    return ({(n.name, n.province, n.led, len(n.duties) - n.led) for n in v.agencies},
            {(e.source, e.target, e.kind, e.count) for e in v.edges})


OVERVIEWS = [{}, {"province": "Ha Noi"}, {"province": "Hai Phong", "links": ("co-assigned", "assigns")}, {"topic": "mại dâm"},
             {"since": "2024"}, {"issuer": "UBND TP Hai Phong"}, {"links": ("coordinates",)},
             {"links": ("assigns",), "until": "2023"}]


@pytest.mark.parametrize("options", OVERVIEWS)
def test_the_grouped_overview_counts_what_build_view_counts(gold_store, gold_graph, options):  # noqa: F811
    gv = build_grouped(gold_store, ViewOptions(**options))
    v = build_view(gold_graph, ViewOptions(**options))
    assert gv.agencies and counted(gv) == expected(v)
    assert grouped_summary(gv) == summary(v) and gv.filters == v.filters


def test_a_store_read_in_parts_counts_the_same(gold_store, gold_graph, monkeypatch):  # noqa: F811
    from phoihop.view import grouped

    monkeypatch.setattr(grouped, "PART_DIRECTIVES", 2)
    assert len(grouped.parts(gold_store)) > 3
    for options in ({}, {"topic": "mại dâm"}):
        assert counted(build_grouped(gold_store, ViewOptions(**options))) == expected(
            build_view(gold_graph, ViewOptions(**options)))


@pytest.mark.parametrize("options", [{"province": "Da Nang"}, {"issuer": "xyz"}, {"until": "2024-02-30"},
                                     {"links": ("friends",)}, {"max_nodes": 0}])
def test_the_grouped_overview_refuses_what_build_view_refuses(gold_store, gold_graph, options):  # noqa: F811
    with pytest.raises(ViewError) as grouped:
        build_grouped(gold_store, ViewOptions(**options))
    with pytest.raises(ViewError) as whole:
        build_view(gold_graph, ViewOptions(**options))
    assert str(grouped.value) == str(whole.value)


def test_cells_add_up_to_their_agencies(gold_store):
    gv = build_grouped(gold_store)
    data, files, names, facets = grouped_data(gv, "x_files/")
    cells = data["grouped"]["cells"]
    assert sum(c[3] for c in cells) == len(gv.agencies) == len(names)
    duties = sum(sum(r[3] for r in facets[c[4]]) + sum(r[3] for r in facets[c[5]]) for c in cells)
    assert duties == sum(c[6] + c[7] for c in cells)
    assert all(sum(r[3] for r in facets[l[4]]) == l[3] for l in data["grouped"]["links"])
    assert duties == sum(sum(c.values()) for c in (*gv.led.values(), *gv.supported.values()))
    assert sum(l[3] for l in data["grouped"]["links"]) == sum(sum(c.values()) for c in gv.links.values())
    # every link is in the file of each cell it touches, once
    records = [x for f in files.values() for x in f["links"]]
    assert sorted({x[0] for x in records}) == list(range(len(gv.links)))
    assert len(records) == sum(len({x[6], x[7]}) for x in {x[0]: x for x in records}.values())
    assert sum(len(f["agencies"]) for f in files.values()) == len(gv.agencies)


def shape(v):
    return ({(n.id, n.led, n.supported, n.partners, n.province) for n in v.nodes},
            {(e.source, e.target, e.kind, e.count) for e in v.edges}, v.filters, v.focus, summary(v))


FOCUS = [{"agency": "so y te ha noi"}, {"agency": "so y te ha noi", "depth": 2},
         {"agency": "cong an quan dong da", "depth": 2, "links": ("assigns",)},
         {"agency": "so y te ha noi", "topic": "mại dâm", "depth": 3},
         {"agency": "UBND TP Hai Phong", "links": ("coordinates", "co-assigned")},
         {"directive": "345/UBND-YT"}, {"directive": "345/ubnd-yt", "depth": 2, "with_directives": True}]


@pytest.mark.parametrize("options", FOCUS)
def test_a_focus_read_around_it_is_the_focus_of_the_whole_store(gold_store, gold_graph, options):  # noqa: F811
    o = ViewOptions(**options)
    g, resolved = (around_directive if o.directive else around_agency)(gold_store, o)
    assert len(g) < len(gold_graph)
    assert shape(build_view(g, resolved)) == shape(build_view(gold_graph, o))


@pytest.mark.parametrize("options, message", [({"agency": "xyz"}, "--agency: no agency matches 'xyz'"),
                                              ({"directive": "1/ZZ"}, "no directive with this number")])
def test_a_focus_on_nothing_is_one_line(gold_store, options, message):
    o = ViewOptions(**options)
    with pytest.raises(ViewError) as e:
        (around_directive if o.directive else around_agency)(gold_store, o)
    assert message in str(e.value)


def test_the_command_writes_a_grouped_page_for_a_big_store(run, gold_store_dir, gold_graph, tmp_path, monkeypatch):  # noqa: F811
    monkeypatch.setattr(from_store, "GROUPED_FROM", 1)
    out = tmp_path / "big.html"
    r = run("--store", str(gold_store_dir), "--out", str(out))
    assert r.exit_code == 0, r.output
    assert r.output.strip() == f"wrote {out}: {summary(build_view(gold_graph))}"
    html = out.read_text(encoding="utf-8")
    assert '"grouped":' in html and (tmp_path / "big_files" / "names.js").exists()
    assert len(list((tmp_path / "big_files").glob("c*.js"))) >= 2


@pytest.mark.neo4j
def test_neo4j_gives_the_same_grouped_overview_and_focus(neo4j_store, gold_extractions, gold_store, gold_graph):  # noqa: F811
    ingest_extractions(gold_extractions, neo4j_store)
    for options in ({}, {"topic": "mại dâm", "since": "2024"}, {"province": "Hai Phong"}):
        assert counted(build_grouped(neo4j_store, ViewOptions(**options))) == counted(
            build_grouped(gold_store, ViewOptions(**options)))
    for options in FOCUS[:2] + FOCUS[-2:]:
        o = ViewOptions(**options)
        g, resolved = (around_directive if o.directive else around_agency)(neo4j_store, o)
        assert shape(build_view(g, resolved)) == shape(build_view(gold_graph, o))


# ---------------------------------------------------------------- in Chromium

@pytest.fixture(scope="module")
def browser():
    if not chromium_available() and not os.environ.get("CI"):
        pytest.skip("needs chromium and chromedriver")
    with offline_chromium(1400, 900) as driver:
        yield driver


def opened(driver, path: Path) -> None:
    driver.get(path.resolve().as_uri())
    wait_until_laid_out(driver)


def act(driver, script: str, *args) -> dict:
    driver.execute_script(script, *args)
    wait_until_laid_out(driver)
    return driver.execute_script("return window.phoihop.shown()")


def pictures(driver) -> list:
    """What the same actions draw on a page: the overview (labels and sizes), Hà Nội opened (agency
    names), by level, a search and its partners at depth 2, filters by province and topic."""
    def labels():
        return driver.execute_script("var o = {}; nodes.get().forEach(function (n) { o[n.id] = [n.full, n.value]; }); return o;")

    def names(now):
        return sorted(driver.execute_script("return window.phoihop.agencyName(arguments[0])", r)
                      for r in now["nodes"] if r.startswith("a"))

    def edges(now):
        return sorted(map(tuple, now["edges"]))

    out = [labels(), edges(driver.execute_script("return window.phoihop.shown()"))]
    now = act(driver, "window.phoihop.toggleGroup('Hà Nội')")
    out += [names(now), len(now["edges"])]
    act(driver, "window.phoihop.groupBy('v')")
    out.append(labels())
    now = act(driver, "window.phoihop.search(arguments[0])", "so y te ha noi")
    out += [names(now), driver.find_element("id", "status").text]
    now = act(driver, "document.getElementById('depth').value = '2';"
                      "document.getElementById('depth').dispatchEvent(new Event('change'))")
    out.append(names(now))
    act(driver, "window.phoihop.overview(); window.phoihop.groupBy('p')")
    act(driver, "window.phoihop.setFilter('province', 'Hải Phòng')")
    out.append(labels())
    act(driver, "window.phoihop.setFilter('province', '')")
    topic = driver.execute_script("return String(PHOIHOP_DATA.topics.indexOf('phòng, chống mại dâm'))")
    out.append(edges(act(driver, "window.phoihop.setFilter('topic', arguments[0])", topic)))
    act(driver, "window.phoihop.toggleGroup('Hà Nội')")
    out.append(edges(act(driver, "window.phoihop.toggleGroup('Hải Phòng')")))
    return out


@pytest.mark.browser
def test_the_grouped_page_draws_what_the_whole_page_draws(browser, gold_store, gold_graph, tmp_path):  # noqa: F811
    write_html(build_view(gold_graph), tmp_path / "whole.html")
    write_grouped(build_grouped(gold_store), tmp_path / "grouped.html")
    opened(browser, tmp_path / "whole.html")
    whole = pictures(browser)
    opened(browser, tmp_path / "grouped.html")
    assert browser.execute_script("return PHOIHOP_DATA.agencies.length") == 0   # agencies are beside it
    grouped = pictures(browser)
    assert whole[0] and whole[2] and whole[5]
    for i, (a, b) in enumerate(zip(whole, grouped)):
        assert a == b, f"picture {i}"


@pytest.mark.browser
def test_a_grouped_page_without_its_folder_says_so(browser, gold_store, tmp_path):
    import shutil

    write_grouped(build_grouped(gold_store), tmp_path / "alone.html")
    shutil.rmtree(tmp_path / "alone_files")
    opened(browser, tmp_path / "alone.html")
    act(browser, "window.phoihop.toggleGroup('Hà Nội')")
    assert "missing" in browser.find_element("id", "status").text


@pytest.mark.browser
def test_hostile_names_in_a_grouped_page_are_text(browser, tmp_path, tmp_path_factory):
    from test_view import PAYLOAD_SCRIPT, _store_with, evil_extraction

    s = open_store(str(_store_with(tmp_path_factory, "grouped-evil", [evil_extraction()])), read_only=True)
    try:
        write_grouped(build_grouped(s), tmp_path / "evil.html")
    finally:
        s.close()
    opened(browser, tmp_path / "evil.html")
    groups = browser.execute_script("return window.phoihop.shown().nodes")
    seen = []
    for g in groups:
        now = act(browser, "window.phoihop.toggleGroup(arguments[0])", g[2:])
    for ref in [r for r in now["nodes"] if r.startswith("a")]:
        browser.execute_script("network.selectNodes([arguments[0]]);"
                               "network.body.emitter.emit('click', {nodes: [arguments[0]], edges: []})", ref)
        seen.append(browser.find_element("id", "panel").text)
    browser.find_element("id", "search").send_keys("so y te script\n")
    wait_until_laid_out(browser)
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    assert browser.execute_script("return document.querySelectorAll('img, #mynetwork script, #panel script').length") == 0
    assert PAYLOAD_SCRIPT in " ".join(seen)
    assert browser.execute_script("return window.phoihop.state.mode") == "agency"
