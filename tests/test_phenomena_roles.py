"""Obligations and roles (guide §2, §8, §9), on short documents of our own writing."""
from __future__ import annotations

import pytest

from phoihop.ingest.extract import extract_text

from official_text import closing

CENTRAL_HEAD = """THỦ TƯỚNG CHÍNH PHỦ

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 77/CĐ-TTg

Hà Nội, ngày 02 tháng 10 năm 2025

CÔNG ĐIỆN
Về việc khắc phục hậu quả lũ quét

"""


def bentre_head(number: str, type_line: str, subject: str) -> str:
    """The header of a document of UBND tỉnh Bến Tre (issuer, motto, number, date, type, subject)."""
    return f"""ỦY BAN NHÂN DÂN
TỈNH BẾN TRE

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: {number}

Bến Tre, ngày 14 tháng 4 năm 2024

{type_line}{subject}

"""


PROVINCE_HEAD = bentre_head("415/UBND-KT", "", "V/v phòng, chống xâm nhập mặn")
DECISION_HEAD = bentre_head("920/QĐ-UBND", "QUYẾT ĐỊNH\n", "Về việc công bố thủ tục hành chính lĩnh vực hộ tịch")
PLAN_HEAD = bentre_head("88/KH-UBND", "KẾ HOẠCH\n", "Triển khai Luật Thủy lợi năm 2024")

TAIL = closing()


def roles(text: str, name: str = "t.txt") -> set[tuple[str, str]]:
    ex = extract_text(text, name)
    return {(a.agency, a.role) for o in ex.obligations for a in o.assignees if not a.generic}


def test_members_after_a_colon_are_one_list_of_leads():
    body = ("Thủ tướng Chính phủ yêu cầu Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương: "
            "Lạng Sơn, Cao Bằng, Điện Biên khẩn trương di dời dân ra khỏi vùng nguy hiểm.\n")
    got = roles(CENTRAL_HEAD + body + TAIL)
    assert got == {("Ủy ban nhân dân tỉnh Lạng Sơn", "lead"), ("Ủy ban nhân dân tỉnh Cao Bằng", "lead"),
                   ("Ủy ban nhân dân tỉnh Điện Biên", "lead")}


def test_titles_between_listed_bodies_keep_them_leads():
    body = ("Thủ tướng Chính phủ yêu cầu:\n\n"
            "1. Bộ trưởng Bộ Giao thông vận tải, Bộ trưởng Bộ Công Thương chỉ đạo các đơn vị trực thuộc "
            "bảo đảm thông suốt các tuyến giao thông.\n")
    got = roles(CENTRAL_HEAD + body + TAIL)
    assert got == {("Bộ Giao thông vận tải", "lead"), ("Bộ Công Thương", "lead")}


def test_a_body_after_an_adverbial_and_its_comma_is_the_subject():
    body = ("Căn cứ Thông tư số 02/2019/TT-VPCP của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng dẫn "
            "kiểm soát thủ tục hành chính, UBND tỉnh yêu cầu:\n\n"
            "- Trong thời hạn 10 ngày làm việc kể từ ngày nhận đủ hồ sơ, Sở Tư pháp thẩm định và trình "
            "Ủy ban nhân dân tỉnh.\n")
    ex = extract_text(PROVINCE_HEAD + body + TAIL, "bt.txt")
    got = {(a.agency, a.role) for o in ex.obligations for a in o.assignees if not a.generic}
    assert got == {("Sở Tư pháp tỉnh Bến Tre", "lead")}
    assert [o.reports_to for o in ex.obligations] == [["Ủy ban nhân dân tỉnh Bến Tre"]]


def test_running_text_continues_a_task_only_with_a_task():
    news = ("Ngày 3/5/2024, UBND tỉnh Bến Tre ban hành Kế hoạch số 88/KH-UBND về phòng, chống hạn mặn.\n\n"
            "1. Theo đó, UBND tỉnh giao Sở Nông nghiệp và Phát triển nông thôn chủ trì theo dõi diễn biến mặn.\n\n"
            "Kế hoạch có hiệu lực từ ngày ký và thay thế Kế hoạch số 12/KH-UBND.\n\n"
            "Đồng thời, tăng cường kiểm tra các cống ngăn mặn.\n")
    ex = extract_text(news, "news.txt")
    got = [(o.text.split()[0], sorted((a.agency, a.role) for a in o.assignees)) for o in ex.obligations]
    sở = [("Sở Nông nghiệp và Phát triển nông thôn tỉnh Bến Tre", "lead")]
    assert got == [("Theo", sở), ("Đồng", sở)]


