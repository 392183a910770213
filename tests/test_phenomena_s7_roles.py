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


def test_a_purpose_ending_in_thi_truong_is_no_persons_title_before_the_subject():
    body = ("1. Để bình ổn thị trường, Sở Công Thương có trách nhiệm tham mưu Ủy ban nhân dân tỉnh "
            "điều chỉnh giờ bán hàng.\n")
    assert roles(body) == [{("Sở Công Thương" + LS, "lead")}]


def test_several_titles_between_the_order_and_the_body_they_head():
    body = ("1. Ủy ban nhân dân tỉnh đề nghị các đồng chí Giám đốc, Thủ trưởng cơ quan chuyên môn, Chủ tịch "
            "Ủy ban nhân dân các xã, phường dành thời gian chỉ đạo thực hiện.\n\n"
            "2. Yêu cầu Giám đốc, Thủ trưởng các cơ quan, đơn vị, Chủ tịch Ủy ban nhân dân các xã, phường "
            "tổ chức thực hiện.\n")
    communes = ("Ủy ban nhân dân các xã, phường" + LS, "lead")
    assert roles(body) == [{communes}, {communes}]


TELEGRAM = """THỦ TƯỚNG CHÍNH PHỦ
-------
Số: 99/CĐ-TTg

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Hà Nội, ngày 18 tháng 11 năm 2025

CÔNG ĐIỆN
Về việc khắc phục hậu quả mưa lũ

THỦ TƯỚNG CHÍNH PHỦ điện:

- Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân các tỉnh: Lào Cai, Yên Bái;
- Bộ trưởng các Bộ: Quốc phòng, Công an.

1. Đồng chí Bí thư Tỉnh ủy và Chủ tịch Ủy ban nhân dân các tỉnh: Lào Cai, Yên Bái tiếp tục chỉ đạo khắc phục hậu quả mưa lũ.

2. Đồng chí Bí thư tỉnh ủy và Chủ tịch Ủy ban nhân dân các tỉnh: Lào Cai, Yên Bái khẩn trương sơ tán dân.

3. Thủ tướng Chính phủ đề nghị các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Bí thư Tỉnh ủy, Thành ủy, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố dành thời gian chỉ đạo cải cách thủ tục hành chính.

Nơi nhận:
- Như trên;
- Lưu: VT.

THỦ TƯỚNG
"""


def test_the_party_secretary_beside_the_chairmen_of_places_tasks_each_places_party_committee():
    got = obligation_roles(TELEGRAM, "cd.md")
    ubnd = {("Ủy ban nhân dân tỉnh Lào Cai", "lead"), ("Ủy ban nhân dân tỉnh Yên Bái", "lead")}
    assert got[0] == ubnd | {("Tỉnh ủy Lào Cai", "lead"), ("Tỉnh ủy Yên Bái", "lead")}
    assert ubnd <= got[1]                 # "tỉnh ủy" in lower case: the chairmen's bodies all lead
    assert got[2] == {("Ủy ban nhân dân các tỉnh, thành phố", "lead"), ("Tỉnh ủy, Thành ủy các tỉnh, thành phố", "lead")}


def test_a_body_told_to_lay_down_the_details_leads():
    body = ("Điều 5. Tổ chức thực hiện\n\n1. Giám đốc Sở Nội vụ quy định cụ thể chức năng, nhiệm vụ của Trung tâm; "
            "chủ trì, phối hợp với Sở Tài chính hướng dẫn thực hiện.\n\n2. Sở Y tế quy định chi tiết danh mục thuốc.\n")
    assert roles(body) == [{("Sở Nội vụ" + LS, "lead"), ("Sở Tài chính" + LS, "support")}, {("Sở Y tế" + LS, "lead")}]


RESOLUTION = """HỘI ĐỒNG NHÂN DÂN
TỈNH LẠNG SƠN

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 12/2025/NQ-HĐND

Lạng Sơn, ngày 10 tháng 12 năm 2025

NGHỊ QUYẾT
Quy định mức hỗ trợ học phí

Điều 3. Tổ chức thực hiện

1. Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.

2. Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh, các Tổ đại biểu Hội đồng nhân dân tỉnh và đại biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết này.

Nơi nhận:
- Như Điều 3;
- Lưu: VT.

CHỦ TỊCH
"""


def test_a_councils_bodies_and_its_deputies_supervise_without_an_order_word():
    got = obligation_roles(RESOLUTION, "nq.md")
    assert got == [{("Ủy ban nhân dân" + LS, "lead")},
                   {("Thường trực Hội đồng nhân dân" + LS, "lead"), ("Các Ban của Hội đồng nhân dân" + LS, "lead"),
                    ("Các Tổ đại biểu Hội đồng nhân dân" + LS, "lead")}]


