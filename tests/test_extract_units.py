"""The extractor's stages, on small examples of our own (other provinces, other topics)."""
from __future__ import annotations

import pytest

from phoihop.ingest.abbreviations import expand
from phoihop.ingest.agencies import Context, find_mentions
from phoihop.ingest.dates import parse_date, parse_deadline
from phoihop.ingest.numbers import find_numbers, issuer_from_symbol, type_from_symbol
from phoihop.ingest.structure import parse, split_units
from phoihop.ingest.textnorm import fold, fold_keep, modern_tones

QN = Context("Quảng Ngãi", "tỉnh", None, "huyện", "province")
HOA_VANG = Context("Đà Nẵng", "thành phố", "Hòa Vang", "huyện", "district")
CENTRAL = Context(level="central")


def names(text: str, ctx: Context) -> list[str]:
    return [m.agency.name for m in find_mentions(text, fold_keep(text), 0, len(text), ctx) if not m.generic]


# --- text folding ---------------------------------------------------------------------------

def test_folding_unifies_tone_placement_case_and_punctuation():
    assert fold("Sở LĐ-TB&XH") == "so ld tb xh"
    assert fold("hoà thuỷ") == fold("hòa thủy")
    assert len(fold_keep("Ủy ban, Hòa")) == len("Ủy ban, Hòa")     # spans stay valid
    assert modern_tones("Uỷ ban nhân dân, hoà giải") == "Ủy ban nhân dân, hòa giải"


# --- numbers, types, dates ------------------------------------------------------------------

@pytest.mark.parametrize("text,number,type_", [
    ("Số: 1205/UBND-KGVX", "1205/UBND-KGVX", "Công văn"),
    ("Kế hoạch số 88/KH-UBND ngày", "88/KH-UBND", "Kế hoạch"),
    ("Công điện số 09/CĐ-UBND", "09/CĐ-UBND", "Công điện"),
    ("Thông tư 12/2021/TT-BYT", "12/2021/TT-BYT", "Thông tư"),
    ("Nghị quyết 57-NQ/TW của Bộ Chính trị", "57-NQ/TW", "Nghị quyết"),
    ("văn bản 4410/VP-NC", "4410/VP-NC", "Công văn"),
    ("Quyết định số 1519/QĐ-UBND", "1519/QĐ-UBND", "Quyết định"),
    ("Luật số 47/2024/QH15", "47/2024/QH15", "Luật"),
    ("Tờ trình số 301/TTr-SYT", "301/TTr-SYT", "Tờ trình"),
])
def test_number_shapes_and_their_types(text, number, type_):
    found = [n for _, _, n in find_numbers(text)]
    assert found == [number]
    assert type_from_symbol(number) == type_


def test_dates_and_years_are_not_numbers():
    assert list(find_numbers("ngày 12/12/2019, giai đoạn 2021-2025, 100%")) == []


def test_issuer_from_symbol_for_central_bodies():
    assert issuer_from_symbol("15/2025/NĐ-CP") == "Chính phủ"
    assert issuer_from_symbol("22/CT-TTg") == "Thủ tướng Chính phủ"
    assert issuer_from_symbol("345/UBND-YT") is None


@pytest.mark.parametrize("text,iso", [
    ("Quảng Ngãi, ngày 05 tháng 3 năm 2025", "2025-03-05"),
    ("ngày 5/3/2025", "2025-03-05"),
    ("ngày 05-03-2025", "2025-03-05"),
])
def test_dates(text, iso):
    assert parse_date(fold_keep(text)) == iso


@pytest.mark.parametrize("text,deadline", [
    ("hoàn thành trước ngày 30/6/2025", "2025-06-30"),
    ("báo cáo trước tháng 9/2025", "2025-09"),
    ("thực hiện đến hết ngày 31 tháng 12 năm 2025", "2025-12-31"),
    ("thực hiện thường xuyên", None),
])
def test_deadlines(text, deadline):
    assert parse_deadline(fold_keep(text)) == deadline


# --- agencies --------------------------------------------------------------------------------

def test_departments_take_the_province_of_the_text():
    assert names("Giao Sở Y tế chủ trì, phối hợp với Sở GD&ĐT", QN) == [
        "Sở Y tế tỉnh Quảng Ngãi", "Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi"]


def test_abbreviated_fields_are_expanded_to_official_names():
    assert names("Sở NN&PTNT, Sở TN&MT, Sở VH-TT&DL, Sở LĐ-TB&XH", QN) == [
        "Sở Nông nghiệp và Phát triển nông thôn tỉnh Quảng Ngãi",
        "Sở Tài nguyên và Môi trường tỉnh Quảng Ngãi",
        "Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Ngãi",
        "Sở Lao động - Thương binh và Xã hội tỉnh Quảng Ngãi"]


def test_level_word_without_place_is_the_issuers_own_unit():
    assert names("Công an Huyện và Phòng Y tế", HOA_VANG) == ["Công an huyện Hòa Vang", "Phòng Y tế huyện Hòa Vang"]
    assert names("UBND Thành phố", HOA_VANG) == ["Ủy ban nhân dân thành phố Đà Nẵng"]


