"""Non-administrative pages (issue 13's bar on pages with no "Số:", "UBND", "chủ trì"), session 8: legal
Q&A pages that quote an article of a directive. The quoted tasks of named bodies are that directive's
obligations (guide §9); what is no task of a named body gives none. Invented pages, other bodies."""
from __future__ import annotations

from official_text import closing, obligation_roles

from phoihop.ingest.agencies import Context, find_mentions
from phoihop.ingest.directives import province_in_text
from phoihop.ingest.extract import extract_text
from phoihop.ingest.textnorm import fold_keep

QA_HEAD = """# Thủ tục cấp lại chứng chỉ hành nghề được thực hiện thế nào?

**Thủ tục cấp lại chứng chỉ hành nghề được thực hiện thế nào?**

Căn cứ theo Điều 12 Thông tư 07/2024/TT-BXD quy định như sau:

"""

QA_TAIL = """
Quý khách cần hỏi thêm thông tin có thể đặt câu hỏi tại đây.
"""


def roles(body: str) -> list[set[tuple[str, str]]]:
    """(agency, role) of each obligation of the Q&A page with this body (generic bodies left out)."""
    return obligation_roles(QA_HEAD + body + QA_TAIL, "qa.md")


def test_the_quoted_task_of_a_named_body_is_an_obligation_of_the_quoted_directive():
    body = "1. Sở Xây dựng có trách nhiệm công bố danh sách trên Trang thông tin điện tử của Sở.\n"
    assert roles(body) == [{("Sở Xây dựng", "lead")}]


def test_viet_nam_before_a_lower_case_word_is_no_province():
    body = ("- Người Việt Nam định cư ở nước ngoài được cấp lại chứng chỉ theo quy định.\n\n"
            "- Sở Xây dựng có trách nhiệm cập nhật danh sách trên Cổng thông tin điện tử.\n")
    assert roles(body) == [{("Sở Xây dựng", "lead")}]
    text = "Người Việt Nam định cư ở nước ngoài; công an thành phố Hải phòng xác minh."
    assert province_in_text(text, fold_keep(text)) == "Hải Phòng"
    text = "Người Việt Nam định cư ở nước ngoài và người Việt Nam định cư tại Lào."
    assert province_in_text(text, fold_keep(text)) is None


def test_handing_something_over_to_a_board_for_a_purpose_is_no_task_of_the_board():
    body = ("(2) Trước khi bàn giao hồ sơ cho Ban Thẩm định, Ban Thư ký tiến hành các việc sau đây:\n\n"
            "(i) Đối với hồ sơ giấy: tiếp nhận hồ sơ đã được mã hóa từ Ban Tiếp nhận và giao cho Ban Thẩm "
            "định để đánh giá;\n\n"
            "(3) Giao Sở Xây dựng tổng hợp kết quả đánh giá.\n")
    assert roles(body) == [{("Ban Thư ký", "lead")}, {("Sở Xây dựng", "lead")}]


def test_bodies_listed_as_the_owners_of_a_subject_are_not_its_subject():
    body = ("- Cơ quan chi trả cho các dự án quốc phòng của Bộ Quốc phòng, Bộ Công an tiến hành kiểm soát "
            "hồ sơ thanh toán.\n\n"
            "- Trên cơ sở danh sách của Sở Xây dựng, Sở Tài chính tổng hợp nhu cầu vốn.\n")
    assert roles(body) == [{("Sở Tài chính", "lead")}]


def test_the_request_of_an_actor_that_must_report_goes_to_the_body_it_reports_to():
    body = ("(3) Trong quá trình thẩm định, nếu thấy có sai sót, Tổ Giám sát phải báo cáo lãnh đạo Ban Thẩm "
            "định để tạm dừng, đề nghị lãnh đạo Ban Thẩm định kiểm tra, xử lý;\n\n"
            "(4) Đề nghị Sở Tư pháp kiểm tra tính pháp lý của hồ sơ.\n")
    assert roles(body) == [{("Sở Tư pháp", "lead")}]


