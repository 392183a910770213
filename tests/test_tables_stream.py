"""``phoihop extract --engine local`` writes the tables as the documents come (``graph.tables.TableStream``):
part files appear before the end, no document's graph is kept, and the result is still exactly the
graph ``phoihop ingest`` stores, also when a citation stub joins a directive of another batch and when
a copy of a content comes batches later (the relationship ends moved in the part files already written).

The documents are invented for these tests (a health department's dispatch, a province's dispatches
citing it by number only, a school department's dispatch), not taken from the corpus.
"""
from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest

from phoihop.graph import schema as S
from phoihop.graph import tables as T
from phoihop.graph.embedded_store import EmbeddedStore
from phoihop.graph.loader import _Tally, _extract, expand_paths
from test_embedded_store import snapshot

HEADER = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"

def health(place: str) -> str:
    """A province's health department dispatch numbered 41/SYT-NV (the same number in two provinces)."""
    return HEADER.join([f"SỞ Y TẾ TỈNH {place.upper()}\n\n", f"""Số: 41/SYT-NV

{place}, ngày 05 tháng 4 năm 2023

CÔNG VĂN

V/v tăng cường phòng chống dịch sốt xuất huyết

Kính gửi: Trung tâm Kiểm soát bệnh tật tỉnh {place}.

Sở Y tế đề nghị Trung tâm Kiểm soát bệnh tật tỉnh chủ trì, phối hợp với Bệnh viện Đa khoa tỉnh tổ chức giám sát \
dịch sốt xuất huyết tại các xã biên giới, báo cáo kết quả về Sở Y tế trước ngày 30/6/2023.

Nơi nhận:
- Như trên;
- Lưu: VT, NV.

GIÁM ĐỐC

Hoàng Văn Bình
"""])


def province(number: str, day: int, cited: str = "Công văn số 41/SYT-NV") -> str:
    """A province dispatch citing the health department's without its issuer (a stub: "_|_|41/SYT-NV",
    or "_|2023|41/SYT-NV" with its date)."""
    return HEADER.join(["ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\n\n", f"""Số: {number}

Lạng Sơn, ngày {day} tháng 4 năm 2023

CÔNG VĂN

V/v triển khai giám sát dịch sốt xuất huyết

Kính gửi: Ủy ban nhân dân các huyện, thành phố.

Thực hiện {cited} về tăng cường phòng chống dịch sốt xuất huyết, Ủy ban nhân dân tỉnh yêu cầu \
Ủy ban nhân dân các huyện, thành phố chủ trì, phối hợp với Trung tâm Kiểm soát bệnh tật tỉnh Lạng Sơn tổ chức \
phun hóa chất diệt muỗi tại các ổ dịch, hoàn thành trước ngày 15/5/2023.

Nơi nhận:
- Như trên;
- Sở Y tế tỉnh Lạng Sơn;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Lương Trọng Quỳnh
"""])


SCHOOLS = HEADER.join(["SỞ GIÁO DỤC VÀ ĐÀO TẠO\nTỈNH LẠNG SƠN\n\n", """Số: 17/SGDĐT-CTTT

Lạng Sơn, ngày 10 tháng 4 năm 2023

CÔNG VĂN

V/v phòng chống dịch sốt xuất huyết trong trường học

Kính gửi: Phòng Giáo dục và Đào tạo các huyện, thành phố.

Sở Giáo dục và Đào tạo yêu cầu Phòng Giáo dục và Đào tạo các huyện, thành phố chủ trì, phối hợp với Trung tâm \
Kiểm soát bệnh tật tỉnh Lạng Sơn tổ chức vệ sinh môi trường trường học, hoàn thành trước ngày 30/4/2023.

Nơi nhận:
- Như trên;
- Lưu: VT.

GIÁM ĐỐC

Nông Thị Hoa
"""])

DATED = "Công văn số 41/SYT-NV ngày 05/4/2023"

