"""The place index kept in the user's cache: read back equal, rebuilt when unreadable, never half-written."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from phoihop.ingest import places
from phoihop.ingest.user_cache import ENV_CACHE_DIR

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_CACHE_DIR, str(tmp_path))
    places._index.cache_clear()
    yield tmp_path
    places._index.cache_clear()


def rows(index: dict) -> dict:
    """An index as tuples: the cache gives JSON lists, the database ``Place`` tuples."""
    return {k: [tuple(p) for p in v] for k, v in index.items()}


def test_the_index_is_kept_and_read_back_equal(cache):
    built = places._index()
    files = list(cache.glob("places-*.json"))
    assert len(files) == 1 and not list(cache.glob(".*.tmp"))
    places._index.cache_clear()
    places.lookup.cache_clear()
    assert rows(places._index()) == rows(built) == places._build_index()
    found = places.lookup("Cà Mau", "province")
    assert found and all(type(p) is places.Place for p in found)     # a Place, read from the cache
    assert found[0].word == "tỉnh" and found[0].level == "province"


def test_another_process_reads_the_same_file(cache):
    places._index()
    (kept,) = cache.glob("places-*.json")
    before = kept.stat().st_mtime_ns
    code = ("from phoihop.ingest import places; "
            "print(places.lookup('Quảng Ninh', 'province')[0].name, len(places._index()))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                         env={**__import__("os").environ, "PYTHONPATH": str(ROOT)}).stdout.split()
    assert out == ["Quảng", "Ninh", str(len(places._index()))]
    assert kept.stat().st_mtime_ns == before          # read, not written again


def test_an_unreadable_cache_is_rebuilt(cache):
    places._index()
    (kept,) = cache.glob("places-*.json")
    kept.write_text('{"ha noi": [["Hà', encoding="utf-8")     # cut short
    places._index.cache_clear()
    assert rows(places._index()) == places._build_index()
    assert json.loads(kept.read_text(encoding="utf-8"))       # written whole again


def test_an_empty_cache_dir_keeps_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_CACHE_DIR, "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    places._index.cache_clear()
    try:
        assert places.lookup("Hà Nội", "province")
        assert not list(tmp_path.rglob("places-*"))
    finally:
        places._index.cache_clear()
