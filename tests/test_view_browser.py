"""The page in a real headless Chromium with the network cut off: an overview with one node per
province group, groups that open into their agencies, the focus on one agency (exactly the
partners the `coordination` question gives), filters that count as the command line's do,
labels that never overlap, a details panel with quotes, and no document text ever run.

A screenshot of the gold network is kept as ``test-artifacts/view.png``.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from test_view import (PAYLOAD_SCRIPT, evil_graph, gold_graph, gold_store_dir,  # noqa: F401 (fixtures)
                       synthetic_graph)
from phoihop.view.network import ViewOptions, build_view
from phoihop.view.page import write_html
from phoihop.view.screenshot import chromium_available, offline_chromium, wait_until_laid_out

pytestmark = [
    pytest.mark.browser,
    # skipped only on a developer machine without Chromium; in CI (which installs it) never
    pytest.mark.skipif(not chromium_available() and not os.environ.get("CI"),
                       reason="needs chromium and chromedriver (scripts/install_system_deps.sh)"),
]

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


@pytest.fixture(scope="module")
def browser():
    with offline_chromium(1400, 900) as driver:
        yield driver


def open_page(driver, view, path: Path) -> None:
    write_html(view, path)
    driver.get(path.resolve().as_uri())
    wait_until_laid_out(driver)


def shown(driver) -> dict:
    """What the picture holds now: node ids and links [from, to, kind, duties]."""
    return driver.execute_script("return window.phoihop.shown()")


def call(driver, script: str, *args):
    """Run a page action (window.phoihop.…) and wait until its picture is laid out."""
    driver.execute_script(script, *args)
    wait_until_laid_out(driver)
    return shown(driver)


def agency_refs(driver, view) -> dict:
    """Page ref ('a12') -> agency name, for the agencies of the picture."""
    return {r: driver.execute_script("return window.phoihop.agencyName(arguments[0])", r)
            for r in shown(driver)["nodes"] if r.startswith("a")}


def overlapping_labels(driver) -> list:
    """Pairs of drawn labels whose boxes overlap, and labels drawn smaller than 8 px on screen."""
    return driver.execute_script("""
        var boxes = [], bad = [], scale = network.getScale();
        nodes.getIds().forEach(function (id) {
          var n = network.body.nodes[id];
          if (!n || !n.labelModule.visible() || !String(n.options.label || '').trim()) { return; }
          var s = n.labelModule.size, box = {id: id, l: s.left, t: s.top, r: s.left + s.width, b: s.top + s.height};
          if (n.labelModule.fontOptions.size * scale < 8) { bad.push(['small', id]); }
          boxes.forEach(function (o) {
            if (box.l < o.r - 0.5 && o.l < box.r - 0.5 && box.t < o.b - 0.5 && o.t < box.b - 0.5) { bad.push([o.id, id]); }
          });
          boxes.push(box);
        });
        return bad;""")


def hover(driver, x: float, y: float) -> None:
    """Move the mouse to a point of the canvas (DOM coordinates inside #mynetwork)."""
    from selenium.webdriver.common.action_chains import ActionChains

    box = driver.find_element("id", "mynetwork")
    size = box.size
    ActionChains(driver).move_to_element_with_offset(
        box, int(x - size["width"] / 2), int(y - size["height"] / 2)).perform()
    time.sleep(0.35)  # tooltipDelay is 120 ms


def point_of(driver, node_id: str) -> dict:
    return driver.execute_script(
        "var p = network.getPositions([arguments[0]])[arguments[0]]; return network.canvasToDOM(p);", node_id)


def click(driver, x: float, y: float) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    box = driver.find_element("id", "mynetwork")
    size = box.size
    ActionChains(driver).move_to_element_with_offset(
        box, int(x - size["width"] / 2), int(y - size["height"] / 2)).click().perform()
    time.sleep(0.3)


def tooltip_text(driver) -> str:
    return driver.execute_script(
        "var t = document.querySelector('div.vis-tooltip');"
        "return t && t.style.visibility !== 'hidden' ? t.textContent : '';")


def test_overview_draws_offline_with_one_node_per_province_group(browser, gold_graph, tmp_path):  # noqa: F811
    view = build_view(gold_graph)
    open_page(browser, view, tmp_path / "gold.html")

    # the network really is cut off: a CDN cannot be reached
    reached = browser.execute_async_script(
        "var done = arguments[0]; fetch('https://cdn.jsdelivr.net/npm/vis-network/')"
        ".then(function () { done(true); }, function () { done(false); });")
    assert reached is False

    canvas = browser.execute_script(
        "var c = document.querySelector('#mynetwork canvas');"
        "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, inked = 0;"
        "for (var i = 3; i < d.length; i += 16) { if (d[i] > 0) { inked++; } }"
        "return {w: c.width, h: c.height, inked: inked};")
    assert canvas["w"] > 600 and canvas["h"] > 400 and canvas["inked"] > 500
    provinces = {n.province for n in view.agencies}
    assert set(shown(browser)["nodes"]) == {f"g:{p}" for p in provinces} and "Hà Nội" in provinces
    assert browser.find_element("tag name", "body").get_attribute("data-mode") == "overview"
    assert overlapping_labels(browser) == []
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "view.png"))
    assert (ARTIFACTS / "view.png").stat().st_size > 10_000


