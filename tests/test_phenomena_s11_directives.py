"""Directives that pages report (issue 13, session 11; guide §1, §9): constructions found on archive pages outside
the gold (legal Q&A pages, news, encyclopaedia pages), each written here on a short invented example (other
provinces, other bodies), with the exact numbers and issuers asserted so that a regression shows.
"""
from __future__ import annotations

from phoihop.ingest.extract import extract_text


def _numbers_and_citations(text: str) -> tuple[list[str | None], list[tuple[str, str | None, str]]]:
    """The numbers of the directives a page reports, and its citations (from, to, relation) in order."""
    ex = extract_text(text, "t.md")
    return [d.number for d in ex.directives], sorted((c.source, c.to, c.relation) for c in ex.citations)


def _directives(text: str) -> list[tuple[str | None, str | None]]:
    """(number, issuer) of each directive the page issues or reports."""
    return [(d.number, d.issuer) for d in extract_text(text, "t.md").directives]


# ---------------------------------------------------------------- "Căn cứ <type> N … như sau:" quotes N

def test_a_line_that_opens_with_can_cu_and_ends_introducing_a_quotation_reports_the_instrument():
    # a Q&A page answers by quoting the plan: "Căn cứ Kế hoạch số N … quy định … như sau:" (guide §9); the same
    # words opened by "Theo" were read already, "Căn cứ" was taken for a cited ground only
    page = ("# Điểm xét tuyển vào lớp 10 tại Ninh Thuận năm 2025 tính thế nào?\n\n"
            "Căn cứ Kế hoạch số 118/KH-UBND ngày 14 tháng 3 năm 2025 của Ủy ban nhân dân tỉnh Ninh Thuận "
            "quy định điểm xét tuyển được tính như sau:\n\n"
            "Điểm xét tuyển là tổng điểm ba bài thi cộng điểm ưu tiên.\n")
    assert _directives(page) == [("118/KH-UBND", "Ủy ban nhân dân tỉnh Ninh Thuận")]


# ---------------------------------------------------------------- "N năm 2025 Tải về": the page offers N's text

def test_an_instrument_whose_text_the_page_offers_is_reported():
    # a legal library's page prints "Tải về" right after the instrument it is about (guide §1: the page reports it)
    page = ("# Lịch thi vào lớp 10 Kon Tum năm học 2025 - 2026\n\n"
            "Theo Quyết định 207/QĐ-UBND năm 2025 Tải về, lịch thi tuyển sinh lớp 10 tỉnh Kon Tum diễn ra vào "
            "ngày 04/6 và 05/6 năm 2025.\n\n"
            "Thí sinh có mặt tại điểm thi trước 30 phút.\n")
    assert [n for n, _ in _directives(page)] == ["207/QĐ-UBND"]
    # not after a list ("… tại Nghị quyết N và Công văn M Tải về": reported where the page quotes them) nor
    # after the texts another carries out ("… thực hiện Kế hoạch N và Công văn M Tải về": cited); a form's
    # download on the next line is no instrument's
    page = ("# Hướng dẫn sắp xếp trường học tại Lạng Sơn\n\n"
            "Nội dung hướng dẫn sắp xếp trường học thực hiện Kế hoạch 41/KH-BCĐ năm 2025 và Công văn "
            "77-CV/BCĐ năm 2025 Tải về\n\n"
            "Mẫu tờ khai được ban hành kèm theo Thông tư 09/2024/TT-BTP.\n\n"
            "Tải về Mẫu tờ khai.\n\n"
            "Ngày 2/7/2025, Ủy ban nhân dân tỉnh Lạng Sơn ban hành Kế hoạch 160/KH-UBND về sắp xếp trường học.\n")
    assert [n for n, _ in _directives(page)] == ["160/KH-UBND"]


# ---------------------------------------------------------------- "ra / ký" before any type word

