"""Recipients (guide §4, §8, §9) on short examples of our own: other provinces, other bodies."""
from __future__ import annotations

from phoihop.ingest.extract import extract_text

HEADER = """UBND TỈNH {PROV_UP}
Số: {num}/UBND-VX
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
{prov}, ngày 05 tháng 3 năm 2025
V/v tăng cường phòng chống dịch bệnh trên cây trồng
"""
CENTRAL = """{issuer}
Số: {num}
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 12 tháng 5 năm 2025
"""


def _recipients(text: str) -> set[tuple[str, str]]:
    ex = extract_text(text, "doc.txt")
    return {(r.agency, r.kind) for r in ex.recipients}


def _doc(prov: str, body: str, num: str = "412") -> str:
    return HEADER.format(PROV_UP=prov.upper(), prov=prov, num=num) + body


def test_copy_list_skips_people_filing_marks_and_reads_standing_committees():
    text = _doc("Quảng Bình", """Kính gửi:
- Sở Nông nghiệp và Môi trường;
- Ủy ban nhân dân các xã, phường.

Ủy ban nhân dân tỉnh yêu cầu Sở Nông nghiệp và Môi trường chủ trì kiểm tra.

Nơi nhận:
- Như trên;
- TT: Tỉnh ủy, HĐND tỉnh;
- CT, các PCT UBND tỉnh;
- Chánh VP, các PCVP;
- CV: NN, TH;
- Lưu: VT, NN.
|
**TM. ỦY BAN NHÂN DÂN**
""")
    got = _recipients(text)
    assert got == {
        ("Sở Nông nghiệp và Môi trường tỉnh Quảng Bình", "addressed"),
        ("Ủy ban nhân dân các xã, phường tỉnh Quảng Bình", "addressed"),
        ("Thường trực Tỉnh ủy Quảng Bình", "copied"),
        ("Thường trực Hội đồng nhân dân tỉnh Quảng Bình", "copied"),
    }


def test_lists_after_a_head_and_a_colon_give_one_body_per_member():
    text = _doc("Kon Tum", """Kính gửi: Sở Tài chính.

Đề nghị Sở Tài chính tổng hợp.

Nơi nhận:
- Như trên;
- Các Bộ: TC, NV, KH&CN;
- Sở: YT, GD&ĐT;
- Văn phòng: Tỉnh ủy, UBND tỉnh;
- Thường trực HĐND, UBND các xã, phường;
- Lưu: VT.
""")
    got = _recipients(text)
    for name in ("Bộ Tài chính", "Bộ Nội vụ", "Bộ Khoa học và Công nghệ", "Sở Y tế tỉnh Kon Tum",
                 "Sở Giáo dục và Đào tạo tỉnh Kon Tum", "Văn phòng Tỉnh ủy Kon Tum",
                 "Văn phòng Ủy ban nhân dân tỉnh Kon Tum",
                 "Thường trực Hội đồng nhân dân các xã, phường tỉnh Kon Tum",
                 "Thường trực Ủy ban nhân dân các xã, phường tỉnh Kon Tum"):
        assert (name, "copied") in got, name
    assert ("Ủy ban nhân dân tỉnh Kon Tum", "copied") not in got     # "Văn phòng: …" names offices only


