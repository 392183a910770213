"""Benchmark the pipeline on generated corpora of several sizes.

    python bench/run.py --sizes 1000,10000,100000 [--neo4j] [--workers 2] [--out bench/results.md]

For each size it generates (or reuses) a corpus with ``bench/generate.py``,
then measures, with the project's own library, each stage streaming (memory
does not grow with the corpus):

- extraction (``ingest.pipeline.extract_path``): MB/s and documents/s, on one
  core (a sample) and on ``--workers`` processes (the whole corpus, written to
  disk as it comes: the JSON for the scorer, the graphs to a spool file);
- the extraction's quality on the generated gold (``score.py``), as a sanity figure;
- the embedded store end to end (``graph.loader.ingest_paths`` with
  ``--workers``, what ``phoihop ingest`` runs: extract, write in batches, derive);
- with ``--neo4j``, loading the spooled graphs into a throwaway Neo4j instance
  (started with ``scripts/neo4j_server.py``; a user's own database is never
  touched) with ``Neo4jStore.write_documents``, ``--neo4j-batch`` documents per
  transaction;
- p50/p95 latency of the ``duties``, ``coordination`` (one topic) and
  ``chain`` named queries on each store, whole answers and first pages, for
  agencies, topics and directives drawn from the gold;
- peak memory of each stage: RSS of this process and its children.

It prints Markdown tables and writes them to ``--out``.
"""
from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import psutil

ROOT = Path(__file__).resolve().parent.parent
for p in (str(ROOT), str(ROOT / "bench")):
    if p not in sys.path:
        sys.path.insert(0, p)

import generate  # noqa: E402  (bench/generate.py)

SHARED = Path(os.environ.get("PHOIHOP_SHARED", ROOT.parent / "shared"))
SCORE = SHARED / "tools" / "score.py"


# ---------------------------------------------------------------- measuring

class PeakRSS:
    """Samples the RSS of this process and all its children in a background thread."""

    def __init__(self, every: float = 0.2):
        self.every, self.peak = every, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _sample(self) -> int:
        me = psutil.Process()
        total = 0
        for p in [me] + me.children(recursive=True):
            try:
                total += p.memory_info().rss
            except psutil.Error:
                pass
        return total

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._sample())
            self._stop.wait(self.every)

    def __enter__(self) -> "PeakRSS":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._sample())


@contextmanager
def timed(into: dict, key: str):
    t0 = time.perf_counter()
    yield
    into[key] = time.perf_counter() - t0


def progress(items: Iterable, what: str, every: int = 1000, total: int | None = None):
    """Yield ``items``, telling stderr the rate of each ``every`` (to see a rate that falls with size)."""
    t0 = last = time.perf_counter()
    for i, x in enumerate(items, 1):
        yield x
        if i % every == 0:
            now = time.perf_counter()
            of = f"/{total:,}" if total else ""
            print(f"[bench] {what}: {i:,}{of} in {now - t0:.0f} s ({every / (now - last):.1f}/s recently)",
                  file=sys.stderr, flush=True)
            last = now


def percentiles(samples: list[float]) -> tuple[float, float]:
    """p50 and p95 in milliseconds."""
    xs = sorted(samples)
    if not xs:
        return float("nan"), float("nan")
    p95 = xs[min(len(xs) - 1, max(0, int(round(0.95 * len(xs))) - 1))]
    return statistics.median(xs) * 1000, p95 * 1000


# ---------------------------------------------------------------- stages

def corpus(work: Path, n: int, seed: int, workers: int) -> tuple[Path, float]:
    """The generated corpus of ``n`` documents (reused when already complete)."""
    d = work / f"corpus-{n}-s{seed}"
    if (d / "gold").is_dir() and sum(1 for _ in (d / "gold").iterdir()) == n:
        return d, 0.0
    shutil.rmtree(d, ignore_errors=True)
    r = generate.generate(n, d, seed, workers)
    return d, r["seconds"]


def _extract(path: str):
    from phoihop.ingest.pipeline import extract_path

    return extract_path(path)


def extract_all(paths: list[str], workers: int) -> list:
    """Extractions of ``paths`` kept in memory (for the small one-core sample only)."""
    if workers <= 1:
        return [_extract(p) for p in paths]
    with get_context("fork").Pool(workers) as pool:
        return pool.map(_extract, paths, chunksize=8)


