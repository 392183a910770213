"""Place names and their levels, from the maintained ``vietnamadminunits`` package.

It bundles the legacy units (63 provinces, their districts and wards) and the
units after the 2025 reorganisation (34 provinces, wards/communes/special
zones) in SQLite, offline. We read it once and index by folded short name.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, Sequence

from importlib.util import find_spec

from .textnorm import fold
from .user_cache import cache_dir

# the package's database file, found without importing the package (its parsers load pandas and
# shapely: over a second of every command's start-up, for a file we only read)
_DB = Path(find_spec("vietnamadminunits").origin).parent / "data" / "dataset.db"

# provinces renamed since the texts were written ("Thừa Thiên Huế"), which the database no longer lists
_FORMER_PROVINCES = Path(__file__).with_name("data") / "former_provinces.tsv"

# short forms of provinces' names ("TP.HCM")
_PLACE_ALIASES = Path(__file__).with_name("data") / "place_aliases.tsv"

# Level words as printed -> (level, canonical lower-case word)
LEVEL_WORDS = {
    "tinh": ("province", "tỉnh"),
    "thanh pho": ("province", "thành phố"),   # or a provincial city: resolved by lookup
    "tp": ("province", "thành phố"),
    "quan": ("district", "quận"),
    "huyen": ("district", "huyện"),
    "thi xa": ("district", "thị xã"),
    "xa": ("commune", "xã"),
    "phuong": ("commune", "phường"),
    "thi tran": ("commune", "thị trấn"),
    "dac khu": ("commune", "đặc khu"),
}


class Place(NamedTuple):   # (a tuple: made for each name looked up, from the index's rows)
    name: str              # short name, e.g. "Đống Đa"
    level: str             # province | district | commune
    word: str              # "thành phố", "tỉnh", "quận", ...
    province: str | None   # short name of the province it lies in (None for a province)


# The index is built from the database in about 0.15 s, a fifth of a short run's start-up; it is kept
# as JSON in the user's cache ($PHOIHOP_CACHE_DIR, else $XDG_CACHE_HOME/phoihop or ~/.cache/phoihop;
# PHOIHOP_CACHE_DIR= (empty) keeps nothing), named by what it is built from, and read back in 0.03 s.
def _cache_file() -> Path | None:
    root = cache_dir()
    if root is None:
        return None
    key = hashlib.sha256(sys.version.encode())
    for source in (_DB, _FORMER_PROVINCES, _PLACE_ALIASES, Path(__file__), Path(__file__).with_name("textnorm.py")):
        st = source.stat()
        key.update(f"{source}|{st.st_size}|{st.st_mtime_ns}".encode())
    return root / f"places-{key.hexdigest()[:20]}.json"


@lru_cache(maxsize=1)
def _index() -> dict[str, list[Sequence[str | None]]]:
    """Folded short name -> the places of that name, as rows (name, level, word, province), from the cache
    when it is there. A row becomes a ``Place`` when ``lookup`` asks for its name: making the ten thousand
    tuples at start-up cost a third of reading the index."""
    path = _cache_file()
    if path is not None:
        try:
            rows = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(rows, dict):
                return rows
        except (OSError, ValueError, TypeError):
            pass   # not there yet, or unreadable: build it
    idx = _build_index()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps(idx, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, path)   # whole or not at all: a reader never sees half a file
        except OSError:
            pass   # a read-only home: build it each time
    return idx


def _build_index() -> dict[str, list[Place]]:
    idx: dict[str, set[Place]] = {}

    def add(p: Place) -> None:
        idx.setdefault(fold(p.name), set()).add(p)

    con = sqlite3.connect(f"file:{_DB}?mode=ro", uri=True)
    try:
        for table in ("admin_units_legacy", "admin_units"):
            for prov, short in con.execute(f"SELECT DISTINCT province, provinceShort FROM {table}"):
                word = "thành phố" if prov.lower().startswith("thành phố") else "tỉnh"
                add(Place(short, "province", word, None))
        for short, dshort, dtype in con.execute(
                "SELECT DISTINCT provinceShort, districtShort, districtType FROM admin_units_legacy"):
            if dshort:
                add(Place(dshort, "district", dtype.lower(), short))
        for short, wshort, wtype in con.execute(
                "SELECT DISTINCT provinceShort, wardShort, wardType FROM admin_units_legacy "
                "UNION SELECT DISTINCT provinceShort, wardShort, wardType FROM admin_units"):
            if wshort:
                add(Place(wshort, "commune", wtype.lower(), short))
    finally:
        con.close()
    for line in _FORMER_PROVINCES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            short, word = line.split("\t")
            add(Place(short, "province", word, None))
    for line in _PLACE_ALIASES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            alias, short = line.split("\t")
            idx.setdefault(fold(alias), set()).update(p for p in idx.get(fold(short), ()) if p.level == "province")
    # a stable order (not the set's, which changes with the hash seed of each process)
    return {k: sorted(v, key=lambda p: (("province", "district", "commune").index(p.level), p.province or "",
                                        p.word, p.name)) for k, v in idx.items()}


@lru_cache(maxsize=65536)
def lookup(name: str, level: str | None = None) -> tuple[Place, ...]:
    """Places with this short name (any spelling/case), optionally of one level."""
    found = _index().get(fold(name), [])
    return tuple(Place._make(p) for p in found if level is None or p[1] == level)


def is_place(name: str, level: str | None = None) -> bool:
    return bool(lookup(name, level))


@lru_cache(maxsize=1)
def province_names() -> list[str]:
    return sorted({p[0] for ps in _index().values() for p in ps if p[1] == "province"})


def province_of(name: str, level: str = "district") -> str | None:
    """The province of a district (or commune) name when that is unambiguous."""
    provs = {p.province for p in lookup(name, level)}
    return provs.pop() if len(provs) == 1 else None


def split_level_word(unit: str) -> tuple[str | None, str | None, str]:
    """'huyện Sóc Sơn' -> ('district', 'huyện', 'Sóc Sơn'); without a level word (None, None, name)."""
    folded = fold(unit)
    for word in sorted(LEVEL_WORDS, key=len, reverse=True):
        if folded.startswith(word + " "):
            level, canonical = LEVEL_WORDS[word]
            return level, canonical, unit.split(None, len(word.split()))[-1]
    return None, None, unit


def _province_among(places: tuple[Place, ...], word: str | None) -> str | None:
    """The one province of these places, preferring those of the unit's own word (quận, huyện …)."""
    same_word = [p for p in places if word and p.word == word]
    provinces = {p.province for p in same_word or places}
    return provinces.pop() if len(provinces) == 1 else None


def province_of_unit(unit: str | None) -> str | None:
    """The province an administrative unit lies in, by short name: 'thành phố Hà Nội' -> 'Hà Nội',
    'huyện Sóc Sơn' -> 'Hà Nội'; None when unknown or ambiguous (a district name several
    provinces share)."""
    if not unit:
        return None
    level, word, name = split_level_word(unit.strip())
    if level in (None, "province"):
        provinces = lookup(name, "province")
        if provinces:
            return provinces[0].name
        if level is None:
            return None
        level = "district"      # 'thành phố Thủ Đức': a city below a province
    return _province_among(lookup(name, level), word)


def province_in_name(name: str | None) -> str | None:
    """The province named at the end of a body's name: 'Sở Y tế thành phố Hà Nội' -> 'Hà Nội',
    'Công an các xã huyện Chương Mỹ' -> 'Hà Nội' (the last unit named decides)."""
    if not name:
        return None
    words = name.split()
    folded = [fold(w) for w in words]
    for i in range(len(words) - 2, -1, -1):
        for size in (2, 1):
            if " ".join(folded[i:i + size]) in LEVEL_WORDS and i + size < len(words):
                found = province_of_unit(" ".join(words[i:]))
                if found:
                    return found
    return None
