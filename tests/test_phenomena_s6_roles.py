"""How roles are read from clauses (session 6): partners named before the lead, partners in a clause of
their own after the lead's, enumerations after "các đơn vị sau:", orders printed as numbered items and
task tables with other column headers. Invented examples (a plan of UBND tỉnh Bình Định)."""
from __future__ import annotations

from phoihop.ingest.extract import extract_text

from official_text import closing, obligation_roles

HEAD = """ỦY BAN NHÂN DÂN
TỈNH BÌNH ĐỊNH

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 77/KH-UBND

Bình Định, ngày 03 tháng 3 năm 2025

KẾ HOẠCH
Phòng, chống thiên tai năm 2025

"""

TAIL = closing()

BD = " tỉnh Bình Định"


def roles(body: str) -> list[set[tuple[str, str]]]:
    """(agency, role) of each obligation of the plan with this body (generic bodies left out)."""
    return obligation_roles(HEAD + body + TAIL, "bd.md")


def news_roles(title: str, body: str) -> list[set[tuple[str, str]]]:
    """(agency, role) of each obligation of a news page of a Bình Định paper with this title and body."""
    ex = extract_text(f"# {title}\n\n*Source: baobinhdinh.vn*\n\n" + body, "news.md")
    return [{(a.agency, a.role) for a in o.assignees if not a.generic} for o in ex.obligations]


def test_partners_in_a_clause_of_their_own_after_the_lead():
    # "Giao A chủ trì …; B, C phối hợp thực hiện." / ". B, C có trách nhiệm phối hợp.": B and C join A's task
    got = roles("1. Giao Sở Nông nghiệp và Môi trường chủ trì rà soát đê điều; Sở Tài chính, Sở Xây dựng "
                "phối hợp thực hiện.\n\n"
                "2. Giao Sở Công Thương chủ trì dự trữ hàng hóa. Công an tỉnh, Sở Y tế có trách nhiệm phối hợp.\n")
    assert got == [{("Sở Nông nghiệp và Môi trường" + BD, "lead")},
                   {("Sở Nông nghiệp và Môi trường" + BD, "lead"), ("Sở Tài chính" + BD, "support"),
                    ("Sở Xây dựng" + BD, "support")},
                   {("Sở Công Thương" + BD, "lead")},
                   {("Sở Công Thương" + BD, "lead"), ("Công an tỉnh Bình Định", "support"),
                    ("Sở Y tế" + BD, "support")}]


def test_partners_with_a_task_of_their_own_stay_leads():
    # "B phối hợp với C kiểm tra …" is B's task (guide §2): B leads, C supports
    got = roles("1. Giao Sở Xây dựng chủ trì lập phương án. Sở Tài chính phối hợp với Sở Nội vụ bố trí nhân lực.\n")
    assert got == [{("Sở Xây dựng" + BD, "lead")},
                   {("Sở Tài chính" + BD, "lead"), ("Sở Nội vụ" + BD, "support")}]


def test_partners_named_before_the_lead():
    # "Với sự phối hợp của A, B, C chủ trì …": C, right before "chủ trì", leads; A and B support
    got = roles("1. Với sự phối hợp của Sở Tài chính, Sở Nội vụ, Sở Giáo dục và Đào tạo chủ trì tập huấn "
                "kỹ năng phòng tránh đuối nước.\n")
    assert got == [{("Sở Tài chính" + BD, "support"), ("Sở Nội vụ" + BD, "support"),
                    ("Sở Giáo dục và Đào tạo" + BD, "lead")}]


def test_members_after_cac_don_vi_sau_colon():
    # "Giao các đơn vị sau: A; B; C thực hiện …": each member is a lead (guide §9)
    got = roles("1. Giao các đơn vị sau: Sở Tư pháp; Sở Tài chính; Thanh tra tỉnh thực hiện kiểm tra.\n")
    assert got == [{("Sở Tư pháp" + BD, "lead"), ("Sở Tài chính" + BD, "lead"), ("Thanh tra tỉnh Bình Định", "lead")}]


def test_numbered_item_that_is_a_whole_order():
    # "1. Yêu cầu A, B triển khai." is a short order, not a heading that only names bodies
    got = roles("1. Yêu cầu Sở Y tế, Sở Giáo dục và Đào tạo triển khai.\n\n2. Sở Tài chính bố trí kinh phí.\n")
    assert got == [{("Sở Y tế" + BD, "lead"), ("Sở Giáo dục và Đào tạo" + BD, "lead")},
                   {("Sở Tài chính" + BD, "lead")}]


