"""The embedded store after a crash heals itself: reads work, coordination is not stale.

Real processes killed with SIGKILL at the two moments that matter: during the
checkpoint LadybugDB runs when a store is closed (its recovery is then pending,
and the engine refuses every read-only open), and between a committed batch of
documents and the derivation of coordination from them.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import ladybug
import pytest
from typer.testing import CliRunner

from phoihop.cli import app
from phoihop.graph import schema as S
from phoihop.graph.embedded_store import DB_FILE, EmbeddedStore
from phoihop.graph.loader import ingest_extractions

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()

# Writes the gold documents COPIES times over (distinct paths and contents), then says
# "written" and either derives and closes ("close": with ALARM seconds > 0 the kernel ends the
# process that long into close's checkpoint, since SIGALRM's default action is to terminate;
# with 0 it prints how long close took) or waits to be killed before deriving ("wait").
WRITER = """
import copy, signal, sys, time
from phoihop.graph.embedded_store import EmbeddedStore
from phoihop.graph.model import document_graph
from tests.conftest import GOLD, load_gold

store_dir, copies, mode, alarm = sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4])
store = EmbeddedStore(store_dir)
graphs = []
for i in range(copies):
    for p in sorted(GOLD.glob("*.json")):
        ex = copy.copy(load_gold(p.stem))
        ex.path, ex.sha256 = f"{ex.path}#{i}", f"{ex.sha256[:-8]}{i:08d}"
        graphs.append(document_graph(ex))
store.write_documents(graphs)
if mode == "close":
    store.rebuild_coordination()
print("written", flush=True)
if mode == "close":
    if alarm:
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
        signal.setitimer(signal.ITIMER_REAL, alarm)
    start = time.perf_counter()
    store.close()
    print(time.perf_counter() - start, flush=True)
time.sleep(600)
"""


def run(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "400"})


def writer(store_dir: Path, copies: int, mode: str, alarm: float = 0.0) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", WRITER, str(store_dir), str(copies), mode, str(alarm)], cwd=ROOT,
                            env=dict(os.environ, PYTHONPATH=str(ROOT)), stdout=subprocess.PIPE, text=True)


def read_only_refused(store_dir: Path) -> bool:
    """Whether LadybugDB itself refuses a read-only open (a checkpoint left to recover)."""
    try:
        ladybug.Database(str(store_dir / DB_FILE), read_only=True).close()
        return False
    except RuntimeError as e:
        assert "checkpoint recovery is pending" in str(e), e
        return True


def test_a_crash_during_a_checkpoint_does_not_break_reads(tmp_path):
    """Killed inside close()'s checkpoint, the engine refuses read-only opens; our reads complete
    the recovery and answer, with a note.

    The checkpoint lasts a few tens of milliseconds and the window in which a kill leaves its
    recovery pending is a few of them, so a kill sent from here lands there by luck. The writer
    measures its own close once, then is ended by a kernel timer at fractions of that time,
    earliest first, until one attempt lands in the window."""
    calibration = writer(tmp_path / "calibration", 8, "close")
    assert calibration.stdout.readline().strip() == "written"
    close_seconds = float(calibration.stdout.readline())
    calibration.kill()
    calibration.wait()
    fractions = [f / 20 for f in range(1, 20)]
    for attempt, fraction in enumerate(fractions):
        store_dir = tmp_path / f"store{attempt}"
        proc = writer(store_dir, 8, "close", alarm=max(close_seconds * fraction, 0.0005))
        assert proc.stdout.readline().strip() == "written"
        proc.wait(timeout=600)
        assert proc.returncode == -signal.SIGALRM, proc.returncode
        if read_only_refused(store_dir):
            break
    else:
        pytest.fail(f"no end of {len(fractions)} landed inside a {close_seconds:.3f} s checkpoint")
    result = run("stats", "--store", str(store_dir), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[S.DOCUMENT] == 8 * 5
    assert "completed the checkpoint an interrupted write left pending" in result.stderr
    assert not read_only_refused(store_dir)


@pytest.fixture
def clean_pairs(tmp_path, gold_extractions) -> list[tuple]:
    """What hubs answers on a store that holds the gold documents and was never interrupted."""
    with EmbeddedStore(tmp_path / "clean") as s:
        ingest_extractions(gold_extractions, s)
    return _pairs(tmp_path / "clean")[0]


def _pairs(store_dir: Path) -> tuple[object, object]:
    """The hubs and gaps (read from the derived relationships), and the command's result."""
    result = run("hubs", "--store", str(store_dir), "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout), result


def test_an_ingest_killed_before_deriving_is_derived_at_the_next_read(tmp_path, clean_pairs):
    """Documents committed, the process killed before coordination was derived from them:
    the next read derives it first and says so; afterwards reads are quiet."""
    store_dir = tmp_path / "store"
    proc = writer(store_dir, 1, "wait")
    assert proc.stdout.readline().strip() == "written"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    pairs, result = _pairs(store_dir)
    assert pairs == clean_pairs
    assert "stopped before deriving coordination" in result.stderr
    again, result = _pairs(store_dir)
    assert again == pairs and result.stderr == ""


def test_a_read_while_another_process_writes_warns_and_answers(tmp_path, gold_extractions):
    store_dir = tmp_path / "store"
    proc = writer(store_dir, 1, "wait")
    try:
        assert proc.stdout.readline().strip() == "written"
        result = run("stats", "--store", str(store_dir), "--json")
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)[S.DOCUMENT] == 5
        assert "is being written by another process" in result.stderr
    finally:
        proc.kill()
        proc.wait()