def test_more_task_verbs_after_a_subject_and_its_qualifiers():
    body = ("1. Sở Giáo dục và Đào tạo, Sở Công Thương theo chức năng, nhiệm vụ, thẩm quyền hướng dẫn, giám sát "
            "quá trình chuyển đổi.\n\n2. Sở Tư pháp tiến hành rà soát các văn bản quy phạm pháp luật.\n\n"
            "3. Sở Tài chính định kỳ hằng quý tổng hợp, báo cáo Ủy ban nhân dân tỉnh.\n")
    assert roles(body) == [{("Sở Giáo dục và Đào tạo" + LS, "lead"), ("Sở Công Thương" + LS, "lead")},
                           {("Sở Tư pháp" + LS, "lead")}, {("Sở Tài chính" + LS, "lead")}]


def test_an_item_glued_to_the_sentence_before_it_keeps_its_subject():
    body = ("2. Lễ tang được tổ chức tại nhà phải thực hiện các quy định sau:\n\na) Lễ tang phải được tổ chức chu đáo, "
            "tiết kiệm. b) Ủy ban nhân dân các xã có trách nhiệm tạo điều kiện thuận lợi cho việc tổ chức lễ tang.\n")
    got = roles(body)
    assert got == [{("Ủy ban nhân dân các xã" + LS, "lead")}]


def test_items_numbered_in_brackets_inside_a_paragraph_each_have_their_subject():
    body = ("1. Khẩn trương xây dựng chiến lược dữ liệu: (1) Sở Tư pháp ban hành trước ngày 25 tháng 11 năm 2025; "
            "(2) Công an tỉnh chủ trì, phối hợp với Sở Nội vụ ban hành hướng dẫn.\n\n"
            "2. Về an toàn giao thông, giao các cơ quan như sau: a) Công an tỉnh tăng cường tuần tra; "
            "b) Sở Giáo dục và Đào tạo tuyên truyền trong trường học.\n\n"
            "3. Sở Khoa học và Công nghệ: (1) Tiếp tục đầu tư Trung tâm dữ liệu của tỉnh; (2) Tham mưu Ủy ban nhân dân "
            "tỉnh ban hành quy chế khai thác dữ liệu.\n")
    got = roles(body)
    assert {("Sở Tư pháp" + LS, "lead")} in got
    assert {("Công an tỉnh Lạng Sơn", "lead"), ("Sở Nội vụ" + LS, "support")} in got
    assert {("Công an tỉnh Lạng Sơn", "lead")} in got
    assert {("Sở Giáo dục và Đào tạo" + LS, "lead")} in got
    assert {("Sở Khoa học và Công nghệ" + LS, "lead")} in got


def test_a_subject_list_ending_in_an_unnamed_class_before_an_adverb_of_order():
    body = "h) Sở Tài chính và các ngân hàng thương mại trên địa bàn quyết liệt triển khai chương trình tín dụng.\n"
    assert roles(body) == [{("Sở Tài chính" + LS, "lead")}]


def test_each_semicolon_clause_of_an_order_opening_with_bodies_is_theirs_whatever_the_verb():
    body = ("1. Yêu cầu Sở Y tế tăng cường kiểm tra an toàn thực phẩm; Sở Công Thương bảo đảm cung ứng hàng hóa; "
            "Công an tỉnh giữ vững an ninh trật tự.\n\n"
            "2. Bộ Chỉ huy Quân sự tỉnh phát huy vai trò nòng cốt, hỗ trợ Nhân dân.\n")
    assert roles(body) == [{("Sở Y tế" + LS, "lead")}, {("Sở Công Thương" + LS, "lead")},
                           {("Công an tỉnh Lạng Sơn", "lead")}, {("Bộ Chỉ huy Quân sự" + LS, "lead")}]


def test_fields_after_the_plural_ministry_head_are_ministries_even_when_a_body_has_that_head():
    from phoihop.ingest.agencies import Context, find_mentions
    from phoihop.ingest.textnorm import fold_keep

    def names(text, ctx):
        return [m.agency.name for m in find_mentions(text, fold_keep(text), 0, len(text), ctx) if not m.generic]
    central = Context(level="central")
    assert names("2. Các Bộ Quốc phòng, Công an: chỉ đạo lực lượng cứu hộ.", central) == ["Bộ Quốc phòng", "Bộ Công an"]
    assert names("Các Bộ Xây dựng và Công an phối hợp cấm đường.", central) == ["Bộ Xây dựng", "Bộ Công an"]
    local = Context("Lạng Sơn", "tỉnh", None, "huyện", "province")
    assert names("các Bộ Quốc phòng, Công an tỉnh Lạng Sơn phối hợp", local) == ["Bộ Quốc phòng", "Công an tỉnh Lạng Sơn"]


