"""``phoihop extract FILE --explain``: the extractor's decisions, clause by clause."""
from __future__ import annotations

from typer.testing import CliRunner

from phoihop.cli import app
from phoihop.ingest import explain
from phoihop.ingest.extract import extract_text

runner = CliRunner()

DISPATCH = """ỦY BAN NHÂN DÂN HUYỆN KIM SƠN
Số: 88/UBND-VP
V/v tăng cường phòng chống cháy rừng

Ủy ban nhân dân huyện yêu cầu:
1. Phòng Nông nghiệp và Môi trường
Chủ trì, phối hợp với Công an huyện kiểm tra các khu rừng trọng điểm.
2. Phòng Tài chính - Kế hoạch
Bố trí kinh phí cho lực lượng chữa cháy.
Theo dự báo, nắng nóng còn kéo dài.
"""


def test_trace_costs_nothing_outside_tracing():
    assert not explain.active()
    explain.note("clause", outcome="ignored")        # no trace taken: a no-op
    with explain.tracing() as events:
        assert explain.active()
    assert events == [] and not explain.active()


def test_trace_names_each_clause_role_and_reason():
    with explain.tracing() as events:
        ex = extract_text(DISPATCH, "kimson.txt")
    text = explain.render(events, ex.text)
    assert "directive '88/UBND-VP'" in text
    # the heading's body leads what follows, and the trace says it was inherited
    assert "heading: its bodies lead what follows" in text
    assert "inherited from the heading or label above" in text
    assert "support 'Công an huyện Kim Sơn" in text
    assert "after '…Chủ trì, phối hợp với'" in text
    # a sentence naming no body and giving no task is shown with the reason it gave nothing
    assert "no obligation" in text


def test_cli_explain_prints_without_writing(tmp_path):
    src = tmp_path / "kimson.txt"
    src.write_text(DISPATCH, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(src), "--explain"])
    assert result.exit_code == 0, result.output
    assert "obligation: Phòng Nông nghiệp và Môi trường huyện Kim Sơn (lead), Công an huyện Kim Sơn (support)" in result.output
    assert not list(tmp_path.glob("*.json"))
    result = runner.invoke(app, ["extract", str(src)])
    assert result.exit_code != 0 and "--out" in result.output


def test_command_table_names_every_registered_command():
    """cli.py loads only the invoked command's module: commands.MODULES must say where each lives."""
    import importlib
    import pkgutil

    import typer

    from phoihop import commands
    found = {}
    for m in pkgutil.iter_modules(commands.__path__):
        if m.name.startswith("_"):
            continue
        sub = typer.Typer()
        importlib.import_module(f"phoihop.commands.{m.name}").register(sub)
        for c in sub.registered_commands:
            found[c.name or c.callback.__name__] = m.name
        for g in sub.registered_groups:
            found[g.name] = m.name
    assert found == commands.MODULES


def test_cli_process_loading_one_command_module(tmp_path):
    """`phoihop extract` as its own process (only commands/extract.py loaded) is still a command group."""
    import subprocess
    import sys
    from pathlib import Path

    src = tmp_path / "kimson.txt"
    src.write_text(DISPATCH, encoding="utf-8")
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, str(root / "cli.py"), "extract", str(src), "--out", str(tmp_path / "o")],
                         capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "o" / "kimson.json").exists()
    assert "error" not in out.stderr