def test_the_article_a_line_introduces_with_cu_the_is_the_directive_whose_tasks_follow():
    text = ("# Thông tư 03/2019/TT-BYT còn hiệu lực không?\n\n"
            "Ngày 20/3/2019, Bộ Y tế ban hành Thông tư 03/2019/TT-BYT về danh mục thuốc.\n\n"
            "Tuy nhiên, Thông tư 03/2019/TT-BYT được kéo dài thời hạn áp dụng bởi khoản 2 Điều 1 "
            "Thông tư 11/2023/TT-BYT, cụ thể:\n\n"
            "2. Giao Cục Quản lý Dược rà soát danh mục thuốc trước ngày 31 tháng 12 năm 2024.\n\n"
            "Quý khách cần hỏi thêm thông tin có thể đặt câu hỏi tại đây.\n")
    ex = extract_text(text, "qa.md")
    assert [(o.directive, [(a.agency, a.role) for a in o.assignees]) for o in ex.obligations] == [
        ("11/2023/TT-BYT", [("Cục Quản lý Dược", "lead")])]


def test_the_secretariat_of_a_board_keeps_the_word_ky_in_its_name():
    text = "Ban Thư ký Hội đồng tuyển dụng tổng hợp hồ sơ; Ban Thư ký lập biên bản."
    assert [m.agency.name for m in find_mentions(text, fold_keep(text), 0, len(text), Context(level="central"))
            if not m.generic] == ["Ban Thư ký Hội đồng tuyển dụng", "Ban Thư ký"]


def test_the_next_point_numbered_in_brackets_ends_the_label_of_the_point_before():
    body = ("**(4) **Trước khi chuyển hồ sơ, Ban Thư ký tiến hành các việc sau đây:\n\n"
            "(i) Kiểm tra số lượng hồ sơ và lập danh sách;\n\n"
            "**(5) **Thẩm định hồ sơ:\n\n"
            "- Tổ thẩm định nhập danh sách vào phần mềm;\n\n"
            "- Thực hiện đối chiếu từng hồ sơ với dữ liệu đã quét.\n")
    assert roles(body) == [{("Ban Thư ký", "lead")}, {("Ban Thư ký", "lead")}]


def test_crop_seasons_are_no_ministry_departments_and_a_department_keeps_co_cong():
    text = "Vụ Đông Xuân: tiến độ gieo trồng; Vụ Mùa: thu hoạch. Giao Cục Người có công và Vụ Pháp chế rà soát."
    assert [m.agency.name for m in find_mentions(text, fold_keep(text), 0, len(text), Context(level="central"))
            if not m.generic] == ["Cục Người có công", "Vụ Pháp chế"]


def test_the_police_of_unnamed_localities_is_generic_not_the_province_of_the_text():
    ctx = Context("Quảng Ngãi", "tỉnh", None, "huyện", "province")
    text = "Phối hợp với Công an các địa phương rà soát; Công an tỉnh tuần tra."
    assert [(m.agency.name, m.generic) for m in find_mentions(text, fold_keep(text), 0, len(text), ctx)
            if not m.generic] == [("Công an tỉnh Quảng Ngãi", False)]


def test_contact_lines_under_a_bodys_heading_are_no_tasks_of_it():
    text = """ỦY BAN NHÂN DÂN
TỈNH HÀ GIANG

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 77/TB-UBND

Hà Giang, ngày 03 tháng 6 năm 2025

THÔNG BÁO
Địa điểm tiếp nhận hồ sơ

1. Trung tâm Phục vụ hành chính công tỉnh

a) Tiếp nhận hồ sơ của tổ chức, cá nhân trong giờ hành chính.

b) Cơ sở 2:

c) Số 12 đường Nguyễn Trãi, phường Hà Giang 1:

d) ĐT: 0219 3861 234
""" + closing()
    assert obligation_roles(text, "hg.md") == [{("Trung tâm Phục vụ hành chính công tỉnh Hà Giang", "lead")}]


def test_a_verb_after_the_politburo_ends_its_name():
    text = "Đồng chí được Bộ Chính trị phân công triệu tập hội nghị."
    assert [m.agency.name for m in find_mentions(text, fold_keep(text), 0, len(text), Context(level="central"))
            if not m.generic] == ["Bộ Chính trị"]


HEAD_UBND = """ỦY BAN NHÂN DÂN
TỈNH TRÀ VINH

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 15/QĐ-UBND

Trà Vinh, ngày 10 tháng 4 năm 2025

QUYẾT ĐỊNH
Ban hành quy trình cấp phép khai quật

"""


NOI_VU_ONLY = [{("Sở Nội vụ tỉnh Trà Vinh", "lead")}]
TAI_CHINH_ONLY = [{("Sở Tài chính tỉnh Trà Vinh", "lead")}]


