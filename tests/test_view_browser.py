"""The page in a real headless Chromium with the network cut off: it draws, holds the graph
Python computed, filters, finds agencies typed without diacritics, and runs no document text.

A screenshot of the gold network is kept as ``test-artifacts/view.png``.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from test_view import (PAYLOAD_SCRIPT, agency_key, evil_graph, gold_graph, gold_store_dir,  # noqa: F401 (fixtures)
                       synthetic_graph)
from view.network import ViewOptions, build_view
from view.page import write_html
from view.screenshot import chromium_available, offline_chromium, wait_until_laid_out

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


def visible_nodes(driver) -> int:
    return driver.execute_script("return nodes.get({filter: function (n) { return !n.hidden; }}).length")


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


def tooltip_text(driver) -> str:
    return driver.execute_script(
        "var t = document.querySelector('div.vis-tooltip');"
        "return t && t.style.visibility !== 'hidden' ? t.textContent : '';")


def test_gold_network_draws_offline_with_every_node_and_link(browser, gold_graph, tmp_path):  # noqa: F811
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
    assert canvas["w"] > 600 and canvas["h"] > 400
    assert canvas["inked"] > 2000  # nodes, links and labels were drawn
    assert browser.execute_script("return nodes.length") == len(view.nodes) == 57
    assert browser.execute_script("return edges.length") == len(view.edges)
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "view.png"))
    assert (ARTIFACTS / "view.png").stat().st_size > 20_000


def test_topic_and_directive_selects_show_what_python_selects(browser, gold_graph, tmp_path):  # noqa: F811
    from selenium.webdriver.support.ui import Select

    view = build_view(gold_graph)
    open_page(browser, view, tmp_path / "gold.html")
    assert visible_nodes(browser) == 57

    topic = Select(browser.find_element("id", "topic-filter"))
    topic.select_by_visible_text("phòng, chống mại dâm")
    expected = build_view(gold_graph, ViewOptions(topic="phòng, chống mại dâm"))
    assert visible_nodes(browser) == len(expected.nodes) < 57
    assert "of 57 nodes match" in browser.find_element("id", "status").text

    topic.select_by_index(0)
    directive = Select(browser.find_element("id", "directive-filter"))
    directive.select_by_visible_text("345/UBND-YT")
    assert visible_nodes(browser) == len(build_view(gold_graph, ViewOptions(directive="345/UBND-YT")).nodes) == 8
    shown_edges = browser.execute_script("return edges.get({filter: function (e) { return !e.hidden; }}).length")
    assert 0 < shown_edges < len(view.edges)

    directive.select_by_index(0)
    assert visible_nodes(browser) == 57


def test_search_finds_agencies_typed_without_diacritics(browser, gold_graph, tmp_path):  # noqa: F811
    open_page(browser, build_view(gold_graph), tmp_path / "gold.html")
    box = browser.find_element("id", "search")
    box.send_keys("so y te thanh pho ha noi")
    assert browser.execute_script("return network.getSelectedNodes()") == [agency_key("Sở Y tế thành phố Hà Nội")]
    assert "1 found: Sở Y tế thành phố Hà Nội" in browser.find_element("id", "status").text

    box.clear()
    box.send_keys("cong an dong da")   # words in order of the name, each a word start
    found = browser.execute_script("return network.getSelectedNodes()")
    assert set(found) == {agency_key("Công an quận Đống Đa"), agency_key("Công an các phường quận Đống Đa")}

    box.clear()
    box.send_keys("bo ngoai giao")
    assert browser.execute_script("return network.getSelectedNodes()") == []
    assert "no agency matches" in browser.find_element("id", "status").text


def test_physics_toggle_and_hover_tooltip(browser, gold_graph, tmp_path):  # noqa: F811
    open_page(browser, build_view(gold_graph), tmp_path / "gold.html")
    assert browser.execute_script("return network.physics.physicsEnabled") is True
    browser.find_element("id", "physics").click()
    assert browser.execute_script("return network.physics.physicsEnabled") is False

    key = agency_key("Sở Y tế thành phố Hà Nội")
    p = point_of(browser, key)
    hover(browser, p["x"], p["y"])
    text = tooltip_text(browser)
    assert text.startswith("Sở Y tế thành phố Hà Nội") and "Duties:" in text


def test_a_big_network_is_cut_says_so_and_keeps_still(browser, tmp_path):
    view = build_view(synthetic_graph(340, 700), ViewOptions(max_nodes=320))
    assert view.total_agencies > 320
    open_page(browser, view, tmp_path / "big.html")
    assert browser.execute_script("return nodes.length") == 320
    assert browser.find_element("id", "summary").text.startswith(f"showing 320 of {view.total_agencies} agencies")
    assert browser.execute_script("return network.physics.physicsEnabled") is False
    assert browser.find_element("id", "physics").is_selected() is False


def test_document_text_in_tooltips_runs_nothing(browser, evil_graph, tmp_path):  # noqa: F811
    view = build_view(evil_graph, ViewOptions(with_directives=True))
    open_page(browser, view, tmp_path / "evil.html")
    browser.find_element("id", "physics").click()   # keep nodes where they are while hovering
    assert browser.execute_script("return nodes.length") == len(view.nodes) == 4

    seen = []
    ids = [n.id for n in view.nodes]
    for node_id in ids:
        p = point_of(browser, node_id)
        hover(browser, p["x"], p["y"])
        seen.append(tooltip_text(browser))
    for e in view.edges:   # the middle of every link
        a, b = point_of(browser, e.source), point_of(browser, e.target)
        hover(browser, (a["x"] + b["x"]) / 2, (a["y"] + b["y"]) / 2)
        seen.append(tooltip_text(browser))
    browser.find_element("id", "search").send_keys("so y te script")

    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    assert browser.execute_script("return document.querySelectorAll('img, #mynetwork script').length") == 0
    text = " ".join(seen)
    assert PAYLOAD_SCRIPT in text                          # shown literally, as text
    assert '" onmouseover="window.__pwned=1' in text
    assert "Giao Sở Y tế <script>" in text                 # the source quote of the duty
