#!/usr/bin/env python3
"""Accuracy on the real development set: ``shared/gold-archive`` in two halves, plus seeds and extra.

    python bench/archive_scores.py [--shared ../shared] [--half A|B|all] [--verbose] [--json]
                                   [--keep DIR] [--docs STEM,...]

``gold-archive`` is split by stem: half **A** (the last hex digit of the stem is
even) is where rules are written, half **B** (odd) is only checked, so the gap
between the halves estimates over-fitting. Every set is extracted with the
project's own extractor into a temporary folder (or ``--keep DIR``) and scored by
``shared/tools/score.py`` (strict names, spans checked against the source).

With ``--verbose`` the scorer's missed/spurious facts are printed too (use it on
half A only: reading half B's errors would make it a development set).
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from phoihop.ingest.pipeline import extract_path  # noqa: E402

METRICS = ("assignments", "coordination", "directives", "citations", "recipients")
BARS = {"assignments": 0.90, "coordination": 0.85, "directives": 0.95, "citations": 0.85, "recipients": 0.85}


def half_of(stem: str) -> str:
    """The half a gold-archive document belongs to: A (rules written on it) or B (held out)."""
    return "A" if int(stem[-1], 16) % 2 == 0 else "B"


def prepare(shared: Path, half: str, work: Path, only: set[str] | None = None) -> tuple[Path, Path, Path]:
    """Copy the half's gold and source texts into work/; return (gold, docs, pred) folders."""
    gold, docs, pred = work / f"gold-{half}", work / f"docs-{half}", work / f"pred-{half}"
    for d in (gold, docs, pred):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
    for g in sorted((shared / "gold-archive").glob("*.json")):
        if (half != "all" and half_of(g.stem) != half) or (only and g.stem not in only):
            continue
        shutil.copy(g, gold / g.name)
        shutil.copy(shared / "corpus" / "archive" / f"{g.stem}.md", docs / f"{g.stem}.md")
    return gold, docs, pred


def extract_dir(docs: Path, pred: Path) -> None:
    pred.mkdir(parents=True, exist_ok=True)
    for p in sorted(docs.iterdir()):
        if p.is_file():
            ex = extract_path(p)
            (pred / f"{p.stem}.json").write_text(json.dumps(ex.to_json(), ensure_ascii=False), encoding="utf-8")


def score(shared: Path, gold: Path, pred: Path, docs: Path | None, verbose: bool = False) -> tuple[dict, str]:
    cmd = [sys.executable, str(shared / "tools" / "score.py"), str(gold), str(pred), "--json"]
    if docs:
        cmd += ["--docs", str(docs)]
    if verbose:
        cmd.append("--verbose")
    out = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    lines = []
    for doc, detail in out.get("details", {}).items():
        for metric, d in detail.items():
            for kind in ("missed", "spurious"):
                for item in d[kind]:
                    lines.append(f"{doc}\t{metric}\t{kind}\t{item}")
    return out, "\n".join(lines)


def run_set(shared: Path, name: str, gold: Path, docs: Path, pred: Path, verbose: bool) -> dict:
    extract_dir(docs, pred)
    out, detail = score(shared, gold, pred, docs, verbose)
    if detail:
        print(detail)
    return {"set": name, "documents": len(list(gold.glob("*.json"))), "metrics": out["metrics"],
            "spans": out.get("spans")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--half", choices=("A", "B", "all", "both"), default="both",
                    help="which part of gold-archive (both: A and B reported apart, plus all)")
    ap.add_argument("--verbose", action="store_true", help="print missed/spurious facts (half A only!)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--keep", type=Path, help="keep the extracted JSON here")
    ap.add_argument("--docs", help="only these stems (comma-separated)")
    ap.add_argument("--no-seeds", action="store_true", help="skip the seeds and gold-extra")
    args = ap.parse_args()
    shared = args.shared.resolve()
    only = set(args.docs.split(",")) if args.docs else None
    halves = ["A", "B", "all"] if args.half == "both" else [args.half]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for half in halves:
            gold, docs, pred = prepare(shared, half, work, only)
            results.append(run_set(shared, f"gold-archive {half}", gold, docs, pred,
                                   args.verbose and half == "A"))
        if not args.no_seeds:
            for name, gold, src in (("seeds", shared / "gold", shared / "corpus" / "seeds"),
                                    ("gold-extra", shared / "gold-extra", shared / "corpus" / "extra")):
                pred = work / f"pred-{name}"
                shutil.rmtree(pred, ignore_errors=True)
                results.append(run_set(shared, name, gold, src, pred, False))
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return 0
    print(f"{'set':18s} {'docs':>4s} " + " ".join(f"{m[:12]:>12s}" for m in METRICS) + "   spans")
    for r in results:
        cells = []
        for m in METRICS:
            x = r["metrics"].get(m, {})
            cells.append(f"{x.get('f1', 0):.3f}".rjust(12))
        sp = r.get("spans") or {}
        print(f"{r['set']:18s} {r['documents']:>4d} " + " ".join(cells) +
              f"   {sp.get('span_exact', 0)}/{sp.get('obligations', 0)}")
    a = next((r for r in results if r["set"] == "gold-archive A"), None)
    if a:
        m = a["metrics"]["assignments"]
        print(f"\nhalf A assignments P={m['precision']:.3f} R={m['recall']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
