"""Which library suggests the agency a user meant when the name typed matches nothing?

When ``phoihop duties NAME`` finds no agency, it lists the nearest names ("did you mean").
This compares the standard library's ``difflib.get_close_matches`` with ``rapidfuzz`` on
real agency names: the names of the hand-made gold (``gold-archive``, ``gold``,
``gold-extra``), typed as users type them (no diacritics) with one or two typing errors
(a letter dropped, doubled, swapped with the next, or replaced). The candidates are the
real names alone, then the real names among 10,000+ names of a generated archive (a large
store: more near neighbours, and the time per query).

    python bench/fuzzy_match.py [--shared ../shared] [--generated /tmp/gen5k]

(``--generated``: a folder written by ``bench/generate.py``; its gold names are added.)
Prints, per pool and method: the share of queries whose intended name is the first
suggestion and among the five suggestions, and the median time per query.
"""
from __future__ import annotations

import argparse
import difflib
import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from phoihop.ingest.textnorm import fold  # noqa: E402

LETTERS = "abcdefghiklmnopqrstuvxy"


def gold_names(folder: Path) -> set[str]:
    names = set()
    for f in folder.glob("*.json"):
        data = json.loads(f.read_text(encoding="utf-8"))
        for o in data.get("obligations", []):
            names |= {a["agency"] for a in o.get("assignees", []) if a.get("agency")}
    return names


def typo(text: str, rng: random.Random) -> str:
    """``text`` with one typing error at a random letter."""
    i = rng.randrange(len(text))
    kind = rng.choice(("drop", "double", "swap", "replace"))
    if kind == "drop":
        return text[:i] + text[i + 1:]
    if kind == "double":
        return text[:i] + text[i] + text[i:]
    if kind == "swap" and i + 1 < len(text):
        return text[:i] + text[i + 1] + text[i] + text[i + 2:]
    return text[:i] + rng.choice(LETTERS) + text[i + 1:]


def methods():
    from rapidfuzz import fuzz, process

    def rf(scorer, cutoff):
        def suggest(q, pool):
            return [m for m, _, _ in process.extract(q, pool, scorer=scorer, limit=5, score_cutoff=cutoff)]
        return suggest

    return {
        "difflib get_close_matches (cutoff 0.4; today)": lambda q, pool: difflib.get_close_matches(q, pool, n=5,
                                                                                                     cutoff=0.4),
        "rapidfuzz ratio (cutoff 40)": rf(fuzz.ratio, 40),
        "rapidfuzz WRatio (cutoff 40)": rf(fuzz.WRatio, 40),
        "rapidfuzz token_set_ratio (cutoff 40)": rf(fuzz.token_set_ratio, 40),
    }


def measure(suggest, queries: list[tuple[str, str]], pool: list[str]) -> tuple[float, float, float]:
    first = five = 0
    times = []
    for q, meant in queries:
        t = time.perf_counter()
        got = suggest(q, pool)
        times.append(time.perf_counter() - t)
        first += bool(got) and got[0] == meant
        five += meant in got
    return first / len(queries), five / len(queries), statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--generated", type=Path, help="a bench/generate.py output folder (its gold/ names join the pool)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--large-queries", type=int, default=100,
                    help="queries asked of the large pool (difflib takes seconds each there)")
    args = ap.parse_args(argv)
    real = set()
    for sub in ("gold-archive", "gold", "gold-extra"):
        real |= gold_names(args.shared / sub)
    real_folded = sorted({fold(n) for n in real})
    rng = random.Random(args.seed)
    queries = []
    for name in real_folded:
        queries.append((typo(name, rng), name))
        queries.append((typo(typo(name, rng), rng), name))
    pools = {f"{len(real_folded)} real names": (real_folded, queries)}
    if args.generated:
        generated = {fold(n) for n in gold_names(args.generated / "gold")}
        pool = sorted(generated | set(real_folded))
        sample = random.Random(args.seed).sample(queries, min(args.large_queries, len(queries)))
        pools[f"{len(pool)} names (real + generated; {len(sample)} queries)"] = (pool, sample)
    print(f"{len(queries)} queries: {len(real_folded)} real names typed without diacritics, "
          "with one and with two typing errors")
    print("| candidates | method | first suggestion right | among five | median ms/query |")
    print("|---|---|---|---|---|")
    for label, (pool, asked) in pools.items():
        for name, suggest in methods().items():
            first, five, t = measure(suggest, asked, pool)
            print(f"| {label} | {name} | {first:.3f} | {five:.3f} | {t * 1000:.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
