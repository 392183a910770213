"""The extractor's compiled patterns kept between processes (ingest/regex_cache.py): the same patterns
either way, only the extractor's own kept, a damaged file made anew, nothing kept when told so."""
from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXT = """ỦY BAN NHÂN DÂN TỈNH KON TUM
Số: 12/UBND-KT

CÔNG VĂN
V/v rà soát các dự án đầu tư công

Kính gửi: Sở Tài chính

Thực hiện chỉ đạo của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh giao Sở Tài chính chủ trì, phối hợp với Sở Xây
dựng rà soát các dự án, báo cáo UBND tỉnh trước ngày 15/3/2026.

Nơi nhận:
- Như trên;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
"""

# a process that extracts TEXT and prints its facts, how many patterns it found in the cache, and checks
# that every pattern made from the cache equals the one re compiles itself (pattern, flags and code)
PROBE = r"""
import json, re, sys
from phoihop.ingest import regex_cache
from phoihop.ingest.extract import extract_text
ex = extract_text(sys.argv[1], "t.txt").to_json()
hits = len(regex_cache._served)
same = all(regex_cache._cached_compile(p, f) == regex_cache._compile(p, f) for p, f in list(regex_cache._used))
other = re.compile("[a-z]+ (?:not|the) extractor's \\d+")      # compiled here, outside ingest/
print(json.dumps({"facts": ex, "used": len(regex_cache._used), "hits": hits, "same": same,
                  "other_kept": any(p == other.pattern for p, _ in regex_cache._entries)}))
"""


def run(cache_dir: str | None, home: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PHOIHOP_CACHE_DIR", "XDG_CACHE_HOME")}
    env.update(PYTHONPATH=str(ROOT), XDG_CACHE_HOME=str(home))
    if cache_dir is not None:
        env["PHOIHOP_CACHE_DIR"] = cache_dir
    out = subprocess.run([sys.executable, "-c", PROBE, TEXT], capture_output=True, text=True, env=env, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr, out.stderr
    return json.loads(out.stdout)


def test_a_second_process_takes_the_patterns_from_the_cache_and_extracts_the_same(tmp_path):
    first = run(str(tmp_path), tmp_path / "home")
    (kept,) = tmp_path.glob("regex-*.marshal")
    assert not list(tmp_path.glob(".*.tmp"))
    assert first["used"] > 100 and first["hits"] == 0 and first["same"]
    assert first["facts"]["obligations"], "the probe text gives an obligation"
    written = kept.stat().st_mtime_ns
    second = run(str(tmp_path), tmp_path / "home")
    assert second["hits"] == second["used"] == first["used"]      # every pattern from the cache
    assert second["same"] and second["facts"] == first["facts"]
    assert kept.stat().st_mtime_ns == written                     # nothing new: not written again


def test_only_the_extractors_patterns_are_kept(tmp_path):
    result = run(str(tmp_path), tmp_path / "home")
    assert not result["other_kept"]
    (kept,) = tmp_path.glob("regex-*.marshal")
    with open(kept, "rb") as fh:
        entries = marshal.load(fh)
    assert not any("extractor's" in p for p, _ in entries)


def test_a_damaged_cache_is_made_anew(tmp_path):
    first = run(str(tmp_path), tmp_path / "home")
    (kept,) = tmp_path.glob("regex-*.marshal")
    kept.write_bytes(kept.read_bytes()[:1000])          # cut short
    again = run(str(tmp_path), tmp_path / "home")
    assert again["hits"] == 0 and again["same"] and again["facts"] == first["facts"]
    with open(kept, "rb") as fh:
        assert len(marshal.load(fh)) >= first["used"]   # written whole again


def test_an_entry_with_wrong_code_is_compiled_by_re(tmp_path):
    first = run(str(tmp_path), tmp_path / "home")
    (kept,) = tmp_path.glob("regex-*.marshal")
    with open(kept, "rb") as fh:
        entries = marshal.load(fh)
    for key, (flags, code, groups, groupindex, indexgroup) in entries.items():
        entries[key] = (flags, b"\xff\xff\xff\x7f" * 3, groups, groupindex, indexgroup)   # not matcher code
    with open(kept, "wb") as fh:
        marshal.dump(entries, fh)
    again = run(str(tmp_path), tmp_path / "home")
    assert again["hits"] == 0 and again["same"] and again["facts"] == first["facts"]


def test_an_empty_cache_dir_keeps_nothing(tmp_path):
    home = tmp_path / "home"
    result = run("", home)
    assert result["facts"]["obligations"]
    assert not list(tmp_path.rglob("regex-*"))
