"""SPARQL over the RDF export (rdflib): load a query, run it, print the rows.

A query is given as text, as ``@file.rq``, or by the name of one of the
queries shipped in ``ontology/queries/`` (``duties``, ``coordination``).
Variables can be bound from outside (``agencyId=...``) so that a query is
never built by pasting values into its text.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef

from .vocab import QUERIES_DIR


class QueryError(Exception):
    """A query that cannot be read or run. ``str()`` is one line."""


def named_queries() -> dict[str, Path]:
    return {p.stem: p for p in sorted(QUERIES_DIR.glob("*.rq"))}


def load_query(arg: str) -> str:
    """``@path`` -> the file's text; a shipped query's name -> its text; else ``arg`` itself."""
    if arg.startswith("@"):
        path = Path(arg[1:])
        try:
            return path.read_text(encoding="utf-8")
        except OSError as e:
            raise QueryError(f"{path}: cannot read query file ({e.strerror or e})") from None
    named = named_queries()
    if re.fullmatch(r"[\w-]+", arg) and arg in named:
        return named[arg].read_text(encoding="utf-8")
    return arg


def parse_bindings(pairs: list[str]) -> dict[str, Any]:
    """``name=value`` pairs; ``<...>`` is an IRI, anything else a plain literal."""
    out: dict[str, Any] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not re.fullmatch(r"\w+", name.lstrip("?$")):
            raise QueryError(f"{pair}: a binding is NAME=VALUE")
        out[name.lstrip("?$")] = URIRef(value[1:-1]) if value.startswith("<") and value.endswith(">") else Literal(value)
    return out


def run(rdf: Graph, query: str, bindings: dict[str, Any] | None = None) -> tuple[list[str], list[dict[str, Any]]]:
    """(column names, rows as {column: python value or None}) of a SELECT query."""
    try:
        result = rdf.query(query, initBindings=bindings or {})
    except Exception as e:  # rdflib raises pyparsing / its own errors
        raise QueryError(f"SPARQL: {' '.join(str(e).split())}") from None
    if result.type != "SELECT":
        raise QueryError(f"SPARQL: only SELECT queries are supported here (got {result.type})")
    columns = [str(v) for v in result.vars]
    rows = [{c: _value(row[i]) for i, c in enumerate(columns)} for row in result]
    return columns, rows


def _value(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, Literal):
        v = term.toPython()
        return v if isinstance(v, (int, float, bool, str)) else str(term)
    return str(term)