def _extract_for_spool(path: str) -> tuple[str, str, bytes, int]:
    """In a worker: the document's stem, its extraction as JSON, its graph pickled, and the
    number of its relationships (so that the parent need not unpickle it)."""
    from phoihop.graph.model import document_graph

    ex = _extract(path)
    g = document_graph(ex)
    return (Path(path).stem, json.dumps(ex.to_json(), ensure_ascii=False),
            pickle.dumps(g, protocol=pickle.HIGHEST_PROTOCOL), len(g.rels))


def extract_to_disk(paths: list[str], workers: int, pred: Path, spool: Path) -> dict[str, int]:
    """Extract every document on ``workers`` processes, streaming: each extraction goes to
    ``pred/<stem>.json`` (for the scorer) and its graph to the ``spool`` file (for the
    Neo4j load), and nothing is kept in memory. Returns documents and relationships."""
    shutil.rmtree(pred, ignore_errors=True)
    pred.mkdir(parents=True)
    docs = rels = 0
    # fork: nothing is open in this process yet that a child could not share.
    with get_context("fork").Pool(workers) as pool, spool.open("wb") as out:
        for stem, text, graph, n in progress(pool.imap(_extract_for_spool, paths, chunksize=8), "extract",
                                             total=len(paths)):
            (pred / f"{stem}.json").write_text(text, encoding="utf-8")
            out.write(graph)
            docs += 1
            rels += n
    return {"docs": docs, "rels": rels}


def spooled(spool: Path) -> Iterator:
    """The document graphs written by ``extract_to_disk``, one at a time."""
    with spool.open("rb") as f:
        while True:
            try:
                yield pickle.load(f)
            except EOFError:
                return


def score(gold: Path, pred: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, str(SCORE), str(gold), str(pred), "--json"],
                         capture_output=True, text=True, check=True)
    metrics = json.loads(out.stdout)["metrics"]
    return {m: round(v["f1"], 3) for m, v in metrics.items()}


def picks(gold_dir: Path, runs: int, seed: int, documents: set[str] | None = None) -> dict[str, list]:
    """Agencies (with obligations), topics and cited/citing directives drawn from the gold of
    ``documents`` (file names; default all), as graph ids."""
    from phoihop.graph.model import agency_id, directive_id, directive_year, topic_id

    rng = random.Random(seed)
    files = sorted(f for f in gold_dir.glob("*.json") if documents is None or f.stem + ".txt" in documents)
    sample = rng.sample(files, min(len(files), max(runs * 4, 200)))
    agencies, topics, directives = [], set(), []
    for f in sample:
        g = json.loads(f.read_text(encoding="utf-8"))
        dirs = {d["key"]: d for d in g["directives"]}
        for o in g["obligations"]:
            agencies += [agency_id(a["agency"]) for a in o["assignees"]]
            topics.update(o.get("topics", []))
        cited = {c["from"] for c in g["citations"] if c.get("to")}
        for key in cited:
            d = dirs.get(key)
            if d and d.get("number"):
                directives.append(directive_id(d["number"], d["issuer"],
                                               directive_year(d.get("date"), d["number"])))
    return {"duties": [rng.choice(agencies) for _ in range(runs)] if agencies else [],
            "coordination": [topic_id(rng.choice(sorted(topics))) for _ in range(runs)] if topics else [],
            "chain": [rng.choice(directives) for _ in range(runs)] if directives else []}


# The named queries timed, with the id drawn for each run: (name, pick, call).
PAGE = 50


def _queries() -> list[tuple[str, str, Callable]]:
    from phoihop.queries import run as Q

    return [
        ("duties", "duties", lambda s, a: Q.duties(s, a)),
        (f"duties (first {PAGE})", "duties", lambda s, a: Q.duties(s, a, limit=PAGE)),
        ("coordination", "coordination", lambda s, t: Q.coordination(s, topic_id=t)),
        (f"coordination (first {PAGE})", "coordination", lambda s, t: Q.coordination(s, topic_id=t, limit=PAGE)),
        ("chain", "chain", lambda s, d: Q.chain(s, d)),
    ]


