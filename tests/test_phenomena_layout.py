"""Layouts of real copies (issue 13, phenomenon 5; guide §8): invented short texts, one per layout.

Each test states exact agencies and roles, so that a regression in the layout stage
(ingest/layout.py) or in the structure it feeds (ingest/structure.py) shows here.
"""
from __future__ import annotations

from phoihop.ingest.extract import extract_text
from phoihop.ingest.layout import read
from phoihop.ingest.structure import parse


def _facts(ex):
    return {(a.agency, a.role) for ob in ex.obligations for a in ob.assignees if not a.generic}


def _spans_exact(ex, text):
    return all(text[ob.span[0]:ob.span[1]] == ob.text for ob in ex.obligations)


# A legal library's copy: banner and metadata table before the header, cells one per line, lines wrapped
# mid-phrase, bold marks on their own lines, related-documents furniture after the text.
LIBRARY_COPY = """|
|
Bản quyền thuộc về **
TRANG VĂN BẢN MẪU**. Mọi sao chép phải ghi nguồn.
Địa chỉ: 12 Lê Lợi, TP. Đà Nẵng
|
**Số hiệu:**
|
45/KH-UBND
|
**Nơi ban hành:**
|
Tỉnh Kon Tum
|
|
**ỦY BAN NHÂN DÂN
**
TỈNH KON TUM
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 45/KH-UBND
|
*Kon Tum, ngày 03
tháng 3 năm 2025*
|
**KẾ HOẠCH**
PHÒNG, CHỐNG DỊCH BỆNH TRÊN ĐÀN GIA SÚC
NĂM 2025
**I. NHIỆM VỤ**
1. Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Tài chính
tổ chức tiêm phòng cho đàn gia súc trên địa bàn tỉnh.
2. Ủy ban nhân dân các huyện có trách nhiệm kiểm tra việc vận chuyển
gia súc qua địa bàn.
|
Nơi nhận:
- Bộ Nông nghiệp và Môi trường;
- Sở Y tế;
- Lưu: VT.
|
**KT. CHỦ TỊCH**
PHÓ CHỦ TỊCH
Trần Văn Bình
|
Kế hoạch 45/KH-UBND năm 2025 phòng chống dịch bệnh gia súc
Văn bản này chưa cập nhật nội dung Tiếng Anh
## Văn bản liên quan
**Kính gửi:** Quý Thành viên,
Thực hiện Nghị định 13/2023/NĐ-CP, chúng tôi yêu cầu Sở Tư pháp thành phố Đà Nẵng cập nhật thông tin.
"""


def test_library_copy_reads_the_document_between_banner_and_furniture():
    ex = extract_text(LIBRARY_COPY, document="kt.md")
    assert [d.number for d in ex.directives] == ["45/KH-UBND"]
    assert ex.directives[0].issuer == "Ủy ban nhân dân tỉnh Kon Tum"
    assert _facts(ex) == {
        ("Sở Nông nghiệp và Môi trường tỉnh Kon Tum", "lead"),
        ("Sở Tài chính tỉnh Kon Tum", "support"),
        ("Ủy ban nhân dân các huyện tỉnh Kon Tum", "lead"),
    }
    assert {(r.agency, r.kind) for r in ex.recipients} == {
        ("Bộ Nông nghiệp và Môi trường", "copied"), ("Sở Y tế tỉnh Kon Tum", "copied")}
    assert not any("13/2023" in (c.to or "") for c in ex.citations)   # furniture after the text
    assert _spans_exact(ex, LIBRARY_COPY)


def test_layout_keeps_length_and_joins_wrapped_lines():
    lay = read(LIBRARY_COPY)
    assert len(lay.text) == len(LIBRARY_COPY)
    assert "Sở Tài chính tổ chức tiêm phòng" in " ".join(lay.text.split())
    assert "TRANG VĂN BẢN MẪU" not in lay.text        # the banner is blanked
    assert "Văn bản liên quan" not in lay.text
    assert LIBRARY_COPY[lay.start:].startswith("**ỦY BAN NHÂN DÂN")


