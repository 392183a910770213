"""Names that stop where the text goes on with a verb (guide §3: the body's name as printed)."""
from __future__ import annotations

from phoihop.ingest.extract import extract_text

DECISION = ("BỘ NỘI VỤ\nSố: 215/QĐ-BNV\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Hà Nội, ngày 4 tháng 6 năm 2025\n\nQUYẾT ĐỊNH\nVề việc ban hành tiêu chuẩn công chức văn thư\n\n"
            "Điều 1. Cục Văn thư và Lưu trữ nhà nước chủ trì, phối hợp với Vụ Tổ chức cán bộ đưa ra các tiêu chuẩn "
            "đối với người làm công tác văn thư của Bộ.\n")


def test_a_unit_name_stops_before_dua_ra():
    ex = extract_text(DECISION, "x.txt")
    roles = {(a["agency"], a["role"]) for o in ex.to_json()["obligations"] for a in o["assignees"]}
    assert roles == {("Cục Văn thư và Lưu trữ nhà nước", "lead"), ("Vụ Tổ chức cán bộ Bộ Nội vụ", "support")}
