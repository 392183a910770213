"""Benchmark one-document updates of a large store: ingest one new document, remove one.

    python bench/update.py --size 10000 [--neo4j] [--runs 5] [--out bench/results-update.md]
    python bench/update.py --size 100000 --neo4j --no-embedded --from-tables DIR
    python bench/update.py --size 30000 --corpus WORK/corpus-100005-s1/docs --from-tables DIR --neo4j --no-embedded

Builds a store from a generated corpus (``bench/generate.py``, reused from
``bench/run.py``'s work directory) without its last ``--runs`` documents, then for
each held-out document times, end to end with the project's library:

- ingest: ``graph.loader.ingest_paths([file], store)``, what ``phoihop ingest FILE``
  runs once the store is open: extraction, the write transaction, and the update of
  the derived relationships (only the agency pairs the document touches);
- remove: ``store.remove_document(path)``, what ``phoihop remove PATH`` runs: the
  document's contribution taken out and its pairs recomputed, in one transaction.

Medians (and the largest run) go to ``--out`` as a Markdown table; the full rebuild
of the derived relationships that the update replaces is timed once for comparison.

With ``--from-tables DIR`` the store is built the fast way (issue 18) from the Parquet tables
that ``phoihop extract --engine local|spark`` wrote for the same first ``--size`` documents:
``phoihop load DIR`` for the embedded store, and for Neo4j what ``phoihop load DIR
--neo4j-import`` does (``neo4j-admin database import full`` into the throwaway instance,
then the derivation over Bolt). How long the build took is printed on stderr.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for p in (str(ROOT), str(ROOT / "bench")):
    if p not in sys.path:
        sys.path.insert(0, p)

import run as R  # noqa: E402  (bench/run.py: corpus, Neo4j server, machine line)


def measure(store, held: list[str], rebuild: bool = True) -> dict[str, list[float]]:
    """Seconds to ingest each held-out document, then to remove it again (and, with
    ``rebuild``, to rebuild every derived relationship once)."""
    from phoihop.graph.loader import ingest_paths

    out: dict[str, list[float]] = {"ingest": [], "remove": [], "rebuild": []}
    for path in held:
        t0 = time.perf_counter()
        summary = ingest_paths([path], store)
        out["ingest"].append(time.perf_counter() - t0)
        assert summary.documents == 1 and not summary.errors, summary.errors
        t0 = time.perf_counter()
        assert store.remove_document(path)
        out["remove"].append(time.perf_counter() - t0)
    if rebuild:
        t0 = time.perf_counter()
        store.rebuild_coordination()
        out["rebuild"].append(time.perf_counter() - t0)
    return out


def _stored_documents(counts: dict[str, int], paths: list[str], tables: Path) -> None:
    """A store loaded from ``tables`` must hold the documents the benchmark holds out of it."""
    from phoihop.graph import schema as S
    if counts[S.DOCUMENT] != len(paths):
        raise SystemExit(f"{tables}: {counts[S.DOCUMENT]:,} documents, not the first {len(paths):,} of the corpus")


def embedded(paths: list[str], held: list[str], work: Path, workers: int, reuse: bool = False,
             rebuild: bool = True, tables: Path | None = None) -> dict[str, list[float]]:
    from phoihop.graph.embedded_store import EmbeddedStore
    from phoihop.graph.loader import ingest_paths

    d = work / f"update-embedded-{len(paths)}"
    if not reuse:
        shutil.rmtree(d, ignore_errors=True)
    with EmbeddedStore(d) as store:
        t0 = time.perf_counter()
        if reuse:   # a store built by an earlier run: the held-out documents out (if an earlier run left them)
            for path in held:
                store.remove_document(path)
        elif tables:
            _stored_documents(store.load_tables(tables), paths, tables)
        else:
            ingest_paths(paths, store, workers=workers)
        print(f"[update] embedded store of {store.counts()['Document']:,} documents in {time.perf_counter() - t0:.0f} s",
              file=sys.stderr, flush=True)
        res = measure(store, held, rebuild)
    return res


def neo4j_import(srv, instance: Path, tables: Path) -> dict[str, int]:
    """What ``phoihop load TABLES --neo4j-import`` does, on the throwaway instance: the
    importer's CSV files, ``neo4j-admin database import full`` (server stopped), the server
    again and the rest over Bolt (empty lists, schema, derivation); each step timed on stderr."""
    from phoihop.graph import neo4j_import as NI
    from phoihop.graph.neo4j_store import Neo4jStore

    with tempfile.TemporaryDirectory(prefix="phoihop-import-", dir=instance.parent) as tmp:
        t0 = time.perf_counter()
        files = NI.import_files(tables, tmp)
        t1 = time.perf_counter()
        srv.stop(instance=str(instance))
        report = srv.import_full(files.arguments(), instance=str(instance))
        t2 = time.perf_counter()
    server = srv.start(instance=str(instance))
    with server.environment(), Neo4jStore.from_env() as store:
        t3 = time.perf_counter()
        NI.finish(store, files)
        t4 = time.perf_counter()
        counts = store.counts()
    print(f"[update] neo4j-admin import: CSV {t1 - t0:.0f} s, import {t2 - t1:.0f} s "
          f"({' | '.join(line.strip() for line in report.splitlines() if line.strip())}); server start {t3 - t2:.0f} s, "
          f"finish over Bolt (schema, derivation) {t4 - t3:.0f} s", file=sys.stderr, flush=True)
    return counts


def neo4j(paths: list[str], held: list[str], work: Path, workers: int, rebuild: bool = True,
          tables: Path | None = None) -> dict[str, list[float]]:
    from phoihop.graph.loader import ingest_paths
    from phoihop.graph.neo4j_store import Neo4jStore

    srv = R._load_neo4j_server()
    instance = work / f"update-neo4j-{len(paths)}"
    shutil.rmtree(instance, ignore_errors=True)
    server = srv.start(instance=str(instance))
    try:
        t0 = time.perf_counter()
        if tables:
            _stored_documents(neo4j_import(srv, instance, tables), paths, tables)
            server = srv.status(instance=str(instance))
        with server.environment(), Neo4jStore.from_env() as store:
            if not tables:
                ingest_paths(paths, store, workers=workers)
            print(f"[update] Neo4j store of {len(paths):,} documents in {time.perf_counter() - t0:.0f} s",
                  file=sys.stderr, flush=True)
            return measure(store, held, rebuild)
    finally:
        srv.stop(instance=str(instance))
        shutil.rmtree(instance, ignore_errors=True)


def row(n: int, store: str, r: dict[str, list[float]]) -> str:
    def cell(xs: list[float]) -> str:
        return f"{statistics.median(xs):.2f} / {max(xs):.2f}"
    rebuilt = f"{r['rebuild'][0]:.1f}" if r["rebuild"] else "not timed"
    return f"| {n:,} | {store} | {cell(r['ingest'])} | {cell(r['remove'])} | {len(r['ingest'])} | {rebuilt} |"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=int, default=10_000, help="documents in the store")
    ap.add_argument("--runs", type=int, default=5, help="held-out documents ingested and removed one by one")
    ap.add_argument("--neo4j", action="store_true", help="also on a throwaway Neo4j instance")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results-update.md")
    ap.add_argument("--reuse", action="store_true", help="reuse the embedded store an earlier run built")
    ap.add_argument("--no-rebuild", dest="rebuild", action="store_false",
                    help="do not time the full rebuild of the derived relationships (minutes at 100,000)")
    ap.add_argument("--no-embedded", dest="embedded", action="store_false", help="Neo4j only (with --neo4j)")
    ap.add_argument("--from-tables", type=Path, metavar="DIR",
                    help="build the stores from these Parquet tables of the first --size documents "
                         "(phoihop load; Neo4j: neo4j-admin import) instead of ingesting them")
    ap.add_argument("--corpus", type=Path, metavar="DOCS",
                    help="documents of a larger generated corpus (e.g. corpus-100005-s1/docs): the store holds "
                         "its first --size, the last --runs are held out")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "phoihop-bench")
    args = ap.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    if args.corpus:   # a larger generated corpus: its first --size documents, its last --runs held out
        files = sorted(str(p) for p in args.corpus.glob("*.txt"))
        paths, held = files[:args.size], files[-args.runs:]
    else:
        cdir, _ = R.corpus(args.work, args.size + args.runs, args.seed, args.workers)
        files = sorted(str(p) for p in (cdir / "docs").glob("*.txt"))
        paths, held = files[:args.size], files[args.size:]
    rows = [row(args.size, "embedded", embedded(paths, held, args.work, args.workers, args.reuse, args.rebuild,
                                                args.from_tables))] if args.embedded else []
    if args.neo4j:
        rows.append(row(args.size, "neo4j", neo4j(paths, held, args.work, args.workers, args.rebuild,
                                                  args.from_tables)))
    text = "\n".join([
        R.machine(), "",
        "One-document updates of a store, end to end (library calls of `phoihop ingest FILE` and `phoihop remove PATH`",
        "on an open store), seconds median / max; the full rebuild of the derived relationships that they avoid, once:",
        "",
        "| documents in store | store | ingest one | remove one | runs | full rebuild s |",
        "|---:|---|---:|---:|---:|---:|",
        *rows, ""])
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