def latencies(store, chosen: dict[str, list]) -> dict[str, dict]:
    """p50/p95 of each named query, how many of the picked ids gave rows, and the median rows."""
    out = {}
    for name, pick, call in _queries():
        if chosen[pick]:
            call(store, chosen[pick][0])   # one untimed run: query planning, caches, JIT
        times, hits, sizes = [], 0, []
        for arg in chosen[pick]:
            t0 = time.perf_counter()
            rows = call(store, arg)
            times.append(time.perf_counter() - t0)
            hits += bool(rows)
            sizes.append(len(rows))
        p50, p95 = percentiles(times)
        out[name] = {"p50": p50, "p95": p95, "runs": len(times), "hits": hits,
                     "rows": statistics.median(sizes) if sizes else 0}
    return out


def _load_neo4j_server():
    import importlib.util

    spec = importlib.util.spec_from_file_location("neo4j_server", ROOT / "scripts" / "neo4j_server.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod   # its dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def neo4j_load(work: Path, n: int, spool: Path, chosen: dict, batch: int) -> dict:
    """Load the spooled document graphs into a throwaway Neo4j instance, ``batch`` documents
    per ``write_documents`` call (one transaction each; only the calls are timed, not reading
    the spool), derive the coordination relationships, and time the named queries there."""
    from phoihop.graph.neo4j_store import Neo4jStore

    srv = _load_neo4j_server()
    instance = work / f"neo4j-{n}"
    for attempt in (1, 2):   # a fresh instance once more if the first start fails (e.g. a port race)
        shutil.rmtree(instance, ignore_errors=True)
        try:
            server = srv.start(instance=str(instance))
            break
        except srv.ServerError:
            srv.stop(instance=str(instance))
            if attempt == 2:
                shutil.rmtree(instance, ignore_errors=True)
                raise
    res: dict[str, Any] = {"write_s": 0.0, "docs": 0, "rels": 0}
    try:
        with server.environment():
            store = Neo4jStore.from_env()
            try:
                def write(graphs: list) -> None:
                    t0 = time.perf_counter()
                    store.write_documents(graphs, batch=len(graphs))
                    res["write_s"] += time.perf_counter() - t0
                    res["docs"] += len(graphs)
                    res["rels"] += sum(len(g.rels) for g in graphs)

                chunk: list = []
                for g in progress(spooled(spool), "Neo4j load", total=n):
                    chunk.append(g)
                    if len(chunk) >= batch:
                        write(chunk)
                        chunk = []
                if chunk:
                    write(chunk)
                with timed(res, "derive_s"):
                    store.rebuild_coordination()
                res["latency"] = latencies(store, chosen)
            finally:
                store.close()
    finally:
        srv.stop(instance=str(instance))
        shutil.rmtree(instance, ignore_errors=True)
    return res


def neo4j_stage(work: Path, n: int, spool: Path, chosen: dict, batch: int) -> dict:
    """Neo4j figures, or the one-line reason there are none (the other figures are kept)."""
    try:
        with PeakRSS() as mem:
            neo = neo4j_load(work, n, spool, chosen, batch)
    except Exception as e:
        error = f"{type(e).__name__}: {(str(e).splitlines() or [''])[0]}"
        print(f"[bench] Neo4j stage failed: {error}", file=sys.stderr)
        return {"neo4j_error": error}
    return {"neo4j_n": neo["docs"], "neo4j_write_s": neo["write_s"], "neo4j_derive_s": neo["derive_s"],
            "neo4j_docs_s": neo["docs"] / neo["write_s"], "neo4j_rels_s": neo["rels"] / neo["write_s"],
            "neo4j_latency": neo["latency"], "neo4j_rss_mb": mem.peak / 1e6}


def bench_size(n: int, args) -> dict:
    """Every figure for one corpus size; each stage streams, so memory does not grow with ``n``."""
    from phoihop.graph.embedded_store import EmbeddedStore
    from phoihop.graph.loader import ingest_paths

    work: Path = args.work
    res: dict[str, Any] = {"n": n, "load_before": os.getloadavg()[0]}
    t0 = time.perf_counter()
    cdir, res["generate_s"] = corpus(work, n, args.seed, args.workers)
    paths = sorted(str(p) for p in (cdir / "docs").glob("*.txt"))[:args.store_limit or None]
    res["stored_n"] = len(paths)
    res["mb"] = sum(os.path.getsize(p) for p in paths) / 1e6

    sample = paths[:min(len(paths), args.sample)]
    sample_mb = sum(os.path.getsize(p) for p in sample) / 1e6
    extract_all(sample[:1], 1)   # imports and table loading are not extraction
    with timed(res, "extract1_s"):
        extract_all(sample, 1)
    res["core_docs_s"] = len(sample) / res["extract1_s"]
    res["core_mb_s"] = sample_mb / res["extract1_s"]

    pred, spool = cdir / "pred", work / f"graphs-{n}.pickle"
    with PeakRSS() as mem, timed(res, "extract_s"):
        extract_to_disk(paths, args.workers, pred, spool)
    res["extract_rss_mb"] = mem.peak / 1e6
    res["docs_s"] = len(paths) / res["extract_s"]
    res["mb_s"] = res["mb"] / res["extract_s"]
    res["f1"] = score(cdir / "gold", pred) if len(paths) == n else {}

    chosen = picks(cdir / "gold", args.runs, args.seed, {Path(p).name for p in paths})
    store_dir = work / f"embedded-{n}"
    shutil.rmtree(store_dir, ignore_errors=True)
    store = EmbeddedStore(store_dir)
    try:
        with PeakRSS() as mem, timed(res, "ingest_s"):
            summary = ingest_paths(paths, store, workers=args.workers,
                                   on_progress=_every(1000, "embedded ingest (extract + store)", len(paths)))
        res["ingest_rss_mb"] = mem.peak / 1e6
        res["ingest_docs_s"] = summary.documents / res["ingest_s"]
        res["ingest_errors"] = len(summary.errors)
        res["embedded_latency"] = latencies(store, chosen)
    finally:
        store.close()
    res["embedded_mb"] = sum(f.stat().st_size for f in store_dir.rglob("*") if f.is_file()) / 1e6
    shutil.rmtree(store_dir, ignore_errors=True)

    if args.neo4j:
        res.update(neo4j_stage(work, n, spool, chosen, args.neo4j_batch))
    spool.unlink(missing_ok=True)
    res["total_s"] = time.perf_counter() - t0
    res["load_after"] = os.getloadavg()[0]
    return res


def _every(k: int, what: str, total: int) -> Callable[[int, int, str], None]:
    """An ``on_progress`` for the loader that prints the rate every ``k`` documents."""
    state = {"t0": time.perf_counter(), "last": time.perf_counter()}

    def tell(done: int, _total: int, _path: str) -> None:
        if done % k == 0:
            now = time.perf_counter()
            print(f"[bench] {what}: {done:,}/{total:,} in {now - state['t0']:.0f} s "
                  f"({k / (now - state['last']):.1f}/s recently)", file=sys.stderr, flush=True)
            state["last"] = now
    return tell


# ---------------------------------------------------------------- report

def machine() -> str:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{os.cpu_count()} cores ({cpu}), {psutil.virtual_memory().total / 2**30:.0f} GiB RAM, "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}; load average {load}")


