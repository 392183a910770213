"""Directive headers on layouts outside the gold (issue 13, guide §2): number, type, date, issuer.

Invented short texts, one per phenomenon found by bench/header_check.py on archive copies
outside the gold; each asserts exact values so that a regression shows here.
"""
from __future__ import annotations

from ingest.extract import extract_text
from ingest.layout import read


def _directive(text):
    ex = extract_text(text, "t.md")
    assert ex.directives, "no directive"
    d = ex.directives[0]
    return ex, (d.number, d.type, d.date, d.issuer)


def test_bold_marks_splitting_letters_off_a_syllable_are_joined():
    # a scraper's bold marks around single letters: "V**Ă**N", "n**ă**m" are one word each
    assert read("**V****Ă****N PHÒNG**").text.split() == ["VĂN", "PHÒNG"]
    assert read("ngày 3 tháng 4 n**ă**m 2025").text.split() == ["ngày", "3", "tháng", "4", "năm", "2025"]
    assert read("trị**thuộc").text.split() == ["trị", "thuộc"]


MARKED_HEADER = """**V****Ă****N PHÒNG
CHÍNH PHỦ**
-------
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
Số: 204/VPCP-NN
V/v phòng chống hạn mặn vùng ven biển
*Hà Nội, ngày 08 tháng 3 n**ă**m 2025*
**Kính gửi:** Ủy ban nhân dân tỉnh Bến Tre
Phó Thủ tướng Chính phủ có ý kiến như sau: Ủy ban nhân dân tỉnh Bến Tre chủ trì triển khai các biện pháp
cấp nước sinh hoạt cho người dân.
Nơi nhận:
- Như trên;
- Lưu: VT, NN.
KT. BỘ TRƯỞNG, CHỦ NHIỆM
"""


def test_header_printed_with_split_bold_marks():
    _, got = _directive(MARKED_HEADER)
    assert got == ("204/VPCP-NN", "Công văn", "2025-03-08", "Văn phòng Chính phủ")
