"""Agency mentions and their canonical names (guide §1, §3, §8, §9), on invented examples.

Each test names one phenomenon of issue 13 that costs names: bodies not recognised,
recognised with the wrong boundary, or with the wrong jurisdiction.
"""
from __future__ import annotations

from phoihop.ingest.agencies import Context, find_mentions
from phoihop.ingest.textnorm import fold_keep

BINH_DINH = Context("Bình Định", "tỉnh", None, "huyện", "province")
CAN_THO = Context("Cần Thơ", "thành phố", None, "quận", "province")
CENTRAL = Context(level="central")


def names(text: str, ctx: Context) -> list[str]:
    return [m.agency.name for m in find_mentions(text, fold_keep(text), 0, len(text), ctx) if not m.generic]


def test_standing_bodies_boards_and_delegate_groups_of_a_council():
    text = ("Giao Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh, "
            "Tổ đại biểu Hội đồng nhân dân tỉnh giám sát; mời Thường trực Tỉnh ủy dự.")
    assert names(text, BINH_DINH) == [
        "Thường trực Hội đồng nhân dân tỉnh Bình Định",
        "Các Ban của Hội đồng nhân dân tỉnh Bình Định",
        "Các Tổ đại biểu Hội đồng nhân dân tỉnh Bình Định",
        "Thường trực Tỉnh ủy Bình Định",
    ]


def test_enumerations_after_a_head_and_a_colon_give_one_body_each():
    text = ("Giám đốc các Sở: Y tế; Tư pháp, Giao thông vận tải và Thủ trưởng các đơn vị: Nội vụ, "
            "Công an tỉnh chịu trách nhiệm thi hành.")
    assert names(text, BINH_DINH) == ["Sở Y tế tỉnh Bình Định", "Sở Tư pháp tỉnh Bình Định",
                                      "Sở Giao thông vận tải tỉnh Bình Định", "Sở Nội vụ tỉnh Bình Định",
                                      "Công an tỉnh Bình Định"]
    assert names("Giám đốc các sở chịu trách nhiệm thi hành.", BINH_DINH) == []
    central = "Các Bộ, cơ quan: Ngoại giao, Công an, Tập đoàn Điện lực Việt Nam; các Tập đoàn: Dầu khí Việt Nam, Hóa chất Việt Nam khẩn trương rà soát."
    assert names(central, CENTRAL) == ["Bộ Ngoại giao", "Bộ Công an", "Tập đoàn Điện lực Việt Nam",
                                       "Tập đoàn Dầu khí Việt Nam", "Tập đoàn Hóa chất Việt Nam"]


def test_collectives_written_without_cac_are_the_units_below_the_issuer():
    assert names("Giao Ủy ban nhân dân xã/phường rà soát; Công an xã, phường và đặc khu phối hợp.", CAN_THO) == [
        "Ủy ban nhân dân các xã, phường thành phố Cần Thơ",
        "Công an các xã, phường và đặc khu thành phố Cần Thơ"]
    assert names("UBND huyện, thị xã chủ động bố trí kinh phí.", BINH_DINH) == [
        "Ủy ban nhân dân các huyện, thị xã tỉnh Bình Định"]


def test_commune_level_after_the_2025_reform_is_every_commune_and_ward_of_the_province():
    after = Context("Cần Thơ", "thành phố", None, "quận", "province", date="2025-09-15")
    assert names("Giao UBND cấp xã tổ chức thực hiện.", after) == ["Ủy ban nhân dân các xã, phường thành phố Cần Thơ"]
    before = Context("Cần Thơ", "thành phố", None, "quận", "province", date="2024-03-01")
    assert names("Giao UBND cấp xã tổ chức thực hiện.", before) == []