def test_government_office_units_are_recorded_one_by_one_and_prime_minister_once():
    text = CENTRAL.format(issuer="VĂN PHÒNG CHÍNH PHỦ", num="777/TB-VPCP") + """THÔNG BÁO
Kết luận của Phó Thủ tướng tại cuộc họp về giống cây trồng

Giao Bộ Nông nghiệp và Môi trường chủ trì hướng dẫn.

Nơi nhận:
- TTgCP, các PTTgCP (để b/c);
- Các Tập đoàn: EVN, VNPT;
- VPCP: BTCN, các PCN, Trợ lý TTg, TGĐ Cổng TTĐT,
các Vụ: NN, KTTH;
- Lưu: VT, NN (2b).
|
**KT. BỘ TRƯỞNG, CHỦ NHIỆM**
"""
    got = _recipients(text)
    assert got == {
        ("Thủ tướng Chính phủ", "copied"),
        ("Tập đoàn Điện lực Việt Nam", "copied"),
        ("Tập đoàn Bưu chính Viễn thông Việt Nam", "copied"),
        ("Cổng Thông tin điện tử Chính phủ", "copied"),
        ("Vụ Nông nghiệp Văn phòng Chính phủ", "copied"),
        ("Vụ Kinh tế tổng hợp Văn phòng Chính phủ", "copied"),
    }


def test_telegram_address_block_gives_the_bodies_of_the_heads_it_names():
    text = CENTRAL.format(issuer="THỦ TƯỚNG CHÍNH PHỦ", num="99/CĐ-TTg") + """CÔNG ĐIỆN
Về việc ứng phó bão số 7
**THỦ TƯỚNG CHÍNH PHỦ điện:**
- Bí thư Tỉnh ủy, Thành ủy, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Nghệ An, Hải
Phòng;
- Bộ trưởng các Bộ: Quốc phòng, Công an.
Bão số 7 đang di chuyển nhanh vào đất liền.
Yêu cầu Ủy ban nhân dân các tỉnh, thành phố nêu trên chủ động sơ tán dân.

Nơi nhận:
- Như trên;
- Văn phòng Trung ương Đảng;
- Lưu: VT, NN.
"""
    got = _recipients(text)
    addressed = {a for a, k in got if k == "addressed"}
    assert addressed == {"Ủy ban nhân dân tỉnh Nghệ An", "Ủy ban nhân dân thành phố Hải Phòng",
                         "Tỉnh ủy Nghệ An", "Thành ủy Hải Phòng", "Bộ Quốc phòng", "Bộ Công an"}
    assert ("Văn phòng Trung ương Đảng", "copied") in got


def test_a_unit_and_its_parent_are_one_body_and_coded_names_give_nothing():
    text = _doc("Sơn La", """Kính gửi: Sở Tư pháp.

Đề nghị Sở Tư pháp thẩm định.

Nơi nhận:
- Như trên;
- Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính - Bộ Tư pháp;
- Văn phòng Chính phủ (Cục KSTTHC);
- VPUB: CVP, các PCVP, Phòng KT;
- Lưu: VT.
""", num="88")
    got = {a for a, k in _recipients(text) if k == "copied"}
    assert got == {"Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính Bộ Tư pháp",
                   "Cục Kiểm soát thủ tục hành chính"}


def test_list_in_a_table_row_ends_at_its_cell_and_page_text_after_it_is_ignored():
    text = _doc("Lào Cai", """Kính gửi: Sở Y tế.

Đề nghị Sở Y tế kiểm tra.

| Nơi nhận: - Như trên; - Sở Xây dựng; - Lưu: VT. | TM. ỦY BAN NHÂN DÂN |
Viện Pháp luật Lào Cai giới thiệu văn bản liên quan
""", num="51")
    assert _recipients(text) == {("Sở Y tế tỉnh Lào Cai", "addressed"), ("Sở Xây dựng tỉnh Lào Cai", "copied")}


def test_the_first_noi_nhan_is_the_documents_and_branches_and_unknown_portals_give_nothing():
    text = _doc("Yên Bái", """Kính gửi: Sở Công Thương.

Đề nghị Sở Công Thương thực hiện.

Nơi nhận:
- Như trên;
- Cục Quản lý giá - Bộ Tài chính;
- Cổng TTĐT BQP;
- Cổng Thông tin điện tử Hải quan;
- VNPT tỉnh;
- EVN Yên Bái;
- LĐVP UBND tỉnh;
- Lưu: VT.
|
**KT. CHỦ TỊCH**
|
Mẫu số 01
Nơi nhận:
- Như trên;
- Lưu: VT.
""", num="77")
    got = {a for a, k in _recipients(text) if k == "copied"}
    # (the customs portal is a known body since session 6, heads.tsv; guide §8: portals copied are bodies)
    assert got == {"Cục Quản lý giá Bộ Tài chính", "Cổng Thông tin điện tử Bộ Quốc phòng",
                   "Cổng Thông tin điện tử Hải quan"}


