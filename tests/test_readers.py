"""Reading documents from disk: every text encoding, HTML, DOCX, PDF, and every way a file can be unreadable."""
from __future__ import annotations

import codecs
import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest

from phoihop.ingest.legacy_encodings import encode_cp1258, encode_legacy
from phoihop.ingest.readers import Limits, ReadResult, read_document
from phoihop.ingest.records import InputError

TEXT = ("Ủy ban nhân dân tỉnh Quảng Ngãi yêu cầu Sở Y tế chủ trì, phối hợp với Công an tỉnh "
        "và các sở, ngành liên quan triển khai thực hiện.\r\n"
        "Đề nghị Ban chỉ huy phòng thủ dân sự tỉnh báo cáo kết quả trước ngày 30/11/2025.\r\n\r\n"
        "- Sở Giao thông vận tải khắc phục sạt lở;\r\n- Ủy ban nhân dân các huyện sơ tán dân.\n")
READ_BACK = TEXT.replace("\r\n", "\n")


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def problem(path: Path) -> str:
    """The one-line message read_document gives for an unreadable file."""
    with pytest.raises(InputError) as caught:
        read_document(path)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(f"{path}: ")
    return caught.value.problem


# --- Text in every encoding ----------------------------------------------------

@pytest.mark.parametrize("encoding, data", [
    ("utf-8", TEXT.encode("utf-8")),
    ("utf-8", codecs.BOM_UTF8 + TEXT.encode("utf-8")),
    ("utf-16-le", codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le")),
    ("utf-16-be", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be")),
    ("windows-1258", encode_cp1258(TEXT)),
    ("vni", encode_legacy(TEXT, "vni")),
])
def test_text_reads_back_equal_in_every_encoding(tmp_path, encoding, data):
    result = read_document(write(tmp_path, "doc.txt", data))
    assert result == ReadResult(READ_BACK, "txt", encoding=encoding)


def test_tcvn3_reads_back_with_toned_capitals_in_lower_case(tmp_path):
    result = read_document(write(tmp_path, "doc.txt", encode_legacy(TEXT, "tcvn3")))
    assert result.encoding == "tcvn3"
    assert result.text == READ_BACK.replace("Ủy", "ủy")


def test_utf16_without_bom(tmp_path):
    result = read_document(write(tmp_path, "u.txt", TEXT.encode("utf-16-le")))
    assert (result.text, result.encoding) == (READ_BACK, "utf-16-le")


def test_cp1258_combining_tones_become_nfc(tmp_path):
    data = encode_cp1258("Quảng Ngãi")
    assert b"\xde" in data, "Windows-1258 writes ả as a + combining hook"
    assert read_document(write(tmp_path, "q.txt", data)).text == "Quảng Ngãi"


def test_vni_mojibake_saved_as_utf8_is_converted(tmp_path):
    pasted = encode_legacy(TEXT, "vni").decode("cp1252").encode("utf-8")
    result = read_document(write(tmp_path, "pasted.txt", pasted))
    assert result.text == READ_BACK
    assert result.encoding == "vni (stored as utf-8)"


def test_markdown_keeps_its_format_and_lines(tmp_path):
    result = read_document(write(tmp_path, "note.md", "# Công văn\n\n**Sở Y tế**\nchủ trì.\n".encode()))
    assert (result.format, result.text) == ("md", "# Công văn\n\n**Sở Y tế**\nchủ trì.\n")


def test_decomposed_utf8_is_normalised_to_nfc(tmp_path):
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Quảng Ngãi")
    assert read_document(write(tmp_path, "d.txt", nfd.encode())).text == "Quảng Ngãi"


def test_a_50_mb_text_file_reads_in_seconds(tmp_path):
    """Reading is linear; a file this large is refused by default (issue 15: ``--max-mb``)."""
    line = ("Ủy ban nhân dân tỉnh Quảng Ngãi yêu cầu Sở Y tế chủ trì, phối hợp thực hiện. " * 4 + "\r\n").encode()
    path = write(tmp_path, "big.txt", line * (50_000_000 // len(line)))
    start = time.perf_counter()
    result = read_document(path, Limits.megabytes(64))    # over the default limit (32 MB): raised here
    assert time.perf_counter() - start < 10
    assert result.encoding == "utf-8" and "\r" not in result.text
    assert result.text.count("\n") == 50_000_000 // len(line)


@pytest.mark.parametrize("name", ['quote"d.txt', "back\\slash.txt", "with spaces and 'single'.txt", "Quyết định số 1.txt"])
def test_odd_file_names_work(tmp_path, name):
    assert read_document(write(tmp_path, name, "Sở Y tế".encode())).text == "Sở Y tế"


# --- Unreadable text files --------------------------------------------------------

def test_binary_junk_is_refused(tmp_path):
    assert problem(write(tmp_path, "z.bin", bytes(range(256)) * 40)) == "binary file, not a document"
    controls = bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 50 + b"some text"
    assert problem(write(tmp_path, "c.txt", controls)) == "binary file, not a document"


def test_empty_and_blank_files_are_refused(tmp_path):
    assert problem(write(tmp_path, "y.txt", b"")) == "empty file"
    assert problem(write(tmp_path, "w.txt", b" \r\n\t\n ")) == "empty file"


def test_bytes_that_are_no_known_encoding_are_refused(tmp_path):
    junk = b"Noi dung \xff\xfe\x80 so \x81\x8d va \x9d\x9e\x90 nua \xbf\xbe\xbd roi \xd7\xf7\xa4\xa6"
    assert problem(write(tmp_path, "v.txt", junk)).startswith("cannot decode text (not UTF-8, UTF-16")


def test_missing_file_and_directory(tmp_path):
    assert problem(tmp_path / "u.txt") == "file not found"
    assert problem(tmp_path) == "is a directory, not a file"


def test_unreadable_file(tmp_path):
    folder = Path(tempfile.mkdtemp(prefix="phoihop-perm-"))
    try:
        folder.chmod(0o755)
        path = write(folder, "t.txt", "Sở Y tế".encode())
        path.chmod(0)
        if os.geteuid() != 0:
            assert problem(path) == "permission denied"
            return
        # root reads everything: ask from a forked child that gave up root for 'nobody'.
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:                                  # the child: never returns into pytest
            message = b"read"
            try:
                os.setgid(65534)
                os.setuid(65534)
                read_document(path)
            except InputError as e:
                message = str(e).encode()
            except BaseException as e:                # anything else is a test failure
                message = repr(e).encode()
            finally:
                os.write(write_end, message)
                os._exit(0)
        os.close(write_end)
        os.waitpid(pid, 0)
        with os.fdopen(read_end, "rb") as pipe:
            assert pipe.read().decode() == f"{path}: permission denied"
    finally:
        shutil.rmtree(folder)


def test_image_and_old_word_files_are_refused(tmp_path):
    assert problem(write(tmp_path, "scan.png", b"\x89PNG\r\n\x1a\n" + bytes(100))).startswith("image file")
    assert "(.doc)" in problem(write(tmp_path, "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)))


# --- HTML -----------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>UBND tỉnh chỉ đạo ứng phó mưa lũ - Báo Quảng Ngãi</title>
<meta property="og:title" content="UBND tỉnh chỉ đạo ứng phó mưa lũ">
<meta property="article:published_time" content="2025-11-16T08:30:00+07:00">
<script>var label = "Chia sẻ Zalo"; track("Trang chủ");</script>
<style>.menu { color: red }</style>
</head><body>
<header class="site-header"><div class="logo">Báo Quảng Ngãi</div>
<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/thoi-su">Thời sự</a></li></ul></nav></header>
<div class="container"><div class="col-main">
<ul class="breadcrumb"><li><a href="/">Trang chủ</a></li><li><a href="/xa-hoi">Xã hội</a></li></ul>
<article class="detail">
<h1>UBND tỉnh chỉ đạo ứng phó mưa lũ</h1>
<div class="share-box"><a href="#">Chia sẻ Zalo</a> <a href="#">Chia sẻ Facebook</a></div>
<p><strong>Ủy ban nhân dân tỉnh Quảng Ngãi</strong> yêu cầu Sở Y tế chủ trì, phối hợp với các địa phương
bảo đảm thuốc men cho vùng lũ.</p>
<h2>Nhiệm vụ cụ thể</h2>
<p>Sở Nông nghiệp và Môi trường theo dõi diễn biến mưa lũ,<br>báo cáo UBND tỉnh trước ngày 20/11/2025.</p>
<ul><li>Công an tỉnh bảo đảm an ninh trật tự.</li><li>Sở Xây dựng khắc phục sạt lở.</li></ul>
<div><a href="#">Bình luận</a></div>
<form class="comment-form"><textarea></textarea><button>Gửi bình luận</button></form>
<h3>Tin liên quan</h3>
<ul><li><a href="/a">Quảng Ngãi sơ tán dân vùng lũ</a></li><li><a href="/b">Mưa lớn gây sạt lở</a></li></ul>
</article></div>
<aside class="sidebar"><h3>Đọc nhiều</h3><ul><li><a href="/c">Giá vàng hôm nay</a></li></ul></aside>
</div>
<footer>Bản quyền thuộc Báo Quảng Ngãi. Liên hệ quảng cáo.</footer>
</body></html>
"""

PAGE_TEXT = """UBND tỉnh chỉ đạo ứng phó mưa lũ

Ủy ban nhân dân tỉnh Quảng Ngãi yêu cầu Sở Y tế chủ trì, phối hợp với các địa phương bảo đảm thuốc men cho vùng lũ.

Nhiệm vụ cụ thể

Sở Nông nghiệp và Môi trường theo dõi diễn biến mưa lũ,
báo cáo UBND tỉnh trước ngày 20/11/2025.

- Công an tỉnh bảo đảm an ninh trật tự.
- Sở Xây dựng khắc phục sạt lở."""


def test_html_gives_the_article_only(tmp_path):
    result = read_document(write(tmp_path, "tin.html", PAGE.encode()))
    assert result == ReadResult(PAGE_TEXT, "html", title="UBND tỉnh chỉ đạo ứng phó mưa lũ",
                                published="2025-11-16", encoding="utf-8")


def test_html_is_found_by_content_whatever_the_extension(tmp_path):
    assert read_document(write(tmp_path, "saved.txt", PAGE.encode())).text == PAGE_TEXT


def test_html_in_windows_1258_with_declared_charset(tmp_path):
    page = PAGE.replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">')
    result = read_document(write(tmp_path, "tin.htm", encode_cp1258(page)))
    assert result.text == PAGE_TEXT and result.encoding == "cp1258"


def test_html_without_article_uses_the_densest_block(tmp_path):
    paragraphs = "".join(f"<p>Đoạn {i}: Sở Tài chính phối hợp với Kho bạc Nhà nước tỉnh rà soát nguồn vốn.</p>"
                         for i in range(1, 4))
    page = (f"<html><head><title>Thông báo</title></head><body><div id='menu'><a href='/'>Trang chủ</a></div>"
            f"<div class='left'><a href='/x'>Liên kết một</a><a href='/y'>Liên kết hai</a></div>"
            f"<div class='content'>{paragraphs}</div><div class='footer'>Địa chỉ: 1 Hùng Vương</div></body></html>")
    result = read_document(write(tmp_path, "tb.html", page.encode()))
    assert result.title == "Thông báo"
    assert result.text.split("\n\n")[1:] == [f"Đoạn {i}: Sở Tài chính phối hợp với Kho bạc Nhà nước tỉnh rà soát nguồn vốn."
                                            for i in range(1, 4)]
    assert "Trang chủ" not in result.text and "Liên kết" not in result.text and "Hùng Vương" not in result.text


# --- DOCX -----------------------------------------------------------------------

def make_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    header = document.add_table(rows=2, cols=2)
    header.cell(0, 0).paragraphs[0].text = "ỦY BAN NHÂN DÂN"
    header.cell(0, 0).add_paragraph("TỈNH QUẢNG NGÃI")
    header.cell(0, 1).paragraphs[0].text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    header.cell(0, 1).add_paragraph("Độc lập - Tự do - Hạnh phúc")
    header.cell(1, 0).text = "Số: 123/UBND-KGVX"
    header.cell(1, 1).text = "Quảng Ngãi, ngày 16 tháng 11 năm 2025"
    document.add_paragraph("Kính gửi: Sở Y tế")
    document.add_paragraph("")
    document.add_paragraph("Sở Y tế chủ trì, phối hợp với các đơn vị.", style="List Number")
    document.add_paragraph("Công an tỉnh bảo đảm an ninh.", style="List Number")
    document.add_paragraph("Báo cáo trước ngày 30/11/2025.", style="List Bullet")
    document.save(path)
    return path


DOCX_TEXT = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 123/UBND-KGVX

Quảng Ngãi, ngày 16 tháng 11 năm 2025

Kính gửi: Sở Y tế

1. Sở Y tế chủ trì, phối hợp với các đơn vị.

2. Công an tỉnh bảo đảm an ninh.

- Báo cáo trước ngày 30/11/2025."""


def test_docx_paragraphs_header_table_and_numbering(tmp_path):
    result = read_document(make_docx(tmp_path / "cv.docx"))
    assert (result.format, result.text) == ("docx", DOCX_TEXT)


def test_docx_is_found_by_content(tmp_path):
    data = make_docx(tmp_path / "cv.docx").read_bytes()
    assert read_document(write(tmp_path, "renamed.bin", data)).text == DOCX_TEXT


def test_truncated_docx_is_refused(tmp_path):
    data = make_docx(tmp_path / "cv.docx").read_bytes()
    assert problem(write(tmp_path, "w.docx", data[: len(data) // 2])) == "damaged DOCX (not a valid zip)"
    assert problem(write(tmp_path, "x.docx", b"not a zip at all")) == "damaged DOCX (not a valid zip)"


def test_zip_that_is_not_a_document_is_refused(tmp_path):
    import zipfile

    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hello")
    assert problem(path) == "zip archive, not a document"


# --- PDF ------------------------------------------------------------------------

FONTS = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
         "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")


def make_pdf(path: Path, pages: list[list[str]]) -> Path:
    """A real PDF with a Unicode text layer (fpdf2 embeds a system TTF)."""
    from fpdf import FPDF

    font = next((f for f in FONTS if Path(f).exists()), None)
    assert font, "needs fonts-dejavu-core or fonts-liberation (installed with chromium)"
    pdf = FPDF()
    pdf.add_font("Body", fname=font)
    pdf.set_font("Body", size=12)
    pdf.set_title("Công văn 123/UBND-KGVX")
    for lines in pages:
        pdf.add_page()
        for line in lines:
            pdf.cell(text=line)
            pdf.ln(8)
    pdf.output(str(path))
    return path


def test_pdf_text_layer_page_by_page(tmp_path):
    path = make_pdf(tmp_path / "cv.pdf", [
        ["Ủy ban nhân dân tỉnh Quảng Ngãi yêu cầu", "Sở Y tế chủ trì, phối hợp thực hiện."],
        ["Công an tỉnh bảo đảm an ninh trật tự."],
    ])
    result = read_document(path)
    assert result == ReadResult("Ủy ban nhân dân tỉnh Quảng Ngãi yêu cầu\nSở Y tế chủ trì, phối hợp thực hiện."
                                "\n\nCông an tỉnh bảo đảm an ninh trật tự.", "pdf", title="Công văn 123/UBND-KGVX")


def test_truncated_pdf_is_refused(tmp_path):
    data = make_pdf(tmp_path / "cv.pdf", [["Sở Y tế chủ trì."]]).read_bytes()
    assert problem(write(tmp_path, "cut.pdf", data[: len(data) // 2])).startswith("damaged PDF")
    assert problem(write(tmp_path, "fake.pdf", b"%PDF-1.4\ngarbage\n%%EOF\n")).startswith("damaged PDF")


def test_image_only_pdf_is_scanned(tmp_path):
    from fpdf import FPDF
    from PIL import Image

    image = Image.new("L", (200, 100), 255)
    for x in range(20, 180):
        image.putpixel((x, 50), 0)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(image, x=10, y=10, w=100)
    path = tmp_path / "x.pdf"
    pdf.output(str(path))
    assert problem(path) == "scanned PDF with no text layer (OCR it first)"