def _f(x: float | None, digits: int = 1) -> str:
    return "–" if x is None else f"{x:,.{digits}f}"


def report(results: list[dict], args) -> str:
    w = args.workers
    lines = [f"Machine: {machine()}. Workers: {w}. Seed: {args.seed}.", "",
             "Extraction (generated documents; F1 by `score.py` against the generator's answers):", "",
             f"| documents | MB | docs/s (1 core) | MB/s (1 core) | docs/s ({w} procs) | MB/s ({w} procs) | "
             "peak RSS MB | assignments F1 | citations F1 | recipients F1 |",
             "|" + "---:|" * 10]
    for r in results:
        f1 = r["f1"]
        lines.append(
            f"| {r['stored_n']:,} | {_f(r['mb'])} | {_f(r['core_docs_s'])} | {_f(r['core_mb_s'], 2)} | "
            f"{_f(r['docs_s'])} | {_f(r['mb_s'], 2)} | {_f(r['extract_rss_mb'], 0)} | "
            f"{_f(f1.get('assignments'), 3)} | {_f(f1.get('citations'), 3)} | {_f(f1.get('recipients'), 3)} |")
    lines += ["", f"Stores. Embedded: `ingest_paths(..., workers={w})`, the path `phoihop ingest` takes: extraction "
              f"and writing together, from the files to a queryable store with the derived relationships. "
              f"Neo4j: the extracted graphs written {args.neo4j_batch} documents per transaction (only the "
              "writes timed), then the derived relationships. Peak RSS: this process and its children "
              "(for Neo4j, the server's JVM included).", "",
              "| documents | embedded: minutes end to end | docs/s | peak RSS MB | store MB | "
              "Neo4j docs/s | Neo4j rels/s | Neo4j derive s | Neo4j peak RSS MB |",
              "|" + "---:|" * 9]
    for r in results:
        lines.append(
            f"| {r['stored_n']:,} | {_f(r['ingest_s'] / 60)} | {_f(r['ingest_docs_s'])} | {_f(r['ingest_rss_mb'], 0)} | "
            f"{_f(r['embedded_mb'], 0)} | {_f(r.get('neo4j_docs_s'))} | {_f(r.get('neo4j_rels_s'), 0)} | "
            f"{_f(r.get('neo4j_derive_s'))} | {_f(r.get('neo4j_rss_mb'), 0)} |")
    for r in results:
        if r.get("neo4j_error"):
            lines.append(f"\nNeo4j stage for {r['n']:,} failed: {r['neo4j_error']}")
        if r["stored_n"] < r["n"]:
            lines.append(f"\nFor {r['n']:,}: the first {r['stored_n']:,} documents only (--store-limit).")
    names = [name for name, _, _ in _queries()]
    lines += ["", "Query latency after one untimed warm-up run, milliseconds p50 / p95 "
              "(runs; runs whose picked id returned rows; median rows returned):", "",
              "| documents | store | " + " | ".join(names) + " |", "|---:|---|" + "---|" * len(names)]
    for r in results:
        for store in ("embedded", "neo4j"):
            lat = r.get(f"{store}_latency")
            if not lat:
                continue
            cells = [f"{_f(lat[q]['p50'])} / {_f(lat[q]['p95'])} ({lat[q]['runs']}; {lat[q]['hits']}; "
                     f"{lat[q]['rows']:,.0f})" for q in names]
            lines.append(f"| {r['stored_n']:,} | {store} | " + " | ".join(cells) + " |")
    lines += ["", "Wall time per stage, seconds:", "",
              "| documents | generate | extract (1 core sample) | extract (all) | embedded end to end | "
              "Neo4j writes | total | load average before / after |",
              "|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in results:
        lines.append(f"| {r['stored_n']:,} | {_f(r['generate_s'])} | {_f(r['extract1_s'])} | {_f(r['extract_s'])} | "
                     f"{_f(r['ingest_s'])} | {_f(r.get('neo4j_write_s'))} | {_f(r['total_s'])} | "
                     f"{r['load_before']:.1f} / {r['load_after']:.1f} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes")
    ap.add_argument("--neo4j", action="store_true", help="also load a throwaway Neo4j instance")
    ap.add_argument("--store-limit", type=int, default=0,
                    help="use only the first this many documents of each corpus (0: all)")
    ap.add_argument("--neo4j-batch", type=int, default=250, help="documents per Neo4j write transaction")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results.md")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runs", type=int, default=30, help="runs of each named query (20-50)")
    ap.add_argument("--sample", type=int, default=300, help="documents in the one-core extraction sample")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "phoihop-bench",
                    help="where corpora and stores are kept")
    args = ap.parse_args(argv)
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        print(f"run.py: --sizes {args.sizes!r}: expected numbers separated by commas", file=sys.stderr)
        return 2
    if not SCORE.exists():
        print(f"run.py: {SCORE}: scorer not found (set PHOIHOP_SHARED)", file=sys.stderr)
        return 1
    args.work.mkdir(parents=True, exist_ok=True)
    results = []
    for n in sizes:
        print(f"[bench] {n} documents ...", file=sys.stderr, flush=True)
        r = bench_size(n, args)
        print(f"[bench] {n} documents done in {r['total_s']:.0f} s", file=sys.stderr, flush=True)
        results.append(r)
        text = report(results, args)
        args.out.write_text(text, encoding="utf-8")   # after every size, so a long run leaves partial results
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
