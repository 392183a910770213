"""PDF shapes of real documents that the Markdown copy reads well (session 11, ``bench/formats.py``).

Each test prints a short invented document with fpdf2 (a Unicode serif font) as an office does and
reads it back with the project's PDF reader:

- a word longer than its column is broken wherever the line is full, by Word as by fpdf2: in a
  narrow cell of a table of procedures ("Căn cứ pháp lý") a symbol is cut inside
  ("27/202" "3/TT-B" "YT", "08/201" "9/NĐ-C" "P"); its pieces are joined again, and a symbol ending a
  line before a line opening with an abbreviation ("… số 15/QĐ-UBND" "UBND tỉnh …") is left alone;
- the lines of a PDF are always wrapped at the page's width: an appendix listing short names one a
  line (places, units) must not make the layout take the body for one paragraph a line, which left
  "… Sở" "Giáo dục và Đào tạo …" and "… Chủ tịch" "UBND các xã …" unjoined and lost those bodies.
"""
from __future__ import annotations



from phoihop.ingest.pdf_columns import cell_text, join_cut_symbols
from phoihop.ingest.pipeline import extract_path
from phoihop.ingest.readers import read_document

from pdf_pages import a4, foot, needs_font, table


def _pdf():
    from fpdf import FPDF

    return a4(FPDF(format="A4"))