def test_bodies_whose_head_is_also_a_common_noun_need_a_place():
    text = ("Thuế tỉnh Bình Định, Bảo hiểm xã hội tỉnh và Chi nhánh Ngân hàng Chính sách xã hội tỉnh phối hợp; "
            "Thuế thu nhập cá nhân và Bảo hiểm xã hội là nghĩa vụ.")
    assert names(text, BINH_DINH) == ["Thuế tỉnh Bình Định", "Bảo hiểm xã hội tỉnh Bình Định",
                                      "Chi nhánh Ngân hàng Chính sách xã hội tỉnh Bình Định"]
    assert names("Đề nghị các Thuế tỉnh, thành phố báo cáo.", CENTRAL) == ["Thuế các tỉnh, thành phố"]


def test_names_keep_their_words_across_wrapped_lines_and_level_words_need_their_diacritics():
    text = "Trung tâm Dịch\nvụ việc làm tỉnh phối hợp với Cục Kinh tế - Quản lý đầu tư xây dựng."
    assert names(text, BINH_DINH) == ["Trung tâm Dịch vụ việc làm tỉnh Bình Định",
                                      "Cục Kinh tế - Quản lý đầu tư xây dựng"]
    assert names("Trung tâm Chuyển đổi số tỉnh chủ trì.", BINH_DINH) == ["Trung tâm Chuyển đổi số tỉnh Bình Định"]


def test_a_department_listed_by_province_gives_one_body_per_province():
    text = "Giao Sở Y tế các tỉnh: Phú Yên, Gia Lai và Kon Tum phối hợp."
    assert names(text, CENTRAL) == ["Sở Y tế tỉnh Phú Yên", "Sở Y tế tỉnh Gia Lai", "Sở Y tế tỉnh Kon Tum"]


def test_party_boards_are_named_with_their_committee():
    text = "Ban Tuyên giáo và Dân vận Tỉnh ủy, Ban Tổ chức Trung ương và Đảng ủy Quốc hội phối hợp; Ban Tổ chức hội thi."
    assert names(text, BINH_DINH) == ["Ban Tuyên giáo và Dân vận Tỉnh ủy Bình Định", "Ban Tổ chức Trung ương",
                                      "Đảng ủy Quốc hội"]


def test_central_bodies_carry_no_place():
    assert names("Đề nghị Ủy ban Trung ương MTTQ Việt Nam, Mặt trận Tổ quốc Việt Nam và Bộ Quốc phòng phối hợp.",
                 Context("Gia Lai", "tỉnh", level="central")) == [
        "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Ủy ban Mặt trận Tổ quốc Việt Nam", "Bộ Quốc phòng"]


def test_regional_units_carry_their_region_not_a_province():
    text = ("Kho bạc Nhà nước khu vực XII, Chi cục Hải quan khu vực IV, Kiểm toán nhà nước khu vực 3 và "
            "các Khu Quản lý đường bộ II và V phối hợp với Kho bạc Nhà nước tỉnh.")
    assert names(text, BINH_DINH) == ["Kho bạc Nhà nước khu vực XII", "Chi cục Hải quan khu vực IV",
                                      "Kiểm toán nhà nước khu vực 3", "Khu Quản lý đường bộ II",
                                      "Khu Quản lý đường bộ V", "Kho bạc Nhà nước tỉnh Bình Định"]


def test_newspapers_and_merged_media_of_2025():
    text = "Báo và Phát thanh, Truyền hình Bình Định, Báo Bình Định và Báo Nhân dân đưa tin."
    assert names(text, BINH_DINH) == ["Báo và Phát thanh, Truyền hình tỉnh Bình Định", "Báo tỉnh Bình Định",
                                      "Báo Nhân dân"]