def test_task_tables_with_other_lead_column_headers():
    # "Người thực hiện", "Đơn vị/cá nhân thực hiện", a bare "Thực hiện" column are lead columns;
    # "Thời gian thực hiện" is not. (A "Bước" column makes the table the steps of a procedure, no task:
    # tests/test_phenomena_s9_recall.py.)
    got = roles("| STT | Nhiệm vụ | Người thực hiện | Thời gian thực hiện |\n|---|---|---|---|\n"
                "| 1 | Tiếp nhận hồ sơ | Văn phòng Sở Nội vụ | 01 ngày |\n\n"
                "| TT | Nội dung | Đơn vị/cá nhân thực hiện |\n|---|---|---|\n"
                "| 1 | Thẩm định hồ sơ | Thanh tra tỉnh |\n\n"
                "| TT | Nhiệm vụ | Thực hiện | Phối hợp |\n|---|---|---|---|\n"
                "| 1 | Tổ chức diễn tập | Bộ Chỉ huy Quân sự tỉnh | Công an tỉnh |\n")
    assert got == [{("Văn phòng Sở Nội vụ" + BD, "lead")}, {("Thanh tra tỉnh Bình Định", "lead")},
                   {("Bộ Chỉ huy Quân sự tỉnh Bình Định", "lead"), ("Công an tỉnh Bình Định", "support")}]


def test_class_word_before_the_subject():
    # "Cơ quan Bảo hiểm xã hội tỉnh tổng hợp …": the class word "cơ quan" / "đơn vị" before the body
    # that opens the clause does not hide its subject
    got = roles("1. Cơ quan Bảo hiểm xã hội tỉnh tổng hợp danh sách, trình Sở Tài chính.\n\n"
                "2. Đơn vị Thanh tra tỉnh kiểm tra hồ sơ.\n")
    assert got == [{("Bảo hiểm xã hội tỉnh Bình Định", "lead")}, {("Thanh tra tỉnh Bình Định", "lead")}]


def test_numbered_item_with_order_verb_colon_and_bodies():
    # "2. Đề nghị: Hội A, Hội B" heads its items: the bodies after the order's colon lead them
    got = roles("**III. TỔ CHỨC THỰC HIỆN**\n\n**1. Sở Tài chính**\n\nBố trí kinh phí.\n\n"
                "**2. Đề nghị: Hội Nông dân tỉnh, Liên minh Hợp tác xã tỉnh**\n\n"
                "a) Tuyên truyền, vận động hội viên.\n\nb) Phối hợp với Sở Tài chính đánh giá hiện trạng.\n")
    farmers, coops = ("Hội Nông dân" + BD, "lead"), ("Liên minh Hợp tác xã" + BD, "lead")
    assert got[-2:] == [{farmers, coops}, {farmers, coops, ("Sở Tài chính" + BD, "support")}]


def test_task_table_cell_names_the_leads_partner():
    # "| Chủ trì, phối hợp với Sở B rà soát … | Sở A |": B supports the row's lead A (guide §2, §9)
    got = roles("| TT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn |\n|---|---|---|---|\n"
                "| 1 | Chủ trì, phối hợp với Sở Tư pháp rà soát văn bản | Sở Nội vụ | 2025 |\n"
                "| 2 | Kiểm tra chợ đầu mối | Sở Công Thương | 2025 |\n")
    assert got == [{("Sở Nội vụ" + BD, "lead"), ("Sở Tư pháp" + BD, "support")}, {("Sở Công Thương" + BD, "lead")}]


def test_lead_and_partners_named_by_their_part():
    # "A chịu trách nhiệm chính, B và C phối hợp", "A là cơ quan chủ trì; B là cơ quan phối hợp",
    # "A làm đầu mối, B phối hợp": A leads, the others support; "là cơ quan chuyên môn" only describes
    got = roles("1. Sở Xây dựng chịu trách nhiệm chính, Sở Tài chính và Sở Nội vụ phối hợp thực hiện.\n\n"
                "2. Sở Tư pháp là cơ quan chủ trì; Thanh tra tỉnh là cơ quan phối hợp.\n\n"
                "3. Giao Sở Y tế chủ trì kiểm tra. Sở Tài chính là cơ quan phối hợp.\n\n"
                "4. Sở Nội vụ là cơ quan chuyên môn của Ủy ban nhân dân tỉnh.\n")
    assert got == [{("Sở Xây dựng" + BD, "lead"), ("Sở Tài chính" + BD, "support"), ("Sở Nội vụ" + BD, "support")},
                   {("Sở Tư pháp" + BD, "lead"), ("Thanh tra tỉnh Bình Định", "support")},
                   {("Sở Y tế" + BD, "lead")},
                   {("Sở Y tế" + BD, "lead"), ("Sở Tài chính" + BD, "support")}]


