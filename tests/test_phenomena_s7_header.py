"""Headers, recipients and agency names on real-document layouts (issue 13), session 7: short examples
of our own (other provinces, other bodies), each asserting exact names."""
from __future__ import annotations

from phoihop.ingest.extract import extract_text

PROVINCE = """UBND TỈNH {up}
Số: 318/UBND-KT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
{prov}, ngày 14 tháng 8 năm 2025
V/v tăng cường quản lý giá vật liệu xây dựng

Ủy ban nhân dân tỉnh yêu cầu Sở Xây dựng chủ trì kiểm tra.

Nơi nhận:
{items}
- Lưu: VT, KT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
"""
MINISTRY = """BỘ NỘI VỤ
Số: 905/BNV-CQĐP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 02 tháng 9 năm 2025
V/v hướng dẫn sắp xếp tổ chức

Bộ Nội vụ đề nghị các địa phương thực hiện.

Nơi nhận:
{items}
- Lưu: VT, CQĐP.

KT. BỘ TRƯỞNG
THỨ TRƯỞNG
"""

FOREST = """CỤC KIỂM LÂM
Số: 812/KL-PC
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 10 tháng 10 năm 2025
V/v hướng dẫn quản lý lâm sản

Kính gửi: Chi cục Kiểm lâm các tỉnh, thành phố.

Cục Kiểm lâm hướng dẫn như sau.

Nơi nhận:
- Như trên;
{items}
- Lưu: VT, PC.
"""


def _copied(template: str, items: list[str], **kw) -> set[str]:
    text = template.format(items="\n".join(f"- {i};" for i in items), **kw)
    return {r.agency for r in extract_text(text, "doc.txt").recipients if r.kind == "copied"}


def test_counted_and_regional_collectives_keep_their_count_and_region():
    got = _copied(MINISTRY, ["UBND 34 tỉnh, thành phố", "Kho bạc Nhà nước các khu vực",
                             "Chi cục Hải quan các khu vực"])
    assert got == {"Chi cục Hải quan các khu vực", "Kho bạc Nhà nước các khu vực",
                   "Ủy ban nhân dân 34 tỉnh, thành phố"}


def test_a_ministry_signing_in_ha_noi_does_not_place_its_copies_there():
    # "Hà Nội, ngày …" is where the ministry signs: a department copied without a place is no body
    got = _copied(MINISTRY, ["Sở Nội vụ", "Ủy ban KH,CN&MT của Quốc hội"])
    assert got == {"Ủy ban Khoa học, Công nghệ và Môi trường của Quốc hội"}


def test_short_forms_of_standing_committees_delegations_and_party_boards():
    got = _copied(PROVINCE, ["TTr Tỉnh ủy, TTr HĐND tỉnh", "Đoàn ĐB Quốc hội tỉnh", "Các Ban Đảng của Tỉnh ủy",
                             "Cục Kiểm tra VB và QLXL VPHC - Bộ Tư pháp"], up="SƠN LA", prov="Sơn La")
    assert got == {"Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính Bộ Tư pháp",
                   "Các Ban Đảng Tỉnh ủy Sơn La", "Thường trực Hội đồng nhân dân tỉnh Sơn La",
                   "Thường trực Tỉnh ủy Sơn La", "Đoàn đại biểu Quốc hội tỉnh Sơn La"}


def test_bodies_copied_in_sentence_case_are_named():
    got = _copied(PROVINCE, ["Trung tâm thông tin tỉnh", "Trung tâm phục vụ hành chính công tỉnh"],
                  up="PHÚ THỌ", prov="Phú Thọ")
    assert got == {"Trung tâm Phục vụ hành chính công tỉnh Phú Thọ", "Trung tâm Thông tin tỉnh Phú Thọ"}


def test_a_bullet_alone_on_its_line_and_an_address_with_blanked_marks_keep_the_list_going():
    text = PROVINCE.format(up="YÊN BÁI", prov="Yên Bái", items="""- Công ty Cổ phần Thép An Phú (số 12 **đườ**n**g Lê Lợi,
phường Minh Tân);
-
PCT. Trần Văn B (để b/c);
- Sở Công Thương;
- Cổng thông tin điện tử tỉnh;""")
    got = {r.agency for r in extract_text(text, "doc.md").recipients if r.kind == "copied"}
    assert got == {"Công ty cổ phần Thép An Phú", "Cổng Thông tin điện tử tỉnh Yên Bái",
                   "Sở Công Thương tỉnh Yên Bái"}


