"""The extraction pipeline: read a file, normalise, extract (``extract_path``)."""
from __future__ import annotations

from pathlib import Path

from .extract import extract_text
from .readers import DEFAULT_LIMITS, Limits, read_document
from .records import Extraction, InputError

__all__ = ["extract_path", "extract_text", "InputError", "iter_inputs"]

SKIP_SUFFIXES = {".json", ".pyc", ".png", ".jpg", ".jpeg", ".gif", ".zip", ".gz"}


def extract_path(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> Extraction:
    """Read one file (txt/md/html/docx/pdf) and extract its records; InputError if unreadable
    or over ``limits`` (size, zip expansion, PDF pages)."""
    p = Path(path)
    doc = read_document(p, limits)
    ex = extract_text(doc.text, document=p.name, path=str(p), title=doc.title, published=doc.published)
    ex.warnings.extend(doc.warnings)
    return ex


def iter_inputs(paths) -> list[Path]:
    """Files named, and every readable non-hidden file under the directories named."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and not any(
                part.startswith(".") for part in f.relative_to(p).parts) and f.suffix.lower() not in SKIP_SUFFIXES))
        else:
            out.append(p)
    return out