def test_closing_article_makes_every_listed_body_a_lead():
    body = ("Điều 1. Công bố kèm theo Quyết định này danh mục thủ tục hành chính.\n\n"
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\n"
            "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: Tư pháp, Nội vụ; Thủ trưởng các sở, ban, "
            "ngành tỉnh; Chủ tịch UBND các huyện, thành phố và các tổ chức, cá nhân có liên quan chịu trách "
            "nhiệm thi hành Quyết định này./.\n")
    got = roles(DECISION_HEAD + body + TAIL)
    assert got == {("Văn phòng Ủy ban nhân dân tỉnh Bến Tre", "lead"), ("Sở Tư pháp tỉnh Bến Tre", "lead"),
                   ("Sở Nội vụ tỉnh Bến Tre", "lead"),
                   ("Ủy ban nhân dân các huyện, thành phố tỉnh Bến Tre", "lead")}


MINISTRY_DISPATCH = """BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 512/BNNMT-TL

Hà Nội, ngày 02 tháng 10 năm 2025

V/v ứng phó với lũ trên sông Mã

Kính gửi:
- Cục Thủy lợi;
- Sở Nông nghiệp và Môi trường các tỉnh: Thanh Hóa, Nghệ An.

Bộ Nông nghiệp và Môi trường yêu cầu các cơ quan, đơn vị:

1. Theo dõi chặt chẽ diễn biến mưa lũ.

2. Cục Thủy lợi

- Chỉ đạo vận hành an toàn các hồ chứa.

3. Các Sở Nông nghiệp và Môi trường nêu trên

- Kiểm tra các tuyến đê xung yếu.
"""


def _by_text(text: str) -> dict[str, set[tuple[str, str]]]:
    ex = extract_text(text, "bnnmt.txt")
    return {o.text.split()[0]: {(a.agency, a.role) for a in o.assignees if not a.generic} for o in ex.obligations}


def test_a_heading_naming_a_body_wins_over_the_label_before_it():
    got = _by_text(MINISTRY_DISPATCH + TAIL)
    assert got["Chỉ"] == {("Cục Thủy lợi", "lead")}


def test_back_references_mean_the_addressed_bodies_of_that_kind():
    got = _by_text(MINISTRY_DISPATCH + TAIL)
    sở = {("Sở Nông nghiệp và Môi trường tỉnh Thanh Hóa", "lead"), ("Sở Nông nghiệp và Môi trường tỉnh Nghệ An", "lead")}
    assert got["Kiểm"] == sở                                     # "Các Sở … nêu trên"
    assert got["Theo"] == sở | {("Cục Thủy lợi", "lead")}       # "các cơ quan, đơn vị" given the task


def test_a_heading_that_introduces_items_gives_its_opening_bodies_and_their_level_means_the_addressees():
    text = CENTRAL_HEAD + """Kính gửi:
- Chủ tịch Ủy ban nhân dân các tỉnh: Sơn La, Lai Châu;
- Bộ trưởng Bộ Quốc phòng.

Thủ tướng Chính phủ yêu cầu:

1. Chủ tịch Ủy ban nhân dân các tỉnh nêu trên, nhất là các địa bàn vùng cao:

a) Tổ chức sơ tán dân khỏi vùng nguy hiểm.

b) Chủ tịch Ủy ban nhân dân cấp tỉnh chịu trách nhiệm trước Thủ tướng Chính phủ về số liệu báo cáo.
""" + TAIL
    ex = extract_text(text, "ttg.txt")
    got = {o.text.split()[0]: {(a.agency, a.role) for a in o.assignees if not a.generic} for o in ex.obligations}
    provinces = {("Ủy ban nhân dân tỉnh Sơn La", "lead"), ("Ủy ban nhân dân tỉnh Lai Châu", "lead")}
    assert got["Tổ"] == provinces
    assert got["Chủ"] == provinces


