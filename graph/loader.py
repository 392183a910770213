"""Files to store: extract each document, write its graph, then update the derived relationships once.

A bad file is reported as one line and skipped; the good ones are still
written. Extraction (and building each document's graph) may run in worker
processes, but every write happens in this process, ``BATCH`` documents per
transaction (the store's bulk path): the writer is the one serial stage, so
it does nothing else.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from phoihop.ingest.readers import DEFAULT_LIMITS, Limits
from phoihop.ingest.records import Extraction, InputError
from phoihop.ingest.textnorm import counted
from phoihop.ingest.timelimit import TooSlow, time_limit, too_slow_reason  # noqa: F401 (their home before)
from . import schema as S
from .model import DocumentGraph, canonical_path, document_graph
from .store import Store, StoreError, StoreUnavailable

# Documents per store transaction: large enough that per-query cost vanishes, small
# enough that a failed batch is cheap to redo one by one.
BATCH = 200
# Files per task sent to an extraction worker. Extractions in flight: two batches, so
# that workers keep extracting while the writer stores a batch, and memory stays bounded.
CHUNK = 8
IN_FLIGHT = 2 * BATCH

Progress = Callable[[int, int, str], None]  # (done, total, path just handled)


@dataclass
class IngestSummary:
    """What one run wrote: documents, and the distinct directives, agencies and obligations in them."""

    documents: int = 0
    directives: int = 0
    agencies: int = 0
    obligations: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)   # stored, but read with losses (one line each)

    def line(self) -> str:
        return ", ".join(counted(n, word) for n, word in (
            (self.documents, "document"), (self.directives, "directive"), (self.agencies, "agency"),
            (self.obligations, "obligation"), (len(self.errors), "error")))


def expand_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[str]]:
    """Files named, and the non-hidden files under directories named (sorted); and one line for
    each path that gives nothing: missing, not a regular file, an empty or unreadable directory."""
    files: list[Path] = []
    errors: list[str] = []
    for p in map(Path, paths):
        if p.is_dir():
            before = len(errors)
            found = _walk(p, errors)
            if not found and len(errors) == before:
                errors.append(f"{p}: empty directory (no files to ingest)")
            files.extend(found)
        elif p.is_file():
            files.append(p)
        elif p.exists():
            errors.append(f"{p}: not a regular file, not read")
        elif p.is_symlink():
            errors.append(f"{p}: broken symbolic link")
        else:
            errors.append(f"{p}: no such file or directory")
    return files, errors


def _walk(top: Path, errors: list[str]) -> list[Path]:
    """The non-hidden regular files under ``top`` (sorted). A subdirectory that cannot be read
    and a special file (FIFO, device, socket) are reported, never skipped silently; symbolic
    links to directories are not followed (no loops)."""
    def unreadable(e: OSError) -> None:
        errors.append(f"{e.filename}: cannot read directory ({e.strerror or e}); its files are not ingested")

    found: list[Path] = []
    for root, dirs, names in os.walk(top, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            f = Path(root, name)
            if name.startswith("."):
                continue
            if f.is_file():
                found.append(f)
            elif not f.is_symlink() or f.exists():
                errors.append(f"{f}: not a regular file, not read")
    return sorted(found)


def _extract(path: str, limits: Limits = DEFAULT_LIMITS) -> tuple[str, DocumentGraph | None, str | None]:
    """Run in a worker: the document's graph, or the one-line reason it failed. A document that
    takes longer than ``limits.max_seconds`` is that file's error, so one slow document never
    holds back the storing of the others."""
    from phoihop.ingest.pipeline import extract_path

    try:
        with time_limit(limits.max_seconds):
            return path, document_graph(extract_path(path, limits), canonical_path(path)), None
    except TooSlow:
        return path, None, too_slow_reason(path, limits)
    except InputError as e:
        return path, None, str(e)
    except Exception as e:  # an extractor bug on one file must not stop the others
        return path, None, f"{path}: extraction failed ({type(e).__name__}: {e})"


def _extract_chunk(paths: list[str], limits: Limits = DEFAULT_LIMITS) -> list[tuple[str, DocumentGraph | None, str | None]]:
    return [_extract(p, limits) for p in paths]


def _extractions(files: list[Path], workers: int,
                 limits: Limits = DEFAULT_LIMITS) -> Iterator[tuple[str, DocumentGraph | None, str | None]]:
    """Documents' graphs (or why there is none) in file order. With workers, at most
    ``IN_FLIGHT`` files are extracted ahead of the writer, so that memory follows the batch
    size, not the corpus, when writing is slower than extracting."""
    names = [str(f) for f in files]
    if workers > 1 and len(names) > 1:
        chunks = [names[i:i + CHUNK] for i in range(0, len(names), CHUNK)]
        done = 0
        try:
            # spawn, not fork: the parent holds an open database with its own threads.
            with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
                ahead = max(2 * workers, IN_FLIGHT // CHUNK)
                waiting = deque(pool.submit(_extract_chunk, c, limits) for c in chunks[:ahead])
                following = iter(chunks[ahead:])
                while waiting:
                    results = waiting.popleft().result()
                    more = next(following, None)
                    if more is not None:
                        waiting.append(pool.submit(_extract_chunk, more, limits))
                    for result in results:
                        done += 1
                        yield result
        except BrokenProcessPool as e:
            for name in names[done:]:
                yield name, None, f"{name}: not ingested (an extraction worker process died: {e})"
    else:
        yield from (_extract(name, limits) for name in names)


class _Tally:
    """Collects documents into batches for the store's bulk path and counts what was stored."""

    def __init__(self, store: Store, batch: int = BATCH) -> None:
        self.store = store
        self.batch = batch
        self.pending: list[DocumentGraph] = []
        self.summary = IngestSummary()
        self.directives: set[str] = set()
        self.agencies: set[str] = set()

    def add(self, g: DocumentGraph) -> None:
        self.pending.append(g)
        if len(self.pending) >= self.batch:
            self.flush()

    def flush(self) -> None:
        graphs, self.pending = self.pending, []
        failed = {id(g) for g in _store(self.store, graphs, self.summary.errors)}
        for g in graphs:
            if id(g) in failed:
                continue
            self.summary.documents += 1
            for n in g.nodes:
                if n.label == S.DIRECTIVE:
                    self.directives.add(n.id)
                elif n.label == S.AGENCY:
                    self.agencies.add(n.id)
                elif n.label == S.OBLIGATION:
                    self.summary.obligations += 1

    def finish(self) -> IngestSummary:
        self.flush()
        self.store.update_derived()
        mark = getattr(self.store, "mark_derived", None)
        if mark:  # the derived relationships are current: a read need not rebuild them
            mark()
        self.summary.directives = len(self.directives)
        self.summary.agencies = len(self.agencies)
        return self.summary


