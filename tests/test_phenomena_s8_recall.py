"""Recall on archive documents nobody tuned to (issue 13, session 8): constructions found on archive copies
outside the gold, each written here on a short invented example (other provinces, other bodies), with the
exact agencies and roles asserted so that a regression shows.
"""
from __future__ import annotations

from phoihop.ingest.extract import extract_text

PROVINCE = """ỦY BAN NHÂN DÂN
TỈNH {upper}
Số: 77/KH-UBND
{name}, ngày 12 tháng 3 năm 2025
KẾ HOẠCH
Về việc triển khai công tác năm 2025
{body}
Nơi nhận:
{copies}
- Lưu: VT.
CHỦ TỊCH
"""

MINISTRY = """BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
Số: 315/BNNMT-TY
V/v phòng, chống dịch bệnh tại tỉnh Yên Bái
Hà Nội, ngày 12 tháng 3 năm 2025
Kính gửi: Ủy ban nhân dân tỉnh Yên Bái
{body}
Nơi nhận:
{copies}
- Lưu: VT.
BỘ TRƯỞNG
"""


def _province(body: str = "Sở Y tế triển khai kế hoạch.", copies: str = "- Như trên;", name: str = "Bình Thuận"):
    return extract_text(PROVINCE.format(upper=name.upper(), name=name, body=body, copies=copies), "t.md")


def _ministry(body: str = "Đề nghị Ủy ban nhân dân tỉnh Yên Bái chỉ đạo triển khai.", copies: str = "- Như trên;"):
    return extract_text(MINISTRY.format(body=body, copies=copies), "t.md")


def _roles(ex) -> list[list[tuple[str, str]]]:
    return [[(a.agency, a.role) for a in o.assignees] for o in ex.obligations]


def _copied(ex) -> list[str]:
    return [r.agency for r in ex.recipients if r.kind == "copied"]


# ---------------------------------------------------------------- roles

def test_a_course_of_work_is_no_body_submitted_to():
    # "quá trình" holds "trình" (submit): the body after the adverbial still opens the task (guide §2)
    ex = _province("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, Sở Tư pháp tổng hợp, báo cáo "
                   "Ủy ban nhân dân tỉnh.")
    assert _roles(ex) == [[("Sở Tư pháp tỉnh Bình Thuận", "lead")]]


def test_owner_of_subordinate_units_is_not_listed_with_them():
    # "các đơn vị trực thuộc Sở X": Sở X owns the units given the task; it is not a member of their list
    ex = _province("Giao các đơn vị trực thuộc Sở Y tế tổ chức tiêm chủng.")
    assert [x for o in _roles(ex) for x in o if not x[0].startswith("các")] == []


def test_heading_of_a_collective_with_its_seat():
    # "Sở X tỉnh, thành phố trực thuộc Trung ương": one collective of every province's department, a heading
    ex = _ministry("1. Sở Nông nghiệp và Môi trường tỉnh, thành phố trực thuộc Trung ương\n"
                   "Chủ trì tổ chức giám sát dịch bệnh trên địa bàn.")
    assert _roles(ex) == [[("Sở Nông nghiệp và Môi trường các tỉnh, thành phố trực thuộc trung ương", "lead")]]


def test_bodies_of_unnamed_localities_get_no_province():
    # "Công an / UBND các địa phương": the bodies of localities the text does not name (generic, guide §1, §8),
    # never the police or committee of the province the subject names or of the issuer
    for ex in (_ministry("Đề nghị Công an các địa phương tăng cường tuần tra."),
               _province("Công an các địa phương tăng cường tuần tra, kiểm soát.", name="Hà Giang")):
        assert [a.agency for o in ex.obligations for a in o.assignees if not a.generic] == []


# ---------------------------------------------------------------- copies

def test_collective_of_districts_towns_and_cities_in_copy():
    # "thị xã" is one level word: no "các xã, thành phố" collective is read inside it
    ex = _province(copies="- UBND các huyện, thị xã, thành phố;")
    assert _copied(ex) == ["Ủy ban nhân dân các huyện, thị xã, thành phố tỉnh Bình Thuận"]


def test_front_standing_board_and_council_boards_in_copy():
    ex = _province(copies="- BTT UBMTTQVN tỉnh;\n- Ban KT-NS HĐND tỉnh;\n- Đoàn Đại biểu QH tỉnh;")
    assert _copied(ex) == ["Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bình Thuận",
                           "Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh Bình Thuận",
                           "Đoàn đại biểu Quốc hội tỉnh Bình Thuận"]


