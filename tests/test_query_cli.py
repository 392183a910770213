"""``phoihop duties``, ``coordination``, ``chain``, ``hubs``, ``issued`` as a user runs them.

Every command runs end to end on the gold documents, on the embedded store
(``--store DIR``) and on Neo4j (``--neo4j``), with the expectations computed
from the gold records; then the ways it can go wrong.
"""
from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from phoihop.cli import app
from test_queries import LDTBXH_HN, gold_dir, gold_pairs, kept_obligations, load_neo4j  # noqa: F401 (fixture)

runner = CliRunner()
COMMANDS = ("duties", "coordination", "chain", "hubs", "issued")


def run(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "400"})  # wide enough that no cell wraps


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def where(request, gold_dir, gold_extractions) -> list[str]:
    """The options that choose a store holding the gold documents."""
    if request.param == "neo4j":
        load_neo4j(request.getfixturevalue("neo4j_store"), gold_extractions)
        return ["--neo4j"]
    return ["--store", str(gold_dir)]


def ok(*args: str):
    result = run(*args)
    assert result.exit_code == 0, result.output
    return result


def as_json(*args: str):
    return json.loads(ok(*args, "--json").stdout)


def as_csv(*args: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(ok(*args, "--csv").stdout)))


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_examples(command):
    result = ok(command, "--help")
    assert "Examples" in result.stdout and f"phoihop {command} " in result.stdout
    for option in ("--json", "--csv", "--store", "--neo4j"):
        assert option in result.stdout


# ---------------------------------------------------------------- end to end

def test_duties_lists_exactly_the_gold_obligations_of_the_department(where, gold_extractions):
    rows = as_json("duties", "so lao dong thuong binh va xa hoi ha noi", *where)
    want = sorted((ex.text[o.span[0]:o.span[1]], a.role)
                  for ex, o, people in kept_obligations(gold_extractions) for a in people if a.agency == LDTBXH_HN)
    assert want and sorted((r["quote"], r["role"]) for r in rows) == want
    assert all(r["quote"] and r["source"].endswith(".txt") for r in rows)

    leads = as_json("duties", "Sở LĐTBXH Hà Nội", "--role", "lead", *where)
    assert [r["obligation"] for r in leads] == [r["obligation"] for r in rows if r["role"] == "lead"]
    assert as_json("duties", LDTBXH_HN, "--since", "2020", *where) == []

    table = ok("duties", "so lao dong thuong binh va xa hoi ha noi", *where).stdout
    assert LDTBXH_HN in table and "Công an thành phố Hà Nội (lead)" in table
    assert f"{len(rows)} obligations in 1 directive" in table
    flat = as_csv("duties", "so lao dong thuong binh va xa hoi ha noi", *where)
    assert [r["obligation"] for r in flat] == [r["obligation"] for r in rows]


def test_coordination_contains_every_gold_pair(where, gold_extractions):
    rows = as_json("coordination", *where)
    got = {frozenset((r["a_name"], r["b_name"])) for r in rows}
    assert set(gold_pairs(gold_extractions)) <= got
    on_topic = as_json("coordination", "--topic", "mai dam", "--agency", "cong an tp ha noi", *where)
    assert on_topic and all("Công an thành phố Hà Nội" in (r["a_name"], r["b_name"]) for r in on_topic)
    assert all("phòng, chống mại dâm" in r["topics"] for r in on_topic)
    by_issuer = as_csv("coordination", "--issuer", "UBND TP Hải Phòng", "--since", "2011", "--until", "2011", *where)
    assert by_issuer and all("uy-ban-nhan-dan-thanh-pho-hai-phong|" in r["directives"] for r in by_issuer)
    # the veterans' association is only ever a co-lead: not coordinating, but co-assigned (marked)
    assert "Hội Cựu chiến binh thành phố Hải Phòng" not in ok("coordination", *where).stdout
    table = ok("coordination", "--co-assigned", *where).stdout
    assert "Hội Cựu chiến binh thành phố Hải Phòng" in table and "co_assigned" in table


def test_coordination_parquet_holds_the_json_rows_typed(where, tmp_path):
    rows = as_json("coordination", "--co-assigned", *where)
    out = tmp_path / "pairs.parquet"
    ok("coordination", "--co-assigned", "--parquet", str(out), *where)
    import pandas as pd
    import pyarrow.parquet as pq

    types = {f.name: str(f.type) for f in pq.read_schema(out)}
    assert types["obligations"] == "int64" and types["start"] == "int64"
    assert types["topics"] == types["directives"] == "list<element: string>"
    frame = pd.read_parquet(out)
    assert len(frame) == len(rows) and all(frame["quote"].str.len() > 0) and all(frame["source"].str.len() > 0)
    first = frame.iloc[0]
    assert (first["a_name"], first["quote"], list(first["topics"])) == (rows[0]["a_name"], rows[0]["quote"],
                                                                        rows[0]["topics"])
    assert run("coordination", "--csv", "--parquet", str(out), *where).exit_code == 2