def _store(store: Store, graphs: list[DocumentGraph], errors: list[str]) -> list[DocumentGraph]:
    """Write ``graphs`` (one transaction when the store has a bulk path); returns those not stored.

    When the batch fails, its documents are written one by one so that a bad
    document costs only itself and gets its own error line.
    """
    if not graphs:
        return []
    bulk = getattr(store, "write_documents", None)
    if bulk is not None:
        try:
            bulk(graphs, batch=len(graphs))
            return []
        except StoreUnavailable:
            raise  # no document can be written now: one by one would only fail slower
        except StoreError:
            pass
    failed = []
    for g in graphs:
        try:
            store.write_document(g)
        except StoreUnavailable:
            raise
        except StoreError as e:
            errors.append(f"{g.path}: not stored ({e})")
            failed.append(g)
    return failed


def ingest_extractions(extractions: Iterable[Extraction], store: Store) -> IngestSummary:
    """Write already extracted documents (e.g. the gold records) and derive coordination."""
    extractions = list(extractions)
    tally = _Tally(store)
    with _reporting_loss(tally, len(extractions)):
        for ex in extractions:
            tally.add(document_graph(ex))
        return tally.finish()


def ingest_paths(paths: Iterable[str | Path], store: Store, on_progress: Progress | None = None,
                 workers: int = 1, limits: Limits = DEFAULT_LIMITS) -> IngestSummary:
    """Extract and store every file under ``paths``; errors are collected, not raised.

    A store that goes away mid-way (``StoreUnavailable``) stops the ingest at once:
    its error says how many documents were stored and how many not. ``limits``: what one
    file may hold (size, zip expansion, PDF pages) before it is refused."""
    files, errors = expand_paths(paths)
    tally = _Tally(store)
    tally.summary.errors.extend(errors)
    with _reporting_loss(tally, len(files)):
        for done, (path, graph, error) in enumerate(_extractions(files, workers, limits), 1):
            if error:
                tally.summary.errors.append(error)
            else:
                tally.summary.warnings.extend(graph.warnings)
                tally.add(graph)
            if on_progress:
                on_progress(done, len(files), path)
        return tally.finish()


@contextmanager
def _reporting_loss(tally: _Tally, total: int) -> Iterator[None]:
    """A lost store becomes one line: what was stored before it went, and what to do."""
    try:
        yield
    except StoreUnavailable as e:
        stored = tally.summary.documents
        raise StoreUnavailable(f"{e.where or 'the store'}: connection lost during ingest; {stored} documents "
                               f"stored, {total - stored} not (run the same command again)", e.where) from None