def test_national_front_presidium_and_law_portal_in_copy():
    ex = _ministry(copies="- Đoàn Chủ tịch UBTWMTTQ Việt Nam;\n- Cổng Pháp luật quốc gia;")
    assert _copied(ex) == ["Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Cổng Pháp luật quốc gia"]


def test_province_initials_closing_a_copy_line():
    # "Báo và phát thanh, truyền hình BT" in a Bình Thuận text: the initials are the province
    ex = _province(copies="- Báo và phát thanh, truyền hình BT;\n- TT TTĐT tỉnh;")
    assert _copied(ex) == ["Báo và Phát thanh, Truyền hình tỉnh Bình Thuận",
                           "Trung tâm Thông tin điện tử tỉnh Bình Thuận"]


def test_ministry_portal_and_purpose_brackets_in_copy():
    # "Cổng TTĐT của Bộ" is the issuing ministry's portal, not the province's the subject names; what a copy
    # is sent for ("(để đăng tải trên …)") names no recipient
    ex = _ministry(copies="- Cổng TTĐT của Bộ;\n- Văn phòng Bộ (để đăng tải trên Cổng TTĐT của Bộ);")
    assert _copied(ex) == ["Cổng Thông tin điện tử Bộ Nông nghiệp và Môi trường",
                           "Văn phòng Bộ Nông nghiệp và Môi trường"]


def test_address_line_without_a_stop_gives_way_to_the_letter():
    # a copy with no blank lines and no full stop after "Kính gửi: X": the first paragraph is the letter's text
    text = ("SỞ Y TẾ TỈNH KON TUM\nSố: 88/SYT-NVY\nV/v phòng chống sốt xuất huyết\nKon Tum, ngày 5 tháng 6 năm 2024\n"
            "Kính gửi: Trung tâm Kiểm soát bệnh tật tỉnh\n"
            "Thực hiện Công văn số 12/UBND-KGVX ngày 02/6/2024 của Ủy ban nhân dân tỉnh, Sở Y tế đề nghị "
            "Trung tâm Kiểm soát bệnh tật tỉnh tăng cường giám sát ca bệnh.\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\n")
    ex = extract_text(text, "t.md")
    assert _roles(ex) == [[("Trung tâm Kiểm soát bệnh tật tỉnh Kon Tum", "lead")]]
    assert [r.agency for r in ex.recipients if r.kind == "addressed"] == ["Trung tâm Kiểm soát bệnh tật tỉnh Kon Tum"]
    assert [c.to for c in ex.citations] == ["12/UBND-KGVX"]


def test_date_of_a_cited_decree_in_the_title_is_not_the_issue_date():
    # a copy that lost its place-and-date line: the only date of the header is the amended decree's
    text = ("CHÍNH PHỦ\nSố: 41/2024/NĐ-CP\nNGHỊ ĐỊNH\nSỬA ĐỔI NGHỊ ĐỊNH SỐ 15/2019/NĐ-CP NGÀY 01 THÁNG 02 NĂM 2019 "
            "VỀ GIÁO DỤC NGHỀ NGHIỆP\nĐiều 1. Bộ Lao động - Thương binh và Xã hội chủ trì hướng dẫn thi hành.\n")
    d = extract_text(text, "t.md").directives[0]
    assert (d.number, d.type, d.date) == ("41/2024/NĐ-CP", "Nghị định", None)
    dated = text.replace("Số: 41/2024/NĐ-CP\n", "Số: 41/2024/NĐ-CP\nHà Nội, ngày 08 tháng 4 năm 2024\n")
    assert extract_text(dated, "t.md").directives[0].date == "2024-04-08"


def test_partners_listed_across_semicolons_after_a_generic_of_the_province():
    # "phối hợp với các Sở, ban, ngành của tỉnh; UBND các xã, phường; …": one list of partners
    ex = _province("Giao Sở Công Thương chủ trì, phối hợp với các Sở, ban, ngành của tỉnh; Ủy ban nhân dân các xã, "
                   "phường; các cơ quan, đơn vị có liên quan triển khai thực hiện Kế hoạch này.", name="Tuyên Quang")
    named = [[x for x in o if not x[0].startswith("các")] for o in _roles(ex)]
    assert named == [[("Sở Công Thương tỉnh Tuyên Quang", "lead"),
                      ("Ủy ban nhân dân các xã, phường tỉnh Tuyên Quang", "support")]]


