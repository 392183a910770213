"""Citations between directives (guide §5, §8, §9), on invented documents of other provinces.

Only numbered citations are scored; these tests also pin the relation, since the guide
settles it (Căn cứ / Theo / Xét -> basis, Thực hiện / Triển khai / để cụ thể hóa ->
implements, anything else -> mentions).
"""
from __future__ import annotations

import pytest

from phoihop.ingest.extract import extract_text
from phoihop.ingest.numbers import find_numbers, normalise, type_from_symbol

# A decision whose trích yếu runs straight into the Căn cứ lines (no blank line), with a long
# Căn cứ list, a Tờ trình, a replaced decision, an attached plan and a legal library's tail.
DECISION = """ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 3107/QĐ-UBND
Nghệ An, ngày 05 tháng 12 năm 2025
QUYẾT ĐỊNH
Ban hành Kế hoạch phòng, chống dịch bệnh trên đàn gia súc năm 2026
ỦY BAN NHÂN DÂN TỈNH NGHỆ AN
Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;
Căn cứ Luật Thú y số 79/2015/QH13; Nghị định số 35/2016/NĐ-CP ngày
15 tháng 5 năm 2016 của Chính phủ quy định chi tiết một số điều của Luật Thú y;
Căn cứ:
- Thông tư số 07/2016/TT- BNNPTNT ngày 31 tháng 5 năm 2016 của Bộ Nông nghiệp và Phát triển nông thôn;
- Quyết định số 1234 /QĐ-UBND ngày 02 tháng 3 năm 2025 của Ủy ban nhân dân tỉnh;
Xét Tờ trình số 77/TTr-SNNMT ngày 20 tháng 11 năm 2025 của Sở Nông nghiệp và Môi trường.
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống dịch bệnh trên đàn gia súc năm 2026.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 15/2020/QĐ-UBND ngày 10 tháng 4 \
năm 2020 của Ủy ban nhân dân tỉnh.
Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nông nghiệp và Môi trường chịu trách nhiệm thi hành \
Quyết định này./.
Nơi nhận:
- Như Điều 3;
- Bộ Nông nghiệp và Môi trường (để b/c);
- Lưu: VT, NN.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn A

KẾ HOẠCH
Phòng, chống dịch bệnh trên đàn gia súc năm 2026
(Ban hành kèm theo Quyết định số 3107/QĐ-UBND ngày 05/12/2025 của Ủy ban nhân dân tỉnh Nghệ An)
I. MỤC ĐÍCH, YÊU CẦU
Để cụ thể hóa Chỉ thị số 11/CT-TTg ngày 20/4/2025 của Thủ tướng Chính phủ, Sở Nông nghiệp và Môi trường chủ trì \
tổ chức tiêm phòng.
Quyết định 3107/QĐ-UBND năm 2025 ban hành Kế hoạch phòng, chống dịch bệnh theo Quyết định 99/2019/QĐ-UBND
Văn bản này chưa cập nhật nội dung Tiếng Anh
## Văn bản liên quan
Nghị định 13/2023/NĐ-CP về Bảo vệ dữ liệu cá nhân yêu cầu xác nhận sự đồng ý của thành viên.
"""