def test_names_wrapped_before_a_capital_on_a_long_line_and_places_inside_proper_names():
    text = ("Đề nghị các đơn vị phối hợp chặt chẽ trong quá trình thực hiện, trong đó có Tập đoàn Dầu khí Việt\n"
            "Nam phối hợp.\n- Trung tâm Y tế\nBệnh viện tỉnh")
    assert names(text, BINH_DINH)[:2] == ["Tập đoàn Dầu khí Việt Nam", "Trung tâm Y tế tỉnh Bình Định"]
    assert names("Giao Trung tâm Văn hóa - Thể thao Tây Sơn tổ chức.", BINH_DINH) == [
        "Trung tâm Văn hóa - Thể thao Tây Sơn"]
    assert names("Thư viện Pháp luật đăng tải; Viện Dinh dưỡng phối hợp.", CENTRAL) == ["Viện Dinh dưỡng"]


def test_diacritics_tell_a_body_from_a_word_inside_a_name():
    text = "Tập đoàn Công nghiệp - Viễn thông Quân đội và các Ban Quản lý dự án, chủ đầu tư, nhà thầu phối hợp."
    assert names(text, CENTRAL) == ["Tập đoàn Công nghiệp - Viễn thông Quân đội"]


def test_vocabulary_of_bodies_and_abbreviations():
    text = ("CA tỉnh, BCH Quân sự tỉnh, Cục QLTT tỉnh, Liên minh Hợp tác xã tỉnh, kho bạc nhà nước tỉnh, "
            "Ban An toàn giao thông tỉnh, Hội đồng Thi đua - Khen thưởng tỉnh và Tổng Cty Điện lực miền Trung phối hợp.")
    assert names(text, BINH_DINH) == [
        "Công an tỉnh Bình Định", "Bộ Chỉ huy Quân sự tỉnh Bình Định", "Cục Quản lý thị trường tỉnh Bình Định",
        "Liên minh Hợp tác xã tỉnh Bình Định", "Kho bạc Nhà nước tỉnh Bình Định",
        "Ban An toàn giao thông tỉnh Bình Định", "Hội đồng Thi đua - Khen thưởng tỉnh Bình Định",
        "Tổng công ty Điện lực miền Trung"]
    central = "Thanh tra Chính phủ, Ủy ban Dân tộc và Học viện Chính trị quốc gia Hồ Chí Minh phối hợp."
    assert names(central, CENTRAL) == ["Thanh tra Chính phủ", "Ủy ban Dân tộc", "Học viện Chính trị quốc gia Hồ Chí Minh"]


def test_common_words_and_bold_marks_are_not_names():
    text = "BÁO CÁO kết quả; Ban hành kèm theo; Sở **Tư pháp** chủ trì; Báo Cao Bằng đưa tin."
    assert names(text, BINH_DINH) == ["Sở Tư pháp tỉnh Bình Định", "Báo tỉnh Cao Bằng"]


def test_units_of_the_issuing_ministry_carry_its_name():
    ministry = Context(level="central", ministry="Bộ Y tế")
    text = "Giao Văn phòng Bộ, Vụ Kế hoạch - Tài chính và Vụ Pháp chế Bộ Tư pháp phối hợp với Cục Quản lý Dược."
    assert names(text, ministry) == ["Văn phòng Bộ Y tế", "Vụ Kế hoạch - Tài chính Bộ Y tế", "Vụ Pháp chế Bộ Tư pháp",
                                     "Cục Quản lý Dược"]


def test_open_names_end_at_a_two_word_level_word_a_verb_or_the_next_placed_body():
    hcm = Context("Hồ Chí Minh", "thành phố")
    assert names("Trung tâm Chuyển đổi số Thành phố cấu hình thủ tục; Ban Quản lý dự án 7 phụ trách tuyến.", hcm) == [
        "Trung tâm Chuyển đổi số thành phố Hồ Chí Minh", "Ban Quản lý dự án 7 thành phố Hồ Chí Minh"]
    assert names("CỤC THUẾ\nTHUẾ TỈNH ĐỒNG THÁP", CENTRAL) == ["Cục Thuế", "Thuế tỉnh Đồng Tháp"]
    assert names("Trung tâm Dịch vụ việc làm tỉnh và Trung tâm Phục vụ hành chính công cấp xã phối hợp.", BINH_DINH) == [
        "Trung tâm Dịch vụ việc làm tỉnh Bình Định", "Trung tâm Phục vụ hành chính công cấp xã tỉnh Bình Định"]


