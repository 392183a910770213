"""Agency names of session 6 (issue 13, recall on the archive): branches, steering boards and the units
a ministry names in its own circular. Invented examples (other provinces, other ministries)."""
from __future__ import annotations

from phoihop.ingest.agencies import Context, find_mentions
from phoihop.ingest.extract import extract_text
from phoihop.ingest.textnorm import fold_keep


def names(text: str, province: str = "Kon Tum", ministry: str | None = None) -> list[str]:
    ctx = Context(province=province, province_word="tỉnh", level="central" if ministry else "province",
                  ministry=ministry)
    return [m.agency.name for m in find_mentions(text, fold_keep(text), 0, len(text), ctx) if not m.generic]


def roles_of(text: str) -> set[tuple[str, str]]:
    ex = extract_text(text, "doc.txt")
    return {(a.agency, a.role) for o in ex.obligations for a in o.assignees if not a.generic}


def test_the_social_policy_bank_branch_in_both_word_orders():
    want = ["Chi nhánh Ngân hàng Chính sách xã hội tỉnh Kon Tum"]
    assert names("Ngân hàng Chính sách xã hội chi nhánh tỉnh chủ trì cho vay hộ nghèo") == want
    assert names("Giao Chi nhánh Ngân hàng Chính sách xã hội tỉnh hướng dẫn hồ sơ vay") == want
    assert names("phối hợp với Ngân hàng Chính sách xã hội tỉnh Kon Tum giải ngân") == want
    # the bank itself, named without a place, is no body of the province
    assert names("ủy thác qua Ngân hàng Chính sách xã hội để cho vay") == []


def test_a_steering_board_for_prevention_keeps_its_comma():
    assert names("Ban Chỉ đạo phòng, chống tội phạm tỉnh có trách nhiệm kiểm tra") == \
        ["Ban Chỉ đạo phòng, chống tội phạm tỉnh Kon Tum"]


def test_titles_and_kinds_of_units_in_a_ministrys_circular():
    bo = "Bộ Công Thương"
    assert names("Vụ trưởng, Cục trưởng quyết định phân công công chức", ministry=bo) == \
        ["Các Vụ thuộc Bộ Công Thương", "Các Cục thuộc Bộ Công Thương"]
    assert names("Các Vụ, Cục thuộc Bộ có trách nhiệm hướng dẫn", ministry=bo) == \
        ["Các Vụ thuộc Bộ Công Thương", "Các Cục thuộc Bộ Công Thương"]
    assert names("Chánh Văn phòng, Vụ trưởng Vụ Kế hoạch chịu trách nhiệm thi hành", ministry=bo)[:2] == \
        ["Văn phòng Bộ Công Thương", "Vụ Kế hoạch Bộ Công Thương"]
    # a title before a body's name names that body only; a form's signature line in capitals is no body;
    # another ministry's minister and "các vụ" (cases) are not the issuer's units; outside a ministry: nothing
    assert names("Cục trưởng Cục Hóa chất ký quyết định", ministry=bo) == ["Cục Hóa chất"]
    assert names("CỤC TRƯỞNG", ministry=bo) == []
    assert names("Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang bộ", ministry=bo) == []
    assert names("xử lý các vụ việc vi phạm", ministry=bo) == []
    assert names("Vụ trưởng, Cục trưởng quyết định phân công") == []


def test_a_circular_gives_the_units_named_by_title_their_tasks():
    text = ("BỘ CÔNG THƯƠNG\nSố: 41/2024/TT-BCT\nHà Nội, ngày 12 tháng 9 năm 2024\n\nTHÔNG TƯ\n"
            "Quy định về phân cấp quản lý công chức\n\n"
            "Điều 7. Thẩm quyền của Thủ trưởng đơn vị\n"
            "1. Vụ trưởng, Cục trưởng quyết định cử công chức đi công tác trong nước theo quy định.\n")
    assert roles_of(text) == {("Các Vụ thuộc Bộ Công Thương", "lead"), ("Các Cục thuộc Bộ Công Thương", "lead")}