# A telegram: "tiếp theo các Công điện …", party documents, a number without "số", a task that
# carries out a decision, and a footnote printed after the signature.
TELEGRAM = """THỦ TƯỚNG CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 301/CĐ-TTg
Hà Nội, ngày 02 tháng 12 năm 2025
CÔNG ĐIỆN
Về việc khắc phục hậu quả sạt lở đất tại các tỉnh miền núi phía Bắc
THỦ TƯỚNG CHÍNH PHỦ điện:
- Đồng chí Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân các tỉnh: Lào Cai, Hà Giang.
Tiếp theo các Công điện số 287/CĐ-TTg, 290/CĐ-TTg, Thủ tướng Chính phủ đề nghị các địa phương tập trung khắc \
phục hậu quả sạt lở[1].
Căn cứ chỉ đạo của Bộ Chính trị tại thông báo số 77-TB/TW ngày 28/11/2025, của Ban Bí thư tại văn bản số \
190-KL/TW ngày 28/11/2025, Nghị quyết 402/NQ-CP ngày 30/11/2025 của Chính phủ, Thủ tướng Chính phủ yêu cầu:
1. Ủy ban nhân dân các tỉnh chủ trì rà soát các điểm có nguy cơ sạt lở.
2. Thực hiện Quyết định số 88/QĐ-TTg ngày 15/1/2025, Bộ Nông nghiệp và Môi trường chủ trì hướng dẫn các địa phương./.
Nơi nhận:
- Như trên;
- Văn phòng Trung ương Đảng;
- Lưu: VT, NN.
THỦ TƯỚNG
Lê Văn B
[1] Thông báo số 540/TB-VPCP ngày 20/11/2025 của Văn phòng Chính phủ.
"""


def _cites(text: str) -> dict[str, tuple]:
    ex = extract_text(text, "doc")
    assert len(ex.directives) == 1
    key = ex.directives[0].key
    assert all(c.source == key for c in ex.citations)
    return {c.to: (c.relation, c.to_type, c.to_date, c.to_issuer) for c in ex.citations}


def test_every_number_of_a_decision_is_cited_with_its_relation():
    cites = _cites(DECISION)
    assert {k: v[0] for k, v in cites.items()} == {
        "72/2025/QH15": "basis",            # Căn cứ lines printed inside what looks like the header
        "79/2015/QH13": "basis",
        "35/2016/NĐ-CP": "basis",           # "…; Nghị định số …" continues the Căn cứ clause
        "07/2016/TT-BNNPTNT": "basis",      # "Căn cứ:" then a list; "TT- BNNPTNT" spacing dropped
        "1234/QĐ-UBND": "basis",            # "1234 /QĐ-UBND" -> "1234/QĐ-UBND" (guide §9)
        "77/TTr-SNNMT": "basis",            # "Xét Tờ trình số …" (guide §8)
        "15/2020/QĐ-UBND": "mentions",      # "thay thế Quyết định số …" (guide §8)
        "11/CT-TTg": "implements",          # "Để cụ thể hóa …" in the attached plan
    }
    # the decision's own number (also in its attached plan) is no citation, nor is the library's
    # title line restating it, nor its notices after the document
    assert "3107/QĐ-UBND" not in cites and "99/2019/QĐ-UBND" not in cites and "13/2023/NĐ-CP" not in cites


def test_type_date_and_issuer_of_cited_instruments():
    cites = _cites(DECISION)
    assert cites["77/TTr-SNNMT"] == ("basis", "Tờ trình", "2025-11-20", "Sở Nông nghiệp và Môi trường tỉnh Nghệ An")
    assert cites["35/2016/NĐ-CP"] == ("basis", "Nghị định", "2016-05-15", "Chính phủ")
    assert cites["72/2025/QH15"] == ("basis", "Luật", None, "Quốc hội")


def test_telegram_citations_party_documents_and_footnotes():
    cites = _cites(TELEGRAM)
    assert {k: v[0] for k, v in cites.items()} == {
        "287/CĐ-TTg": "mentions",           # "Tiếp theo các Công điện số …, …": every number
        "290/CĐ-TTg": "mentions",
        "77-TB/TW": "basis",
        "190-KL/TW": "basis",
        "402/NQ-CP": "basis",               # "Nghị quyết 402/NQ-CP" without "số"
        "88/QĐ-TTg": "implements",          # "2. Thực hiện Quyết định số …"
        "540/TB-VPCP": "mentions",          # the footnote after the signature
    }
    assert cites["77-TB/TW"][1:] == ("Thông báo", "2025-11-28", "Bộ Chính trị")   # "của X tại thông báo số"
    assert cites["190-KL/TW"][1] == "Kết luận"    # "văn bản số 190-KL/TW": the symbol says Kết luận


