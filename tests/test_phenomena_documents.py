"""Official texts as they come in PDF and DOCX: the header and the foot laid out in two columns.

Nghị định 30/2020/NĐ-CP (Phụ lục I) prints the issuer, "Số:" and "V/v" on the left
and the national motto with "place, ngày …" on the right; the foot puts "Nơi nhận"
on the left and the signature on the right. Read line by line, a PDF runs the
two columns together; a DOCX gives the header table row by row. Both must give
the same directive, recipients and obligations as the plain text would.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from phoihop.ingest.pipeline import extract_path
from phoihop.ingest.readers import read_document

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")

ISSUER = "ỦY BAN NHÂN DÂN\nTỈNH KON TUM\n-------"
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------"
NUMBER = "Số: 418/UBND-NNTN\nV/v chủ động phòng, chống cháy rừng mùa khô năm 2024"
DATE = "Kon Tum, ngày 12 tháng 3 năm 2024"
KINH_GUI = ["Kính gửi:", "- Sở Nông nghiệp và Phát triển nông thôn;", "- Ủy ban nhân dân các huyện, thành phố."]
BODY = [
    "Thực hiện Chỉ thị số 05/CT-TTg ngày 08/02/2024 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh yêu cầu:",
    "1. Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh "
    "kiểm tra công tác phòng cháy tại các khu rừng trọng điểm, hoàn thành trước ngày 30/4/2024.",
    "2. Ủy ban nhân dân các huyện, thành phố chỉ đạo Ủy ban nhân dân các xã, phường, thị trấn bố trí lực lượng "
    "canh gác lửa rừng, báo cáo kết quả về Sở Nông nghiệp và Phát triển nông thôn.",
]
NOI_NHAN = "Nơi nhận:\n- Như trên;\n- Bộ Nông nghiệp và PTNT (b/c);\n- TT Tỉnh ủy, TT HĐND tỉnh;\n- CT, các PCT UBND tỉnh;\n- Lưu: VT, NNTN."
SIGNATURE = "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\nTrần Văn B"


def make_pdf(path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(20, 15, 15)
    pdf.add_page()
    pdf.add_font("Serif", fname=str(FONT))

    def two_columns(left: str, right: str, size: int) -> None:
        pdf.set_font("Serif", size=size)
        y = pdf.get_y()
        pdf.set_xy(20, y)
        pdf.multi_cell(75, 5.5, left, align="C")
        bottom = pdf.get_y()
        pdf.set_xy(100, y)
        pdf.multi_cell(90, 5.5, right, align="C")
        pdf.set_y(max(bottom, pdf.get_y()) + 3)

    two_columns(f"{ISSUER}\n{NUMBER}", f"{MOTTO}\n{DATE}", 11)
    pdf.set_font("Serif", size=12)
    pdf.multi_cell(0, 6, "\n".join(KINH_GUI), align="C")
    pdf.ln(1)
    for para in BODY:
        pdf.multi_cell(0, 6, "      " + para, align="J")
        pdf.ln(1)
    pdf.ln(3)
    two_columns(NOI_NHAN, SIGNATURE, 10)
    pdf.output(str(path))
    return path


def make_docx(path: Path) -> Path:
    import docx

    d = docx.Document()
    head = d.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): ISSUER, (0, 1): MOTTO, (1, 0): NUMBER, (1, 1): DATE}.items():
        head.cell(r, c).text = text
    for para in KINH_GUI + BODY:
        d.add_paragraph(para)
    foot = d.add_table(rows=1, cols=2)
    foot.cell(0, 0).text = NOI_NHAN
    foot.cell(0, 1).text = SIGNATURE
    d.save(str(path))
    return path


def facts(path: Path):
    ex = extract_path(path)
    d = ex.directives[0]
    roles = {(a.agency, a.role) for o in ex.obligations for a in o.assignees if not a.generic}
    recipients = {(r.agency, r.kind) for r in ex.recipients}
    return d, roles, recipients, ex


@pytest.mark.skipif(not FONT.exists(), reason="needs fonts-dejavu")
def test_pdf_columns_are_read_one_after_the_other(tmp_path):
    text = read_document(make_pdf(tmp_path / "kontum.pdf")).text
    # the issuer's lines stay together, and the motto is not glued to them
    assert "ỦY BAN NHÂN DÂN\nTỈNH KON TUM" in text
    assert "CỘNG HÒA" not in text.split("\n")[0]
    # no recipient line carries a piece of the signature
    for line in text.split("\n"):
        if line.startswith("- "):
            assert "CHỦ TỊCH" not in line and "TM." not in line


@pytest.mark.parametrize("maker", [make_pdf, make_docx], ids=["pdf", "docx"])
def test_official_layout_gives_the_same_facts(tmp_path, maker):
    if maker is make_pdf and not FONT.exists():
        pytest.skip("needs fonts-dejavu")
    d, roles, recipients, ex = facts(maker(tmp_path / f"kontum.{maker.__name__[-4:]}"))
    assert (d.number, d.type, d.date, d.issuer) == ("418/UBND-NNTN", "Công văn", "2024-03-12",
                                                    "Ủy ban nhân dân tỉnh Kon Tum")
    assert d.subject.startswith("chủ động phòng, chống cháy rừng")
    assert ("Sở Nông nghiệp và Phát triển nông thôn tỉnh Kon Tum", "lead") in roles
    assert ("Công an tỉnh Kon Tum", "support") in roles
    assert ("Bộ Chỉ huy Quân sự tỉnh Kon Tum", "support") in roles
    assert ("Ủy ban nhân dân các xã, phường, thị trấn tỉnh Kon Tum", "lead") in roles
    assert ("Thường trực Tỉnh ủy Kon Tum", "copied") in recipients
    assert ("Thường trực Hội đồng nhân dân tỉnh Kon Tum", "copied") in recipients
    assert ("Sở Nông nghiệp và Phát triển nông thôn tỉnh Kon Tum", "addressed") in recipients
    assert not any("Trần Văn" in a for a, _ in recipients)
    for o in ex.obligations:
        assert ex.text[o.span[0]:o.span[1]] == o.text
