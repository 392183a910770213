"""The README and docs/ stay true: generated examples are current, every command is documented
with an example, every link resolves, and the README stays a short front page."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in PAGES)


def test_readme_is_a_short_front_page():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").count("\n")
    assert lines <= 250, f"README.md has {lines} lines; move detail to docs/"


def test_every_command_has_an_example_in_the_docs():
    from phoihop import commands
    text = _text()
    missing = [name for name in commands.MODULES if not re.search(rf"^\$ phoihop {name}\b", text, re.M)]
    assert not missing, f"commands without an example ('$ phoihop NAME …') in README.md or docs/: {missing}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_relative_link_resolves(page):
    broken = []
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target):
            continue
        if not (page.parent / target).exists():
            broken.append(target)
    assert not broken, f"{page.name} links to missing files: {broken}"


def test_error_messages_point_to_docs_that_exist():
    refs = set()
    for source in ROOT.glob("*/*.py"):
        if source.parts[-2] in {"tests", "bench", ".venv"}:
            continue
        refs |= set(re.findall(r"docs/[\w.-]+\.md", source.read_text(encoding="utf-8")))
    missing = sorted(r for r in refs if not (ROOT / r).exists())
    assert not missing, f"the code refers to docs pages that do not exist: {missing}"


def test_generated_examples_are_current():
    """Re-runs every `<!-- generated -->` block's commands on the seeds and compares."""
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "docs_examples.py"), "--check"],
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr


def test_library_page_examples_run(tmp_path, monkeypatch):
    """docs/library.md is a doctest: run in a folder beside the shared material where the seeds
    are ingested into ./phoihop-data, as the page says."""
    import doctest

    from phoihop.graph.embedded_store import EmbeddedStore
    from phoihop.graph.loader import ingest_paths

    work = tmp_path / "work"
    work.mkdir()
    (tmp_path / "shared").symlink_to(ROOT.parent / "shared")
    with EmbeddedStore(work / "phoihop-data") as s:
        ingest_paths([tmp_path / "shared" / "corpus" / "seeds"], s)
    monkeypatch.chdir(work)
    result = doctest.testfile(str(ROOT / "docs" / "library.md"), module_relative=False, report=True,
                              optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 10 and result.failed == 0, f"{result.failed} examples of docs/library.md failed"


def test_the_command_reference_has_every_command():
    """docs/cli.md holds the generated --help of every command (the stale test keeps it current)."""
    from phoihop import commands
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    missing = [name for name in commands.MODULES if f"$ phoihop {name} --help" not in text]
    assert not missing, f"docs/cli.md has no --help of: {missing} (add '$ phoihop NAME --help' to its block)"