def _directives(text: str, name: str = "page.md") -> dict[str, str | None]:
    return {d.number: d.issuer for d in extract_text(text, name).directives}


def test_a_spaced_hyphen_inside_a_number_is_spacing():
    text = """# Mức phạt khi kinh doanh karaoke quá giờ?

Căn cứ theo khoản 3 Điều 15 Nghị định 144/2021/NĐ - CP quy định như sau:

Phạt tiền từ 5.000.000 đồng đến 10.000.000 đồng đối với hành vi kinh doanh quá giờ.
"""
    assert _directives(text) == {"144/2021/NĐ-CP": "Chính phủ"}


def test_a_paragraph_opening_with_the_instrument_and_ending_with_its_list_reports_it():
    text = """## Đối tượng được hỗ trợ học nghề

Quyết định số 46/2015/QĐ-TTg quy định các đối tượng sau:

a) Người khuyết tật;

b) Người thuộc hộ nghèo.
"""
    assert _directives(text) == {"46/2015/QĐ-TTg": "Thủ tướng Chính phủ"}


def test_party_boards_and_the_former_council_of_ministers_issue_by_their_symbols():
    text = """# Hướng dẫn 12 về công tác đảng viên áp dụng từ khi nào?

Căn cứ tại tiểu mục 4.3 Mục 4 Hướng dẫn 12-HD/BTCTW năm 2024 quy định như sau:

Hướng dẫn này có hiệu lực kể từ ngày ký.
"""
    assert _directives(text) == {"12-HD/BTCTW": "Ban Tổ chức Trung ương"}
    history = """# Huyện Ninh Sơn

Ngày 10 tháng 3 năm 1983, Hội đồng Bộ trưởng ban hành Quyết định số 27-HĐBT về việc chia huyện.
"""
    assert _directives(history) == {"27-HĐBT": "Hội đồng Bộ trưởng"}


def test_a_letter_without_its_header_is_named_by_the_library_record_above_it():
    text = """Đang tải văn bản...
#
**Số hiệu:**
|
2210/STC-QLG
|
|
**Loại văn bản:**
|
Công văn
|
**Nơi ban hành:**
|
Sở Tài chính tỉnh Lào Cai
|
|
**Ngày ban hành:**
|
03/10/2025
|
**Kính gửi:** Ủy ban nhân dân các xã, phường.
Sở Tài chính đề nghị Ủy ban nhân dân các xã, phường rà soát giá dịch vụ thu gom rác.

Nơi nhận:
- Như trên;
- Lưu: VT, QLG.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
"""
    d = extract_text(text, "letter.md").directives
    assert [(x.number, x.type, x.date, x.issuer) for x in d] == [
        ("2210/STC-QLG", "Công văn", "2025-10-03", "Sở Tài chính tỉnh Lào Cai")]


def test_a_library_copy_that_lost_its_header_table_keeps_its_number_and_type():
    text = """|
––––––
Số: 61/2024/NĐ-CP |
––––––––––––––––––––––––
|

**NGHỊ ĐỊNH****Quy định về quản lý rừng đặc dụng ****và rừng phòng hộ**

**Quy định về quản lý rừng đặc dụng**

*Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;*

*Chính phủ ban hành Nghị định quy định về quản lý rừng đặc dụng.*

**Điều 1. Phạm vi điều chỉnh**

Nghị định này quy định về quản lý rừng đặc dụng và rừng phòng hộ.
"""
    d = extract_text(text, "nd.md").directives
    assert [(x.number, x.type, x.issuer) for x in d] == [("61/2024/NĐ-CP", "Nghị định", "Chính phủ")]


def test_news_of_a_submission_or_a_resolution_passed_reports_it():
    text = """# Dự thảo bảng giá đất tỉnh Quảng Trị năm 2026

Ngày 12/11/2025, UBND tỉnh Quảng Trị đã có Tờ trình 311/TTr-UBND Dự thảo Nghị quyết quy định bảng giá đất năm 2026.
"""
    assert _directives(text) == {"311/TTr-UBND": "Ủy ban nhân dân tỉnh Quảng Trị"}
    passed = """# Mức chi hỗ trợ cán bộ y tế thôn bản tại Hòa Bình

Ngày 05/12/2024, Hội đồng nhân dân tỉnh Hòa Bình đã thông qua Nghị quyết 52/2024/NQ-HĐND quy định mức chi hỗ trợ.
"""
    assert _directives(passed) == {"52/2024/NQ-HĐND": "Hội đồng nhân dân tỉnh Hòa Bình"}