def test_address_line_that_runs_into_the_text_and_unknown_committees():
    text = _doc("Bình Định", """Kính gửi: Thuế tỉnh Gia Lai
Cục Thuế nhận được công văn số 15/GLA-QLDN ngày 02/3/2025 của Thuế tỉnh Gia Lai về việc hoàn thuế.

Đề nghị Thuế tỉnh Gia Lai thực hiện.

Nơi nhận:
- Như trên;
- Ủy ban Dân nguyện và Giám sát Quốc hội;
- Đoàn ĐBQH tỉnh;
- Lưu: VT.
""", num="31")
    got = _recipients(text)
    assert got == {("Thuế tỉnh Gia Lai", "addressed"), ("Đoàn đại biểu Quốc hội tỉnh Bình Định", "copied")}


def test_office_units_listed_on_the_next_line_and_parents_of_units():
    text = CENTRAL.format(issuer="VĂN PHÒNG CHÍNH PHỦ", num="901/VPCP-NN") + """V/v phòng chống hạn mặn

Kính gửi: Bộ Nông nghiệp và Môi trường.

Đề nghị Bộ Nông nghiệp và Môi trường chỉ đạo.

Nơi nhận:
- Như trên;
- VPCP: BTCN, các PCN, TGĐ Cổng TTĐT;
Các Vụ: TH, QHĐP, V.I;
- Bộ Tư pháp (Cục Kiểm tra VB&QLXLVPHC);
- Vụ pháp chế - Bộ Y tế;
- Lưu: VT, NN.
"""
    got = {a for a, k in _recipients(text) if k == "copied"}
    # (the ministry's unit written in lower case is understood since session 6: the unit is the recipient,
    # named with its parent, and the parent alone is not; since session 7 a copied name's first word is
    # written as the name's, "Vụ Pháp chế", as gold-archive spells the unit)
    assert got == {"Cổng Thông tin điện tử Chính phủ", "Vụ Tổng hợp Văn phòng Chính phủ",
                   "Vụ Quan hệ địa phương Văn phòng Chính phủ",
                   "Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính Bộ Tư pháp", "Vụ Pháp chế Bộ Y tế"}


def test_rooms_of_a_provincial_committee_are_rooms_of_its_office():
    text = _doc("Thanh Hóa", """Kính gửi: Sở Xây dựng.

Đề nghị Sở Xây dựng kiểm tra.

Nơi nhận:
- Như trên;
- Phòng Tổng hợp, TTHCC;
- Lưu: VT.
""", num="64")
    assert ("Phòng Tổng hợp Văn phòng Ủy ban nhân dân tỉnh Thanh Hóa", "copied") in _recipients(text)


def test_an_address_to_a_person_or_joined_with_the_text_names_no_other_body():
    person = _doc("Phú Yên", """Kính gửi: Ông Trần Văn B
(Địa chỉ: thôn 2, xã Hòa Xuân; Số ĐT: 0900000000)
Cục Thuế nhận được câu hỏi của ông Trần Văn B gửi qua Cổng Thông tin điện tử Bộ Tài chính.

Nơi nhận:
- Như trên;
- Lưu: VT.
""", num="12")
    assert _recipients(person) == set()
    joined = _doc("Phú Yên", """Kính gửi: Ủy ban nhân dân các xã, phường Thực hiện Nghị định số 10/2025/NĐ-CP của Chính phủ, Sở Tài chính đề nghị báo cáo.
- Đề nghị Ủy ban nhân dân các xã, phường báo cáo Sở Tài chính.

Nơi nhận:
- Như trên;
- Lưu: VT.
""", num="13")
    assert _recipients(joined) == {("Ủy ban nhân dân các xã, phường tỉnh Phú Yên", "addressed")}


