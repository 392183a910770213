"""Recall on archive documents nobody tuned to (issue 13, session 10): constructions found on archive copies
outside the gold, each written here on a short invented example (other provinces, other bodies), with the
exact agencies and roles asserted so that a regression shows.
"""
from __future__ import annotations

from phoihop.ingest.extract import extract_text

DECISION = """ỦY BAN NHÂN DÂN
TỈNH {upper}
Số: 208/QĐ-UBND
{name}, ngày 4 tháng 11 năm 2025
QUYẾT ĐỊNH
Ban hành Quy chế quản lý hạ tầng viễn thông thụ động
Điều 1. Trách nhiệm của các cơ quan
{body}
Nơi nhận:
- Như Điều 1;
- Lưu: VT.
CHỦ TỊCH
"""


def _roles(body: str, name: str = "Tuyên Quang") -> list[list[tuple[str, str]]]:
    ex = extract_text(DECISION.format(upper=name.upper(), name=name, body=body), "t.md")
    return [[(a.agency, a.role) for a in o.assignees] for o in ex.obligations]


# ---------------------------------------------------------------- a marker word inside an opening adverbial

def test_a_report_named_in_the_condition_is_no_reporting_line():
    # "Khi nhận được báo cáo, Sở X có trách nhiệm …": "báo cáo" is the noun of the condition, the comma ends
    # it, and the body after the comma is the clause's subject (guide §2 "A có trách nhiệm …": lead)
    assert _roles("1. Khi nhận được báo cáo, Sở Y tế có trách nhiệm kiểm tra, xử lý.") == [
        [("Sở Y tế tỉnh Tuyên Quang", "lead")]]
    assert _roles("1. Khi nhận được báo cáo của Ủy ban nhân dân cấp xã, Sở Y tế có trách nhiệm kiểm tra.") == [
        [("Sở Y tế tỉnh Tuyên Quang", "lead")]]


def test_a_request_named_in_the_condition_leaves_the_subject_its_task():
    assert _roles("1. Đối với trường hợp yêu cầu cấp lại mật khẩu, Sở Khoa học và Công nghệ thực hiện "
                  "kiểm tra.") == [[("Sở Khoa học và Công nghệ tỉnh Tuyên Quang", "lead")]]
    assert _roles("1. Khi nhận được tin báo hoặc đề nghị hỗ trợ của chủ rừng, Công an tỉnh có trách nhiệm "
                  "huy động lực lượng.") == [[("Công an tỉnh Tuyên Quang", "lead")]]
    # the verb of a list still governs its bodies: "Phối hợp với Ban A, Trung tâm B triển khai …" is unchanged
    assert _roles("1. Sở Tài chính phối hợp với Sở Xây dựng, Sở Công Thương triển khai.") == [
        [("Sở Tài chính tỉnh Tuyên Quang", "lead"), ("Sở Xây dựng tỉnh Tuyên Quang", "support"),
         ("Sở Công Thương tỉnh Tuyên Quang", "support")]]


# ---------------------------------------------------------------- parties that are no bodies in a subject list

def test_a_subject_list_goes_on_past_a_party_that_is_no_body():
    # "UBND các xã, doanh nghiệp viễn thông có trách nhiệm …": the enterprises are not recorded, but the
    # list's verb still gives the bodies before them their task
    assert _roles("1. Ủy ban nhân dân các xã, phường, doanh nghiệp viễn thông có trách nhiệm cung cấp dữ liệu.") == [
        [("Ủy ban nhân dân các xã, phường tỉnh Tuyên Quang", "lead")]]
    assert _roles("1. Sở Xây dựng, chủ đầu tư có trách nhiệm bàn giao hồ sơ.") == [
        [("Sở Xây dựng tỉnh Tuyên Quang", "lead")]]
    assert _roles("1. Sở Tài chính, các doanh nghiệp có trách nhiệm báo cáo.") == [
        [("Sở Tài chính tỉnh Tuyên Quang", "lead")]]


# ---------------------------------------------------------------- the owner of a generic class

def test_a_list_goes_on_past_the_owner_of_a_described_class():
    # "Các cơ quan chuyên môn thuộc UBND tỉnh và UBND các xã có trách nhiệm …": UBND tỉnh only says whose
    # units the class holds (no member); the collective after it is the list's next subject
    roles = _roles("1. Các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh và Ủy ban nhân dân các xã, phường "
                   "có trách nhiệm báo cáo kết quả.")
    assert [r for r in roles[0] if not r[0].startswith("Các ")] == [
        ("Ủy ban nhân dân các xã, phường tỉnh Tuyên Quang", "lead")]
    roles = _roles("1. Các sở, ban, ngành của Ủy ban nhân dân tỉnh, Ủy ban nhân dân xã, phường chủ động tổ "
                   "chức quán triệt.")
    assert [r for r in roles[0] if not r[0].startswith("Các ")] == [
        ("Ủy ban nhân dân các xã, phường tỉnh Tuyên Quang", "lead")]
    roles = _roles("1. Sở Tư pháp phối hợp với các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, Ủy ban nhân "
                   "dân các xã tổ chức thực hiện.")
    assert [r for r in roles[0] if not r[0].startswith("các ")] == [
        ("Sở Tư pháp tỉnh Tuyên Quang", "lead"), ("Ủy ban nhân dân các xã tỉnh Tuyên Quang", "support")]


# ---------------------------------------------------------------- names that stop at a verb or an owner

def test_an_open_name_stops_before_truc_thuoc():
    # "Ban Quản lý dự án … trực thuộc UBND tỉnh": "trực thuộc" names the owner; the name must not keep "trực"
    assert _roles("1. Giao Ban Quản lý dự án đầu tư xây dựng trực thuộc Ủy ban nhân dân tỉnh chủ trì, phối hợp "
                  "với Trung tâm Phát triển quỹ đất trực thuộc Sở Tài chính tổ chức thực hiện.") == [
        [("Ban Quản lý dự án đầu tư xây dựng tỉnh Tuyên Quang", "lead"),
         ("Trung tâm Phát triển quỹ đất tỉnh Tuyên Quang", "support")]]


# ---------------------------------------------------------------- items of a lettered point

def test_items_of_a_lettered_point_open_their_own_clause():
    # "b1)", "a.1)": the items under a point "b)" are labels like "a)"; the body after the label opens the
    # clause ("b4) UBND cấp tỉnh có trách nhiệm …" was read as running on from the line before, no task)
    for label in ("b4)", "a.1)", "c2."):
        assert _roles(f"1. Về quản lý mỏ:\n{label} Sở Công Thương có trách nhiệm giám sát việc khai thác.")[-1] \
            == [("Sở Công Thương tỉnh Tuyên Quang", "lead")], label
    # under a body's heading the items still inherit its lead, and their text starts after the label
    ex = extract_text(DECISION.format(upper="TUYÊN QUANG", name="Tuyên Quang",
                                      body="1. Sở Xây dựng:\na) Về dự án:\na1) Tổ chức thẩm định hồ sơ thiết kế.\n"
                                           "a2) Phối hợp với Sở Tài chính bố trí vốn."), "t.md")
    tasks = [(o.text.strip(), [(a.agency, a.role) for a in o.assignees]) for o in ex.obligations]
    assert ("Tổ chức thẩm định hồ sơ thiết kế.", [("Sở Xây dựng tỉnh Tuyên Quang", "lead")]) in tasks
    assert ("Phối hợp với Sở Tài chính bố trí vốn.", [("Sở Xây dựng tỉnh Tuyên Quang", "lead"),
                                                     ("Sở Tài chính tỉnh Tuyên Quang", "support")]) in tasks
