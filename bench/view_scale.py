"""The browser view at the size of a real archive: pages and screenshots at 5, 300 and 10,000
documents, with their size, the time to build them and the time they take to open in Chromium.

    python bench/view_scale.py --sizes 5,300,10000 --img docs/img --out bench/results-view.md

Stores: 5 = the seeds; 300 = the first 300 files of ``corpus/archive`` (real text); any other
size = that many documents of ``bench/generate.py`` (our own writing: for scale, not accuracy).
Stores are built once under ``--work`` and reused. For each size three pages are written and
shot in headless Chromium (network cut off): the overview, the agency with most partners in
focus, and the directive with most duties in focus. "Open" is the time from navigation to the
first laid-out picture (the page's ``data-stable`` mark), median of ``--runs``.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from phoihop.graph.loader import ingest_paths  # noqa: E402
from phoihop.graph.store import open_store  # noqa: E402
from phoihop.view.network import ViewOptions, build_view  # noqa: E402
from phoihop.view.page import write_html  # noqa: E402
from phoihop.view.screenshot import offline_chromium, wait_until_laid_out  # noqa: E402

SHARED = Path(os.environ.get("PHOIHOP_SHARED") or ROOT.parent / "shared")


def corpus(size: int, work: Path) -> list[Path]:
    """The files of a store of ``size`` documents."""
    if size == 5:
        return [SHARED / "corpus" / "seeds"]
    if size <= 1000:
        return sorted((SHARED / "corpus" / "archive").glob("*.md"))[:size]
    out = work / f"generated-{size}"
    if not (out / "docs").exists():
        from bench.generate import generate
        generate(size, out)
    return [out / "docs"]


def store_for(size: int, work: Path) -> Path:
    path = work / f"store-{size}"
    if not path.exists():
        s = open_store(str(path), create=True)
        try:
            ingest_paths(corpus(size, work), s, workers=2)
        finally:
            s.close()
    return path


def graph_of(path: Path):
    s = open_store(str(path), read_only=True)
    try:
        return s.to_networkx()
    finally:
        s.close()


def focus_choices(g) -> tuple[str, str]:
    """The agency with most coordination partners and the directive with most duties, as a user
    would type them (name, number or id)."""
    full = build_view(g, ViewOptions(links=("coordinates",)))
    partners = Counter()
    for e in full.edges:
        partners[e.source] += 1
        partners[e.target] += 1
    agency = max(partners, key=lambda k: (partners[k], k))
    duties = Counter(d.directive for n in full.agencies for d in n.duties)
    directive = max(duties, key=lambda k: (duties[k], k))
    return g.nodes[agency]["name"], g.nodes[directive].get("id") or directive.split(":", 1)[1]


def pages(size: int, work: Path, out: Path) -> list[tuple[str, Path, float]]:
    g = graph_of(store_for(size, work))
    agency, directive = focus_choices(g)
    made = []
    for name, options in (("overview", ViewOptions()), ("agency", ViewOptions(agency=agency)),
                          ("directive", ViewOptions(directive=directive))):
        start = time.perf_counter()
        page = write_html(build_view(g, options), out / f"view-{size}-{name}.html")
        made.append((name, page, time.perf_counter() - start))
    return made


def open_times(driver, page: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        driver.get("about:blank")
        start = time.perf_counter()
        driver.get(page.resolve().as_uri())
        wait_until_laid_out(driver, timeout=120)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="5,300,10000")
    ap.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "phoihop-view-scale")
    ap.add_argument("--img", type=Path, default=None, help="where to keep the screenshots (e.g. docs/img)")
    ap.add_argument("--out", type=Path, default=None, help="Markdown file for the table")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    rows = ["| documents | page | HTML MB | build s | open in Chromium s (median) |", "|---:|---|---:|---:|---:|"]
    with offline_chromium(1400, 900) as driver:
        for size in (int(x) for x in args.sizes.split(",")):
            for name, page, built in pages(size, args.work, args.work):
                opened = open_times(driver, page, args.runs)
                if args.img:
                    args.img.mkdir(parents=True, exist_ok=True)
                    time.sleep(0.3)
                    driver.save_screenshot(str(args.img / f"view-{size}-{name}.png"))
                rows.append(f"| {size:,} | {name} | {page.stat().st_size / 1e6:.1f} | {built:.1f} | {opened:.2f} |")
                print(rows[-1], flush=True)
    if args.out:
        args.out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
