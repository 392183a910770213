"""The page a question needs, read from a store in the way that scales with it.

- a focus (``--agency``, ``--directive``): the part of the store around it (``view.around``),
  drawn by ``build_view`` — the same page as from the whole store, at any size;
- the overview of a store of fewer than ``GROUPED_FROM`` obligations (or ``--with-directives``):
  the whole in-memory model (``build_view``), every duty's quote in the page or beside it;
- the overview of a bigger store: aggregate queries (``view.grouped``), cells in the page and
  each cell's agencies in a file beside it.
"""
from __future__ import annotations

from pathlib import Path

from phoihop.graph.store import Store

from .around import around_agency, around_directive
from .grouped import build_grouped, summary as grouped_summary
from .grouped_page import write_grouped
from .network import ViewOptions, build_view
from .page import summary, write_html

# From this many obligations the overview is built from aggregate queries (view.grouped).
GROUPED_FROM = 20_000


def obligations(store: Store) -> int:
    """How many obligations the store holds."""
    return store.query("MATCH (o:Obligation) RETURN count(o) AS n")[0]["n"]


def write_page(store: Store, options: ViewOptions, out: str | Path, grouped: bool | None = None) -> tuple[Path, str, int]:
    """Write the page for ``options``; returns its path, the line that says what it holds, and
    how many agencies it holds. ``grouped`` forces the overview's path (None: by size)."""
    if options.agency or options.directive:
        g, o = (around_directive if options.directive else around_agency)(store, options)
        v = build_view(g, o)
        return write_html(v, out), summary(v), len(v.agencies)
    if grouped is None:
        grouped = not options.with_directives and obligations(store) >= GROUPED_FROM
    if grouped:
        gv = build_grouped(store, options)
        return write_grouped(gv, out), grouped_summary(gv), len(gv.agencies)
    v = build_view(store.to_networkx(), options)
    return write_html(v, out), summary(v), len(v.agencies)
