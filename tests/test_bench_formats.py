"""The PDF rendering of bench/formats.py (the bench that scores the same documents as DOCX, PDF and
HTML) prints every table, however its rows are merged: fpdf2 cannot break one row, or a group of
rows merged by a cell, across two pages."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

formats = pytest.importorskip("formats")
pytest.importorskip("fpdf")


def _cell(text: str) -> list:
    return [formats.Para([formats.Run(text)])]


def _task(n: int) -> str:
    return (f"Nhiệm vụ {n}: rà soát, thống kê hồ sơ đất đai của các hộ gia đình trên địa bàn, lập danh sách "
            "các trường hợp chưa được cấp giấy chứng nhận quyền sử dụng đất, đề xuất biện pháp xử lý dứt điểm "
            "theo đúng quy định của pháp luật, báo cáo kết quả về cơ quan thường trực")[:290]


def test_rows_merged_by_a_lead_are_printed_even_when_their_tasks_fill_a_page(tmp_path):
    # tasks of one lead (merged down, as Word authors do), each just short of a page's share: four
    # of them merged are taller than a page
    rows = [[_cell("TT"), _cell("Nhiệm vụ"), _cell("Cơ quan chủ trì"), _cell("Thời gian")]]
    rows += [[_cell(str(n)), _cell(_task(n)), _cell("Sở Nông nghiệp và Môi trường"), _cell("Năm 2026")]
             for n in range(1, 9)]
    doc = formats.Document("x", [formats.Para([formats.Run("KẾ HOẠCH")]), formats.Table(rows)])
    out = tmp_path / "x.pdf"
    formats.to_pdf(doc, out, formats.running_header(doc))
    assert out.stat().st_size > 1000
    spans = formats.row_spans(rows)
    assert max(max(s) for s in spans) < 4          # no merge of four long rows
    short = [[_cell(str(n)), _cell(f"Nhiệm vụ {n}"), _cell("Sở Y tế"), _cell("2026")] for n in range(1, 5)]
    assert [s[2] for s in formats.row_spans(short)] == [4, 0, 0, 0]   # short rows still merge


def test_a_cell_of_many_short_lines_is_cut_into_parts_that_fit_a_page():
    cell = [formats.Para([formats.Run(f"- Đơn vị {n};")]) for n in range(200)]
    parts = formats._chunks(cell, 600)
    assert len(parts) > 5 and sum(len(p) for p in parts) == 200
