"""Support roles, who they support, recipients and names that lose parts, on official documents
outside the gold (second round), on invented examples."""
from __future__ import annotations

from ingest.extract import extract_text

HEAD = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 41/2025/QĐ-UBND

Quảng Trị, ngày 14 tháng 8 năm 2025

QUYẾT ĐỊNH
Về việc phối hợp quản lý đất đai

"""

TAIL = """
Nơi nhận:
- Như Điều 3;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
"""


def roles(body: str) -> list[set[tuple[str, str]]]:
    """(agency, role) of each obligation of a decision of UBND tỉnh Quảng Trị with this body."""
    ex = extract_text(HEAD + body + TAIL, "qt.md")
    return [{(a.agency, a.role) for a in o.assignees if not a.generic} for o in ex.obligations]


def copied(lines: list[str]) -> list[str]:
    """The copied recipients of a decision whose Nơi nhận lists these lines."""
    block = "".join(f"- {line};\n" for line in lines)
    text = HEAD + "**Điều 1.** Sở Xây dựng chủ trì kiểm tra.\n\nNơi nhận:\n" + block + \
        "- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n"
    return [r.agency for r in extract_text(text, "qt.md").recipients if r.kind == "copied"]


def test_verb_cung_cap_after_a_body_is_no_level_phrase():
    # "cung cấp" (supply) folds like "cùng cấp" (same level): the body before it is still named
    got = roles("**Điều 2.** Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp cung cấp hồ sơ cho Thanh tra tỉnh.\n\n"
                "**Điều 3.** Giao Công an cung cấp thông tin, phối hợp với Thuế tỉnh cung cấp dữ liệu.\n")
    assert got == [{("Sở Nội vụ tỉnh Quảng Trị", "lead"), ("Sở Tư pháp tỉnh Quảng Trị", "support")},
                   {("Công an tỉnh Quảng Trị", "lead"), ("Thuế tỉnh Quảng Trị", "support")}]


def test_branch_named_by_region_or_number_keeps_it():
    # "Chi nhánh … khu vực <name>" and "… số 3": the region or number is part of the branch's name
    got = roles("**Điều 2.** Chi nhánh Văn phòng đăng ký đất đai khu vực Hướng Hóa - Đakrông chủ trì, "
                "phối hợp với Chi nhánh Văn phòng đăng ký đất đai số 3 kiểm tra hồ sơ.\n")
    assert got == [{("Chi nhánh Văn phòng đăng ký đất đai khu vực Hướng Hóa - Đakrông", "lead"),
                    ("Chi nhánh Văn phòng đăng ký đất đai số 3", "support")}]


def test_boards_of_the_peoples_council_are_named_with_it():
    # "Ban Pháp chế HĐND tỉnh", "Ban Kinh tế - Ngân sách HĐND tỉnh" (a party board's words),
    # "Ban Dân tộc HĐND tỉnh" (not the province's ethnic committee): boards of the council
    got = copied(["Ban Kinh tế - Ngân sách HĐND tỉnh", "Ban Pháp chế HĐND tỉnh", "Ban Dân tộc HĐND tỉnh",
                  "Ban Dân tộc tỉnh"])
    assert got == ["Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh Quảng Trị",
                   "Ban Pháp chế Hội đồng nhân dân tỉnh Quảng Trị",
                   "Ban Dân tộc Hội đồng nhân dân tỉnh Quảng Trị", "Ban Dân tộc tỉnh Quảng Trị"]


def test_centre_names_that_hold_another_heads_word_stay_whole():
    # "Trung tâm Thông tin - Công báo", "Trung tâm Công nghệ và Cổng Thông tin điện tử": one centre each
    got = copied(["Trung tâm Thông tin - Công báo tỉnh", "Trung tâm Công nghệ và Cổng Thông tin điện tử tỉnh"])
    assert got == ["Trung tâm Thông tin - Công báo tỉnh Quảng Trị",
                   "Trung tâm Công nghệ và Cổng Thông tin điện tử tỉnh Quảng Trị"]


def test_post_office_and_abbreviated_ministry_are_recipients():
    # "Bưu điện tỉnh" is the province's post office; "Bộ VHTT và DL" the ministry of culture, sports and tourism
    got = copied(["Bưu điện tỉnh", "Các Bộ: VHTT và DL, Tư pháp"])
    assert got == ["Bưu điện tỉnh Quảng Trị", "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Tư pháp"]
