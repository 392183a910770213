"""Recall and precision on archive documents nobody tuned to (issue 13, session 9): constructions counted on
archive copies outside the gold, each written here on a short invented example (other provinces, other
bodies), with the exact agencies and roles asserted so that a regression shows.
"""
from __future__ import annotations

from phoihop.ingest.extract import extract_text

DECISION = """ỦY BAN NHÂN DÂN
TỈNH {upper}
Số: 415/QĐ-UBND
{name}, ngày 12 tháng 3 năm 2025
QUYẾT ĐỊNH
Về việc phê duyệt quy trình nội bộ giải quyết thủ tục hành chính
{body}
Nơi nhận:
- Như Điều 3;
- Lưu: VT.
CHỦ TỊCH
{attachment}
"""


def _decision(body: str, attachment: str = "", name: str = "Phú Yên"):
    return extract_text(DECISION.format(upper=name.upper(), name=name, body=body, attachment=attachment), "t.md")


def _roles(ex) -> list[list[tuple[str, str]]]:
    return [[(a.agency, a.role) for a in o.assignees] for o in ex.obligations]


# ---------------------------------------------------------------- procedure steps (precision)

_ARTICLES = """Điều 1. Phê duyệt kèm theo Quyết định này quy trình nội bộ giải quyết thủ tục hành chính.
Điều 2. Giao Sở Xây dựng chủ trì, phối hợp với Sở Khoa học và Công nghệ thiết lập quy trình điện tử.
"""


def _steps_table(header: str) -> str:
    return ("QUY TRÌNH NỘI BỘ\n(Ban hành kèm theo Quyết định số 415/QĐ-UBND)\n\n"
            f"| {header} | Nội dung công việc | Trách nhiệm thực hiện | Thời gian thực hiện |\n"
            "|---|---|---|---|\n"
            "| Bước 1 | Tiếp nhận, kiểm tra hồ sơ | Trung tâm Phục vụ hành chính công tỉnh | 0,5 ngày |\n"
            "| Bước 2 | Thẩm định hồ sơ | Phòng Quản lý nhà ở | 3 ngày |\n"
            "| Bước 3 | Ký duyệt kết quả | Văn phòng Ủy ban nhân dân tỉnh | 1 ngày |\n")


def test_steps_of_an_internal_procedure_are_no_tasks():
    # "Các bước | Nội dung công việc | Trách nhiệm thực hiện | Thời gian": who handles a citizen's file at
    # each step is no task of the decision (as the procedure lists of gold-archive are annotated); the
    # articles' tasks stay
    for header in ("Các bước", "Thứ tự công việc", "Bước thực hiện"):
        ex = _decision(_ARTICLES, _steps_table(header))
        assert _roles(ex) == [[("Sở Xây dựng tỉnh Phú Yên", "lead"),
                               ("Sở Khoa học và Công nghệ tỉnh Phú Yên", "support")]], header


def test_a_plan_task_table_still_gives_tasks():
    # the same shape with a task column ("Nhiệm vụ") and no step column is a plan's task table (guide §9)
    table = ("KẾ HOẠCH\n(Ban hành kèm theo Quyết định số 415/QĐ-UBND)\n\n"
             "| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian thực hiện |\n|---|---|---|---|\n"
             "| 1 | Rà soát quỹ đất | Sở Nông nghiệp và Môi trường | Quý II |\n")
    ex = _decision("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện.\n", table)
    assert [("Sở Nông nghiệp và Môi trường tỉnh Phú Yên", "lead")] in _roles(ex)


# ---------------------------------------------------------------- canonical names of collectives

def test_wards_first_collective_is_named_in_canonical_order():
    # "UBND các phường, xã" (and "Công an phường, xã" without "các") is the communes' collective, named in the
    # canonical order "các xã, phường" as the copies of a Nơi nhận already are (guide §3, §9)
    ex = _decision("Điều 1. Giao Ủy ban nhân dân các phường, xã chủ trì, phối hợp với Công an phường, xã "
                   "rà soát hồ sơ.\n", name="Lạng Sơn")
    assert _roles(ex) == [[("Ủy ban nhân dân các xã, phường tỉnh Lạng Sơn", "lead"),
                           ("Công an các xã, phường tỉnh Lạng Sơn", "support")]]


