"""``phoihop extract --engine spark`` on real PySpark in local mode: the seeds, 200 generated
documents and a corrupt file give exactly the tables of the single-machine path (hence the
graph of ``phoihop ingest``, see test_tables.py), in the embedded store and in Neo4j; the
corrupt file is a row of the errors table; without PySpark the command says how to install it.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from phoihop.cli import app
from phoihop.graph import tables as T
from test_embedded_store import snapshot
from conftest import assert_loads_like_ingest

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


@pytest.fixture(scope="session")
def spark_tables(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("spark") / "tables"
    result = runner.invoke(app, ["extract", "--engine", "spark", *corpus, "--out", str(out), "--master", "local[2]"])
    assert result.exit_code == 1, result.output          # the corrupt file
    assert "1 file gave nothing" in result.output
    return out


def rows(directory: Path, table: str) -> list[str]:
    return sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in T.read(directory, table).to_pylist())


@pytest.mark.parametrize("table", T.TABLES)
def test_spark_writes_the_tables_of_the_single_machine_path(spark_tables, local_tables, table):
    got, expected = rows(spark_tables, table), rows(local_tables, table)
    assert got == expected
    assert got or table in ("errors", "part_of")


def test_the_corrupt_file_is_a_row_of_the_errors_table(spark_tables):
    errors = T.read(spark_tables, T.ERRORS).to_pylist()
    assert [Path(e["path"]).name for e in errors] == ["broken.docx"]
    assert Path(errors[0]["path"]).is_absolute() and "phoihop-" not in errors[0]["reason"]  # not the private copy


def test_names_hadoop_would_hide_are_read_as_ingest_reads_them(tmp_path, shared_dir):
    """Hadoop's listing skips names starting with "_", which ``phoihop ingest`` reads: local files
    are listed as ingest lists them, so such a file is a document like any other."""
    seeds = sorted((shared_dir / "corpus" / "seeds").iterdir())
    docs = tmp_path / "docs"
    (docs / "_drafts").mkdir(parents=True)
    (docs / "a.txt").write_bytes(seeds[0].read_bytes())
    (docs / "_b.txt").write_bytes(seeds[1].read_bytes())
    (docs / "_drafts" / "c.txt").write_bytes(seeds[2].read_bytes())
    out = tmp_path / "tables"
    result = runner.invoke(app, ["extract", "--engine", "spark", str(docs), "--out", str(out), "--master", "local[1]"])
    assert result.exit_code == 0, result.output
    assert T.read(out, T.ERRORS).to_pylist() == []
    assert sorted(Path(d["path"]).relative_to(docs.resolve()).as_posix()
                  for d in T.read(out, "documents").to_pylist()) == ["_b.txt", "_drafts/c.txt", "a.txt"]
    assert "extraction in the tasks: 3 files, " in result.output and "per core-second" in result.output


def test_a_uri_is_read_by_spark_as_a_local_path_is(tmp_path, shared_dir):
    """Object storage paths (``s3a://``, ``hdfs://``, here ``file://``) are read by Hadoop's
    ``binaryFiles`` in the tasks, local paths are listed by the driver: the same tables."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for seed in sorted((shared_dir / "corpus" / "seeds").iterdir())[:3]:
        (docs / seed.name).write_bytes(seed.read_bytes())
    (docs / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    by_path, by_uri = tmp_path / "by-path", tmp_path / "by-uri"
    for arg, out in ((str(docs), by_path), (docs.resolve().as_uri(), by_uri)):
        result = runner.invoke(app, ["extract", "--engine", "spark", arg, "--out", str(out), "--master", "local[1]"])
        assert result.exit_code == 1 and "1 file gave nothing" in result.output, result.output
    for table in T.TABLES:
        assert rows(by_uri, table) == rows(by_path, table), table
    assert len(rows(by_path, "documents")) == 3


def test_spark_tables_load_to_the_graph_of_ingest(spark_tables, ingested, tmp_path):
    assert_loads_like_ingest(spark_tables, ingested, tmp_path / "s")


@pytest.mark.neo4j
def test_spark_tables_load_to_the_graph_of_ingest_in_neo4j(neo4j_store, spark_tables, ingested):
    counts, snap, _ = ingested
    assert neo4j_store.load_tables(spark_tables) == counts
    assert snapshot(neo4j_store) == snap


def test_without_pyspark_the_command_says_how_to_install_it(tmp_path, corpus):
    code = ("import sys; sys.modules['pyspark'] = None; sys.argv = ['phoihop', 'extract', '--engine', 'spark', "
            f"{corpus[0]!r}, '--out', {str(tmp_path / 'out')!r}]; from phoihop.cli import main; main()")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert "pip install 'phoihop[spark]'" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()
