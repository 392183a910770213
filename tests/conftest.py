"""Shared fixtures: where shared/ is, and the seeds as extraction records.

``gold_extractions`` turns the hand-checked gold files into records (spans
located in the seed texts), so graph, query and export tests have exact,
known input; ``seed_extractions`` runs the real extractor on the seeds.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PHOIHOP_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "gold"


def load_gold(stem: str):
    from phoihop.ingest.records import Extraction

    src = SEEDS / f"{stem}.txt"
    text = src.read_text(encoding="utf-8")
    ex = Extraction.from_json(json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8")),
                              text=text, path=str(src))
    ex.sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return ex


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return SHARED


@pytest.fixture(scope="session")
def gold_extractions():
    return [load_gold(p.stem) for p in sorted(GOLD.glob("*.json"))]


@pytest.fixture(scope="session")
def seed_extractions():
    from phoihop.ingest.pipeline import extract_path

    return [extract_path(p) for p in sorted(SEEDS.glob("*.txt"))]


# --- Neo4j: one real server per test session (scripts/neo4j_server.py) -------------------

@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory):
    """A real Neo4j Community in a throwaway instance directory; PHOIHOP_NEO4J_* point at it.

    The first run on a fresh machine fetches Neo4j from Maven Central. A server
    that cannot start fails the tests (in CI and locally alike): never skipped.
    """
    import sys

    from phoihop.commands.neo4j import server_module

    srv = server_module()
    instance = tmp_path_factory.mktemp("neo4j")
    try:
        server = srv.start(instance, log=lambda m: print(m, file=sys.stderr))
    except srv.ServerError as e:
        where = "in CI" if os.environ.get("CI") else "locally (needs mvn and Java 17/21)"
        pytest.fail(f"Neo4j could not start {where}: {e}", pytrace=False)
    try:
        with server.environment():
            yield server
    finally:
        srv.stop(instance)


@pytest.fixture
def neo4j_store(neo4j_server):
    """A ``Neo4jStore`` on the session's server, emptied first."""
    from phoihop.graph.neo4j_store import Neo4jStore

    store = Neo4jStore.from_env()
    store.clear()
    yield store
    store.close()


# --- issue 18: one corpus for the Parquet tables, ``phoihop load`` and Spark ------------------

@pytest.fixture(scope="session")
def corpus(tmp_path_factory, shared_dir) -> list[str]:
    """The seeds, 200 generated documents (bench/generate.py) and one corrupt DOCX."""
    import shutil
    import subprocess
    import sys

    top = tmp_path_factory.mktemp("corpus")
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--n", "200", "--out", str(top / "gen"),
                    "--seed", "3", "--workers", "1"], check=True, capture_output=True)
    shutil.copytree(shared_dir / "corpus" / "seeds", top / "mixed")
    (top / "mixed" / "broken.docx").write_bytes(b"PK\x03\x04 not a zip archive at all")
    return [str(top / "mixed"), str(top / "gen" / "docs")]


@pytest.fixture(scope="session")
def ingested(corpus, tmp_path_factory):
    """What ``phoihop ingest`` stores for the corpus: (counts, snapshot, answers)."""
    from phoihop.graph.embedded_store import EmbeddedStore
    from phoihop.graph.loader import ingest_paths
    from test_embedded_store import snapshot

    with EmbeddedStore(tmp_path_factory.mktemp("ingested") / "store") as s:
        summary = ingest_paths(corpus, s)
        assert summary.documents == 205 and len(summary.errors) == 1
        return s.counts(), snapshot(s), answers(s)


@pytest.fixture(scope="session")
def local_tables(corpus, tmp_path_factory) -> Path:
    """The tables ``phoihop extract --engine local`` writes for the corpus."""
    from phoihop.graph import tables as T

    out = tmp_path_factory.mktemp("tables")
    T.extract_tables(corpus, out)
    return out


def assert_loads_like_ingest(tables, ingested, directory) -> dict:
    """``tables`` loaded into a new embedded store at ``directory`` give the graph ``phoihop ingest``
    stored (counts, snapshot, answers of the named questions); returns the counts."""
    from phoihop.graph.embedded_store import EmbeddedStore
    from test_embedded_store import snapshot

    counts, snap, expected = ingested
    with EmbeddedStore(directory) as s:
        assert s.load_tables(tables) == counts
        assert snapshot(s) == snap
        assert answers(s) == expected
    return counts


def answers(store) -> dict:
    """The named questions' answers: coordination (both kinds), hubs, and the duties of the
    agencies in the most coordinating pairs."""
    from phoihop.queries import run as Q
    from phoihop.queries.analysis import hubs

    pairs = Q.coordination(store, co_assigned=True)
    busiest = sorted({p[f"{side}_id"] for p in pairs[:5] for side in ("a", "b")})
    out = {"coordination": pairs, "hubs": hubs(store), "duties": {a: Q.duties(store, a) for a in busiest}}
    assert pairs and busiest and all(out["duties"].values())  # the corpus asks something of them
    return json.loads(json.dumps(out, sort_keys=True, default=str))