def test_plan_task_blocks_give_lead_and_support():
    body = """**1. Tập huấn cho cán bộ làm công tác thủy lợi**

- Nội dung thực hiện: Tổ chức tập huấn nghiệp vụ cho cán bộ cấp xã.

- Cơ quan chủ trì: Sở Nông nghiệp và Phát triển nông thôn, Sở Tài chính.

- Cơ quan phối hợp: Công an tỉnh, Đài Phát thanh và Truyền hình tỉnh và các cơ quan có liên quan.

- Thời gian thực hiện: Năm 2024.

**2. Phổ biến Luật**

- Cơ quan thực hiện: Sở Tư pháp, Báo Đồng Khởi, cơ quan thông tấn báo chí và Ủy ban nhân dân các huyện chủ động tổ chức phổ biến Luật.
"""
    got = roles(PLAN_HEAD + body + TAIL)
    assert got == {("Sở Nông nghiệp và Phát triển nông thôn tỉnh Bến Tre", "lead"), ("Sở Tài chính tỉnh Bến Tre", "lead"),
                   ("Công an tỉnh Bến Tre", "support"),
                   ("Đài Phát thanh và Truyền hình tỉnh Bến Tre", "support"),
                   ("Sở Tư pháp tỉnh Bến Tre", "lead"), ("Báo Đồng Khởi", "lead"),
                   ("Ủy ban nhân dân các huyện tỉnh Bến Tre", "lead")}
    ex = extract_text(PLAN_HEAD + body + TAIL, "kh.txt")
    together = [{(a.agency, a.role) for a in o.assignees} for o in ex.obligations]
    assert any({("Sở Tài chính tỉnh Bến Tre", "lead"), ("Công an tỉnh Bến Tre", "support")} <= t for t in together)


def test_a_qa_page_quoting_an_article_reports_its_tasks_and_a_speaker_orders_nothing():
    page = ("# Ai quyết định đầu tư dự án đường ven biển?\n\n"
            "Theo Điều 2 Nghị quyết 61/NQ-CP năm 2023, Chính phủ quyết nghị như sau:\n\n"
            "Chủ tịch Ủy ban nhân dân các tỉnh: Trà Vinh, Sóc Trăng thực hiện thẩm quyền của người quyết định "
            "đầu tư các dự án thành phần.\n\n"
            "Đại biểu tha thiết đề nghị Chính phủ sớm bố trí vốn cho dự án.\n")
    ex = extract_text(page, "qa.md")
    got = {(o.directive, a.agency, a.role) for o in ex.obligations for a in o.assignees if not a.generic}
    assert got == {("61/NQ-CP", "Ủy ban nhân dân tỉnh Trà Vinh", "lead"),
                   ("61/NQ-CP", "Ủy ban nhân dân tỉnh Sóc Trăng", "lead")}


def test_a_list_of_office_holders_before_the_verb_gives_the_task_to_their_bodies():
    body = ("Thủ tướng Chính phủ yêu cầu:\n\n"
            "1. Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc "
            "Trung ương, Tổng giám đốc các Tập đoàn, Tổng công ty khẩn trương chỉ đạo các đơn vị trực thuộc "
            "rà soát các công trình.\n")
    got = roles(CENTRAL_HEAD + body + TAIL)
    assert got == {("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", "lead")}


def test_a_history_page_issues_nothing():
    page = ("Bộ Tư lệnh Sư đoàn 9 là cơ quan chỉ huy một số đơn vị chủ lực của Quân đội nhân dân Việt Nam.\n\n"
            "Ngày 2 tháng 9 năm 1965, Bộ Quốc phòng ra Quyết định số 98/QĐ-QP thành lập Sư đoàn 9. "
            "Tháng 3 năm 1966, Quân ủy Trung ương và Bộ Quốc phòng đề nghị Ban Bí thư bổ sung quân số cho Sư đoàn.\n\n"
            "Sư đoàn tổ chức lễ ra mắt tại Tây Ninh.\n")
    assert roles(page, "wiki.md") == set()


def test_closing_line_of_a_notice_hands_the_conclusions_to_the_bodies_named():
    text = ("VĂN PHÒNG CHÍNH PHỦ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: 512/TB-VPCP\n\nHà Nội, ngày 10 tháng 11 năm 2025\n\nTHÔNG BÁO\n"
            "Kết luận của Phó Thủ tướng tại buổi làm việc với tỉnh Cà Mau\n\n"
            "1. Đẩy nhanh tiến độ các dự án trọng điểm.\n\n"
            "Văn phòng Chính phủ thông báo để Ủy ban nhân dân tỉnh Cà Mau và các Bộ, cơ quan liên quan biết, "
            "thực hiện./.\n" + TAIL)
    assert roles(text) == {("Ủy ban nhân dân tỉnh Cà Mau", "lead")}