def test_partners_join_the_sentence_before_in_a_news_page():
    # a news page reporting a plan: "Sở A có trách nhiệm …; Sở B, Sở C phối hợp thực hiện." in one paragraph
    got = news_roles("Bình Định chủ động ứng phó bão",
                     "Ngày 10/9/2025, UBND tỉnh Bình Định ban hành Công văn số 1234/UBND-NN về việc ứng phó bão.\n\n"
                     "Theo đó, Sở Công Thương có trách nhiệm bảo đảm hàng hóa thiết yếu; Sở Tài chính, Sở Xây dựng "
                     "phối hợp thực hiện.\n")
    assert got == [{("Sở Công Thương" + BD, "lead")},
                   {("Sở Công Thương" + BD, "lead"), ("Sở Tài chính" + BD, "support"), ("Sở Xây dựng" + BD, "support")}]


def test_list_with_a_member_the_reader_does_not_know():
    # a capitalised member that is no known body ("Nhà Thiếu nhi tỉnh", "các Thuế cơ sở") does not cut
    # the list: the bodies on both sides of it keep the list's role
    got = roles("1. Đề nghị: Nhà Thiếu nhi tỉnh, Hội Nông dân tỉnh tuyên truyền.\n\n"
                "2. Sở Nội vụ, Thuế tỉnh và các Thuế cơ sở, Sở Tài chính có trách nhiệm kiểm tra.\n\n"
                "3. Sở Y tế phối hợp với Nhà Thiếu nhi tỉnh, Sở Tài chính kiểm tra.\n")
    assert got == [{("Hội Nông dân" + BD, "lead")},
                   {("Sở Nội vụ" + BD, "lead"), ("Thuế tỉnh Bình Định", "lead"), ("Sở Tài chính" + BD, "lead")},
                   {("Sở Y tế" + BD, "lead"), ("Sở Tài chính" + BD, "support")}]


def test_giao_before_a_ban_is_an_order():
    # "Giao Ban Quản lý …" gives a task to a Ban; "họp giao ban" is a meeting
    got = roles("1. Giao Ban Quản lý dự án đầu tư xây dựng tỉnh và Sở Xây dựng kiểm tra.\n\n"
                "2. Sở Y tế chủ trì buổi giao ban với Sở Tài chính hằng tháng.\n")
    assert got == [{("Ban Quản lý dự án đầu tư xây dựng tỉnh Bình Định", "lead"), ("Sở Xây dựng" + BD, "lead")},
                   {("Sở Y tế" + BD, "lead")}]


def test_time_before_the_subject_without_a_comma():
    # "Trước ngày 01 tháng 11 hằng năm Sở X có trách nhiệm …", "Hằng năm Sở Y …": the time before the body
    # that opens the clause does not hide its subject
    got = roles("1. Trước ngày 01 tháng 11 hằng năm Sở Tài chính có trách nhiệm tổng hợp dự toán.\n\n"
                "2. Hằng quý Sở Nội vụ tổ chức kiểm tra.\n\n"
                "3. Ngày 10/9/2025 Sở Y tế đã ban hành Kế hoạch số 12/KH-SYT.\n")
    assert got == [{("Sở Tài chính" + BD, "lead")}, {("Sở Nội vụ" + BD, "lead")}]


def test_bodies_after_the_bracketed_lead_are_its_partners():
    # "Đơn vị thực hiện: A (chủ trì), B, C.": B and C, listed after the lead's bracket, support
    got = roles("**1. Tuyên truyền**\n\nĐơn vị thực hiện: Sở Văn hóa, Thể thao và Du lịch (chủ trì), "
                "Đài Phát thanh và Truyền hình tỉnh, Sở Nội vụ.\n")
    assert got == [{("Sở Văn hóa, Thể thao và Du lịch" + BD, "lead"),
                    ("Đài Phát thanh và Truyền hình tỉnh Bình Định", "support"), ("Sở Nội vụ" + BD, "support")}]


