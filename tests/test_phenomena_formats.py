"""The same document gives the same facts whatever its format (issue 13): DOCX and PDF as offices print them.

Each test builds a real file (python-docx, fpdf2 with a Unicode serif font) of a short invented
document and reads it with the project's readers, as ``bench/formats.py`` does for gold-archive:

- PDF: the Nơi nhận and the signature side by side in a borderless table, centred vertically, so
  that their lines are not on the same baselines; a running header and page numbers on every page,
  landing inside a sentence that runs across pages; a data table drawn with borders (tasks with
  their "Cơ quan chủ trì" and "Cơ quan phối hợp") whose cells interleave when read line by line; a
  number symbol cut at its hyphen at a cell's edge ("10/2024/TT-" "BTC");
- DOCX: the header as a borderless two-column table, items with Word numbering, a Word table of
  tasks, the Nơi nhận beside the signature, an attached plan after a page break;
- layout: the last word of a wrapped Nơi nhận item alone on the next line ("TP;").
"""
from __future__ import annotations

from pathlib import Path


from phoihop.ingest.pipeline import extract_path, extract_text
from phoihop.ingest.readers import read_document

from pdf_pages import a4, needs_font, table

ISSUER = "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI"
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
NUMBER = "Số: 715/KH-UBND"
DATE = "Gia Lai, ngày 04 tháng 3 năm 2025"
NOI_NHAN = ("Nơi nhận:\n- Bộ Nông nghiệp và Môi trường (b/c);\n- Thường trực Tỉnh ủy (b/c);\n"
            "- Thường trực HĐND tỉnh;\n- Các Sở: Tài chính, Xây dựng, Công Thương, Giáo dục và Đào tạo, "
            "Văn hóa, Thể thao và Du lịch;\n- Công an tỉnh;\n"
            "- Ban Quản lý rừng phòng hộ Ia Grai, Ban Quản lý rừng phòng hộ Chư Păh;\n- Lưu: VT, NNMT.")
SIGNATURE = "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nĐinh Văn Tường"
FILLER = ("Ủy ban nhân dân tỉnh đánh giá cao kết quả đạt được trong năm qua của các ngành, các cấp trong "
          "công tác quản lý, bảo vệ rừng và phòng cháy, chữa cháy rừng trên địa bàn tỉnh; tuy nhiên, tình "
          "hình cháy rừng vẫn diễn biến phức tạp do thời tiết nắng nóng kéo dài.")
TASKS = [
    ("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"),
    ("1", "Rà soát phương án chữa cháy rừng theo Thông tư số 10/2024/TT-BTC", "Sở Nông nghiệp và Môi trường",
     "Công an tỉnh; Sở Tài chính", "Quý II/2025"),
    ("2", "Bố trí kinh phí cho lực lượng canh gác lửa rừng", "Sở Tài chính", "Sở Nông nghiệp và Môi trường",
     "Quý III/2025"),
]


def _pdf():
    from fpdf import FPDF

    class Printed(FPDF):
        def header(self):
            if self.page_no() > 1:
                self.set_font("serif", "", 8)
                self.set_y(8)
                self.cell(0, 4, "CÔNG BÁO/Số 45 + 46/Ngày 10-3-2025", align="L")
                self.set_xy(self.l_margin, 8)
                self.cell(0, 4, str(self.page_no()), align="R")
                self.set_y(self.t_margin)

        def footer(self):
            self.set_y(-12)
            self.set_font("serif", "", 8)
            self.cell(0, 4, f"Trang {self.page_no()}", align="C")

    return a4(Printed(format="A4"))


def _two_columns(pdf, rows, size=10):
    """A borderless two-column table, its cells centred vertically (as Word's 'center' alignment)."""
    pdf.set_font("serif", "", size)
    with pdf.table(borders_layout="NONE", first_row_as_headings=False, col_widths=(45, 55),
                   text_align=("LEFT", "CENTER"), line_height=5, v_align="MIDDLE") as table:
        for left, right in rows:
            row = table.row()
            row.cell(left)
            row.cell(right)
    pdf.ln(3)


def _foot(pdf):
    """The Nơi nhận (small, single-spaced) beside the signature (larger, spaced wider): no line of one
    column shares its baseline with a line of the other (they are 2.15 mm apart or more)."""
    y = pdf.get_y()
    pdf.set_font("serif", "", 9)
    pdf.set_xy(30, y)
    pdf.multi_cell(75, 4.3, NOI_NHAN, align="L")
    pdf.set_font("serif", "", 11)
    pdf.set_xy(110, y)           # (a cell 8.6 mm high prints its line 2.15 mm lower than a 4.3 mm one)
    pdf.multi_cell(85, 8.6, SIGNATURE, align="C")


