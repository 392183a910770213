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


HEADER = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"


def dispatch(number: int, day: int, body: str) -> str:
    """An invented department's dispatch asking ``body`` (one agency, written as given) to act."""
    return HEADER.join(["SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN\nTỈNH HÀ GIANG\n\n", f"""Số: {number}/SNN-TL

Hà Giang, ngày {day} tháng 6 năm 2024

CÔNG VĂN

V/v kiểm tra an toàn hồ chứa nước mùa mưa lũ

Kính gửi: {body}.

Sở Nông nghiệp và Phát triển nông thôn yêu cầu {body} chủ trì kiểm tra an toàn các hồ chứa nước \
trên địa bàn, báo cáo kết quả về Sở trước ngày 30/6/2024.

Nơi nhận:
- Như trên;
- Lưu: VT.

GIÁM ĐỐC

Vàng Seo Lử
"""])


def test_the_latest_document_naming_an_agency_gives_its_values_across_partitions(tmp_path):
    """Eleven dispatches name one agency (one canonical id) as "Thủy lợi" (spelt two ways), the
    last one in ingest order as "Thủy Lợi": over eight partitions, whose merges Spark runs in any
    order, the agency keeps the last document's name, its aliases are every spelling, and every
    table is the single-machine path's."""
    spellings = ["Chi cục Thủy lợi tỉnh Hà Giang", "Chi Cục Thủy lợi tỉnh Hà Giang"]
    last = "Chi cục Thủy Lợi tỉnh Hà Giang"
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(12):
        body = last if i == 11 else spellings[i % 2]
        (docs / f"d{i:02d}.txt").write_text(dispatch(100 + i, 1 + i, body), encoding="utf-8")
    out, local = tmp_path / "spark", tmp_path / "local"
    result = runner.invoke(app, ["extract", "--engine", "spark", str(docs), "--out", str(out), "--master", "local[2]"])
    assert result.exit_code == 0, result.output
    T.extract_tables([docs], local)
    agency = [a for a in T.read(out, "agencies").to_pylist() if a["id"] == "chi-cuc-thuy-loi-tinh-ha-giang"]
    assert [a["name"] for a in agency] == [last]
    assert set(agency[0]["aliases"]) == {last, *spellings}
    for table in T.TABLES:
        assert rows(out, table) == rows(local, table), table


def test_partitions_grow_with_the_archive():
    """Several partitions per core, and never more than DOCS_PER_PARTITION documents in one: at
    100,000 documents two partitions (one per core) made one block bigger than the JVM's heap."""
    from phoihop.graph.spark_job import DOCS_PER_PARTITION, partitions

    assert partitions(10, 2) == 8 and partitions(0, 4) == 16
    for docs in (1, 999, 8 * DOCS_PER_PARTITION + 1, 100_000, 10_000_000):
        n = partitions(docs, 2)
        assert -(-docs // n) <= DOCS_PER_PARTITION and n >= 8


def test_many_small_partitions_give_the_same_tables(tmp_path, monkeypatch):
    """Twelve dispatches naming one agency, one document a partition (more partitions than the
    default for the cores) in every stage: the tables are the single-machine path's."""
    from phoihop.graph import spark_job

    monkeypatch.setattr(spark_job, "DOCS_PER_PARTITION", 1)
    asked, real = [], spark_job.partitions
    monkeypatch.setattr(spark_job, "partitions", lambda docs, cores: asked.append(real(docs, cores)) or asked[-1])
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(12):
        (docs / f"d{i:02d}.txt").write_text(dispatch(200 + i, 1 + i, "Chi cục Thủy lợi tỉnh Hà Giang"), encoding="utf-8")
    out, local = tmp_path / "spark", tmp_path / "local"
    counts = spark_job.run([docs], out, master="local[2]")
    T.extract_tables([docs], local)
    assert counts["documents"] == 12 and asked == [12]
    for table in T.TABLES:
        assert rows(out, table) == rows(local, table), table


def test_merge_states_reduced_by_spark_out_of_order_keep_the_latest_version():
    """Forty versions of one agency in reverse ingest order over four partitions: Spark merges each
    partition's first, then the partitions' states, in its own order; the latest version still
    gives the name, and the aliases are every version's (a merge that let the last merged win
    would give an early name here)."""
    from functools import partial

    from phoihop.graph import schema as S
    from phoihop.graph import spark_job

    versions = [(i, {"id": "chi-cuc-a", "name": f"Chi cục A {i}", "aliases": [f"CC{i}"]}) for i in range(40)]
    spark = spark_job.session("local[2]")
    try:
        states = spark.sparkContext.parallelize([("chi-cuc-a", T.shared_state(S.AGENCY, i, p)) for i, p in reversed(versions)], 4)
        (key, state), = states.reduceByKey(partial(T.merge_shared_states, S.AGENCY)).collect()
    finally:
        spark.stop()
    row = T.shared_row(S.AGENCY, state)
    assert (row["name"], row["aliases"]) == ("Chi cục A 39", sorted(f"CC{i}" for i in range(40)))


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
