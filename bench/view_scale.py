"""The browser view at the size of a real archive: pages and screenshots at 5, 300, 10,000 and
100,000 documents, with their size, the time to build them and the time they take to open in Chromium.

    python bench/view_scale.py --sizes 5,300,10000 --img docs/img --out bench/results-view.md
    python bench/view_scale.py --sizes 100000 --store 100000=/tmp/copy-of-a-store

Stores: 5 = the seeds; 300 = the first 300 files of ``corpus/archive`` (real text); any other
size = that many documents of ``bench/generate.py`` (our own writing: for scale, not accuracy),
or the store given by ``--store SIZE=DIR`` (opened read-only). Stores are built once under
``--work`` and reused. For each size three pages are written the way ``phoihop view`` writes them
(``view.from_store.write_page``: the overview from aggregate queries from 20,000 obligations, the
focus pages from queries around the focus) and shot in headless Chromium (network cut off): the
overview, the agency with most coordination partners in focus, and the directive with most duties
in focus. "Open" is the time from navigation to the first laid-out picture (the page's
``data-stable`` mark), median of ``--runs``; "group" the time to open the biggest group of the
overview into its agencies (its file loaded, laid out), median of ``--runs``.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from phoihop.graph.loader import ingest_paths  # noqa: E402
from phoihop.graph.store import open_store  # noqa: E402
from phoihop.view.from_store import write_page  # noqa: E402
from phoihop.view.network import ViewOptions  # noqa: E402
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


def focus_choices(store) -> tuple[str, str]:
    """The agency with most coordination partners and the directive with most duties (ids)."""
    agency = store.query("MATCH (a:Agency)-[:COORDINATES_WITH]-(b:Agency) RETURN a.id AS id, count(DISTINCT b.id) AS n "
                         "ORDER BY n DESC, id LIMIT 1")[0]["id"]
    directive = store.query("MATCH (d:Directive)-[:IMPOSES]->(o:Obligation) RETURN d.id AS id, count(o) AS n "
                            "ORDER BY n DESC, id LIMIT 1")[0]["id"]
    return agency, directive


def pages(size: int, work: Path, out: Path, store: Path | None = None) -> list[tuple[str, Path, float]]:
    s = open_store(str(store or store_for(size, work)), read_only=True)
    try:
        agency, directive = focus_choices(s)
        made = []
        for name, options in (("overview", ViewOptions()), ("agency", ViewOptions(agency=agency)),
                              ("directive", ViewOptions(directive=directive))):
            start = time.perf_counter()
            page, _, _ = write_page(s, options, out / f"view-{size}-{name}.html")
            made.append((name, page, time.perf_counter() - start))
            print(f"{size} {name}: built in {made[-1][2]:.1f} s, peak memory of this process so far "
                  f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB", file=sys.stderr, flush=True)
        return made
    finally:
        s.close()


def open_times(driver, page: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        driver.get("about:blank")
        start = time.perf_counter()
        driver.get(page.resolve().as_uri())
        wait_until_laid_out(driver, timeout=120)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def group_times(driver, page: Path, runs: int) -> float | None:
    """The time to open the overview's biggest group (by duties) into its agencies."""
    times = []
    for _ in range(runs):
        driver.get(page.resolve().as_uri())
        wait_until_laid_out(driver, timeout=120)
        group = driver.execute_script(
            "var best = null; nodes.get().forEach(function (n) {"
            "  if (n.id.indexOf('g:') === 0 && (!best || n.value > best.value)) { best = n; } });"
            "return best && best.id.slice(2);")
        if group is None:
            return None
        start = time.perf_counter()
        driver.execute_script("window.phoihop.toggleGroup(arguments[0])", group)
        wait_until_laid_out(driver, timeout=120)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def size_of(page: Path) -> float:
    """MB of the page and of the files beside it (NAME_files/)."""
    folder = page.with_name(page.stem + "_files")
    return sum(f.stat().st_size for f in folder.glob("*")) / 1e6 if folder.exists() else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="5,300,10000")
    ap.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "phoihop-view-scale")
    ap.add_argument("--img", type=Path, default=None, help="where to keep the screenshots (e.g. docs/img)")
    ap.add_argument("--out", type=Path, default=None, help="Markdown file for the table")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--store", action="append", default=[], metavar="SIZE=DIR",
                    help="an existing store for a size (read-only), e.g. 100000=/tmp/copy")
    args = ap.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    given = {int(k): Path(v) for k, v in (x.split("=", 1) for x in args.store)}
    rows = ["| documents | page | HTML MB | files beside MB | build s | open s (median) | open a group s |",
            "|---:|---|---:|---:|---:|---:|---:|"]
    with offline_chromium(1400, 900) as driver:
        for size in (int(x) for x in args.sizes.split(",")):
            for name, page, built in pages(size, args.work, args.work, given.get(size)):
                opened = open_times(driver, page, args.runs)
                if args.img:
                    args.img.mkdir(parents=True, exist_ok=True)
                    time.sleep(0.3)
                    driver.save_screenshot(str(args.img / f"view-{size}-{name}.png"))
                group = group_times(driver, page, args.runs) if name == "overview" else None
                rows.append(f"| {size:,} | {name} | {page.stat().st_size / 1e6:.1f} | {size_of(page):.1f} | "
                            f"{built:.1f} | {opened:.2f} | {'' if group is None else f'{group:.2f}'} |")
                print(rows[-1], flush=True)
    if args.out:
        args.out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