def heading_tasks(department: str, *lines: str) -> list[set[tuple[str, str]]]:
    """(agency, role) of each obligation of the decision whose body is "1. <department>" and these lines."""
    body = f"1. {department}\n\n" + "".join(f"{line}\n\n" for line in lines)
    return obligation_roles(HEAD_UBND + body + closing(), "tv.md")


def test_a_request_paper_and_an_applicants_form_give_no_order():
    body = ("1. Sở Văn hóa, Thể thao và Du lịch tiếp nhận hồ sơ.\n\n"
            "2. Hồ sơ đề nghị Chủ tịch Ủy ban nhân dân tỉnh phê duyệt gồm:\n\n"
            "a) Tờ trình đề nghị phê duyệt phương án;\n\n"
            "3. Mẫu đơn:\n\n"
            "Chúng tôi trân trọng đề nghị Giám đốc Sở Văn hóa, Thể thao và Du lịch cấp giấy phép.\n\n"
            "Mục đích: ....................................\n")
    assert obligation_roles(HEAD_UBND + body + closing(), "tv.md") == [
        {("Sở Văn hóa, Thể thao và Du lịch tỉnh Trà Vinh", "lead")}]


def test_a_copy_list_without_its_label_and_the_closing_formula_are_no_tasks():
    text = """HỘI ĐỒNG NHÂN DÂN
TỈNH BẾN TRE

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 21/NQ-HĐND

Bến Tre, ngày 08 tháng 7 năm 2025

NGHỊ QUYẾT
Về chương trình giám sát năm 2026

Điều 2. Tổ chức thực hiện

1. Thường trực Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết này.

Nghị quyết này được Hội đồng nhân dân tỉnh Bến Tre khóa X thông qua ngày 08 tháng 7 năm 2025.

- Ủy ban Thường vụ Quốc hội; - Chính phủ; - Sở Tài chính tỉnh; - Lưu: VT.

CHỦ TỊCH
"""
    assert obligation_roles(text, "bt.md") == [{("Thường trực Hội đồng nhân dân tỉnh Bến Tre", "lead")}]


def test_the_pages_own_summing_up_takes_no_lead_from_the_quoted_articles_clauses():
    body = ("1. Hòa giải viên bị thôi làm hòa giải viên khi thuộc một trong các trường hợp sau đây:\n\n"
            "a) Không còn đủ điều kiện theo quy định;\n\n"
            "2. Sở Tư pháp có trách nhiệm lập hồ sơ trình Chủ tịch Ủy ban nhân dân cấp tỉnh.\n\n"
            "...\n\n"
            "Theo đó, hòa giải viên bị thôi làm hòa giải viên khi thuộc một trong các trường hợp sau đây:\n\n"
            "- Không còn đủ điều kiện theo quy định.\n\n"
            "- Bị xử lý kỷ luật bằng hình thức buộc thôi việc.\n")
    assert roles(body) == [{("Sở Tư pháp", "lead")}]


def test_the_competent_levels_committee_is_generic_and_du_kien_ends_a_name():
    ctx = Context("Quảng Ngãi", "tỉnh", None, "huyện", "province")
    text = "Ủy ban nhân dân cấp có thẩm quyền quyết định thu hồi đất; Cục Quản lý đất đai dự kiến ban hành."
    assert [(m.agency.name, m.generic) for m in find_mentions(text, fold_keep(text), 0, len(text), ctx)] == [
        ("Ủy ban nhân dân cấp có thẩm quyền", True), ("Cục Quản lý đất đai", False)]


def test_a_review_of_the_past_and_an_attachment_note_under_a_bodys_heading_are_no_tasks():
    assert heading_tasks("Sở Nội vụ",
                          "- Thời gian qua, các cơ quan đã tích cực triển khai nhiều nhiệm vụ.",
                          "- Rà soát vị trí việc làm của các cơ quan.",
                          "(Kèm theo Báo cáo số 12/BC-SNV ngày 02/3/2025 của Sở Nội vụ).") == NOI_VU_ONLY


def test_a_request_told_as_done_is_no_order_of_the_page():
    text = ("# Đà Nẵng rà soát biển báo tốc độ xe tải\n\n"
            "Ngày 5/9, UBND thành phố Đà Nẵng ban hành Kế hoạch số 12/KH-UBND về bảo đảm trật tự an toàn giao "
            "thông. Theo đó, UBND thành phố giao Sở Giao thông vận tải rà soát biển báo tốc độ trên các tuyến.\n\n"
            "Trao đổi với phóng viên, đại diện Phòng Cảnh sát giao thông cho biết, P08 vừa kiến nghị Sở Xây dựng "
            "Đà Nẵng chỉ đạo các đơn vị liên quan chủ trì, phối hợp với Phòng Cảnh sát giao thông Công an Đà Nẵng "
            "phân làn xe tải.\n")
    assert obligation_roles(text, "dn.md") == [{("Sở Giao thông vận tải thành phố Đà Nẵng", "lead")}]