def test_a_page_on_one_resolution_cites_what_it_replaces_in_a_later_section():
    text = """# Mức chi khen thưởng học sinh giỏi tại Bình Phước theo Nghị quyết 19/2025/NQ-HĐND

## Mức chi khen thưởng

Theo Điều 3 Nghị quyết 19/2025/NQ-HĐND, mức chi như sau:

Học sinh đạt giải nhất cấp quốc gia được thưởng 10 triệu đồng.

## Hiệu lực thi hành

Theo Điều 6 Nghị quyết 19/2025/NQ-HĐND thì Nghị quyết có hiệu lực từ ngày 01/01/2026.

Nghị quyết 19/2025/NQ-HĐND thay thế Nghị quyết 07/2021/NQ-HĐND của Hội đồng nhân dân tỉnh Bình Phước.
"""
    ex = extract_text(text, "page.md")
    assert {(c.source, c.to, c.relation) for c in ex.citations} == {
        ("19/2025/NQ-HĐND", "07/2021/NQ-HĐND", "mentions")}


def test_an_unnumbered_resolution_cites_what_its_trich_yeu_amends():
    text = """**NGHỊ QUYẾT**

**Sửa đổi, bổ sung một số điều của Nghị quyết số 1023/2015/NQ -UBTVQH13 về bảng lương**

**ỦY BAN THƯỜNG VỤ QUỐC HỘI**

*Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;*

*Căn cứ Luật Tổ chức Quốc hội số 57/2014/QH13 đã được sửa đổi, bổ sung theo Luật số 65/2020/QH14;*

**QUYẾT NGHỊ:**

**Điều 1.** Sửa đổi khoản 2 Điều 1 của Nghị quyết.
"""
    ex = extract_text(text, "nq.md")
    assert {(c.to, c.relation) for c in ex.citations} == {("1023/2015/NQ-UBTVQH13", "mentions"),
                                                          ("57/2014/QH13", "basis"), ("65/2020/QH14", "basis")}


def test_a_ministry_text_is_not_about_the_city_its_copy_list_names():
    text = """BỘ Y TẾ
Số: 918/BYT-DP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 14 tháng 6 năm 2024
V/v phòng chống dịch tay chân miệng

Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.

Bộ Y tế đề nghị Ủy ban nhân dân các tỉnh, thành phố chỉ đạo Sở Y tế phối hợp với các đơn vị liên quan triển khai giám sát.

Nơi nhận:
- Như trên;
- Viện Pasteur TP. Hồ Chí Minh;
- Viện Pasteur Nha Trang;
- Lưu: VT, DP.

KT. BỘ TRƯỞNG
THỨ TRƯỞNG
"""
    ex = extract_text(text, "cv.txt")
    names = {a.agency for o in ex.obligations for a in o.assignees if not a.generic}
    assert "Sở Y tế thành phố Hồ Chí Minh" not in names and "Sở Y tế" in names
    assert ("Viện Pasteur thành phố Hồ Chí Minh", "copied") in {(r.agency, r.kind) for r in ex.recipients}


def test_a_number_printed_with_a_word_processors_dash_keeps_its_hyphen():
    text = PROVINCE.format(up="TRÀ VINH", prov="Trà Vinh", items="- Như trên;").replace(
        "Ủy ban nhân dân tỉnh yêu cầu", "Thực hiện Quyết định số 1502/QĐ–UBND ngày 02/8/2025, Ủy ban nhân dân tỉnh yêu cầu")
    ex = extract_text(text, "cv.txt")
    assert {c.to for c in ex.citations} == {"1502/QĐ-UBND"}


def test_the_website_of_the_issuer_copied_by_its_code_is_its_web_page():
    text = FOREST.format(items="- Website KL;\n- Website Chính phủ;")
    got = {r.agency for r in extract_text(text, "cv.txt").recipients if r.kind == "copied"}
    assert got == {"Trang thông tin điện tử Cục Kiểm lâm", "Cổng Thông tin điện tử Chính phủ"}


