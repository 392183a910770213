"""The page of a grouped overview (``view.grouped``): cells in the page, agencies beside it.

The page holds one record per *cell* — the agencies of one province, level and kind — with
its duties and the links between cells, so that the overview (groups by province, level or
kind) and its province, level and kind filters need nothing else. Beside it: each cell's
agencies and the links that touch them (``NAME_files/cN.js``), the names the search box finds
(``names.js``) and the duties of cells and links split into facets — year, issuer, topic set —
for the year, issuer and topic filters (``facets.js``). The page's script loads them with a ``<script>``
tag when a group is opened or an agency looked for: offline, from ``file://``, no server.
Everything is escaped as in ``view.page`` (``script_json``; text put on screen as text).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from .grouped import GroupedView, summary
from .page import (COLLECTIVE, TITLE, _Index, _render, kind_group, kind_name, level_of, looks, script_json,
                   short_label)


class _Facets:
    """Numbers issuers and topic sets, and writes a facet counter as [year, issuer, topic set, n] rows."""

    def __init__(self, topics: dict[str, str]) -> None:
        keys = sorted(topics, key=lambda t: topics[t])
        self.topic_names = [topics[t] for t in keys]
        self.t_index = {t: i for i, t in enumerate(keys)}
        self.issuers, self.topic_sets, self.lists = _Index(), _Index(), _Index()
        self.keys: dict[tuple[int, str, tuple[str, ...]], tuple[int, int, int]] = {}

    def key(self, facet: tuple[int, str, tuple[str, ...]]) -> tuple[int, int, int]:
        """(year, issuer, topic ids) -> (year, issuer number, topic set number); one to one."""
        k = self.keys.get(facet)
        if k is None:
            year, issuer, topics = facet
            k = self.keys[facet] = (year, self.issuers(issuer),
                                    self.topic_sets(tuple(sorted(self.t_index[t] for t in topics))))
        return k

    def rows(self, counts: Counter) -> list[list[int]]:
        return sorted([*self.key(f), n] for f, n in counts.items())

    def interned(self, counts: Counter) -> int:
        return self.lists(tuple(tuple(r) for r in self.rows(counts)))


def grouped_data(view: GroupedView, folder: str) -> tuple[dict[str, Any], dict[int, dict[str, Any]], list[list[Any]],
                                                         list[list[list[int]]]]:
    """The page's data (cells and the links between them, with their duties), each cell's file
    (its agencies and their links), the names for the search box, and the facet lists that the
    cells and links refer to by number (a file too: only the year, issuer and topic filters need
    them, and they are most of the weight)."""
    facets = _Facets(view.topics)
    index = {n.id.split(":", 1)[1]: i for i, n in enumerate(view.agencies)}
    cell_of, cells = {}, _Index()
    for n in view.agencies:
        cell_of[index[n.id.split(":", 1)[1]]] = cells((n.province, level_of(n), kind_name(n.props.get("kind"))))
    members: dict[int, list[int]] = defaultdict(list)
    for i, c in cell_of.items():
        members[c].append(i)
    led: dict[int, Counter] = defaultdict(Counter)
    sup: dict[int, Counter] = defaultdict(Counter)
    for a, i in index.items():
        led[cell_of[i]].update(view.led.get(a, {}))
        sup[cell_of[i]].update(view.supported.get(a, {}))
    cell_links: dict[tuple[int, int, str], Counter] = defaultdict(Counter)
    files: dict[int, dict[str, Any]] = {c: {"agencies": [], "links": []} for c in members}
    for lid, ((a, b, kind), counts) in enumerate(sorted(view.links.items())):
        s, t = index[a], index[b]
        cell_links[(cell_of[s], cell_of[t], kind)].update(counts)
        record = [lid, s, t, kind, sum(counts.values()), facets.rows(counts), cell_of[s], cell_of[t]]
        for c in {cell_of[s], cell_of[t]}:
            files[c]["links"].append(record)
    names = []
    for n in view.agencies:
        a = n.id.split(":", 1)[1]
        i, kind = index[a], n.props.get("kind")
        aliases = [x for x in n.props.get("aliases") or [] if x != n.name][:3]
        files[cell_of[i]]["agencies"].append([
            i, n.name, short_label(n.name), n.province, level_of(n), kind_name(kind), kind_group(kind),
            int(kind == COLLECTIVE), facets.rows(view.led.get(a, Counter())),
            facets.rows(view.supported.get(a, Counter())), aliases])
        names.append([i, n.name, aliases, cell_of[i]])
    data = {
        "mode": "overview", "focus": None, "depth": view.depth, "links": list(view.links_asked),
        "maxNodes": view.max_nodes, "agencies": [], "edges": [], "directives": [],
        "grouped": {
            "dir": folder, "agencies": len(view.agencies), "linkCount": len(view.links),
            "cells": [[p, v, k, len(members[c]), facets.interned(led[c]), facets.interned(sup[c]),
                       sum(led[c].values()), sum(sup[c].values())] for c, (p, v, k) in enumerate(cells.items)],
            "links": [[s, t, kind, sum(counts.values()), facets.interned(counts)]
                      for (s, t, kind), counts in sorted(cell_links.items())],
        },
        "topics": facets.topic_names, "topicSets": [list(k) for k in facets.topic_sets.items],
        "issuers": list(facets.issuers.items),
        **looks(),
    }
    return data, files, names, [list(map(list, f)) for f in facets.lists.items]


def write_grouped(view: GroupedView, out: str | Path, title: str | None = None) -> Path:
    """Write the page and its folder (``NAME_files/``: one script per cell, and the names)."""
    path = Path(out)
    folder = path.with_name(path.stem + "_files")
    data, files, names, facets = grouped_data(view, folder.name + "/")
    folder.mkdir(exist_ok=True)
    for old in (*folder.glob("a*.js"), *folder.glob("c*.js")):
        old.unlink()
    for c, content in files.items():
        (folder / f"c{c}.js").write_text(f"window.phoihop.cell({c}, {script_json(content)});\n", encoding="utf-8")
    (folder / "names.js").write_text(f"window.phoihop.names({script_json(names)});\n", encoding="utf-8")
    (folder / "facets.js").write_text(f"window.phoihop.facets({script_json(facets)});\n", encoding="utf-8")
    cells = data["grouped"]["cells"]
    html = _render(title or TITLE, summary(view), view.filters, data, "{}",
                   provinces=sorted({c[0] for c in cells}), kinds=sorted({c[2] for c in cells}),
                   with_directives=False, links=view.links_asked, depth=view.depth)
    path.write_text(html, encoding="utf-8")
    return path