# A header laid out as one Markdown table row, and Nơi nhận with the signature in one row.
TABLE_HEADER = """| **ỦY BAN NHÂN DÂN TỈNH BẮC NINH** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** Độc lập - Tự do - Hạnh phúc |
|---|---|
| Số: 812/UBND-NN V/v phòng chống rét cho vật nuôi | *Bắc Ninh, ngày 10 tháng 12 năm 2024* |

Kính gửi: Ủy ban nhân dân các huyện, thị xã, thành phố.

Ủy ban nhân dân tỉnh yêu cầu Sở Nông nghiệp và Phát triển nông thôn hướng dẫn các biện pháp chống rét cho vật nuôi.

| **Nơi nhận:** - Như trên; - Sở Tài chính; - Lưu: VT, NN. | **KT. CHỦ TỊCH** PHÓ CHỦ TỊCH Lê Văn Nam |
"""


def test_header_and_noi_nhan_printed_as_table_rows():
    ex = extract_text(TABLE_HEADER, document="bn.md")
    assert [d.number for d in ex.directives] == ["812/UBND-NN"]
    assert ex.directives[0].issuer == "Ủy ban nhân dân tỉnh Bắc Ninh"
    assert _facts(ex) == {("Sở Nông nghiệp và Phát triển nông thôn tỉnh Bắc Ninh", "lead")}
    assert ("Sở Tài chính tỉnh Bắc Ninh", "copied") in {(r.agency, r.kind) for r in ex.recipients}
    assert _spans_exact(ex, TABLE_HEADER)


# A web page: its title and source line name another place before the document's header.
WEB_PAGE = """# Hà Giang: chỉ đạo phòng cháy rừng mùa khô

*Source: báo điện tử Lào Cai*

ỦY BAN NHÂN DÂN TỈNH YÊN BÁI

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 77/CĐ-UBND

Yên Bái, ngày 02 tháng 02 năm 2025

CÔNG ĐIỆN

Về việc tăng cường phòng cháy, chữa cháy rừng

Ủy ban nhân dân tỉnh yêu cầu Sở Nông nghiệp và Môi trường chỉ đạo lực lượng kiểm lâm trực 24/24 giờ.
"""


def test_web_page_title_does_not_set_the_jurisdiction():
    ex = extract_text(WEB_PAGE, document="yb.md")
    assert [d.number for d in ex.directives] == ["77/CĐ-UBND"]
    assert ex.directives[0].issuer == "Ủy ban nhân dân tỉnh Yên Bái"
    assert _facts(ex) == {("Sở Nông nghiệp và Môi trường tỉnh Yên Bái", "lead")}


# A decision whose plan is printed after the signature and Nơi nhận ("ban hành kèm theo", guide §8).
ATTACHED_PLAN = """ỦY BAN NHÂN DÂN
TỈNH PHÚ YÊN

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 1234 /QĐ-UBND

Phú Yên, ngày 05 tháng 5 năm 2024

QUYẾT ĐỊNH

Ban hành Kế hoạch bảo vệ nguồn nước năm 2024

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch bảo vệ nguồn nước năm 2024.

Điều 2. Chánh Văn phòng Ủy ban nhân dân tỉnh và Thủ trưởng các cơ quan liên quan chịu trách nhiệm thi hành Quyết định này.

Nơi nhận:
- Như Điều 2;
- Lưu: VT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Thị Hoa

KẾ HOẠCH

Bảo vệ nguồn nước năm 2024

(Ban hành kèm theo Quyết định số 1234/QĐ-UBND ngày 05/5/2024 của Ủy ban nhân dân tỉnh)

1. Sở Xây dựng chủ trì kiểm tra các công trình cấp nước.

2. Công an tỉnh phối hợp với Sở Xây dựng xử lý vi phạm.
"""


def test_plan_after_the_signature_belongs_to_the_decision():
    ex = extract_text(ATTACHED_PLAN, document="py.md")
    assert [d.number for d in ex.directives] == ["1234/QĐ-UBND"]
    facts = {(ob.directive, a.agency, a.role) for ob in ex.obligations for a in ob.assignees if not a.generic}
    assert ("1234/QĐ-UBND", "Sở Xây dựng tỉnh Phú Yên", "lead") in facts
    assert ("1234/QĐ-UBND", "Công an tỉnh Phú Yên", "lead") in facts
    assert ("1234/QĐ-UBND", "Sở Xây dựng tỉnh Phú Yên", "support") in facts
    st = parse(read(ATTACHED_PLAN).text, read(ATTACHED_PLAN))
    assert ATTACHED_PLAN[st.appendix.start:].startswith("KẾ HOẠCH")
    assert "Sở Xây dựng" not in ATTACHED_PLAN[st.noi_nhan.start:st.noi_nhan.end]