def test_name_in_sentence_case_lists_its_fields_in_lower_case():
    # a heading naming a centre whose fields are printed in lower case, then its task
    ex = _province("1. Trung tâm Xúc tiến đầu tư, thương mại và du lịch\nTổ chức hội chợ giới thiệu sản phẩm.",
                   name="Phú Yên")
    assert _roles(ex) == [[("Trung tâm Xúc tiến đầu tư, thương mại và du lịch tỉnh Phú Yên", "lead")]]


def test_first_sentence_with_a_deadline_is_not_the_header_date_line():
    # "Giao Sở X: …, báo cáo … trước ngày 15/5/2025" right under the trích yếu is the body's first task
    ex = _province("Giao Sở Nội vụ: chuẩn bị nội dung, báo cáo UBND tỉnh trước ngày 15/5/2025.", name="Cà Mau")
    assert _roles(ex) == [[("Sở Nội vụ tỉnh Cà Mau", "lead")]]


TELEGRAM = """THỦ TƯỚNG CHÍNH PHỦ
Số: 77/CĐ-TTg
Hà Nội, ngày 02 tháng 10 năm 2025
CÔNG ĐIỆN
Về việc ứng phó mưa lũ
THỦ TƯỚNG CHÍNH PHỦ điện:
- Đồng chí Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân các tỉnh: Cao Bằng, Bắc Kạn;
- Bộ trưởng các Bộ: Quốc phòng, Công an.
{body}
Nơi nhận:
- Như trên;
- Lưu: VT, NN.
THỦ TƯỚNG
"""


def test_secretary_and_chairman_of_the_provinces_named_above():
    # guide §9: the address block's bodies, "the same bodies when the text later says … nêu trên"
    ex = extract_text(TELEGRAM.format(body="1. Đồng chí Bí thư, Chủ tịch Ủy ban nhân dân các tỉnh nêu trên tập trung "
                                           "chỉ đạo sơ tán người dân."), "t.md")
    assert sorted(a for o in _roles(ex) for a in o) == sorted([
        ("Ủy ban nhân dân tỉnh Cao Bằng", "lead"), ("Ủy ban nhân dân tỉnh Bắc Kạn", "lead"),
        ("Tỉnh ủy Cao Bằng", "lead"), ("Tỉnh ủy Bắc Kạn", "lead")])


def test_scope_of_duty_between_a_body_and_any_verb():
    # "… theo chức năng, nhiệm vụ được giao hỗ trợ …": the scope is passed over whatever task verb follows
    ex = extract_text(TELEGRAM.format(body="2. Các Bộ nêu trên theo chức năng, nhiệm vụ được giao hỗ trợ các địa "
                                           "phương khắc phục hậu quả."), "t.md")
    assert _roles(ex) == [[("Bộ Quốc phòng", "lead"), ("Bộ Công an", "lead")]]


def test_item_presiding_over_the_issuers_drafts_keeps_its_heading_body():
    # "Chủ trì thẩm định … của HĐND tỉnh, UBND tỉnh …": the issuer after the comma is an owner, not a new subject
    ex = _province("2. Sở Tư pháp\nChủ trì thẩm định dự thảo văn bản thuộc thẩm quyền ban hành của Hội đồng nhân dân "
                   "tỉnh, Ủy ban nhân dân tỉnh, Chủ tịch UBND tỉnh theo quy định.", name="Lạng Sơn")
    assert _roles(ex) == [[("Sở Tư pháp tỉnh Lạng Sơn", "lead")]]
    # an adverbial of basis still gives way to the body after it
    ex = _province("Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, Sở Y tế tổ chức kiểm tra.", name="Lạng Sơn")
    assert _roles(ex) == [[("Sở Y tế tỉnh Lạng Sơn", "lead")]]


def test_national_bodies_of_mass_organisations_and_an_adverb_of_the_order():
    # "Hội Nông dân Việt Nam", "Liên minh Hợp tác xã Việt Nam" are central bodies, not the context province's
    # ("Liên minh Hợp tác xã tỉnh Yên Bái" from the subject); "trực tiếp" opens a body's task like "chủ động"
    ex = _ministry("Đề nghị Hội Nông dân Việt Nam, Liên minh Hợp tác xã Việt Nam hướng dẫn hội viên.\n"
                   "Ủy ban nhân dân tỉnh Yên Bái trực tiếp hỗ trợ người dân.")
    assert _roles(ex) == [[("Hội Nông dân Việt Nam", "lead"), ("Liên minh Hợp tác xã Việt Nam", "lead")],
                          [("Ủy ban nhân dân tỉnh Yên Bái", "lead")]]


