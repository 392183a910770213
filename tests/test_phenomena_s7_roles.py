"""How roles are read (session 7), on constructions found in archive documents outside the gold:
footnote marks of consolidated texts inside a list of partners, task tables whose "document that gave the
task" column also says "nhiệm vụ". Invented examples (a plan of UBND tỉnh Lạng Sơn and a ministry's notice)."""
from __future__ import annotations

from official_text import closing, obligation_roles

HEAD = """ỦY BAN NHÂN DÂN
TỈNH LẠNG SƠN

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 41/KH-UBND

Lạng Sơn, ngày 12 tháng 5 năm 2025

KẾ HOẠCH
Phát triển du lịch cộng đồng năm 2025

"""

TAIL = closing()

LS = " tỉnh Lạng Sơn"


def roles(body: str) -> list[set[tuple[str, str]]]:
    """(agency, role) of each obligation of the plan with this body (generic bodies left out)."""
    return obligation_roles(HEAD + body + TAIL, "ls.md")


def test_a_footnote_mark_does_not_end_a_list_of_partners():
    body = ("1. Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Sở Tài chính[3], Sở Xây dựng[12] "
            "xây dựng bộ tiêu chí điểm du lịch cộng đồng.\n")
    assert roles(body) == [{("Sở Văn hóa, Thể thao và Du lịch" + LS, "lead"), ("Sở Tài chính" + LS, "support"),
                            ("Sở Xây dựng" + LS, "support")}]


def test_a_markdown_link_numbered_like_a_footnote_is_left_alone():
    from phoihop.ingest import layout
    text = "Xem [1](https://example.vn/a) và Sở Y tế[2]."
    out = layout.read(text).text
    assert "[1](https://example.vn/a)" in out and "[2]" not in out and len(out) == len(text)


def test_the_task_column_is_the_leftmost_one_not_the_column_of_the_document_that_gave_it():
    body = """III. TỔ CHỨC THỰC HIỆN

| STT | Nhiệm vụ | Văn bản giao nhiệm vụ | Cơ quan chủ trì | Thời hạn |
|---|---|---|---|---|
| 1 | Chủ trì, phối hợp với Sở Công Thương, Sở Ngoại vụ xây dựng chương trình xúc tiến du lịch | Thông báo số 15/TB-UBND | Sở Văn hóa, Thể thao và Du lịch | 30/9/2025 |
"""
    got = roles(body)
    assert {("Sở Văn hóa, Thể thao và Du lịch" + LS, "lead"), ("Sở Công Thương" + LS, "support"),
            ("Sở Ngoại vụ" + LS, "support")} in got


def test_a_proposal_to_the_issuers_chairman_is_no_order_of_the_issuer():
    body = """Điều 2. Giao Sở Nông nghiệp và Môi trường:

a) Công khai thủ tục hành chính trên Cổng Thông tin điện tử.

b) Rà soát khó khăn, vướng mắc và tham mưu, đề xuất Chủ tịch Ủy ban nhân dân tỉnh chỉ đạo giải quyết.

Điều 3. Sở Tài chính đề xuất phương án bố trí kinh phí.
"""
    assert roles(body) == [{("Sở Nông nghiệp và Môi trường" + LS, "lead")},
                           {("Sở Nông nghiệp và Môi trường" + LS, "lead")},
                           {("Sở Tài chính" + LS, "lead")}]


def test_a_task_block_whose_lists_end_in_class_words_and_an_advising_lead_label():
    body = """1. Bồi dưỡng kỹ năng soạn thảo văn bản

*Đơn vị chủ trì tham mưu thực hiện: *Sở Tư pháp.

*Đơn vị phối hợp thực hiện: *Sở Nội vụ; các cơ quan, đơn vị, địa phương liên quan.

2. Tuyên truyền pháp luật

*Đơn vị chủ trì thực hiện: *Đài Phát thanh và Truyền hình tỉnh; Sở Tư pháp, các cơ quan, đơn vị, địa phương.

*Đơn vị phối hợp: *Sở Văn hóa, Thể thao và Du lịch.
"""
    got = roles(body)
    assert ("Sở Nội vụ" + LS, "support") in set().union(*got)
    assert {("Sở Tư pháp" + LS, "lead"), ("Sở Nội vụ" + LS, "support")} in got
    assert {("Đài Phát thanh và Truyền hình" + LS, "lead"), ("Sở Tư pháp" + LS, "lead"),
            ("Sở Văn hóa, Thể thao và Du lịch" + LS, "support")} in got