def test_spaced_number_is_read_as_printed_without_spaces():
    lay = read("Số: 1234 /QĐ-UBND ngày 05/5/2024; Công văn số 56/ UBND-VX")
    assert "1234/QĐ-UBND" in lay.text and "56/UBND-VX" in lay.text
    assert len(lay.text) == len("Số: 1234 /QĐ-UBND ngày 05/5/2024; Công văn số 56/ UBND-VX")


# Bold marks around names, and a name wrapped across lines.
BOLD_NAMES = """ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

Số: 301/UBND-KT

V/v kiểm tra hàng hóa nhập lậu

1. Giao **Sở Công Thương** chủ trì, phối hợp với **Ủy ban nhân dân
huyện Cao Lộc** kiểm tra hàng hóa nhập lậu.
"""


def test_bold_marks_and_wrapped_lines_inside_names():
    ex = extract_text(BOLD_NAMES, document="ls.md")
    assert _facts(ex) == {("Sở Công Thương tỉnh Lạng Sơn", "lead"),
                          ("Ủy ban nhân dân huyện Cao Lộc", "support")}
    assert _spans_exact(ex, BOLD_NAMES)


# A header whose issuer is missing above the motto: the authority line over the Căn cứ names it;
# "Số:" on its own line; a công văn whose symbol's code reads like a type (CT = the issuer, not Chỉ thị).
AUTHORITY = """CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số:
88/NQ-HĐND

NGHỊ QUYẾT

Về việc thành lập thôn mới tại xã Ea Tu

HỘI ĐỒNG NHÂN DÂN TỈNH ĐẮK LẮK

Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;

Điều 1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.

Nghị quyết này đã được Hội đồng nhân dân tỉnh Đắk Lắk thông qua ngày 09 tháng 7 năm 2025.
"""

CONG_VAN = """BỘ TÀI CHÍNH
**C**ỤC THUẾ TỈNH AN GIANG**

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

Số: 901/CT-NVDTPC

V/v hướng dẫn kê khai thuế

Kính gửi: Các doanh nghiệp trên địa bàn tỉnh.
"""


def test_issuer_from_the_authority_line_and_number_under_its_label():
    d = extract_text(AUTHORITY, document="dl.md").directives[0]
    assert (d.number, d.type, d.issuer, d.date) == (
        "88/NQ-HĐND", "Nghị quyết", "Hội đồng nhân dân tỉnh Đắk Lắk", "2025-07-09")


def test_v_v_makes_a_cong_van_and_split_words_are_joined():
    lay = read(CONG_VAN)
    assert "CỤC THUẾ TỈNH AN GIANG" in " ".join(lay.text.split())
    d = extract_text(CONG_VAN, document="ag.md").directives[0]
    assert (d.number, d.type) == ("901/CT-NVDTPC", "Công văn")


NEWS = """Ngày 12/3/2025, Ủy ban nhân dân tỉnh Quảng Bình (đã tổng kết công tác năm ngày 02/01/2025) ban hành Kế hoạch số 71/KH-UBND về phòng, chống thiên tai. Theo Kế hoạch, UBND tỉnh giao Sở Nông nghiệp và Môi trường chủ trì
kiểm tra các hồ chứa nước.

Kế hoạch 71/KH-UBND yêu cầu Công an tỉnh bảo đảm an ninh vùng bão lũ.
"""


def test_reported_plan_takes_the_date_that_opens_its_sentence():
    d = extract_text(NEWS, document="qb.md").directives[0]
    assert (d.number, d.type, d.date) == ("71/KH-UBND", "Kế hoạch", "2025-03-12")


# Plain text with no blank lines: the header (issuer, Số, V/v, then the motto column) must not swallow
# the body; a PDF's two columns read line by line put the motto beside the issuer.
NO_BLANKS = """UBND TỈNH BÌNH ĐỊNH
SỞ Y TẾ
Số: 45 /SYT-NVY
V/v phòng chống sốt xuất huyết
trong mùa mưa
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bình Định, ngày 10 tháng 4 năm 2025
Kính gửi: Trung tâm Kiểm soát bệnh tật tỉnh.
Sở Y tế yêu cầu Trung tâm Kiểm soát bệnh tật tỉnh giám sát dịch tại các xã.
"""