def test_longer_level_lists_keep_the_order_printed():
    ex = _decision("Điều 1. Giao Ủy ban nhân dân các phường, xã, đặc khu rà soát hồ sơ.\n", name="Khánh Hòa")
    assert _roles(ex) == [[("Ủy ban nhân dân các phường, xã, đặc khu tỉnh Khánh Hòa", "lead")]]


# ---------------------------------------------------------------- central formulas

CENTRAL = """THỦ TƯỚNG CHÍNH PHỦ
Số: 41/CT-TTg
Hà Nội, ngày 12 tháng 9 năm 2025
CHỈ THỊ
Về việc phòng, chống rét cho cây trồng vụ đông
{body}
Nơi nhận:
- Như trên;
- Lưu: VT.
THỦ TƯỚNG
"""


def _central(body: str):
    return extract_text(CENTRAL.format(body=body), "t.md")


def _named(ex) -> list[list[tuple[str, str]]]:
    return [[(a.agency, a.role) for a in o.assignees if not a.agency.lower().startswith("các bộ")]
            for o in ex.obligations]


def test_every_central_body_formula_does_not_hide_the_provinces():
    # "các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ" is one generic phrase (its "Chính phủ" is no body):
    # the People's Committees listed after it still share the task or the partnership (guide §1, §2)
    ex = _central("1. Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ và Ủy ban nhân dân các tỉnh, thành phố "
                  "trực thuộc trung ương khẩn trương rà soát.\n\n"
                  "2. Bộ Nông nghiệp và Môi trường chủ trì, phối hợp với các bộ, cơ quan ngang bộ, cơ quan thuộc "
                  "Chính phủ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương hướng dẫn gieo trồng.\n")
    ubnd = "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"
    assert _named(ex) == [[(ubnd, "lead")], [("Bộ Nông nghiệp và Môi trường", "lead"), (ubnd, "support")]]


def test_a_list_ending_in_the_press_class_keeps_its_bodies():
    # "… và các cơ quan báo chí, phát thanh, truyền hình khác" closes the list of a task block label
    ex = _central("1. Tuyên truyền về phòng, chống rét.\n\n- Cơ quan thực hiện: Bộ Nông nghiệp và Môi trường, "
                  "Đài Tiếng nói Việt Nam và các cơ quan báo chí, phát thanh, truyền hình khác.\n")
    named = [[x for x in o if not x[0].startswith("các cơ quan")] for o in _named(ex)]
    assert named == [[("Bộ Nông nghiệp và Môi trường", "lead"), ("Đài Tiếng nói Việt Nam", "lead")]]


def test_a_subject_list_goes_on_past_a_described_class():
    # "Các bộ, ngành, địa phương và Tập đoàn X khẩn trương …": the words describing the generic class do not end
    # the list of subjects; the named body after them shares the task (guide §2), as partners already did
    ex = _central("1. Các bộ, ngành, địa phương và Tập đoàn Điện lực Việt Nam khẩn trương rà soát nguồn điện.\n")
    assert _named(ex) == [[("Tập đoàn Điện lực Việt Nam", "lead")]]
    ex = _decision("Điều 1. Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội, Liên đoàn Lao "
                   "động tỉnh tuyên truyền, vận động.\n", name="Cà Mau")
    named = [[x for x in o if not x[0].startswith("các ")] for o in _roles(ex)]
    assert named == [[("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Cà Mau", "lead"), ("Liên đoàn Lao động tỉnh Cà Mau", "lead")]]


def test_a_list_goes_on_past_the_owner_of_a_generic_class():
    # "các cơ quan trực thuộc Chính phủ" names its owner inside the class: the owner is no member, and the body
    # listed after it still shares the role (guide §2)
    ex = _central("1. Yêu cầu các cơ quan trực thuộc Chính phủ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung "
                  "ương rà soát.\n\n2. Bộ Công an chủ trì, phối hợp với các cơ quan trực thuộc Chính phủ và Bộ Tư pháp "
                  "rà soát.\n")
    named = [[x for x in o if not x[0].startswith("các cơ quan")] for o in _named(ex)]
    assert named == [[("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", "lead")],
                     [("Bộ Công an", "lead"), ("Bộ Tư pháp", "support")]]