def _para(pdf, text):
    pdf.set_font("serif", "", 11)
    pdf.multi_cell(0, 5.6, "    " + text, align="J", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def _title(pdf, text):
    pdf.set_font("serif", "", 12)
    pdf.multi_cell(0, 6, text, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def facts(ex):
    roles = {(a.agency, a.role) for o in ex.obligations for a in o.assignees if not a.generic}
    return roles, {(r.agency, r.kind) for r in ex.recipients}


@needs_font
def test_pdf_foot_columns_on_different_baselines(tmp_path):
    pdf = _pdf()
    _two_columns(pdf, [(ISSUER, MOTTO), (NUMBER, DATE)])
    _title(pdf, "KẾ HOẠCH\nPhòng cháy, chữa cháy rừng mùa khô năm 2025")
    _para(pdf, "1. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Công an tỉnh kiểm tra các vùng rừng "
               "trọng điểm./.")
    _foot(pdf)
    path = tmp_path / "kh.pdf"
    pdf.output(str(path))
    text = read_document(path).text
    for line in text.split("\n"):
        assert not ("CHỦ TỊCH" in line and line.startswith("- "))
    roles, recipients = facts(extract_path(path))
    assert ("Sở Nông nghiệp và Môi trường tỉnh Gia Lai", "lead") in roles
    assert ("Công an tỉnh Gia Lai", "support") in roles
    assert {("Sở Tài chính tỉnh Gia Lai", "copied"), ("Sở Xây dựng tỉnh Gia Lai", "copied"),
            ("Sở Văn hóa, Thể thao và Du lịch tỉnh Gia Lai", "copied"),
            ("Thường trực Hội đồng nhân dân tỉnh Gia Lai", "copied"),
            ("Ban Quản lý rừng phòng hộ Ia Grai", "copied"), ("Ban Quản lý rừng phòng hộ Chư Păh", "copied")} \
        <= recipients
    assert not any("Tường" in a or "CHỦ TỊCH" in a for a, _ in recipients)


@needs_font
def test_pdf_running_header_and_page_number_inside_a_sentence(tmp_path):
    pdf = _pdf()
    _two_columns(pdf, [(ISSUER, MOTTO), (NUMBER, DATE)])
    _title(pdf, "KẾ HOẠCH\nPhòng cháy, chữa cháy rừng mùa khô năm 2025")
    for _ in range(8):
        _para(pdf, FILLER)
    # the assignment starts near the foot of page 1 and ends on page 2
    while pdf.get_y() < 262:
        pdf.set_font("serif", "", 11)
        pdf.multi_cell(0, 5.6, "Các ngành tiếp tục theo dõi tình hình.", new_x="LMARGIN", new_y="NEXT")
    _para(pdf, "Giao Ban Quản lý rừng phòng hộ Ia Grai chủ trì, phối hợp với Ủy ban nhân dân xã Ia Dêr tổ "
               "chức tuần tra, canh gác lửa rừng trong các tháng cao điểm của mùa khô, báo cáo kết quả về "
               "Sở Nông nghiệp và Môi trường trước ngày 30 tháng 4 năm 2025.")
    path = tmp_path / "kh.pdf"
    pdf.output(str(path))
    assert pdf.page_no() == 2
    text = read_document(path).text
    assert "CÔNG BÁO" not in text and "Trang 1" not in text and "Trang 2" not in text
    ex = extract_path(path)
    roles, _ = facts(ex)
    assert ("Ban Quản lý rừng phòng hộ Ia Grai", "lead") in roles
    assert ("Ủy ban nhân dân xã Ia Dêr", "support") in roles
    for o in ex.obligations:
        assert ex.text[o.span[0]:o.span[1]] == o.text


@needs_font
def test_pdf_task_table_with_borders_is_read_cell_by_cell(tmp_path):
    pdf = _pdf()
    _two_columns(pdf, [(ISSUER, MOTTO), (NUMBER, DATE)])
    _title(pdf, "KẾ HOẠCH\nPhòng cháy, chữa cháy rừng mùa khô năm 2025")
    _para(pdf, "Ủy ban nhân dân tỉnh phân công nhiệm vụ như sau:")
    pdf.set_font("serif", "", 9)
    with pdf.table(col_widths=(8, 50, 32, 32, 20), first_row_as_headings=False, text_align="LEFT",
                   line_height=4.5) as table:
        for row in TASKS:
            r = table.row()
            for cell in row:
                r.cell(cell)
    path = tmp_path / "kh.pdf"
    pdf.output(str(path))
    ex = extract_path(path)
    roles, _ = facts(ex)
    assert roles == {("Sở Nông nghiệp và Môi trường tỉnh Gia Lai", "lead"), ("Công an tỉnh Gia Lai", "support"),
                     ("Sở Tài chính tỉnh Gia Lai", "support"), ("Sở Tài chính tỉnh Gia Lai", "lead"),
                     ("Sở Nông nghiệp và Môi trường tỉnh Gia Lai", "support")}
    assert "10/2024/TT-BTC" in {c.to for c in ex.citations}


@needs_font
def test_pdf_symbol_cut_at_its_hyphen_is_joined(tmp_path):
    pdf = _pdf()
    pdf.set_font("serif", "", 11)
    pdf.multi_cell(40, 5.6, "theo Thông tư số 10/2024/TT-\nBTC của Bộ Tài chính", new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "x.pdf"
    pdf.output(str(path))
    assert "10/2024/TT-BTC" in read_document(path).text


def _docx(path: Path) -> Path:
    import docx
    from docx.enum.text import WD_BREAK
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="77"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))

    def numbered(text):
        p = d.add_paragraph(text)
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="77"/></w:numPr>'))

    head = d.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): ISSUER, (0, 1): MOTTO, (1, 0): "Số: 716/QĐ-UBND", (1, 1): DATE}.items():
        cell = head.cell(r, c)
        lines = text.split("\n")
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    d.add_paragraph("QUYẾT ĐỊNH")
    d.add_paragraph("Ban hành Kế hoạch phòng cháy, chữa cháy rừng mùa khô năm 2025")
    d.add_paragraph("QUYẾT ĐỊNH:")
    d.add_paragraph("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng cháy, chữa cháy rừng mùa khô năm 2025.")
    d.add_paragraph("Điều 2. Quyết định có hiệu lực kể từ ngày ký.")
    d.add_paragraph("Điều 3. Chánh Văn phòng UBND tỉnh; Giám đốc các Sở: Tài chính, Xây dựng; Chủ tịch UBND "
                    "các xã, phường chịu trách nhiệm thi hành Quyết định này./.")
    foot = d.add_table(rows=1, cols=2)
    for k, text in enumerate((NOI_NHAN, SIGNATURE)):
        cell = foot.cell(0, k)
        lines = text.split("\n")
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph("Phòng cháy, chữa cháy rừng mùa khô năm 2025")
    d.add_paragraph("(Ban hành kèm theo Quyết định số 716/QĐ-UBND ngày 04/3/2025 của UBND tỉnh Gia Lai)")
    numbered("Công an tỉnh chủ trì, phối hợp với Sở Xây dựng kiểm tra an toàn phòng cháy tại các cơ sở.")
    numbered("Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.")
    grid = d.add_table(rows=0, cols=5)
    grid.style = d.styles["Table Grid"]
    for row in TASKS:
        cells = grid.add_row().cells
        for k, text in enumerate(row):
            cells[k].text = text
    d.save(str(path))
    return path


