"""docs/extraction.md stays true: every test it names exists, every module and data table it names is there."""
from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "extraction.md"


def _tests_in(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {n.name for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.startswith("test_")}


def test_every_test_the_extraction_doc_names_exists():
    text = DOC.read_text(encoding="utf-8")
    refs = re.findall(r"`(test_[a-z_]+\.py)((?:::test_[a-z0-9_]+)?)`|`::(test_[a-z0-9_]+)`", text)
    assert refs, "the doc names no test"
    current = None
    missing = []
    for file, name, cont in refs:
        if file:
            current = file
            assert (ROOT / "tests" / file).exists(), f"{file} named in docs/extraction.md does not exist"
            name = name.removeprefix("::")
        else:
            name = cont
        if name and name not in _tests_in(ROOT / "tests" / current):
            missing.append(f"{current}::{name}")
    assert not missing, f"docs/extraction.md names tests that do not exist: {missing}"


def test_every_module_and_table_the_extraction_doc_names_exists():
    text = DOC.read_text(encoding="utf-8")
    for name in set(re.findall(r"`([a-z_]+\.(?:py|tsv|txt))`", text)):
        if name.startswith("test_"):
            continue
        assert (ROOT / "ingest" / name).exists() or (ROOT / "ingest" / "data" / name).exists() or \
            (ROOT / "bench" / name).exists(), f"{name} named in docs/extraction.md does not exist"