def test_a_judges_council_resolution_is_issued_by_the_council_even_without_its_header_lines():
    body = ("Số: 02/2022/NQ-HĐTP\nHà Nội, ngày 15 tháng 4 năm 2022\n\nNGHỊ QUYẾT\n"
            "Hướng dẫn áp dụng một số quy định của Bộ luật Dân sự\n\nQUYẾT NGHỊ:\n\n"
            "Điều 6. Hiệu lực thi hành\n"
            "Tòa án nhân dân tỉnh Sóc Trăng có trách nhiệm thực hiện đúng hướng dẫn tại Nghị quyết này.\n")
    motto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    council = "Hội đồng Thẩm phán Tòa án nhân dân tối cao"
    for header in ("", "HỘI ĐỒNG THẨM PHÁN\nTÒA ÁN NHÂN DÂN TỐI CAO\n"):
        ex = extract_text(header + motto + body, "doc.txt")
        assert [d.issuer for d in ex.directives] == [council]


def test_short_forms_of_mass_organisations_treasury_and_boards():
    assert names("Giao LĐLĐ tỉnh, Hội ND tỉnh, Đoàn TN tỉnh phối hợp") == [
        "Liên đoàn Lao động tỉnh Kon Tum", "Hội Nông dân tỉnh Kon Tum",
        "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Kon Tum"]
    assert names("Giao KBNN tỉnh kiểm soát chi") == ["Kho bạc Nhà nước tỉnh Kon Tum"]
    assert names("Giao BQL các KCN tỉnh hướng dẫn doanh nghiệp") == ["Ban Quản lý các khu công nghiệp tỉnh Kon Tum"]
    assert names("Đề nghị UBMTTQVN tỉnh và Liên minh HTX tỉnh giám sát") == [
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Kon Tum", "Liên minh Hợp tác xã tỉnh Kon Tum"]


def reformed_names(text: str, level: str = "province") -> list[str]:
    ctx = Context(province="Kon Tum", province_word="tỉnh", level=level, date="2025-10-01")
    return [m.agency.name for m in find_mentions(text, fold_keep(text), 0, len(text), ctx) if not m.generic]


def test_units_named_by_the_commune_level_since_july_2025():
    # as "UBND cấp xã" (guide §9): every commune and ward of the province
    assert reformed_names("Giao Trạm Y tế cấp xã tổ chức tiêm chủng") == ["Trạm Y tế các xã, phường tỉnh Kon Tum"]
    assert reformed_names("Giao Trung tâm Phục vụ hành chính công cấp xã tiếp nhận hồ sơ") == \
        ["Trung tâm Phục vụ hành chính công các xã, phường tỉnh Kon Tum"]
    # "cấp tỉnh" in the province's own text is its own unit
    assert reformed_names("niêm yết tại Trung tâm Phục vụ hành chính công cấp tỉnh") == \
        ["Trung tâm Phục vụ hành chính công tỉnh Kon Tum"]


def test_party_committees_of_bodies():
    assert names("Giao Đảng ủy UBND tỉnh lãnh đạo thực hiện") == ["Đảng ủy Ủy ban nhân dân tỉnh Kon Tum"]
    assert names("Giao Đảng ủy Công an tỉnh lãnh đạo thực hiện") == ["Đảng ủy Công an tỉnh Kon Tum"]
    assert names("Đảng ủy, UBND tỉnh chỉ đạo")[-1] == "Ủy ban nhân dân tỉnh Kon Tum"   # two bodies
    assert names("nhiệm vụ của Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương")[0] == \
        "Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương"


def test_the_head_of_a_room_writes_the_room_in_lower_case():
    assert names("Trưởng phòng Tài chính - Kế hoạch huyện tham mưu cho Ủy ban nhân dân huyện")[0] == \
        "Phòng Tài chính - Kế hoạch các huyện tỉnh Kon Tum"
    assert names("Trưởng phòng chức năng báo cáo") == []


def test_a_letter_to_a_company_calls_it_cong_ty():
    text = ("BỘ TÀI CHÍNH\nCỤC THUẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 812/CT-CS\nHà Nội, ngày 05 tháng 11 năm 2025\nV/v chính sách thuế giá trị gia tăng\n\n"
            "Kính gửi: Công ty TNHH Thép Sông Lam.\n\n"
            "Cục Thuế nhận được văn bản số 15/CV ngày 01/10/2025 của Công ty về chính sách thuế.\n"
            "Đề nghị Công ty căn cứ các quy định nêu trên để thực hiện theo đúng quy định.\n"
            "Cục Thuế trả lời để Công ty được biết./.\n")
    roles = roles_of(text)
    assert ("Công ty trách nhiệm hữu hạn Thép Sông Lam", "lead") in roles
    assert {r for _, r in roles} == {"lead"} and len(roles) == 1


def test_the_groups_and_corporations_a_telegram_is_addressed_to():
    text = ("THỦ TƯỚNG CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 301/CĐ-TTg\nHà Nội, ngày 02 tháng 12 năm 2025\n\nCÔNG ĐIỆN\nVề bảo đảm cung ứng xăng dầu\n\n"
            "THỦ TƯỚNG CHÍNH PHỦ điện:\n"
            "- Bộ trưởng Bộ Công Thương;\n"
            "- Chủ tịch Hội đồng thành viên các Tập đoàn, Tổng công ty trực thuộc Bộ Công Thương.\n\n"
            "1. Chủ tịch Hội đồng thành viên các Tập đoàn, Tổng công ty có trách nhiệm chỉ đạo bảo đảm nguồn cung xăng dầu "
            "cho thị trường trong mọi tình huống.\n")
    assert ("Các tập đoàn, tổng công ty trực thuộc Bộ Công Thương", "lead") in roles_of(text)


def test_national_assembly_committees_portals_associations_and_universities():
    assert names("Đề nghị Ủy ban Pháp luật và Tư pháp của Quốc hội, Hội đồng Dân tộc thẩm tra dự án") == \
        ["Ủy ban Pháp luật và Tư pháp của Quốc hội", "Hội đồng Dân tộc của Quốc hội"]
    assert names("công khai trên Cổng dịch vụ công quốc gia") == ["Cổng Dịch vụ công quốc gia"]
    assert names("Giao Hiệp hội Du lịch tỉnh phối hợp quảng bá") == ["Hiệp hội Du lịch tỉnh Kon Tum"]
    assert names("Đại học Đà Nẵng chủ trì đề tài") == ["Đại học Đà Nẵng"]
    assert names("sinh viên các trường đại học, cao đẳng") == []


def test_abbreviations_inside_names_and_a_ministry_unit_in_lower_case():
    assert names("- Cục Kiểm tra văn bản và Quản lý XLVP hành chính - Bộ Tư pháp;")[0] == \
        "Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính"
    assert names("- Vụ pháp chế - Bộ Y tế;") == ["Vụ pháp chế", "Bộ Y tế"]
    assert names("xử lý các vụ việc, Bộ Y tế hướng dẫn") == ["Bộ Y tế"]


def test_police_and_population_units_keep_their_whole_names():
    assert names("Giao Phòng Cảnh sát quản lý hành chính về trật tự xã hội Công an tỉnh chủ trì") == \
        ["Phòng Cảnh sát quản lý hành chính về trật tự xã hội Công an tỉnh Kon Tum"]
    assert names("Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ Công an tỉnh kiểm tra") == \
        ["Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ Công an tỉnh Kon Tum"]
    assert names("Giao Chi cục Dân số - Kế hoạch hóa gia đình tuyên truyền") == \
        ["Chi cục Dân số - Kế hoạch hóa gia đình tỉnh Kon Tum"]
    assert names("Cục Chăn nuôi và Thú y xác định vùng dịch") == ["Cục Chăn nuôi và Thú y"]


def test_associations_telecom_units_and_customs_in_noi_nhan():
    assert names("Đề nghị Hội Khuyến học tỉnh, Hội Người cao tuổi tỉnh phối hợp") == \
        ["Hội Khuyến học tỉnh Kon Tum", "Hội Người cao tuổi tỉnh Kon Tum"]
    assert names("HỘI NGHỊ TỔNG KẾT; Hội nghị trực tuyến") == []
    assert names("- Viễn thông Kon Tum, Bưu điện tỉnh;") == ["Viễn thông tỉnh Kon Tum", "Bưu điện tỉnh Kon Tum"]
    # a head that needs its place does not cut a name it is part of
    assert names("Tập đoàn Công nghiệp - Viễn thông Quân đội chủ trì") == ["Tập đoàn Công nghiệp - Viễn thông Quân đội"]
    assert names("- Cổng thông tin điện tử Hải quan (Văn phòng);") == ["Cổng Thông tin điện tử Hải quan"]
    assert names("- Các Chi cục hải quan khu vực (để thực hiện);") == ["Các Chi cục Hải quan khu vực"]
    assert names("- Trung tâm TT, DL&CNS tỉnh;") == ["Trung tâm Thông tin dữ liệu và Công nghệ số tỉnh Kon Tum"]


def test_short_forms_of_central_bodies_and_provincial_centres_in_noi_nhan():
    assert names("- UBTW Mặt trận Tổ quốc Việt Nam; - NHNNVN; - BHTGVN;") == [
        "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Ngân hàng Nhà nước Việt Nam", "Bảo hiểm tiền gửi Việt Nam"]
    assert names("- TTTH & Công báo; - Cổng TT Điện tử tỉnh;") == [
        "Trung tâm Tin học và Công báo tỉnh Kon Tum", "Cổng Thông tin điện tử tỉnh Kon Tum"]


def test_steering_boards_named_by_their_programme_or_topic():
    assert names("Giao Ban Chỉ đạo các Chương trình mục tiêu quốc gia tỉnh chủ trì") == \
        ["Ban Chỉ đạo các Chương trình mục tiêu quốc gia tỉnh Kon Tum"]
    central = "Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số"
    assert names(central + " đã ban hành kế hoạch") == [central]   # central: no place


def test_provinces_with_a_dash_or_a_former_name():
    # "tỉnh Bà Rịa - Vũng Tàu" is one province (not the city of Bà Rịa); "tỉnh Thừa Thiên Huế" (renamed in
    # 2025) is still a province in the texts written before; "tỉnh X" never names a commune X
    assert names("Giao Sở Xây dựng tỉnh Bà Rịa - Vũng Tàu kiểm tra") == ["Sở Xây dựng tỉnh Bà Rịa - Vũng Tàu"]
    assert names("Giao Công an tỉnh Thừa Thiên Huế điều tra") == ["Công an tỉnh Thừa Thiên Huế"]
    assert names("Giao Công an tỉnh Thừa Thiên - Huế điều tra") == ["Công an tỉnh Thừa Thiên Huế"]


def test_short_forms_of_the_big_cities():
    assert names("Giao Công an TP.HCM, Sở Nội vụ TPHCM phối hợp") == [
        "Công an thành phố Hồ Chí Minh", "Sở Nội vụ thành phố Hồ Chí Minh"]
    assert names("Sở Tài chính TP.HN thẩm định") == ["Sở Tài chính thành phố Hà Nội"]


def test_a_name_ends_before_and_a_class_of_bodies():
    assert names("Văn phòng Ban Chỉ đạo Phòng thủ dân sự tỉnh và cơ quan, tổ chức, cá nhân có liên quan thi hành") == \
        ["Văn phòng Ban Chỉ đạo Phòng thủ dân sự tỉnh Kon Tum"]
    assert names("Giao Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh chủ trì") == \
        ["Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh Kon Tum"]


def test_civil_judgment_enforcement_offices_of_a_province():
    assert names("Giao Cục Thi hành án dân sự tỉnh phối hợp") == ["Cục Thi hành án dân sự tỉnh Kon Tum"]
    assert names("Giao Thi hành án dân sự tỉnh phối hợp") == ["Thi hành án dân sự tỉnh Kon Tum"]
    assert names("đẩy mạnh công tác thi hành án dân sự tỉnh") == []