def test_docx_decision_with_attached_plan(tmp_path):
    path = _docx(tmp_path / "qd.docx")
    text = read_document(path).text
    assert "1. Công an tỉnh chủ trì" in text and "2. Sở Tài chính bố trí" in text
    ex = extract_path(path)
    d = ex.directives[0]
    assert (d.number, d.type, d.issuer) == ("716/QĐ-UBND", "Quyết định", "Ủy ban nhân dân tỉnh Gia Lai")
    roles, recipients = facts(ex)
    assert {("Công an tỉnh Gia Lai", "lead"), ("Sở Xây dựng tỉnh Gia Lai", "support"),
            ("Sở Tài chính tỉnh Gia Lai", "lead"), ("Sở Nông nghiệp và Môi trường tỉnh Gia Lai", "lead"),
            ("Sở Nông nghiệp và Môi trường tỉnh Gia Lai", "support")} <= roles
    assert ("Ban Quản lý rừng phòng hộ Ia Grai", "copied") in recipients
    assert not any("Tường" in a for a, _ in recipients)


def test_wrapped_receiver_item_keeps_its_last_word():
    text = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\n\nSố: 88/KH-UBND\n\nKẾ HOẠCH\n"
            "Sở Y tế chủ trì, phối hợp với Sở Tài chính triển khai\nthực hiện kế hoạch này; báo cáo kết quả\n"
            "về Ủy ban nhân dân thành phố trước ngày\n30 tháng 6 năm 2025; các đơn vị\nthực hiện nghiêm túc, "
            "trong quá trình\nthực hiện có khó khăn, vướng mắc\nkịp thời báo cáo về Sở Y tế để\ntổng hợp./.\n"
            "Nơi nhận:\n- Thường trực HĐND, UBND, UBMTTQ\nTP;\n- Văn phòng Đoàn ĐBQH và HĐND\nTP;\n"
            "- Sở Nội vụ; Trung tâm Phục vụ hành chính công\nTP; CATP;\n"
            "- Kho bạc Nhà nước khu vực XIV;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n")
    _, recipients = facts(extract_text(text, document="kh.pdf"))
    assert ("Sở Nội vụ thành phố Cần Thơ", "copied") in recipients
    assert ("Thường trực Hội đồng nhân dân thành phố Cần Thơ", "copied") in recipients
    assert ("Công an thành phố Cần Thơ", "copied") in recipients
    assert ("Trung tâm Phục vụ hành chính công thành phố Cần Thơ", "copied") in recipients
    assert ("Kho bạc Nhà nước khu vực XIV", "copied") in recipients


