"""Roles and names on official documents outside the gold (second round), on invented examples."""
from __future__ import annotations

from phoihop.ingest.extract import extract_text

from official_text import obligation_roles

HEAD = """ỦY BAN NHÂN DÂN
TỈNH PHÚ YÊN

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 415/UBND-KT

Phú Yên, ngày 14 tháng 4 năm 2024

V/v phòng, chống buôn lậu và gian lận thương mại

"""

TAIL = """
Nơi nhận:
- Như trên;
- Chủ tịch, các PCT UBND tỉnh;
- Lưu: VT, KT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
"""


def roles(body: str) -> list[set[tuple[str, str]]]:
    """(agency, role) of each obligation of a dispatch of UBND tỉnh Phú Yên with this body."""
    return obligation_roles(HEAD + body + TAIL, "py.txt")


def test_a_marker_does_not_run_across_punctuation():
    # "kè; phối hợp" is no "kè phối hợp", and "điều; phối hợp" no "điều phối"
    got = roles("1. Sở Xây dựng quản lý đê điều; phối hợp với Sở Tài chính rà soát tài sản.\n")
    assert got == [{("Sở Xây dựng tỉnh Phú Yên", "lead"), ("Sở Tài chính tỉnh Phú Yên", "support")}]


def test_partner_after_a_second_verb_or_adverbs_of_cooperation():
    got = roles("1. Sở Công Thương phối hợp, trao đổi thông tin với cơ quan Công an để xử lý vi phạm.\n\n"
                "2. Sở Y tế chủ trì, phối hợp chặt chẽ, thường xuyên với Sở Giáo dục và Đào tạo kiểm tra "
                "bếp ăn tập thể.\n")
    assert got == [{("Sở Công Thương tỉnh Phú Yên", "lead"), ("Công an tỉnh Phú Yên", "support")},
                   {("Sở Y tế tỉnh Phú Yên", "lead"), ("Sở Giáo dục và Đào tạo tỉnh Phú Yên", "support")}]


def test_the_object_of_a_joint_check_is_no_partner():
    got = roles("1. Sở Tư pháp phối hợp kiểm tra đối với Sở Nội vụ về công tác văn thư.\n")
    assert got == [{("Sở Tư pháp tỉnh Phú Yên", "lead")}]


def test_a_body_described_before_its_duty_still_leads():
    got = roles("1. Sở Nội vụ là cơ quan thường trực, đầu mối của tỉnh, có trách nhiệm hướng dẫn các xã "
                "lập hồ sơ.\n")
    assert got == [{("Sở Nội vụ tỉnh Phú Yên", "lead")}]


def test_a_series_of_fields_closed_by_va_stays_in_the_name():
    got = roles("1. Sở Y tế phối hợp với Trung tâm Văn hóa, Thông tin và Thể thao huyện Đồng Xuân kiểm tra "
                "các điểm vui chơi.\n\n"
                "2. Giao Trung tâm Y tế, Phòng Y tế và Bệnh viện đa khoa tỉnh kiểm tra các bếp ăn tập thể.\n")
    assert got[0] == {("Sở Y tế tỉnh Phú Yên", "lead"),
                      ("Trung tâm Văn hóa, Thông tin và Thể thao huyện Đồng Xuân", "support")}
    assert ("Trung tâm Y tế tỉnh Phú Yên", "lead") in got[1]


CENTRAL = """BAN CHẤP HÀNH TRUNG ƯƠNG
BAN BÍ THƯ

ĐẢNG CỘNG SẢN VIỆT NAM

Số: 41-CT/TW

Hà Nội, ngày 05 tháng 3 năm 2025

CHỈ THỊ
về tăng cường công tác phòng, chống thiên tai

"""


def test_the_party_committees_of_all_provinces_are_one_collective():
    ex = extract_text(CENTRAL + "1. Các tỉnh ủy, thành ủy lãnh đạo, chỉ đạo rà soát phương án sơ tán dân.\n\n"
                      "2. Ban Tổ chức Trung ương phối hợp với các Tỉnh uỷ, Thành uỷ trực thuộc Trung ương hướng dẫn "
                      "kiện toàn ban chỉ huy các cấp.\n" + TAIL, "ct.txt")
    got = [{(a.agency, a.role) for a in o.assignees if not a.generic} for o in ex.obligations]
    assert got == [{("Các tỉnh ủy, thành ủy trực thuộc Trung ương", "lead")},
                   {("Ban Tổ chức Trung ương", "lead"), ("Các tỉnh ủy, thành ủy trực thuộc Trung ương", "support")}]


