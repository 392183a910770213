"""``phoihop view``: the coordination network as one self-contained, offline HTML page."""
from __future__ import annotations

import webbrowser
from pathlib import Path
from typing import Optional

import typer
from typing_extensions import Annotated

from commands._output import Neo4jOpt, SinceOpt, StoreOpt, UntilOpt, fail, opened
from graph.store import StoreError
from view.network import DEFAULT_MAX_NODES


def view(
    agency: Annotated[Optional[str], typer.Option("--agency", metavar="NAME",
                                                  help="Only duties this agency leads, supports or issued.")] = None,
    topic: Annotated[Optional[str], typer.Option("--topic", metavar="TOPIC",
                                                 help="Topic name (Vietnamese or English) or id.")] = None,
    directive: Annotated[Optional[str], typer.Option("--directive", metavar="N",
                                                     help="Directive number (345/UBND-YT) or id.")] = None,
    issuer: Annotated[Optional[str], typer.Option("--issuer", metavar="NAME",
                                                  help="Only directives issued by this agency.")] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    out_file: Annotated[Path, typer.Option("--out", metavar="FILE.html", help="Page to write.")] = Path(
        "phoihop-view.html"),
    open_page: Annotated[bool, typer.Option("--open", help="Open the page in the web browser.")] = False,
    store: StoreOpt = None,
    neo4j: Neo4jOpt = False,
    with_directives: Annotated[bool, typer.Option("--with-directives",
                                                  help="Draw directives as nodes too.")] = False,
    max_nodes: Annotated[int, typer.Option("--max-nodes", metavar="N",
                                           help="Keep the N agencies with most links.")] = DEFAULT_MAX_NODES,
) -> None:
    """Write the network of agencies (who assigns, leads, supports, coordinates) as one HTML page.

    The page works offline: everything is in-line, nothing comes from a CDN.

    Hover a node or link for names, duties and source quotes.

    In the page: filter by topic or directive, find agencies typed without diacritics.

    Example: phoihop view --topic "mại dâm" --since 2024 --out mai-dam.html
    """
    from view.network import ViewError, ViewOptions, build_view
    from view.page import summary, write_html

    if out_file.suffix.lower() not in (".html", ".htm"):
        fail(f"error: {out_file}: the page must end in .html")
    options = ViewOptions(agency=agency, topic=topic, directive=directive, issuer=issuer, since=since,
                          until=until, with_directives=with_directives, max_nodes=max_nodes)
    with opened(store, neo4j, read_only=True) as s:
        try:
            g = s.to_networkx()
        except StoreError as e:
            fail(f"error: {e}")
    try:
        v = build_view(g, options)
    except ViewError as e:
        fail(f"error: {e}")
    try:
        path = write_html(v, out_file)
    except OSError as e:
        fail(f"error: {out_file}: cannot write ({e.strerror or e})")
    typer.echo(f"wrote {path}: {summary(v)}")
    if not v.agencies:
        typer.echo("no duty matches these filters; the page is empty")
    if open_page:
        webbrowser.open(path.resolve().as_uri())


def register(app: typer.Typer) -> None:
    app.command("view")(view)
