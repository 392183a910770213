"""Wrong or lost facts seen on archive pages outside the gold (issue 13, session 12; guide §2, §4, §8):
a copy list whose "Nơi nhận:" heading a conversion lost is still the copy list (its bodies are copied, they
get no task); a body's name glued to its role verb by a conversion ("Sở Tài chínhchủ trì", phenomenon 6) ends
where the verb starts, and the verb still gives the role; a generic subject after an opening phrase ("Sau khi được Quốc hội thông qua,
các Bộ, cơ quan, địa phương …") is the clause's own subject, it inherits no leads. Invented examples (other provinces, other ministries), exact agencies and roles asserted.
"""
from __future__ import annotations

from phoihop.ingest.extract import extract_text
from tests.test_phenomena_s12_conclusions import _facts, _header


def _copied(text: str) -> set[str]:
    return {r.agency for r in extract_text(text, "t.md").recipients if r.kind == "copied"}


_DECREE = _header("CHÍNH PHỦ", "45/2026/NĐ-CP", "Hà Nội, ngày 3 tháng 3 năm 2026") + """NGHỊ ĐỊNH
Quy định về quản lý kho lưu trữ chuyên dụng

**Điều 12. Trách nhiệm thi hành**

Bộ Nội vụ chủ trì, phối hợp với Bộ Tài chính hướng dẫn thi hành Nghị định này.

"""

# the heading lost, the items one a line (a table cell split by the conversion), the signature after them
_COPY_LINES = """- Thủ tướng, các Phó Thủ tướng Chính phủ;
- Tòa án nhân dân tối cao;
- Kiểm toán nhà nước;
- VPCP: BTCN, các PCN, Trợ lý TTg, các Vụ, Cục, Công báo;
- Lưu: VT, KGVX (2)
 TM. CHÍNH PHỦ
KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG
"""

# the heading lost, all items on one line
_COPY_ONE_LINE = ("- Tỉnh ủy, HĐND, UBND tỉnh Quảng Trị; - Kiểm toán nhà nước; - Viện kiểm sát nhân dân tối cao; "
                  "- Lưu: HC, TH.\n")


def test_copy_list_without_heading_gives_no_task():
    facts = _facts(_DECREE + _COPY_LINES)
    assert facts == {("Bộ Nội vụ", "lead"), ("Bộ Tài chính", "support")}


def test_copy_list_without_heading_is_copied():
    copied = _copied(_DECREE + _COPY_LINES)
    assert {"Tòa án nhân dân tối cao", "Kiểm toán nhà nước"} <= copied


def test_copy_list_on_one_line_without_heading():
    facts = _facts(_DECREE + _COPY_ONE_LINE)
    assert facts == {("Bộ Nội vụ", "lead"), ("Bộ Tài chính", "support")}
    assert {"Kiểm toán nhà nước", "Viện kiểm sát nhân dân tối cao"} <= _copied(_DECREE + _COPY_ONE_LINE)


def test_task_list_ending_with_archiving_is_no_copy_list():
    # an item that speaks of archives ("Lưu trữ hồ sơ") is no copy list's closing item ("Lưu: VT")
    text = _DECREE + "Điều 13. Sở Nội vụ các tỉnh có trách nhiệm:\n\n- Tiếp nhận hồ sơ; - Lưu trữ hồ sơ theo quy định.\n"
    assert _facts(text) == {("Bộ Nội vụ", "lead"), ("Bộ Tài chính", "support"), ("Sở Nội vụ các tỉnh", "lead")}


_PLAN = _header("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "88/KH-UBND", "Quảng Ngãi, ngày 9 tháng 4 năm 2026") + """KẾ HOẠCH
Triển khai chuyển đổi số trong lĩnh vực y tế

"""


def test_name_glued_to_lead_verb():
    facts = _facts(_PLAN + "1. Sở Khoa học và Công nghệchủ trì, phối hợp với Sở Y tế xây dựng nền tảng số.\n")
    assert facts == {("Sở Khoa học và Công nghệ tỉnh Quảng Ngãi", "lead"), ("Sở Y tế tỉnh Quảng Ngãi", "support")}


def test_name_glued_to_support_verb():
    facts = _facts(_PLAN + "2. Sở Nội vụphối hợp với Sở Tư pháp rà soát thủ tục hành chính.\n")
    assert facts == {("Sở Nội vụ tỉnh Quảng Ngãi", "lead"), ("Sở Tư pháp tỉnh Quảng Ngãi", "support")}


def test_ministry_given_and_glued():
    text = _DECREE.replace("Bộ Nội vụ chủ trì, phối hợp với Bộ Tài chính",
                           "Giao Bộ Công Thươngchủ trì, phối hợp với Bộ Khoa học và Công nghệ")
    assert _facts(text) == {("Bộ Công Thương", "lead"), ("Bộ Khoa học và Công nghệ", "support")}


_NOTICE = _header("VĂN PHÒNG CHÍNH PHỦ", "312/TB-VPCP", "Hà Nội, ngày 14 tháng 8 năm 2026") + """THÔNG BÁO
Kết luận của Phó Thủ tướng Chính phủ tại cuộc họp về Chương trình phát triển vùng biên giới

(1) Đề nghị Ủy ban Pháp luật và Tư pháp của Quốc hội phối hợp chặt chẽ với Bộ Tư pháp thẩm tra hồ sơ Chương trình. """


def test_generic_subject_after_opening_phrase_inherits_nothing():
    text = _NOTICE + ("(2) Sau khi được Quốc hội thông qua, các Bộ, cơ quan, địa phương tổ chức thực hiện "
                      "có hiệu quả Chương trình.\n")
    ex = extract_text(text, "t.md")
    later = [o for o in ex.obligations if "Sau khi" in o.text]
    assert all(not any(not a.generic for a in o.assignees) for o in later)
    assert _facts(text) == {("Ủy ban Pháp luật và Tư pháp của Quốc hội", "lead"), ("Bộ Tư pháp", "support")}


def test_named_subject_after_opening_phrase_still_leads():
    text = _NOTICE + "(2) Sau khi được Thủ tướng Chính phủ phê duyệt, Bộ Quốc phòng tổ chức thực hiện Chương trình.\n"
    assert ("Bộ Quốc phòng", "lead") in _facts(text)
    assert ("Ủy ban Pháp luật và Tư pháp của Quốc hội", "lead") in _facts(text)


def test_clause_without_subject_after_opening_phrase_continues():
    # no subject of its own: the clause continues the task before it
    text = _NOTICE + "Sau khi được Quốc hội thông qua, hoàn thiện hồ sơ trình Chính phủ.\n"
    ex = extract_text(text, "t.md")
    later = [o for o in ex.obligations if o.text.startswith("Sau khi")]
    assert [(a.agency, a.role) for o in later for a in o.assignees] == [
        ("Ủy ban Pháp luật và Tư pháp của Quốc hội", "lead")]
