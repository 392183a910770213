"""Lead–support pairs of one obligation on official documents outside the gold (second round),
on invented examples."""
from __future__ import annotations

from ingest.extract import extract_text

HEAD = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 27/2025/QĐ-UBND

Quảng Trị, ngày 09 tháng 6 năm 2025

QUY ĐỊNH
Quản lý bến thủy nội địa trên địa bàn tỉnh

"""

TAIL = """
Nơi nhận:
- Như Điều 3;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
"""


def roles(body: str) -> list[set[tuple[str, str]]]:
    """(agency, role) of each obligation of a regulation of UBND tỉnh Quảng Trị with this body."""
    ex = extract_text(HEAD + body + TAIL, "qt.md")
    return [{(a.agency, a.role) for a in o.assignees if not a.generic} for o in ex.obligations]


def test_article_word_alone_on_its_line_heads_the_article():
    # "**Điều" hard-wrapped before "7. Trách nhiệm của …**": the article's body leads its items, and
    # "7." is no item of the article before
    got = roles("**Điều\n6. Trách nhiệm của Sở Xây dựng**\n\n1. Chủ trì cấp phép bến thủy nội địa.\n\n"
                "**Điều\n7. Trách nhiệm của Sở Nông nghiệp và Môi trường**\n\n"
                "1. Chủ trì, phối hợp với Công an tỉnh kiểm tra bến bãi.\n\n"
                "2. Hướng dẫn thủ tục môi trường cho chủ bến.\n")
    assert got == [{("Sở Xây dựng tỉnh Quảng Trị", "lead")},
                   {("Sở Nông nghiệp và Môi trường tỉnh Quảng Trị", "lead"), ("Công an tỉnh Quảng Trị", "support")},
                   {("Sở Nông nghiệp và Môi trường tỉnh Quảng Trị", "lead")}]
