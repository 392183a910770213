"""Words that look like the start of a body's name but are not one (issue 13: junk names)."""
from __future__ import annotations

from phoihop.ingest.agencies import Context, find_mentions
from phoihop.ingest.textnorm import fold_keep


def roles_of(text: str, name: str = "doc.txt") -> set[tuple[str, str]]:
    """(agency, role) of every named assignee the extractor finds in text."""
    from phoihop.ingest.extract import extract_text

    ex = extract_text(text, name)
    return {(a.agency, a.role) for o in ex.obligations for a in o.assignees if not a.generic}


def names(text: str, province: str = "Cao Bằng") -> list[str]:
    ctx = Context(province=province, province_word="tỉnh", level="province")
    return [m.agency.name for m in find_mentions(text, fold_keep(text), 0, len(text), ctx) if not m.generic]


def test_a_report_is_no_newspaper_but_a_newspaper_is():
    assert names("Sở Nội vụ xây dựng BÁO CÁO GIẢI TRÌNH và Báo cáo tổng kết.") == ["Sở Nội vụ tỉnh Cao Bằng"]
    assert any(n.startswith("Báo") and n.endswith("Cao Bằng") for n in names("Giao Báo Cao Bằng đưa tin."))


def test_titles_and_common_nouns_are_not_bodies():
    # "Bộ trưởng" is a person's title (the task is the ministry's); "đội ngũ" is a workforce, not a team
    assert names("gửi Bộ trưởng Bộ Nội vụ") == ["Bộ Nội vụ"]
    assert names("nâng cao chất lượng đội ngũ nhân lực của Sở Y tế") == ["Sở Y tế tỉnh Cao Bằng"]


def test_an_open_name_stops_at_or_and_at_a_wish():
    got = names("Văn phòng đăng ký đất đai hoặc chi nhánh Văn phòng đăng ký đất đai cập nhật hồ sơ")
    assert got and all("hoặc" not in n for n in got)
    assert all("mong muốn" not in n for n in names("Trung tâm Dịch vụ việc làm mong muốn các doanh nghiệp"))


def test_verbs_after_an_open_name_end_it_but_name_phrases_stay():
    assert names("Vụ Pháp chế thẩm định hồ sơ và báo cáo") == ["Vụ Pháp chế"]
    assert names("Trung tâm Dịch vụ việc làm tỉnh tư vấn cho người lao động") == \
        ["Trung tâm Dịch vụ việc làm tỉnh Cao Bằng"]
    assert names("Cục TRƯỞNG CỤC THUẾ ký") == [] or all("TRƯỞNG" not in n for n in names("Cục TRƯỞNG CỤC THUẾ ký"))
    assert names("PHÒNG CHÁY CHỮA CHÁY TRƯỚC KHI ĐƯA VÀO SỬ DỤNG") == []


def test_names_that_hold_cac():
    assert names("phối hợp với Ban Quản lý các khu công nghệ cao và khu công nghiệp, Sở Khoa học và Công nghệ",
                 province="Hà Nội")[0].startswith("Ban Quản lý các khu công nghệ cao và khu công nghiệp")
    assert names("Liên hiệp các hội Khoa học và Kỹ thuật tỉnh tư vấn")[0].startswith("Liên hiệp các hội Khoa học")


def test_an_article_on_a_bodys_duties_makes_it_lead_its_items():
    text = ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI\nSố: 77/QĐ-UBND\nV/v ban hành quy chế phối hợp\n\n"
            "Điều 4. Trách nhiệm của Sở Tư pháp\n"
            "1. Chủ động phối hợp với Liên hiệp các hội Khoa học và Kỹ thuật tỉnh tổ chức tư vấn.\n"
            "Điều 5. Nhiệm vụ, quyền hạn của Thanh tra tỉnh\n"
            "1. Kiểm tra việc thực hiện quy chế.\n"
            "2. Báo cáo kết quả thực hiện nhiệm vụ của Sở Nội vụ.\n")
    roles = roles_of(text)
    assert roles == {("Sở Tư pháp tỉnh Lào Cai", "lead"),
                     ("Liên hiệp các hội Khoa học và Kỹ thuật tỉnh Lào Cai", "support"),
                     ("Thanh tra tỉnh Lào Cai", "lead")}


