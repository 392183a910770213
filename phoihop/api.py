"""The library for notebooks: open a store, ask the named questions, get rows, a pandas
DataFrame or a networkx graph.

These are the functions the command line calls (``phoihop.queries``), with the same
arguments in Python form, so a notebook and ``phoihop duties …`` give the same answers::

    import phoihop

    with phoihop.open("./phoihop-data") as archive:          # or phoihop.open(neo4j=True)
        duties = archive.duties("so y te ha noi", since="2019")
        duties.df()                                           # a pandas DataFrame
        pairs = archive.coordination(topic="mại dâm", province="Ha Noi")
        g = archive.coordination_graph(topic="mại dâm")       # a networkx Graph

Names are matched as on the command line (no diacritics needed, abbreviations known); a
name that picks out nothing or several things raises ``phoihop.NameNotFound`` /
``phoihop.NameAmbiguous`` with the candidates. Every row is a plain ``dict`` with the keys of
the command's ``--json`` output.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import networkx as nx

from phoihop.graph.store import Store, open_store
from phoihop.queries import analysis
from phoihop.queries import run as Q
from phoihop.queries.agency_match import AmbiguousName as NameAmbiguous
from phoihop.queries.agency_match import UnknownName as NameNotFound
from phoihop.queries.filters import Filters, resolve

__all__ = ["Archive", "Rows", "open", "extract_file", "ingest_files", "NameNotFound", "NameAmbiguous"]


class Rows(list):
    """The rows of one answer: a list of dicts (as ``--json`` prints them) with ``df()``."""

    def df(self):
        """The rows as a pandas DataFrame (``pip install 'phoihop[notebook]'`` for pandas)."""
        try:
            import pandas as pd
        except ImportError as e:  # pragma: no cover - depends on the environment
            raise ImportError("Rows.df() needs pandas: pip install 'phoihop[notebook]'") from e
        return pd.DataFrame(list(self))


@dataclass
class Archive:
    """One open store (read-only) and the questions asked of it.

    Filters (every question that lists agencies or pairs takes them, as on the command line):
    ``province`` (jurisdiction, diacritics optional), ``level`` (central, province, district,
    commune), ``kind`` (so, ubnd, …), ``issuer`` (an agency name), ``topic`` (a topic name or id),
    ``since`` / ``until`` (a year, year-month or date).
    """

    store: Store

    # ------------------------------------------------------------ opening and closing
    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _filters(self, province=None, level=None, kind=None, issuer=None, topic=None, since=None,
                 until=None) -> Filters:
        return resolve(self.store, Filters(province, level, kind, issuer, topic, since, until))

    # ------------------------------------------------------------ what is in the store
    def stats(self) -> dict[str, int]:
        """Nodes per label and relationships per type (``phoihop stats``)."""
        return self.store.counts()

    def agencies(self, **filters: Any) -> Rows:
        """Every agency (id, name, kind, level, jurisdiction), those passing ``province``,
        ``level`` and ``kind`` when given."""
        f = self._filters(**filters)
        return Rows(a for a in Q.agencies(self.store) if f.passes(a))

    def agency(self, name: str, **filters: Any) -> dict[str, Any]:
        """The one agency ``name`` picks out (id, name, …)."""
        return Q.agency(self.store, name, among=self._filters(**filters))

    def directive(self, number: str) -> dict[str, Any]:
        """The one directive a printed number (``345/UBND-YT``) or id picks out."""
        return Q.directive(self.store, number)

    # ------------------------------------------------------------ the named questions
    def duties(self, agency: str, role: str | None = None, limit: int | None = None, *, province=None,
               level=None, kind=None, issuer=None, topic=None, since=None, until=None) -> Rows:
        """``phoihop duties``: one row per obligation the agency leads or supports (``role``
        "lead"/"support" for one of them), with partners, deadline, quote and source."""
        f = self._filters(province, level, kind, issuer, topic, since, until)
        found = Q.agency(self.store, agency, among=f)
        return Rows(Q.duties(self.store, found["id"], role, limit=limit, filters=f))

    def coordination(self, agency: str | None = None, co_assigned: bool = False, limit: int | None = None, *,
                     province=None, level=None, kind=None, issuer=None, topic=None, since=None,
                     until=None) -> Rows:
        """``phoihop coordination``: pairs of a lead and a support of one obligation (and of
        co-leads with ``co_assigned``, marked in ``relation``), most shared obligations first,
        each with an example quote and its source."""
        f = self._filters(province, level, kind, issuer, topic, since, until)
        agency_id = Q.agency(self.store, agency)["id"] if agency else None
        return Rows(Q.coordination(self.store, agency_id, limit=limit, filters=f, co_assigned=co_assigned))

    def chain(self, directive: str) -> Rows:
        """``phoihop chain``: the citation chain of a directive, up then down, nearest first."""
        return Rows(Q.chain(self.store, Q.directive(self.store, directive)["id"]))

    def hubs(self, co_assigned: bool = False, limit: int | None = 20, *, province=None, level=None, kind=None,
             issuer=None, topic=None, since=None, until=None) -> dict[str, Rows]:
        """``phoihop hubs``: {"hubs": agencies by degree and betweenness, "gaps": pairs of one
        jurisdiction on the same topic that never coordinate}, ``limit`` rows each (None: all)."""
        f = self._filters(province, level, kind, issuer, topic, since, until)
        found = analysis.hubs(self.store, filters=f, co_assigned=co_assigned, limit=limit)
        return {"hubs": Rows(found["hubs"]), "gaps": Rows(found["gaps"])}

    def issued(self, issuer: str, *, province=None, level=None, kind=None, topic=None, since=None,
               until=None) -> Rows:
        """``phoihop issued``: what an issuer's directives assigned, to whom, with the quote."""
        f = self._filters(province, level, kind, None, topic, since, until)
        return Rows(Q.issued(self.store, Q.agency(self.store, issuer)["id"], filters=f))

    # ------------------------------------------------------------ graphs
    def coordination_graph(self, co_assigned: bool = False, **filters: Any) -> nx.Graph:
        """The coordination network as an undirected networkx Graph: agencies (attribute
        ``name``), edges weighted by shared obligations; the network ``hubs`` ranks."""
        f = self._filters(**filters)
        pairs = Q.coordination(self.store, filters=f, co_assigned=co_assigned, examples=False)
        return analysis.coordination_graph(pairs)

    def graph(self) -> nx.MultiDiGraph:
        """The whole store as a networkx MultiDiGraph (nodes and relationships of the schema)."""
        return self.store.to_networkx()

    def cypher(self, text: str, **params: Any) -> Rows:
        """A read-only Cypher query with parameters (writes are refused, as in ``phoihop cypher``)."""
        return Rows(self.store.query(text, params))


