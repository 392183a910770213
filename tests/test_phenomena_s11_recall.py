"""Recall on archive documents nobody tuned to (issue 13, session 11): constructions found on official archive
copies outside the gold, each written here on a short invented example (other provinces, other bodies), with
the exact named agencies and roles asserted so that a regression shows.
"""
from __future__ import annotations

from phoihop.ingest.extract import extract_text

from official_text import closing

DECISION = """ỦY BAN NHÂN DÂN
TỈNH {upper}
Số: 317/QĐ-UBND
{name}, ngày 12 tháng 11 năm 2025
QUYẾT ĐỊNH
Ban hành Quy chế phối hợp quản lý chợ trên địa bàn tỉnh
Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp quản lý chợ trên địa bàn tỉnh.
Điều 2. Tổ chức thực hiện
{body}
""" + closing("Như Điều 3")


def _roles(body: str, name: str = "Lào Cai") -> list[list[tuple[str, str]]]:
    """(agency, role) of the named assignees of each obligation (generic phrases left out)."""
    ex = extract_text(DECISION.format(upper=name.upper(), name=name, body=body), "t.md")
    return [[(a.agency, a.role) for a in o.assignees if not a.generic] for o in ex.obligations]


# ---------------------------------------------------------------- a closing article of several ';'-pieces

def test_closing_article_reaches_its_phrase_across_several_pieces():
    # "…, Giám đốc các Sở: A, B; Thủ trưởng cơ quan C tại tỉnh; Thủ trưởng các sở, ngành; Chủ tịch UBND các xã
    # chịu trách nhiệm thi hành": every listed body is a lead (guide §8), though the piece right after the first
    # ';' holds no phrase and the first ends with no body ("tại tỉnh"); "Xây dựng" is a department, no verb
    roles = _roles("Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các Sở: Y tế, Xây dựng; Thủ trưởng "
                   "cơ quan Thuế tại tỉnh; Thủ trưởng các sở, ngành; Chủ tịch Ủy ban nhân dân các xã chịu trách "
                   "nhiệm thi hành Quyết định này.")
    assert roles == [[("Văn phòng Ủy ban nhân dân tỉnh Lào Cai", "lead"), ("Sở Y tế tỉnh Lào Cai", "lead"),
                      ("Sở Xây dựng tỉnh Lào Cai", "lead"), ("Thuế tỉnh Lào Cai", "lead"),
                      ("Ủy ban nhân dân các xã tỉnh Lào Cai", "lead")]]


def test_closing_article_names_after_a_piece_without_a_body_at_its_end():
    roles = _roles("Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Công Thương, Giám đốc Kho bạc Nhà "
                   "nước khu vực VIII tại tỉnh; Thủ trưởng các sở, ngành; Chủ tịch Ủy ban nhân dân các xã, phường "
                   "chịu trách nhiệm thi hành Quyết định này.", "Phú Thọ")
    assert roles == [[("Văn phòng Ủy ban nhân dân tỉnh Phú Thọ", "lead"), ("Sở Công Thương tỉnh Phú Thọ", "lead"),
                      ("Kho bạc Nhà nước khu vực VIII", "lead"),
                      ("Ủy ban nhân dân các xã, phường tỉnh Phú Thọ", "lead")]]


# ---------------------------------------------------------------- a bracket that defines a short name

def test_a_subject_keeps_its_verb_past_the_bracket_that_names_it_short():
    # "UBND các xã, phường (sau đây gọi chung là UBND cấp xã) có trách nhiệm …": the short name is the same
    # body (no second party) and the body before the bracket is the clause's subject
    assert _roles("1. Ủy ban nhân dân các xã, phường (sau đây gọi chung là Ủy ban nhân dân cấp xã) có trách "
                  "nhiệm rà soát, báo cáo kết quả.") == [[("Ủy ban nhân dân các xã, phường tỉnh Lào Cai", "lead")]]
    assert _roles("1. Ban Quản lý các khu công nghiệp và khu chế xuất tỉnh (sau đây gọi tắt là Ban Quản lý khu "
                  "công nghiệp) chủ trì, phối hợp với Sở Xây dựng rà soát.", "Bình Phước") == [
        [("Ban Quản lý các khu công nghiệp và khu chế xuất tỉnh Bình Phước", "lead"),
         ("Sở Xây dựng tỉnh Bình Phước", "support")]]


# ---------------------------------------------------------------- the subject of the clause after "thì"