def _header(pdf, number, issuer="ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ", place="Quảng Trị"):
    pdf.set_font("serif", "", 10)
    with pdf.table(borders_layout="NONE", first_row_as_headings=False, col_widths=(45, 55),
                   text_align="CENTER", line_height=5) as table:
        for left, right in ((issuer, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"),
                            (f"Số: {number}", f"{place}, ngày 14 tháng 10 năm 2025")):
            row = table.row()
            row.cell(left)
            row.cell(right)
    pdf.ln(3)


def _lines(pdf, text, align="L"):
    pdf.set_font("serif", "", 11)
    pdf.multi_cell(0, 5.6, text, align=align, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


@needs_font
def test_symbol_cut_inside_a_narrow_cell_is_joined(tmp_path):
    pdf = _pdf()
    _header(pdf, "1234/QĐ-UBND")
    _lines(pdf, "QUYẾT ĐỊNH\nCông bố danh mục thủ tục hành chính lĩnh vực y tế", align="C")
    _lines(pdf, "Điều 1. Công bố kèm theo Quyết định này danh mục thủ tục hành chính lĩnh vực y tế.")
    pdf.set_font("serif", "", 8)
    basis = ("- Thông tư số 27/2023/TT-BYT ngày 15/11/2023 của Bộ Y tế; - Nghị định số 08/2019/NĐ-CP "
             "ngày 10/01/2019 của Chính phủ")
    # "Căn cứ pháp lý" 13 mm wide: "27/202" "3/TT-B" "YT", "08/201" "9/NĐ-C" "P ngày"
    table(pdf, (("TT", "Tên thủ tục", "Thời hạn", "Cách thức", "Phí", "Căn cứ pháp lý", "Ghi chú"),
                ("1", "Cấp giấy phép hoạt động phòng khám", "30 ngày", "Trực tuyến", "Không", basis, "")),
          col_widths=(8, 44, 22, 22, 22, 13, 14), width=145, text_align="LEFT", line_height=4)
    path = tmp_path / "qd.pdf"
    pdf.output(str(path))
    text = read_document(path).text
    assert "27/2023/TT-BYT" in text and "08/2019/NĐ-CP" in text
    cited = {(c.source, c.to) for c in extract_path(path).citations}
    assert {("1234/QĐ-UBND", "27/2023/TT-BYT"), ("1234/QĐ-UBND", "08/2019/NĐ-CP")} <= cited


def test_cut_pieces_join_only_into_a_whole_symbol():
    assert cell_text("- Nghị định số\n08/201\n9/NĐ-C\nP ngày\n10/01/20\n19 của") == \
        "- Nghị định số 08/2019/NĐ-CP ngày 10/01/2019 của"
    assert cell_text("- Quyết\nđịnh số\n20/202\n5/QĐ-\nUBND\nngày") == "- Quyết định số 20/2025/QĐ-UBND ngày"
    assert join_cut_symbols("Kèm theo Quyết định số 88/QĐ-UB\nND ngày 3/2/2025") == \
        "Kèm theo Quyết định số 88/QĐ-UBND ngày 3/2/2025"
    assert join_cut_symbols("theo Quyết định số 31/2021/QĐ-TT\ng của Thủ tướng") == \
        "theo Quyết định số 31/2021/QĐ-TTg của Thủ tướng"
    # a whole symbol before a line opening with an abbreviation, a date before a number: left alone
    assert join_cut_symbols("theo Kế hoạch số 15/KH-UBND\nUBND tỉnh giao") == "theo Kế hoạch số 15/KH-UBND\nUBND tỉnh giao"
    assert join_cut_symbols("ngày 12/6/2025\n15 ngày") == "ngày 12/6/2025\n15 ngày"


PLACES = ["Thôn Tân Lập", "Thôn Bình An", "Bản Cát", "Khu phố Đông Hà", "Thôn Vĩnh Tú", "Bản Làng Vây",
          "Thôn Hải Lệ", "Khu phố Gio Linh", "Thôn Cam Lộ", "Bản Khe Sanh", "Thôn Triệu Phong", "Thôn Do Linh"]


@needs_font
def test_short_lines_of_an_appendix_do_not_unwrap_the_body(tmp_path):
    pdf = _pdf()
    _header(pdf, "2150/QĐ-UBND")
    _lines(pdf, "QUYẾT ĐỊNH\nPhê duyệt danh mục điểm tổ chức ngày hội văn hóa năm 2026", align="C")
    _lines(pdf, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025; Căn cứ Nghị định số "
                "12/2024/NĐ-CP của Chính phủ quy định về tổ chức các hoạt động văn hóa cộng đồng trên địa "
                "bàn các xã, phường và các khu dân cư; theo đề nghị của Giám đốc Sở Văn hóa, Thể thao và Du "
                "lịch tại Tờ trình số 45/TTr-SVHTTDL ngày 02 tháng 10 năm 2025.", align="J")
    # the lines break where a PDF's page width breaks them: before capitals
    _lines(pdf, "Điều 1. Phê duyệt danh mục điểm tổ chức ngày hội văn hóa năm 2026 (Phụ lục kèm theo).\n"
                "Điều 2. Sở Văn hóa, Thể thao và Du lịch chủ trì, hướng dẫn các cơ quan,\n"
                "UBND các xã, phường tổ chức ngày hội văn hóa theo đúng danh mục được phê duyệt.\n"
                "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: Tài chính, Xây dựng, Sở\n"
                "Giáo dục và Đào tạo, Ban Dân tộc tỉnh; Chủ tịch\n"
                "UBND các xã, phường chịu trách nhiệm thi hành Quyết định này./.")
    pdf.add_page()
    _lines(pdf, "PHỤ LỤC\nDANH MỤC ĐIỂM TỔ CHỨC NGÀY HỘI VĂN HÓA NĂM 2026", align="C")
    for k in range(4):
        _lines(pdf, f"{k + 1}. Cụm {k + 1}\n" + "\n".join(PLACES))
    path = tmp_path / "qd.pdf"
    pdf.output(str(path))
    roles = {(a.agency, a.role) for o in extract_path(path).obligations for a in o.assignees if not a.generic}
    assert ("Sở Giáo dục và Đào tạo tỉnh Quảng Trị", "lead") in roles
    assert ("Ban Dân tộc tỉnh Quảng Trị", "lead") in roles
    assert ("Ủy ban nhân dân các xã, phường tỉnh Quảng Trị", "lead") in roles


def _fill_to(pdf, y):
    while pdf.get_y() < y:
        _lines(pdf, "Các cơ quan tiếp tục theo dõi, cập nhật tình hình trên địa bàn.")


@needs_font
def test_item_label_at_a_page_foot_stays_with_its_body(tmp_path):
    """An item's label alone at the foot of a page ("2."), its body's name and tasks on the next: the
    label is the document's, not furniture (labels come back on several pages as page numbers do), and
    the page does not end the item's paragraph."""
    pdf = _pdf()
    _header(pdf, "318/KH-UBND")
    _lines(pdf, "KẾ HOẠCH\nỨng phó mưa lũ năm 2025", align="C")
    _lines(pdf, "1.\nSở Nông nghiệp và Môi trường:\nTheo dõi chặt chẽ diễn biến mưa lũ, tham mưu các biện "
                "pháp ứng phó kịp thời.")
    items = (("2.", "Sở Công Thương:", "bảo đảm nguồn hàng hóa thiết yếu cho vùng bị chia cắt."),
             ("3.", "Đài Phát thanh và Truyền hình tỉnh, Cổng Thông tin điện tử tỉnh:",
              "tăng cường thông tin, tuyên truyền về tình hình mưa lũ."))
    for label, body, task in items:
        _fill_to(pdf, 255)
        pdf.set_y(271)                          # the label is the page's last line, in its foot band
        _lines(pdf, label)
        pdf.add_page()
        _lines(pdf, body + "\nTheo chức năng, nhiệm vụ " + task)
    path = tmp_path / "kh.pdf"
    pdf.output(str(path))
    assert pdf.page_no() == 3
    text = read_document(path).text
    assert "2.\nSở Công Thương" in text and "3.\nĐài Phát thanh" in text
    roles = {(a.agency, a.role) for o in extract_path(path).obligations for a in o.assignees if not a.generic}
    assert ("Sở Công Thương tỉnh Quảng Trị", "lead") in roles
    assert ("Cổng Thông tin điện tử tỉnh Quảng Trị", "lead") in roles


@needs_font
def test_foot_gutter_is_the_receivers_not_the_last_body_line(tmp_path):
    """The body's last line ends short ("… thi hành Quyết định này./."); the Nơi nhận below it and the
    signature beside it (a short one, its name on an item's baseline): a two-column run taken from the
    body's last line finds its gutter where that line ends, the signer's name crosses it, and the run
    stops there, leaving "- Báo Quảng Trị; Nguyễn Thị Thanh Hương" as one line and the next items after the signature."""
    pdf = _pdf()
    _header(pdf, "905/QĐ-UBND")
    _lines(pdf, "QUYẾT ĐỊNH\nCông bố thủ tục hành chính nội bộ", align="C")
    _lines(pdf, "Điều 1. Công bố kèm theo Quyết định này thủ tục hành chính nội bộ trong hệ thống hành chính "
                "nhà nước thuộc phạm vi quản lý của Sở Tư pháp.", align="J")
    _lines(pdf, "Điều 2. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Tư pháp, Thủ trưởng các\n"
                "cơ quan có liên quan chịu trách nhiệm thi hành./.")
    foot(pdf, "Nơi nhận:\n- Như Điều 2;\n- CT, các PCT UBND tỉnh;\n- CVP, các PVP UBND tỉnh;\n"
              "- Báo Quảng Trị;\n- Đài Phát thanh và Truyền hình tỉnh;\n- Lưu: VT.",
         "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Thị Thanh Hương")
    path = tmp_path / "qd.pdf"
    pdf.output(str(path))
    text = read_document(path).text
    assert "- Báo Quảng Trị;\n- Đài Phát thanh" in text
    recipients = {(r.agency, r.kind) for r in extract_path(path).recipients}
    assert ("Đài Phát thanh và Truyền hình tỉnh Quảng Trị", "copied") in recipients
