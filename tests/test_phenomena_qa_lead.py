"""Which obligations and leads are found on official documents outside the gold (second round), on
invented examples: task-block labels, procedure cards, task lists."""
from __future__ import annotations


from official_text import closing, obligation_roles

HEAD = """ỦY BAN NHÂN DÂN
TỈNH PHÚ YÊN

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 88/KH-UBND

Phú Yên, ngày 12 tháng 3 năm 2024

KẾ HOẠCH
Phòng, chống dịch bệnh trên địa bàn tỉnh năm 2024

"""

TAIL = closing()


def roles(body: str) -> list[set[tuple[str, str]]]:
    """(agency, role) of each obligation of a plan of UBND tỉnh Phú Yên with this body."""
    return obligation_roles(HEAD + body + TAIL, "py.md")


def test_bare_lead_and_partner_labels_of_a_task_block():
    # "Chủ trì: A" / "Phối hợp: B, C" with no "Cơ quan" / "Đơn vị" before the label: A leads, B and C
    # support A (guide §9); the bare "Phối hợp:" label is no task of its own
    got = roles("1. Tuyên truyền phòng, chống sốt xuất huyết.\n"
                "- Chủ trì: Sở Y tế.\n"
                "- Phối hợp: Sở Giáo dục và Đào tạo; Đài Phát thanh và Truyền hình tỉnh.\n"
                "- Thời gian: Quý II/2024.\n")
    assert got == [{("Sở Y tế tỉnh Phú Yên", "lead")},
                   {("Sở Y tế tỉnh Phú Yên", "lead"), ("Sở Giáo dục và Đào tạo tỉnh Phú Yên", "support"),
                    ("Đài Phát thanh và Truyền hình tỉnh Phú Yên", "support")}]


def test_bare_labels_on_one_line():
    # "Chủ trì: A; phối hợp: B." on one line: B supports A, it does not lead
    got = roles("2. Kiểm tra an toàn thực phẩm tại bếp ăn tập thể.\nChủ trì: Sở Công Thương; phối hợp: Công an tỉnh.\n")
    assert {("Công an tỉnh Phú Yên", "lead")} not in got
    assert {("Sở Công Thương tỉnh Phú Yên", "lead"), ("Công an tỉnh Phú Yên", "support")} in got


def test_procedure_card_fields_give_no_task():
    # an administrative procedure card printed with a decision: "Cơ quan giải quyết", "Cơ quan có thẩm
    # quyền quyết định", "Địa điểm tiếp nhận", "Cơ quan tiếp nhận hồ sơ" say who handles a file (no task)
    got = roles("1. Giao Sở Nông nghiệp và Phát triển nông thôn cập nhật thủ tục trên Cổng dịch vụ công.\n\n"
                "Thủ tục phê duyệt phương án quản lý rừng bền vững.\n"
                "- Cơ quan giải quyết: UBND cấp tỉnh.\n"
                "- Cơ quan có thẩm quyền quyết định: Chủ tịch UBND tỉnh.\n"
                "- Địa điểm tiếp nhận: Trung tâm Phục vụ hành chính công tỉnh.\n"
                "- Cơ quan tiếp nhận hồ sơ: Chi cục Kiểm lâm.\n")
    assert set().union(*got) == {("Sở Nông nghiệp và Phát triển nông thôn tỉnh Phú Yên", "lead")}


def test_list_of_procedures_is_no_task_table():
    # a table of administrative procedures with a "Cơ quan thực hiện" column lists who handles each
    # procedure; unlike a plan's task table it gives no task
    got = roles("| STT | Tên thủ tục hành chính | Thời hạn giải quyết | Cơ quan thực hiện |\n"
                "|---|---|---|---|\n"
                "| 1 | Cấp giấy phép khai thác thủy sản | 05 ngày | Sở Nông nghiệp và Phát triển nông thôn |\n"
                "| 2 | Cấp lại giấy phép khai thác thủy sản | 03 ngày | Chi cục Thủy sản |\n")
    assert got == []


def test_task_table_still_gives_tasks():
    # … while a plan's task table ("Nội dung | Cơ quan chủ trì | Cơ quan phối hợp") still does
    got = roles("| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp |\n"
                "|---|---|---|---|\n"
                "| 1 | Giám sát dịch bệnh tại cộng đồng | Sở Y tế | Công an tỉnh |\n")
    assert got == [{("Sở Y tế tỉnh Phú Yên", "lead"), ("Công an tỉnh Phú Yên", "support")}]


def test_task_named_between_verb_and_body():
    # "Giao nhiệm vụ cho X …", "giao trách nhiệm cho X …": X leads (guide §2)
    got = roles("1. Giao nhiệm vụ cho Sở Tài chính chủ trì thẩm định dự toán.\n"
                "2. Giao trách nhiệm cho Công an tỉnh kiểm tra các cơ sở kinh doanh.\n")
    assert got == [{("Sở Tài chính tỉnh Phú Yên", "lead")}, {("Công an tỉnh Phú Yên", "lead")}]


def test_handing_over_gives_the_receiver_no_task():
    # "… dự toán giao cho X hằng năm": X is allotted a budget, no task; "A bàn giao mặt bằng cho B": A leads
    # (handing over is its task), B receives (guide §8)
    got = roles("1. Kinh phí được bố trí trong dự toán giao cho Sở Y tế hằng năm.\n"
                "2. Sở Xây dựng bàn giao mặt bằng cho Ban Quản lý dự án đầu tư xây dựng tỉnh trước ngày 30/6/2024.\n")
    assert got == [{("Sở Xây dựng tỉnh Phú Yên", "lead")}]


