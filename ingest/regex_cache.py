"""The extractor's compiled regular expressions, kept between processes.

The extractor compiles about 500 patterns, many of them alternations built from the data tables
(body kinds, verbs, places). Python compiles a pattern in Python code (``re._parser`` and
``re._compiler``): about 0.3 s in each process, half of ``phoihop extract``'s start-up and a
twentieth of a 1,000-file run. This module keeps what that compilation produces (the matcher's
code, flags and groups) in the user's cache beside the place index (``$PHOIHOP_CACHE_DIR``, else
``$XDG_CACHE_HOME/phoihop`` or ``~/.cache/phoihop``; ``PHOIHOP_CACHE_DIR=`` (empty) keeps nothing)
and hands it to ``_sre.compile`` in the next process, which then skips the parsing.

- Only patterns compiled by the extractor's own modules (this folder) are kept: another program's
  patterns in the same process are compiled as always.
- An entry is found by the exact pattern text and flags, so a changed rule is a new entry, never a
  stale one; the file is named by the Python version and the matcher's format (``_sre.MAGIC``), and
  ``_sre.compile`` checks the code it is given.
- Anything unexpected (an unreadable or damaged file, a Python whose compiler works otherwise) falls
  back to ``re``'s own compilation: the patterns are the same either way, only slower to make.
- The file is written once, at exit, and only when the process compiled something new; it is
  replaced whole (a reader never sees half a file), and entries no process has used lately are
  dropped when they outnumber the used ones.
"""
from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
from array import array
from pathlib import Path

from .user_cache import cache_dir

try:
    import _sre
    from re import _compiler, _parser
except ImportError:          # another Python: nothing kept, nothing changed
    _sre = _compiler = _parser = None

_HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep
_RE_DIR = os.path.dirname(re.__file__) + os.sep
_KEEP_UNUSED = 2000      # entries kept from earlier processes without being used in this one

_entries: dict[tuple[str, int], tuple[int, bytes, int, dict, tuple]] = {}
_used: set[tuple[str, int]] = set()     # compiled in this process
_served: set[tuple[str, int]] = set()   # of those, made from the file
_added = False
_path: Path | None = None
_compile = None          # re's own


def cache_file() -> Path | None:
    root = cache_dir()
    if root is None:
        return None
    version = "%d.%d" % sys.version_info[:2]
    return root / f"regex-{sys.implementation.name}{version}-{_sre.MAGIC}.marshal"


def install() -> None:
    """Compile the extractor's patterns through the cache from now on (once per process)."""
    global _compile, _path
    if _compile is not None or _sre is None or not hasattr(_compiler, "compile"):
        return
    _path = cache_file()
    if _path is None:
        return
    try:
        with open(_path, "rb") as fh:
            loaded = marshal.load(fh)
        if isinstance(loaded, dict):
            _entries.update(loaded)
    except (OSError, ValueError, EOFError, TypeError):
        pass               # not there yet, or damaged: made anew
    _compile = _compiler.compile
    _compiler.compile = _cached_compile
    atexit.register(_save)


def _ours() -> bool:
    """Is the pattern being compiled one of this folder's (the first caller outside ``re``)?"""
    f = sys._getframe(2)
    while f is not None and f.f_code.co_filename.startswith(_RE_DIR):
        f = f.f_back
    return f is not None and f.f_code.co_filename.startswith(_HERE)


def _cached_compile(p, flags=0):
    global _added
    if not isinstance(p, str) or flags & re.DEBUG or not _ours():
        return _compile(p, flags)
    key = (p, int(flags))
    hit = _entries.get(key)
    if hit is not None:
        try:
            compiled = _sre.compile(p, hit[0], array("I", hit[1]).tolist(), hit[2], hit[3], hit[4])
        except (TypeError, ValueError, RuntimeError, OverflowError, IndexError):
            compiled = None           # not this matcher's code: compiled anew below
        if compiled is not None:
            _used.add(key)
            _served.add(key)
            return compiled
    try:
        parsed = _parser.parse(p, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        entry = (int(flags | parsed.state.flags), array("I", code).tobytes(), parsed.state.groups - 1,
                 groupindex, tuple(indexgroup))
        compiled = _sre.compile(p, entry[0], list(code), entry[2], groupindex, entry[4])
    except re.error:
        raise
    except (TypeError, ValueError, RuntimeError, OverflowError, AttributeError, IndexError):
        _entries.pop(key, None)
        return _compile(p, flags)     # a compiler that works otherwise: re's own way, nothing kept
    _entries[key] = entry
    _used.add(key)
    _added = True
    return compiled


def _save() -> None:
    if not _added or _path is None:
        return
    keep = _entries
    unused = [k for k in _entries if k not in _used]
    if len(unused) > max(_KEEP_UNUSED, len(_used)):
        keep = {k: v for k, v in _entries.items() if k in _used}
    try:
        _path.parent.mkdir(parents=True, exist_ok=True)
        tmp = _path.with_name(f".{_path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            marshal.dump(keep, fh)
        os.replace(tmp, _path)
    except (OSError, ValueError):
        pass               # a read-only home: compiled each time
