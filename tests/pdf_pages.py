"""Invented PDFs for the reader tests: A4 pages with the margins of Nghị định 30/2020 and a Unicode serif."""
from __future__ import annotations

from pathlib import Path

import pytest

FONTS = Path("/usr/share/fonts/truetype/dejavu")
needs_font = pytest.mark.skipif(not (FONTS / "DejaVuSerif.ttf").exists(), reason="needs fonts-dejavu")


def a4(pdf):
    """``pdf`` (an ``fpdf.FPDF``, or a subclass that prints a running header) with the decree's
    margins, the serif font and a first page."""
    pdf.set_margins(30, 20, 15)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_font("serif", "", str(FONTS / "DejaVuSerif.ttf"))
    pdf.add_page()
    return pdf


def table(pdf, rows, **options) -> None:
    """Rows of cell texts printed as one fpdf2 table (``options``: its widths, borders, alignment)."""
    with pdf.table(first_row_as_headings=False, **options) as t:
        for row in rows:
            cells = t.row()
            for text in row:
                cells.cell(text)


def foot(pdf, receivers: str, signature: str, widths=(70, 85), right: float = 110, drop: float = 10) -> None:
    """The foot as offices print it: the Nơi nhận at the left margin and the signature block beside it,
    ``drop`` mm lower (centred against a longer list)."""
    y = pdf.get_y()
    pdf.set_font("serif", "", 10)
    pdf.set_xy(30, y)
    pdf.multi_cell(widths[0], 5, receivers, align="L")
    pdf.set_xy(right, y + drop)
    pdf.multi_cell(widths[1], 5, signature, align="C")