def test_a_body_of_the_province_level_in_a_central_text_is_every_province_s():
    ex = extract_text(CENTRAL + "1. Bộ Công an chủ trì, phối hợp với Công an cấp tỉnh rà soát các điểm "
                      "tập trung đông người.\n\n2. Ủy ban nhân dân cấp tỉnh chỉ đạo sơ tán dân khỏi vùng nguy hiểm.\n"
                      + TAIL, "ct.txt")
    got = [{(a.agency, a.role) for a in o.assignees if not a.generic} for o in ex.obligations]
    assert got == [{("Bộ Công an", "lead"), ("Công an các tỉnh, thành phố trực thuộc trung ương", "support")},
                   {("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", "lead")}]


def test_hang_khong_is_a_name_word_not_a_negation():
    ex = extract_text(CENTRAL + "1. Cục Hàng không Việt Nam có trách nhiệm kiểm tra an toàn khai thác tại các "
                      "cảng hàng không.\n" + TAIL, "ct.txt")
    assert [{(a.agency, a.role) for a in o.assignees} for o in ex.obligations] == \
        [{("Cục Hàng không Việt Nam", "lead")}]


def test_an_article_naming_the_content_a_body_presides_over_makes_it_lead_its_items():
    got = roles("Điều 4. Nội dung Sở Nội vụ có trách nhiệm chủ trì\n\n"
                "1. Hướng dẫn các xã lập hồ sơ thi đua khen thưởng hằng năm.\n\n"
                "2. Kiểm tra việc thực hiện chế độ báo cáo thống kê.\n")
    assert got[1:] == [{("Sở Nội vụ tỉnh Phú Yên", "lead")}, {("Sở Nội vụ tỉnh Phú Yên", "lead")}]


def test_within_their_remit_between_commas_does_not_hide_the_task():
    got = roles("1. Sở Tài chính, trong phạm vi chức năng, nhiệm vụ được giao, kiểm tra việc sử dụng kinh phí "
                "hỗ trợ.\n\n2. Thường trực Hội đồng nhân dân tỉnh, trong phạm vi nhiệm vụ, quyền hạn của mình, "
                "giám sát việc thực hiện Nghị quyết này.\n")
    assert got == [{("Sở Tài chính tỉnh Phú Yên", "lead")},
                   {("Thường trực Hội đồng nhân dân tỉnh Phú Yên", "lead")}]


def test_biet_ends_a_company_name_in_the_closing_line():
    got = roles("Ủy ban nhân dân tỉnh thông báo để Công ty TNHH Thủy sản Hòa Hiệp biết và thực hiện./.\n")
    assert got == [{("Công ty trách nhiệm hữu hạn Thủy sản Hòa Hiệp", "lead")}]


def test_a_list_goes_on_past_the_owner_of_one_of_its_members():
    got = roles("1. Sở Y tế phối hợp với Sở Tài chính, các cơ quan thuộc Ủy ban nhân dân tỉnh và Ủy ban nhân dân "
                "các xã, phường kiểm tra bếp ăn tập thể.\n\n"
                "2. Giao Sở Tài chính kiểm tra kinh phí của Ủy ban nhân dân tỉnh, Ủy ban nhân dân các xã, phường "
                "trong năm 2024.\n")
    assert got == [{("Sở Y tế tỉnh Phú Yên", "lead"), ("Sở Tài chính tỉnh Phú Yên", "support"),
                    ("Ủy ban nhân dân các xã, phường tỉnh Phú Yên", "support")},
                   {("Sở Tài chính tỉnh Phú Yên", "lead")}]


def test_a_body_given_a_task_in_a_passive_relative_is_not_ordered_again():
    got = roles("1. Sở Tư pháp chủ động phối hợp với Liên đoàn Lao động tỉnh để tổ chức tư vấn pháp luật theo nội "
                "dung đã được Ủy ban nhân dân tỉnh giao cho Liên đoàn Lao động tỉnh.\n\n"
                "2. Ủy ban nhân dân tỉnh giao cho Sở Nội vụ chủ trì tổ chức hội nghị tập huấn cho công chức.\n")
    assert got == [{("Sở Tư pháp tỉnh Phú Yên", "lead"), ("Liên đoàn Lao động tỉnh Phú Yên", "support")},
                   {("Sở Nội vụ tỉnh Phú Yên", "lead")}]


def test_the_needs_of_the_task_in_an_adverbial_are_no_order():
    got = roles("1. Trong quá trình thực hiện, nếu cần sửa đổi cho phù hợp với yêu cầu nhiệm vụ, Sở Tư pháp phối "
                "hợp với Sở Nội vụ tổng hợp, báo cáo Ủy ban nhân dân tỉnh.\n")
    assert got == [{("Sở Tư pháp tỉnh Phú Yên", "lead"), ("Sở Nội vụ tỉnh Phú Yên", "support")}]


def test_ban_bien_tap_in_lower_case_is_a_body():
    got = roles("1. Ban biên tập Cổng thông tin điện tử tỉnh có trách nhiệm cập nhật tin bài hằng ngày.\n")
    assert got == [{("Ban Biên tập Cổng thông tin điện tử tỉnh Phú Yên", "lead")}]
