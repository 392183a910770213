"""Rewrites made for speed give exactly what the plain form gives (each on invented text)."""
from __future__ import annotations

import random

import pytest

from phoihop.ingest import directives
from phoihop.ingest.textnorm import fold_keep

PROVINCE_PIECES = ["Hà Nội", "Hải Phòng", "Thành phố Hồ Chí Minh", "tỉnh Gia Lai", "Cà Mau", "Bà Rịa - Vũng Tàu",
                   " ", " ", "\n", ", ", "m²", "中", "Москва", "và", "hà nộihà", "Đắk Lắk", "An Giang", "x", "12"]


@pytest.mark.parametrize("seed", range(30))
def test_province_spans_are_the_word_start_matches(seed):
    """_province_spans (a scan from space to space, plus the starts after non-ASCII characters) finds
    what one scan for a name at any word start finds."""
    rnd = random.Random(seed)
    text = "".join(rnd.choice(PROVINCE_PIECES) for _ in range(rnd.randint(0, 40)))
    folded = fold_keep(text)
    anywhere, _ = directives._province_regexes()
    assert directives._province_spans(folded) == [m.span() for m in anywhere.finditer(folded)]


def test_province_spans_at_the_start_and_after_a_symbol():
    folded = fold_keep("Hà Nội, 120 m²Hải Phòng; 中Cà Mau")
    assert [folded[s:e] for s, e in directives._province_spans(folded)] == ["ha noi", "hai phong", "ca mau"]


def test_clause_ends_are_the_plain_pattern_s_matches():
    """_clause_ends (mark first, then the gap) gives the gaps of the lookbehind form, from any pos to any endpos."""
    import re

    from phoihop.ingest.extract import _clause_ends

    plain = re.compile(r"(?<=[.;!?:])\s+(?=\S)|(?<=[.;])$|(?<=[.;!?])(?:\[\d{1,3}\])+\s+(?=\S)")
    pieces = [".", ";", ":", "!", "?", " ", "\n", "[12]", "[3]", "a", "B", "Đ", "  ", "x.", "\t"]
    rnd = random.Random(11)
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 25)))
        s = rnd.randint(0, len(text))
        e = rnd.randint(s, len(text))
        assert list(_clause_ends(text, s, e)) == [m.span() for m in plain.finditer(text, s, e)], (text, s, e)


