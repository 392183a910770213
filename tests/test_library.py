"""The notebook library (``import phoihop``): the same answers as the command line's ``--json``,
on the embedded store and on Neo4j, as rows, DataFrames and networkx graphs."""
from __future__ import annotations

import json

import networkx as nx
import pytest
from typer.testing import CliRunner

import phoihop
from phoihop.cli import app
from phoihop.queries.filters import agency_province, find_province
from test_queries import LDTBXH_HN, gold_dir, load_neo4j  # noqa: F401 (fixture)

runner = CliRunner()


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def where(request, gold_dir, gold_extractions):
    """(keyword arguments of phoihop.open, CLI options) choosing a store with the gold documents."""
    if request.param == "neo4j":
        load_neo4j(request.getfixturevalue("neo4j_store"), gold_extractions)
        return {"neo4j": True}, ["--neo4j"]
    return {"store": gold_dir}, ["--store", str(gold_dir)]


def cli_json(*args: str):
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def same(rows) -> list:
    """Rows as JSON would carry them (dates as text), for comparing with the CLI's --json."""
    return json.loads(json.dumps(list(rows), ensure_ascii=False, default=str))


def test_every_question_answers_as_the_command_line_does(where):
    kw, opts = where
    expected = {  # asked first: the embedded store is open once per process
        "duties": cli_json("duties", "so lao dong thuong binh va xa hoi ha noi", *opts),
        "coordination": cli_json("coordination", "--topic", "mại dâm", *opts),
        "co_assigned": cli_json("coordination", "--co-assigned", "--province", "Ha Noi", *opts),
        "hubs": cli_json("hubs", "--topic", "mại dâm", *opts),
        "issued": cli_json("issued", "UBND quận Đống Đa", *opts),
        "chain": cli_json("chain", "5555/UBND-ĐT", *opts),
    }
    assert all(expected.values())
    with phoihop.open(**kw) as archive:
        assert same(archive.duties("so lao dong thuong binh va xa hoi ha noi")) == expected["duties"]
        assert same(archive.coordination(topic="mại dâm")) == expected["coordination"]
        assert same(archive.coordination(co_assigned=True, province="Ha Noi")) == expected["co_assigned"]
        assert {k: same(v) for k, v in archive.hubs(topic="mại dâm").items()} == expected["hubs"]
        assert same(archive.issued("UBND quận Đống Đa")) == expected["issued"]
        assert same(archive.chain("5555/UBND-DT")) == expected["chain"]["chain"]
        assert archive.directive("5555/UBND-ĐT")["id"] == expected["chain"]["directive"]["id"]


def test_rows_become_a_dataframe_and_the_network_a_networkx_graph(where):
    kw, _ = where
    with phoihop.open(**kw) as archive:
        duties = archive.duties("so lao dong thuong binh va xa hoi ha noi", role="lead")
        frame = duties.df()
        assert len(frame) == len(duties) > 0
        assert set(frame["role"]) == {"lead"}
        assert {"quote", "source", "start", "directive"} <= set(frame.columns)
        pairs = archive.coordination(topic="mại dâm")
        g = archive.coordination_graph(topic="mại dâm")
        assert isinstance(g, nx.Graph) and g.number_of_edges() == len(pairs) > 0
        first = pairs[0]
        assert g.edges[first["a_id"], first["b_id"]]["weight"] == first["obligations"]
        assert g.nodes[first["a_id"]]["name"] == first["a_name"]
        stats = archive.stats()
        whole = archive.graph()
        assert whole.number_of_nodes() == sum(stats[k] for k in ("Agency", "Directive", "Obligation", "Document",
                                                                "Topic") if k in stats)


def test_filters_and_lookups(where):
    kw, _ = where
    with phoihop.open(**kw) as archive:
        ha_noi = archive.agencies(province="Ha Noi")
        assert ha_noi and {agency_province(a) for a in ha_noi} == {find_province("Ha Noi")}
        assert len(ha_noi) < len(archive.agencies())
        assert archive.agency("so ldtbxh ha noi")["name"] == LDTBXH_HN
        rows = archive.cypher("MATCH (a:Agency) WHERE a.name = $name RETURN a.name AS name", name=LDTBXH_HN)
        assert rows == [{"name": LDTBXH_HN}]


def test_a_name_that_picks_out_nothing_raises_with_the_nearest(gold_dir):
    with phoihop.open(gold_dir) as archive:
        with pytest.raises(phoihop.NameNotFound) as e:
            archive.duties("so lao dong thuong binh xa hoi ha nol")
        assert LDTBXH_HN in e.value.candidates
        with pytest.raises(phoihop.NameAmbiguous):
            archive.duties("so y te")


def test_writes_are_refused_through_the_library(gold_dir):
    from phoihop.graph.store import StoreError
    with phoihop.open(gold_dir) as archive:
        with pytest.raises(StoreError):
            archive.cypher("MATCH (a:Agency) DETACH DELETE a")
        assert archive.stats()["Agency"] > 0


def test_extract_and_ingest_files(tmp_path, shared_dir):
    seed = sorted((shared_dir / "corpus" / "seeds").glob("*.txt"))[0]
    found = phoihop.extract_file(seed)
    assert found["obligations"] and found["directives"]
    summary = phoihop.ingest_files([seed, tmp_path / "missing.txt"], store=tmp_path / "store")
    assert summary["documents"] == 1 and summary["obligations"] > 0
    assert len(summary["errors"]) == 1 and "missing.txt" in summary["errors"][0]
    with phoihop.open(tmp_path / "store") as archive:
        assert archive.stats()["Document"] == 1
