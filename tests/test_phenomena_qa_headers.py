"""Directive headers on layouts outside the gold (issue 13, guide §2): number, type, date, issuer.

Invented short texts, one per phenomenon found by bench/header_check.py on archive copies
outside the gold; each asserts exact values so that a regression shows here.
"""
from __future__ import annotations

from phoihop.ingest.extract import extract_text
from phoihop.ingest.layout import read


def _directive(text):
    ex = extract_text(text, "t.md")
    assert ex.directives, "no directive"
    d = ex.directives[0]
    return ex, (d.number, d.type, d.date, d.issuer)


def test_bold_marks_splitting_letters_off_a_syllable_are_joined():
    # a scraper's bold marks around single letters: "V**Ă**N", "n**ă**m" are one word each
    assert read("**V****Ă****N PHÒNG**").text.split() == ["VĂN", "PHÒNG"]
    assert read("ngày 3 tháng 4 n**ă**m 2025").text.split() == ["ngày", "3", "tháng", "4", "năm", "2025"]
    assert read("trị**thuộc").text.split() == ["trị", "thuộc"]


MARKED_HEADER = """**V****Ă****N PHÒNG
CHÍNH PHỦ**
-------
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
Số: 204/VPCP-NN
V/v phòng chống hạn mặn vùng ven biển
*Hà Nội, ngày 08 tháng 3 n**ă**m 2025*
**Kính gửi:** Ủy ban nhân dân tỉnh Bến Tre
Phó Thủ tướng Chính phủ có ý kiến như sau: Ủy ban nhân dân tỉnh Bến Tre chủ trì triển khai các biện pháp
cấp nước sinh hoạt cho người dân.
Nơi nhận:
- Như trên;
- Lưu: VT, NN.
KT. BỘ TRƯỞNG, CHỦ NHIỆM
"""


def test_header_printed_with_split_bold_marks():
    _, got = _directive(MARKED_HEADER)
    assert got == ("204/VPCP-NN", "Công văn", "2025-03-08", "Văn phòng Chính phủ")


PARTY_BOARD_HEADER = """BAN CHẤP HÀNH TRUNG ƯƠNG
**BAN TỔ CHỨC**
*
**ĐẢNG CỘNG SẢN VIỆT NAM**
Số 12-HD/BTCTW
*Hà Nội, ngày 02 tháng 6 năm 2025*
**HƯỚNG DẪN**
về công tác đảng viên
Các tỉnh ủy, thành ủy trực thuộc Trung ương có trách nhiệm tổ chức thực hiện Hướng dẫn này.
Nơi nhận:
- Các tỉnh ủy, thành ủy;
- Lưu: Vụ 1.
"""


def test_party_board_under_the_central_committee_issues():
    # the lower line issues: a board of the Party named with its committee ("Ban Tổ chức Trung ương")
    _, got = _directive(PARTY_BOARD_HEADER)
    assert got == ("12-HD/BTCTW", "Hướng dẫn", "2025-06-02", "Ban Tổ chức Trung ương")


def test_office_under_its_parent_issues():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\n**VĂN PHÒNG**\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nSố: 88/VP-KT\nV/v báo cáo số liệu mưa lũ\n"
            "Lạng Sơn, ngày 14 tháng 9 năm 2025\nKính gửi: Sở Nông nghiệp và Môi trường\n"
            "Đề nghị Sở Nông nghiệp và Môi trường báo cáo số liệu thiệt hại trước ngày 20/9/2025.\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n")
    _, got = _directive(text)
    assert got == ("88/VP-KT", "Công văn", "2025-09-14", "Văn phòng Ủy ban nhân dân tỉnh Lạng Sơn")
    text = text.replace("ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN", "BỘ Y TẾ")
    assert _directive(text)[1][3] == "Văn phòng Bộ Y tế"


