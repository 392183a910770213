"""The view at the size of a real archive, in real headless Chromium: screenshots of the overview,
a focused agency and a focused directive at 5 (seeds), 300 (real archive texts) and 10,000
(generated) documents, each checked for legibility (no drawn label overlaps another, none is
drawn below 8 px) and kept in ``test-artifacts/`` — and in ``docs/img/`` when
``PHOIHOP_DOCS_IMG=1`` (how the README's pictures are made).

The stores are built the way ``bench/view_scale.py`` builds them (it also times the pages).
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.view_scale import pages  # noqa: E402
from test_view_browser import ARTIFACTS, overlapping_labels, shown  # noqa: E402
from phoihop.view.screenshot import chromium_available, offline_chromium, wait_until_laid_out  # noqa: E402

pytestmark = [
    pytest.mark.browser, pytest.mark.slow,
    pytest.mark.skipif(not chromium_available() and not os.environ.get("CI"),
                       reason="needs chromium and chromedriver (scripts/install_system_deps.sh)"),
]


@pytest.fixture(scope="module")
def browser():
    with offline_chromium(1400, 900) as driver:
        yield driver


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    return tmp_path_factory.mktemp("view-scale")


@pytest.mark.parametrize("size", [5, 300, 10_000])
def test_screenshots_at_archive_sizes_are_legible(browser, work, size):
    ARTIFACTS.mkdir(exist_ok=True)
    for name, page, _ in pages(size, work, work):
        browser.get(page.resolve().as_uri())
        wait_until_laid_out(browser, timeout=180)
        now = shown(browser)
        assert now["nodes"], f"{page.name}: nothing drawn"
        mode = browser.find_element("tag name", "body").get_attribute("data-mode")
        assert mode == name
        if name == "overview":
            assert all(r.startswith("g:") for r in now["nodes"])   # one node per province group
        assert overlapping_labels(browser) == [], f"{page.name}: labels overlap"
        shot = ARTIFACTS / f"view-{size}-{name}.png"
        browser.save_screenshot(str(shot))
        assert shot.stat().st_size > 10_000
        if os.environ.get("PHOIHOP_DOCS_IMG"):
            shutil.copy(shot, ROOT / "docs" / "img" / shot.name)