def test_limit_prints_the_first_rows_only(where):
    rows = as_json("coordination", *where)
    assert as_json("coordination", "--limit", "3", *where) == rows[:3]
    duties = as_json("duties", "so lao dong thuong binh va xa hoi ha noi", *where)
    assert as_json("duties", "so lao dong thuong binh va xa hoi ha noi", "--limit", "1", *where) == duties[:1]
    assert run("coordination", "--limit", "-1", *where).exit_code != 0

def test_chain_shows_what_a_directive_cites_and_what_cites_it(where):
    found = as_json("chain", "345/UBND-YT", *where)
    assert found["directive"]["issuer"] == "Ủy ban nhân dân quận Đống Đa"
    assert [(r["direction"], r["depth"], r["relation"], r["to_number"]) for r in found["chain"]] == [
        ("up", 1, "basis", "667/SYT-NVY")]
    down = as_json("chain", "667/syt-nvy", *where)["chain"]
    assert [(r["direction"], r["from_number"]) for r in down] == [("down", "345/UBND-YT")]
    table = ok("chain", "5555/UBND-DT", *where).stdout
    assert "1658/CĐ-TTg" in table and "implements" in table


def test_hubs_rank_agencies_and_list_pairs_that_never_coordinate(where):
    found = as_json("hubs", "--topic", "mại dâm", *where)
    assert found["hubs"] and found["gaps"]
    assert found["hubs"][0]["degree"] == max(h["degree"] for h in found["hubs"])
    coordinating = {frozenset((r["a_id"], r["b_id"])) for r in as_json("coordination", *where)}
    assert not {frozenset((g["a_id"], g["b_id"])) for g in found["gaps"]} & coordinating
    top = as_csv("hubs", "--topic", "prostitution prevention", "--limit", "3", *where)
    assert [r["id"] for r in top] == [h["id"] for h in found["hubs"][:3]]
    assert len(as_csv("hubs", "--topic", "mai-dam", "--gaps", *where)) == len(found["gaps"])
    table = ok("hubs", "--topic", "mại dâm", "--limit", "5", *where).stdout
    assert "betweenness" in table and "never coordinate" in table


def test_issued_lists_what_an_issuer_assigned_and_to_whom(where, gold_extractions):
    rows = as_json("issued", "UBND quận Đống Đa", *where)
    want = {ex.text[o.span[0]:o.span[1]] for ex, o, _ in kept_obligations(gold_extractions)
            if next(d for d in ex.directives if d.key == o.directive).issuer == "Ủy ban nhân dân quận Đống Đa"}
    assert want and {r["quote"] for r in rows} == want
    assert all(r["leads"] or r["supports"] for r in rows)
    assert as_json("issued", "UBND quận Đống Đa", "--since", "2024-02", "--until", "2024-02", *where) == rows
    assert "345/UBND-YT" in ok("issued", "ubnd quan dong da", *where).stdout


# ---------------------------------------------------------------- what goes wrong

def failed(*args: str, code: int = 1) -> str:
    result = run(*args)
    assert result.exit_code == code, result.output
    assert result.stdout == "" and result.stderr.count("\n") == 1
    return result.stderr


def test_an_ambiguous_agency_lists_the_candidates(where):
    message = failed("duties", "Sở Y tế", *where)
    assert "ambiguous" in message
    assert "Sở Y tế thành phố Hà Nội" in message and "Sở Y tế thành phố Hải Phòng" in message
    assert "Ủy ban nhân dân thành phố" in failed("issued", "UBND TP", *where)


def test_an_unknown_agency_or_topic_or_directive_suggests_the_nearest(where):
    assert "did you mean: Sở Y tế thành phố Hà Nội" in failed("duties", "Sở Y tế thành phố Hà Nam", *where)
    assert "did you mean" in failed("coordination", "--agency", "Sở Du lịch Hà Nội", *where)
    assert "an toàn thực phẩm" in failed("hubs", "--topic", "an toan thuc pham x", *where)
    assert "345/UBND-YT" in failed("chain", "354/UBND-YT", *where)


def test_a_bad_date_or_two_formats_are_refused(where):
    assert "not a date" in failed("issued", "UBND quận Đống Đa", "--since", "yesterday", *where)
    assert "--json" in failed("coordination", "--json", "--csv", *where, code=2)


@pytest.mark.parametrize("command", [["duties", "Sở Y tế"], ["coordination"], ["chain", "345/UBND-YT"],
                                     ["hubs"], ["issued", "UBND TP"]])
def test_no_store_yet_is_one_line_and_a_failure(tmp_path, command):
    message = failed(*command, "--store", str(tmp_path / "none"))
    assert "no store here yet" in message