def test_units_copied_by_codes_joined_to_the_issuers_and_office_units_keep_their_parents():
    text = FOREST.format(items="- Ban PC-KL;\n- Website (KL);")
    got = {r.agency for r in extract_text(text, "cv.txt").recipients if r.kind == "copied"}
    assert got == {"Ban Pháp chế Cục Kiểm lâm", "Trang thông tin điện tử Cục Kiểm lâm"}
    ministry = MINISTRY.format(items="- VPCP: BTCN, PCN Lê Văn A, các Vụ: TH, KTTH;")
    got = {r.agency for r in extract_text(ministry, "cv.txt").recipients if r.kind == "copied"}
    assert got == {"Vụ Tổng hợp Văn phòng Chính phủ", "Vụ Kinh tế tổng hợp Văn phòng Chính phủ"}


def test_a_quoted_article_named_mid_sentence_reports_its_instrument_but_not_the_amending_one():
    text = """# Chứng thực chữ ký trên giấy ủy quyền ở đâu?

Người dân có thể chứng thực tại UBND cấp xã, thì căn cứ khoản 2 Điều 5 Nghị định 45/2020/NĐ-CP quy định:

Ủy ban nhân dân cấp xã có thẩm quyền chứng thực chữ ký.

Tiếp đó, theo khoản 1 Điều 9 Nghị định 45/2020/NĐ-CP, được sửa đổi bởi khoản 3 Điều 1 Nghị định 71/2023/NĐ-CP quy định như sau:

Thời hạn chứng thực là trong ngày.
"""
    assert _directives(text) == {"45/2020/NĐ-CP": "Chính phủ"}


def test_a_party_regulation_with_its_number_in_a_header_row_keeps_it():
    text = """|
**BAN CHẤP HÀNH
TRUNG ƯƠNG**
|
**ĐẢNG CỘNG SẢN
VIỆT NAM**
---------------
|
Số 412-QĐ/TW
|
*Hà Nội, ngày 03
tháng 12 năm 2025 *
|

**QUY ĐỊNH**

VỀ
CÔNG TÁC KIỂM TRA CỦA ĐẢNG

- Căn cứ Điều lệ Đảng;

Ban Bí thư quy định như sau:

**Điều 1. Phạm vi điều chỉnh**
"""
    assert list(_directives(text)) == ["412-QĐ/TW"]


def test_the_regional_units_of_a_body_copied_as_a_class_are_one_collective():
    got = _copied(MINISTRY, ["Các KBNN khu vực", "Sở Nội vụ các tỉnh, thành phố"])
    assert got == {"Kho bạc Nhà nước các khu vực", "Sở Nội vụ các tỉnh, thành phố"}


def test_a_companys_place_written_after_its_name_is_part_of_it():
    got = _copied(PROVINCE, ["Tổng Công ty điện lực TP Hà Nội", "Công ty Cổ phần Cấp nước tỉnh Hải Dương"],
                  up="HẢI DƯƠNG", prov="Hải Dương")
    assert got == {"Tổng công ty Điện lực thành phố Hà Nội", "Công ty cổ phần Cấp nước tỉnh Hải Dương"}


def test_short_forms_of_gazette_centres_and_civil_defence_boards():
    got = _copied(PROVINCE, ["Trung tâm TH&CB", "Ban Chỉ huy PTDS tỉnh"], up="HÒA BÌNH", prov="Hòa Bình")
    assert got == {"Trung tâm Tin học - Công báo tỉnh Hòa Bình", "Ban Chỉ huy Phòng thủ dân sự tỉnh Hòa Bình"}


def test_a_place_phrase_ends_an_open_name():
    text = """# Sắp xếp Trung tâm phát triển quỹ đất theo Tờ trình 21-TTr/ĐU

Theo thống kê tại Tờ trình 21-TTr/ĐU năm 2025 về tình hình hệ thống Văn phòng đăng ký đất đai ở địa phương và định hướng kiện toàn, thực trạng số lượng chi nhánh như sau:

- Cả nước có 700 chi nhánh.
"""
    ex = extract_text(text, "page.md")
    assert [(d.number, d.issuer) for d in ex.directives] == [("21-TTr/ĐU", "Văn phòng đăng ký đất đai")]
