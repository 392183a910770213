"""What real archives contain: odd names, a Neo4j that is down, ingests that are killed."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from phoihop.cli import app
from phoihop.graph import schema as S
from phoihop.graph.embedded_store import EmbeddedStore
from phoihop.graph.loader import ingest_paths
from phoihop.ingest.pipeline import extract_path

ROOT = Path(__file__).resolve().parent.parent

# Text that would break a query built by pasting strings: quotes, a backslash, Cypher syntax.
HOSTILE = "Công ty TNHH Ánh'Sao"
INJECTION = "\"Việt\" \\ }) MATCH (n) DETACH DELETE n //"

DOC = f"""ỦY BAN NHÂN DÂN
TỈNH QUẢNG NAM

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 77/UBND-KTN

Quảng Nam, ngày 02 tháng 4 năm 2025

V/v kiểm tra an toàn thực phẩm

Yêu cầu {HOSTILE} phối hợp với Sở Y tế kiểm tra an toàn thực phẩm tại các chợ {INJECTION}.

Nơi nhận:
- Như trên;
- Lưu: VT.
"""


def write_hostile(dirpath: Path) -> Path:
    p = dirpath / "it's \"odd\" \\ name; MATCH (n) DELETE n.txt"
    p.write_text(DOC, encoding="utf-8")
    return p


def test_hostile_file_and_agency_names_are_stored_as_data(tmp_path):
    path = write_hostile(tmp_path)
    ex = extract_path(path)
    names = [a.agency for o in ex.obligations for a in o.assignees]
    hostile = next(n for n in names if "Ánh'Sao" in n)
    store = EmbeddedStore(tmp_path / "store")
    try:
        summary = ingest_paths([path], store)
        assert summary.errors == []
        rows = store.query(f"MATCH (a:{S.AGENCY}) WHERE a.name = $n RETURN a.name AS name", {"n": hostile})
        assert rows == [{"name": hostile}]
        docs = store.query(f"MATCH (d:{S.DOCUMENT}) RETURN d.path AS path")
        assert docs == [{"path": str(path)}]
        assert store.counts()[S.OBLIGATION] == len(ex.obligations)
        quotes = store.query(f"MATCH (:{S.OBLIGATION})-[e:{S.EVIDENCED_BY}]->() RETURN e.quote AS q")
        assert [r["q"] for r in quotes] == [o.text for o in ex.obligations]
        assert INJECTION in quotes[0]["q"]
    finally:
        store.close()


@pytest.mark.neo4j
def test_hostile_names_in_neo4j(tmp_path, neo4j_store):
    path = write_hostile(tmp_path)
    ingest_paths([path], neo4j_store)
    rows = neo4j_store.query(f"MATCH (a:{S.AGENCY}) WHERE a.name CONTAINS $part RETURN a.name AS name",
                             {"part": "Ánh'Sao"})
    assert len(rows) == 1 and rows[0]["name"].endswith("Ánh'Sao")
    quotes = neo4j_store.query(f"MATCH ()-[e:{S.EVIDENCED_BY}]->() RETURN e.quote AS q")
    assert INJECTION in quotes[0]["q"]
    assert neo4j_store.counts()[S.DOCUMENT] == 1


def test_neo4j_down_is_one_line_and_loses_nothing(tmp_path, shared_dir, monkeypatch):
    """A refused connection: a clear error and exit 1; the embedded store is untouched."""
    monkeypatch.setenv("PHOIHOP_NEO4J_URI", "bolt://127.0.0.1:9")     # nothing listens on port 9
    monkeypatch.setenv("PHOIHOP_NEO4J_USER", "neo4j")
    monkeypatch.setenv("PHOIHOP_NEO4J_PASSWORD", "wrong")
    seed = sorted((shared_dir / "corpus" / "seeds").glob("*.txt"))[0]
    result = CliRunner().invoke(app, ["ingest", str(seed), "--neo4j"])
    assert result.exit_code == 1
    message = (result.stderr if hasattr(result, "stderr") else result.output).strip()
    assert "Neo4j" in message and len(message.splitlines()) == 1
    assert "Traceback" not in result.output


@pytest.mark.neo4j
def test_wrong_password_is_one_line(neo4j_server, shared_dir, monkeypatch):
    monkeypatch.setenv("PHOIHOP_NEO4J_PASSWORD", "not-the-password")
    result = CliRunner().invoke(app, ["stats", "--neo4j"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.neo4j
def test_ingest_killed_midway_leaves_neo4j_with_whole_documents(tmp_path, neo4j_store, shared_dir):
    """SIGKILL during a long ingest: every document in Neo4j has all of its obligations."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seeds = sorted((shared_dir / "corpus" / "seeds").glob("*.txt"))
    for i in range(40):                       # the same texts made distinct, so each is a new document
        src = seeds[i % len(seeds)]
        (corpus / f"{i:03d}_{src.name}").write_text(src.read_text(encoding="utf-8") + f"\n\n{i}\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", "from cli import main; main()", "ingest", str(corpus), "--neo4j"],
                            cwd=ROOT, env=dict(os.environ), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and neo4j_store.counts()[S.DOCUMENT] < 3:
        time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    stored = neo4j_store.query(
        f"MATCH (d:{S.DOCUMENT}) OPTIONAL MATCH (o:{S.OBLIGATION})-[:{S.EVIDENCED_BY}]->(d) "
        "RETURN d.path AS path, count(o) AS n")
    assert stored, "the ingest was killed before it wrote anything"
    for row in stored:
        expected = extract_path(row["path"])
        assert row["n"] == len({o.span for o in expected.obligations if any(not a.generic for a in o.assignees)}), row
