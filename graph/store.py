"""What every store offers, and how the CLI chooses one.

The embedded store (LadybugDB, one directory, no server) is the default;
Neo4j is chosen with ``--neo4j`` and configured only from the environment
(PHOIHOP_NEO4J_URI, PHOIHOP_NEO4J_USER, PHOIHOP_NEO4J_PASSWORD).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Protocol

from .model import DocumentGraph

if TYPE_CHECKING:   # networkx is imported where a graph is built: most commands never need it
    import networkx as nx

DEFAULT_STORE_DIR = "./phoihop-data"


class StoreError(Exception):
    """A store that cannot be opened, reached or written. ``str()`` is one line."""


class StoreUnavailable(StoreError):
    """The store went away in the middle of the work (a server stopped, a connection lost).

    ``where`` names the store ("Neo4j at bolt://…") so that a caller can say what was
    done before it went."""

    def __init__(self, message: str, where: str = "") -> None:
        super().__init__(message)
        self.where = where


class QueryRefused(StoreError):
    """An ad-hoc query that would write, or administer the server: refused, never run."""


class Store(Protocol):
    name: str  # "embedded" | "neo4j"

    def write_document(self, g: DocumentGraph) -> None:
        """Add one document in one transaction, replacing what an earlier version of the
        same path (or the same content) contributed. All or nothing."""

    def remove_document(self, path: str) -> bool:
        """Remove what the document with this path (or Document id) contributed and update
        the derived relationships of the pairs it touched; False if it was not there."""

    def rebuild_coordination(self) -> None:
        """Derive COORDINATES_WITH, CO_ASSIGNED and COORDINATES_ON again from every LEADS/SUPPORTS
        (``graph.derive``)."""

    def update_derived(self) -> None:
        """After writes: recompute the derived relationships of the agency pairs whose shared
        obligations changed (everything after a bulk load)."""

    def query(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run read-only Cypher with parameters; a write query raises StoreError."""

    def counts(self) -> dict[str, int]:
        """Number of nodes per label and relationships per type (all labels/types, zeros too)."""

    def to_networkx(self) -> nx.MultiDiGraph:
        """The whole graph in the in-memory model of ``graph.model.to_networkx``."""

    def close(self) -> None: ...


def store_dir(explicit: str | None = None) -> Path:
    return Path(explicit or os.environ.get("PHOIHOP_STORE") or DEFAULT_STORE_DIR)


def open_store(store: str | None = None, neo4j: bool = False, create: bool = False, read_only: bool = False) -> Store:
    """The Neo4j store when ``neo4j``, else the embedded store in ``store`` (or $PHOIHOP_STORE)."""
    if neo4j:
        from .neo4j_store import Neo4jStore
        store = Neo4jStore.from_env()
        note = store.stale_note() if read_only else None
        if note:
            store.notes.append(note)
        return store
    from .embedded_store import EmbeddedStore
    path = store_dir(store)
    if not create and not path.exists():
        raise StoreError(f"{path}: no store here yet (run 'phoihop ingest PATH' first, or pass --store DIR)")
    return EmbeddedStore(path, read_only=read_only)


def batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """``items`` in lists of at most ``size`` (itertools.batched of Python 3.12, as lists)."""
    part: list[Any] = []
    for x in items:
        part.append(x)
        if len(part) >= size:
            yield part
            part = []
    if part:
        yield part