def open(store: str | Path | None = None, *, neo4j: bool = False) -> Archive:  # noqa: A001 - the verb users expect
    """A store opened read-only: the embedded store in ``store`` (default ``$PHOIHOP_STORE`` or
    ``./phoihop-data``), or Neo4j with ``neo4j=True`` (``NEO4J_URI``, ``NEO4J_USER``,
    ``NEO4J_PASSWORD`` from the environment)."""
    return Archive(open_store(None if store is None else str(store), neo4j=neo4j, read_only=True))


def extract_file(path: str | Path) -> dict[str, Any]:
    """What the extractor finds in one file (``phoihop extract`` writes the same JSON):
    directives, agencies, obligations with their assignees and spans, citations, recipients."""
    from phoihop.ingest.pipeline import extract_path
    return extract_path(path).to_json()


def ingest_files(paths: Iterable[str | Path], store: str | Path | None = None, *, neo4j: bool = False,
           workers: int = 1) -> dict[str, Any]:
    """Ingest files or folders into a store (``phoihop ingest``): each document whole or not at
    all. Returns the summary: counts, and the errors and warnings one line each."""
    from phoihop.graph.loader import ingest_paths
    s = open_store(None if store is None else str(store), neo4j=neo4j, create=True)
    try:
        summary = ingest_paths(list(paths), s, workers=workers)
    finally:
        s.close()
    return {k: v for k, v in vars(summary).items()}