def test_a_group_opens_into_its_agencies_and_closes(browser, gold_graph, tmp_path):  # noqa: F811
    view = build_view(gold_graph)
    open_page(browser, view, tmp_path / "gold.html")
    hanoi = {n.name for n in view.agencies if n.province == "Hà Nội"}
    now = call(browser, "window.phoihop.toggleGroup('Hà Nội')")
    assert set(agency_refs(browser, view).values()) == hanoi
    assert {r for r in now["nodes"] if r.startswith("g:")} == {f"g:{p}" for p in {n.province for n in view.agencies}} - {"g:Hà Nội"}
    assert overlapping_labels(browser) == []
    assert call(browser, "window.phoihop.toggleGroup('Hà Nội')")["nodes"] == shown(browser)["nodes"]
    assert all(r.startswith("g:") for r in shown(browser)["nodes"])
    by_level = call(browser, "window.phoihop.groupBy('v')")["nodes"]
    assert by_level and all(r.startswith("g:") for r in by_level)


def test_focus_on_an_agency_shows_exactly_its_coordination_partners(browser, gold_graph, gold_store_dir, tmp_path):  # noqa: F811
    from phoihop.graph import schema as S
    from phoihop.graph.store import open_store
    from phoihop.queries import run as Q

    from collections import Counter

    from phoihop.ingest.textnorm import fold

    degree = Counter(x for u, v, d in gold_graph.edges(data=True) if d["type"] == S.COORDINATES_WITH for x in (u, v))
    busiest = gold_graph.nodes[max(degree, key=lambda k: (degree[k], k))]["name"]
    s = open_store(str(gold_store_dir), read_only=True)
    try:
        me = Q.agency(s, fold(busiest))
        rows = Q.coordination(s, me["id"])
    finally:
        s.close()
    partners = {r["b_name"] if r["a_name"] == me["name"] else r["a_name"] for r in rows}
    assert len(partners) >= 2
    # the question answers lead-support pairs; before CO_ASSIGNED existed it answered co-leads too
    kinds = ["coordinates"] if hasattr(S, "CO_ASSIGNED") else ["coordinates", "co-assigned"]
    open_page(browser, build_view(gold_graph), tmp_path / "gold.html")
    call(browser, "window.phoihop.setLinks(arguments[0])", kinds)
    call(browser, "window.phoihop.search(arguments[0])", fold(busiest))
    names = set(agency_refs(browser, None).values())
    assert names == partners | {me["name"]}
    assert browser.find_element("tag name", "body").get_attribute("data-mode") == "agency"
    assert f"{len(partners)} partners within 1 step" in browser.find_element("id", "status").text
    assert overlapping_labels(browser) == []
    two = call(browser, "document.getElementById('depth').value = '2';"
                        "document.getElementById('depth').dispatchEvent(new Event('change'))")
    assert len([r for r in two["nodes"] if r.startswith("a")]) > len(names)


@pytest.mark.parametrize("page_filter, value, options", [
    ("province", "Hải Phòng", {"province": "Hải Phòng"}),
    ("topic", "phòng, chống mại dâm", {"topic": "phòng, chống mại dâm"}),
    ("since", "2019", {"since": "2019"}),
    ("issuer", "ubnd thanh pho hai phong", {"issuer": "UBND thành phố Hải Phòng"}),
])
def test_page_filters_count_as_the_command_lines(browser, gold_graph, tmp_path, page_filter, value, options):  # noqa: F811
    open_page(browser, build_view(gold_graph), tmp_path / "gold.html")
    if page_filter == "topic":   # the page's select holds topics by number
        value = str(browser.execute_script("return PHOIHOP_DATA.topics.indexOf(arguments[0])", value))
    call(browser, "window.phoihop.setFilter(arguments[0], arguments[1])", page_filter, value)
    expected = build_view(gold_graph, ViewOptions(**options))
    groups = browser.execute_script(
        "var out = {}; nodes.get().forEach(function (n) { out[n.id] = n.full; }); return out;")
    counted = sum(int(label.split("\n")[1].split()[0]) for label in groups.values())
    assert counted == len(expected.agencies)
    assert {k[2:] for k in groups} == {n.province for n in expected.agencies}
    call(browser, "window.phoihop.overview()")
    for p in {n.province for n in expected.agencies}:
        browser.execute_script("window.phoihop.state.expanded[arguments[0]] = true", p)
    call(browser, "window.phoihop.draw()")
    links = {tuple(x[:3]) for x in shown(browser)["edges"]}
    refs = agency_refs(browser, None)
    drawn = {(refs[a], refs[b], k) for a, b, k in links}
    names = {n.id: n.name for n in expected.nodes}
    assert drawn == {(names[e.source], names[e.target], e.kind) for e in expected.edges}


