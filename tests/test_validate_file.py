"""``phoihop validate FILE`` checks an exported RDF file; without FILE, the store's export."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from phoihop.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def exported(tmp_path_factory, shared_dir):
    """A store of two seeds and its Turtle export."""
    from phoihop.graph.embedded_store import EmbeddedStore
    from phoihop.graph.loader import ingest_paths

    where = tmp_path_factory.mktemp("validate")
    with EmbeddedStore(where / "store") as s:
        ingest_paths(sorted((shared_dir / "corpus" / "seeds").glob("*.txt"))[:2], s)
    result = runner.invoke(app, ["export", "--format", "turtle", "--store", str(where / "store"),
                                 "--out", str(where / "graph.ttl")])
    assert result.exit_code == 0, result.output
    return where


def test_an_exported_file_that_conforms(exported):
    result = runner.invoke(app, ["validate", str(exported / "graph.ttl")])
    assert result.exit_code == 0, result.output
    assert "Conforms: True" in result.stdout


def test_a_file_that_breaks_the_shapes_is_reported_without_tracebacks(exported, tmp_path):
    text = (exported / "graph.ttl").read_text(encoding="utf-8")
    assert '^^xsd:date' in text
    broken = tmp_path / "broken.ttl"
    broken.write_text(text.replace('"2019-12-13"^^xsd:date', '"12/2019"^^xsd:date').replace(
        '"2024-02-19"^^xsd:date', '"19/02/2024"^^xsd:date'), encoding="utf-8")
    assert broken.read_text(encoding="utf-8") != text
    result = runner.invoke(app, ["validate", str(broken)])
    assert result.exit_code == 1
    assert "Conforms: False" in result.stdout and "xsd:date" in result.stdout
    assert "Traceback" not in result.output


def test_the_store_without_a_file(exported):
    result = runner.invoke(app, ["validate", "--store", str(exported / "store")])
    assert result.exit_code == 0 and "Conforms: True" in result.stdout


@pytest.mark.parametrize("name, content, message", [
    ("garbage.ttl", "this is <<< not turtle", "not readable as turtle"),
    ("table.csv", "a,b\n1,2\n", "not an RDF file"),
    ("missing.ttl", None, "no such file"),
])
def test_a_file_that_is_not_rdf_is_one_line_and_exit_2(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and name in lines[0] and message in lines[0]


def test_a_file_and_a_store_together_are_refused(exported):
    result = runner.invoke(app, ["validate", str(exported / "graph.ttl"), "--store", str(exported / "store")])
    assert result.exit_code == 2 and "not both" in result.output
