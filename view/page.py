"""One self-contained HTML page for a view graph: pyvis data, vis-network in-line, no network.

pyvis builds the vis-network nodes, edges and options; the page template
(``assets/page.html``, auto-escaped) in-lines vis-network from the pyvis
package plus our own small script (``assets/view.js``) for the filters,
search and physics toggle. Nothing is fetched from a CDN (pyvis's own
template links Bootstrap from one, so it is not used).

Document text reaches the page only as JSON inside ``<script>`` (escaped by
``script_json``) and is put on screen by ``view.js`` with ``textContent``:
tooltips are DOM elements, never HTML strings.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import pyvis
from pyvis.network import Network

from .network import LEVELS, ViewEdge, ViewGraph, ViewNode, directive_label

ASSETS = Path(__file__).with_name("assets")
VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"

LEVEL_COLOURS = {
    "central": "#c0392b", "province": "#2e86de", "district": "#27ae60",
    "commune": "#e67e22", "unknown": "#95a5a6",
}
LEVEL_NAMES = {
    "central": "central (Bộ, Chính phủ)", "province": "province / city",
    "district": "district (quận, huyện)", "commune": "commune / ward", "unknown": "level unknown",
}

# Agency kind (ingest/data/heads.tsv) -> (shape, legend text, legend glyph, kinds). Others are dots.
KIND_GROUPS = {
    "authority": ("diamond", "people's committee, council, government, ministry", "◆",
                  {"ubnd", "hdnd", "chinh_phu", "bo", "quoc_hoi", "chu_tich_nuoc", "thu_tuong"}),
    "force": ("square", "police, army, court, procuracy, inspection", "■",
              {"cong_an", "quan_su", "bien_phong", "toa_an", "vien_kiem_sat", "thanh_tra", "kiem_toan"}),
    "mass": ("triangle", "party, front, association, union", "▲", {"dang", "mttq", "hoi", "doan_the"}),
    "team": ("hexagon", "steering board, project board, inspection team", "⬢",
             {"ban_chi_dao", "doan_kiem_tra", "ban_qlda", "ban"}),
    "company": ("star", "company, bank, press", "★", {"cong_ty", "ngan_hang", "bao_chi"}),
    "office": ("dot", "department, office, centre, school, other", "●", set()),
}
COLLECTIVE = "collective"

EDGE_STYLES: dict[str, dict[str, Any]] = {
    "lead": {"color": "#2c3e50", "dashes": False, "arrows": "to", "legend": "assigns a duty to lead"},
    "support": {"color": "#d35400", "dashes": [7, 5], "arrows": "to", "legend": "asks to support a duty"},
    "coordinates": {"color": "#8e44ad", "dashes": [2, 4], "arrows": "",
                    "legend": "coordinates with (share a duty)"},
    "issued": {"color": "#7f8c8d", "dashes": False, "arrows": "to", "legend": "issued"},
    "cites": {"color": "#16a085", "dashes": [10, 4, 2, 4], "arrows": "to", "legend": "cites"},
}
DIRECTIVE_COLOUR = {"background": "#fdf6e3", "border": "#b58900",
                    "highlight": {"background": "#fff3c4", "border": "#8a6d00"}}

# Usual abbreviations, for labels only (tooltips and search use the full name).
LABEL_ABBREVIATIONS = (
    ("Ủy ban Mặt trận Tổ quốc Việt Nam", "UB MTTQ VN"), ("Ủy ban nhân dân", "UBND"),
    ("Hội đồng nhân dân", "HĐND"), ("Công ty trách nhiệm hữu hạn", "Công ty TNHH"),
    ("Lao động - Thương binh và Xã hội", "LĐ-TB&XH"), ("Nông nghiệp và Phát triển nông thôn", "NN&PTNT"),
    ("Văn hóa, Thể thao và Du lịch", "VH-TT&DL"), ("Thông tin và Truyền thông", "TT&TT"),
    ("Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Đoàn TNCS HCM"), ("thành phố", "TP"),
)
TITLE = "phoihop: who coordinates with whom"
BIG = 300          # nodes: past this, physics stops once laid out and links are drawn straight
CROWDED = 150      # nodes: past this, only the names of big nodes show until one zooms in
MAX_TOOLTIP_DUTIES = 5
MAX_QUOTE = 600


def script_json(value: Any) -> str:
    """JSON that is also safe inside <script>: no '</', '<!--', '&' or U+2028/9 as such."""
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def level_of(node: ViewNode) -> str:
    level = node.props.get("level")
    return level if level in LEVELS else "unknown"


def kind_group(kind: str | None) -> str:
    for group, (_, _, _, kinds) in KIND_GROUPS.items():
        if kind in kinds:
            return group
    return "office"


def short_label(name: str) -> str:
    """'Ủy ban nhân dân thành phố Hà Nội' -> 'UBND TP Hà Nội'."""
    for long, short in LABEL_ABBREVIATIONS:
        name = name.replace(long, short)
    return name


def _clip(text: str | None, limit: int = MAX_QUOTE) -> str | None:
    if text is None:
        return None
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _directive_line(view: ViewGraph, key: str) -> str:
    p = view.directives.get(key, {})
    parts = [f"{p.get('type') or 'Directive'} {directive_label(p)}" if p.get("number") else directive_label(p)]
    if p.get("date"):
        parts.append(f"of {p['date']}")
    if p.get("issuer"):
        parts.append(f"by {p['issuer']}")
    return " ".join(parts)


def _names(view: ViewGraph, keys: list[str]) -> str:
    return "; ".join(view.names.get(k, k.split(":", 1)[-1]) for k in keys)


def _duty_item(view: ViewGraph, d) -> dict[str, Any]:
    item = {"head": _directive_line(view, d.directive), "quote": _clip(d.quote or d.text),
            "lines": [["Lead", _names(view, d.leads)]]}
    if d.supports:
        item["lines"].append(["Support", _names(view, d.supports)])
    if d.deadline:
        item["lines"].append(["Deadline", d.deadline])
    if d.quote and d.text and " ".join(d.quote.split()) != " ".join(d.text.split()):
        item["lines"].append(["Obligation", _clip(d.text)])
    if d.source:
        item["lines"].append(["Source", d.source])
    return item


def node_tip(view: ViewGraph, n: ViewNode) -> dict[str, Any]:
    """Structured tooltip; ``view.js`` turns it into DOM text."""
    if n.type == "directive":
        p = n.props
        lines = [[k, str(p[f])] for k, f in (("Type", "type"), ("Number", "number"), ("Date", "date"),
                                             ("Issuer", "issuer"), ("Subject", "subject")) if p.get(f)]
        if p.get("stub"):
            lines.append(["Known from", "a citation only"])
        return {"title": _directive_line(view, n.id), "lines": lines}
    p = n.props
    lines = [["Duties", f"{n.led + n.supported} ({n.led} lead, {n.supported} support)"],
             ["Coordinates with", f"{n.partners} agenc{'y' if n.partners == 1 else 'ies'}"],
             ["Level", level_of(n)], ["Kind", p.get("kind") or "unknown"]]
    if p.get("jurisdiction"):
        lines.append(["Jurisdiction", p["jurisdiction"]])
    aliases = [a for a in p.get("aliases") or [] if a != n.name]
    if aliases:
        lines.append(["Also called", _clip("; ".join(aliases), 300)])
    return {"title": n.name, "lines": lines}


def edge_tip(view: ViewGraph, e: ViewEdge) -> dict[str, Any]:
    a, b = view.names.get(e.source, e.source), view.names.get(e.target, e.target)
    if e.kind == "coordinates":
        title = f"{a} ⟷ {b}: {e.count} shared dut{'y' if e.count == 1 else 'ies'}"
    elif e.kind in ("lead", "support"):
        verb = "leads" if e.kind == "lead" else "supports"
        if e.target in view.directives:
            title = f"{a} {verb} {e.count} dut{'y' if e.count == 1 else 'ies'} of {b}"
        else:
            title = f"{a} → {b} ({verb} {e.count} dut{'y' if e.count == 1 else 'ies'})"
    else:
        title = f"{a} {e.kind} {b}"
    tip: dict[str, Any] = {"title": title, "lines": []}
    if e.kind == "coordinates" and e.topics:
        tip["lines"].append(["Topics", "; ".join(view.topics.get(t, t) for t in sorted(e.topics))])
    if e.note:
        tip["lines"].append(["Citation", _clip(e.note)])
    tip["items"] = [_duty_item(view, d) for d in e.duties[:MAX_TOOLTIP_DUTIES]]
    tip["more"] = max(0, len(e.duties) - MAX_TOOLTIP_DUTIES)
    return tip


def vis_options(n_nodes: int) -> dict[str, Any]:
    """Layout that settles quickly from 10 to 2,000 nodes; big graphs stop moving once laid out."""
    big, crowded = n_nodes > BIG, n_nodes > CROWDED
    labels = ({"enabled": True, "min": 8, "max": 30, "drawThreshold": 12, "maxVisible": 30}
              if crowded else {"enabled": False, "drawThreshold": 3})
    return {
        "autoResize": True,
        "layout": {"improvedLayout": not crowded, "randomSeed": 11},
        "physics": {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -4000 if crowded else -12000,
                          "centralGravity": 0.45, "springLength": 100 if crowded else 170,
                          "springConstant": 0.03, "damping": 0.35, "avoidOverlap": 0.6},
            "stabilization": {"enabled": True, "iterations": 120 if n_nodes > 1000 else 200 if big else 400,
                              "updateInterval": 50, "fit": True},
            "minVelocity": 1.0,
        },
        "nodes": {"scaling": {"min": 8 if big else 12, "max": 28 if big else 40,
                              "label": labels},
                  "font": {"size": 21, "face": "Arial, sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "widthConstraint": {"maximum": 200}, "borderWidth": 1.5},
        "edges": {"scaling": {"min": 1, "max": 7}, "smooth": False if big else {"type": "continuous"},
                  "selectionWidth": 2, "hoverWidth": 1.5,
                  "arrows": {"to": {"scaleFactor": 0.55}}},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big,
                        "navigationButtons": False, "keyboard": False, "multiselect": True},
    }


def _vis_node(view: ViewGraph, n: ViewNode) -> dict[str, Any]:
    common = {"tip": node_tip(view, n), "topics": sorted(n.topics), "directives": sorted(n.directives),
              "name": n.name, "type": n.type}
    if n.type == "directive":
        return {"label": n.name, "shape": "box", "color": DIRECTIVE_COLOUR, "margin": 8,
                "font": {"size": 18, "face": "Arial, sans-serif", "bold": True}, **common}
    kind = n.props.get("kind")
    shape = KIND_GROUPS[kind_group(kind)][0]
    colour = LEVEL_COLOURS[level_of(n)]
    out = {"label": short_label(n.name), "shape": shape, "value": n.partners + 1,
           "color": {"background": colour, "border": "#2d3436",
                     "highlight": {"background": colour, "border": "#000000"},
                     "hover": {"background": colour, "border": "#000000"}},
           **common}
    if kind == COLLECTIVE:
        out.update(borderWidth=3, shapeProperties={"borderDashes": [4, 3]})
    return out


def _vis_edge(view: ViewGraph, i: int, e: ViewEdge) -> dict[str, Any]:
    style = EDGE_STYLES[e.kind]
    return {"id": f"e{i}", "kind": e.kind, "color": {"color": style["color"], "highlight": style["color"],
                                                     "hover": style["color"], "opacity": 0.8},
            "dashes": style["dashes"], "arrows": style["arrows"], "value": max(e.count, 1),
            "tip": edge_tip(view, e), "topics": sorted(e.topics), "directives": sorted(e.directives)}


def network_data(view: ViewGraph) -> tuple[list[dict], list[dict], dict]:
    """vis-network nodes, edges and options, built with pyvis."""
    net = Network(directed=True, cdn_resources="in_line")
    for n in view.nodes:
        net.add_node(n.id, **_vis_node(view, n))
    for i, e in enumerate(view.edges):
        net.add_edge(e.source, e.target, **_vis_edge(view, i, e))
    net.options = vis_options(len(view.nodes))
    nodes, edges, *_ = net.get_network_data()
    return nodes, edges, net.options


@lru_cache(maxsize=None)
def _asset(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    for closing in ("</script", "</style"):
        if closing in text.lower():
            raise ValueError(f"{path}: contains {closing}> and cannot be in-lined")
    return text


def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(ASSETS), autoescape=True,
                              undefined=jinja2.StrictUndefined)


def legend() -> dict[str, Any]:
    return {
        "levels": [(LEVEL_COLOURS[lv], LEVEL_NAMES[lv]) for lv in LEVELS],
        "kinds": [(glyph, label) for _, label, glyph, _ in KIND_GROUPS.values()],
        "edges": [(s["color"], "dashed" if s["dashes"] else "solid", s["legend"], k)
                  for k, s in EDGE_STYLES.items()],
    }


def summary(view: ViewGraph) -> str:
    """'Showing 600 of 1,840 agencies …' — what the page holds and what was cut."""
    shown, total = len(view.agencies), view.total_agencies
    links = len(view.edges)
    if view.truncated:
        return (f"showing {shown:,} of {total:,} agencies (those with most links; raise --max-nodes to "
                f"see more), {links:,} links")
    return f"showing {shown:,} agenc{'y' if shown == 1 else 'ies'}, {links:,} links"


def render_html(view: ViewGraph, title: str = TITLE) -> str:
    """The whole page as one string."""
    nodes, edges, options = network_data(view)
    topics = sorted(view.topics.items(), key=lambda kv: kv[1])
    directives = sorted(((k, directive_label(p)) for k, p in view.directives.items()),
                        key=lambda kv: kv[1])
    return _environment().get_template("page.html").render(
        title=title, summary=summary(view), filters=view.filters, legend=legend(),
        with_directives=any(n.type == "directive" for n in view.nodes),
        topics=topics, directives=directives,
        vis_css=_asset(VIS_DIR / "vis-network.css"), vis_js=_asset(VIS_DIR / "vis-network.min.js"),
        view_css=_asset(ASSETS / "view.css"), view_js=_asset(ASSETS / "view.js"),
        nodes_json=script_json(nodes), edges_json=script_json(edges), options_json=script_json(options),
        big=len(view.nodes) > BIG)


def write_html(view: ViewGraph, out: str | Path, title: str | None = None) -> Path:
    path = Path(out)
    path.write_text(render_html(view, title or TITLE), encoding="utf-8")
    return path