def test_heading_whose_bodies_go_on_into_a_short_task():
    # "5. UBND các huyện: chỉ đạo UBND các xã tuyên truyền." is a task of its own (both lead, guide §8
    # "A chỉ đạo B"), not a bare heading naming who leads the items under it
    got = roles("5. Ủy ban nhân dân các huyện: chỉ đạo Ủy ban nhân dân các xã tuyên truyền.\n"
                "6. Công an tỉnh\n"
                "- Tăng cường tuần tra.\n")
    assert got == [{("Ủy ban nhân dân các huyện tỉnh Phú Yên", "lead"), ("Ủy ban nhân dân các xã tỉnh Phú Yên", "lead")},
                   {("Công an tỉnh Phú Yên", "lead")}]


def test_focal_point_and_responsibility_labels():
    # "Đơn vị đầu mối: A" and "Trách nhiệm thực hiện: A" are lead labels: the partners named after them
    # support A (guide §9)
    got = roles("1. Rà soát quy hoạch bến bãi.\n- Đơn vị đầu mối: Sở Xây dựng.\n- Đơn vị phối hợp: Sở Tài chính.\n\n"
                "2. Kiểm tra cơ sở giết mổ.\n- Trách nhiệm thực hiện: Sở Y tế; phối hợp: Công an tỉnh.\n")
    assert {("Sở Xây dựng tỉnh Phú Yên", "lead"), ("Sở Tài chính tỉnh Phú Yên", "support")} in got
    assert {("Sở Y tế tỉnh Phú Yên", "lead"), ("Công an tỉnh Phú Yên", "support")} in got
    assert not any(r == "support" and not any(x == "lead" for _, x in o) for o in got for _, r in o)


def test_lead_column_cell_naming_the_partners():
    # a task table whose one column names who does it: "A chủ trì; B phối hợp", "Chủ trì: A; phối hợp: B, C"
    got = roles("| TT | Nhiệm vụ | Cơ quan thực hiện | Thời hạn |\n|---|---|---|---|\n"
                "| 1 | Tuyên truyền | Sở Giáo dục và Đào tạo chủ trì; Tỉnh đoàn phối hợp | 2024 |\n"
                "| 2 | Kiểm tra | Chủ trì: Sở Y tế; phối hợp: Sở Tài chính, Công an tỉnh | 2024 |\n")
    assert got == [{("Sở Giáo dục và Đào tạo tỉnh Phú Yên", "lead"),
                    ("Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Phú Yên", "support")},
                       {("Sở Y tế tỉnh Phú Yên", "lead"), ("Sở Tài chính tỉnh Phú Yên", "support"),
                        ("Công an tỉnh Phú Yên", "support")}]


def test_closing_article_listed_with_semicolons():
    # "Chánh Văn phòng …; Giám đốc các Sở: …; Chủ tịch UBND …; Thủ trưởng các đơn vị liên quan chịu trách nhiệm
    # thi hành Quyết định này": every body the list names leads, though ';' separates them (guide §8)
    got = roles("Điều 4. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các Sở: Y tế, Tài chính; Chủ tịch Ủy ban nhân "
                "dân các huyện miền núi; Thủ trưởng các đơn vị liên quan chịu trách nhiệm thi hành Quyết định này./.\n")
    assert set().union(*got) == {("Văn phòng Ủy ban nhân dân tỉnh Phú Yên", "lead"), ("Sở Y tế tỉnh Phú Yên", "lead"),
                                 ("Sở Tài chính tỉnh Phú Yên", "lead"), ("Ủy ban nhân dân các huyện tỉnh Phú Yên", "lead")}


def test_responsibility_heading_without_cua():
    # "3. Trách nhiệm Văn phòng UBND tỉnh" (no "của") heads the items under it like "Trách nhiệm của …"
    got = roles("3. Trách nhiệm Văn phòng UBND tỉnh\na) Theo dõi, đôn đốc các sở.\nb) Phối hợp với Sở Nội vụ tổng hợp.\n")
    assert got == [{("Văn phòng Ủy ban nhân dân tỉnh Phú Yên", "lead")},
                   {("Văn phòng Ủy ban nhân dân tỉnh Phú Yên", "lead"), ("Sở Nội vụ tỉnh Phú Yên", "support")}]


def test_roles_in_brackets_after_the_bodies():
    # "A (chủ trì), B, C (phối hợp) …": the bracket gives its role to the bodies listed since the one before
    got = roles("1. Sở Y tế (chủ trì), Sở Tài chính, Công an tỉnh (phối hợp) tổ chức kiểm tra bếp ăn tập thể.\n"
                "2. Giao Sở Xây dựng (chủ trì), Sở Giao thông vận tải (phối hợp) rà soát bến bãi.\n")
    assert got == [{("Sở Y tế tỉnh Phú Yên", "lead"), ("Sở Tài chính tỉnh Phú Yên", "support"),
                    ("Công an tỉnh Phú Yên", "support")},
                   {("Sở Xây dựng tỉnh Phú Yên", "lead"), ("Sở Giao thông vận tải tỉnh Phú Yên", "support")}]


def test_bracketed_lead_and_partners_across_a_semicolon():
    # "- A (cơ quan chủ trì); B, C (đơn vị phối hợp)." is one task: B and C support A
    got = roles("3. Rà soát bến bãi.\n- Sở Xây dựng (cơ quan chủ trì); Sở Tài chính, Công an tỉnh (đơn vị phối hợp).\n")
    assert got == [{("Sở Xây dựng tỉnh Phú Yên", "lead"), ("Sở Tài chính tỉnh Phú Yên", "support"),
                    ("Công an tỉnh Phú Yên", "support")}]