def test_military_regions_and_mobifone_are_bodies_a_ministry_directs():
    body = ("3. Sở Khoa học và Công nghệ, các Tập đoàn VNPT, Viettel, Mobifone khẩn trương khắc phục sự cố "
            "thông tin liên lạc.\n\n4. Bộ Chỉ huy Quân sự tỉnh đề nghị Quân khu 1 hỗ trợ phương tiện.\n")
    got = roles(body)
    assert ("Tổng công ty Viễn thông MobiFone", "lead") in got[0] and ("Sở Khoa học và Công nghệ" + LS, "lead") in got[0]
    assert ("Quân khu 1", "lead") in set().union(*got)


NOTICE = """VĂN PHÒNG CHÍNH PHỦ
-------
Số: 700/TB-VPCP

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Hà Nội, ngày 20 tháng 11 năm 2025

THÔNG BÁO
Kết luận của Phó Thủ tướng tại buổi làm việc với lãnh đạo tỉnh Lạng Sơn

Để phát triển kinh tế cửa khẩu, tỉnh Lạng Sơn cần tập trung thực hiện tốt các nhiệm vụ sau đây:

1. Hoàn thiện quy hoạch khu kinh tế cửa khẩu.

2. Đẩy mạnh thu hút đầu tư vào hạ tầng logistics.

Tỉnh Lạng Sơn tổ chức tổng kết mô hình chính quyền địa phương hai cấp.

Nơi nhận:
- UBND tỉnh Lạng Sơn;
- Lưu: VT.
"""


def test_the_province_named_as_the_actor_of_the_conclusions_is_its_peoples_committee():
    got = obligation_roles(NOTICE, "tb.md")
    ubnd = {("Ủy ban nhân dân tỉnh Lạng Sơn", "lead")}
    assert got and all(g == ubnd for g in got) and len(got) == 4   # the framing line, its two items, "Tỉnh … tổ chức"


def test_a_committees_collective_narrowed_to_listed_places_gives_each_places_committee():
    text = TELEGRAM.replace(
        "1. Đồng chí Bí thư Tỉnh ủy và Chủ tịch Ủy ban nhân dân các tỉnh: Lào Cai, Yên Bái tiếp tục chỉ đạo khắc phục hậu quả mưa lũ.",
        "1. Chủ tịch Ủy ban nhân dân các tỉnh miền núi phía Bắc, nhất là các tỉnh: Hà Giang, Cao Bằng tiếp tục chỉ đạo "
        "khắc phục hậu quả mưa lũ.")
    got = obligation_roles(text, "cd.md")
    assert got[0] == {("Ủy ban nhân dân tỉnh Hà Giang", "lead"), ("Ủy ban nhân dân tỉnh Cao Bằng", "lead")}


def test_a_bare_province_actor_is_the_province_the_meeting_was_with():
    head, _, _ = NOTICE.partition("Để phát triển")
    text = head + "Trong thời gian tới, Tỉnh tổ chức tổng kết mô hình chính quyền địa phương hai cấp.\n\nNơi nhận:\n- Lưu: VT.\n"
    assert obligation_roles(text, "tb.md") == [{("Ủy ban nhân dân tỉnh Lạng Sơn", "lead")}]
    bare = text.replace("với lãnh đạo tỉnh Lạng Sơn", "với lãnh đạo địa phương")
    assert obligation_roles(bare, "tb.md") == []   # no province named: "Tỉnh" is nobody's


def test_the_national_assemblys_council_committees_and_delegation_supervise():
    text = RESOLUTION.replace(
        "2. Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh, các Tổ đại biểu Hội đồng nhân dân tỉnh "
        "và đại biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết này.",
        "2. Hội đồng Dân tộc, các Ủy ban của Quốc hội, Đoàn đại biểu Quốc hội và đại biểu Quốc hội tỉnh Lạng Sơn, "
        "trong phạm vi nhiệm vụ, quyền hạn của mình, giám sát việc thực hiện Nghị quyết này.")
    got = obligation_roles(text, "nq.md")
    assert {("Hội đồng Dân tộc của Quốc hội", "lead"), ("Các Ủy ban của Quốc hội", "lead")} <= got[1]
    assert ("Quốc hội", "lead") not in got[1]


def test_dashed_items_inside_a_paragraph_after_a_colon_each_have_their_subject():
    body = ("1. Để bảo đảm an toàn dịp Tết, giao các cơ quan thực hiện như sau: - Công an tỉnh tăng cường tuần tra "
            "kiểm soát; - Sở Y tế bảo đảm công tác khám chữa bệnh.\n")
    assert roles(body) == [set(), {("Công an tỉnh Lạng Sơn", "lead")}, {("Sở Y tế" + LS, "lead")}]


def test_ordinal_points_after_semicolons_each_have_their_subject():
    body = ("2. Về phòng chống dịch: thứ nhất, Sở Y tế tăng cường giám sát; thứ hai, Sở Giáo dục và Đào tạo chỉ đạo "
            "các trường vệ sinh lớp học.\n")
    assert roles(body) == [{("Sở Y tế" + LS, "lead")}, {("Sở Giáo dục và Đào tạo" + LS, "lead")}]
