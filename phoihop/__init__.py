"""phoihop: Vietnamese government documents to a knowledge graph of agencies and their obligations.

For notebooks (``phoihop.api``; ``docs/library.md``)::

    import phoihop
    with phoihop.open("./phoihop-data") as archive:
        archive.duties("so y te ha noi").df()

The installed package is ``phoihop``; its parts are ``phoihop.ingest`` (read, lay out,
extract), ``phoihop.graph`` (model and stores), ``phoihop.queries`` (the named questions),
``phoihop.ontology`` (RDF), ``phoihop.view`` (the browser page) and ``phoihop.commands``
(the command line). The repository keeps them as top-level folders; a wheel maps each folder
under ``phoihop.`` (``pyproject.toml``, ``package-dir``).

In a checkout (tests, ``python cli.py``, a worktree on ``PYTHONPATH``) this folder is found
first and its search path is extended to the repository root, so that ``phoihop.ingest`` is
the checkout's ``ingest/`` folder: no install needed, and never a second copy of a module.
"""
from __future__ import annotations

from pathlib import Path as _Path

__version__ = "0.1.0"

_ROOT = _Path(__file__).resolve().parent.parent
if (_ROOT / "pyproject.toml").is_file() and (_ROOT / "ingest" / "__init__.py").is_file():
    __path__.append(str(_ROOT))  # type: ignore[name-defined]  # a checkout: the folders beside this one


# The notebook library, loaded on first use so that ``import phoihop.ingest`` (the extractor
# alone, as ``phoihop extract`` needs it) does not load the stores and networkx.
_API = frozenset({"open", "extract_file", "ingest_files", "Archive", "Rows", "NameNotFound", "NameAmbiguous"})


def __getattr__(name: str):
    if name in _API:
        from . import api
        return getattr(api, name)
    raise AttributeError(f"module 'phoihop' has no attribute {name!r}")
