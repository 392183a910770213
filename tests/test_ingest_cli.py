"""``phoihop ingest``, ``stats`` and ``cypher`` as a user runs them (typer's CliRunner)."""
from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from phoihop.cli import app
from phoihop.commands.store import parse_param
from phoihop.graph import schema as S
from phoihop.graph.embedded_store import EmbeddedStore
from phoihop.graph.loader import ingest_extractions, ingest_paths

runner = CliRunner()


@pytest.fixture
def gold_dir(tmp_path, gold_extractions):
    """A store holding the five gold documents (closed, as another command would find it)."""
    path = tmp_path / "store"
    with EmbeddedStore(path) as s:
        ingest_extractions(gold_extractions, s)
        counts = s.counts()
    return str(path), counts


def run(*args: str, **kw):
    return runner.invoke(app, list(args), **kw)


def test_every_command_has_help_with_an_example():
    for command in ("ingest", "stats", "cypher"):
        result = run(command, "--help")
        assert result.exit_code == 0
        assert "Example: phoihop " + command in result.output


def test_stats_counts_every_label_and_relationship(gold_dir):
    path, counts = gold_dir
    result = run("stats", "--store", path, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == counts
    table = run("stats", "--store", path)
    assert table.exit_code == 0
    for name in (*S.LABELS, *S.REL_TYPES):
        assert name in table.stdout


def test_stats_reads_the_store_named_by_the_environment(gold_dir, monkeypatch):
    path, counts = gold_dir
    monkeypatch.setenv("PHOIHOP_STORE", path)
    assert json.loads(run("stats", "--json").stdout) == counts


def test_no_store_yet_is_one_line_and_a_failure(tmp_path):
    for args in (["stats"], ["cypher", "MATCH (a:Agency) RETURN a.id"]):
        result = run(*args, "--store", str(tmp_path / "none"))
        assert result.exit_code == 1
        assert result.stderr.strip().count("\n") == 0
        assert "no store here yet" in result.stderr


def test_cypher_with_parameters_as_json_and_csv(gold_dir):
    path, _ = gold_dir
    query = (f"MATCH (a:{S.AGENCY})-[:{S.LEADS}]->(o:{S.OBLIGATION}) WHERE a.id = $id "
             "RETURN o.id AS id, o.deadline AS deadline ORDER BY id LIMIT $n")
    result = run("cypher", query, "--param", "id=so-xay-dung-thanh-pho-ha-noi", "--param", "n=3",
                 "--store", path, "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == 3 and set(rows[0]) == {"id", "deadline"}

    result = run("cypher", query, "-p", "id=so-xay-dung-thanh-pho-ha-noi", "-p", "n=3", "--store", path, "--csv")
    assert list(csv.DictReader(io.StringIO(result.stdout))) == [
        {k: "" if v is None else v for k, v in r.items()} for r in rows]

    table = run("cypher", query, "-p", "id=so-xay-dung-thanh-pho-ha-noi", "-p", "n=3", "--store", path)
    assert table.exit_code == 0 and f"{len(rows)} rows" in table.stdout


def test_parameter_values_are_json_when_they_parse():
    assert parse_param("n=3") == ("n", 3)
    assert parse_param('ids=["a","b"]') == ("ids", ["a", "b"])
    assert parse_param("name=Sở Y tế") == ("name", "Sở Y tế")
    assert parse_param("expr=a=b") == ("expr", "a=b")


def test_a_write_query_is_refused_with_exit_2(gold_dir):
    path, counts = gold_dir
    result = run("cypher", "MATCH (n:Agency) DETACH DELETE n", "--store", path)
    assert result.exit_code == 2
    assert result.stderr.startswith("refused: write queries are refused")
    assert result.stderr.strip().count("\n") == 0
    assert json.loads(run("stats", "--store", path, "--json").stdout) == counts


def test_ingest_of_a_missing_path_is_reported_and_fails(tmp_path):
    result = run("ingest", str(tmp_path / "missing.txt"), "--store", str(tmp_path / "store"))
    assert result.exit_code == 1
    assert f"{tmp_path / 'missing.txt'}: no such file or directory" in result.stderr
    assert "0 documents" in result.stdout


# ---------------------------------------------------------------- with the real extractor

def test_ingest_reports_bad_files_and_keeps_the_good_ones(tmp_path, shared_dir):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seeds = sorted((shared_dir / "corpus" / "seeds").glob("*.txt"))[:2]
    for p in seeds:
        (corpus / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    (corpus / "broken.pdf").write_bytes(b"this is not a PDF at all")
    (corpus / ".hidden.txt").write_text("skipped", encoding="utf-8")
    store = str(tmp_path / "store")

    result = run("ingest", str(corpus), "--store", store)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "broken.pdf" in lines[0]
    assert result.stdout.startswith(f"ingested {len(seeds)} documents")
    stats = json.loads(run("stats", "--store", store, "--json").stdout)
    assert stats[S.DOCUMENT] == len(seeds)

    again = run("ingest", *map(str, seeds), "--store", store)
    assert again.exit_code == 0, again.output
    assert json.loads(run("stats", "--store", store, "--json").stdout) == stats


def test_extraction_in_worker_processes_gives_the_same_store(tmp_path, shared_dir):
    seeds = shared_dir / "corpus" / "seeds"
    results = []
    for workers in (1, 2):
        with EmbeddedStore(tmp_path / f"store{workers}") as s:
            seen = []
            summary = ingest_paths([seeds], s, on_progress=lambda done, total, path: seen.append(done),
                                   workers=workers)
            assert summary.errors == [] and seen == list(range(1, len(seen) + 1))
            results.append((summary, s.counts()))
    assert results[0] == results[1]


def test_extract_gives_files_that_share_a_stem_or_a_name_their_own_json(tmp_path, shared_dir):
    seed = sorted((shared_dir / "corpus" / "seeds").glob("*.txt"))[0].read_text(encoding="utf-8")
    corpus = tmp_path / "in"
    for rel, text in (("x.txt", seed), ("x.md", seed + "\nThêm một dòng.\n"), ("a/y.txt", seed), ("b/y.txt", seed)):
        (corpus / rel).parent.mkdir(parents=True, exist_ok=True)
        (corpus / rel).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = run("extract", str(corpus), "--out", str(out), "-q")
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in out.glob("*.json"))
    assert written == ["a__y.txt.json", "b__y.txt.json", "x.md.json", "x.txt.json"]
    docs = {json.loads((out / name).read_text(encoding="utf-8"))["document"] for name in written}
    assert docs == {"x.txt", "x.md", "y.txt"}