def test_lower_case_vv_under_the_number_makes_a_cong_van():
    # "CT" before the unit code is the issuer's code (Cục Thuế), not a Chỉ thị: the "v/v" line says công văn
    text = ("BỘ TÀI CHÍNH\n**CỤC THUẾ**\n-------\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n"
            "Độc lập - Tự do - Hạnh phúc\nSố: 7001/CT-NV\n*v/v hoàn thuế giá trị gia tăng*\n"
            "*Hà Nội, ngày 03 tháng 10 năm 2025*\nKính gửi: Thuế tỉnh Khánh Hòa\n"
            "Đề nghị Thuế tỉnh Khánh Hòa rà soát hồ sơ hoàn thuế.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n")
    ex, got = _directive(text)
    assert got == ("7001/CT-NV", "Công văn", "2025-10-03", "Cục Thuế")
    assert ex.directives[0].subject == "hoàn thuế giá trị gia tăng"


def test_consolidated_text_is_typed_by_its_number():
    text = ("**BỘ XÂY DỰNG**\n-------\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 15/VBHN-BXD\n*Hà Nội, ngày 05 tháng 8 năm 2025*\n**THÔNG TƯ**\nQUY ĐỊNH VỀ CẤP PHÉP XÂY DỰNG\n"
            "Căn cứ Luật Xây dựng;\nĐiều 1. Phạm vi điều chỉnh\n")
    _, got = _directive(text)
    assert got == ("15/VBHN-BXD", "Văn bản hợp nhất", "2025-08-05", "Bộ Xây dựng")


def test_a_page_titled_so_is_no_official_text():
    # "Số …" (a number, an account) folds like "Sở" (a department): only Sở opens an official text
    text = ("# Số tài khoản tiếp nhận ủng hộ đồng bào vùng lũ tỉnh Yên Bái\n\n"
            "Sở Tài chính tỉnh Yên Bái thông báo số tài khoản tiếp nhận ủng hộ.\n")
    assert extract_text(text, "t.md").kind != "official"
    letter = ("SỞ Y TẾ TỈNH KIÊN GIANG\nSố: 55/SYT-NV\nV/v tiêm chủng mở rộng\n"
              "Kính gửi: Trung tâm Kiểm soát bệnh tật tỉnh\nĐề nghị Trung tâm triển khai tiêm chủng.\n")
    assert extract_text(letter, "t.md").kind == "official"


def test_reported_instrument_issued_by_the_body_the_sentence_names():
    # a news page: the body that "ban hành" the notice issues it, whatever its kind (here a centre)
    text = ("# Tổng đài hỗ trợ thủ tục đất đai tại Đà Nẵng\n\n"
            "Ngày 05/11/2025, Trung tâm Phục vụ hành chính công thành phố Đà Nẵng ban hành Thông báo "
            "88/TB-TTPVHCC về việc tiếp nhận phản ánh qua tổng đài.\n\n"
            "Theo Công văn 412/SGDĐT-KTQLCL năm 2025 tải về của Sở Giáo dục và Đào tạo thành phố Đà Nẵng, "
            "lịch thi cụ thể như sau:\n\n- Ngày 2/6: thi Toán.\n")
    ex = extract_text(text, "t.md")
    got = {d.number: d.issuer for d in ex.directives}
    assert got["88/TB-TTPVHCC"] == "Trung tâm Phục vụ hành chính công thành phố Đà Nẵng"
    assert got["412/SGDĐT-KTQLCL"] == "Sở Giáo dục và Đào tạo thành phố Đà Nẵng"


HEADLESS_LETTER = """**Kính gửi:**
- Sở Y tế tỉnh Thái Bình;
- Sở Tài chính tỉnh Thái Bình.
Thực hiện Chỉ thị số 15/CT-TTg ngày 10/3/2025 của Thủ tướng Chính phủ, Bộ Y tế đề nghị Sở Y tế tỉnh Thái Bình
rà soát danh mục thuốc thiết yếu và báo cáo trước ngày 30/4/2025.
Nơi nhận:
- Như trên;
- Lưu: VT, KHTC.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
"""


