"""Session 6, more genre constructions (issue 13): quoted passages of law in a letter, lists split
by a generic member, "Tỉnh"/"Thành phố" as the acting body, bodies joined by "/". Invented examples
(other provinces, other bodies)."""
from __future__ import annotations

from tests.official_text import closing, obligation_roles

_LETTER_HEAD = ("BỘ TÀI CHÍNH\nCỤC THUẾ TỈNH GIA LAI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                "Độc lập - Tự do - Hạnh phúc\nSố: 455/CT-NV\nGia Lai, ngày 12 tháng 11 năm 2025\n"
                "V/v hồ sơ hoàn thuế\n\nKính gửi: Công ty cổ phần Cà phê Đăk Đoa.\n\n")


def test_the_items_of_a_quoted_law_are_not_the_addressed_companys_tasks():
    text = (_LETTER_HEAD +
            "Cục Thuế nhận được văn bản số 07/CV ngày 02/10/2025 của Công ty về hồ sơ hoàn thuế.\n\n"
            "Căn cứ Điều 12 Thông tư số 80/2021/TT-BTC ngày 29/9/2021 của Bộ Tài chính quy định, "
            "đề nghị Công ty lập hồ sơ hoàn thuế gồm:\n\n"
            "*\"a) Giấy đề nghị hoàn trả khoản thu ngân sách nhà nước theo mẫu số 01/HT;*\n\n"
            "*b) Bản sao hợp đồng do tổ chức đề nghị hoàn thuế cung cấp;*\n\n"
            "*c) Bảng kê hóa đơn (nếu có)\".*\n\n"
            "Cục Thuế trả lời để Công ty được biết, thực hiện./.\n")
    got = obligation_roles(text, "letter.md")
    company = {("Công ty cổ phần Cà phê Đăk Đoa", "lead")}
    # the request itself, not the three items the quoted circular lists
    assert got == [company] or got == [company, company]
    assert sum(1 for o in got if o) <= 2


def test_a_quotation_closed_in_its_paragraph_keeps_the_items_tasks():
    text = (_LETTER_HEAD +
            "Đề nghị Công ty thực hiện các nội dung sau:\n\n"
            "\"Cà phê nhân\" xuất khẩu phải kê khai đúng mã số.\n\n"
            "Nộp hồ sơ trước ngày 30/11/2025.\n")
    got = obligation_roles(text, "letter.md")
    assert {("Công ty cổ phần Cà phê Đăk Đoa", "lead")} in got
    assert len([o for o in got if o]) >= 2


_PLAN_HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
              "Số: 88/KH-UBND\nQuảng Ngãi, ngày 03 tháng 11 năm 2025\n\nKẾ HOẠCH\nHỗ trợ học nghề\n\n")


def test_bodies_joined_by_a_slash_both_lead():
    text = (_PLAN_HEAD +
            "1. Trong 03 ngày làm việc, Phòng Văn hóa - Xã hội xã/Phòng Văn hóa - Xã hội phường có trách nhiệm "
            "phối hợp với Công an xã, phường rà soát danh sách người học nghề.\n" + closing())
    got = obligation_roles(text, "plan.txt")
    assert got == [{("Phòng Văn hóa - Xã hội các xã tỉnh Quảng Ngãi", "lead"),
                    ("Phòng Văn hóa - Xã hội các phường tỉnh Quảng Ngãi", "lead"),
                    ("Công an các xã, phường tỉnh Quảng Ngãi", "support")}]


def test_a_class_of_bodies_in_the_middle_of_a_list_does_not_end_it():
    text = (_PLAN_HEAD +
            "1. Kế hoạch nêu rõ nhiệm vụ của Sở Lao động - Thương binh và Xã hội; Sở Giáo dục và Đào tạo; "
            "các cơ quan, đơn vị thuộc tỉnh; Sở Tài chính; Đài Phát thanh và Truyền hình tỉnh.\n" + closing())
    got = obligation_roles(text, "plan.txt")
    assert got == [{(f"{name} tỉnh Quảng Ngãi", "lead") for name in (
        "Sở Lao động - Thương binh và Xã hội", "Sở Giáo dục và Đào tạo", "Sở Tài chính",
        "Đài Phát thanh và Truyền hình")}]
