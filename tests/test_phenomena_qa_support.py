"""Support roles, who they support, recipients and names that lose parts, on official documents
outside the gold (second round), on invented examples."""
from __future__ import annotations

from phoihop.ingest.extract import extract_text

from official_text import closing, obligation_roles

HEAD = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 41/2025/QĐ-UBND

Quảng Trị, ngày 14 tháng 8 năm 2025

QUYẾT ĐỊNH
Về việc phối hợp quản lý đất đai

"""

TAIL = closing("Như Điều 3")


def roles(body: str) -> list[set[tuple[str, str]]]:
    """(agency, role) of each obligation of a decision of UBND tỉnh Quảng Trị with this body."""
    return obligation_roles(HEAD + body + TAIL, "qt.md")


def copied(lines: list[str]) -> list[str]:
    """The copied recipients of a decision whose Nơi nhận lists these lines."""
    block = "".join(f"- {line};\n" for line in lines)
    text = HEAD + "**Điều 1.** Sở Xây dựng chủ trì kiểm tra.\n\nNơi nhận:\n" + block + \
        "- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n"
    return [r.agency for r in extract_text(text, "qt.md").recipients if r.kind == "copied"]


def test_verb_cung_cap_after_a_body_is_no_level_phrase():
    # "cung cấp" (supply) folds like "cùng cấp" (same level): the body before it is still named
    got = roles("**Điều 2.** Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp cung cấp hồ sơ cho Thanh tra tỉnh.\n\n"
                "**Điều 3.** Giao Công an cung cấp thông tin, phối hợp với Thuế tỉnh cung cấp dữ liệu.\n")
    assert got == [{("Sở Nội vụ tỉnh Quảng Trị", "lead"), ("Sở Tư pháp tỉnh Quảng Trị", "support")},
                   {("Công an tỉnh Quảng Trị", "lead"), ("Thuế tỉnh Quảng Trị", "support")}]


def test_branch_named_by_region_or_number_keeps_it():
    # "Chi nhánh … khu vực <name>" and "… số 3": the region or number is part of the branch's name
    got = roles("**Điều 2.** Chi nhánh Văn phòng đăng ký đất đai khu vực Hướng Hóa - Đakrông chủ trì, "
                "phối hợp với Chi nhánh Văn phòng đăng ký đất đai số 3 kiểm tra hồ sơ.\n")
    assert got == [{("Chi nhánh Văn phòng đăng ký đất đai khu vực Hướng Hóa - Đakrông", "lead"),
                    ("Chi nhánh Văn phòng đăng ký đất đai số 3", "support")}]


def test_boards_of_the_peoples_council_are_named_with_it():
    # "Ban Pháp chế HĐND tỉnh", "Ban Kinh tế - Ngân sách HĐND tỉnh" (a party board's words),
    # "Ban Dân tộc HĐND tỉnh" (not the province's ethnic committee): boards of the council
    got = copied(["Ban Kinh tế - Ngân sách HĐND tỉnh", "Ban Pháp chế HĐND tỉnh", "Ban Dân tộc HĐND tỉnh",
                  "Ban Dân tộc tỉnh"])
    assert got == ["Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh Quảng Trị",
                   "Ban Pháp chế Hội đồng nhân dân tỉnh Quảng Trị",
                   "Ban Dân tộc Hội đồng nhân dân tỉnh Quảng Trị", "Ban Dân tộc tỉnh Quảng Trị"]


def test_centre_names_that_hold_another_heads_word_stay_whole():
    # "Trung tâm Thông tin - Công báo", "Trung tâm Công nghệ và Cổng Thông tin điện tử": one centre each
    got = copied(["Trung tâm Thông tin - Công báo tỉnh", "Trung tâm Công nghệ và Cổng Thông tin điện tử tỉnh"])
    assert got == ["Trung tâm Thông tin - Công báo tỉnh Quảng Trị",
                   "Trung tâm Công nghệ và Cổng Thông tin điện tử tỉnh Quảng Trị"]


def test_post_office_and_abbreviated_ministry_are_recipients():
    # "Bưu điện tỉnh" is the province's post office; "Bộ VHTT và DL" the ministry of culture, sports and tourism
    got = copied(["Bưu điện tỉnh", "Các Bộ: VHTT và DL, Tư pháp"])
    assert got == ["Bưu điện tỉnh Quảng Trị", "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Tư pháp"]


def test_generic_phrase_without_cac_does_not_break_the_partner_list():
    # "phối hợp với Sở, ngành liên quan, UBND cấp xã": the generic phrase is passed over, the collective after
    # it is still a partner (after July 2025 "cấp xã" is every commune and ward, guide §9)
    got = roles("**Điều 2.** Giao Sở Nội vụ chủ trì, phối hợp với Sở, ngành liên quan, UBND cấp xã rà soát hồ sơ.\n")
    assert got == [{("Sở Nội vụ tỉnh Quảng Trị", "lead"), ("Ủy ban nhân dân các xã, phường tỉnh Quảng Trị", "support")}]


def test_generic_central_phrase_keeps_its_level_word():
    # "các Bộ, ngành Trung ương, UBND các tỉnh": "Trung ương" ends the generic phrase, the list goes on
    got = roles("**Điều 2.** Sở Nội vụ duy trì phối hợp với các Bộ, ngành Trung ương, UBND các tỉnh rà soát hồ sơ.\n")
    assert got == [{("Sở Nội vụ tỉnh Quảng Trị", "lead"), ("Ủy ban nhân dân các tỉnh", "support")}]


def test_phoi_hop_before_a_comma_and_a_second_verb_still_names_partners():
    # "phối hợp, cung cấp thông tin với X": the folded "phối hợp cùng" across the comma must not hide "phối hợp"
    got = roles("**Điều 2.** Sở Nội vụ thường xuyên phối hợp, cung cấp thông tin với Công an tỉnh về hồ sơ.\n")
    assert got == [{("Sở Nội vụ tỉnh Quảng Trị", "lead"), ("Công an tỉnh Quảng Trị", "support")}]


def test_office_of_the_committee_in_lower_case_is_a_partner():
    # "văn phòng UBND tỉnh" written in lower case is still the office (not "văn phòng làm việc")
    got = roles("**Điều 2.** Sở Nội vụ chủ trì, phối hợp với văn phòng UBND tỉnh rà soát hồ sơ.\n\n"
                "**Điều 3.** Sở Nội vụ bố trí văn phòng làm việc cho Thanh tra tỉnh.\n")
    assert got == [{("Sở Nội vụ tỉnh Quảng Trị", "lead"), ("Văn phòng Ủy ban nhân dân tỉnh Quảng Trị", "support")},
                   {("Sở Nội vụ tỉnh Quảng Trị", "lead")}]


def test_subjects_ending_in_a_described_class_still_lead():
    # "A, B và các cơ quan thông tấn, báo chí phối hợp với C": the class's describing words
    # (class_words.txt) stand between the list and its verb
    got = roles("**Điều 2.** Báo Quảng Trị và các cơ quan thông tấn, báo chí phối hợp với Sở Văn hóa, Thể thao "
                "và Du lịch tuyên truyền.\n\n**Điều 3.** Công an tỉnh, các lực lượng chức năng phối hợp với "
                "Bộ Chỉ huy Quân sự tỉnh tuần tra.\n")
    assert got == [{("Báo tỉnh Quảng Trị", "lead"), ("Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Trị", "support")},
                   {("Công an tỉnh Quảng Trị", "lead"), ("Bộ Chỉ huy Quân sự tỉnh Quảng Trị", "support")}]


def test_partner_list_goes_on_past_a_described_class():
    # "phối hợp với các lực lượng chức năng và Công an tỉnh", "các sở, ngành cấp tỉnh, UBND các xã": the
    # named body after the generic class is a partner too; "các sở liên quan giúp UBND tỉnh" is no list
    got = roles("**Điều 2.** Sở Nội vụ chủ trì, phối hợp với các lực lượng chức năng và Công an tỉnh rà soát.\n\n"
                "**Điều 3.** Sở Nội vụ chủ trì, phối hợp với các sở, ngành cấp tỉnh, UBND các xã rà soát.\n\n"
                "**Điều 4.** Sở Nội vụ phối hợp với các sở liên quan giúp Ủy ban nhân dân tỉnh tuyển sinh.\n")
    assert got == [{("Sở Nội vụ tỉnh Quảng Trị", "lead"), ("Công an tỉnh Quảng Trị", "support")},
                   {("Sở Nội vụ tỉnh Quảng Trị", "lead"), ("Ủy ban nhân dân các xã tỉnh Quảng Trị", "support")},
                   {("Sở Nội vụ tỉnh Quảng Trị", "lead")}]


def test_partner_list_goes_on_past_a_generic_list_of_classes():
    # "các cơ quan, đơn vị, địa phương, Công an tỉnh", "các cơ quan, tổ chức, cá nhân có liên quan và X":
    # the generic members are passed over, the named body after them is a partner
    got = roles("**Điều 2.** Sở Nội vụ chủ trì, phối hợp với các cơ quan, đơn vị, địa phương, Công an tỉnh rà soát.\n\n"
                "**Điều 3.** Sở Nội vụ chủ trì, phối hợp với các cơ quan, tổ chức, cá nhân có liên quan và "
                "Thanh tra tỉnh rà soát.\n")
    assert got == [{("Sở Nội vụ tỉnh Quảng Trị", "lead"), ("Công an tỉnh Quảng Trị", "support")},
                   {("Sở Nội vụ tỉnh Quảng Trị", "lead"), ("Thanh tra tỉnh Quảng Trị", "support")}]


def test_plural_head_with_fields_and_no_colon_names_each_department():
    # "các Sở Tài chính, Xây dựng" (no colon): one department per field (guide §9); a body of its own
    # after them ("Công an tỉnh") is no field of a Sở
    got = roles("**Điều 2.** Sở Nội vụ chủ trì, phối hợp với các Sở Tài chính, Xây dựng, Công an tỉnh rà soát.\n\n"
                "**Điều 3.** Sở Nội vụ chủ trì, phối hợp với các tổ chức chính trị - xã hội tỉnh, Thanh tra tỉnh "
                "rà soát.\n")
    assert got == [{("Sở Nội vụ tỉnh Quảng Trị", "lead"), ("Sở Tài chính tỉnh Quảng Trị", "support"),
                    ("Sở Xây dựng tỉnh Quảng Trị", "support"), ("Công an tỉnh Quảng Trị", "support")},
                   {("Sở Nội vụ tỉnh Quảng Trị", "lead"), ("Thanh tra tỉnh Quảng Trị", "support")}]


def test_merged_press_body_and_abbreviated_office_names_are_whole():
    # "Báo và Đài Phát thanh - Truyền hình X" is the merged provincial press body; "XL VPHC" inside the
    # ministry's department name is written out
    got = copied(["Báo và Đài Phát thanh - Truyền hình Quảng Trị", "Cục Kiểm tra VB và Quản lý XL VPHC - Bộ Tư pháp"])
    assert got == ["Báo và Phát thanh, Truyền hình tỉnh Quảng Trị",
                   "Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính Bộ Tư pháp"]


def test_letter_is_not_addressed_to_its_own_issuer():
    # a reply addressed to a person runs on into "Cục X nhận được …": the issuer is no addressee
    text = ("BỘ TÀI CHÍNH\nCỤC HẢI QUAN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: 812/HQ-GSQL\n\nHà Nội, ngày 03 tháng 9 năm 2025\n\n"
            "Kính gửi: Độc giả Lê Văn Bình\nCục Hải quan nhận được đơn của độc giả về thủ tục. "
            "Về vấn đề này, Cục Hải quan có ý kiến như sau: thực hiện theo quy định.\n\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CỤC TRƯỞNG\nPHÓ CỤC TRƯỞNG\n")
    ex = extract_text(text, "hq.md")
    assert [r.agency for r in ex.recipients if r.kind == "addressed"] == []


def test_task_block_lines_without_full_stop_are_read():
    # "Cơ quan chủ trì: X" / "Cơ quan phối hợp: các sở, ngành: A, B; Y" printed with no full stop and no
    # bullet are a task block (guide §9), not section titles; the partners work with the block's lead
    got = roles("1. Rà soát hồ sơ đất đai\n\nCơ quan chủ trì: Sở Nông nghiệp và Môi trường\n\n"
                "Cơ quan phối hợp: các sở, ngành: Tài chính, Xây dựng; UBND các xã\n\nThời gian hoàn thành: Quý III\n")
    assert got == [{("Sở Nông nghiệp và Môi trường tỉnh Quảng Trị", "lead")},
                   {("Sở Nông nghiệp và Môi trường tỉnh Quảng Trị", "lead"), ("Sở Tài chính tỉnh Quảng Trị", "support"),
                    ("Sở Xây dựng tỉnh Quảng Trị", "support"), ("Ủy ban nhân dân các xã tỉnh Quảng Trị", "support")}]


def test_scope_qualifier_without_commas_is_passed_over():
    # "X, Y trong phạm vi chức năng, nhiệm vụ của mình phối hợp với Z": the qualifier stands between the
    # subjects and their verb (guide §2)
    got = roles("**Điều 2.** Sở Nội vụ, Sở Tư pháp trong phạm vi chức năng, nhiệm vụ của mình phối hợp với "
                "Công an tỉnh rà soát hồ sơ.\n")
    assert got == [{("Sở Nội vụ tỉnh Quảng Trị", "lead"), ("Sở Tư pháp tỉnh Quảng Trị", "lead"),
                    ("Công an tỉnh Quảng Trị", "support")}]


def test_ministry_of_finance_unit_codes_in_noi_nhan_are_written_out():
    # "Cục CST", "Vụ PC (BTC)", "Ban NVT", "Cục QLCS" in a tax letter's Nơi nhận: standard units, written out
    text = ("BỘ TÀI CHÍNH\nCỤC THUẾ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: 5400/CT-CS\n\nHà Nội, ngày 03 tháng 11 năm 2025\n\nKính gửi: Thuế tỉnh Gia Lai.\n\n"
            "Cục Thuế nhận được công văn của Thuế tỉnh Gia Lai. Về vấn đề này, Cục Thuế có ý kiến như sau: "
            "thực hiện theo quy định.\n\nNơi nhận:\n- Như trên;\n- Cục CST, Vụ PC (BTC);\n- Ban NVT;\n- Cục QLCS;\n"
            "- Lưu: VT, CS.\n\nKT. CỤC TRƯỞNG\nPHÓ CỤC TRƯỞNG\n")
    got = [r.agency for r in extract_text(text, "ct.md").recipients if r.kind == "copied"]
    assert got == ["Cục Chính sách thuế", "Vụ Pháp chế Bộ Tài chính", "Ban Nghiệp vụ thuế Cục Thuế",
                   "Cục Quản lý công sản"]


def test_central_generic_list_goes_on_to_the_provinces():
    # "phối hợp với các bộ, cơ quan ngang bộ, Ủy ban nhân dân cấp tỉnh": the provinces are partners too
    text = ("THỦ TƯỚNG CHÍNH PHỦ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: 15/CT-TTg\n\nHà Nội, ngày 03 tháng 9 năm 2025\n\nCHỈ THỊ\nVề việc quản lý cảng cá\n\n"
            "1. Bộ Nông nghiệp và Môi trường chủ trì, phối hợp với các bộ, cơ quan ngang bộ, Ủy ban nhân dân "
            "cấp tỉnh rà soát quy hoạch cảng cá.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTHỦ TƯỚNG\n")
    got = [{(a.agency, a.role) for a in o.assignees if not a.generic} for o in extract_text(text, "tt.md").obligations]
    assert got == [{("Bộ Nông nghiệp và Môi trường", "lead"),
                    ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", "support")}]


def test_class_word_co_quan_before_a_body_keeps_the_list():
    # "phối hợp với UBND cấp xã, cơ quan Thuế và …": "cơ quan" before a named body is no gap in the list
    got = roles("**Điều 2.** Văn phòng đăng ký đất đai chủ trì, phối hợp với UBND cấp xã, cơ quan Thuế xác định "
                "nghĩa vụ tài chính.\n")
    assert got == [{("Văn phòng đăng ký đất đai tỉnh Quảng Trị", "lead"),
                    ("Ủy ban nhân dân các xã, phường tỉnh Quảng Trị", "support"), ("Thuế tỉnh Quảng Trị", "support")}]


def test_tt_before_a_centre_field_is_a_centre_not_a_standing_committee():
    # "TT Thông tin - Công báo tỉnh", "TT PVHCC tỉnh": Trung tâm; "TT Tỉnh ủy": Thường trực
    got = copied(["TT Thông tin - Công báo tỉnh", "TT PVHCC tỉnh", "TT Tỉnh ủy"])
    assert got == ["Trung tâm Thông tin - Công báo tỉnh Quảng Trị", "Trung tâm Phục vụ hành chính công tỉnh Quảng Trị",
                   "Thường trực Tỉnh ủy Quảng Trị"]