PDF_LINES = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH QUẢNG NGÃI Độc lập - Tự do - Hạnh phúc
Số: 123/UBND-KT Quảng Ngãi, ngày 05 tháng 3 năm 2025
V/v tăng cường quản lý chợ
Giao Sở Công Thương chủ trì kiểm tra các chợ.
"""

PARTY = """TỈNH ỦY NINH BÌNH
*
ĐẢNG CỘNG SẢN VIỆT NAM
Số 15-CT/TU
Ninh Bình, ngày 3 tháng 6 năm 2025
CHỈ THỊ
về tăng cường lãnh đạo công tác phòng cháy
Yêu cầu Ủy ban nhân dân tỉnh chỉ đạo kiểm tra phòng cháy tại các khu công nghiệp.
"""


def test_header_without_blank_lines_ends_at_the_trich_yeu():
    ex = extract_text(NO_BLANKS, document="bd.txt")
    d = ex.directives[0]
    assert (d.number, d.issuer, d.date) == ("45/SYT-NVY", "Sở Y tế tỉnh Bình Định", "2025-04-10")
    assert _facts(ex) == {("Trung tâm Kiểm soát bệnh tật tỉnh Bình Định", "lead")}


def test_issuer_beside_the_motto_on_one_line():
    ex = extract_text(PDF_LINES, document="qn.txt")
    d = ex.directives[0]
    assert (d.number, d.issuer) == ("123/UBND-KT", "Ủy ban nhân dân tỉnh Quảng Ngãi")
    assert _facts(ex) == {("Sở Công Thương tỉnh Quảng Ngãi", "lead")}


def test_party_header_is_an_official_text():
    ex = extract_text(PARTY, document="nb.txt")
    d = ex.directives[0]
    assert (d.number, d.type, d.issuer) == ("15-CT/TU", "Chỉ thị", "Tỉnh ủy Ninh Bình")
    assert ("Ủy ban nhân dân tỉnh Ninh Bình", "lead") in _facts(ex)


PORTAL_PAGE = """<html><head><title>Công văn 77/UBND-VX - Cổng thông tin tỉnh</title></head><body>
<nav>Trang chủ | Tin tức | Hà Nội | Hải Phòng</nav><div class="content">
<h1>Công văn 77/UBND-VX về phòng chống dịch ở Hải Dương</h1>
<table><tr><td><b>ỦY BAN NHÂN DÂN<br>TỈNH HÀ NAM</b></td>
<td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br>Độc lập - Tự do - Hạnh phúc</td></tr>
<tr><td>Số: 77/UBND-VX<br>V/v phòng chống dịch tả lợn châu Phi</td><td><i>Hà Nam, ngày 07 tháng 01 năm 2025</i></td></tr>
</table>
<p>Kính gửi: Ủy ban nhân dân các huyện, thành phố.</p>
<p>Ủy ban nhân dân tỉnh yêu cầu Sở Nông nghiệp và Môi trường chủ trì tổ chức tiêm phòng.</p>
<table><tr><td><b>Nơi nhận:</b><br>- Như trên;<br>- Sở Tài chính;<br>- Lưu: VT.</td>
<td><b>KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH</b><br>Trần Văn C</td></tr></table></div></body></html>
"""


def test_portal_page_with_header_and_foot_tables(tmp_path):
    from phoihop.ingest.pipeline import extract_path

    page = tmp_path / "hn.html"
    page.write_text(PORTAL_PAGE, encoding="utf-8")
    ex = extract_path(page)
    d = ex.directives[0]
    assert (d.number, d.issuer, d.date) == ("77/UBND-VX", "Ủy ban nhân dân tỉnh Hà Nam", "2025-01-07")
    assert _facts(ex) == {("Sở Nông nghiệp và Môi trường tỉnh Hà Nam", "lead")}
    assert {(r.agency, r.kind) for r in ex.recipients} == {
        ("Ủy ban nhân dân các huyện, thành phố tỉnh Hà Nam", "addressed"), ("Sở Tài chính tỉnh Hà Nam", "copied")}


FORM_IN_ANNEX = """ỦY BAN NHÂN DÂN
TỈNH SƠN LA

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

Số: 310/QĐ-UBND

QUYẾT ĐỊNH

Ban hành Quy chế tiếp nhận hồ sơ

Điều 1. Ban hành kèm theo Quyết định này Quy chế tiếp nhận hồ sơ. Nơi nhận hồ sơ: Trung tâm Phục vụ hành chính công.

Nơi nhận:
- Sở Tư pháp;
- Lưu: VT.

CHỦ TỊCH
Lò Văn D

QUY CHẾ

Tiếp nhận hồ sơ

