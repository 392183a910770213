"""Where the extractor keeps what it builds once for every later run (the place index, the compiled
patterns): ``$PHOIHOP_CACHE_DIR``, else ``$XDG_CACHE_HOME/phoihop`` or ``~/.cache/phoihop``;
``PHOIHOP_CACHE_DIR=`` (empty) keeps nothing. (Standard library only: it is read before the
extractor's patterns are compiled.)"""
from __future__ import annotations

import os
from pathlib import Path

ENV_CACHE_DIR = "PHOIHOP_CACHE_DIR"


def cache_dir() -> Path | None:
    """The user's cache folder for phoihop, or None when told to keep nothing."""
    root = os.environ.get(ENV_CACHE_DIR)
    if root is None:
        root = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "phoihop")
    return Path(root) if root else None
