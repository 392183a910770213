"""``phoihop view``: the coordination network as one self-contained, offline HTML page."""
from __future__ import annotations

import webbrowser
from pathlib import Path
from typing import Optional

import typer
from typing_extensions import Annotated

from phoihop.commands._output import Neo4jOpt, flag, SinceOpt, StoreOpt, UntilOpt, fail, opened
from phoihop.graph.store import StoreError
from phoihop.view.network import DEFAULT_LINKS, DEFAULT_MAX_NODES


def view(
    agency: Annotated[Optional[str], typer.Option("--agency", metavar="NAME",
                                                  help="Focus: this agency and its partners within --depth steps.")] = None,
    topic: Annotated[Optional[str], typer.Option("--topic", metavar="TOPIC",
                                                 help="Topic name (Vietnamese or English) or id.")] = None,
    directive: Annotated[Optional[str], typer.Option("--directive", metavar="N", help=(
        "Focus: this directive (number 345/UBND-YT or id), its issuer and assignees, and the "
        "directives it cites and is cited by within --depth steps."))] = None,
    province: Annotated[Optional[str], typer.Option("--province", metavar="NAME", help=(
        "Only agencies of this province ('Ha Noi' = 'Hà Nội'; 'Trung ương' for central bodies)."))] = None,
    level: Annotated[Optional[str], typer.Option("--level", metavar="LEVEL",
                                                 help="Only agencies of this level: central, province, district, commune.")] = None,
    kind: Annotated[Optional[str], typer.Option("--kind", metavar="KIND",
                                                help="Only agencies of this kind (so, ubnd, cong_an, …).")] = None,
    depth: Annotated[int, typer.Option("--depth", metavar="N", help="Steps from the focus agency or directive.")] = 1,
    links: Annotated[str, typer.Option("--links", metavar="KINDS", help=(
        "Link kinds to draw, comma-separated: coordinates (lead → support), co-assigned (co-leads), "
        "assigns (issuer → agency)."))] = ",".join(DEFAULT_LINKS),
    issuer: Annotated[Optional[str], typer.Option("--issuer", metavar="NAME",
                                                  help="Only directives issued by this agency.")] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    out_file: Annotated[Path, typer.Option("--out", metavar="FILE.html", help="Page to write.")] = Path(
        "phoihop-view.html"),
    open_page: Annotated[bool, flag("--open", help="Open the page in the web browser.")] = False,
    store: StoreOpt = None,
    neo4j: Neo4jOpt = False,
    with_directives: Annotated[bool, flag("--with-directives",
                                                  help="Draw directives as nodes too.")] = False,
    max_nodes: Annotated[int, typer.Option("--max-nodes", metavar="N",
                                           help="At most N agencies drawn when a group is opened (those with most duties).")] = DEFAULT_MAX_NODES,
) -> None:
    """Write the network of agencies (who assigns, leads, supports, coordinates) as one HTML page.

    The page opens on an overview that stays readable at any size: agencies grouped by province
    (or level, or kind), one node per group; click a group to open it into its agencies, click a
    node or link for its duties with source quotes. Type an agency (diacritics optional) to see
    it and its partners. Filters in the page: province, level, kind, topic, years, issuer, link
    kinds. Works offline: everything is in-line, nothing comes from a CDN.

    Examples:

      phoihop view --out archive.html

      phoihop view --agency "so y te ha noi" --depth 2 --out so-y-te.html

      phoihop view --directive 345/UBND-YT --out 345.html

      phoihop view --province "Ha Noi" --topic "mại dâm" --since 2024 --links coordinates --out hn.html
    """
    from phoihop.view.from_store import write_page
    from phoihop.view.network import ViewError, ViewOptions

    if out_file.suffix.lower() not in (".html", ".htm"):
        fail(f"error: {out_file}: the page must end in .html")
    options = ViewOptions(agency=agency, topic=topic, directive=directive, issuer=issuer, since=since,
                          until=until, with_directives=with_directives, max_nodes=max_nodes,
                          province=province, level=level, kind=kind, depth=depth,
                          links=tuple(k.strip() for k in links.split(",") if k.strip()))
    with opened(store, neo4j, read_only=True) as s:
        try:
            path, said, agencies = write_page(s, options, out_file)
        except (StoreError, ViewError) as e:
            fail(f"error: {e}")
        except OSError as e:
            fail(f"error: {out_file}: cannot write ({e.strerror or e})")
    typer.echo(f"wrote {path}: {said}")
    if not agencies:
        typer.echo("no duty matches these filters; the page is empty")
    if open_page and not webbrowser.open(path.resolve().as_uri()):
        typer.echo(f"no web browser to open here; open {path.resolve()} in one", err=True)


def register(app: typer.Typer) -> None:
    app.command("view")(view)
