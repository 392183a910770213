"""Linear-time extraction (issue 15, point 3), checked by counting work, never by timing.

Each test extracts a text made of k and 4k copies of an invented paragraph and compares the work
done: Python function calls, characters scanned for sentence ends, characters handed to the
mention scanner. Linear work grows 4 times; a quadratic path (re-scanning from a paragraph's
start for each number, a parent look-up reading the rest of the paragraph for each unit, a
check of every earlier span for each match) grows about 16 times.
"""
from __future__ import annotations

import random
import sys

import pytest

from phoihop.ingest import agencies, directives
from phoihop.ingest.directives import SentenceStarts, sentence_start
from phoihop.ingest.extract import extract_text

HEADER = ("ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG\nSố: 45/KH-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
          "Độc lập - Tự do - Hạnh phúc\n\nKẾ HOẠCH\nVề việc kiểm tra hồ sơ đất đai\n\n")

# a news page printed as one line: numbers reported sentence after sentence
NEWS = ("UBND tỉnh Kon Tum vừa ban hành Kế hoạch số {n}/KH-UBND ngày 3/4/2025 về kiểm tra hồ sơ. "
        "Theo đó, giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với UBND các xã thực hiện. ")
# bodies listed with their parents, and generic phrases, in one paragraph of an official text
UNITS = "Phòng Quản lý đất đai - Sở Nông nghiệp và Môi trường tỉnh Cao Bằng, Phòng Kinh tế, "
GENERIC = "các cơ quan, đơn vị có liên quan và Ủy ban nhân dân các tỉnh ủy, thành ủy; "


class _CountingPattern:
    """A compiled pattern that adds up the length of every stretch it is asked to scan."""

    def __init__(self, pattern, counts: dict):
        self.pattern, self.counts = pattern, counts

    def finditer(self, text, pos=0, endpos=sys.maxsize):
        self.counts["sentence chars"] += min(endpos, len(text)) - pos
        return self.pattern.finditer(text, pos, endpos)

    def __getattr__(self, name):
        return getattr(self.pattern, name)


def _work(text: str, monkeypatch) -> dict:
    counts = {"calls": 0, "sentence chars": 0, "mention chars": 0}
    scan = agencies._find_mentions

    def counting_scan(T, F, lo, hi, ctx):
        counts["mention chars"] += hi - lo
        return scan(T, F, lo, hi, ctx)

    def profile(frame, event, arg):
        if event == "call":
            counts["calls"] += 1

    with monkeypatch.context() as m:
        m.setattr(directives, "_SENT_END", _CountingPattern(directives._SENT_END, counts))
        m.setattr(agencies, "_find_mentions", counting_scan)
        sys.setprofile(profile)
        try:
            extract_text(text, "x.txt")
        finally:
            sys.setprofile(None)
    return counts


@pytest.mark.parametrize("name, make", [
    ("news on one line", lambda k: "".join(NEWS.format(n=100 + i) for i in range(k))),
    ("units with parents", lambda k: HEADER + "Điều 1. Giao " + UNITS * k + "thực hiện.\n"),
    ("generic phrases", lambda k: HEADER + "Điều 1. " + GENERIC * k + "\n"),
    # a library's table streamed one cell a line that never closes a header row ("|" "|"): each "|"
    # was tried again as the start of a header that scanned the whole run
    ("cells streamed one a line", lambda k: HEADER + "Điều 1. Các đơn vị:\n" + "|\nSở Y tế\n" * k + "\n"),
])
def test_work_grows_linearly(name, make, monkeypatch):
    extract_text(make(2), "warm.txt")   # tables loaded before counting
    small, large = _work(make(60), monkeypatch), _work(make(240), monkeypatch)
    for measure in small:
        if small[measure] > 1000:
            ratio = large[measure] / small[measure]
            assert ratio < 6, f"{name}: {measure} grew {ratio:.1f}x for 4x the text (quadratic?)"


def test_long_list_of_units_with_parents_does_not_exhaust_the_stack():
    """A paragraph listing 1,500 rooms with their departments extracts (it raised RecursionError)."""
    ex = extract_text(HEADER + "Điều 1. Giao " + UNITS * 1500 + "thực hiện.\n", "x.txt")
    assert ex.directives and ex.directives[0].number == "45/KH-UBND"


def test_sentence_starts_match_sentence_start():
    """The one-scan sentence starts are those of sentence_start at every position asked in order."""
    rng = random.Random(7)
    pieces = ["Sở Y tế", " ", "  ", ".", ". ", "\n", "!", "? ", "(", "“", "Đ", "a", "\t", "\xa0", "12/KH"]
    for _ in range(200):
        text = "".join(rng.choice(pieces) for _ in range(120))
        floor = rng.randrange(0, 10)
        starts, pos = SentenceStarts(text, floor), floor
        while pos < len(text):
            assert starts.at(pos) == sentence_start(text, pos, floor), (text, floor, pos)
            pos += rng.randrange(0, 5)