def test_clicking_a_node_or_a_link_shows_its_duties_with_quotes(browser, gold_graph, tmp_path):  # noqa: F811
    open_page(browser, build_view(gold_graph, ViewOptions(agency="Sở Y tế Hà Nội")), tmp_path / "focus.html")
    refs = {v: k for k, v in agency_refs(browser, None).items()}
    p = point_of(browser, refs["Sở Y tế thành phố Hà Nội"])
    click(browser, p["x"], p["y"])
    panel = browser.find_element("id", "panel")
    assert panel.is_displayed()
    text = panel.text
    assert text.startswith("×") and "Sở Y tế thành phố Hà Nội" in text and "Province: Hà Nội" in text
    assert "“" in text and "Lead:" in text          # a quoted duty with its lead
    assert "Kind: " in text and "(không rõ" not in text.split("Kind: ")[1][:3]
    hover(browser, p["x"], p["y"])
    assert tooltip_text(browser).startswith("Sở Y tế thành phố Hà Nội")


def test_search_finds_agencies_typed_without_diacritics(browser, gold_graph, tmp_path):  # noqa: F811
    open_page(browser, build_view(gold_graph), tmp_path / "gold.html")
    box = browser.find_element("id", "search")
    box.send_keys("cong an dong da\n")
    wait_until_laid_out(browser)
    status = browser.find_element("id", "status").text
    assert "2 match: " in status and "Công an quận Đống Đa" in status
    assert browser.execute_script("return window.phoihop.agencyName(window.phoihop.state.focus)") == "Công an quận Đống Đa"
    assert browser.execute_script("return window.phoihop.find('bo ngoai giao').length") == 0


def test_a_big_network_opens_on_groups_and_a_group_is_capped(browser, tmp_path):
    view = build_view(synthetic_graph(900, 1500), ViewOptions(max_nodes=200))
    open_page(browser, view, tmp_path / "big.html")
    first = shown(browser)["nodes"]
    assert all(r.startswith("g:") for r in first) and len(first) < 5
    group = first[0][2:]
    now = call(browser, "window.phoihop.toggleGroup(arguments[0])", group)
    assert len([r for r in now["nodes"] if r.startswith("a")]) == 200
    assert "not drawn (at most 200 per group)" in browser.find_element("id", "status").text
    assert overlapping_labels(browser) == []
    assert browser.execute_script("return network.physics.physicsEnabled") is False


def test_document_text_in_the_page_runs_nothing(browser, evil_graph, tmp_path):  # noqa: F811
    view = build_view(evil_graph, ViewOptions(with_directives=True))
    open_page(browser, view, tmp_path / "evil.html")
    seen = []
    for ref in shown(browser)["nodes"]:
        p = point_of(browser, ref)
        hover(browser, p["x"], p["y"])
        seen.append(tooltip_text(browser))
        click(browser, p["x"], p["y"])
        seen.append(browser.find_element("id", "panel").text)
    for e in browser.execute_script("return edges.get().map(function (e) { return e.id; })"):
        browser.execute_script("network.selectEdges([arguments[0]]);"
                               "network.body.emitter.emit('click', {nodes: [], edges: [arguments[0]]})", e)
        seen.append(browser.find_element("id", "panel").text)
    browser.find_element("id", "search").send_keys("so y te script\n")

    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    assert browser.execute_script("return document.querySelectorAll('img, #mynetwork script, #panel script').length") == 0
    text = " ".join(seen)
    assert PAYLOAD_SCRIPT in text                          # shown literally, as text
    assert '" onmouseover="window.__pwned=1' in text
    assert "Giao Sở Y tế <script>" in text                 # the source quote of the duty
