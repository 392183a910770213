"""``phoihop export``, ``validate`` and ``sparql``: the graph as RDF and for network tools.

Each reads the whole store (embedded, or Neo4j with ``--neo4j``) through
``Store.to_networkx`` and hands it to ``ontology``; errors are one line on
stderr: exit 1 for a store or file problem or a graph that fails the SHACL
shapes, 2 for a bad option or query.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer
from typing_extensions import Annotated

from phoihop.ontology import network_export, table_export
from phoihop.ontology.rdf_export import RDF_FORMATS, export, to_rdf
from phoihop.ontology.sparql import QueryError, load_query, named_queries, parse_bindings, run
from phoihop.ontology.validate import NotRdf, read_rdf, validate

from ._output import (CsvOpt, IssuerOpt, JsonOpt, KindOpt, LevelOpt, Neo4jOpt, ProvinceOpt, SinceOpt, StoreOpt,
                      TopicOpt, UntilOpt, check_format, clean, emit, fail, flag, opened)

FORMATS = (*RDF_FORMATS, *network_export.FORMATS, *table_export.FORMATS)
AlignOpt = Annotated[bool, flag(
    "--align/--no-align", help="Also state the entailed ORG/ELI/PROV/SKOS/DCMI triples (default on).")]


def _graph(store: str | None, neo4j: bool, filters=None):
    """The store's in-memory model; with ``filters`` (queries.filters.Filters, as typed) only
    the part they choose (queries.subgraph). A filter naming nothing is one line, exit 1."""
    from phoihop.graph.store import StoreError
    from phoihop.queries.agency_match import MatchError
    from phoihop.queries.dates import DateError
    from phoihop.queries.filters import resolve
    from phoihop.queries.subgraph import select

    with opened(store, neo4j, read_only=True) as s:
        if not filters or not filters.described():
            return s.to_networkx()
        try:
            f = resolve(s, filters)
        except (MatchError, DateError, StoreError) as e:
            fail(f"error: {e}")
        return select(s.to_networkx(), f)


def export_cmd(
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help=f"One of {', '.join(FORMATS)}.")],
    out: Annotated[Optional[Path], typer.Option(
        "--out", "-o", metavar="FILE", help="Output file (csv: a directory, or a .zip; parquet: a directory; "
        "xlsx: a .xlsx file). Default: stdout.")] = None,
    topic: TopicOpt = None,
    issuer: IssuerOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    province: ProvinceOpt = None,
    level: LevelOpt = None,
    kind: KindOpt = None,
    store: StoreOpt = None,
    neo4j: Neo4jOpt = False,
    align: AlignOpt = True,
) -> None:
    """Export the graph as RDF (turtle, jsonld, nt), for network tools (graphml, gexf, csv) or as tables (parquet, xlsx).

    Tables for analysis are typed: parquet writes a directory with one file per node label and
    relationship type, xlsx a workbook with one sheet per table.

    The filters export a part: the obligations of the directives of --issuer in the
    period, on --topic, led or supported by an agency that passes --province, --level
    and --kind, with their directives, documents, topics and those agencies.

    Examples:

      phoihop export --format turtle --out phoihop.ttl

      phoihop export --format parquet --out tables/      (then: pandas.read_parquet("tables/Agency.parquet"))

      phoihop export --format xlsx --province "Ha Noi" --out ha-noi.xlsx

      phoihop export --format graphml --province "Ha Noi" --topic "an toan thuc pham" --out hn-food.graphml
    """
    if fmt not in FORMATS:
        fail(f"error: {fmt}: unknown format (one of {', '.join(FORMATS)})", 2)
    if fmt == "csv" and out is None:
        fail("error: csv is two tables: give --out DIR or --out FILE.zip", 2)
    if fmt in table_export.FORMATS and out is None:
        fail(f"error: {fmt} is one table per label and type: give --out "
             f"{'DIR' if fmt == 'parquet' else 'FILE.xlsx'}", 2)
    from phoihop.queries.filters import Filters

    g = _graph(store, neo4j, Filters(province, level, kind, issuer, topic, since, until))
    try:
        text = table_export.write(g, fmt, out) if fmt in table_export.FORMATS else export(g, fmt, out, align_terms=align)
    except OSError as e:
        fail(f"error: {out}: cannot write ({e.strerror or e})")
    if text is not None:
        sys.stdout.write(text)
    else:
        print(f"wrote {out} ({g.number_of_nodes()} nodes, {g.number_of_edges()} relationships)", file=sys.stderr)


def validate_cmd(
    file: Annotated[Optional[Path], typer.Argument(
        help="An exported RDF file (.ttl, .nt, .jsonld, …); without it, the store's export.")] = None,
    store: StoreOpt = None,
    neo4j: Neo4jOpt = False,
) -> None:
    """Check an exported RDF file, or the store's graph, against the SHACL shapes (ontology/shapes.ttl); exit 1 if it does not conform.

    Examples:

      phoihop validate phoihop.ttl      (a file written by 'phoihop export --format turtle')

      phoihop validate --store ./phoihop-data      (the store, exported in memory)
    """
    if file is not None:
        if store or neo4j:
            fail("error: give a FILE or a store (--store/--neo4j), not both", 2)
        try:
            rdf = read_rdf(file)
        except NotRdf as e:
            fail(f"error: {e}", 2)
    else:
        rdf = to_rdf(_graph(store, neo4j))
    conforms, report = validate(rdf)
    print(clean(report.rstrip()))
    if not conforms:
        raise typer.Exit(1)


def sparql_cmd(
    query: Annotated[str, typer.Argument(
        help=f"SPARQL SELECT text, @file.rq, or a shipped query: {', '.join(named_queries())}.")],
    bind: Annotated[Optional[list[str]], typer.Option(
        "--bind", "-b", metavar="NAME=VALUE", help="Bind ?NAME to a literal (or <IRI>); repeatable.")] = None,
    store: StoreOpt = None,
    neo4j: Neo4jOpt = False,
    as_json: JsonOpt = False,
    as_csv: CsvOpt = False,
) -> None:
    """Run a SPARQL SELECT query over the RDF export of the store.

    Example: phoihop sparql duties --bind agencyId=so-y-te-thanh-pho-ha-noi
    """
    check_format(as_json, as_csv)
    try:
        text = load_query(query)
        bindings = parse_bindings(bind or [])
    except QueryError as e:
        fail(f"error: {e}", 2)
    rdf = to_rdf(_graph(store, neo4j))
    try:
        columns, rows = run(rdf, text, bindings)
    except QueryError as e:
        fail(f"error: {e}", 2)
    emit(rows, [(c, c) for c in columns], as_json=as_json, as_csv=as_csv)


def register(app: typer.Typer) -> None:
    app.command("export")(export_cmd)
    app.command("validate")(validate_cmd)
    app.command("sparql")(sparql_cmd)
