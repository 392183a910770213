"""``phoihop duties``, ``coordination``, ``chain``, ``hubs``, ``issued``: the five questions.

Each command names things the way people do (an agency without diacritics or
with abbreviations, a directive by its printed number), runs one named Cypher
question (``queries/``) and prints a table, or ``--json`` / ``--csv``.
A name that matches several things lists them; one that matches nothing
suggests the nearest; both exit 1, as does a store that is not there.
"""
from __future__ import annotations

from contextlib import contextmanager
from enum import Enum
from typing import Any, Iterator, Optional

import typer

from rich.text import Text
from typing_extensions import Annotated

from phoihop.graph.store import StoreError
from phoihop.queries import analysis
from phoihop.queries import run as Q
from phoihop.queries.agency_match import MatchError
from phoihop.queries.dates import DateError
from phoihop.queries.filters import Filters, resolve

from ._output import (CoAssignedOpt, CsvOpt, IssuerOpt, JsonOpt, KindOpt, LevelOpt, Neo4jOpt, ParquetOpt, ProvinceOpt,
                      RowsOpt, SinceOpt, StoreOpt, TopicOpt, UntilOpt, check_format, emit, fail, flag, opened, out,
                      plain, print_csv, print_json, say, table, write_parquet)


class Role(str, Enum):
    lead = "lead"
    support = "support"


@contextmanager
def asking(store: str | None, neo4j: bool, as_json: bool, as_csv: bool) -> Iterator[Any]:
    """The store, read-only; a bad name, date or query becomes one line and exit 1."""
    check_format(as_json, as_csv)
    with opened(store, neo4j, read_only=True) as s:
        try:
            yield s
        except (MatchError, DateError, StoreError) as e:
            fail(f"error: {e}")


