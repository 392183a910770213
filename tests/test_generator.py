"""The benchmark's document generator: deterministic, self-consistent, varied, not copied.

Every fact in a generated gold file must be checkable against its own text,
since the benchmark scores the extractor on it.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import generate  # noqa: E402

N = 60


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("gen") / "c"
    assert generate.main(["--n", str(N), "--out", str(out), "--seed", "3", "--workers", "1"]) == 0
    return out


def docs(out: Path):
    for g in sorted((out / "gold").glob("*.json")):
        gold = json.loads(g.read_text(encoding="utf-8"))
        yield (out / "docs" / gold["document"]).read_text(encoding="utf-8"), gold


def printed_forms(iso: str) -> list[str]:
    """How a date or month can be printed in the text."""
    parts = [int(x) for x in iso.split("-")]
    if len(parts) == 2:
        y, m = parts
        return [f"tháng {m}/{y}", f"tháng {m:02d}/{y}"]
    y, m, d = parts
    return [f"{d:02d}/{m:02d}/{y}", f"{d}/{m}/{y}", f"ngày {d:02d} tháng {m:02d} năm {y}"]


def test_same_seed_same_corpus_other_seed_other_corpus(tmp_path, corpus):
    again = tmp_path / "again"
    generate.generate(N, again, seed=3, workers=1)
    for name in ("docs", "gold"):
        for f in sorted((corpus / name).iterdir()):
            assert (again / name / f.name).read_bytes() == f.read_bytes(), f.name
    other = tmp_path / "other"
    generate.generate(5, other, seed=4, workers=1)
    assert (other / "docs" / "g000000.txt").read_bytes() != (corpus / "docs" / "g000000.txt").read_bytes()


def test_each_corpus_file_has_its_gold(corpus):
    stems = {p.stem for p in (corpus / "docs").glob("*.txt")}
    assert stems == {p.stem for p in (corpus / "gold").glob("*.json")}
    assert len(stems) == N


def test_obligations_quote_their_document_and_name_their_bodies(corpus):
    checked = 0
    for text, gold in docs(corpus):
        names = {a["name"]: [a["name"]] + a["aliases"] for a in gold["agencies"]}
        keys = {d["key"] for d in gold["directives"]}
        for ob in gold["obligations"]:
            start, end = ob["span"]
            assert text[start:end] == ob["text"]
            assert ob["directive"] in keys
            assert ob["assignees"], ob["text"]
            for a in ob["assignees"]:
                assert a["agency"] in names, a
                assert any(form in text for form in names[a["agency"]]), a
                if a["role"] == "support":   # supports are always named in the sentence itself
                    assert any(form in ob["text"] for form in names[a["agency"]]), (a, ob["text"])
            checked += 1
    assert checked > N


def test_numbers_and_dates_in_gold_are_printed_in_the_text(corpus):
    for text, gold in docs(corpus):
        for d in gold["directives"]:
            if d["number"]:
                assert d["number"] in text
            if d["date"]:
                assert any(f in text for f in printed_forms(d["date"])), d
        for ob in gold["obligations"]:
            if ob["deadline"]:
                assert any(f in ob["text"] for f in printed_forms(ob["deadline"])), ob
        for c in gold["citations"]:
            if c["to"]:
                assert c["to"] in text
            if c["to_date"]:
                assert any(f in text for f in printed_forms(c["to_date"])), c
        for r in gold["recipients"]:
            assert r["kind"] in ("addressed", "copied")


def test_the_corpus_varies(corpus):
    types, kinds, provinces, shapes, sizes = set(), set(), set(), set(), []
    for text, gold in docs(corpus):
        kinds.add(gold["kind"])
        sizes.append(len(text.encode("utf-8")))
        for d in gold["directives"]:
            types.add(d["type"])
        provinces.update(a["jurisdiction"] for a in gold["agencies"] if a["level"] == "province" and a["jurisdiction"])
        shapes.update(re.findall(r"^(##|\*\*\d|[IVX]+\.|\d+\.\d+\.|[a-z]\)|[-+•]) ", text, flags=re.M))
    assert {"Công văn", "Kế hoạch", "Quyết định", "Chỉ thị", "Công điện", "Thông báo"} <= types
    assert kinds == {"official", "news"}
    assert len(provinces) >= 20
    assert {"##", "-", "+", "•"} <= shapes
    assert min(sizes) < 1500 and max(sizes) > 15_000


def test_no_long_passage_is_copied_from_the_seeds(corpus, shared_dir):
    width = 90   # longer than the formulas every administrative text shares ("Nơi nhận: - Như trên;")
    seen = set()
    for seed in sorted((shared_dir / "corpus" / "seeds").glob("*.txt")):
        t = " ".join(seed.read_text(encoding="utf-8").split())
        seen.update(t[i:i + width] for i in range(0, max(0, len(t) - width)))
    for text, gold in docs(corpus):
        t = " ".join(text.split())
        copied = [t[i:i + width] for i in range(0, len(t) - width, 7) if t[i:i + width] in seen]
        assert not copied, (gold["document"], copied[:2])
