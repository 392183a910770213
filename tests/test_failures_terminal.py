"""Document text reaches the terminal as text: never Rich markup, never control characters.

An invented dispatch whose subject and obligation carry Rich markup (``[/]``,
``[link=…]``) and terminal escape sequences (clear screen, window title, bell)
is ingested into a real embedded store; every command that prints it must
print it as written, with the control characters shown as visible symbols.
"""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from phoihop.cli import app
from phoihop.commands._text import clean
from phoihop.graph.embedded_store import EmbeddedStore
from phoihop.graph.loader import ingest_paths

runner = CliRunner()

ESCAPES = "\x1b[2J\x1b]0;pwned\x07\x9b31m"
DOC = f"""ỦY BAN NHÂN DÂN
TỈNH KON TUM

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 58/UBND-KGVX

Kon Tum, ngày 12 tháng 3 năm 2025

V/v rà soát trường học [/] vùng sâu

Giao Sở Giáo dục và Đào tạo chủ trì, phối hợp với Sở Xây dựng rà soát các điểm trường [/] [link=https://evil.example]tại đây[/link] {ESCAPES} trước ngày 30/6/2025.

Nơi nhận:
- Như trên;
- Lưu: VT.
"""
LEAD = "So Giao duc va Dao tao tinh Kon Tum"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> str:
    root = tmp_path_factory.mktemp("terminal")
    (root / "kontum.txt").write_text(DOC, encoding="utf-8")
    with EmbeddedStore(root / "store") as s:
        assert ingest_paths([root / "kontum.txt"], s).errors == []
    return str(root / "store")


def run(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "400"})


def assert_plain(result) -> None:
    """Printed as text: no traceback, the markup as written, no control character left."""
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "[/]" in text and "[link=https://evil.example]" in text and "[/link]" in text
    assert not any(c in text for c in "\x1b\x07\x9b"), repr(text)
    assert "␛[2J" in text and "␛]0;pwned␇" in text


@pytest.mark.parametrize("args", [
    ["duties", LEAD],
    ["issued", "UBND tinh Kon Tum"],
    ["cypher", "MATCH (o:Obligation) RETURN o.text AS quote"],
    ["cypher", "MATCH (d:Directive) WHERE d.subject IS NOT NULL RETURN d.subject AS `[bold]s[/]`, "
               "'[/]' AS x, $q AS q", "--param", "q=[link=https://evil.example]tại đây[/link] \x1b[2J\x1b]0;pwned\x07"],
])
def test_document_text_prints_as_text(store_dir, args):
    assert_plain(run(*args, "--store", store_dir))


def test_csv_replaces_control_characters_and_json_escapes_them(store_dir):
    query = "MATCH (o:Obligation) RETURN o.text AS quote"
    csv_out = run("cypher", query, "--store", store_dir, "--csv")
    assert_plain(csv_out)
    raw = run("cypher", query, "--store", store_dir, "--json")
    assert raw.exit_code == 0 and not any(c in raw.stdout for c in "\x1b\x07\x9b")
    assert ESCAPES in json.loads(raw.stdout)[0]["quote"]  # the data itself is kept


def test_an_error_naming_document_text_is_one_clean_line(store_dir):
    result = run("duties", "[/]\x1b[2J Sở [link=x]Không Có[/link]", "--store", store_dir)
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "\x1b" not in result.output
    assert "[link=x]Không Có[/link]" in result.output and len(result.output.strip().splitlines()) == 1


def test_clean_shows_controls_and_keeps_text():
    assert clean("a\tb\nc\x1b[0m\r\x7f\u202e") == "a\tb\nc␛[0m␍␡\ufffd"
    assert clean("Sở Y tế [bold]x[/]") == "Sở Y tế [bold]x[/]"