def test_letter_whose_copy_lost_its_header_is_the_directive_itself():
    # a copy that opens at "Kính gửi": the letter is the document, not a page reporting the Chỉ thị it cites
    ex, got = _directive(HEADLESS_LETTER)
    assert ex.kind == "official" and len(ex.directives) == 1
    assert got == (None, "Công văn", None, "Bộ Y tế")
    assert ("Sở Y tế tỉnh Thái Bình", "addressed") in {(r.agency, r.kind) for r in ex.recipients}
    annexed = HEADLESS_LETTER + ("PHỤ LỤC\nDANH MỤC THUỐC\n*(Kèm theo Công văn số 2210/BYT-KHTC ngày 12 tháng 4 "
                                 "năm 2025 của Bộ Y tế)*\n| TT | Tên thuốc | Đơn vị |\n")
    assert _directive(annexed)[1] == ("2210/BYT-KHTC", "Công văn", "2025-04-12", "Bộ Y tế")


def test_headless_letter_after_a_library_banner():
    # the banner and metadata of a legal library's page before a letter without header: the letter
    # starts at "Kính gửi"; its annex's caption numbers it; "UBND Thành phố" is the city the text names
    page = ("Bản quyền thuộc về **TRANG LUẬT MẪU**. Mọi sao chép phải ghi nguồn.\n|\n**Số hiệu:**\n|\n"
            "999/XX-YY\n|\nĐang tải văn bản...\n"
            "**Kính gửi:**\n- Sở Xây dựng;\n- Sở Tài chính.\n"
            "Ủy ban nhân dân Thành phố đề nghị Sở Xây dựng thành phố Hải Phòng rà soát quy hoạch và báo cáo.\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n"
            "PHỤ LỤC\n*(Kèm theo Công văn số 310/UBND-XD ngày 09/10/2025 của Ủy ban nhân dân Thành phố)*\n")
    ex, got = _directive(page)
    assert ex.kind == "official" and len(ex.directives) == 1
    assert got == ("310/UBND-XD", "Công văn", "2025-10-09", "Ủy ban nhân dân thành phố Hải Phòng")


def test_abbreviated_centre_and_department_names_in_noi_nhan():
    # "Trung tâm Phục vụ HCC", "Cục KTVB và QLXLVPHC": abbreviations inside names are written out
    text = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 71/QĐ-UBND\nHà Giang, ngày 02 tháng 5 năm 2025\nQUYẾT ĐỊNH\nVề việc công bố thủ tục hành chính\n"
            "Điều 1. Công bố thủ tục hành chính.\nNơi nhận:\n- Như Điều 3;\n- Bộ Tư pháp (Cục KTVB và QLXLVPHC);\n"
            "- Trung tâm Phục vụ HCC;\n- Lưu: VT.\n")
    ex = extract_text(text, "t.md")
    copied = {r.agency for r in ex.recipients if r.kind == "copied"}
    assert "Trung tâm Phục vụ hành chính công tỉnh Hà Giang" in copied
    assert "Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính Bộ Tư pháp" in copied


def test_party_organisation_line_is_no_ministry():
    # "ĐẢNG BỘ TỈNH X" over "TỈNH ỦY": the committee issues; "ĐẢNG BỘ" is no "Bộ"
    text = ("ĐẢNG BỘ TỈNH SÓC TRĂNG\n**TỈNH ỦY**\n*\n**ĐẢNG CỘNG SẢN VIỆT NAM**\nSố 45-CT/TU\n"
            "*Sóc Trăng, ngày 12 tháng 8 năm 2025*\n**CHỈ THỊ**\nvề tăng cường công tác phòng, chống thiên tai\n"
            "Ban Thường vụ Tỉnh ủy yêu cầu Ủy ban nhân dân tỉnh Sóc Trăng chỉ đạo triển khai phương án ứng phó.\n"
            "Nơi nhận:\n- Các huyện ủy;\n- Lưu: VPTU.\n")
    _, got = _directive(text)
    assert got == ("45-CT/TU", "Chỉ thị", "2025-08-12", "Tỉnh ủy Sóc Trăng")