@pytest.mark.parametrize("seed", range(10))
def test_topic_keywords_are_found_from_space_to_space(seed):
    """topics' pattern in " " + folded text matches the keywords "(?<!\\w)…(?!\\w)" matches."""
    import re

    from phoihop.ingest import topics

    pattern, owner = topics._matcher()
    plain = re.compile(r"(?<!\w)(" + topics.alternation(owner, space=r"\ ") + r")(?!\w)")
    words = sorted(owner)[:: max(1, len(owner) // 40)] + ["và", "m²", "中", "x", "12", "\n", "  ", "-", "an"]
    rnd = random.Random(seed)
    folded = fold_keep("".join(rnd.choice(words) + rnd.choice(["", " ", ", "]) for _ in range(60)))
    assert [m.group(1) for m in pattern.finditer(" " + folded)] == [m.group(1) for m in plain.finditer(folded)]


@pytest.mark.parametrize("text", ["", "abc", "Ủy ban nhân dân tỉnh Hà Giang", "ÀÁÂÃ \u00a0 ÿ Ā 中 😀", "Uû ban nh©n d©n"])
def test_latin1_high_counts_what_the_regex_finds(text):
    import re

    from phoihop.ingest.legacy_encodings import _latin1_high

    assert _latin1_high(text) == len(re.findall("[\u00a0-\u00ff]", text))


def test_extract_writes_one_fact_a_line(tmp_path):
    """``phoihop extract`` JSON: read back equal to the extraction, one directive/obligation/… a line."""
    import json

    from phoihop.commands.extract import fact_lines, write_json
    from phoihop.ingest.extract import extract_text

    text = ("ỦY BAN NHÂN DÂN\nTỈNH KON TUM\nSố: 12/KH-UBND\n\nKẾ HOẠCH\nPhòng chống dịch\n\n"
            "1. Sở Y tế chủ trì, phối hợp với Sở Tài chính triển khai kế hoạch.\n"
            "2. Sở Giáo dục và Đào tạo \"báo cáo\" kết quả trước ngày 30/6/2026.\n")
    data = extract_text(text, "kh.txt").to_json()
    written = write_json(tmp_path / "new" / "dir", "kh", data)       # the directory is made
    lines = written.read_text(encoding="utf-8").splitlines()
    assert json.loads(written.read_text(encoding="utf-8")) == data
    assert lines[0] == "{" and lines[-1] == "}"
    obligations = lines[lines.index(' "obligations": [') + 1:]
    assert len(data["obligations"]) == 2
    assert [json.loads(line.rstrip(",")) for line in obligations[:2]] == data["obligations"]
    assert fact_lines({"a": [], "b": None}) == '{\n "a": [],\n "b": null\n}\n'


def test_to_json_names_every_field_of_the_records():
    """to_json writes its dicts field by field (asdict was a tenth of writing): none is left out."""
    from dataclasses import asdict, fields

    from phoihop.ingest.extract import extract_text
    from phoihop.ingest.records import Agency, Assignee, Directive

    text = ("ỦY BAN NHÂN DÂN\nTỈNH KON TUM\nSố: 12/KH-UBND\n\nKẾ HOẠCH\nPhòng chống dịch\n\n"
            "1. Sở Y tế chủ trì, phối hợp với Sở Tài chính triển khai kế hoạch.\n")
    ex = extract_text(text, "kh.txt")
    data = ex.to_json()
    assert data["directives"] and data["agencies"] and data["obligations"][0]["assignees"]
    for records, rows, cls in ((ex.directives, data["directives"], Directive), (ex.agencies, data["agencies"], Agency),
                               (ex.obligations[0].assignees, data["obligations"][0]["assignees"], Assignee)):
        assert [set(r) for r in rows] == [{f.name for f in fields(cls)}] * len(rows)
        for rec, row in zip(records, rows):
            plain = asdict(rec)
            if "span" in plain:
                plain["span"] = list(plain["span"]) if plain["span"] is not None else None
            assert row == plain


@pytest.mark.parametrize("seed", range(20))
def test_head_matches_from_space_to_space(seed):
    """_head_matches (space to space on ASCII folded text) gives the heads a plain search gives."""
    from phoihop.ingest import agencies, lexicon

    rx = lexicon.head_regex()
    words = ["Sở", "Ủy ban", "nhân dân", "Bộ", "Công an", "Phòng", "Ban", "quan", "uy", "liên quan, Ủy ban", "Cục",
             "Viện", "tỉnh", "x", "12", "m²", "中", "và", ", ", "  "]
    rnd = random.Random(seed)
    folded = fold_keep(" ".join(rnd.choice(words) for _ in range(50)))
    lo = rnd.randint(0, len(folded) // 3)
    hi = rnd.randint(lo, len(folded))

    def plain():
        out, pos = [], lo
        while (m := rx.search(folded, pos, hi)) is not None:
            out.append(m.span(1))
            pos = m.start() + 1
        return out

    assert [m.span(1) for m in agencies._head_matches(folded, lo, hi)] == plain()


def test_a_page_reporting_no_instrument_is_left_before_its_place_is_looked_for(monkeypatch):
    """A news page with no number, signature or order ends the extraction before the scan of every
    province name that the page's place needs; a page that reports an order still gets its place."""
    from phoihop.ingest import extract

    def no_scan(*_a, **_k):
        raise AssertionError("the page's place was looked for")

    news = ("Lễ hội hoa ở Đà Lạt\n\nNgày 3/12, hàng nghìn du khách đến Lâm Đồng xem hoa. "
            "Ban tổ chức cho biết lễ hội kéo dài đến cuối tháng.\n")
    monkeypatch.setattr(extract, "context_for", no_scan)
    got = extract.extract_text(news, "news")
    assert not got.directives and not got.obligations
    monkeypatch.undo()
    orders = ("Tin Quảng Trị\n\nUBND tỉnh Quảng Trị yêu cầu Sở Y tế kiểm tra các cơ sở. "
              "UBND tỉnh Quảng Trị giao Sở Tài chính bố trí kinh phí.\n")
    asked = []
    real = extract.context_for
    monkeypatch.setattr(extract, "context_for", lambda *a: asked.append(a) or real(*a))
    extract.extract_text(orders, "orders")
    assert asked


def test_extract_loads_neither_rich_nor_the_stores():
    """`phoihop extract` prints no table and writes no store: it imports neither (start-up time)."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    code = ("import sys, runpy, tempfile; d = tempfile.mkdtemp(); open(d + '/a.txt', 'w').write('Sở Y tế chủ trì.'); "
            "sys.argv = ['phoihop', 'extract', d + '/a.txt', '--out', d + '/o', '-q']\n"
            "try:\n    runpy.run_path(%r, run_name='__main__')\n"
            "except SystemExit as e:\n    assert not e.code, e.code\n"
            "print(sorted({m.split('.')[0] for m in sys.modules if m.startswith(('rich', 'pydantic', 'phoihop.graph', "
            "'networkx', 'neo4j'))}))") % str(root / "cli.py")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("name", ["_INSTRUCTION", "_ISSUES", "_ORDER_VERB", "_JUST_ORDERED", "_ORDER_WORD"])
def test_word_finders_are_their_patterns(name):
    """A WordFinder (the words looked for with str.find, the pattern tried only there) gives the
    matches of its pattern's own search and finditer, from any pos to any endpos."""
    from phoihop.ingest import extract

    finder = getattr(extract, name)
    pieces = ["giao", "giao thong", "ngiao", "yeu cau", "yeu  cau", "de nghi", "chi dao", "vua", "moi", "co van ban",
              "ban hanh", "phe duyet", "ke hoach", "cong van", "chu tri", "co trach nhiem", "chiu trach nhiem",
              "ubnd", "so", " ", " ", "  ", "\n", "a", "x1", "m²", "中", "thong bao", "huong dan", "van ban"]
    rnd = random.Random(name)
    for _ in range(1500):
        text = "".join(rnd.choice(pieces) + rnd.choice(["", " ", " ", "\n"]) for _ in range(rnd.randint(0, 14)))
        s = rnd.randint(0, len(text))
        e = rnd.randint(s, len(text))
        plain = [m.span(0) + m.groups() for m in finder.pattern.finditer(text, s, e)]
        assert [m.span(0) + m.groups() for m in finder.finditer(text, s, e)] == plain, (text, s, e)
        first = finder.pattern.search(text, s, e)
        found = finder.search(text, s, e)
        assert (found and found.span()) == (first and first.span()), (text, s, e)
        assert [m.span() for m in finder.finditer(text)] == [m.span() for m in finder.pattern.finditer(text)]


def test_inner_marks_are_cleaned_from_the_first_one_on():
    """_clean_line looks for words and numbers split by bold marks only from the word of the first inner
    mark on: the same line as the plain substitutions over the whole line."""
    from phoihop.ingest import layout

    def plain(rest: str) -> str:
        rest = layout._SPLIT_WORD_RE.sub(layout._rejoin, rest)
        return layout._SPLIT_NUMBER_RE.sub(lambda m: m.group().replace("*", "") + " " * m.group().count("*"), rest)

    pieces = ["C**ỤC", "ng**ày", "thu**ế", "trị**thuộc", "V**Ă**N", "1**1**", "ab", "Đ", "²", "_", "x1", "**", "*",
              " ", "  ", ",", "12", "n**ă**m", "Sở", "tế**chủ"]
    rnd = random.Random(5)
    for _ in range(3000):
        rest = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 12)))
        lines = layout._Lines(rest)
        got = layout._clean_line(rest, lines, 0)
        inner = layout._INNER_MARK_RE.search(rest)
        want = plain(rest) if inner else rest
        want = want.replace("*", " ").replace("|", " ")
        if "__" in want or "~~" in want:
            want = want.replace("__", "  ").replace("~~", "  ")
        if rest.strip(" *") and not layout._MARKUP_LINE_RE.fullmatch(rest) and not layout._BULLET_STAR_RE.match(rest):
            assert got == want, rest