Điều 1. Sở Nội vụ chủ trì hướng dẫn việc tiếp nhận hồ sơ.

Mẫu số 01

Nơi nhận:
- Ông (bà) …;
"""


def test_the_directives_noi_nhan_is_the_one_closed_by_luu():
    lay = read(FORM_IN_ANNEX)
    st = parse(lay.text, lay)
    assert FORM_IN_ANNEX[st.noi_nhan.start:st.noi_nhan.end].split() == "Nơi nhận: - Sở Tư pháp; - Lưu: VT.".split()
    ex = extract_text(FORM_IN_ANNEX, document="sl.md")
    assert ("Sở Nội vụ tỉnh Sơn La", "lead") in _facts(ex)
    assert {(r.agency, r.kind) for r in ex.recipients} == {("Sở Tư pháp tỉnh Sơn La", "copied")}


TASK_TABLE = """ỦY BAN NHÂN DÂN
TỈNH LONG AN

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

Số: 88/KH-UBND

KẾ HOẠCH

Phòng chống dịch năm 2025

II. NHIỆM VỤ

| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |
|---|---|---|---|---|
| 1 | Tuyên truyền phòng dịch | Sở Y tế | Sở Văn hóa, Thể thao và Du lịch; Ủy ban nhân dân các huyện | Quý I |
| 2 | Kiểm tra an toàn thực phẩm | **Sở Công Thương** | Công an tỉnh | Năm 2025 |
"""


def test_task_table_columns_give_lead_and_support():
    ex = extract_text(TASK_TABLE, document="la.md")
    assert _facts(ex) == {
        ("Sở Y tế tỉnh Long An", "lead"), ("Sở Văn hóa, Thể thao và Du lịch tỉnh Long An", "support"),
        ("Ủy ban nhân dân các huyện tỉnh Long An", "support"),
        ("Sở Công Thương tỉnh Long An", "lead"), ("Công an tỉnh Long An", "support")}
    assert _spans_exact(ex, TASK_TABLE)
    assert ex.obligations[0].text.startswith("1 | Tuyên truyền phòng dịch")


TASK_ROWS = [("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp"),
             ("1", "Tuyên truyền phòng dịch", "Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch\nỦy ban nhân dân các huyện"),
             ("2", "Kiểm tra chợ", "Sở Công Thương", "Công an tỉnh")]
TASK_FACTS = {("Sở Y tế tỉnh Long An", "lead"), ("Sở Văn hóa, Thể thao và Du lịch tỉnh Long An", "support"),
              ("Ủy ban nhân dân các huyện tỉnh Long An", "support"), ("Sở Công Thương tỉnh Long An", "lead"),
              ("Công an tỉnh Long An", "support")}
HEAD_LINES = ["ỦY BAN NHÂN DÂN TỈNH LONG AN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 88/KH-UBND", "KẾ HOẠCH",
              "Phòng chống dịch năm 2025"]


def test_task_table_of_a_docx(tmp_path):
    import docx

    from phoihop.ingest.pipeline import extract_path

    d = docx.Document()
    for line in HEAD_LINES:
        d.add_paragraph(line)
    t = d.add_table(rows=len(TASK_ROWS), cols=4)
    for r, row in enumerate(TASK_ROWS):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    d.save(str(tmp_path / "la.docx"))
    assert _facts(extract_path(tmp_path / "la.docx")) == TASK_FACTS


def test_task_table_of_a_portal_page(tmp_path):
    from phoihop.ingest.pipeline import extract_path

    rows = "".join("<tr>" + "".join(f"<td>{v.replace(chr(10), '<br>')}</td>" for v in row) + "</tr>" for row in TASK_ROWS)
    page = "<html><body><div>" + "".join(f"<p>{line}</p>" for line in HEAD_LINES) + f"<table>{rows}</table></div></body></html>"
    (tmp_path / "la.html").write_text(page, encoding="utf-8")
    assert _facts(extract_path(tmp_path / "la.html")) == TASK_FACTS


# A legal library's table: one cell a line after a "|" line, one more "|" closing each row; a section
# row spans the columns; the place column ("Địa điểm thực hiện") is not a lead column.
LIBRARY_TABLE = """ỦY BAN NHÂN DÂN
TỈNH TRÀ VINH

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

Số: 19/KH-UBND

KẾ HOẠCH

Chuyển đổi số năm 2025