def test_a_body_that_ra_or_ky_an_instrument_of_any_type_reports_it():
    # "Bộ Chính trị ra Nghị quyết số N", "Chủ tịch nước ký Sắc lệnh số N": issuing verbs before any type word
    # (only "ban hành" was read before every type; "ra / ký" only before Công văn, Quyết định, …)
    page = ("# Lịch sử tỉnh Hà Tuyên\n\n"
            "Ngày 27 tháng 12 năm 1975, Quốc hội ra Nghị quyết số 245-NQ/QH về việc hợp nhất một số tỉnh.\n\n"
            "Ngày 12 tháng 8 năm 1991, Chủ tịch Hội đồng Bộ trưởng ký Nghị định số 112-HĐBT về việc điều chỉnh "
            "địa giới hành chính.\n")
    assert _directives(page) == [("245-NQ/QH", "Quốc hội"), ("112-HĐBT", "Hội đồng Bộ trưởng")]


# ---------------------------------------------------------------- an act of issuing after a citing opening

def test_a_sentence_opening_with_tiep_theo_still_reports_the_instrument_it_says_was_signed():
    # "Tiếp theo các Công điện số M1, M2, Thủ tướng Chính phủ vừa ký Công điện số N …": the sentence opens citing
    # M1 and M2, then reports N being signed (guide §1, §5: N cites M1 and M2); the page reported nothing
    page = ("# Thủ tướng chỉ đạo ứng phó bão số 9\n\n"
            "Tiếp theo các Công điện số 105/CĐ-TTg, 107/CĐ-TTg, Thủ tướng Chính phủ vừa ký Công điện số "
            "112/CĐ-TTg ngày 6/10/2025 yêu cầu các bộ, địa phương tập trung ứng phó bão số 9.\n\n"
            "Công điện yêu cầu Bộ Nông nghiệp và Môi trường chủ trì, phối hợp với Bộ Quốc phòng theo dõi chặt chẽ "
            "diễn biến của bão.\n")
    _, cited = _numbers_and_citations(page)
    assert _directives(page) == [("112/CĐ-TTg", "Thủ tướng Chính phủ")]
    assert [(c[0], c[1]) for c in cited] == [("112/CĐ-TTg", "105/CĐ-TTg"), ("112/CĐ-TTg", "107/CĐ-TTg")]


# ---------------------------------------------------------------- recipients: short forms of central bodies

def test_copies_to_the_state_audit_and_the_procedures_department_by_their_short_forms():
    # "Cục KS TTHC, Văn phòng Chính phủ" (the code spaced), "KTNN" alone on its line (guide §4)
    letter = ("ỦY BAN NHÂN DÂN\nTỈNH ĐIỆN BIÊN\nSố: 2210/UBND-KT\nĐiện Biên, ngày 12 tháng 11 năm 2025\n"
              "V/v công bố thủ tục hành chính\nKính gửi: Sở Tư pháp tỉnh Điện Biên.\n"
              "Ủy ban nhân dân tỉnh yêu cầu Sở Tư pháp chủ trì thực hiện.\n"
              "Nơi nhận:\n- Như trên;\n- Cục KS TTHC, Văn phòng Chính phủ;\n- KTNN;\n- Lưu: VT, KT.\n"
              "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn B\n")
    ex = extract_text(letter, "t.md")
    assert [r.agency for r in ex.recipients if r.kind == "copied"] == ["Cục Kiểm soát thủ tục hành chính",
                                                                        "Kiểm toán nhà nước"]


def test_the_public_service_centre_copied_by_its_glued_initials():
    # "TTPVHCC" (printed as "TT PVHCC" it was read already): the province's Trung tâm Phục vụ hành chính công
    letter = ("ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN\nSố: 1502/QĐ-UBND\nBắc Kạn, ngày 12 tháng 11 năm 2025\n"
              "QUYẾT ĐỊNH\nCông bố danh mục thủ tục hành chính\n"
              "Điều 1. Công bố kèm theo Quyết định này danh mục thủ tục hành chính.\n"
              "Nơi nhận:\n- Như Điều 3;\n- TTPVHCC;\n- Lưu: VT, TTPVHCC.\n"
              "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn C\n")
    ex = extract_text(letter, "t.md")
    assert [r.agency for r in ex.recipients if r.kind == "copied"] == ["Trung tâm Phục vụ hành chính công tỉnh Bắc Kạn"]


