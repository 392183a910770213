"""SHACL validation of an RDF export against ``ontology/shapes.ttl`` (pyshacl).

The shapes state the graph's guarantees (every obligation has an agency and a
quoted source, dates are dates, ...) so that any export, from any store, can be
checked by a standard tool and not only by this project's code.
"""
from __future__ import annotations

from functools import lru_cache

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
