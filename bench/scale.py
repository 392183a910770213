"""Benchmark of issue 18 (docs/scale.md): Spark local[1] vs local[2], Spark vs ``ingest --workers 2``,
``neo4j-admin database import`` vs the Bolt writer, Parquet to a queryable embedded store.

    python bench/scale.py --n 2000 --runs 3 [--neo4j] --out bench/results-scale.md
    python bench/scale.py --corpus DIR --runs 1 --paths spark2 --out results.md
    python bench/scale.py --tables DIR --n 100000 --runs 1 --neo4j --out results.md

Generates N documents (bench/generate.py), or takes every file of ``--corpus DIR``, then times each path ``--runs`` times and prints
medians as a Markdown table (also written to ``--out``). Wall-clock times on this machine,
whatever else runs on it: read them as rates, not as promises.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def timed(fn) -> tuple[float, object]:
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


TASKS: list[dict] = []   # what the extraction cost inside Spark's tasks, one entry per Spark run


def spark(docs: Path, out: Path, master: str):
    from phoihop.graph import spark_job
    meter: dict = {}
    counts = spark_job.run([str(docs)], out, master=master, meter=meter)
    TASKS.append(meter)
    return counts


def one_core(docs: Path) -> float:
    """CPU seconds of the extractor on every document in this process (tables warmed first): the
    rate Spark's tasks are to be compared with."""
    from phoihop.graph.loader import _extract
    files = sorted(str(p) for p in docs.iterdir())
    _extract(files[0])
    t = time.process_time()
    for f in files:
        _extract(f)
    return time.process_time() - t


def ingest(docs: Path, store: Path, workers: int):
    from phoihop.graph.embedded_store import EmbeddedStore
    from phoihop.graph.loader import ingest_paths
    with EmbeddedStore(store) as s:
        return ingest_paths([docs], s, workers=workers).documents


def load_embedded(tables: Path, store: Path):
    from phoihop.graph.embedded_store import EmbeddedStore
    with EmbeddedStore(store) as s:
        return s.load_tables(tables)


def contributed(counts: dict) -> int:
    from phoihop.graph import schema as S
    return sum(counts.get(t, 0) for t in S.REL_TYPES if t not in S.DERIVED)


def neo4j_round(tables: Path, work: Path) -> dict[str, float]:
    """One round of importer vs Bolt on the same tables: seconds of the write itself (the
    derivation, the same after both, is timed apart)."""
    from phoihop.commands.neo4j import server_module
    from phoihop.graph import neo4j_import as NI
    from phoihop.graph.neo4j_store import Neo4jStore

    srv = server_module()
    inst = work / "neo4j"
    out = {}
    server = srv.start(inst)
    with Neo4jStore(server.uri, server.user, server.password) as s:
        s.clear()
        out["bolt"], counts = timed(lambda: _bolt_only(s, tables))
        out["rels"] = contributed(counts)
        out["derive"], _ = timed(s.rebuild_coordination)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        files = NI.import_files(tables, tmp)
        srv.stop(inst)
        srv.import_full(files.arguments(), inst)
        out["import"] = time.perf_counter() - t0
    srv.stop(inst)
    return out


