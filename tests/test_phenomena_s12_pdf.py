"""PDF shapes of official letters that a Markdown copy reads well and a PDF reading lost (session 12).

Each test prints a short invented document with fpdf2 (a Unicode serif font), its header laid out as
offices print it (a borderless table: issuer, "Số:" and trích yếu | motto, place and date), and reads
it back with the project's PDF reader:

- a header whose columns fill their cells (a long issuer, a trích yếu wrapped over three lines, a place
  and date too long for the right column: "Thành phố Hồ Chí Minh, ngày … năm" "2025") leaves only the
  cells' paddings between them, far less than the gutter of other two-column blocks: the rows were read
  across both columns and the date fell out of the header;
- the "Kính gửi:" block printed beside its addressees right under the header (its label centred on the
  list) was taken into the header's columns: the label came before the motto and the addressees after the
  date; it is read as its own block after the header;
- a trích yếu ending with a stop ("V/v kinh phí ủy nhiệm thu.") above the motto, as a PDF's left column
  reads it, was taken for a sentence of the page and the header, its number with it, was cut off;
- a Quốc hội symbol cut inside a narrow cell ("93/2025/Q" "H15") is joined again.
"""
from __future__ import annotations

from phoihop.ingest.pdf_columns import MARKER_LINE_RE, cell_text, join_cut_symbols, page_text
from phoihop.ingest.pipeline import extract_path
from phoihop.ingest.readers import read_document

from pdf_pages import a4, foot, needs_font, table


def _pdf():
    from fpdf import FPDF

    return a4(FPDF(format="A4"))


def _layout(pdf, rows):
    """A borderless two-column table (header, Kính gửi), cells centred as offices print them."""
    pdf.set_font("serif", "", 10)
    table(pdf, rows, borders_layout="NONE", col_widths=(45, 55), text_align="CENTER", line_height=5)
    pdf.ln(3)


