"""Recall on official documents nobody tuned to (issue 13, session 12): constructions found on archive copies
outside the gold, each written here on a short invented example (other provinces, ministries, bodies), with the
exact named agencies and roles asserted so that a regression shows.
"""
from __future__ import annotations

from phoihop.ingest.extract import extract_text

DECREE = """CHÍNH PHỦ
Số: 88/2026/NĐ-CP
Hà Nội, ngày 3 tháng 6 năm 2026
NGHỊ ĐỊNH
Quy định về quản lý cảng cá
Điều 12. Hiệu lực và trách nhiệm thi hành
1. Nghị định này có hiệu lực thi hành từ ngày 01 tháng 8 năm 2026.
{body}
Nơi nhận:
- Như Điều 12;
- Lưu: VT.
TM. CHÍNH PHỦ
THỦ TƯỚNG
"""

PLAN = """BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
Số: 120/QĐ-BNNMT
Hà Nội, ngày 3 tháng 6 năm 2026
QUYẾT ĐỊNH
Phê duyệt Đề án số hóa cảng cá
Điều 2. Tổ chức thực hiện
{body}
Nơi nhận:
- Như Điều 3;
- Lưu: VT.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
"""


def _roles(template: str, body: str) -> list[list[tuple[str, str]]]:
    """(agency, role) of the named assignees of each obligation (generic phrases left out)."""
    ex = extract_text(template.format(body=body), "t.md")
    return [[(a.agency, a.role) for a in o.assignees if not a.generic] for o in ex.obligations]


# ---------------------------------------------------------------- a decree's closing article

def test_decree_closing_with_guide_and_execute_lists_its_bodies_as_leads():
    # "Các Bộ trưởng, …, Chủ tịch UBND tỉnh, thành phố … trong phạm vi chức năng, quyền hạn của mình có trách nhiệm
    # hướng dẫn và thi hành Nghị định này": the closing phrase is every listed body's (guide §8)
    assert _roles(DECREE, "2. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ "
                          "tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương trong phạm vi chức năng, quyền "
                          "hạn của mình có trách nhiệm hướng dẫn và thi hành Nghị định này./.") == [
        [("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", "lead")]]


def test_decree_closing_guide_execute_after_a_named_minister():
    assert _roles(DECREE, "2. Bộ trưởng Bộ Nông nghiệp và Môi trường chịu trách nhiệm hướng dẫn thi hành Nghị định "
                          "này.") == [[("Bộ Nông nghiệp và Môi trường", "lead")]]


# ---------------------------------------------------------------- a proposal's addressee in a headed task

def test_the_body_a_proposal_goes_to_leaves_the_heading_its_task():
    # "1. Cục X / a) …; đề xuất, kiến nghị Thủ tướng Chính phủ điều chỉnh Đề án": the Prime Minister is who the
    # proposal goes to (reports), the heading's body keeps the task (guide §2)
    assert _roles(PLAN, "1. Cục Thủy sản và Kiểm ngư\na) Chủ trì triển khai Đề án; tổng hợp kết quả thực hiện; đề "
                        "xuất, kiến nghị Thủ tướng Chính phủ điều chỉnh Đề án khi cần thiết.\n2. Vụ Kế hoạch - Tài "
                        "chính\nBố trí kinh phí thực hiện Đề án.") == [
        [("Cục Thủy sản và Kiểm ngư", "lead")],
        [("Vụ Kế hoạch - Tài chính Bộ Nông nghiệp và Môi trường", "lead")]]


def test_report_and_proposal_to_a_body_in_a_subjects_task():
    assert _roles(PLAN, "1. Sở Công Thương tỉnh Gia Lai chủ trì rà soát các cảng cá, báo cáo, kiến nghị Bộ Nông "
                        "nghiệp và Môi trường xem xét trước ngày 30/9/2026.") == [
        [("Sở Công Thương tỉnh Gia Lai", "lead")]]


def test_an_opening_request_still_orders():
    # "Kiến nghị X …" opening a clause stays an order (guide §2 "Đề nghị A …")
    assert _roles(PLAN, "1. Kiến nghị Ủy ban nhân dân tỉnh Gia Lai bố trí quỹ đất xây dựng cảng cá.") == [
        [("Ủy ban nhân dân tỉnh Gia Lai", "lead")]]


# ---------------------------------------------------------------- a letter named by its kind

PROVINCE = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 905/QĐ-UBND
Quảng Ngãi, ngày 3 tháng 6 năm 2026
QUYẾT ĐỊNH
Ban hành quy trình nội bộ giải quyết thủ tục hành chính
Điều 2. Quy trình
{body}
Nơi nhận:
- Như Điều 3;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
"""


def test_a_draft_letter_that_asks_a_body_orders_nobody():
    # "dự thảo Văn bản đề nghị UBND tỉnh xem xét cấp giấy phép" (a step of a procedure): the letter's kind, like
    # "Tờ trình đề nghị", names who it asks; the text gives that body no task (guide §2)
    assert _roles(PROVINCE, "1. Trường hợp hồ sơ đủ điều kiện thì dự thảo Văn bản đề nghị UBND tỉnh xem xét cấp "
                            "giấy phép, trình lãnh đạo phòng ký nháy.") == []
    assert _roles(PROVINCE, "1. Sở Công Thương gửi công văn đề nghị Bộ Công Thương hướng dẫn thủ tục.") == [
        [("Sở Công Thương tỉnh Quảng Ngãi", "lead")]]
    # an order that opens with the verb stays one
    assert _roles(PROVINCE, "1. Đề nghị Sở Tư pháp tỉnh Quảng Ngãi rà soát quy trình.") == [
        [("Sở Tư pháp tỉnh Quảng Ngãi", "lead")]]