def test_district_and_commune_bodies_and_rooms_named_with_their_parent():
    district = Context("Bình Định", "tỉnh", "Tây Sơn", "huyện", "district", date="2024-03-01")
    assert names("Giao Huyện đoàn, Phòng KT-HT và Phòng Cảnh sát giao thông Công an tỉnh phối hợp.", district) == [
        "Đoàn Thanh niên Cộng sản Hồ Chí Minh huyện Tây Sơn", "Phòng Kinh tế và Hạ tầng huyện Tây Sơn",
        "Phòng Cảnh sát giao thông Công an tỉnh Bình Định"]
    commune = Context("Bình Định", "tỉnh", level="commune", commune="Cát Tiến", commune_word="xã", date="2025-09-01")
    assert names("Giao Phòng Kinh tế, Công an xã và Trạm Y tế xã thực hiện.", commune) == [
        "Phòng Kinh tế xã Cát Tiến", "Công an xã Cát Tiến", "Trạm Y tế xã Cát Tiến"]


def test_names_never_open_or_close_on_a_connector_and_keep_an_inner_ministry_whole():
    ministry = Context(level="central", ministry="Bộ Công Thương")
    text = "Ban Cơ yếu Chính phủ và Cục Lãnh sự Bộ Ngoại\ngiao phối hợp; VỤ VÀ CẤP CÔNG HÀM; Văn phòng Tổng Bí thư."
    assert names(text, ministry) == ["Ban Cơ yếu Chính phủ", "Cục Lãnh sự Bộ Ngoại giao", "Văn phòng Tổng Bí thư"]
    assert names("Trung tâm PHỤC VỤ HÀNH CHÍNH CÔNG tỉnh; Tổng cục Thống kê", BINH_DINH) == [
        "Trung tâm Phục vụ hành chính công tỉnh Bình Định", "Tổng cục Thống kê"]


def test_a_province_branch_named_before_its_level_word():
    assert names("Cục Thuế tỉnh, Cục Hải quan tỉnh và Chi cục Thú y tỉnh phối hợp.", BINH_DINH) == [
        "Cục Thuế tỉnh Bình Định", "Cục Hải quan tỉnh Bình Định", "Chi cục Thú y tỉnh Bình Định"]


def test_a_reporting_verb_after_a_name_ends_it():
    assert names("Cục Thuế thông báo; Cục Hải quan trả lời.", CENTRAL) == ["Cục Thuế", "Cục Hải quan"]


def test_a_placed_head_after_co_quan_is_the_body():
    assert names("Cơ quan Bảo hiểm xã hội tổng hợp danh sách; Bảo hiểm xã hội là chính sách lớn.", BINH_DINH) == [
        "Bảo hiểm xã hội tỉnh Bình Định"]


def test_compounds_keep_names_whole_even_across_a_line_break():
    assert names("Văn phòng đăng ký đất đai tỉnh, Viện Hàn lâm Khoa học xã\nhội Việt Nam và Ban Tôn giáo Chính phủ phối hợp.",
                 BINH_DINH) == ["Văn phòng đăng ký đất đai tỉnh Bình Định", "Viện Hàn lâm Khoa học xã hội Việt Nam",
                                "Ban Tôn giáo Chính phủ"]


def test_companies_subordinate_to_each_listed_parent_are_one_collective_each():
    assert names("Giao các Tổng công ty trực thuộc Bộ Công Thương, Bộ Quốc phòng báo cáo.", CENTRAL) == [
        "Các tổng công ty trực thuộc Bộ Công Thương", "Các tổng công ty trực thuộc Bộ Quốc phòng"]
