"""The fast fold (lower case, a byte code page, a byte table) gives exactly the slow fold."""
from __future__ import annotations

import random

import pytest

from phoihop.ingest import textnorm
from phoihop.ingest.textnorm import _fold_char, fold, fold_keep


def _slow(text: str) -> str:
    return "".join(_fold_char(c) for c in text)


def test_every_character_folds_as_its_lower_case():
    """The premise of the fast path: fold(c) == fold(c.lower()) wherever lower() keeps one character."""
    for code in range(0x10000):
        if 0xD800 <= code < 0xE000:
            continue
        c = chr(code)
        low = c.lower()
        if len(low) == 1:
            assert _fold_char(c) == _fold_char(low), hex(code)


@pytest.mark.parametrize("text, folded", [
    ("Ủy ban nhân dân tỉnh Cà Mau", "uy ban nhan dan tinh ca mau"),
    ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "so nong nghiep va moi truong"),
    ("Đoàn ĐBQH, “Chủ trì” – phối hợp…", "doan dbqh   chu tri    phoi hop "),
    ("diện tích 120 m² tại Quảng Ngãi", "dien tich 120 m² tai quang ngai"),     # a fold outside ASCII
    ("Σ ΦΩΤΗΣ ΚΟΥ", "σ φωτησ κου"),                                          # no final sigma
    ("İzmir và Hà Tĩnh", "izmir va ha tinh"),                                # lower() of İ is two characters
    ("Hội nghị 中国 – Москва 😀", "hoi nghi 中国   москва  "),
])
def test_fast_fold_equals_the_slow_fold(text, folded):
    assert fold_keep(text) == _slow(text) == folded
    assert len(fold_keep(text)) == len(text)


def test_random_text_folds_the_same_both_ways(monkeypatch):
    rng = random.Random(7)
    ranges = [(0, 0x24F), (0x1E00, 0x1EFF), (0x2000, 0x206F), (0x370, 0x4FF), (0x4E00, 0x4FFF), (0x1F600, 0x1F64F)]
    for _ in range(500):
        text = "".join(chr(rng.randint(*rng.choice(ranges))) for _ in range(rng.randint(0, 60)))
        fast = fold_keep(text)
        monkeypatch.setattr(textnorm, "_FAST", None)
        assert fold_keep(text) == fast == _slow(text), repr(text)
        monkeypatch.undo()


def test_fold_squashes_words():
    assert fold("  Sở LĐ-TB&XH  tỉnh Gia Lai ") == "so ld tb xh tinh gia lai"