def test_the_logistics_department_keeps_can_and_a_bare_step_label_is_no_task():
    text = "Tổng cục Hậu cần chủ trì; Cục Hậu cần cần rà soát."
    assert [m.agency.name for m in find_mentions(text, fold_keep(text), 0, len(text), Context(level="central"))
            if not m.generic] == ["Tổng cục Hậu cần", "Cục Hậu cần"]
    body = "1. Sở Tư pháp\n\n- Bước 2.\n\n- Thẩm định hồ sơ trong 03 ngày làm việc.\n"
    assert obligation_roles(HEAD_UBND + body + closing(), "tv.md") == [{("Sở Tư pháp tỉnh Trà Vinh", "lead")}]


def test_a_commune_whose_name_starts_with_a_head_word_is_no_body():
    text = "Sau sắp xếp, xã Vụ Bổn và Vụ Pháp chế cùng rà soát."
    assert [m.agency.name for m in find_mentions(text, fold_keep(text), 0, len(text), Context(level="central"))
            if not m.generic] == ["Vụ Pháp chế"]


def test_the_papers_of_a_dossier_and_a_stub_basis_line_are_no_tasks():
    assert heading_tasks("Sở Tài chính",
                          "- Tờ trình của Sở Tài chính về việc phê duyệt dự án;",
                          "- Bản sao quyết định giao đất;",
                          "- Căn cứ....",
                          "- Thẩm định hồ sơ trong 05 ngày làm việc.") == TAI_CHINH_ONLY


def test_thay_mat_ends_a_name_and_the_construction_activity_department_is_whole():
    text = "Cục Hoạt động xây dựng và Ban Quản lý dự án Thủy lợi thay mặt chủ đầu tư ký biên bản."
    assert [m.agency.name for m in find_mentions(text, fold_keep(text), 0, len(text), Context(level="central"))
            if not m.generic] == ["Cục Hoạt động xây dựng", "Ban Quản lý dự án Thủy lợi"]


def test_a_title_after_va_ends_a_name_and_a_cited_instrument_item_is_no_task():
    text = "Vụ trưởng Vụ Pháp chế và Thủ trưởng các đơn vị liên quan chịu trách nhiệm thi hành."
    assert [m.agency.name for m in find_mentions(text, fold_keep(text), 0, len(text), Context(level="central"))
            if not m.generic] == ["Vụ Pháp chế"]
    assert heading_tasks("Sở Tài chính",
                          "- Công điện số 07/CĐ-BTC ngày 02/8/2025 của Bộ trưởng Bộ Tài chính về việc điều hành giá;",
                          "- Theo dõi diễn biến giá thị trường.") == TAI_CHINH_ONLY


def test_trich_luc_and_cap_duoi_end_a_name_and_dkdd_is_written_out():
    ctx = Context("Quảng Ngãi", "tỉnh", None, "huyện", "province")
    text = ("Văn phòng Đăng ký đất đai trích lục bản đồ; Văn phòng ĐKĐĐ tiếp nhận hồ sơ; Công an cấp dưới "
            "báo cáo; Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam cấp dưới phối hợp.")
    assert [(m.agency.name, m.generic) for m in find_mentions(text, fold_keep(text), 0, len(text), ctx)] == [
        ("Văn phòng Đăng ký đất đai tỉnh Quảng Ngãi", False), ("Văn phòng đăng ký đất đai tỉnh Quảng Ngãi", False),
        ("Công an cấp dưới", True), ("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam", False)]


def test_the_body_a_clause_reports_to_does_not_inherit_its_lead():
    assert heading_tasks("Sở Nội vụ",
                          "- Rà soát vị trí việc làm.",
                          "- Cơ quan có nhu cầu tiếp nhận công chức trình Sở Nội vụ xem xét, quyết định.") == NOI_VU_ONLY


def test_a_persons_name_line_and_work_in_progress_are_no_tasks():
    assert heading_tasks("Sở Nội vụ",
                          "- Rà soát vị trí việc làm.",
                          "- Trần Văn Bình",
                          "- Sở Nội vụ đang xây dựng dự thảo quy định về vị trí việc làm.") == NOI_VU_ONLY

