"""Pages that are not official documents (legal Q&A, news, encyclopaedia pages): what they quote of a
directive gives obligations (guide §9), their other lines give none (issue 13), on our own examples."""
from __future__ import annotations

from phoihop.ingest.extract import extract_text

QA = """# Doanh nghiệp bảo hiểm phải làm gì khi thay đổi trụ sở?

**Doanh nghiệp bảo hiểm phải làm gì khi thay đổi trụ sở?**

Căn cứ Điều 12 Thông tư 77/2023/TT-BTC quy định như sau:

{body}

Cục Quản lý Bảo hiểm có trách nhiệm cập nhật thông tin trên Cổng thông tin điện tử của Bộ Tài chính.
"""


def named_roles(text: str) -> set[tuple[str, str]]:
    ex = extract_text(text, "page.md")
    return {(a.agency, a.role) for o in ex.obligations for a in o.assignees if not a.generic}


def test_a_class_of_companies_is_generic_a_named_company_is_not():
    body = ("Công ty bảo hiểm phải thông báo cho khách hàng trong thời hạn 10 ngày.\n\n"
            "Công ty Cấp nước Quảng Trị có trách nhiệm niêm yết kết quả.")
    assert named_roles(QA.format(body=body)) == {
        ("Công ty Cấp nước Quảng Trị", "lead"), ("Cục Quản lý Bảo hiểm", "lead")}


def test_what_a_body_cannot_do_is_no_task_what_it_must_not_do_is():
    body = ("Trường hợp hợp đồng đã hết hạn mà khi thanh lý, Công ty Bảo Minh Quảng Trị không liên hệ được "
            "với khách hàng.\n\nTrường hợp khác, Công ty Bảo Việt Quảng Trị không được từ chối chi trả.")
    assert named_roles(QA.format(body=body)) == {
        ("Công ty Bảo Việt Quảng Trị", "lead"), ("Cục Quản lý Bảo hiểm", "lead")}


def test_an_encyclopaedia_page_ends_at_its_notes():
    page = """# Huyện Cam Lộ

Huyện Cam Lộ được thành lập theo Nghị định 65/1999/NĐ-CP.

## Lịch sử

Ngày 10 tháng 5 năm 1999, Chính phủ ban hành Nghị định 65/1999/NĐ-CP. Theo đó, Bộ Nội vụ có trách nhiệm hướng dẫn thi hành Nghị định này.

## Chú thích

- ^ "Giới thiệu huyện Cam Lộ". *Cổng thông tin điện tử tỉnh Quảng Trị*.

Cổng thông tin điện tử Chính phủ*.
"""
    assert named_roles(page) == {("Bộ Nội vụ", "lead")}


def test_an_encyclopaedia_page_reports_directives_and_issues_nothing():
    page = """# Huyện Cam Lộ

## Lịch sử

[sửa | sửa mã nguồn]Ngày 10 tháng 5 năm 1999, Chính phủ ban hành Nghị định 65/1999/NĐ-CP. Theo đó, giao Bộ Nội vụ hướng dẫn thi hành Nghị định này.

Ủy ban nhân dân tỉnh Quảng Trị có trách nhiệm sắp xếp bộ máy của huyện mới.
"""
    ex = extract_text(page, "page.md")
    assert [d.number for d in ex.directives] == ["65/1999/NĐ-CP"]
    assert named_roles(page) == set()


def test_a_council_resolution_is_the_councils_its_deciding_is_no_task():
    page = """# Mức hỗ trợ cán bộ y tế thôn bản tỉnh Quảng Trị hiện nay là bao nhiêu?

**Mức hỗ trợ cán bộ y tế thôn bản tỉnh Quảng Trị hiện nay là bao nhiêu?**

Theo quy định tại Điều 1 Nghị quyết 15/2024/NQ-HĐND, Hội đồng nhân dân tỉnh quyết định mức hỗ trợ hằng tháng đối với nhân viên y tế thôn bản trên địa bàn tỉnh Quảng Trị; cụ thể như sau:

Mức hỗ trợ là 500.000 đồng/người/tháng.

Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.
"""
    ex = extract_text(page, "page.md")
    assert [(d.number, d.issuer) for d in ex.directives] == [
        ("15/2024/NQ-HĐND", "Hội đồng nhân dân tỉnh Quảng Trị")]
    assert named_roles(page) == {("Ủy ban nhân dân tỉnh Quảng Trị", "lead")}


