"""Neo4j stopped in the middle of an ingest: one line, exit 1, after seconds, and nothing lost.

A throwaway server of its own (scripts/neo4j_server.py, a fresh instance
directory) so that stopping it leaves the session's server to the other tests.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from phoihop.graph import schema as S
from phoihop.graph.loader import BATCH

pytestmark = pytest.mark.neo4j

ROOT = Path(__file__).resolve().parent.parent
DOC = """ỦY BAN NHÂN DÂN
TỈNH LAI CHÂU

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: {n}/UBND-NC

Lai Châu, ngày 10 tháng 4 năm 2024

V/v tuần tra biên giới đợt {n}

Giao Bộ Chỉ huy Bộ đội Biên phòng tỉnh chủ trì, phối hợp với Công an tỉnh tuần tra tuyến biên giới đợt {n}.

Nơi nhận:
- Như trên;
- Lưu: VT.
"""
LINE = re.compile(r"^error: Neo4j at (bolt://\S+): connection lost during ingest; (\d+) documents stored, "
                  r"(\d+) not \(run the same command again\)$")


def _documents(server) -> int:
    from phoihop.graph.neo4j_store import Neo4jStore

    with Neo4jStore(server.uri, server.user, server.password) as store:
        return store.counts()[S.DOCUMENT]


def test_neo4j_stopped_mid_ingest_is_one_line_and_exit_1(tmp_path):
    from phoihop.commands.neo4j import server_module

    srv = server_module()
    instance = tmp_path / "neo4j"
    server = srv.start(instance)
    try:
        corpus = tmp_path / "corpus"
        corpus.mkdir()
        total = 3 * BATCH
        for n in range(1, total + 1):
            (corpus / f"{n:04d}.txt").write_text(DOC.format(n=n), encoding="utf-8")
        env = dict(os.environ, **server.env(), PYTHONPATH=str(ROOT))
        proc = subprocess.Popen([sys.executable, "cli.py", "ingest", str(corpus), "--neo4j"], cwd=ROOT, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and proc.poll() is None and _documents(server) < BATCH:
            time.sleep(0.2)
        assert proc.poll() is None, "the ingest ended before the server could be stopped"
        srv.stop(instance)
        stopped = time.monotonic()
        out, err = proc.communicate(timeout=120)
        took = time.monotonic() - stopped
    finally:
        srv.stop(instance)
    assert proc.returncode == 1, (out, err)
    assert err.count("\n") == 1 and LINE.match(err.strip()), err
    uri, stored, missing = LINE.match(err.strip()).groups()
    assert uri == server.uri and int(stored) >= BATCH and int(stored) + int(missing) == total
    assert took < 60, f"{took:.0f} s after the server stopped"
    # nothing lost: the documents it says were stored are there, whole
    server = srv.start(instance)
    try:
        assert _documents(server) == int(stored)
    finally:
        srv.stop(instance)
