"""TCVN3 (ABC) and VNI-Windows: the tables, conversion both ways, and detection."""
from __future__ import annotations

import pytest

from phoihop.ingest.legacy_encodings import (
    convert_text, decode_legacy, encode_cp1258, detect_legacy, detect_legacy_text, encode_legacy,
    is_syllable, tcvn3_table, vni_table, vietnamese_score,
)

TEXT = ("Ủy ban nhân dân tỉnh Quảng Ngãi yêu cầu Sở Y tế chủ trì, phối hợp với Công an tỉnh, "
        "các sở, ngành liên quan triển khai thực hiện; báo cáo kết quả trước ngày 30/11/2025.\n"
        "Đề nghị Ban chỉ huy phòng thủ dân sự tỉnh khẩn trương kiểm tra, khắc phục hậu quả mưa lũ.")

LOWER = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
UPPER = LOWER.upper()


def test_tables_hold_the_published_letters():
    tcvn3 = tcvn3_table()
    # Checked by hand against the ABC (VN3) chart.
    assert (tcvn3[0xB8], tcvn3[0xB5], tcvn3[0xB9]) == ("á", "à", "ạ")
    assert (tcvn3[0xA1], tcvn3[0xA2], tcvn3[0xA7], tcvn3[0xAD], tcvn3[0xAE]) == ("Ă", "Â", "Đ", "ư", "đ")
    assert (tcvn3[0xD5], tcvn3[0xE8], tcvn3[0xF1], tcvn3[0xFE]) == ("ế", "ố", "ủ", "ỵ")
    assert len(tcvn3) == 74                       # 14 plain + 12 vowels x 5 tones
    assert not any(0x80 <= b < 0xA1 for b in tcvn3), "80-9F stay Windows punctuation"
    vni = vni_table()
    assert (vni["a\xf9"], vni["a\xf8"], vni["a\xef"]) == ("á", "à", "ạ")      # aù aø aï
    assert (vni["a\xe2"], vni["a\xea"], vni["a\xe1"]) == ("â", "ă", "ấ")      # aâ aê aá
    assert (vni["\xf4"], vni["\xf4\xef"], vni["\xf6"], vni["\xf1"], vni["\xd1"]) == ("ơ", "ợ", "ư", "đ", "Đ")
    assert (vni["U\xdb"], vni["\xee"], vni["\xf3"]) == ("Ủ", "ỵ", "ĩ")


def test_published_examples_convert():
    # Examples quoted by public converters, typed in the legacy fonts.
    assert convert_text("Xin chaøo caùc baïn", "vni") == "Xin chào các bạn"
    assert decode_legacy(b"B\xb8t X\xb8t", "tcvn3") == "Bát Xát"
    assert decode_legacy(b"M\xad\xeang Kh\xad\xacng", "tcvn3") == "Mường Khương"


def test_windows_punctuation_bytes_stay_punctuation():
    assert decode_legacy(b"\x93Quy\xd5t \xae\xdenh\x94 \x96 ng\xb5y", "tcvn3") == "“Quyết định” – ngày"
    assert decode_legacy("\x93Quyeát ñònh\x94".encode("latin-1"), "vni") == "“Quyết định”"


def test_every_letter_round_trips_through_vni():
    for letters in (LOWER, UPPER):
        assert decode_legacy(encode_legacy(letters, "vni"), "vni") == letters


def test_tcvn3_round_trips_lower_case_and_its_capitals():
    assert decode_legacy(encode_legacy(LOWER, "tcvn3"), "tcvn3") == LOWER
    assert decode_legacy(encode_legacy("ĂÂÊÔƠƯĐ", "tcvn3"), "tcvn3") == "ĂÂÊÔƠƯĐ"
    # Toned capitals have no code: the 'H' fonts reuse the lower-case one.
    assert decode_legacy(encode_legacy("ỦY BAN", "tcvn3"), "tcvn3") == "ủY BAN"


def test_a_whole_sentence_round_trips():
    assert decode_legacy(encode_legacy(TEXT, "vni"), "vni") == TEXT
    lowered = TEXT.replace("Ủy", "ủy")
    assert decode_legacy(encode_legacy(TEXT, "tcvn3"), "tcvn3") == lowered


def test_mixed_case_vni_marks_follow_the_base_letter():
    assert convert_text("Aù", "vni") == "Á"
    assert convert_text("UÛY BAN NHAÂN DAÂN", "vni") == "ỦY BAN NHÂN DÂN"


def test_unencodable_characters_are_refused():
    with pytest.raises(ValueError):
        encode_legacy("€", "tcvn3")


def test_detects_each_encoding_from_bytes():
    assert detect_legacy(encode_legacy(TEXT, "vni")) == "vni"
    assert detect_legacy(encode_legacy(TEXT, "tcvn3")) == "tcvn3"
    assert detect_legacy(TEXT.encode("utf-8")) is None
    assert detect_legacy(b"plain ASCII text") is None
    cp1258 = encode_cp1258(TEXT)
    assert detect_legacy(cp1258) is None, "Windows-1258 is not legacy mojibake"


def test_detects_mojibake_stored_as_unicode():
    # A VNI document pasted into a UTF-8 file keeps the look-alike characters.
    pasted = encode_legacy(TEXT, "vni").decode("cp1252")
    assert detect_legacy_text(pasted) == "vni"
    assert detect_legacy(pasted.encode("utf-8")) == "vni"
    tcvn3 = encode_legacy(TEXT, "tcvn3").decode("latin-1")
    assert detect_legacy_text(tcvn3) == "tcvn3"


def test_real_unicode_with_latin1_punctuation_is_left_alone():
    # '·' is ã in TCVN3 and 'á' is ỏ: real text full of them must not be "converted".
    text = "Phạm Văn Đồng (1955–1958) · Nguyễn Văn Trân (1958) · Nguyễn Duy Trinh · Lê Thanh Nghị · " * 5
    assert detect_legacy_text(text) is None


def test_syllables():
    for word in ("người", "Ủy", "quyết", "nghiêng", "khuỷu", "thuở", "gì", "hoà", "Đoàn", "tỉnh"):
        assert is_syllable(word), word
    for word in ("nhaân", "Së", "caùc", "tØnh", "ăa", "cầuu", "áà"):
        assert not is_syllable(word), word
    score, words = vietnamese_score(TEXT)
    assert score == 1.0 and words > 20