def test_departments_listed_after_a_colon_give_a_written_opinion():
    ex = _province("Các sở: Xây dựng, Nội vụ có ý kiến thẩm định đối với các nội dung thuộc lĩnh vực quản lý.",
                   name="Bến Tre")
    assert _roles(ex) == [[("Sở Xây dựng tỉnh Bến Tre", "lead"), ("Sở Nội vụ tỉnh Bến Tre", "lead")]]


def test_provinces_listed_after_a_collective_without_a_colon():
    # "UBND các tỉnh A, B và C", "UBND tỉnh A, B", "UBND các tỉnh: A; B": one body per province named
    ex = _ministry("Đề nghị Ủy ban nhân dân các tỉnh Yên Bái, Lào Cai và Phú Thọ chỉ đạo sơ tán người dân.\n"
                   "Đề nghị Sở Y tế tỉnh Yên Bái, Lào Cai kiểm soát dịch bệnh.\n"
                   "Đề nghị Công an các tỉnh: Yên Bái; Lào Cai bảo đảm giao thông.")
    assert _roles(ex) == [
        [("Ủy ban nhân dân tỉnh Yên Bái", "lead"), ("Ủy ban nhân dân tỉnh Lào Cai", "lead"),
         ("Ủy ban nhân dân tỉnh Phú Thọ", "lead")],
        [("Sở Y tế tỉnh Yên Bái", "lead"), ("Sở Y tế tỉnh Lào Cai", "lead")],
        [("Công an tỉnh Yên Bái", "lead"), ("Công an tỉnh Lào Cai", "lead")]]