def test_plain_text_foot_with_the_signature_beside_the_list():
    text = _doc("Cà Mau", """Kính gửi: Sở Y tế.

Đề nghị Sở Y tế kiểm tra.

Nơi nhận:                                    TM. ỦY BAN NHÂN DÂN
- Như trên;                                  KT. CHỦ TỊCH
- Bộ Y tế;                                   PHÓ CHỦ TỊCH
- Công an tỉnh
- Lưu: VT.                                   Nguyễn Văn C
""", num="44")
    got = {a for a, k in _recipients(text) if k == "copied"}
    assert got == {"Bộ Y tế", "Công an tỉnh Cà Mau"}


def test_a_central_department_copies_its_own_boards():
    text = CENTRAL.format(issuer="BỘ TÀI CHÍNH\nCỤC HẢI QUAN", num="4410/HQ-GSQL") + """V/v thủ tục hải quan

Kính gửi: Chi cục Hải quan khu vực III.

Đề nghị Chi cục Hải quan khu vực III thực hiện.

Nơi nhận:
- Như trên;
- Ban Pháp chế;
- Lưu: VT.
"""
    ex = extract_text(text, "doc.txt")
    issuer = ex.directives[0].issuer
    assert (f"Ban Pháp chế {issuer}", "copied") in {(r.agency, r.kind) for r in ex.recipients}
    assert issuer.startswith("Cục")


def test_standing_board_of_the_party_committee_of_party_bodies():
    text = _doc("Hà Tĩnh", """Kính gửi: Sở Nội vụ.

Đề nghị Sở Nội vụ thực hiện.

Nơi nhận:
- Như trên;
- BTV Đảng ủy các cơ quan Đảng tỉnh;
- Lưu: VT.
""", num="90")
    got = {a for a, k in _recipients(text) if k == "copied"}
    assert got == {"Ban Thường vụ Đảng ủy các cơ quan Đảng tỉnh Hà Tĩnh"}   # (an Đảng ủy keeps its level word)


def test_the_head_of_an_office_addressed_stands_for_the_office():
    text = CENTRAL.format(issuer="THỦ TƯỚNG CHÍNH PHỦ", num="88/CĐ-TTg") + """CÔNG ĐIỆN
**THỦ TƯỚNG CHÍNH PHỦ điện:**
- Giám đốc Đài Khí tượng thủy văn khu vực Nam Bộ;
- Chánh Văn phòng Ban Chỉ đạo phòng thủ dân sự quốc gia.
Mưa lớn đang diễn ra trên diện rộng.

Nơi nhận:
- Như trên;
- Lưu: VT.
"""
    addressed = {a for a, k in _recipients(text) if k == "addressed"}
    assert "Văn phòng Ban Chỉ đạo phòng thủ dân sự quốc gia" in addressed
    assert "Ban Chỉ đạo phòng thủ dân sự quốc gia" not in addressed


def test_party_committee_of_a_body_and_members_named_in_full_in_a_list():
    text = _doc("Nam Định", """Kính gửi: Sở Tư pháp.

Đề nghị Sở Tư pháp thực hiện.

Nơi nhận:
- Như trên;
- Đảng ủy UBND tỉnh;
- Đảng ủy Khối cơ quan;
- Các Cục: C07 - BCA, Cục KTVB&QLXLVPHC - BTP;
- Lưu: VT.
""", num="71")
    got = {a for a, k in _recipients(text) if k == "copied"}
    assert got == {"Đảng ủy Ủy ban nhân dân tỉnh Nam Định",
                   "Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính Bộ Tư pháp"}