def _body(pdf, text):
    pdf.set_font("serif", "", 11)
    pdf.multi_cell(0, 5.6, text, align="J", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"


def _letter(tmp_path, issuer, number, subject, place_date, addressees, body):
    pdf = _pdf()
    _layout(pdf, ((issuer, MOTTO), (f"Số: {number}\n{subject}", place_date)))
    _layout(pdf, (("Kính gửi:", "\n".join(addressees)),))
    _body(pdf, body)
    path = tmp_path / "cv.pdf"
    pdf.output(str(path))
    return path


@needs_font
def test_header_columns_that_fill_their_cells(tmp_path):
    path = _letter(tmp_path, "ỦY BAN NHÂN DÂN THÀNH PHỐ\nHỒ CHÍ MINH", "3175/UBND-KT",
                   "V/v khẩn trương rà soát, cập nhật\ndữ liệu hạ tầng giao thông, chiếu sáng\nđô thị trên địa bàn",
                   "Thành phố Hồ Chí Minh, ngày 19 tháng 11 năm 2025",
                   ("- Sở Xây dựng;", "- Sở Tài chính;", "- Ủy ban nhân dân các phường, xã, đặc khu."),
                   "Ủy ban nhân dân Thành phố giao Sở Xây dựng chủ trì, phối hợp Sở Tài chính rà soát, cập nhật "
                   "dữ liệu hạ tầng giao thông, báo cáo kết quả trước ngày 15 tháng 12 năm 2025.")
    text = read_document(path).text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nThành phố Hồ Chí Minh" in text
    assert text.index("năm\n2025") < text.index("Kính gửi:") < text.index("- Sở Xây dựng;")
    ex = extract_path(path)
    d = ex.directives[0]
    assert (d.number, d.type, d.date) == ("3175/UBND-KT", "Công văn", "2025-11-19")
    addressed = {r.agency for r in ex.recipients if r.kind == "addressed"}
    assert {"Sở Xây dựng thành phố Hồ Chí Minh", "Sở Tài chính thành phố Hồ Chí Minh"} <= addressed


@needs_font
def test_addressees_beside_the_label_after_a_short_header(tmp_path):
    """A short header (wide gutter) with the Kính gửi table close under it: the label is centred on a
    list of four items, so the first item stands above it, next to the header's last lines."""
    path = _letter(tmp_path, "BỘ TÀI CHÍNH\nCỤC HẢI QUAN", "4521/CHQ-GSQL", "V/v thủ tục hải quan",
                   "Hà Nội, ngày 02 tháng 12 năm 2025",
                   ("- Chi cục Hải quan khu vực III;", "- Chi cục Hải quan khu vực VIII;",
                    "- Công ty cổ phần Thủy sản Minh Phú;", "- Công ty TNHH Dệt may Phong Phú."),
                   "Cục Hải quan nhận được công văn của các đơn vị về vướng mắc thủ tục hải quan đối với hàng "
                   "gia công. Về vấn đề này, Cục Hải quan có ý kiến như sau: đề nghị các đơn vị thực hiện "
                   "theo quy định hiện hành.")
    text = read_document(path).text
    assert text.index("Hà Nội, ngày 02") < text.index("Kính gửi:") < text.index("- Chi cục Hải quan khu vực III")
    d = extract_path(path).directives[0]
    assert (d.number, d.date, d.issuer) == ("4521/CHQ-GSQL", "2025-12-02", "Cục Hải quan")


@needs_font
def test_trich_yeu_ending_with_a_stop_keeps_the_header(tmp_path):
    path = _letter(tmp_path, "BỘ TÀI CHÍNH\nCỤC THUẾ", "6120/CT-CS", "V/v chính sách lệ phí trước bạ.",
                   "Hà Nội, ngày 05 tháng 12 năm 2025", ("Thuế tỉnh Gia Lai.",),
                   "Cục Thuế nhận được công văn của Thuế tỉnh Gia Lai về chính sách lệ phí trước bạ. Về vấn "
                   "đề này, Cục Thuế có ý kiến như sau: đề nghị Thuế tỉnh Gia Lai căn cứ quy định hiện hành.")
    d = extract_path(path).directives[0]
    assert (d.number, d.type, d.date, d.issuer) == ("6120/CT-CS", "Công văn", "2025-12-05", "Cục Thuế")


def test_national_assembly_symbol_cut_in_a_cell_is_joined():
    assert cell_text("- Luật Đường bộ số\n35/2024/Q\nH15 ngày\n27/6/2024") == "- Luật Đường bộ số 35/2024/QH15 ngày 27/6/2024"
    assert join_cut_symbols("Luật số 35/2024/QH1\n5 ngày") == "Luật số 35/2024/QH15 ngày"
    # a whole symbol before a number on the next line stays apart
    assert join_cut_symbols("Quyết định số 12/2024/QĐ-UBND\n15 ngày") == "Quyết định số 12/2024/QĐ-UBND\n15 ngày"


def test_article_label_with_a_colon_is_a_marker_line():
    assert MARKER_LINE_RE.fullmatch("Điều 3:") and MARKER_LINE_RE.fullmatch("Điều 12.")
    assert not MARKER_LINE_RE.fullmatch("Điều 3")


def _words(top, *pieces):
    """Words of one printed line: (x0, text) pieces, each word 6 points a character wide."""
    out = []
    for x0, text in pieces:
        for word in text.split():
            out.append({"x0": x0, "x1": x0 + 6 * len(word), "top": top, "bottom": top + 10, "text": word})
            x0 += 6 * len(word) + 3
    return out


def _spread(top, x0, x1, text):
    """A justified line: its words spread from x0 to x1, every space alike."""
    words = text.split()
    room = (x1 - x0 - 6 * sum(map(len, words))) / (len(words) - 1)
    out, x = [], x0
    for word in words:
        out.append({"x0": x, "x1": x + 6 * len(word), "top": top, "bottom": top + 10, "text": word})
        x += 6 * len(word) + room
    return out


BODY = "Thực hiện chỉ đạo của Bộ Y tế, Sở Y tế đề nghị các đơn vị triển khai ngay"


def test_narrow_header_gutter_and_a_justified_line_under_it():
    """The header's columns 14 points apart (the motto on its own baseline, beside the issuer): read
    column by column. The body's first line, justified with spaces of 7 to 8 points, one of them in the
    header's gutter, is not a column of it: it ends the header."""
    words = (_words(60, (110, "ỦY BAN NHÂN DÂN")) + _words(67, (300, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
             + _words(74, (110, "TỈNH KHÁNH HÒA")) + _words(81, (330, "Độc lập - Tự do - Hạnh phúc"))
             + _words(88, (120, "Số: 815/SYT-NVY"))
             + _words(102, (80, "V/v phòng, chống sốt xuất huyết"), (265, "Khánh Hòa, ngày 09 tháng 12 năm"))
             + _words(116, (110, "năm 2025"), (380, "2025"))
             + _spread(140, 88, 552, BODY))
    text = page_text(words)
    assert text.split("\n\n")[:2] == ["ỦY BAN NHÂN DÂN\nTỈNH KHÁNH HÒA\nSố: 815/SYT-NVY\nV/v phòng, chống sốt xuất "
                                      "huyết\nnăm 2025",
                                      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                                      "Khánh Hòa, ngày 09 tháng 12 năm\n2025"]
    assert text.endswith("\n" + BODY)


@needs_font
def test_foot_alone_on_its_page_with_notes_wrapped(tmp_path):
    """The body ends on page 1; page 2 holds only the foot: the page is as wide as the Nơi nhận and the
    signature together, so the signature's first line looked like a title centred on the page and ended
    the columns. In the narrow Nơi nhận column an item's note is wrapped ("…;" "(để b/c)"): alone on its
    line after the item's ";" it ended the list."""
    pdf = _pdf()
    _layout(pdf, (("ỦY BAN NHÂN DÂN\nTỈNH AN GIANG", MOTTO), ("Số: 2417/QĐ-UBND", "An Giang, ngày 03 tháng 12 năm 2025")))
    pdf.multi_cell(0, 5.6, "QUYẾT ĐỊNH\nVề việc công bố thủ tục hành chính nội bộ", align="C", new_x="LMARGIN",
                   new_y="NEXT")
    _body(pdf, "Điều 1. Công bố kèm theo Quyết định này thủ tục hành chính nội bộ lĩnh vực tôn giáo.")
    _body(pdf, "Điều 2. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Dân tộc và Tôn giáo chịu trách "
               "nhiệm thi hành Quyết định này./.")
    pdf.add_page()
    foot(pdf, "Nơi nhận:\n- Như Điều 2;\n- Cục KSTTHC - Văn phòng Chính phủ;\n(để b/c)\n"
              "- Thường trực Tỉnh ủy; (để b/c)\n- Công an tỉnh;\n- Báo An Giang;\n- Lưu: VT.",
         "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Thị Thu Hà", widths=(62, 60), right=120, drop=20)
    path = tmp_path / "qd.pdf"
    pdf.output(str(path))
    text = read_document(path).text
    assert "Chính phủ; (để b/c)\n- Thường trực Tỉnh ủy; (để b/c)\n- Công an tỉnh;" in text
    assert "- Lưu: VT.\n\nKT. CHỦ TỊCH" in text
    copied = {r.agency for r in extract_path(path).recipients if r.kind == "copied"}
    assert {"Công an tỉnh An Giang", "Thường trực Tỉnh ủy An Giang", "Cục Kiểm soát thủ tục hành chính"} <= copied


def _decision(province, number, place_date, subject):
    """A provincial decision's first page: its header and its centred title."""
    pdf = _pdf()
    _layout(pdf, ((f"ỦY BAN NHÂN DÂN\n{province}", MOTTO), (f"Số: {number}", place_date)))
    pdf.set_font("serif", "", 11)
    pdf.multi_cell(0, 5.6, f"QUYẾT ĐỊNH\n{subject}", align="C", new_x="LMARGIN", new_y="NEXT")
    return pdf


STEP = ("Nộp hồ sơ trực tiếp tại Trung tâm Phục vụ hành chính công tỉnh hoặc qua dịch vụ bưu chính công ích "
        "hoặc trực tuyến trên Cổng Dịch vụ công quốc gia; thời hạn giải quyết mười ngày làm việc kể từ ngày "
        "nhận đủ hồ sơ hợp lệ theo quy định của pháp luật hiện hành về khoa học và công nghệ")


@needs_font
def test_data_table_rows_do_not_make_the_body_one_paragraph_a_line(tmp_path):
    """An appendix table read cell by cell prints each row as one long line ("| 1 | … |"): counted among
    the text's lines they set the width of a wrapped line so high that the body was judged one paragraph
    a line, and "… Giám đốc Sở Khoa học và" "Công nghệ; …" was not joined (the body lost)."""
    pdf = _decision("TỈNH LẠNG SƠN", "1877/QĐ-UBND", "Lạng Sơn, ngày 12 tháng 11 năm 2025",
                    "Công bố danh mục thủ tục hành chính lĩnh vực khoa học")
    _body(pdf, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025; theo đề nghị\n"
               "của Giám đốc Sở Khoa học và Công nghệ tại Tờ trình số 88/TTr-SKHCN ngày 05\n"
               "tháng 11 năm 2025.\n"
               "Điều 1. Công bố kèm theo Quyết định này danh mục thủ tục hành chính được sửa\n"
               "đổi, bổ sung trong lĩnh vực khoa học và công nghệ thuộc phạm vi quản lý của\n"
               "tỉnh Lạng Sơn.\n"
               "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.\n"
               "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Khoa học và\n"
               "Công nghệ; Thủ trưởng các sở, ban, ngành tỉnh và các tổ chức, cá nhân có\n"
               "liên quan chịu trách nhiệm thi hành Quyết định này./.")
    pdf.add_page()
    pdf.set_font("serif", "", 8)
    table(pdf, [("STT", "Tên thủ tục", "Trình tự thực hiện", "Căn cứ pháp lý")] +
          [(str(k), f"Thủ tục số {k} lĩnh vực hoạt động khoa học và công nghệ", STEP, STEP) for k in range(1, 9)],
          col_widths=(10, 35, 60, 60), text_align="LEFT", line_height=4)
    path = tmp_path / "qd.pdf"
    pdf.output(str(path))
    roles = {(a.agency, a.role) for o in extract_path(path).obligations for a in o.assignees if not a.generic}
    assert ("Sở Khoa học và Công nghệ tỉnh Lạng Sơn", "lead") in roles
    assert ("Văn phòng Ủy ban nhân dân tỉnh Lạng Sơn", "lead") in roles


@needs_font
def test_heading_line_of_a_justified_page_ends_its_paragraph(tmp_path):
    """An article's title on its own line ("Điều 3. Tổ chức thực hiện", no stop) and its text on the
    next, opening with a capital: a PDF has no bold to tell them apart and the lines are wrapped, so the
    title ran into the sentence and the bodies charged in it were lost. On a justified page a line that
    stops well short of the right edge ends its paragraph."""
    pdf = _decision("TỈNH KON TUM", "58/2025/QĐ-UBND", "Kon Tum, ngày 21 tháng 11 năm 2025",
                    "Ban hành Quy định rà soát đối tượng thụ hưởng chính sách dân tộc")
    _body(pdf, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025; theo đề nghị của Giám "
               "đốc Sở Dân tộc và Tôn giáo tại Tờ trình số 71/TTr-SDTTG ngày 10 tháng 11 năm 2025.")
    _body(pdf, "Điều 1. Ban hành kèm theo Quyết định này Quy định rà soát đối tượng thụ hưởng chính sách "
               "dân tộc trên địa bàn tỉnh Kon Tum giai đoạn 2026 - 2030.")
    _body(pdf, "Điều 2. Hiệu lực thi hành")
    _body(pdf, "Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 12 năm 2025 và thay thế các quy định "
               "trước đây trái với Quyết định này.")
    _body(pdf, "Điều 3. Trách nhiệm tổ chức thực hiện")
    _body(pdf, "Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các Sở: Nội vụ, Tư pháp, Tài chính; Chủ tịch "
               "Ủy ban nhân dân các xã, phường; Thủ trưởng các đơn vị liên quan chịu trách nhiệm thi hành "
               "Quyết định này./.")
    path = tmp_path / "qd.pdf"
    pdf.output(str(path))
    assert "Trách nhiệm tổ chức thực hiện\n\nChánh Văn phòng" in read_document(path).text
    roles = {(a.agency, a.role) for o in extract_path(path).obligations for a in o.assignees if not a.generic}
    assert {("Sở Nội vụ tỉnh Kon Tum", "lead"), ("Sở Tư pháp tỉnh Kon Tum", "lead"),
            ("Văn phòng Ủy ban nhân dân tỉnh Kon Tum", "lead")} <= roles