def test_a_head_after_then_is_the_main_clause_subject():
    # "Trường hợp … thì Giám đốc Sở Y tế có trách nhiệm chủ trì …": the task of the head is its body's (§8)
    assert _roles("1. Trường hợp văn bản quy phạm pháp luật được sửa đổi thì Giám đốc Sở Y tế có trách nhiệm "
                  "chủ trì, phối hợp các cơ quan liên quan tham mưu Ủy ban nhân dân tỉnh sửa đổi.") == [
        [("Sở Y tế tỉnh Lào Cai", "lead")]]


def test_the_bodies_of_a_condition_do_not_lead_the_main_clause():
    # "Trường hợp dự án không do Bộ A, Bộ B tổ chức thực hiện thì Sở C có trách nhiệm …": A and B belong to the
    # condition; C is what the clause orders
    assert _roles("1. Trường hợp dự án không do Bộ Quốc phòng, Bộ Công an tổ chức thực hiện thì Sở Tư pháp có "
                  "trách nhiệm lấy ý kiến của Bộ Quốc phòng.") == [[("Sở Tư pháp tỉnh Lào Cai", "lead")]]
    # a lead named before the condition opens keeps its task; the body after "thì" gets the second one
    assert _roles("1. Sở Xây dựng chủ trì kiểm tra; trường hợp phát hiện vi phạm thì Công an tỉnh xử lý theo quy "
                  "định.") == [[("Sở Xây dựng tỉnh Lào Cai", "lead"), ("Công an tỉnh Lào Cai", "lead")]]


def test_a_short_name_given_in_a_bracket_names_the_body_later():
    # "Ban Quản lý … tỉnh (sau đây gọi tắt là Ban Quản lý)": later "Ban Quản lý" alone is that body, as a partner
    # or as the subject; "thành viên Ban Quản lý" are persons, not the body
    roles = _roles("1. Ban Quản lý các khu công nghiệp và khu chế xuất tỉnh (sau đây gọi tắt là Ban Quản lý) chủ "
                   "trì, phối hợp với Sở Xây dựng rà soát.\n2. Sở Tài chính phối hợp với Ban Quản lý thẩm định hồ "
                   "sơ.\n3. Ban Quản lý có trách nhiệm báo cáo Ủy ban nhân dân tỉnh.", "Tây Ninh")
    board = "Ban Quản lý các khu công nghiệp và khu chế xuất tỉnh Tây Ninh"
    assert roles == [[(board, "lead"), ("Sở Xây dựng tỉnh Tây Ninh", "support")],
                     [("Sở Tài chính tỉnh Tây Ninh", "lead"), (board, "support")],
                     [(board, "lead")]]


def test_a_short_name_of_another_kind_names_nothing():
    # a bracket whose short name is a body of another kind than the one before it (a scraper's cut text) gives
    # no short name: "Văn phòng" later stays what it was
    roles = _roles("1. Ủy ban nhân dân các xã (sau đây gọi là Văn phòng) gửi hồ sơ.\n2. Văn phòng tổng hợp kết "
                   "quả, báo cáo Ủy ban nhân dân tỉnh.", "Tây Ninh")
    assert ("Ủy ban nhân dân các xã tỉnh Tây Ninh", "lead") not in [r for o in roles[1:] for r in o]


# ---------------------------------------------------------------- a second subject after a ';'

def test_a_body_with_its_own_duty_after_a_semicolon_opens_a_task():
    # "… chuẩn bị hồ sơ và gửi Sở Tài chính; Sở Tài chính có trách nhiệm thẩm định …": the first clause ends
    # with a body, but it states its own task; the body after the ';' is the subject of a second one
    assert _roles("1. Phòng Kinh tế chuẩn bị hồ sơ thẩm định và gửi Sở Tài chính; Sở Tài chính có trách nhiệm "
                  "thẩm định và trả lời.", "Hà Tĩnh") == [
        [("Phòng Kinh tế", "lead")], [("Sở Tài chính tỉnh Hà Tĩnh", "lead")]]
    # a list of subjects that ';' separates keeps one task
    assert _roles("1. Sở Y tế; Sở Giáo dục và Đào tạo có trách nhiệm phối hợp kiểm tra.", "Hà Tĩnh") == [
        [("Sở Y tế tỉnh Hà Tĩnh", "lead"), ("Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh", "lead")]]


# ---------------------------------------------------------------- "các bộ, cơ quan ngang bộ" in a list of subjects

LETTER = """BỘ TƯ PHÁP
Số: 4120/BTP-PLHS
Hà Nội, ngày 3 tháng 12 năm 2025
V/v triển khai Luật Thi hành án
Kính gửi: Các bộ, cơ quan ngang bộ.
{body}
Nơi nhận:
- Như trên;
- Lưu: VT.
BỘ TRƯỞNG
"""