@pytest.mark.parametrize("text,number", [
    ("sửa đổi Nghị quyết số 12.3/2025/NQ-CP về", "12.3/2025/NQ-CP"),
    ("Tờ trình số 512\n/TTr-SYT ngày", "512/TTr-SYT"),
    ("Thông tư liên tịch số 04/2018/TTLT-BYT-BTC- BLĐTBXH ngày", "04/2018/TTLT-BYT-BTC-BLĐTBXH"),
    ("Công văn số 8810/SXD-QLN& PTĐT ngày", "8810/SXD-QLN&PTĐT"),
    ("Báo cáo thẩm tra số 90/BC- BVHXH của", "90/BC-BVHXH"),
    ("Quyết định số 45/QĐ-UBND - Ủy ban nhân dân", "45/QĐ-UBND"),
    ("Văn bản số 8120- CV/BTCTW ngày", "8120-CV/BTCTW"),
    ("Nghị định số 61/2024/\nNĐ-CP ngày", "61/2024/NĐ-CP"),      # a PDF line broken after the slash
    ("Quyết định số 930/QĐ-\nUBND ngày", "930/QĐ-UBND"),
    ("công văn số 318/CCTKV.XII-QLN ngày", "318/CCTKV.XII-QLN"),   # a regional unit's code with a dot
])
def test_printed_and_scraped_number_shapes(text, number):
    assert [normalise(n) for _, _, n in find_numbers(text)] == [number]


def test_figures_are_not_numbers():
    assert list(find_numbers("mức hỗ trợ 3.250.000 đồng/người/tháng, năm 2025 /KH")) == []
    assert list(find_numbers("theo QCVN 12:2023/BXD về an toàn cháy")) == []   # a technical standard
    assert type_from_symbol("15/VBHN-BTC") == "Văn bản hợp nhất"


def test_a_form_code_and_an_amending_clause():
    text = DECISION.replace("I. MỤC ĐÍCH, YÊU CẦU", "I. MỤC ĐÍCH, YÊU CẦU\nBáo cáo theo Mẫu số 02-BC/TY ban hành kèm "
                                                   "theo Thông tư số 04/2016/TT-BNNPTNT.")
    text = text.replace("Căn cứ Luật Thú y số 79/2015/QH13;", "Căn cứ Luật Thú y số 79/2015/QH13; được sửa đổi, bổ sung "
                                                             "bởi Luật số 28/2018/QH14;")
    cites = _cites(text)
    assert "02-BC/TY" not in cites                       # a form, not an instrument
    assert cites["04/2016/TT-BNNPTNT"][0] == "mentions"
    assert cites["28/2018/QH14"][0] == "basis"           # "…; được sửa đổi, bổ sung bởi Luật số …" in a Căn cứ line


def test_well_formed_printing_wins_over_a_dropped_hyphen():
    text = DECISION.replace("I. MỤC ĐÍCH, YÊU CẦU", "I. MỤC ĐÍCH, YÊU CẦU\nTheo Thông tư số 07/2016/TTBNNPTNT, "
                                                   "Sở Nông nghiệp và Môi trường chủ trì.")
    cites = _cites(text)
    assert "07/2016/TT-BNNPTNT" in cites and "07/2016/TTBNNPTNT" not in cites


NEWS = """# Bộ Y tế yêu cầu ứng phó dịch sốt xuất huyết tại Tây Nguyên
Ngày 14/10/2025, Bộ Y tế ban hành Công điện 12/CĐ-BYT về việc tăng cường phòng, chống dịch sốt xuất huyết \
tại các tỉnh Tây Nguyên.
Triển khai chỉ đạo của Thủ tướng Chính phủ tại Công điện 88/CĐ-TTg ngày 10/10/2025 về phòng, chống dịch bệnh \
mùa mưa, Bộ Y tế yêu cầu Sở Y tế các tỉnh Gia Lai, Đắk Lắk:
- Chủ trì giám sát chặt chẽ các ổ dịch; tiếp tục thực hiện Công điện 09/CĐ-BYT ngày 01/9/2025 của Bộ Y tế.
"""