def test_an_article_on_one_plan_keeps_its_sections():
    news = ("Ngày 5/6/2025, UBND tỉnh Bến Tre ban hành Kế hoạch số 120/KH-UBND về phòng, chống sạt lở bờ sông.\n\n"
            "## Mục đích, yêu cầu\n\n"
            "Chủ động ứng phó với sạt lở, bảo đảm an toàn cho người dân.\n\n"
            "## Tổ chức thực hiện\n\n"
            "Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với Sở Tài chính rà soát các điểm sạt lở.\n\n"
            "Quyết định số 15/QĐ-UBND về cắm mốc hành lang bờ sông.\n")
    got = roles(news, "news.md")
    assert got == {("Sở Nông nghiệp và Phát triển nông thôn tỉnh Bến Tre", "lead"),
                   ("Sở Tài chính tỉnh Bến Tre", "support")}


def test_a_body_listed_after_a_cooperation_verb_is_not_a_subject():
    body = ("Các sở, ban, ngành tỉnh có trách nhiệm:\n\n"
            "- Phối hợp với Ban Quản lý, Trung tâm Xúc tiến đầu tư tỉnh triển khai chương trình hỗ trợ.\n")
    got = roles(PROVINCE_HEAD + body + TAIL)
    assert not any(role == "lead" and name.startswith("Trung tâm") for name, role in got)


BT = "tỉnh Bến Tre"


@pytest.mark.parametrize("body,expected,reports", [
    ("UBND tỉnh yêu cầu:\n\n1. Sở Giáo dục và Đào tạo chỉ đạo Trường Cao đẳng Bến Tre rà soát chương trình.\n",
     {("Sở Giáo dục và Đào tạo " + BT, "lead"), ("Trường Cao đẳng " + BT, "lead")}, []),        # A chỉ đạo B
    ("Giao Sở Y tế chỉ đạo Trung tâm Kiểm soát bệnh tật tỉnh giám sát dịch bệnh.\n",
     {("Sở Y tế " + BT, "lead"), ("Trung tâm Kiểm soát bệnh tật " + BT, "lead")}, []),         # Giao A chỉ đạo B
    ("Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ rà soát kinh phí; báo cáo UBND tỉnh trước ngày 30/6/2024.\n",
     {("Sở Tài chính " + BT, "lead"), ("Sở Nội vụ " + BT, "support")}, ["Ủy ban nhân dân " + BT]),
    ("UBND tỉnh yêu cầu:\n\n- Công an tỉnh phối hợp với Sở Giao thông vận tải tuần tra các tuyến đường thủy.\n",
     {("Công an " + BT, "lead"), ("Sở Giao thông vận tải " + BT, "support")}, []),            # A phối hợp với B
    ("Giao Sở Công Thương tổ chức kiểm tra thị trường với sự phối hợp của Công an tỉnh.\n",
     {("Sở Công Thương " + BT, "lead"), ("Công an " + BT, "support")}, []),
    ("Giao Sở Y tế tổ chức diễn tập; Bộ Chỉ huy Quân sự tỉnh tham gia.\n",
     {("Sở Y tế " + BT, "lead"), ("Bộ Chỉ huy Quân sự " + BT, "support")}, []),               # B tham gia
    ("Đề nghị Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh phối hợp với Công an tỉnh xử lý các vụ án.\n",
     {("Viện kiểm sát nhân dân " + BT, "lead"), ("Tòa án nhân dân " + BT, "lead"), ("Công an " + BT, "support")}, []),
    ("Giao Sở Nông nghiệp và Phát triển nông thôn tham mưu UBND tỉnh ban hành kế hoạch, gửi kết quả về Sở Tài chính.\n",
     {("Sở Nông nghiệp và Phát triển nông thôn " + BT, "lead")}, ["Ủy ban nhân dân " + BT, "Sở Tài chính " + BT]),
    ("Giao Sở Lao động - Thương binh và Xã hội hỗ trợ kinh phí cho Trường Tiểu học An Hội và kiểm tra "
     "Trung tâm Bảo trợ xã hội tỉnh.\n",
     {("Sở Lao động - Thương binh và Xã hội " + BT, "lead")}, []),                             # beneficiary, object
], ids=["a-chi-dao-b", "giao-a-chi-dao-b", "chu-tri-phoi-hop", "phoi-hop-as-task", "su-phoi-hop-cua", "tham-gia",
        "de-nghi-outside-command", "reports-to", "beneficiary-and-object"])