def test_enumerations_give_one_body_each():
    assert names("Giao UBND huyện Bình Sơn, huyện Sơn Tịnh, thị xã Đức Phổ khẩn trương", QN) == [
        "Ủy ban nhân dân huyện Bình Sơn", "Ủy ban nhân dân huyện Sơn Tịnh", "Ủy ban nhân dân thị xã Đức Phổ"]
    assert names("UBND các huyện: Bình Sơn, Sơn Tịnh", QN) == [
        "Ủy ban nhân dân huyện Bình Sơn", "Ủy ban nhân dân huyện Sơn Tịnh"]
    assert names("Các Bộ: Y tế, Tài chính", CENTRAL) == ["Bộ Y tế", "Bộ Tài chính"]


def test_collectives_are_one_body_qualified_by_jurisdiction():
    assert names("UBND các xã, thị trấn", HOA_VANG) == ["Ủy ban nhân dân các xã, thị trấn huyện Hòa Vang"]
    assert names("Công an các xã", HOA_VANG) == ["Công an các xã huyện Hòa Vang"]
    assert names("UBND các huyện, thị xã, thành phố", QN) == [
        "Ủy ban nhân dân các huyện, thị xã, thành phố tỉnh Quảng Ngãi"]


def test_generic_phrases_are_marked_generic():
    ms = find_mentions("các sở, ban, ngành liên quan", fold_keep("các sở, ban, ngành liên quan"), 0, 28, QN)
    assert ms and all(m.generic for m in ms)


def test_open_names_stop_at_the_task():
    assert names("Trung tâm Kiểm soát bệnh tật tỉnh phối hợp với Bệnh viện Đa khoa tỉnh", QN) == [
        "Trung tâm Kiểm soát bệnh tật tỉnh Quảng Ngãi", "Bệnh viện Đa khoa tỉnh Quảng Ngãi"]
    assert names("Yêu cầu Công ty TNHH MTV Cấp thoát nước Dung Quất khẩn trương", QN) == [
        "Công ty trách nhiệm hữu hạn một thành viên Cấp thoát nước Dung Quất"]


def test_diacritics_tell_bodies_from_common_words_and_names():
    assert names("Vũ Văn Khiên sinh năm 1924; Bảo đảm an toàn; trường hợp khác", QN) == []
    assert names("Vụ Pháp chế", CENTRAL) == ["Vụ Pháp chế"]


def test_units_named_with_their_parent():
    assert names("Phòng Nghiệp vụ Dược - Sở Y tế Quảng Ngãi", QN) == [
        "Phòng Nghiệp vụ Dược Sở Y tế tỉnh Quảng Ngãi"]


def test_place_shared_by_a_list():
    assert names("Tỉnh ủy, HĐND, UBND tỉnh Quảng Ngãi", CENTRAL) == [
        "Tỉnh ủy Quảng Ngãi", "Hội đồng nhân dân tỉnh Quảng Ngãi", "Ủy ban nhân dân tỉnh Quảng Ngãi"]


def test_abbreviation_expansion_for_lookups():
    assert expand("Sở LĐTBXH") == "Sở Lao động - Thương binh và Xã hội"
    assert expand("UBND TP Đà Nẵng") == "Ủy ban nhân dân thành phố Đà Nẵng"


# --- structure -------------------------------------------------------------------------------

def test_every_heading_shape():
    text = "I. Mục tiêu\n1. Sở Y tế\n2.4. Nội dung\na) Việc cụ thể\n## 3. Công an tỉnh\n**4. Sở Tài chính**\n- Tổ chức\n+ Phối hợp\nĐiều 2. Tổ chức thực hiện\n"
    kinds = [(u.kind, u.level) for u in split_units(text, 0, len(text))]
    assert kinds == [("heading", 1), ("heading", 2), ("heading", 3), ("heading", 4), ("heading", 2),
                     ("heading", 2), ("bullet", 0), ("bullet", 0), ("heading", 1)]


def test_official_header_blocks():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: 1205/UBND-KGVX\n\nQuảng Ngãi, ngày 05 tháng 3 năm 2025\n\nV/v phòng, chống sốt xuất huyết\n\n"
            "Kính gửi:\n- Sở Y tế;\n- UBND các huyện, thị xã, thành phố.\n\nNội dung văn bản.\n\n"
            "Nơi nhận:\n- Như trên;\n- Bộ Y tế;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n")
    st = parse(text)
    assert st.official
    assert "V/v" in text[st.header.start:st.header.end]
    assert text[st.kinh_gui.start:st.kinh_gui.end].rstrip().endswith("thành phố.")
    assert "Bộ Y tế" in text[st.noi_nhan.start:st.noi_nhan.end]
    assert text[st.signature.start:].startswith("KT.")


def test_hard_wrapped_lines_are_joined_into_one_unit():
    para = ("Ủy ban nhân dân tỉnh yêu cầu Sở Y tế chủ trì, phối hợp với\n"
            "các cơ quan liên quan tổ chức kiểm tra an toàn thực phẩm tại\n"
            "các chợ đầu mối và siêu thị trên địa bàn tỉnh trong dịp Tết\n")
    text = "\n\n".join([para] * 4)
    units = split_units(text, 0, len(text))
    assert len(units) == 4