QA_PAGE = """# Mức hỗ trợ học phí tại tỉnh Quảng Bình năm 2026 là bao nhiêu?
Căn cứ theo khoản 2 Điều 3 Nghị quyết 45/2025/NQ-HĐND quy định:
Mức hỗ trợ học phí cho trẻ em mầm non là 150.000 đồng/tháng.
Theo Điều 1 Quyết định 77/QĐ-UBND năm 2025, Ủy ban nhân dân tỉnh triển khai chính sách hỗ trợ học phí được Hội \
đồng nhân dân tỉnh quyết định tại Nghị quyết 45/2025/NQ-HĐND ngày 10 tháng 7 năm 2025 như sau:
Giao Sở Giáo dục và Đào tạo chủ trì hướng dẫn thực hiện.
"""


def test_news_cites_from_the_directive_it_reports():
    ex = extract_text(NEWS, "news")
    # "Triển khai chỉ đạo … tại Công điện N" cites N; it is not a second reported directive
    assert [d.key for d in ex.directives] == ["12/CĐ-BYT"]
    assert {(c.source, c.to, c.relation) for c in ex.citations} == {
        ("12/CĐ-BYT", "88/CĐ-TTg", "implements"),
        ("12/CĐ-BYT", "09/CĐ-BYT", "implements"),
    }


def test_legal_qa_page_reports_the_directives_it_quotes():
    ex = extract_text(QA_PAGE, "qa")
    # "Căn cứ theo khoản 2 Điều 3 Nghị quyết N quy định:" and "Theo Điều 1 Quyết định N, …" quote
    # articles: the page reports both (guide §9); the second states its ground in the first
    assert [d.key for d in ex.directives] == ["45/2025/NQ-HĐND", "77/QĐ-UBND"]
    assert {(c.source, c.to) for c in ex.citations} == {("77/QĐ-UBND", "45/2025/NQ-HĐND")}


@pytest.mark.parametrize("page, quoted, amending", [
    ("# Điều kiện hưởng trợ cấp tại tỉnh Bình Định?\n"
     "Căn cứ Điều 9 Nghị định 20/2021/NĐ-CP được sửa đổi bởi khoản 4 Điều 1 Nghị định 76/2024/NĐ-CP "
     "quy định như sau:\n"
     "Ủy ban nhân dân cấp xã có trách nhiệm lập danh sách đối tượng.\n", "20/2021/NĐ-CP", "76/2024/NĐ-CP"),
    ("# Thu hồi đất do vi phạm pháp luật đất đai thực hiện thế nào?\n"
     "Theo đó, tại Điều 32 Nghị định 102/2024/NĐ-CP có nội dung thay đổi bởi khoản 3 Điều 1 Nghị định "
     "226/2025/NĐ-CP quy định trình tự thu hồi đất như sau:\n"
     "Ủy ban nhân dân cấp xã có trách nhiệm lập biên bản vi phạm.\n", "102/2024/NĐ-CP", "226/2025/NĐ-CP"),
], ids=["can-cu", "theo-do"])
def test_an_amending_decree_named_with_the_quoted_article_is_cited_not_reported(page, quoted, amending):
    """"Căn cứ / Theo đó, tại Điều N <decree> được sửa đổi bởi … <amending decree> quy định": the page
    reports the quoted decree and cites the amending one (guide §9)."""
    ex = extract_text(page, "qa")
    assert [d.key for d in ex.directives] == [quoted]
    assert [(c.source, c.to) for c in ex.citations] == [(quoted, amending)]


