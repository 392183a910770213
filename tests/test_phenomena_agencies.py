"""Agency mentions and their canonical names (guide §1, §3, §8, §9), on invented examples.

Each test names one phenomenon of issue 13 that costs names: bodies not recognised,
recognised with the wrong boundary, or with the wrong jurisdiction.
"""
from __future__ import annotations

from ingest.agencies import Context, find_mentions
from ingest.textnorm import fold_keep

BINH_DINH = Context("Bình Định", "tỉnh", None, "huyện", "province")
CAN_THO = Context("Cần Thơ", "thành phố", None, "quận", "province")
CENTRAL = Context(level="central")


def names(text: str, ctx: Context) -> list[str]:
    return [m.agency.name for m in find_mentions(text, fold_keep(text), 0, len(text), ctx) if not m.generic]


def test_standing_bodies_boards_and_delegate_groups_of_a_council():
    text = ("Giao Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh, "
            "Tổ đại biểu Hội đồng nhân dân tỉnh giám sát; mời Thường trực Tỉnh ủy dự.")
    assert names(text, BINH_DINH) == [
        "Thường trực Hội đồng nhân dân tỉnh Bình Định",
        "Các Ban của Hội đồng nhân dân tỉnh Bình Định",
        "Các Tổ đại biểu Hội đồng nhân dân tỉnh Bình Định",
        "Thường trực Tỉnh ủy Bình Định",
    ]
