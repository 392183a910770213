"""Conclusion notices, telegrams and central letters (issue 13, session 12; guide §2, §8): the speaker of a
conclusion (the Prime Minister or the Government in a notice of the Government Office or a telegram, the chairman
of a People's Committee in a notice of its office) gives the orders, it is not given them; the notice's closing
line names the notifier, not an executor. Invented examples (other provinces, other ministries), exact agencies
and roles asserted so that a regression shows; the real tasks of each notice are asserted to stay.
"""
from __future__ import annotations

from phoihop.ingest.extract import extract_text


def _header(issuer: str, number: str, place_date: str) -> str:
    """The header block of an official text: issuer, number, national motto, place and date."""
    return (f"{issuer}\n-------\nSố: {number}\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            f"---------------\n{place_date}\n\n")


def _facts(text: str) -> set[tuple[str, str]]:
    """(agency, role) of every named assignee of the text."""
    ex = extract_text(text, "t.md")
    return {(a.agency, a.role) for o in ex.obligations for a in o.assignees if not a.generic}


_PROVINCE_NOTICE = _header("VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH HÀ GIANG", "215/TB-VP",
                           "Hà Giang, ngày 12 tháng 5 năm 2024") + """THÔNG BÁO
Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại buổi làm việc về phòng, chống dịch sốt xuất huyết

Ngày 10 tháng 5 năm 2024, Chủ tịch Ủy ban nhân dân tỉnh chủ trì buổi làm việc với Sở Y tế. Sau khi nghe Sở Y \
tế báo cáo, Chủ tịch Ủy ban nhân dân tỉnh kết luận như sau:

1. Chủ tịch Ủy ban nhân dân tỉnh đánh giá cao sự cố gắng của ngành y tế trong thời gian qua.

2. Ủy ban nhân dân tỉnh yêu cầu Sở Y tế chủ trì, phối hợp với Sở Tài chính rà soát kinh phí phòng, chống \
dịch, báo cáo trước ngày 30/5/2024.

Văn phòng Ủy ban nhân dân tỉnh thông báo để Sở Y tế, Sở Tài chính biết, thực hiện./.

Nơi nhận:
- Sở Y tế;
- Sở Tài chính;
- Lưu: VT.

KT. CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG
Nguyễn Văn A
"""


def test_the_chairman_a_province_office_notice_speaks_for_is_given_no_task():
    # the office of the People's Committee reports its chairman's conclusion (data/voices.tsv "Văn phòng *"): the
    # chairman who chairs the meeting, praises the sector and asks the department gives the orders; the department
    # asked and its partner keep their roles (guide §2), and the notice's closing line names them as executors
    facts = _facts(_PROVINCE_NOTICE)
    assert ("Ủy ban nhân dân tỉnh Hà Giang", "lead") not in facts
    assert ("Văn phòng Ủy ban nhân dân tỉnh Hà Giang", "lead") not in facts
    assert facts == {("Sở Y tế tỉnh Hà Giang", "lead"), ("Sở Tài chính tỉnh Hà Giang", "support"),
                     ("Sở Tài chính tỉnh Hà Giang", "lead")}


_TELEGRAM = _header("THỦ TƯỚNG CHÍNH PHỦ", "41/CĐ-TTg",
                    "Hà Nội, ngày 3 tháng 4 năm 2024") + """CÔNG ĐIỆN
Về việc bảo đảm cung ứng xăng dầu

THỦ TƯỚNG CHÍNH PHỦ điện:
- Bộ trưởng các Bộ: Công Thương, Tài chính;
- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương.

Thời gian qua, Chính phủ, Thủ tướng Chính phủ chủ động chỉ đạo sát sao việc cung ứng xăng dầu; các địa phương \
đã nỗ lực rất cao.

Chính phủ yêu cầu Bộ Công Thương chủ trì, phối hợp với Bộ Tài chính bảo đảm đủ nguồn cung xăng dầu cho thị \
trường trong nước.

Văn phòng Chính phủ theo dõi, đôn đốc việc thực hiện Công điện này./.

Nơi nhận:
- Như trên;
- Lưu: VT.

THỦ TƯỚNG
Nguyễn Văn B
"""


def test_the_government_a_prime_ministers_telegram_speaks_for_is_given_no_task():
    # "Chính phủ, Thủ tướng Chính phủ chủ động chỉ đạo …" tells what the speakers did, "Chính phủ yêu cầu Bộ X …"
    # is the telegram's order (data/voices.tsv): neither the Government nor the Prime Minister leads, nor does the
    # narrative clause after them inherit them; the Government Office the telegram tasks stays a lead
    facts = _facts(_TELEGRAM)
    assert facts == {("Bộ Công Thương", "lead"), ("Bộ Tài chính", "support"), ("Văn phòng Chính phủ", "lead")}


_HEADLESS_NOTICE = """**THÔNG BÁO**
KẾT LUẬN CỦA THỦ TƯỚNG CHÍNH PHỦ TẠI CUỘC HỌP VỀ PHÒNG, CHỐNG HẠN HÁN

Ngày 5 tháng 3 năm 2024, Thủ tướng Chính phủ chủ trì cuộc họp về phòng, chống hạn hán tại các tỉnh Tây \
Nguyên. Thủ tướng Chính phủ kết luận như sau:

Bộ Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với các địa phương rà soát nguồn nước, đặc biệt thực \
hiện nghiêm các chỉ đạo của Ban Bí thư, Chính phủ về phòng, chống hạn hán.

Văn phòng Chính phủ thông báo để Bộ Nông nghiệp và Phát triển nông thôn và các cơ quan liên quan biết, thực \
hiện./.

Nơi nhận:
- Thủ tướng, các Phó Thủ tướng Chính phủ;
- Bộ Nông nghiệp và Phát triển nông thôn;
- Lưu: VT.

KT. BỘ TRƯỞNG, CHỦ NHIỆM
PHÓ CHỦ NHIỆM
Trần Văn C
"""


def test_a_headless_conclusion_notice_tasks_neither_its_chair_nor_the_owners_of_the_directions():
    # the Prime Minister chairs the meeting ("chủ trì cuộc họp", verbs.tsv 'meeting': no task he presides over);
    # "đặc biệt thực hiện" folds like the closing "biết, thực hiện" but is none: the Party secretariat and the
    # Government whose directions are followed are no executors
    facts = _facts(_HEADLESS_NOTICE)
    assert facts == {("Bộ Nông nghiệp và Phát triển nông thôn", "lead")}


def test_the_notifier_of_a_closing_line_is_no_executor():
    # the same notice under the committee's own header: "Văn phòng UBND tỉnh thông báo để Sở X, Sở Y biết, thực
    # hiện" makes Sở X and Sở Y executors (guide §8), not the office that notifies (no voice of the committee)
    notice = _PROVINCE_NOTICE.replace("VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH HÀ GIANG", "ỦY BAN NHÂN DÂN TỈNH HÀ GIANG")
    notice = notice.replace("Số: 215/TB-VP", "Số: 215/TB-UBND")
    facts = _facts(notice)
    assert ("Văn phòng Ủy ban nhân dân tỉnh Hà Giang", "lead") not in facts
    assert facts == {("Sở Y tế tỉnh Hà Giang", "lead"), ("Sở Tài chính tỉnh Hà Giang", "support"),
                     ("Sở Tài chính tỉnh Hà Giang", "lead")}


_LETTER = _header("BỘ TÀI CHÍNH", "3120/BTC-NSNN",
                  "Hà Nội, ngày 20 tháng 6 năm 2024") + """Kính gửi: Các Bộ, cơ quan trung ương; Ủy ban nhân dân các \
tỉnh, thành phố trực thuộc trung ương.

Bộ Tài chính đề nghị Thủ trưởng cơ quan ngang bộ, cơ quan trực thuộc Chính phủ, Ủy ban nhân dân các tỉnh, \
thành phố trực thuộc trung ương rà soát dự toán năm 2024, gửi Bộ Tài chính trước ngày 15/7/2024.

Kế hoạch nêu rõ nhiệm vụ của Đảng ủy Chính phủ; Ban Tuyên giáo Trung ương.

Nơi nhận:
- Như trên;
- Lưu: VT.

KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Lê Văn D
"""


def test_the_owner_of_the_bodies_asked_is_not_asked_and_the_list_goes_on():
    # "đề nghị Thủ trưởng cơ quan trực thuộc Chính phủ, UBND các tỉnh …": the Government owns the agencies asked
    # (guide §8: a body named only as the owner is no assignee); the provinces after it are still asked; a marker
    # that ends in "của" ("nêu rõ nhiệm vụ của X") names the body itself
    facts = _facts(_LETTER)
    assert ("Chính phủ", "lead") not in facts
    assert facts == {("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", "lead"),
                     ("Đảng ủy Chính phủ", "lead"), ("Ban Tuyên giáo Trung ương", "lead")}


_TABLE_NOTICE = _header("VĂN PHÒNG CHÍNH PHỦ", "402/TB-VPCP",
                        "Hà Nội, ngày 8 tháng 8 năm 2024") + """THÔNG BÁO
Kết luận của Thủ tướng Chính phủ tại phiên họp về chuyển đổi số

PHỤ LỤC: NHIỆM VỤ

| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn |
|---|---|---|---|---|
| 1 | Kết nối cơ sở dữ liệu hộ tịch | Bộ Tư pháp | Bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ; Bộ Công an \
| Quý IV |
| 2 | Số hóa hồ sơ đất đai | Cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các tỉnh, thành \
phố trực thuộc trung ương | Bộ Tài nguyên và Môi trường | Năm 2025 |
"""


def test_the_owner_named_in_a_task_tables_cell_is_none_of_its_bodies():
    # "cơ quan thuộc Chính phủ" in a lead or partner cell names agencies by their owner (guide §8: a body named
    # only as the owner is no assignee); the bodies the cells name keep their column's role (guide §9)
    facts = _facts(_TABLE_NOTICE)
    assert ("Chính phủ", "lead") not in facts and ("Chính phủ", "support") not in facts
    assert facts == {("Bộ Tư pháp", "lead"), ("Bộ Công an", "support"),
                     ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", "lead"),
                     ("Bộ Tài nguyên và Môi trường", "support")}


_ATTENDANCE_NOTICE = _header("VĂN PHÒNG CHÍNH PHỦ", "518/TB-VPCP",
                             "Hà Nội, ngày 15 tháng 10 năm 2024") + """THÔNG BÁO
Kết luận của Phó Thủ tướng Chính phủ tại cuộc họp Ban Chỉ đạo quốc gia về phòng, chống dịch bệnh

Ngày 10 tháng 10 năm 2024, Phó Thủ tướng Chính phủ chủ trì cuộc họp Ban Chỉ đạo. Tham dự có lãnh đạo các Bộ,
cơ quan là thành viên Ban Chỉ đạo:
Công an, Xây dựng, Y tế, Tài chính, Ngân hàng Nhà nước Việt Nam, Văn phòng Chính phủ; các Tập đoàn:
Bưu chính Viễn thông Việt Nam, Điện lực Việt Nam.

Sau khi nghe Bộ Y tế báo cáo, Phó Thủ tướng Chính phủ kết luận như sau:

I. ĐÁNH GIÁ CHUNG

Thời gian qua, các bộ, ngành đã tích cực triển khai các biện pháp phòng, chống dịch.

II. NHIỆM VỤ THỜI GIAN TỚI

Bộ Y tế chủ trì, phối hợp với Bộ Tài chính bảo đảm đủ thuốc, vật tư y tế phòng, chống dịch.
"""


def test_a_conclusions_list_of_those_present_gives_no_task():
    # the members present are listed by their fields after a colon and a line break ("Công an, Xây dựng, …"): "Công
    # an" followed by ", Xây dựng" is no subject of a task (a capitalised word after the comma goes on the names),
    # so it neither leads nor labels the assessment that follows; the conclusion's task stays (guide §2)
    facts = _facts(_ATTENDANCE_NOTICE)
    assert facts == {("Bộ Y tế", "lead"), ("Bộ Tài chính", "support")}