def test_another_bodys_closing_line_gives_no_task_of_the_reported_directive():
    page = """**Kính gửi:** Công ty TNHH Thương mại Hoa Sen.

Cục Thuế nhận được công văn số 12/CV-HS của Công ty. Về vấn đề này, Cục Thuế có ý kiến như sau:

Căn cứ khoản 2 Điều 8 Thông tư 80/2021/TT-BTC quy định: "Cơ quan thuế có trách nhiệm hướng dẫn người nộp thuế."

Cục Thuế thông báo để Công ty TNHH Thương mại Hoa Sen được biết, thực hiện./.
"""
    assert named_roles(page) == set()


def test_the_reported_notices_own_closing_line_still_tasks():
    page = """# Kết luận về phòng chống dịch sốt xuất huyết

Ngày 3/6/2024, Văn phòng Ủy ban nhân dân tỉnh Quảng Trị ban hành Thông báo số 45/TB-VP về kết luận của lãnh đạo tỉnh.

Yêu cầu Sở Y tế chủ trì tổ chức phun hóa chất diệt muỗi tại các ổ dịch.

Văn phòng Ủy ban nhân dân tỉnh thông báo để Sở Giáo dục và Đào tạo biết, thực hiện.
"""
    assert named_roles(page) == {("Sở Y tế tỉnh Quảng Trị", "lead"), ("Sở Giáo dục và Đào tạo tỉnh Quảng Trị", "lead")}


def test_a_question_of_a_qa_page_is_no_task_its_quoted_answer_is():
    page = """# Phòng Tư pháp có trách nhiệm gì trong chứng thực?

**Phòng Tư pháp có trách nhiệm gì trong chứng thực?**

Căn cứ Điều 4 Thông tư 01/2020/TT-BTP quy định: Phòng Tư pháp có trách nhiệm hướng dẫn nghiệp vụ chứng thực.

**Có thể yêu cầu Ủy ban nhân dân xã chứng thực bản sao hay không?**

Ủy ban nhân dân cấp xã có trách nhiệm chứng thực bản sao từ bản chính.
"""
    ex = extract_text(page, "page.md")
    assert [o.text for o in ex.obligations] == [
        "Phòng Tư pháp có trách nhiệm hướng dẫn nghiệp vụ chứng thực.",
        "Ủy ban nhân dân cấp xã có trách nhiệm chứng thực bản sao từ bản chính."]


def test_a_described_name_stops_at_the_verbs_gui_and_chinh_ly():
    body = ("(2) Văn phòng đăng ký đất đai gửi thông báo cho người sử dụng đất trong 03 ngày.\n\n"
            "(3) Văn phòng đăng ký đất đai chỉnh lý, cập nhật biến động vào hồ sơ địa chính.")
    page = QA.format(body=body).replace("Thông tư 77/2023/TT-BTC", "Nghị định 88/2024/NĐ-CP")
    assert named_roles(page) == {("Văn phòng đăng ký đất đai", "lead"), ("Cục Quản lý Bảo hiểm", "lead")}


def test_a_proposal_to_assign_is_a_topic_not_an_assignment():
    page = """# Kết luận của Thủ tướng tại buổi làm việc với tỉnh Lai Châu

Văn phòng Chính phủ ban hành Thông báo 210/TB-VPCP kết luận của Thủ tướng Chính phủ.

Về kiến nghị giao Ủy ban nhân dân tỉnh Lai Châu là cơ quan có thẩm quyền đầu tư tuyến đường nối cửa khẩu, giao Bộ Tài chính chủ trì, xem xét theo quy định.
"""
    assert named_roles(page) == {("Bộ Tài chính", "lead")}