def test_task_tables_with_combined_or_two_row_headers():
    # a column "Cơ quan chủ trì, phối hợp" leads and its cells name the partners; a header on two rows
    # ("Cơ quan thực hiện" over "Chủ trì | Phối hợp"); "- Chủ trì: A - Phối hợp: B" inside one cell
    got = roles("| STT | Nội dung | Cơ quan chủ trì, phối hợp | Thời gian |\n|---|---|---|---|\n"
                "| 1 | Rà soát đê điều | Sở Xây dựng chủ trì, phối hợp với Sở Tài chính | 2025 |\n\n"
                "| TT | Nhiệm vụ | Cơ quan thực hiện | | Thời gian |\n|---|---|---|---|---|\n"
                "| | | Chủ trì | Phối hợp | |\n| 1 | Tổ chức hội nghị | Sở Nội vụ | Sở Tư pháp | 2025 |\n\n"
                "| STT | Nội dung | Đơn vị thực hiện | Thời gian |\n|---|---|---|---|\n"
                "| 1 | Kiểm tra an toàn thực phẩm | - Chủ trì: Sở Y tế - Phối hợp: Sở Công Thương | 2025 |\n")
    assert got == [{("Sở Xây dựng" + BD, "lead"), ("Sở Tài chính" + BD, "support")},
                   {("Sở Nội vụ" + BD, "lead"), ("Sở Tư pháp" + BD, "support")},
                   {("Sở Y tế" + BD, "lead"), ("Sở Công Thương" + BD, "support")}]


def _stream_header(*cells: str) -> str:
    """A table's header row as a legal library prints it: one cell a line between "|" lines."""
    return "|\n" + "\n|\n".join(cells) + "\n|\n|\n"


def test_table_printed_one_cell_a_line_with_group_rows():
    # a legal library prints each cell on its own line between "|" lines; a row of one cell ("I. Nhóm …",
    # with or without an empty number cell) names a group of rows and does not end the table
    stream = _stream_header("**STT**", "**Nhiệm vụ**", "**Cơ quan chủ trì**", "**Cơ quan phối hợp**", "**Thời hạn**")
    stream += "**I. NÂNG CAO NHẬN THỨC**\n|\n|\n"
    stream += "1\n|\nTuyên truyền về chuyển đổi số.\n|\nSở Khoa học và Công nghệ\n|\nSở Nội vụ\n|\n2025\n|\n|\n"
    stream += "|\n**II. HẠ TẦNG**\n|\n|\n|\n"
    stream += "2\n|\nPhủ sóng 5G.\n|\nSở Xây dựng\n|\nCông an tỉnh\n|\n2026\n|\n|\n"
    got = roles("**III. NHIỆM VỤ**\n\n" + stream)
    assert {("Sở Khoa học và Công nghệ" + BD, "lead"), ("Sở Nội vụ" + BD, "support")} in got
    assert {("Sở Xây dựng" + BD, "lead"), ("Công an tỉnh Bình Định", "support")} in got


def test_procedure_table_column_phan_cong_nhiem_vu_leads():
    # "Phân công nhiệm vụ" names who carries the step: a body column, though its header says "nhiệm vụ"
    got = roles("| STT | Nội dung công việc | Phân công nhiệm vụ | Thời gian thực hiện |\n|---|---|---|---|\n"
                "| Bước 1 | Tiếp nhận hồ sơ | Văn phòng Sở Tư pháp | 0,5 ngày |\n"
                "| Bước 2 | Thẩm định hồ sơ | Thanh tra tỉnh | 02 ngày |\n")
    assert got == [{("Văn phòng Sở Tư pháp" + BD, "lead")}, {("Thanh tra tỉnh Bình Định", "lead")}]