|
**TT**
|
**Nhiệm vụ**
|
**Cơ quan chủ trì**
|
**Cơ quan phối hợp**
|
**Địa điểm thực hiện**
|
|
**I**
|
**Hạ tầng số**
|
|
1
|
Phủ sóng di động các thôn
|
Sở Khoa học và Công nghệ
|
Ủy ban nhân dân các xã
|
Các thôn
|
|
2
|
Số hóa hồ sơ
|
Sở Nội vụ
|
|
Trụ sở
|
|
"""


def test_library_table_one_cell_a_line():
    ex = extract_text(LIBRARY_TABLE, document="tv.md")
    assert _facts(ex) == {("Sở Khoa học và Công nghệ tỉnh Trà Vinh", "lead"),
                          ("Ủy ban nhân dân các xã tỉnh Trà Vinh", "support"), ("Sở Nội vụ tỉnh Trà Vinh", "lead")}
    assert _spans_exact(ex, LIBRARY_TABLE)


# A web page's title and source line before a header printed without the motto; "V/v" alone on its line;
# a date whose digits bold marks split; a signature without its dot ("KT GIÁM ĐỐC").
NO_MOTTO = """# Đà Nẵng: thành phố chỉ đạo phòng chống rét

*Source: báo Quảng Nam điện tử*

ỦY BAN NHÂN DÂN
TỈNH LÀO CAI

Số: 55/UBND-NLN
V/v
Phòng chống rét cho gia súc
Lào Cai, ngày 1**2** tháng 12 năm 2024

Kính gửi: Sở Nông nghiệp và Môi trường.

Ủy ban nhân dân tỉnh yêu cầu Sở Nông nghiệp và Môi trường hướng dẫn chống rét cho gia súc.

Nơi nhận:
- Như trên;
- Lưu: VT.

KT GIÁM ĐỐC
PHÓ GIÁM ĐỐC
"""


def test_header_without_motto_after_a_page_title():
    ex = extract_text(NO_MOTTO, document="lc.md")
    d = ex.directives[0]
    assert (d.number, d.type, d.issuer, d.date) == ("55/UBND-NLN", "Công văn", "Ủy ban nhân dân tỉnh Lào Cai",
                                                     "2024-12-12")
    assert _facts(ex) == {("Sở Nông nghiệp và Môi trường tỉnh Lào Cai", "lead")}
    lay = read(NO_MOTTO)
    st = parse(lay.text, lay)
    assert NO_MOTTO[lay.start:].startswith("ỦY BAN NHÂN DÂN")
    assert NO_MOTTO[st.signature.start:].startswith("KT GIÁM ĐỐC")


QA_PAGE = """# Lịch thi vào lớp 10 Bắc Giang theo Quyết định 412/QĐ-UBND ra sao?

Lịch thi theo Quyết định 412/QĐ-UBND được quy định như sau.

Ngày 20 tháng 3 năm 2025, UBND tỉnh Bắc Giang ban hành Quyết định số 412/QĐ-UBND phê duyệt kế hoạch tuyển sinh.
"""


def test_reported_decision_dated_by_the_sentence_of_another_mention():
    d = extract_text(QA_PAGE, document="bg.md").directives[0]
    assert (d.number, d.date) == ("412/QĐ-UBND", "2025-03-20")


SIGNED_BY_THE_CHAIR = """ỦY BAN NHÂN DÂN
TỈNH HÀ GIANG

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

Số: 77/QĐ-UBND

QUYẾT ĐỊNH

Ban hành Quy định quản lý chợ

Điều 1. Ban hành kèm theo Quyết định này Quy định quản lý chợ.

Nơi nhận:
- Như Điều 1;
- Lưu: VT.

CHỦ TỊCH
Nguyễn Văn E

QUY ĐỊNH

Quản lý chợ

(Ban hành kèm theo Quyết định số 77/QĐ-UBND)

Điều 1. Sở Công Thương chủ trì hướng dẫn quản lý chợ.

Mẫu số 02

TM. BAN QUẢN LÝ CHỢ
"""


def test_attachment_found_when_the_first_sign_line_is_a_forms():
    lay = read(SIGNED_BY_THE_CHAIR)
    st = parse(lay.text, lay)
    assert SIGNED_BY_THE_CHAIR[st.appendix.start:].startswith("QUY ĐỊNH")
    assert ("Sở Công Thương tỉnh Hà Giang", "lead") in _facts(extract_text(SIGNED_BY_THE_CHAIR, document="hg.md"))
