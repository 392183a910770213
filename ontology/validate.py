"""SHACL validation of an RDF export against ``ontology/shapes.ttl`` (pyshacl).

The shapes state the graph's guarantees (every obligation has an agency and a
quoted source, dates are dates, ...) so that any export, from any store, can be
checked by a standard tool and not only by this project's code.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Graph

from .vocab import SHAPES_FILE


@lru_cache(maxsize=1)
def shapes() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


def validate(rdf_graph: Graph) -> tuple[bool, str]:
    """(conforms, report text). The export already states the entailed types, so no inference."""
    conforms, _, text = shacl_validate(rdf_graph, shacl_graph=shapes(), inference="none",
                                       advanced=False, allow_warnings=False)
    return bool(conforms), text


# Serialisations an exported file may be in, by suffix (the formats ``phoihop export`` writes,
# and the other common RDF ones).
FILE_FORMATS = {".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld",
                ".rdf": "xml", ".xml": "xml", ".owl": "xml", ".n3": "n3", ".trig": "trig", ".nq": "nquads"}


class NotRdf(ValueError):
    """A file that is not an RDF graph this module can read. ``str()`` is one line naming it."""


def read_rdf(path: str | Path) -> Graph:
    """The RDF graph in an exported file; NotRdf (one line naming the file) when it is not one."""
    path = Path(path)
    fmt = FILE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise NotRdf(f"{path}: not an RDF file (suffix one of {', '.join(sorted(FILE_FORMATS))}; "
                     "export one with 'phoihop export --format turtle --out FILE')")
    if not path.is_file():
        raise NotRdf(f"{path}: no such file")
    # an ill-typed literal ("12/2019"^^xsd:date) is the shapes' to report, not a logged traceback
    term_log = logging.getLogger("rdflib.term")
    level, term_log.level = term_log.level, logging.ERROR
    try:
        return Graph().parse(str(path), format=fmt)
    except Exception as e:  # rdflib raises many parser-specific types
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise NotRdf(f"{path}: not readable as {fmt} ({first[:200]})") from None
    finally:
        term_log.setLevel(level)