def test_repair_recovers_and_derives(tmp_path, clean_pairs):
    store_dir = tmp_path / "store"
    proc = writer(store_dir, 1, "wait")
    assert proc.stdout.readline().strip() == "written"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    result = run("repair", "--store", str(store_dir))
    assert result.exit_code == 0, result.output
    assert "repaired" in result.stdout
    pairs, result = _pairs(store_dir)
    assert pairs == clean_pairs and result.stderr == ""


@pytest.mark.neo4j
def test_neo4j_warns_when_the_last_ingest_did_not_derive_and_repair_mends_it(neo4j_store, gold_extractions):
    """Neo4j has no lock to tell a running ingest from a stopped one: reads warn and name the repair."""
    from phoihop.graph.model import document_graph

    ingest_extractions(gold_extractions, neo4j_store)
    clean = run("hubs", "--neo4j", "--json")
    assert clean.exit_code == 0 and clean.stderr == ""
    neo4j_store.clear()
    neo4j_store.write_documents([document_graph(ex) for ex in gold_extractions])  # stopped before deriving
    stale = run("hubs", "--neo4j", "--json")
    assert stale.exit_code == 0 and "'phoihop repair --neo4j' rebuilds them" in stale.stderr
    assert json.loads(stale.stdout) != json.loads(clean.stdout)
    repaired = run("repair", "--neo4j")
    assert repaired.exit_code == 0 and "derived relationships rebuilt" in repaired.stdout
    after = run("hubs", "--neo4j", "--json")
    assert json.loads(after.stdout) == json.loads(clean.stdout) and after.stderr == ""


def test_the_next_ingest_after_a_crash_derives_everything(tmp_path, clean_pairs, gold_extractions):
    """An ingest that follows an interrupted one (however it updates the derived relationships)
    starts by deriving what the interrupted one left."""
    store_dir = tmp_path / "store"
    proc = writer(store_dir, 1, "wait")
    assert proc.stdout.readline().strip() == "written"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with EmbeddedStore(store_dir) as s:
        assert any("stopped before deriving coordination" in n for n in s.notes)
        assert not s._derivation_pending()
    pairs, result = _pairs(store_dir)
    assert pairs == clean_pairs and result.stderr == ""