def test_the_issuer_presiding_over_a_task_is_tasked_but_not_when_it_orders_or_launches():
    text = ("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nSố: 12/2025/TT-BNNMT\nV/v hướng dẫn trồng trọt\n\n"
            "Điều 8. Tổ chức thực hiện\n"
            "1. Bộ Nông nghiệp và Môi trường chủ trì, phối hợp với Ủy ban nhân dân cấp tỉnh xây dựng chiến lược.\n"
            "2. Bộ Nông nghiệp và Môi trường phát động phong trào thi đua trong toàn ngành.\n"
            "3. Bộ Nông nghiệp và Môi trường yêu cầu Cục Trồng trọt hướng dẫn thực hiện.\n")
    roles = roles_of(text)
    assert ("Bộ Nông nghiệp và Môi trường", "lead") in roles
    assert ("Cục Trồng trọt", "lead") in roles
    # the launch (item 2) is no task of the ministry: without item 1 it would not lead at all
    assert ("Bộ Nông nghiệp và Môi trường", "lead") not in roles_of(text.replace(
        "1. Bộ Nông nghiệp và Môi trường chủ trì, phối hợp với Ủy ban nhân dân cấp tỉnh xây dựng chiến lược.\n", ""))


def test_a_footnote_mark_before_the_subject_of_a_consolidated_text():
    text = ("BỘ CÔNG THƯƠNG\nSố: 07/VBHN-BCT\nV/v hợp nhất thông tư\n\n"
            "Điều 9. Thẩm định\n"
            "1. [12] Cục Điện lực chủ trì, phối hợp với Cục Hóa chất thẩm định hồ sơ.\n")
    roles = roles_of(text)
    assert roles == {("Cục Điện lực", "lead"), ("Cục Hóa chất", "support")}


def test_closing_article_of_a_standing_committee_resolution():
    text = ("ỦY BAN THƯỜNG VỤ QUỐC HỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 1702/NQ-UBTVQH15\n"
            "V/v sắp xếp các đơn vị hành chính cấp xã của tỉnh Điện Biên\n\n"
            "Điều 2. Hiệu lực thi hành\n"
            "2. Chính phủ, Hội đồng nhân dân, Ủy ban nhân dân tỉnh Điện Biên, chính quyền địa phương các đơn vị "
            "hành chính liên quan và các cơ quan, tổ chức khác có liên quan có trách nhiệm tổ chức thi hành "
            "Nghị quyết này.\n")
    roles = roles_of(text)
    assert roles == {("Chính phủ", "lead"), ("Hội đồng nhân dân tỉnh Điện Biên", "lead"),
                     ("Ủy ban nhân dân tỉnh Điện Biên", "lead")}


def test_closing_article_with_a_title_before_a_colon_and_an_annex_that_starts_afresh():
    from phoihop.ingest.extract import extract_text

    text = ("ỦY BAN NHÂN DÂN\nTỈNH YÊN BÁI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 310/QĐ-UBND\n\n"
            "QUYẾT ĐỊNH\nCông bố danh mục thủ tục hành chính\n\n"
            "Điều 1. Công bố kèm theo Quyết định này danh mục thủ tục hành chính.\n"
            "Điều 2. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc: Sở Xây dựng, Sở Tài chính; Chủ tịch "
            "Ủy ban nhân dân các xã, phường chịu trách nhiệm thi hành Quyết định này.\n\n"
            "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n"
            "PHỤ LỤC\nDANH MỤC THỦ TỤC HÀNH CHÍNH\n\nBước 1: Tiếp nhận hồ sơ.\nCơ quan thực hiện: Sở Xây dựng.\n")
    ex = extract_text(text, "yb.txt")
    closing = [o for o in ex.obligations if "chịu trách nhiệm thi hành" in o.text]
    assert {a.agency for o in closing for a in o.assignees if not a.generic} == {
        "Văn phòng Ủy ban nhân dân tỉnh Yên Bái", "Sở Xây dựng tỉnh Yên Bái", "Sở Tài chính tỉnh Yên Bái",
        "Ủy ban nhân dân các xã, phường tỉnh Yên Bái"}
    # the annex's title and steps are not tasks of the bodies that execute the decision
    for o in ex.obligations:
        assert not o.text.startswith(("PHỤ LỤC", "DANH MỤC", "Bước 1")), o.text


def test_a_branch_of_the_land_registration_office_is_a_body():
    got = names("Điều 8. Trách nhiệm của Chi nhánh Văn phòng đăng ký đất đai", province="Nghệ An")
    assert got == ["Chi nhánh Văn phòng đăng ký đất đai tỉnh Nghệ An"]


def test_abbreviations_inside_centre_names_are_written_out():
    assert names("- Trung tâm CB-TH tỉnh;", province="Sơn La") == ["Trung tâm Công báo - Tin học tỉnh Sơn La"]
    assert names("- Trung tâm PV hành chính công tỉnh;", province="Sơn La") == \
        ["Trung tâm Phục vụ hành chính công tỉnh Sơn La"]