MERGED = [("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp"),
          ("1", "Kiểm tra các kho hàng", "Sở Công Thương", "Công an tỉnh"),
          ("2", "Kiểm tra các chợ đầu mối", "", "Sở Y tế")]     # "Sở Công Thương" drawn over both rows
MERGED_ROLES = {("Sở Công Thương tỉnh Gia Lai", "lead"), ("Công an tỉnh Gia Lai", "support"),
                ("Sở Y tế tỉnh Gia Lai", "support")}
PLAN_HEAD = "ỦY BAN NHÂN DÂN TỈNH GIA LAI\n\nSố: 720/KH-UBND\n\nKẾ HOẠCH\n\nKiểm tra thị trường dịp Tết\n\n"


def _plan_rows(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.startswith("| 2 |")]


def test_docx_cell_merged_down_rows_gives_its_lead_to_each_task(tmp_path):
    import docx

    d = docx.Document()
    for line in PLAN_HEAD.strip().split("\n\n"):
        d.add_paragraph(line)
    grid = d.add_table(rows=3, cols=4)
    grid.style = d.styles["Table Grid"]
    for r, row in enumerate(MERGED):
        for c, text in enumerate(row):
            if text:
                grid.cell(r, c).text = text
    grid.cell(1, 2).merge(grid.cell(2, 2))
    path = tmp_path / "kh.docx"
    d.save(str(path))
    assert _plan_rows(read_document(path).text) == ["| 2 | Kiểm tra các chợ đầu mối | Sở Công Thương | Sở Y tế |"]
    assert facts(extract_path(path))[0] == MERGED_ROLES


def test_html_rowspan_keeps_the_columns_in_place(tmp_path):
    rows = ["<tr><td>TT</td><td>Nhiệm vụ</td><td>Cơ quan chủ trì</td><td>Cơ quan phối hợp</td></tr>",
            '<tr><td>1</td><td>Kiểm tra các kho hàng</td><td rowspan="2">Sở Công Thương</td><td>Công an tỉnh</td></tr>',
            "<tr><td>2</td><td>Kiểm tra các chợ đầu mối</td><td>Sở Y tế</td></tr>"]
    head = "".join(f"<p>{p}</p>" for p in PLAN_HEAD.strip().split("\n\n"))
    path = tmp_path / "kh.html"
    path.write_text(f"<html><body><nav><a href='/'>Trang chủ</a></nav><article>{head}<table border='1'>"
                    f"{''.join(rows)}</table></article><aside>Quảng cáo</aside></body></html>", encoding="utf-8")
    assert _plan_rows(read_document(path).text) == ["| 2 | Kiểm tra các chợ đầu mối | Sở Công Thương | Sở Y tế |"]
    assert facts(extract_path(path))[0] == MERGED_ROLES


@needs_font
def test_pdf_cell_drawn_over_two_rows(tmp_path):
    pdf = _pdf()
    for line in PLAN_HEAD.strip().split("\n\n"):
        _title(pdf, line)
    pdf.set_font("serif", "", 9)
    with pdf.table(col_widths=(8, 60, 40, 40), first_row_as_headings=False, text_align="LEFT") as table:
        for r, row in enumerate(MERGED):
            cells = table.row()
            for c, text in enumerate(row):
                if (r, c) == (1, 2):
                    cells.cell(text, rowspan=2)
                elif (r, c) != (2, 2):
                    cells.cell(text)
    path = tmp_path / "kh.pdf"
    pdf.output(str(path))
    assert _plan_rows(read_document(path).text) == ["| 2 | Kiểm tra các chợ đầu mối | Sở Công Thương | Sở Y tế |"]
    assert facts(extract_path(path))[0] == MERGED_ROLES


@needs_font
def test_pdf_bordered_table_with_two_filled_columns_is_not_interleaved(tmp_path):
    pdf = _pdf()
    pdf.set_font("serif", "", 9)
    # the table's header row is on the page before: here only two of its four columns have text
    rows = [("Phối hợp với Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên tổ chức các lớp học", "8", "", "")]
    table(pdf, rows, col_widths=(40, 10, 15, 35), text_align="LEFT")
    path = tmp_path / "x.pdf"
    pdf.output(str(path))
    text = read_document(path).text
    lines = text.split("\n")
    assert "Phối hợp với Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên tổ chức các lớp học" in lines
    assert "8" in lines