# ---------------------------------------------------------------- a quoted text's own title

def test_the_title_of_a_quoted_resolution_does_not_end_its_report():
    # "Căn cứ theo khoản 12 Điều 1 Nghị quyết N … như sau:" then the resolution's own title on a line of its own:
    # the quoted text goes on past it ("Trên cơ sở Đề án số M …": N's basis, guide §5, §9); a title had ended the
    # report of N at once on a page reporting several instruments. A registration code ("doanh nghiệp mã số
    # 002/TĐG") is no instrument.
    page = ("# Xã Mường Lay tỉnh Điện Biên mới gồm những xã nào?\n\n"
            "Theo quy định tại Điều 3 Nghị định 293/2025/NĐ-CP quy định mức lương tối thiểu như sau:\n\n"
            "Mức lương tối thiểu vùng I là 5.310.000 đồng/tháng.\n\n"
            "**Xã Mường Lay sau sáp nhập gồm những xã nào?**\n\n"
            "Căn cứ theo khoản 12 Điều 1 Nghị quyết 1661/NQ-UBTVQH15 năm 2025 về việc sắp xếp các đơn vị hành chính "
            "cấp xã của tỉnh Điện Biên như sau:\n\n"
            "Sắp xếp các đơn vị hành chính cấp xã của tỉnh Điện Biên\n\n"
            "Trên cơ sở Đề án số 372/ĐA-CP ngày 09 tháng 5 năm 2025 của Chính phủ về sắp xếp đơn vị hành chính cấp "
            "xã của tỉnh Điện Biên năm 2025, Ủy ban Thường vụ Quốc hội quyết định sắp xếp để thành lập các đơn vị "
            "hành chính cấp xã của tỉnh Điện Biên; hồ sơ do doanh nghiệp mã số 002/TĐG lập.\n")
    assert _numbers_and_citations(page) == (["293/2025/NĐ-CP", "1661/NQ-UBTVQH15"],
                                            [("1661/NQ-UBTVQH15", "372/ĐA-CP", "basis")])


# ---------------------------------------------------------------- an instrument quoted again further down

def test_an_instrument_quoted_again_after_another_owns_its_second_quotation():
    # a Q&A page quotes the plan N, then a decree M, then N again ("Tại Mục I Tờ trình N … như sau:"): the second
    # quotation is N's (its "Căn cứ …" lines are N's grounds, guide §5, §9), not M's; N is still one directive
    page = ("# Bảng giá đất Hà Tĩnh năm 2026\n\n"
            "Ngày 3/12/2025, UBND tỉnh Hà Tĩnh đã có Tờ trình 9120/TTr-UBND về việc thông qua Bảng giá đất năm 2026.\n\n"
            "**Căn cứ xây dựng bảng giá đất là gì?**\n\n"
            "Theo Điều 11 Nghị định 71/2024/NĐ-CP, việc xây dựng bảng giá đất được dựa trên các căn cứ sau đây:\n\n"
            "- Nguyên tắc, phương pháp định giá đất.\n\n"
            "**Cơ sở ban hành Nghị quyết bảng giá đất?**\n\n"
            "Tại Mục I Tờ trình 9120/TTr-UBND năm 2025 đã nêu ra các cơ sở ban hành Nghị quyết như sau:\n\n"
            "- Căn cứ Nghị định 151/2025/NĐ-CP quy định về phân định thẩm quyền trong lĩnh vực đất đai;\n\n"
            "- Căn cứ Nghị quyết 1681/NQ-UBTVQH15 về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Hà Tĩnh.\n")
    assert _numbers_and_citations(page) == (["9120/TTr-UBND", "71/2024/NĐ-CP"],
                                            [("9120/TTr-UBND", "151/2025/NĐ-CP", "basis"),
                                             ("9120/TTr-UBND", "1681/NQ-UBTVQH15", "basis")])
