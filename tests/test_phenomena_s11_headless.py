"""An instrument copied without its header block (guide §1, §2, §5): the page opens with the type line
("QUYẾT ĐỊNH", "CÔNG ĐIỆN" …), its trích yếu and authority, then its articles and Nơi nhận. The page is
the instrument itself: its tasks for named bodies are obligations of that directive. Invented examples.
"""
from __future__ import annotations

from phoihop.ingest.extract import extract_text

DECISION = """**QUYẾT ĐỊNH**

VỀ VIỆC BAN HÀNH KẾ HOẠCH PHÒNG, CHỐNG DỊCH BỆNH GIA SÚC NĂM 2026

**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH**

*Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;*

*Theo đề nghị của Giám đốc Sở Nông nghiệp và Môi trường.*

**QUYẾT ĐỊNH:**

**Điều 1.** Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Y tế tổ chức tiêm phòng cho đàn gia súc trước ngày 30/6/2026.

**Điều 2.** Công an tỉnh có trách nhiệm kiểm soát việc vận chuyển gia súc qua địa bàn tỉnh.

**Điều 3.** Quyết định này có hiệu lực kể từ ngày ký.

| Nơi nhận: - Như Điều 3; - Lưu: VT. | CHỦ TỊCH Trần Văn Bình |

**KẾ HOẠCH**

PHÒNG, CHỐNG DỊCH BỆNH GIA SÚC NĂM 2026

*(Kèm theo Quyết định số 815/QĐ-UBND ngày 12 tháng 3 năm 2026 của Ủy ban nhân dân tỉnh Quảng Ninh)*

1. Sở Tài chính bố trí kinh phí tiêm phòng.
"""


def _facts(text):
    ex = extract_text(text, "t.md")
    return ex, {(o.directive, a.agency, a.role) for o in ex.obligations for a in o.assignees if not a.generic}


def test_a_decision_without_its_header_block_gives_its_articles_tasks():
    ex, facts = _facts(DECISION)
    assert ex.kind == "official"
    (d,) = [d for d in ex.directives if d.number == "815/QĐ-UBND"]   # the number its annex's caption prints
    assert d.type == "Quyết định"
    assert facts >= {("815/QĐ-UBND", "Sở Nông nghiệp và Môi trường tỉnh Quảng Ninh", "lead"),
                     ("815/QĐ-UBND", "Sở Y tế tỉnh Quảng Ninh", "support"),
                     ("815/QĐ-UBND", "Công an tỉnh Quảng Ninh", "lead"),
                     ("815/QĐ-UBND", "Sở Tài chính tỉnh Quảng Ninh", "lead")}


TELEGRAM = """**CÔNG ĐIỆN**

VỀ VIỆC CHỦ ĐỘNG ỨNG PHÓ VỚI RÉT ĐẬM, RÉT HẠI

**THỦ TƯỚNG CHÍNH PHỦ điện:**

- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương;
- Bộ trưởng các Bộ: Nông nghiệp và Môi trường, Y tế.

Để chủ động ứng phó với đợt rét đậm, rét hại, Thủ tướng Chính phủ yêu cầu:

1. Bộ Nông nghiệp và Môi trường chỉ đạo các địa phương chống rét cho cây trồng, vật nuôi.

2. Bộ Y tế hướng dẫn người dân phòng bệnh trong mùa rét.

Nơi nhận:
- Như trên;
- Lưu: VT.
"""


def test_a_telegram_without_its_header_block_is_the_prime_ministers():
    ex, facts = _facts(TELEGRAM)
    (d,) = ex.directives
    assert (d.type, d.number, d.issuer) == ("Công điện", None, "Thủ tướng Chính phủ")
    assert {(a, r) for _, a, r in facts} >= {("Bộ Nông nghiệp và Môi trường", "lead"), ("Bộ Y tế", "lead")}


def test_a_news_page_opening_with_its_headline_is_unchanged():
    page = ("THÔNG BÁO TUYỂN SINH LỚP BỒI DƯỠNG\n\nTrường Cao đẳng Nghề tổ chức tuyển sinh khóa mới.\n\n"
            "Điều 1 của quy chế tuyển sinh quy định thí sinh nộp hồ sơ trực tuyến.\n")
    assert extract_text(page, "t.md").kind != "official"


NEWS_WITH_FULL_TEXT = """Ngày 12/3/2026, thay mặt Chính phủ, Phó Thủ tướng đã ký ban hành Nghị quyết số 41/2026/NQ-CP của Chính phủ về thí điểm cấp phép xây dựng trực tuyến. Cổng thông tin trân trọng giới thiệu toàn văn Nghị quyết.

**NGHỊ QUYẾT**

**Về thí điểm cấp phép xây dựng trực tuyến**

**CHÍNH PHỦ**

*Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;*

*Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15;*

*Theo đề nghị của Bộ trưởng Bộ Xây dựng;*

**Điều 1. Phạm vi điều chỉnh**

Nghị quyết này quy định việc thí điểm cấp phép xây dựng trực tuyến.

**Điều 2. Tổ chức thực hiện**

1. Bộ Xây dựng chủ trì, phối hợp với Bộ Công an xây dựng hệ thống cấp phép trực tuyến.

2. Bộ Tài chính có trách nhiệm bố trí kinh phí thực hiện thí điểm.
"""


def test_the_law_on_issuing_legal_documents_cited_in_a_basis_is_no_report():
    """"Luật Ban hành văn bản quy phạm pháp luật" is a law's name: its "ban hành" reports no act of issuing,
    so a page printing an instrument in full keeps the instrument's tasks (guide §5: a basis is cited)."""
    ex, facts = _facts(NEWS_WITH_FULL_TEXT)
    assert "64/2025/QH15" not in {o.directive for o in ex.obligations}
    assert facts >= {("41/2026/NQ-CP", "Bộ Xây dựng", "lead"), ("41/2026/NQ-CP", "Bộ Công an", "support"),
                     ("41/2026/NQ-CP", "Bộ Tài chính", "lead")}
