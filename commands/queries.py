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

from graph.store import StoreError
from queries import analysis
from queries import run as Q
from queries.agency_match import MatchError
from queries.dates import DateError, period

from ._output import (flag, CsvOpt, JsonOpt, Neo4jOpt, RowsOpt, SinceOpt, StoreOpt, UntilOpt, check_format, emit, fail,
                      opened, out, plain, print_csv, print_json, say, table)


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
    since: SinceOpt = None,
    until: UntilOpt = None,
    limit: RowsOpt = 0,
    store: StoreOpt = None,
    neo4j: Neo4jOpt = False,
    as_json: JsonOpt = False,
    as_csv: CsvOpt = False,
) -> None:
    """The duties of one agency, led and supported, by directive: role, deadline, partners, source quote.

    Examples:

      phoihop duties "so lao dong thuong binh va xa hoi ha noi"

      phoihop duties "Sở LĐTBXH Hà Nội" --role lead --since 2019 --until 2020-06

      phoihop duties "Phòng Y tế quận Đống Đa" --json

      phoihop duties "UBND tinh Nghe An" --limit 20      (the first 20, oldest first)
    """
    with asking(store, neo4j, as_json, as_csv) as s:
        found = Q.agency(s, agency)
        rows = Q.duties(s, found["id"], role.value if role else None, period(since, until), limit or None)
    if as_json or as_csv or not rows:
        emit(rows, [], as_json=as_json, as_csv=as_csv, empty=f"{found['name']}: no duties found")
        return
    out().print(plain(found["name"], style="bold"))
    _by_directive(rows, [("role", "role"), ("deadline", "deadline"), ("partners", "partners"),
                         ("quote", "source quote")])


def coordination(
    agency: Annotated[Optional[str], typer.Option("--agency", help="Only pairs with this agency.")] = None,
    topic: Annotated[Optional[str], typer.Option("--topic", help="Only obligations on this topic (name, English name or id).")] = None,
    issuer: Annotated[Optional[str], typer.Option("--issuer", help="Only directives of this issuer.")] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    limit: RowsOpt = 0,
    store: StoreOpt = None,
    neo4j: Neo4jOpt = False,
    as_json: JsonOpt = False,
    as_csv: CsvOpt = False,
) -> None:
    """Who coordinates with whom: agency pairs with the obligations, topics and directives they share.

    A pair is a lead and a support of one obligation, or two co-leads.

    Examples:

      phoihop coordination

      phoihop coordination --agency "Công an TP Hà Nội" --topic "mại dâm"

      phoihop coordination --issuer "UBND TP Hải Phòng" --since 2011 --until 2011 --csv

      phoihop coordination --topic "an toan thuc pham" --limit 20      (the 20 pairs sharing most)
    """
    with asking(store, neo4j, as_json, as_csv) as s:
        agency_id = Q.agency(s, agency)["id"] if agency else None
        issuer_id = Q.agency(s, issuer)["id"] if issuer else None
        topic_id = Q.topic(topic)["id"] if topic else None
        rows = Q.coordination(s, agency_id, topic_id, issuer_id, period(since, until), limit or None)
    emit(rows, [("a_name", "agency"), ("b_name", "agency"), ("obligations", "obligations"),
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
    topic: Annotated[Optional[str], typer.Option("--topic", help="Only coordination on this topic (name, English name or id).")] = None,
    gaps: Annotated[bool, flag("--gaps", help="Show only the pairs that share a topic but never coordinate.")] = False,
    limit: Annotated[int, typer.Option("--limit", min=0, help="At most this many rows in each list (0: all).")] = 0,
    store: StoreOpt = None,
    neo4j: Neo4jOpt = False,
    as_json: JsonOpt = False,
    as_csv: CsvOpt = False,
) -> None:
    """Hubs of coordination (degree, betweenness) and pairs on one topic that never coordinate.

    Agencies are ranked by degree (number of partners), then betweenness (networkx).
    The pairs work on the same topic but have no COORDINATES_WITH at all.

    --json prints {"hubs": [...], "gaps": [...]}; --csv prints the hubs (or, with --gaps, the pairs).

    Examples:

      phoihop hubs --topic "phòng, chống mại dâm"

      phoihop hubs --topic food-safety --limit 10

      phoihop hubs --topic an-toan-thuc-pham --gaps --csv
    """
    with asking(store, neo4j, as_json, as_csv) as s:
        topic_id = Q.topic(topic)["id"] if topic else None
        found = analysis.hubs(s, topic_id)
    cut = (lambda rows: rows[:limit]) if limit else (lambda rows: rows)
    result = {"hubs": cut(found["hubs"]), "gaps": cut(found["gaps"])}
    gap_columns = [("a_name", "agency"), ("b_name", "agency"), ("topics", "shared topics")]
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
    since: SinceOpt = None,
    until: UntilOpt = None,
    store: StoreOpt = None,
    neo4j: Neo4jOpt = False,
    as_json: JsonOpt = False,
    as_csv: CsvOpt = False,
) -> None:
    """What an issuer assigned, to whom, in a period.

    Each obligation of its directives, with the agencies that lead and support it,
    the deadline and the source quote.

    Examples:

      phoihop issued "UBND quận Đống Đa"

      phoihop issued "uy ban nhan dan thanh pho ha noi" --since 2019-12 --until 2019-12

      phoihop issued "UBND TP Hải Phòng" --csv
    """
    with asking(store, neo4j, as_json, as_csv) as s:
        found = Q.agency(s, issuer)
        rows = Q.issued(s, found["id"], period(since, until))
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