def test_party_committees_copied_beside_the_provinces_people_committees():
    ex = _ministry(copies="- Tỉnh ủy, UBND các tỉnh: Yên Bái, Lào Cai;\n"
                          "- Tỉnh ủy, Thành ủy, HĐND, UBND các tỉnh, thành phố trực thuộc TW;")
    assert sorted(_copied(ex)) == sorted([
        "Ủy ban nhân dân tỉnh Yên Bái", "Ủy ban nhân dân tỉnh Lào Cai", "Tỉnh ủy Yên Bái", "Tỉnh ủy Lào Cai",
        "Các tỉnh ủy, thành ủy trực thuộc Trung ương",
        "Hội đồng nhân dân các tỉnh, thành phố trực thuộc trung ương",
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"])


def test_a_verb_after_an_open_name_ends_it():
    # "Chi cục Chăn nuôi và Thú y kiểm soát chặt chẽ …": "kiểm soát" is the task's verb, not the name's
    ex = _province("Công an tỉnh phối hợp với Chi cục Chăn nuôi và Thú y kiểm soát chặt chẽ việc vận chuyển gia súc.",
                   name="Lai Châu")
    assert _roles(ex) == [[("Công an tỉnh Lai Châu", "lead"), ("Chi cục Chăn nuôi và Thú y tỉnh Lai Châu", "support")]]


def test_second_body_with_its_own_duty_after_a_comma():
    ex = _province("Sở Giáo dục và Đào tạo có trách nhiệm hướng dẫn các trường, Sở Tài chính có trách nhiệm bố trí "
                   "kinh phí.", name="Trà Vinh")
    assert _roles(ex) == [[("Sở Giáo dục và Đào tạo tỉnh Trà Vinh", "lead"), ("Sở Tài chính tỉnh Trà Vinh", "lead")]]


def test_more_kinds_of_body():
    # heads.tsv: a province's power company and statistics office by place, a national park
    ex = _province("Điện lực Đồng Tháp bảo đảm cấp điện.\nThống kê tỉnh Đồng Tháp cung cấp số liệu.\n"
                   "Vườn quốc gia Tràm Chim tăng cường tuần tra.", name="Đồng Tháp")
    assert _roles(ex) == [[("Điện lực tỉnh Đồng Tháp", "lead")], [("Thống kê tỉnh Đồng Tháp", "lead")],
                          [("Vườn quốc gia Tràm Chim tỉnh Đồng Tháp", "lead")]]


def test_address_line_without_a_stop_before_the_senders_request():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH ĐIỆN BIÊN\nSố: 45/UBND-KT\nV/v phòng chống cháy rừng\n"
            "Điện Biên, ngày 3 tháng 4 năm 2025\nKính gửi: Sở Nông nghiệp và Môi trường, Công an tỉnh\n\n"
            "Ủy ban nhân dân tỉnh đề nghị các đơn vị tăng cường tuần tra, canh gác lửa rừng.\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nCHỦ TỊCH\n")
    ex = extract_text(text, "t.md")
    assert _roles(ex) == [[("Sở Nông nghiệp và Môi trường tỉnh Điện Biên", "lead"), ("Công an tỉnh Điện Biên", "lead")]]


def test_partners_named_after_the_lead_in_other_words():
    # "có sự phối hợp của B", "với sự tham gia của B"; "…, B và C tham gia." after the lead's clause (guide §2)
    ex = _province("Sở Y tế chủ trì, có sự phối hợp của Sở Tài chính tổ chức kiểm tra.\n"
                   "Sở Công Thương chủ trì kiểm tra thị trường, Sở Nội vụ và Công an tỉnh tham gia.", name="Gia Lai")
    assert _roles(ex) == [[("Sở Y tế tỉnh Gia Lai", "lead"), ("Sở Tài chính tỉnh Gia Lai", "support")],
                          [("Sở Công Thương tỉnh Gia Lai", "lead"), ("Sở Nội vụ tỉnh Gia Lai", "support"),
                           ("Công an tỉnh Gia Lai", "support")]]


def test_passive_names_who_presides():
    # "Việc kiểm tra do Sở X chủ trì, phối hợp với Y …": X leads this task (was the sentence before's lead)
    ex = _province("Công an tỉnh bảo đảm an ninh trật tự.\nViệc kiểm tra do Sở Xây dựng chủ trì, phối hợp với Ủy ban "
                   "nhân dân các huyện thực hiện trước ngày 30/6/2025.", name="Quảng Trị")
    assert _roles(ex) == [[("Công an tỉnh Quảng Trị", "lead")],
                          [("Sở Xây dựng tỉnh Quảng Trị", "lead"), ("Ủy ban nhân dân các huyện tỉnh Quảng Trị", "support")]]


def test_party_committees_and_their_places():
    # a district's Party committee named with its district alone keeps it; an "Đảng ủy" keeps its level word
    ex = _province("Đề nghị Huyện ủy Mộc Châu, Đảng ủy các cơ quan Đảng tỉnh chỉ đạo tuyên truyền.", name="Sơn La")
    assert _roles(ex) == [[("Huyện ủy Mộc Châu", "lead"), ("Đảng ủy các cơ quan Đảng tỉnh Sơn La", "lead")]]


def test_heads_of_departments_listed_by_field():
    # "Thủ trưởng các sở, ban, ngành: Y tế, …" (guide §8, §9): the departments named, whatever the head's words
    ex = _province("Thủ trưởng các sở, ban, ngành: Y tế, Giáo dục và Đào tạo, Công an tỉnh triển khai.", name="Nam Định")
    assert _roles(ex) == [[("Sở Y tế tỉnh Nam Định", "lead"), ("Sở Giáo dục và Đào tạo tỉnh Nam Định", "lead"),
                           ("Công an tỉnh Nam Định", "lead")]]


def test_copy_lines_with_a_short_form_and_initials_before_a_comma():
    ex = _province(copies="- Cục Kiểm tra văn bản và Quản lý xử lý VPHC - Bộ Tư pháp;\n"
                          "- Báo và Phát thanh truyền hình BT, Cổng TTĐT tỉnh;")
    assert _copied(ex) == ["Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính Bộ Tư pháp",
                           "Báo và Phát thanh, Truyền hình tỉnh Bình Thuận", "Cổng Thông tin điện tử tỉnh Bình Thuận"]


def test_copy_address_wrapped_after_an_abbreviated_city():
    # "…) *(…, phường Xuân Hòa, TP.\nHồ Chí Minh);" (a stray bracket): the dot of "TP." ends no item
    ex = _ministry(copies="- Công ty TNHH Minh Long) *(12 Lê Lợi, phường Bến Thành, TP.\nHồ Chí Minh);*\n"
                          "- Chi cục Kiểm định Hải quan;\n- Cổng Thông tin điện tử Hải quan;")
    assert _copied(ex)[-2:] == ["Chi cục Kiểm định Hải quan", "Cổng Thông tin điện tử Hải quan"]


def test_open_names_of_the_units_below_the_issuer():
    # "Chi cục … các tỉnh, thành phố" in a central text, "Trung tâm … các huyện" in a province's: collectives
    ex = _ministry("Đề nghị Chi cục Chăn nuôi và Thú y các tỉnh, thành phố tăng cường giám sát.")
    assert _roles(ex) == [[("Chi cục Chăn nuôi và Thú y các tỉnh, thành phố", "lead")]]
    ex = _province("Trung tâm Y tế các huyện tổ chức tiêm phòng.", name="Bắc Giang")
    assert _roles(ex) == [[("Trung tâm Y tế các huyện tỉnh Bắc Giang", "lead")]]