def _bolt_only(store, tables: Path) -> dict:
    """``load_tables`` without its derivation (timed apart)."""
    from phoihop.graph import tables as T
    from phoihop.graph.neo4j_store import LOAD_BATCH
    from phoihop.graph.store import batched
    store._ensure_schema()
    for label in T.NODE_TABLES:
        for part in batched(T.nodes_of(tables, label), LOAD_BATCH):
            store._run_write("bench", store._create_nodes, label, part)
    for key in T.REL_TABLES:
        for part in batched(T.rels_of(tables, key), LOAD_BATCH):
            store._run_write("bench", store._create_rels, *key, part)
    return store.counts()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--corpus", type=Path, help="time on the files of this folder instead of generating --n")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--neo4j", action="store_true")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results-scale.md")
    ap.add_argument("--tables", type=Path, help="time only the Neo4j round (importer, Bolt writer, derivation) on "
                    "these tables, written earlier by `phoihop extract --engine local|spark` (--n: their documents)")
    ap.add_argument("--paths", default="spark1,spark2,ingest2,load,one",
                    help="which paths to time (load needs spark2; one = the extractor in this process, CPU s)")
    args = ap.parse_args(argv)
    chosen = set(args.paths.split(","))
    work = Path(tempfile.mkdtemp(prefix="phoihop-scale-"))
    if args.tables:
        return _tables_only(args, work)
    try:
        if args.corpus:
            docs = args.corpus
            args.n = sum(1 for _ in docs.iterdir())
        else:
            subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--n", str(args.n), "--out",
                            str(work / "gen"), "--seed", "7", "--workers", "1"], check=True, capture_output=True)
            docs = work / "gen" / "docs"
        mb = sum(f.stat().st_size for f in docs.iterdir()) / 1e6
        times: dict[str, list[float]] = {}
        rels = {}
        for i in range(args.runs):   # rounds, every path once per round: a stopped run keeps whole rounds
            for name, fn in (("spark1", lambda: spark(docs, work / f"t1-{i}", "local[1]")),
                             ("spark2", lambda: spark(docs, work / f"t2-{i}", "local[2]")),
                             ("ingest2", lambda: ingest(docs, work / f"s-{i}", 2)),
                             ("load", lambda: load_embedded(work / f"t2-{i}", work / f"l-{i}")),
                             ("one", lambda: one_core(docs))):
                if name not in chosen:
                    continue
                t, got = timed(fn)
                if name == "one":
                    t = got
                times.setdefault(name, []).append(t)
                if name == "load":
                    rels["load"] = contributed(got)
                print(name, round(t, 1), flush=True)
            if args.neo4j and "spark2" in chosen:
                for k, v in neo4j_round(work / f"t2-{i}", work).items():
                    if k == "rels":
                        rels["neo4j"] = v
                    else:
                        times.setdefault(k, []).append(v)
                        print(k, round(v, 1), flush=True)
            _write(args, mb, times, rels)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _tables_only(args, work: Path) -> int:
    """The Neo4j round alone, ``--runs`` times, on tables already written."""
    times: dict[str, list[float]] = {}
    rels = {}
    try:
        for _ in range(args.runs):
            for k, v in neo4j_round(args.tables, work).items():
                if k == "rels":
                    rels["neo4j"] = v
                else:
                    times.setdefault(k, []).append(v)
                    print(k, round(v, 1), flush=True)
            _write(args, 0.0, times, rels)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _write(args, mb: float, times: dict[str, list[float]], rels: dict[str, int]) -> None:
    """The table of medians so far, printed and written to ``--out``."""
    m = {k: statistics.median(v) for k, v in times.items()}
    n = args.n
    rows = [("Spark `local[1]` (`extract --engine spark`, JVM start included)", "spark1", lambda t: f"{n / t:.1f} documents/s"),
            ("Spark `local[2]`", "spark2", lambda t: f"{n / t:.1f} documents/s"),
            ("`ingest --workers 2` (embedded store, derivation included)", "ingest2", lambda t: f"{n / t:.1f} documents/s"),
            ("Parquet to a queryable embedded store (`load`: COPY + derivation, one transaction)", "load",
             lambda t: f"{rels.get('load', 0) / t:,.0f} relationships/s"),
            ("`neo4j-admin database import` (CSV written from the tables + import, server stopped)", "import",
             lambda t: f"{rels.get('neo4j', 0) / t:,.0f} relationships/s"),
            ("Bolt writer (`load --neo4j` without its derivation, 10,000 rows per transaction)", "bolt",
             lambda t: f"{rels.get('neo4j', 0) / t:,.0f} relationships/s"),
            ("derived relationships over Bolt (after either)", "derive", lambda t: ""),
            ("the extractor in one process, per core (`phoihop ingest`'s worker code, CPU seconds)", "one",
             lambda t: f"{n / t:.1f} documents/s, {mb / t:.2f} MB/s")]
    if TASKS:   # CPU seconds summed over the cores: a rate per core, whatever the load
        rate = statistics.median(t["files"] / t["cpu_seconds"] for t in TASKS)
        mbs = statistics.median(t["bytes"] / 1e6 / t["cpu_seconds"] for t in TASKS)
        rows.append(("extraction inside Spark's tasks, per core (CPU seconds of the Python workers, "
                     f"median of {len(TASKS)} Spark runs)", "tasks", lambda t: f"{rate:.1f} documents/s, {mbs:.2f} MB/s"))
        m["tasks"] = statistics.median(t["cpu_seconds"] for t in TASKS)
    runs = max(len(v) for v in times.values())
    what = f"documents, tables {args.tables}" if args.tables else f"the files of {args.corpus}" if args.corpus else "generated documents"
    lines = [f"{n:,} {what} ({mb:.1f} MB), median of {runs} runs, {os.cpu_count()} cores shared "
             "with other work", "", "| path | median time | rate |", "|---|---|---|"]
    lines += [f"| {label} | {m[k]:.1f} {'CPU ' if k in ('tasks', 'one') else ''}s | {rate(m[k])} |"
              for label, k, rate in rows if k in m]
    text = "\n".join(lines) + "\n"
    print(text, flush=True)
    args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