def test_news_reporting_verbs_other_than_ban_hanh():
    news = ("# Quảng Ngãi siết chặt an toàn thực phẩm dịp Tết\n"
            "Chủ tịch UBND tỉnh Quảng Ngãi vừa ký Quyết định số 1234/QĐ-UBND về việc thành lập Đoàn kiểm tra liên "
            "ngành an toàn thực phẩm Tết Nguyên đán 2026.\n"
            "Theo đó, Sở Y tế chủ trì, phối hợp với Công an tỉnh kiểm tra các cơ sở kinh doanh thực phẩm.\n"
            "Trước đó, UBND tỉnh đã ban hành Kế hoạch số 200/KH-UBND về an toàn thực phẩm năm 2026.\n")
    ex = extract_text(news, "news")
    assert [d.key for d in ex.directives] == ["1234/QĐ-UBND"]     # "vừa ký Quyết định số N" reports N
    assert [(c.source, c.to, c.relation) for c in ex.citations] == [("1234/QĐ-UBND", "200/KH-UBND", "mentions")]


def test_header_number_only_from_a_number_line_and_quoted_rules():
    # a decision printed without its number (a draft): the law's "số" in the Căn cứ line is not its number
    draft = DECISION.replace("Số: 3107/QĐ-UBND\n", "Số:        /QĐ-UBND\n")
    ex = extract_text(draft, "draft")
    assert [d.number for d in ex.directives] == [None]
    assert "72/2025/QH15" in {c.to for c in ex.citations}
    # "Căn cứ theo quy định tại Điều 36 Nghị định N …" quotes N; "…NĐ-CPquy định" lost its space
    page = ("# Tiêu chí xác định chuyên gia tư vấn?\n"
            "Căn cứ theo quy định tại Điều 36 Nghị định 212/2025/NĐ-CPquy định về tiêu chí như sau:\n"
            "- Có tối thiểu 03 năm kinh nghiệm.\n")
    assert [d.key for d in extract_text(page, "qa").directives] == ["212/2025/NĐ-CP"]


def test_issuer_and_date_from_the_reporting_sentence_and_titles():
    letter = DECISION.replace("I. MỤC ĐÍCH, YÊU CẦU", "I. MỤC ĐÍCH, YÊU CẦU\nNgày 12/5/2025, Cục Chăn nuôi và Thú y có công "
                                                     "văn số 881/CN-TY về tiêm phòng vụ Xuân.")
    letter = letter.replace("của Sở Nông nghiệp và Môi trường.", "của Giám đốc Sở Nông nghiệp và Môi trường.")
    cites = _cites(letter)
    # "Ngày …, X có công văn số N": X issued N on that day; "CN" is the office's code, the word says Công văn
    assert cites["881/CN-TY"][1:] == ("Công văn", "2025-05-12", "Cục Chăn nuôi và Thú y")
    assert cites["77/TTr-SNNMT"][3] == "Sở Nông nghiệp và Môi trường tỉnh Nghệ An"   # "của Giám đốc Sở …"


def test_party_conclusion_notice_header_gives_its_number():
    text = ("TỈNH ỦY LÂM ĐỒNG\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 215-TB/TU\nLâm Đồng, ngày 04 tháng 12 năm 2025\n"
            "THÔNG BÁO KẾT LUẬN\ncủa Ban Thường vụ Tỉnh ủy về công tác chuyển đổi số\n\n"
            "Thực hiện Kết luận số 126-KL/TW ngày 14/02/2025 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy kết luận như sau:\n"
            "1. Ủy ban nhân dân tỉnh chủ trì triển khai các nhiệm vụ chuyển đổi số.\n")
    ex = extract_text(text, "tb")
    assert [(d.number, d.type) for d in ex.directives] == [("215-TB/TU", "Thông báo")]
    assert [(c.to, c.relation) for c in ex.citations] == [("126-KL/TW", "implements")]