def test_verbs_give_roles(body, expected, reports):
    ex = extract_text(PROVINCE_HEAD + body + TAIL, "bt.txt")
    assert {(a.agency, a.role) for o in ex.obligations for a in o.assignees if not a.generic} == expected
    assert sorted({r for o in ex.obligations for r in o.reports_to}) == sorted(reports)


def test_chuyen_giao_is_no_assignment_and_note_marks_end_a_sentence():
    page = ("Năm 1995, Thủ tướng Chính phủ ban hành Quyết định số 512/TTg về việc chuyển giao Trường Cao đẳng "
            "Kỹ thuật từ Bộ Công nghiệp sang Bộ Giáo dục và Đào tạo.[12] Sau đó, trường được đổi tên.[13] "
            "Năm 2001, trường đạt chuẩn đại học.\n")
    assert roles(page, "wiki.md") == set()


def test_news_that_a_body_just_gave_an_order_reports_it():
    news = ("# Bến Tre tăng cường tiêm chủng\n\n"
            "UBND tỉnh Bến Tre vừa giao Sở Y tế chủ trì, phối hợp với UBND các huyện tổ chức tiêm chủng mở rộng "
            "cho trẻ em.\n")
    ex = extract_text(news, "news.md")
    assert [d.issuer for d in ex.directives] == ["Ủy ban nhân dân tỉnh Bến Tre"]
    assert {(a.agency, a.role) for o in ex.obligations for a in o.assignees} == {
        ("Sở Y tế tỉnh Bến Tre", "lead"), ("Ủy ban nhân dân các huyện tỉnh Bến Tre", "support")}


def test_a_regulation_of_a_bodys_duties_makes_it_lead_of_each_item():
    body = ("Điều 1. Ban hành kèm theo Quyết định này Quy định chức năng, nhiệm vụ, quyền hạn của Trung tâm "
            "Khuyến nông tỉnh Bến Tre.\n\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\n"
            "Nơi nhận:\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n"
            "QUY ĐỊNH\nChức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Trung tâm Khuyến nông tỉnh Bến Tre\n\n"
            "Điều 1. Nhiệm vụ, quyền hạn\n\n"
            "1. Xây dựng kế hoạch khuyến nông hằng năm.\n\n2. Tổ chức tập huấn kỹ thuật cho nông dân.\n")
    ex = extract_text(DECISION_HEAD + body, "qd.txt")
    items = [o for o in ex.obligations if o.text.startswith(("Xây dựng", "Tổ chức"))]
    assert [[(a.agency, a.role) for a in o.assignees] for o in items] == [
        [("Trung tâm Khuyến nông tỉnh Bến Tre", "lead")]] * 2


def test_the_closing_article_leads_nothing_after_it():
    body = ("Điều 1. Công bố kèm theo Quyết định này thủ tục hành chính lĩnh vực hộ tịch.\n\n"
            "Điều 2. Chủ tịch UBND các huyện, Giám đốc Sở Tư pháp chịu trách nhiệm thi hành Quyết định này./.\n\n"
            "TRÌNH TỰ THỰC HIỆN\n\n- Nộp hồ sơ tại bộ phận một cửa.\n\n- Nhận kết quả.\n")
    ex = extract_text(DECISION_HEAD + body + TAIL, "qd.txt")
    steps = [o for o in ex.obligations if o.text.startswith(("Nộp", "Nhận", "Bước"))]
    assert steps == []


def test_a_sentence_after_nhu_sau_and_a_line_break_opens_its_own_clause():
    body = ("Xét đề nghị của Hiệp hội Thủy sản, Phó Thủ tướng Chính phủ có ý kiến chỉ đạo như sau:\n"
            "Bộ Nông nghiệp và Môi trường chủ trì, phối hợp với Bộ Công Thương nghiên cứu kiến nghị của Hiệp hội.\n")
    got = roles(CENTRAL_HEAD + body + TAIL)
    assert got == {("Bộ Nông nghiệp và Môi trường", "lead"), ("Bộ Công Thương", "support")}