# In ingest order, two documents a batch (BATCH = 2 below): a stub before the directive it names
# (absorbed a batch later), the directive, a stub after it whose document is copied two batches
# later, after a second directive of that number (so it settles where it names two: it stays a
# stub), and a copy of the school dispatch (its agencies taken again at the copy's place).
FILES = {"a1.txt": province("89/UBND-KGVX", 22), "a2.txt": SCHOOLS, "a3.txt": health("Lạng Sơn"),
         "a4.txt": province("88/UBND-KGVX", 20, DATED), "a5.txt": health("Cao Bằng"),
         "a6.txt": province("88/UBND-KGVX", 20, DATED), "a7.txt": SCHOOLS}
FULL = "so-y-te-tinh-lang-son|2023|41/SYT-NV"


@pytest.fixture
def docs(tmp_path) -> Path:
    d = tmp_path / "docs"
    d.mkdir()
    for name, text in FILES.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


def graphs(directory: Path):
    """The documents' graphs in ingest order, one at a time (nothing here keeps one)."""
    files, problems = expand_paths([directory])
    assert not problems
    for f in files:
        yield _checked(_extract(str(f)))


def _checked(result: tuple):
    assert result[2] is None, result[2]
    return result[1]


def test_the_stream_writes_parts_as_documents_come_and_keeps_no_graph(docs, tmp_path):
    out = tmp_path / "tables"
    stream = T.TableStream(out, part_rows=2)
    alive, n = [], 0
    for g in graphs(docs):   # (not enumerate: it keeps its last item)
        n += 1
        alive.extend(weakref.ref(x) for x in (g, *g.nodes, *g.rels))
        stream.add(g)
        del g
        gc.collect()
        assert [r for r in alive if r() is not None] == [], f"a graph is kept after {n} documents"
        assert T.parquet_files(out, "roles"), "no roles part written before the end"
        assert all(len(w.rows) < 2 and w.held_rows < 2 for w in stream.writers.values())
    assert len(T.parquet_files(out, "obligations")) == 2   # 4 of the 5 obligations, before the end
    counts = stream.finish()
    assert counts[T.NODE_TABLES[S.DOCUMENT]] == 5 and counts["obligations"] == 5


def test_streamed_tables_are_the_graph_of_ingest_across_batches(docs, tmp_path, monkeypatch):
    """Batches of two documents in both paths: the stub absorbed by the directive a batch later, and
    the stub of the document copied later, end at the directive in the part files written before it
    was known; that copied document resolves its stub at the copy's place, where two directives have
    the number (so the stub stays a node of its own)."""
    monkeypatch.setattr(T, "BATCH", 2)
    out = tmp_path / "tables"
    stream = T.TableStream(out, part_rows=3)
    for g in graphs(docs):
        stream.add(g)
    counts = stream.finish()
    citations = T.read(out, "citations").to_pylist()
    assert sorted(c["target"] for c in citations) == ["_|2023|41/SYT-NV", FULL]
    assert FULL in {r["directive"] for r in T.read(out, "issued").to_pylist()}
    assert [d["id"] for d in T.read(out, "directives").to_pylist() if d["stub"]] == ["_|2023|41/SYT-NV"]
    copied = [d for d in T.read(out, "documents").to_pylist() if len(d["paths"]) == 2]
    assert sorted(Path(d["path"]).name for d in copied) == ["a6.txt", "a7.txt"]
    assert counts["citations"] == 2 and sum(counts.values()) == sum(T.read(out, t).num_rows for t in T.TABLES)

    with EmbeddedStore(tmp_path / "ingested") as s:
        tally = _Tally(s, batch=2)
        for g in graphs(docs):
            tally.add(g)
        tally.finish()
        expected = s.counts(), snapshot(s)
    with EmbeddedStore(tmp_path / "loaded") as s:
        assert s.load_tables(out) == expected[0]
        assert snapshot(s) == expected[1]


def test_moved_ends_follow_the_alias_and_drop_a_citation_of_itself():
    row = {"source": "a|2023|1", "target": "_|_|1", "relation": "basis", "quote": None, "doc": "d"}
    assert T.moved("citations", dict(row), {"_|_|1": "x|2023|1"})["target"] == "x|2023|1"
    assert T.moved("citations", dict(row), {"_|_|1": "a|2023|1"}) is None
    roles = {"agency": "_|_|1", "obligation": "o", "role": "lead", "modality": None, "doc": "d"}
    assert T.moved("roles", dict(roles), {"_|_|1": "x"}) == roles   # no directive column