def test_ministries_listed_before_the_class_of_every_ministry_keep_their_duty():
    # "Bộ A, Bộ B và các bộ, cơ quan ngang bộ trong phạm vi nhiệm vụ, quyền hạn của mình có trách nhiệm …":
    # "các bộ, cơ quan ngang bộ" is one generic phrase (generic.tsv), the qualifier after it reaches the duty
    ex = extract_text(LETTER.format(body="Bộ Công an, Bộ Ngoại giao và các bộ, cơ quan ngang bộ trong phạm vi "
                                         "nhiệm vụ, quyền hạn của mình có trách nhiệm phối hợp với Bộ Tài chính."),
                      "t.md")
    assert [[(a.agency, a.role) for a in o.assignees if not a.generic] for o in ex.obligations] == [
        [("Bộ Công an", "lead"), ("Bộ Ngoại giao", "lead"), ("Bộ Tài chính", "support")]]


def test_a_subject_list_goes_on_past_a_class_its_owner_and_its_scope():
    # "… và các tổ chức thành viên của Mặt trận (, trong phạm vi nhiệm vụ, quyền hạn của mình,) có trách nhiệm …":
    # the class's owner and the scope of the duty stand between the list and its duty
    assert _roles("1. Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức thành viên của Mặt trận có trách "
                  "nhiệm tuyên truyền, vận động Nhân dân.", "Cà Mau") == [
        [("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Cà Mau", "lead")]]
    assert _roles("1. Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức thành viên, trong phạm vi nhiệm vụ, "
                  "quyền hạn của mình, có trách nhiệm giám sát việc thực hiện.", "Cà Mau") == [
        [("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Cà Mau", "lead")]]


def test_the_scope_of_a_duty_ends_before_what_it_builds_on():
    # "A, B theo chức năng, nhiệm vụ được giao căn cứ ý kiến chỉ đạo của Bộ Chính trị khẩn trương triển khai":
    # the scope ends at "căn cứ" (a task's opening), not at the "chỉ đạo" of the opinion it builds on
    ex = extract_text(LETTER.format(body="Bộ Tài chính, Bộ Công an theo chức năng, nhiệm vụ được giao căn cứ ý kiến "
                                         "chỉ đạo của Bộ Chính trị khẩn trương triển khai."), "t.md")
    assert [[(a.agency, a.role) for a in o.assignees if not a.generic] for o in ex.obligations] == [
        [("Bộ Tài chính", "lead"), ("Bộ Công an", "lead")]]


def test_the_national_traffic_safety_committee_is_a_body():
    # heads.tsv: "Ủy ban An toàn giao thông Quốc gia" (a central committee that telegrams task) is one body
    ex = extract_text(LETTER.format(body="Giao Ủy ban An toàn giao thông Quốc gia theo dõi, đôn đốc việc thực hiện "
                                         "văn bản này; Bộ Công an phối hợp với Ủy ban An toàn giao thông quốc gia "
                                         "kiểm tra."), "t.md")
    assert [[(a.agency, a.role) for a in o.assignees if not a.generic] for o in ex.obligations] == [
        [("Ủy ban An toàn giao thông Quốc gia", "lead")],
        [("Bộ Công an", "lead"), ("Ủy ban An toàn giao thông Quốc gia", "support")]]


def test_a_steering_committee_is_named_with_its_topic():
    # "Ban Chỉ đạo quốc gia về …", "Ban Chỉ đạo Trung ương về phòng, chống thiên tai": the topic after "về" is
    # part of the name (guide §3: the full name), and a short name given to it later names it
    ex = extract_text(LETTER.format(body="Giao Ban Chỉ đạo Trung ương về phòng, chống thiên tai chủ trì tổng kết. "
                                         "Ban Chỉ đạo Nhà nước về Du lịch (sau đây gọi tắt là Ban Chỉ đạo) có trách "
                                         "nhiệm điều phối. Bộ Tài chính phối hợp với Ban Chỉ đạo bố trí kinh phí."),
                      "t.md")
    assert [[(a.agency, a.role) for a in o.assignees if not a.generic] for o in ex.obligations] == [
        [("Ban Chỉ đạo Trung ương về phòng, chống thiên tai", "lead")],
        [("Ban Chỉ đạo Nhà nước về Du lịch", "lead")],
        [("Bộ Tài chính", "lead"), ("Ban Chỉ đạo Nhà nước về Du lịch", "support")]]
