"""Issue 15 (reliability): document identity, reader limits, official over news, small input cases.

Every test builds its own small files (invented dispatches of invented provinces) and
runs the real stores: the embedded one, and Neo4j for the tests marked ``neo4j``.
Each case is listed, with the behaviour a user gets, in docs/reliability.md.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from phoihop.cli import app
from phoihop.graph import schema as S
from phoihop.graph.embedded_store import EmbeddedStore
from phoihop.graph.loader import ingest_paths

ROOT = Path(__file__).resolve().parent.parent


def dispatch(number: int, task: str = "kiểm tra an toàn thực phẩm tại các chợ") -> str:
    """A short official dispatch of an invented district; ``number`` makes each one distinct."""
    return f"""ỦY BAN NHÂN DÂN
HUYỆN LONG THÀNH

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: {number}/UBND-KT

Long Thành, ngày 03 tháng 5 năm 2025

V/v {task}

Giao Phòng Kinh tế chủ trì, phối hợp với Phòng Y tế {task}.

Nơi nhận:
- Như trên;
- Lưu: VT.
"""


def documents(store) -> list[dict]:
    return store.query(f"MATCH (d:{S.DOCUMENT}) RETURN d.id AS id, d.path AS path, d.paths AS paths ORDER BY d.path")


@pytest.fixture
def store(tmp_path):
    s = EmbeddedStore(tmp_path / "store")
    yield s
    s.close()


# ---------------------------------------------------------------- 1. identity by content, location as attribute


def two_working_directories(tmp_path: Path) -> tuple[Path, Path]:
    """Two directories that each hold a different ``docs/x.txt``."""
    a, b = tmp_path / "a", tmp_path / "b"
    for i, d in enumerate((a, b)):
        (d / "docs").mkdir(parents=True)
        (d / "docs" / "x.txt").write_text(dispatch(101 + i), encoding="utf-8")
    return a, b


def identity_same_relative_path(store, tmp_path, monkeypatch) -> None:
    a, b = two_working_directories(tmp_path)
    for cwd in (a, b):
        monkeypatch.chdir(cwd)
        assert ingest_paths(["docs/x.txt"], store).errors == []
    assert [d["path"] for d in documents(store)] == [str(a / "docs" / "x.txt"), str(b / "docs" / "x.txt")]


def identity_relative_then_absolute(store, tmp_path, monkeypatch) -> None:
    (tmp_path / "docs").mkdir(parents=True)
    f = tmp_path / "docs" / "x.txt"
    f.write_text(dispatch(201), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    ingest_paths(["docs/x.txt"], store)
    f.write_text(dispatch(202), encoding="utf-8")           # edited, then named by its absolute path
    ingest_paths([str(f)], store)
    ingest_paths(["./docs/../docs/x.txt"], store)          # and once more, by another spelling
    docs = documents(store)
    assert [(d["path"], d["paths"]) for d in docs] == [(str(f), [str(f)])]
    assert store.query(f"MATCH (d:{S.DIRECTIVE}) RETURN d.number AS n") == [{"n": "202/UBND-KT"}]


def test_two_files_at_one_relative_path_from_two_working_directories_are_both_kept(store, tmp_path, monkeypatch):
    identity_same_relative_path(store, tmp_path, monkeypatch)


def test_one_file_by_relative_and_absolute_path_is_one_document_its_latest_version(store, tmp_path, monkeypatch):
    identity_relative_then_absolute(store, tmp_path, monkeypatch)


@pytest.mark.neo4j
def test_identity_by_location_in_neo4j(neo4j_store, tmp_path, monkeypatch):
    identity_same_relative_path(neo4j_store, tmp_path / "1", monkeypatch)
    neo4j_store.clear()
    identity_relative_then_absolute(neo4j_store, tmp_path / "2", monkeypatch)


def copies_and_moves(store, tmp_path) -> None:
    """One content at two paths is one document listing both; a symlink is stored as its target;
    editing one copy splits them; removing a path leaves the other copy whole."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(dispatch(301), encoding="utf-8")
    b.write_text(dispatch(301), encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(a)
    assert ingest_paths([a], store).errors == []
    assert ingest_paths([b, link], store).errors == []
    docs = documents(store)
    assert len(docs) == 1 and docs[0]["paths"] == [str(a), str(b)]
    assert docs[0]["path"] == str(a)                      # the link was followed: its target is the location
    obligations = store.counts()[S.OBLIGATION]
    b.write_text(dispatch(302), encoding="utf-8")
    ingest_paths([b], store)
    assert sorted((d["path"], tuple(d["paths"])) for d in documents(store)) == [(str(a), (str(a),)),
                                                                                (str(b), (str(b),))]
    assert store.remove_document(str(b))
    assert [d["paths"] for d in documents(store)] == [[str(a)]]
    assert store.counts()[S.OBLIGATION] == obligations


def test_one_content_at_two_paths_is_one_document_with_both(store, tmp_path):
    copies_and_moves(store, tmp_path)


@pytest.mark.neo4j
def test_one_content_at_two_paths_in_neo4j(neo4j_store, tmp_path):
    copies_and_moves(neo4j_store, tmp_path)


def test_a_moved_file_keeps_one_document_and_adds_its_new_path(store, tmp_path):
    old, new = tmp_path / "old.txt", tmp_path / "new" / "moved.txt"
    old.write_text(dispatch(401), encoding="utf-8")
    ingest_paths([old], store)
    new.parent.mkdir()
    old.rename(new)
    ingest_paths([new], store)
    docs = documents(store)
    assert len(docs) == 1 and docs[0]["path"] == str(new) and docs[0]["paths"] == sorted([str(old), str(new)])
    assert store.remove_document(str(old))                # the old location is taken off, the document stays
    assert [(d["path"], d["paths"]) for d in documents(store)] == [(str(new), [str(new)])]


# ---------------------------------------------------------------- 2. limits on every reader


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def zip_bomb(path: Path, megabytes: int = 300) -> Path:
    """A DOCX of a few hundred kilobytes whose word/document.xml expands to ``megabytes`` MB."""
    import zipfile

    chunk = ("<w:p><w:r><w:t>" + "Sở Y tế chủ trì kiểm tra. " * 40 + "</w:t></w:r></w:p>").encode() * 64
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                    b'wordprocessingml/2006/main"><w:body>')
            for _ in range(megabytes * 1024 * 1024 // len(chunk)):
                f.write(chunk)
            f.write(b"</w:body></w:document>")
    return path


def test_a_zip_bomb_and_a_50_mb_file_among_good_files_are_one_line_each_and_the_good_files_are_stored(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(2):
        (corpus / f"good{i}.txt").write_text(dispatch(501 + i), encoding="utf-8")
    bomb = zip_bomb(corpus / "bomb.docx")
    assert bomb.stat().st_size < 5 * 1024 * 1024
    huge = corpus / "huge.txt"
    huge.write_bytes(dispatch(503).encode() * (50 * 1024 * 1024 // len(dispatch(503).encode())))
    result = run("ingest", str(corpus), "--store", str(tmp_path / "store"))
    assert result.exit_code == 1
    lines = sorted(result.stderr.strip().splitlines())
    assert len(lines) == 2
    assert lines[0].startswith(f"{bomb}: zip expands to 300 MB (the limit is 128 MB, --max-mb changes it)")
    assert lines[1] == f"{huge}: too large (50 MB; the limit is 32 MB, --max-mb changes it)"
    assert result.stdout.startswith("ingested 2 documents")


def test_a_zip_of_too_many_members_and_a_file_over_the_size_limit_are_refused(tmp_path):
    import zipfile

    from phoihop.ingest.readers import Limits, read_document
    from phoihop.ingest.records import InputError

    many = tmp_path / "many.docx"
    with zipfile.ZipFile(many, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
        for i in range(2100):
            z.writestr(f"word/media/{i}.bin", b"")
    with pytest.raises(InputError, match=r"zip with 2101 members \(the limit is 2000\)"):
        read_document(many)
    big = tmp_path / "big.txt"
    big.write_text(dispatch(601) * 400, encoding="utf-8")
    with pytest.raises(InputError, match=r"too large \(.* MB; the limit is 0.1 MB, --max-mb changes it\)"):
        read_document(big, Limits.megabytes(0.1))
    assert read_document(big).text.startswith("ỦY BAN")
    result = run("ingest", str(big), "--store", str(tmp_path / "store"), "--max-mb", "0.1")
    assert result.exit_code == 1 and "too large" in result.stderr


def test_a_pdf_over_the_page_limit_is_refused(tmp_path):
    from test_readers import make_pdf

    from phoihop.ingest.readers import Limits, read_document
    from phoihop.ingest.records import InputError

    pdf = make_pdf(tmp_path / "long.pdf", [[f"Trang {n}: Sở Y tế chủ trì kiểm tra {what}."] for n, what in
                                           enumerate(("an toàn thực phẩm", "giá thuốc", "phòng khám tư nhân"), 1)])
    assert read_document(pdf, Limits(max_pdf_pages=3)).format == "pdf"
    with pytest.raises(InputError, match=r"PDF of 3 pages \(the limit is 2\)"):
        read_document(pdf, Limits(max_pdf_pages=2))


def test_a_fifo_and_dev_zero_are_refused_at_once(tmp_path):
    """Named or met in a folder, a FIFO (no writer: reading would block) and a device are one line each."""
    from phoihop.ingest.readers import read_document
    from phoihop.ingest.records import InputError

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(dispatch(701), encoding="utf-8")
    fifo = corpus / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file \\(a FIFO\\)"):
        read_document(fifo)
    with pytest.raises(InputError, match="not a regular file \\(a character device\\)"):
        read_document("/dev/zero")
    result = run("ingest", str(corpus), "/dev/zero", str(fifo), "--store", str(tmp_path / "store"))
    assert result.exit_code == 1
    assert sorted(result.stderr.strip().splitlines()) == sorted([
        f"{fifo}: not a regular file, not read", "/dev/zero: not a regular file, not read",
        f"{fifo}: not a regular file, not read"])
    assert result.stdout.startswith("ingested 1 document,")


# ---------------------------------------------------------------- 4. small cases of point 10


def test_an_unreadable_subdirectory_is_reported_and_fails():
    """Run as an ordinary user (root reads every directory: then the CLI runs as nobody)."""
    top = Path(tempfile.mkdtemp(prefix="phoihop-closed-"))
    try:
        top.chmod(0o777)
        corpus = top / "corpus"
        (corpus / "closed").mkdir(parents=True)
        (corpus / "good.txt").write_text(dispatch(801), encoding="utf-8")
        (corpus / "closed" / "lost.txt").write_text(dispatch(802), encoding="utf-8")
        for d in (corpus, corpus / "good.txt", corpus / "closed" / "lost.txt"):
            d.chmod(0o755)
        (corpus / "closed").chmod(0)
        as_user = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if os.geteuid() == 0 else []
        result = subprocess.run([*as_user, sys.executable, "-c", "from cli import main; main()", "ingest",
                                 str(corpus), "--store", str(top / "store")],
                                cwd=ROOT, capture_output=True, text=True, timeout=300,
                                env={**os.environ, "PYTHONPATH": str(ROOT)})
    finally:
        (corpus / "closed").chmod(0o755)
        shutil.rmtree(top)
    assert result.returncode == 1, result.stderr
    assert result.stderr.strip() == (f"{corpus / 'closed'}: cannot read directory (Permission denied); "
                                     "its files are not ingested")
    assert result.stdout.startswith("ingested 1 document,")


def test_an_empty_directory_says_so_and_a_missing_path_creates_no_store(tmp_path):
    (tmp_path / "empty").mkdir()
    store = tmp_path / "store"
    result = run("ingest", str(tmp_path / "empty"), "--store", str(store))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"{tmp_path / 'empty'}: empty directory (no files to ingest)"
    result = run("ingest", str(tmp_path / "missing.txt"), "--store", str(store))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"{tmp_path / 'missing.txt'}: no such file or directory"
    assert not store.exists()


def test_one_stray_byte_in_utf8_is_replaced_and_said(tmp_path):
    from phoihop.ingest.legacy_encodings import encode_cp1258
    from phoihop.ingest.readers import read_document

    text = dispatch(901)
    damaged = tmp_path / "damaged.txt"
    cut = text.index("Kinh tế")
    damaged.write_bytes(text[:cut].encode() + b"\xff" + text[cut:].encode())
    read = read_document(damaged)
    assert read.text == text[:cut] + "\ufffd" + text[cut:]
    assert read.warnings == [f"{damaged}: read as utf-8 (1 invalid bytes replaced) (U+FFFD stands for each)"]
    result = run("ingest", str(damaged), "--store", str(tmp_path / "store"))
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == f"warning: {read.warnings[0]}"
    legacy = tmp_path / "cp1258.txt"                       # a real 8-bit file is still read as 8-bit
    legacy.write_bytes(encode_cp1258(text))
    assert read_document(legacy).encoding == "windows-1258"
    assert read_document(legacy).warnings == []


# ---------------------------------------------------------------- 3. an official text outranks a news report

NEWS = """# Huyện Long Thành siết chặt quản lý chợ đầu mối

Ngày 05/5/2025, UBND huyện Long Thành ban hành Công văn số 123/UBND-KT về việc tăng cường quản lý chợ đầu mối.

Theo đó, UBND huyện giao Phòng Kinh tế chủ trì, phối hợp với Phòng Y tế kiểm tra an toàn thực phẩm tại các chợ.
"""


def directive_fields(store) -> list[dict]:
    return store.query(f"MATCH (d:{S.DIRECTIVE}) WHERE d.number = '123/UBND-KT' RETURN d.subject AS subject, "
                       "d.date AS date, d.issuer AS issuer, d.type AS type, d.stub AS stub, d.source_kind AS kind, "
                       "d.doc AS doc")


def official_over_news(fresh, tmp_path) -> None:
    """Official first, news first, both in one batch: the directive is the official text's, and
    taking the news report out leaves it so."""
    official, news = tmp_path / "official.txt", tmp_path / "news.md"
    official.write_text(dispatch(123, "kiểm tra an toàn thực phẩm dịp lễ"), encoding="utf-8")
    news.write_text(NEWS, encoding="utf-8")
    store = fresh()
    ingest_paths([official], store)
    alone = directive_fields(store)
    assert [(r["subject"], r["date"], r["kind"]) for r in alone] == [
        ("kiểm tra an toàn thực phẩm dịp lễ", "2025-05-03", "official")]
    for order in ([[official], [news]], [[news], [official]], [[news, official]]):
        store = fresh()
        for batch in order:
            assert ingest_paths(batch, store).errors == []
        assert directive_fields(store) == alone, order
        assert store.query(f"MATCH (d:{S.DOCUMENT}) RETURN count(d) AS n") == [{"n": 2}]
        assert store.remove_document(str(news))
        assert directive_fields(store) == alone, order
    ingest_paths([news], store)
    assert store.remove_document(str(official))           # the report is all that is left: it defines it now
    assert [(r["subject"], r["kind"], r["stub"]) for r in directive_fields(store)] == [
        ("kiểm tra an toàn thực phẩm dịp lễ", "news", False)]


def test_an_official_text_outranks_a_news_report_in_any_order(tmp_path):
    stores = []

    def fresh():
        stores.append(EmbeddedStore(tmp_path / f"store{len(stores)}"))
        if len(stores) > 1:
            stores[-2].close()
        return stores[-1]
    try:
        official_over_news(fresh, tmp_path)
    finally:
        stores[-1].close()


@pytest.mark.neo4j
def test_an_official_text_outranks_a_news_report_in_neo4j(neo4j_store, tmp_path):
    def fresh():
        neo4j_store.clear()
        return neo4j_store
    official_over_news(fresh, tmp_path)


@pytest.mark.parametrize("uri", ["http://localhost:7474", "https://example.org", "localhost:7687"])
def test_a_neo4j_uri_that_is_not_bolt_is_one_line(uri, monkeypatch, tmp_path):
    monkeypatch.setenv("PHOIHOP_NEO4J_URI", uri)
    monkeypatch.setenv("PHOIHOP_NEO4J_USER", "neo4j")
    monkeypatch.setenv("PHOIHOP_NEO4J_PASSWORD", "secret")
    f = tmp_path / "x.txt"
    f.write_text(dispatch(1001), encoding="utf-8")
    for args in (["stats", "--neo4j"], ["ingest", str(f), "--neo4j"]):
        result = run(*args)
        assert result.exit_code == 1
        assert result.stderr.strip().splitlines() == [
            f"error: Neo4j at {uri}: PHOIHOP_NEO4J_URI must be a bolt:// or neo4j:// address (e.g. "
            f"bolt://localhost:7687), not {uri.split('://')[0] + '://' if '://' in uri else 'a bare host'}"]


def neo4j_hash(password: str, salt_hex: str) -> str:
    """Neo4j's stored credential: SHA-256 of salt + password, hashed 1024 times in all."""
    import hashlib

    digest = hashlib.sha256(bytes.fromhex(salt_hex) + password.encode()).digest()
    for _ in range(1023):
        digest = hashlib.sha256(digest).digest()
    return digest.hex()


def test_the_initial_neo4j_password_is_never_on_a_command_line(tmp_path, monkeypatch):
    """The real neo4j-admin sets the password from the private file; no argv carries it."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import neo4j_server as server

    lib = server.ensure_installed(None)
    java = server.find_java()
    server._write_conf(tmp_path, server.free_port(), None)
    argvs: list[list[str]] = []
    real_run = subprocess.run

    def recording_run(args, *a, **kw):
        argvs.append([str(x) for x in args])
        return real_run(args, *a, **kw)

    monkeypatch.setattr(server.subprocess, "run", recording_run)
    server._ensure_password(java, lib, tmp_path)
    password = (tmp_path / "password").read_text().strip()
    assert argvs and not any(password in arg for argv in argvs for arg in argv)
    user, _, rest = (tmp_path / "data" / "dbms" / "auth.ini").read_text().strip().partition(":")
    algorithm, digest, salt, _ = rest.split(",", 3)
    assert (user, algorithm) == ("neo4j", "SHA-256") and digest == neo4j_hash(password, salt)


def slow_corpus(tmp_path: Path) -> tuple[Path, Path]:
    """Three good dispatches and one of about 4 MB of tasks (several seconds to extract)."""
    from phoihop.ingest.pipeline import extract_text

    extract_text(dispatch(600), "warm.txt")          # tables loaded before any timer runs
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(3):
        (corpus / f"good{i}.txt").write_text(dispatch(601 + i), encoding="utf-8")
    slow = corpus / "slow.txt"
    slow.write_text(dispatch(610) + "\n".join(
        f"{k}. Giao Sở Y tế chủ trì, phối hợp với Công an huyện Long Thành kiểm tra cơ sở số {k}."
        for k in range(48_000)), encoding="utf-8")
    assert slow.stat().st_size > 4_000_000
    return corpus, slow


def test_a_document_slower_than_the_time_limit_is_its_own_error_and_the_others_are_stored(tmp_path):
    """Issue 15 point 3: one slow document never holds back the storing of the others."""
    corpus, slow = slow_corpus(tmp_path)
    result = run("ingest", str(corpus), "--store", str(tmp_path / "store"), "--max-seconds", "0.3")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"{slow}: not ingested: reading and extracting it took over 0.3 s (--max-seconds raises the limit)"]
    assert result.stdout.startswith("ingested 3 documents")


def test_extract_has_the_same_time_limit(tmp_path):
    corpus, slow = slow_corpus(tmp_path)
    result = run("extract", str(corpus), "--out", str(tmp_path / "out"), "--max-seconds", "0.3", "--quiet")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"error: {slow}: not extracted: reading and extracting it took over 0.3 s (--max-seconds raises the limit)"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["good0.json", "good1.json", "good2.json"]


def test_a_pdf_whose_streams_inflate_past_the_limit_is_refused_before_parsing(tmp_path):
    """A "PDF bomb": a few hundred kB of deflated zeros in a stream would be inflated whole by the
    parser; the reader inflates at most up to the limit (4 times --max-mb) and says so."""
    import zlib

    from phoihop.ingest.readers import Limits, read_document
    from phoihop.ingest.records import InputError
    from test_readers import make_pdf

    good = make_pdf(tmp_path / "good.pdf", [["ỦY BAN NHÂN DÂN TỈNH AN GIANG", "Sở Y tế chủ trì thực hiện."]])
    assert "Sở Y tế" in read_document(good).text
    squeeze = zlib.compressobj(9)
    zeros = b"\0" * (1024 * 1024)
    payload = b"".join(squeeze.compress(zeros) for _ in range(200)) + squeeze.flush()
    assert len(payload) < 1024 * 1024
    data = good.read_bytes()
    cut = data.rindex(b"xref")
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(data[:cut] + b"99 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(payload)
                     + payload + b"\nendstream\nendobj\n" + data[cut:])
    with pytest.raises(InputError, match=r"bomb.pdf: PDF content expands to more than 128 MB \(the limit, "
                                         r"4 times --max-mb\): not read"):
        read_document(bomb)
    result = run("ingest", str(bomb), str(good), "--store", str(tmp_path / "store"))
    assert result.exit_code == 1 and result.stderr.count("\n") == 1 and "PDF content expands" in result.stderr
    assert result.stdout.startswith("ingested 1 document")
    try:                                    # a higher limit hands it to the parser (its offsets are off)
        read_document(bomb, Limits.megabytes(64))
    except InputError as e:
        assert "expands" not in str(e)
