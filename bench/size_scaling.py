#!/usr/bin/env python3
"""Extraction time against document size: is it proportional (issue 15, point 3)?

    python bench/size_scaling.py [--shared ../shared] [--sizes 1,10,50] [--flat] [--runs 1]

Builds one large document per size by concatenating archive texts (the document proper of each
page, its banner and footer left out, so that the whole text is read as one document: the first
is an official text, so the whole is one long official document with its header, body and
attachments) and extracts it in this process. With ``--flat`` the line breaks are removed too (a
text printed as one line, the case that used to be quadratic). Prints one row per size: MB, CPU
seconds (median of ``--runs``), MB/s, and seconds per MB relative to the first row (1.0 = linear).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from phoihop.ingest import layout  # noqa: E402
from phoihop.ingest.extract import extract_text  # noqa: E402
from phoihop.ingest.textnorm import nfc  # noqa: E402

_MOTTO = "CỘNG HÒA XÃ HỘI"


def _proper(text: str) -> str:
    """The document proper of an archive page (what the layout stage keeps of it)."""
    text = nfc(text)
    lay = layout.read(text)
    return text[lay.start:lay.end].strip()


def build(archive: Path, mb: float, flat: bool) -> str:
    """About mb MB of archive texts, an official text first, cycling through the archive if needed."""
    files = sorted(archive.glob("*.md"))
    first = next(p for p in files if _MOTTO in p.read_text(encoding="utf-8")[:3000])
    parts = [_proper(first.read_text(encoding="utf-8"))]
    size, i = len(parts[0].encode("utf-8")), 0
    while size < mb * 1e6:
        part = _proper(files[i % len(files)].read_text(encoding="utf-8"))
        i += 1
        if part:
            parts.append(part)
            size += len(part.encode("utf-8")) + 2
    text = "\n\n".join(parts)
    return text.replace("\n", " ") if flat else text


def measure(text: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.process_time()
        extract_text(text, "scaling.md")
        times.append(time.process_time() - t0)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--sizes", default="1,10,50", help="sizes in MB, comma-separated")
    ap.add_argument("--flat", action="store_true", help="remove the line breaks (one-line text)")
    ap.add_argument("--runs", type=int, default=1)
    args = ap.parse_args()
    archive = args.shared.resolve() / "corpus" / "archive"
    extract_text("Ủy ban nhân dân tỉnh An Giang giao Sở Y tế thực hiện.", "warm.txt")   # load the tables
    print(f"{'MB':>7s} {'CPU s':>8s} {'MB/s':>6s} {'s/MB vs first':>14s}   ({'one line' if args.flat else 'lines'})")
    first = None
    for mb in (float(s) for s in args.sizes.split(",")):
        text = build(archive, mb, args.flat)
        size = len(text.encode("utf-8")) / 1e6
        cpu = measure(text, args.runs)
        per_mb = cpu / size
        first = first or per_mb
        print(f"{size:7.1f} {cpu:8.1f} {size / cpu:6.2f} {per_mb / first:14.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