def _by_directive(rows: list[dict[str, Any]], columns: list[tuple[str, str]]) -> None:
    """One table per directive, in row order."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault(r["directive"], []).append(r)
    for items in groups.values():
        d = items[0]
        head = " · ".join(x for x in (d.get("number"), d.get("type"), d.get("date"), d.get("issuer"),
                                      d.get("subject")) if x)
        out().print(table(items, columns, title=head))
    say(f"{len(rows)} obligations in {len(groups)} directive{'s' if len(groups) > 1 else ''}")


def duties(
    agency: Annotated[str, typer.Argument(help="Agency name, alias or abbreviation; diacritics optional.")],
    role: Annotated[Optional[Role], typer.Option("--role", help="Only what it leads, or only what it supports.")] = None,
    topic: TopicOpt = None,
    issuer: IssuerOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    province: ProvinceOpt = None,
    level: LevelOpt = None,
    kind: KindOpt = None,
    limit: RowsOpt = 0,
    store: StoreOpt = None,
    neo4j: Neo4jOpt = False,
    as_json: JsonOpt = False,
    as_csv: CsvOpt = False,
) -> None:
    """The duties of one agency, led and supported, by directive: role, deadline, partners, source quote.

    --province, --level and --kind say which agency AGENCY is ("Sở Y tế" of Hà Nội);
    --topic, --issuer, --since and --until choose its duties.

    Examples:

      phoihop duties "so lao dong thuong binh va xa hoi ha noi"

      phoihop duties "Sở LĐTBXH Hà Nội" --role lead --since 2019 --until 2020-06

      phoihop duties "Phòng Y tế quận Đống Đa" --json

      phoihop duties "UBND tinh Nghe An" --limit 20      (the first 20, oldest first)

      phoihop duties "So Y te" --province "Ha Noi" --topic "an toan thuc pham"
    """
    with asking(store, neo4j, as_json, as_csv) as s:
        f = resolve(s, Filters(province, level, kind, issuer, topic, since, until))
        found = Q.agency(s, agency, among=f)
        rows = Q.duties(s, found["id"], role.value if role else None, limit=limit or None, filters=f)
    if as_json or as_csv or not rows:
        emit(rows, [], as_json=as_json, as_csv=as_csv, empty=f"{found['name']}: no duties found")
        return
    out().print(plain(found["name"], style="bold"))
    _by_directive(rows, [("role", "role"), ("deadline", "deadline"), ("partners", "partners"),
                         ("quote", "source quote")])


def coordination(
    agency: Annotated[Optional[str], typer.Option("--agency", help="Only pairs with this agency.")] = None,
    topic: TopicOpt = None,
    issuer: IssuerOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    province: ProvinceOpt = None,
    level: LevelOpt = None,
    kind: KindOpt = None,
    co_assigned: CoAssignedOpt = False,
    limit: RowsOpt = 0,
    store: StoreOpt = None,
    neo4j: Neo4jOpt = False,
    as_json: JsonOpt = False,
    as_csv: CsvOpt = False,
    parquet: ParquetOpt = None,
) -> None:
    """Who coordinates with whom: agency pairs with the obligations, topics and directives they share.

    A pair is the lead and a support of one obligation ("chủ trì … phối hợp với").
    Co-leads of one obligation were given the same task, not told to cooperate:
    --co-assigned adds them, marked co_assigned in the relation column.
    --province, --level and --kind keep the pairs whose two agencies pass them.
    --csv, --json and --parquet FILE give each pair one example: quote, source, document, start, end.

    Examples:

      phoihop coordination

      phoihop coordination --agency "Công an TP Hà Nội" --topic "mại dâm"

      phoihop coordination --issuer "UBND TP Hải Phòng" --since 2011 --until 2011 --csv

      phoihop coordination --topic "an toan thuc pham" --limit 20      (the 20 pairs sharing most)

      phoihop coordination --province "Ha Noi" --level district --co-assigned --json

      phoihop coordination --parquet pairs.parquet      (then: pandas.read_parquet("pairs.parquet"))
    """
    check_format(as_json, as_csv, parquet)
    with asking(store, neo4j, as_json, as_csv) as s:
        f = resolve(s, Filters(province, level, kind, issuer, topic, since, until))
        agency_id = Q.agency(s, agency)["id"] if agency else None
        rows = Q.coordination(s, agency_id, limit=limit or None, filters=f, co_assigned=co_assigned)
    if parquet is not None:
        write_parquet(rows, parquet)
        say(f"{len(rows)} coordination pairs written to {parquet}", stderr=True)
        return
    relation = [("relation", "relation")] if co_assigned else []
    emit(rows, [("a_name", "agency"), ("b_name", "agency"), *relation, ("obligations", "obligations"),
                ("topics", "topics"), ("labels", "directives")],
         as_json=as_json, as_csv=as_csv, title="coordination pairs", empty="no coordination found")


def chain(
    directive: Annotated[str, typer.Argument(help="Printed number (345/UBND-YT; case, spaces, Đ/D ignored) or directive id.")],
    store: StoreOpt = None,
    neo4j: Neo4jOpt = False,
    as_json: JsonOpt = False,
    as_csv: CsvOpt = False,
) -> None:
    """The citation chain of a directive, transitively, up and down, with depth.

    Up: what it implements, takes as basis or mentions, and what those cite in turn.
    Down: what cites it, and what cites those.

    Examples:

      phoihop chain 345/UBND-YT

      phoihop chain "5555/UBND-ĐT" --json

      phoihop chain "uy-ban-nhan-dan-thanh-pho-ha-noi|2019|5568/UBND-KT"
    """
    with asking(store, neo4j, as_json, as_csv) as s:
        found = Q.directive(s, directive)
        rows = Q.chain(s, found["id"])
    if as_json:
        print_json({"directive": found, "chain": rows})
        return
    if as_csv:
        print_csv(rows)
        return
    out().print(Text.assemble(plain(Q.directive_label(found), style="bold"),
                              plain(f" {found.get('date') or ''} {found.get('issuer') or ''}")))
    if not rows:
        say("cites nothing and is cited by nothing in the store")
        return
    for r in rows:
        r["from"], r["to"] = Q.directive_label(r, "from_"), Q.directive_label(r, "to_")
    columns = [("direction", "direction"), ("depth", "depth"), ("from", "from"), ("relation", "relation"),
               ("to", "to")] + ([("quote", "quote")] if any(r["quote"] for r in rows) else [])
    out().print(table(rows, columns))


def hubs(
    topic: TopicOpt = None,
    gaps: Annotated[bool, flag("--gaps", help="Show only the pairs that share a topic but never coordinate.")] = False,
    issuer: IssuerOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    province: ProvinceOpt = None,
    level: LevelOpt = None,
    kind: KindOpt = None,
    co_assigned: Annotated[bool, flag(
        "--co-assigned", help="Count co-leads of one obligation as working together too.")] = False,
    limit: Annotated[int, typer.Option("--limit", min=0, help="At most this many rows in each list (0: all).")] = 20,
    store: StoreOpt = None,
    neo4j: Neo4jOpt = False,
    as_json: JsonOpt = False,
    as_csv: CsvOpt = False,
) -> None:
    """Hubs of coordination (degree, betweenness) and pairs on one topic that never coordinate.

    Agencies are ranked by degree (number of partners), then betweenness (networkx),
    in the network of lead–support pairs (--co-assigned: and of co-leads). The top 20
    by default (--limit, 0: all).
    The gaps are pairs of one jurisdiction (province; central agencies together) that
    work on the same topic but never coordinate, ranked by how much they work on the
    same topics (over the topics they share, the smaller of their two counts of
    obligations on it, summed).

    --json prints {"hubs": [...], "gaps": [...]}; --csv prints the hubs (or, with --gaps, the pairs).

    Examples:

      phoihop hubs --topic "phòng, chống mại dâm"

      phoihop hubs --topic food-safety --limit 10

      phoihop hubs --gaps --province "Ha Noi"

      phoihop hubs --topic an-toan-thuc-pham --gaps --csv
    """
    with asking(store, neo4j, as_json, as_csv) as s:
        f = resolve(s, Filters(province, level, kind, issuer, topic, since, until))
        found = analysis.hubs(s, filters=f, co_assigned=co_assigned, limit=limit or None)
    result = {"hubs": found["hubs"], "gaps": found["gaps"]}
    gap_columns = [("a_name", "agency"), ("b_name", "agency"), ("province", "province"), ("shared", "shared"),
                   ("topics", "shared topics")]
    if gaps:
        result = {"gaps": result["gaps"]}
    if as_json:
        print_json(result)
    elif as_csv:
        print_csv(result["gaps"] if gaps else result["hubs"])
    else:
        if not gaps:
            emit(result["hubs"], [("name", "agency"), ("degree", "degree"), ("obligations", "obligations"),
                                  ("betweenness", "betweenness")], title="hubs", empty="no coordination found")
        emit(result["gaps"], gap_columns, title="never coordinate, although on the same topic",
             empty="no pairs on the same topic that never coordinate")


def issued(
    issuer: Annotated[str, typer.Argument(help="Issuing agency name, alias or abbreviation; diacritics optional.")],
    topic: TopicOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    province: ProvinceOpt = None,
    level: LevelOpt = None,
    kind: KindOpt = None,
    store: StoreOpt = None,
    neo4j: Neo4jOpt = False,
    as_json: JsonOpt = False,
    as_csv: CsvOpt = False,
) -> None:
    """What an issuer assigned, to whom, in a period.

    Each obligation of its directives, with the agencies that lead and support it,
    the deadline and the source quote. --province, --level and --kind keep the
    obligations given to (led or supported by) at least one agency that passes them.

    Examples:

      phoihop issued "UBND quận Đống Đa"

      phoihop issued "uy ban nhan dan thanh pho ha noi" --since 2019-12 --until 2019-12

      phoihop issued "UBND TP Hải Phòng" --csv

      phoihop issued "Thu tuong Chinh phu" --province "Ha Noi" --level province --topic "thiên tai"
    """
    with asking(store, neo4j, as_json, as_csv) as s:
        f = resolve(s, Filters(province, level, kind, None, topic, since, until))
        found = Q.agency(s, issuer)
        rows = Q.issued(s, found["id"], filters=f)
    if as_json or as_csv or not rows:
        emit(rows, [], as_json=as_json, as_csv=as_csv, empty=f"{found['name']}: nothing assigned found")
        return
    out().print(plain(found["name"], style="bold"))
    _by_directive(rows, [("leads", "lead"), ("supports", "support"), ("deadline", "deadline"),
                         ("quote", "source quote")])


def register(app: typer.Typer) -> None:
    app.command("duties")(duties)
    app.command("coordination")(coordination)
    app.command("chain")(chain)
    app.command("hubs")(hubs)
    app.command("issued")(issued)