def test_table_one_cell_a_line_with_a_row_that_spans_the_task():
    # the number and task cells span two rows: the short row under it names the task's other bodies
    stream = _stream_header("**TT**", "**Tên đề án**", "**Cơ quan chủ trì**", "**Cơ quan phối hợp**", "**Thời hạn**")
    stream += "1\n|\nĐề án phân loại rác thải.\n|\nSở Nông nghiệp và Môi trường\n|\nSở Xây dựng\n|\n2030\n|\n|\n"
    stream += "Công an tỉnh\n|\nSở Y tế\n|\n|\n"
    stream += "2\n|\nĐề án cải tạo bãi chôn lấp.\n|\nSở Tài chính\n|\nSở Nội vụ\n|\n2030\n|\n|\n"
    got = roles("**III. NHIỆM VỤ**\n\n" + stream)
    assert {("Sở Nông nghiệp và Môi trường" + BD, "lead"), ("Sở Xây dựng" + BD, "support"),
            ("Công an tỉnh Bình Định", "lead"), ("Sở Y tế" + BD, "support")} in got
    assert {("Sở Tài chính" + BD, "lead"), ("Sở Nội vụ" + BD, "support")} in got


def test_partners_alone_in_the_next_paragraph_join_the_task_before():
    # "Giao A chủ trì …" then, in a paragraph of its own, "B, C phối hợp thực hiện.": B and C support A
    got = roles("Giao Sở Xây dựng chủ trì rà soát quy hoạch.\n\nSở Tài chính, Sở Tư pháp phối hợp thực hiện.\n")
    assert got == [{("Sở Xây dựng" + BD, "lead")},
                   {("Sở Xây dựng" + BD, "lead"), ("Sở Tài chính" + BD, "support"), ("Sở Tư pháp" + BD, "support")}]


def test_head_who_gives_the_order_is_not_tasked():
    # a news page: "Phó Chủ tịch UBND tỉnh giao Sở A …", "Thủ tướng giao Bộ B …": the head gives the order,
    # its body is not a lead; "Bộ trưởng Bộ C chỉ đạo Sở D" still makes both leads (guide §8)
    got = news_roles("Bình Định khắc phục sạt lở",
                     "Ngày 12/9/2025, Văn phòng UBND tỉnh Bình Định ban hành Công văn số 7788/VP-NN truyền đạt ý "
                     "kiến chỉ đạo.\n\nPhó Chủ tịch UBND tỉnh giao Sở Xây dựng chủ trì kiểm tra hiện trường.\n\n"
                     "Thủ tướng Chính phủ giao Bộ Xây dựng hướng dẫn địa phương.\n")
    assert got == [{("Sở Xây dựng" + BD, "lead")}, {("Bộ Xây dựng", "lead")}]


def test_cung_also_is_not_a_partners_word():
    # "cũng" (also) folds like "cùng" (with): "Thủ tướng cũng yêu cầu Bộ A …" is still the head's order,
    # "Sở B cũng có trách nhiệm …" still Sở B's task
    got = news_roles("Bình Định chỉ đạo", "Ngày 12/9/2025, Văn phòng UBND tỉnh Bình Định ban hành Công văn số "
                     "7788/VP-NN.\n\nThủ tướng cũng yêu cầu Bộ Tài chính rà soát.\n\n"
                     "Sở Y tế cũng có trách nhiệm kiểm tra.\n")
    assert got == [{("Bộ Tài chính", "lead")}, {("Sở Y tế" + BD, "lead")}]


def test_budget_of_a_level_handed_to_a_body_gives_it_no_task():
    # "dự toán ngân sách tỉnh giao cho Công an tỉnh": the budget is allotted, the body is only funded (guide §8)
    got = roles("1. Kinh phí thực hiện được bố trí trong dự toán ngân sách tỉnh giao cho Công an tỉnh.\n\n"
                "2. Giao Công an tỉnh chủ trì tuần tra.\n")
    assert got == [{("Công an tỉnh Bình Định", "lead")}]


def test_plan_that_sets_out_the_tasks_of_bodies():
    # "Kế hoạch nêu rõ nhiệm vụ của A; B; C": each listed body leads (a news page reporting a plan)
    got = news_roles("Bình Định triển khai chuyển đổi số",
                     "Ngày 10/9/2025, UBND tỉnh Bình Định ban hành Kế hoạch số 321/KH-UBND về chuyển đổi số.\n\n"
                     "Kế hoạch nêu rõ nhiệm vụ của Sở Khoa học và Công nghệ; Sở Nội vụ; Công an tỉnh.\n\n"
                     "UBND tỉnh yêu cầu Sở Tài chính bố trí kinh phí.\n")
    assert got == [{("Sở Khoa học và Công nghệ" + BD, "lead"), ("Sở Nội vụ" + BD, "lead"),
                    ("Công an tỉnh Bình Định", "lead")}, {("Sở Tài chính" + BD, "lead")}]