def test_kinh_gui_matches_what_the_ignorecase_form_matches():
    """KINH_GUI_RE (each letter with the characters re.I lets it match) finds what the re.I form finds,
    from any pos to any endpos; and its letter classes are exactly re.I's, over every code point."""
    import re

    from phoihop.ingest import structure

    plain = re.compile(r"(?=[kđ])(?:K[íi]nh g[ửu]i\s*:?|điện(?<=\sđiện)\s*:(?:\*\*)?)", re.I)   # (its form before)
    for c, cls in (("k", "Kk\u212a"), ("i", "Ii\u0130\u0131"), ("í", "Íí"), ("ử", "Ửử"), ("u", "Uu"), ("đ", "Đđ"), ("ệ", "Ệệ")):
        assert {chr(x) for x in range(0x110000) if re.fullmatch(re.escape(c), chr(x), re.I)} == set(cls)
    pieces = ["Kính gửi", "KÍNH GỬI", "kinh gui", "Kính Gửi", "\u212a", "\u0130", "\u0131", "K\u0131nh g\u1eedi", "điện", "ĐIỆN", " điện",
              "\nđiện", "Điện", ":", " ", "\n", "**", "x", "gửi", "kính", "Công điện", "a", "\t", "đ", "k"]
    rnd = random.Random(7)
    for _ in range(4000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
        s = rnd.randint(0, len(text))
        e = rnd.randint(s, len(text))
        assert [m.span() for m in structure.KINH_GUI_RE.finditer(text, s, e)] == \
            [m.span() for m in plain.finditer(text, s, e)], (text, s, e)
        a, b = structure.KINH_GUI_RE.match(text, s, e), plain.match(text, s, e)
        assert (a and a.span()) == (b and b.span())
