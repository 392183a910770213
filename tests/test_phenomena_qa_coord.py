"""Lead–support pairs of one obligation on official documents outside the gold (second round),
on invented examples."""
from __future__ import annotations


from official_text import closing, obligation_roles

HEAD = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 27/2025/QĐ-UBND

Quảng Trị, ngày 09 tháng 6 năm 2025

QUY ĐỊNH
Quản lý bến thủy nội địa trên địa bàn tỉnh

"""

TAIL = closing("Như Điều 3")


def roles(body: str) -> list[set[tuple[str, str]]]:
    """(agency, role) of each obligation of a regulation of UBND tỉnh Quảng Trị with this body."""
    return obligation_roles(HEAD + body + TAIL, "qt.md")


def test_article_word_alone_on_its_line_heads_the_article():
    # "**Điều" hard-wrapped before "7. Trách nhiệm của …**": the article's body leads its items, and
    # "7." is no item of the article before
    got = roles("**Điều\n6. Trách nhiệm của Sở Xây dựng**\n\n1. Chủ trì cấp phép bến thủy nội địa.\n\n"
                "**Điều\n7. Trách nhiệm của Sở Nông nghiệp và Môi trường**\n\n"
                "1. Chủ trì, phối hợp với Công an tỉnh kiểm tra bến bãi.\n\n"
                "2. Hướng dẫn thủ tục môi trường cho chủ bến.\n")
    assert got == [{("Sở Xây dựng tỉnh Quảng Trị", "lead")},
                   {("Sở Nông nghiệp và Môi trường tỉnh Quảng Trị", "lead"), ("Công an tỉnh Quảng Trị", "support")},
                   {("Sở Nông nghiệp và Môi trường tỉnh Quảng Trị", "lead")}]


def test_body_after_presiding_lead_then_phoi_hop_is_its_partner():
    # "A chủ trì, B và C phối hợp …": B and C cooperate on A's task (guide §2)
    got = roles("**Điều 5. Tổ chức thực hiện**\n\n"
                "1. Sở Xây dựng chủ trì, Sở Tài chính và Công an tỉnh phối hợp kiểm tra bến bãi.\n")
    assert got == [{("Sở Xây dựng tỉnh Quảng Trị", "lead"), ("Sở Tài chính tỉnh Quảng Trị", "support"),
                    ("Công an tỉnh Quảng Trị", "support")}]


def test_subject_that_joins_with_its_own_partner_leads():
    # "X tham gia, phối hợp với Y …": X is the subject with a partner of its own, so it leads;
    # "X tham gia" alone still joins a task as support (the task of the sentence before: its lead is kept)
    got = roles("**Điều 5. Tổ chức thực hiện**\n\n"
                "1. Sở Tư pháp tham gia, phối hợp với Sở Xây dựng thẩm định hồ sơ bến.\n\n"
                "2. Sở Xây dựng chủ trì thẩm định hồ sơ bến. Sở Tư pháp tham gia.\n")
    assert got == [{("Sở Tư pháp tỉnh Quảng Trị", "lead"), ("Sở Xây dựng tỉnh Quảng Trị", "support")},
                   {("Sở Xây dựng tỉnh Quảng Trị", "lead")},
                   {("Sở Xây dựng tỉnh Quảng Trị", "lead"), ("Sở Tư pháp tỉnh Quảng Trị", "support")}]


def test_body_after_a_condition_then_leads_with_its_partner():
    # "Trường hợp …, thì X chủ trì phối hợp với Y", "Nếu Sở A … thì Sở B phối hợp với Y": the body after
    # "thì" opens the main clause (the body inside the condition gets no role)
    got = roles("**Điều 5. Tổ chức thực hiện**\n\n"
                "1. Trường hợp bến chưa đủ điều kiện thì Sở Xây dựng chủ trì phối hợp với Công an tỉnh đình chỉ hoạt động.\n\n"
                "2. Nếu Sở Tài chính chưa bố trí kinh phí thì Sở Xây dựng phối hợp với Kho bạc Nhà nước khu vực tạm ứng.\n")
    assert got == [{("Sở Xây dựng tỉnh Quảng Trị", "lead"), ("Công an tỉnh Quảng Trị", "support")},
                   {("Sở Xây dựng tỉnh Quảng Trị", "lead"), ("Kho bạc Nhà nước tỉnh Quảng Trị", "support")}]


def test_presiding_lead_then_semicolon_then_partners():
    # "A chủ trì; B, C phối hợp …": one task, the ';' does not cut the partners from their lead
    got = roles("**Điều 5. Tổ chức thực hiện**\n\n"
                "1. Sở Xây dựng chủ trì; Sở Tài chính, Công an tỉnh phối hợp rà soát bến bãi.\n")
    assert got == [{("Sở Xây dựng tỉnh Quảng Trị", "lead"), ("Sở Tài chính tỉnh Quảng Trị", "support"),
                    ("Công an tỉnh Quảng Trị", "support")}]


def test_task_block_labels_on_one_line():
    # "Đơn vị chủ trì: A; đơn vị phối hợp: B, C." printed on one line pairs B, C with A (guide §9)
    got = roles("1. Rà soát bến bãi.\nĐơn vị chủ trì: Sở Xây dựng; đơn vị phối hợp: Sở Tài chính, Công an tỉnh.\n")
    assert got == [{("Sở Xây dựng tỉnh Quảng Trị", "lead")},
                   {("Sở Xây dựng tỉnh Quảng Trị", "lead"), ("Sở Tài chính tỉnh Quảng Trị", "support"),
                    ("Công an tỉnh Quảng Trị", "support")}]


def test_subject_given_the_task_leads():
    # "X được giao chủ trì, phối hợp với Y …": X is given the task (passive), so it leads the pair;
    # "được giao đất" is no task
    got = roles("**Điều 5. Tổ chức thực hiện**\n\n"
                "1. Sở Xây dựng được giao chủ trì, phối hợp với Sở Tài chính lập phương án di dời bến.\n")
    assert got == [{("Sở Xây dựng tỉnh Quảng Trị", "lead"), ("Sở Tài chính tỉnh Quảng Trị", "support")}]


def test_procedure_card_labels():
    # a procedure card: "Cơ quan trực tiếp thực hiện: A" leads, "Cơ quan phối hợp (nếu có): B, C" support A
    got = roles("1. Thủ tục cấp giấy phép hoạt động bến khách ngang sông.\n"
                "- Cơ quan trực tiếp thực hiện: Sở Xây dựng.\n"
                "- Cơ quan phối hợp (nếu có): Sở Tài chính, Công an tỉnh.\n")
    assert got == [{("Sở Xây dựng tỉnh Quảng Trị", "lead")},
                   {("Sở Xây dựng tỉnh Quảng Trị", "lead"), ("Sở Tài chính tỉnh Quảng Trị", "support"),
                    ("Công an tỉnh Quảng Trị", "support")}]


def test_subject_with_its_role_apposition_leads():
    # "X với vai trò là cơ quan thường trực …, chủ trì, phối hợp với Y": the apposition says what X is
    got = roles("**Điều 5. Tổ chức thực hiện**\n\n"
                "1. Sở Xây dựng với vai trò là cơ quan thường trực Tổ công tác, chủ trì, phối hợp với "
                "Sở Tài chính tổng hợp kết quả.\n\n"
                "2. Sở Y tế - cơ quan đầu mối, phối hợp với Công an tỉnh kiểm tra bến.\n\n"
                "3. Sở Tư pháp, cơ quan thường trực của Hội đồng phổ biến pháp luật, chủ trì phối hợp với "
                "Công an tỉnh tuyên truyền.\n")
    assert got == [{("Sở Xây dựng tỉnh Quảng Trị", "lead"), ("Sở Tài chính tỉnh Quảng Trị", "support")},
                   {("Sở Y tế tỉnh Quảng Trị", "lead"), ("Công an tỉnh Quảng Trị", "support")},
                   {("Sở Tư pháp tỉnh Quảng Trị", "lead"), ("Công an tỉnh Quảng Trị", "support")}]


def test_presiding_lead_then_semicolon_then_a_task_of_its_own():
    # "Giao A chủ trì thực hiện; B phối hợp với A …": B's clause has its own partner, a task of its own
    got = roles("**Điều 5. Tổ chức thực hiện**\n\n"
                "1. Giao Sở Xây dựng chủ trì thực hiện; Công an tỉnh phối hợp với Sở Xây dựng kiểm tra bến.\n")
    assert got == [{("Sở Xây dựng tỉnh Quảng Trị", "lead")},
                   {("Công an tỉnh Quảng Trị", "lead"), ("Sở Xây dựng tỉnh Quảng Trị", "support")}]


def test_subject_with_what_it_builds_on_leads():
    # "X trên cơ sở kết quả …, phối hợp với Y …": the phrase between subject and verb says what X builds on
    got = roles("**Điều 5. Tổ chức thực hiện**\n\n"
                "1. Sở Xây dựng trên cơ sở kết quả kiểm tra, phối hợp với Sở Tài chính đề xuất phương án.\n")
    assert got == [{("Sở Xây dựng tỉnh Quảng Trị", "lead"), ("Sở Tài chính tỉnh Quảng Trị", "support")}]
