"""One self-contained HTML page for a view graph: compact data, vis-network in-line, no network.

``page_data`` turns the view graph into compact JSON (agencies, links with
their counts split by directive and topic set, a few quoted duties per agency
and link, directives); the page template (``assets/page.html``, auto-escaped)
in-lines vis-network from the pyvis package and our script (``assets/view.js``),
which draws the pictures: an overview of agencies grouped by province (or level,
or kind) that expands group by group, the neighbourhood of one agency, or a
directive with its citation chain; with filters, search and a details panel.
Nothing is fetched from a CDN (pyvis's own template links Bootstrap from one,
so it is not used).

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

from phoihop.ingest.abbreviations import folded_table

from .network import LEVELS, ViewGraph, ViewNode, directive_label

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
    "coordinates": {"color": "#8e44ad", "dashes": False, "arrows": "to",
                    "legend": "coordinates: leads a duty another supports (lead → support)"},
    "co-assigned": {"color": "#95a5a6", "dashes": [2, 4], "arrows": "",
                    "legend": "co-assigned: given the same duty (co-leads)"},
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
# the choices of the page's and the command's link-type filter (view.network.LINK_KINDS)
LINK_CHOICES = {"coordinates": "coordinates (lead → support)", "co-assigned": "co-assigned (same duty)",
                "assigns": "assigns (issuer → agency)"}
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


def vis_options() -> dict[str, Any]:
    """vis-network options; ``view.js`` lays each picture out hidden, then freezes it."""
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 11},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -120, "centralGravity": 0.012,
                                 "springLength": 140, "springConstant": 0.06, "damping": 0.5,
                                 "avoidOverlap": 0.9},
            "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 50, "fit": True},
            "minVelocity": 1.0,
        },
        "nodes": {"scaling": {"min": 10, "max": 46,
                              "label": {"enabled": True, "min": 13, "max": 24, "drawThreshold": 9,
                                        "maxVisible": 26}},
                  "font": {"size": 16, "face": "Arial, sans-serif", "strokeWidth": 4, "strokeColor": "#ffffff"},
                  "widthConstraint": {"maximum": 180}, "borderWidth": 1.5},
        "edges": {"scaling": {"min": 1, "max": 8}, "smooth": False, "selectionWidth": 2, "hoverWidth": 1.5,
                  "arrows": {"to": {"scaleFactor": 0.5}}},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": True,
                        "navigationButtons": False, "keyboard": False, "multiselect": False},
    }


@lru_cache(maxsize=1)
def kind_names() -> dict[str, tuple[str, str]]:
    """Kind code -> (Vietnamese, English) name, from ``ingest/data/kind_names.tsv``."""
    path = Path(__file__).resolve().parent.parent / "ingest" / "data" / "kind_names.tsv"
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, vi, en = line.split("\t")
            out[code] = (vi, en)
    return out


def kind_name(kind: str | None) -> str:
    """'so' -> 'Sở (department)'; never an internal code on screen."""
    vi, en = kind_names().get(kind or "none", kind_names()["none"])
    return f"{vi} ({en})"


class _Index:
    """Numbers the things the page refers to, in first-seen order."""

    def __init__(self) -> None:
        self.items: dict[Any, int] = {}

    def __call__(self, key: Any) -> int:
        return self.items.setdefault(key, len(self.items))


# Details (quoted duties) go to files beside the page when they would make it heavier than this.
DETAILS_INLINE_MAX = 3_000_000
MAX_PANEL_DUTIES = 12


def _year(props: dict[str, Any]) -> int:
    date = str(props.get("date") or "")
    if date[:4].isdigit():
        return int(date[:4])
    year = str(props.get("year") or "")
    return int(year) if year.isdigit() else 0


def page_data(view: ViewGraph) -> tuple[dict[str, Any], dict[int, dict[str, Any]]]:
    """What the page draws, as compact JSON, and the details of each agency (its quoted duties and
    those of the links it starts), which the page loads when one is clicked.

    Counts are split into *facets* — (year, issuer, topic set) -> duties — interned in one table,
    so that the page's filters count exactly without holding every duty: agencies and links refer
    to a facet list by number. Links are arrays [source, target, kind, duties, facets, note]."""
    agencies = [n for n in view.nodes if n.type == "agency"]
    a_index = {n.id: i for i, n in enumerate(agencies)}
    d_keys = sorted(n.id for n in view.nodes if n.type == "directive")
    d_index = {k: i for i, k in enumerate(d_keys)}
    topic_keys = sorted(view.topics, key=lambda t: view.topics[t])
    t_index = {t: i for i, t in enumerate(topic_keys)}
    topic_sets, issuers, facet_lists = _Index(), _Index(), _Index()
    by_id = {n.id: n for n in view.nodes}

    def tset(topics) -> int:
        return topic_sets(tuple(sorted(t_index[t] for t in topics if t in t_index)))

    def facet(directive: str) -> tuple[int, int]:
        p = view.directives.get(directive, {})
        return _year(p), issuers(p.get("issuer") or "")

    def facets(duties, extra=None) -> int:
        counts: dict[tuple[int, int, int], int] = {}
        for d in duties:
            k = (*facet(d.directive), tset(d.topics))
            counts[k] = counts.get(k, 0) + 1
        if extra:
            counts[extra] = counts.get(extra, 0) + 1
        return facet_lists(tuple((y, i, t, n) for (y, i, t), n in sorted(counts.items())))

    def who(key: str) -> int | str:
        """An agency of the page by number, any other by name."""
        return a_index[key] if key in a_index else view.names.get(key) or view.all_names.get(key, key)

    def duty(d) -> dict[str, Any]:
        return {"q": _clip(d.quote or d.text), "o": _clip(d.text) if d.quote and d.text and
                " ".join(d.quote.split()) != " ".join(d.text.split()) else None,
                "h": _directive_line(view, d.directive), "L": [who(a) for a in d.leads],
                "S": [who(a) for a in d.supports], "src": d.source, "dl": d.deadline}

    def by_weight(ds, limit=MAX_PANEL_DUTIES):
        return sorted(ds, key=lambda d: (not d.quote, d.directive, d.id))[:limit]

    def ref(key: str) -> str:
        return f"a{a_index[key]}" if key in a_index else f"d{d_index[key]}"

    details: dict[int, dict[str, Any]] = {i: {"duties": [duty(d) for d in by_weight(n.duties)], "links": {}}
                                          for i, n in enumerate(agencies)}
    out_agencies = []
    for n in agencies:
        led = [d for d in n.duties if n.id in d.leads]
        sup = [d for d in n.duties if n.id not in d.leads]
        out_agencies.append([n.name, short_label(n.name), n.province, level_of(n), kind_name(n.props.get("kind")),
                             kind_group(n.props.get("kind")), int(n.props.get("kind") == COLLECTIVE),
                             facets(led), facets(sup), [a for a in n.props.get("aliases") or [] if a != n.name][:3]])
    links = []
    for e in view.edges:
        ends = (e.source, e.target)
        if not all(x in a_index or x in d_index for x in ends):
            continue
        if e.duties:
            f = facets(e.duties)
        elif e.kind == "issued":
            f = facets([], (*facet(e.target), tset(by_id[e.target].topics if e.target in by_id else ())))
        else:
            f = -1
        if e.duties and e.source in a_index:
            details[a_index[e.source]]["links"][len(links)] = [duty(d) for d in by_weight(e.duties)]
        links.append([ref(e.source), ref(e.target), e.kind, max(e.count, 1), f, _clip(e.note) if e.note else None])
    directives = []
    for k in d_keys:
        p = view.directives.get(k) or by_id[k].props
        directives.append({"n": directive_label(p), "h": _directive_line(view, k), "y": _year(p),
                           "i": issuers(p.get("issuer") or ""), "s": _clip(p.get("subject"), 300)})
    focus = None
    if view.focus is not None and (view.focus in a_index or view.focus in d_index):
        focus = ref(view.focus)
    data = {
        "mode": "agency" if focus and focus.startswith("a") else "directive" if d_keys else "overview",
        "focus": focus, "depth": view.depth, "links": list(view.links), "maxNodes": view.max_nodes,
        "agencies": out_agencies, "edges": links, "directives": directives,
        "topics": [view.topics[t] for t in topic_keys], "topicSets": [list(k) for k in topic_sets.items],
        "issuers": list(issuers.items), "facets": [list(map(list, f)) for f in facet_lists.items],
        **looks(),
    }
    return data, details


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
    """'300 agencies in 4 provinces, 812 links' — what the page holds."""
    shown = len(view.agencies)
    provinces = len({n.province for n in view.agencies})
    focus = ""
    if view.focus:
        focus = f" around {view.names.get(view.focus, view.focus)} (depth {view.depth})"
    return (f"{shown:,} agenc{'y' if shown == 1 else 'ies'} in {provinces:,} "
            f"province{'' if provinces == 1 else 's'}{focus}, {len(view.edges):,} links")


def _details_script(i: int, detail: dict[str, Any]) -> str:
    return f"window.phoihop.details({i}, {script_json(detail)});\n"


def render_html(view: ViewGraph, title: str = TITLE, details_dir: str | None = None) -> tuple[str, dict[int, str]]:
    """The page as one string, and the detail scripts to write beside it (none when they are
    small enough to be in the page: then the page is one self-contained file)."""
    data, details = page_data(view)
    inline = script_json({str(i): d for i, d in details.items()})
    files: dict[int, str] = {}
    if details_dir and len(inline) > DETAILS_INLINE_MAX:
        data["detailsDir"] = details_dir
        files = {i: _details_script(i, d) for i, d in details.items()}
        inline = "{}"
    provinces = sorted({a[2] for a in data["agencies"]})
    kinds = sorted({a[4] for a in data["agencies"]})
    html = _render(title, summary(view), view.filters, data, inline, provinces, kinds,
                   with_directives=any(n.type == "directive" for n in view.nodes),
                   links=view.links, depth=view.depth)
    return html, files


def _render(title: str, said: str, filters: dict[str, str], data: dict[str, Any], details_json: str,
            provinces: list[str], kinds: list[str], with_directives: bool, links: tuple[str, ...],
            depth: int) -> str:
    """The page template filled in: the same page for build_view's data and the grouped one."""
    return _environment().get_template("page.html").render(
        title=title, summary=said, filters=filters, legend=legend(), with_directives=with_directives,
        topics=list(enumerate(data["topics"])), provinces=provinces, kinds=kinds,
        levels=[(lv, LEVEL_NAMES[lv]) for lv in LEVELS], link_kinds=list(LINK_CHOICES.items()),
        chosen_links=set(links), depth=depth,
        vis_css=_asset(VIS_DIR / "vis-network.css"), vis_js=_asset(VIS_DIR / "vis-network.min.js"),
        view_css=_asset(ASSETS / "view.css"), view_js=_asset(ASSETS / "view.js"),
        data_json=script_json(data), details_json=details_json)


def looks() -> dict[str, Any]:
    """What the page's script draws with, whatever the data: link styles, level colours, shapes."""
    return {
        "styles": {k: {"color": v["color"], "dashes": v["dashes"], "arrows": v["arrows"]} for k, v in EDGE_STYLES.items()},
        "levels": {lv: [LEVEL_COLOURS[lv], LEVEL_NAMES[lv]] for lv in LEVELS},
        "shapes": {g: v[0] for g, v in KIND_GROUPS.items()},
        "options": vis_options(),
        "abbr": folded_table(),
    }


def write_html(view: ViewGraph, out: str | Path, title: str | None = None) -> Path:
    """Write the page; a page too heavy to hold every quoted duty gets a folder beside it
    (``NAME_files/``, as browsers save pages) with one small script per agency, loaded on a click."""
    path = Path(out)
    folder = path.with_name(path.stem + "_files")
    html, files = render_html(view, title or TITLE, details_dir=folder.name + "/")
    if folder.exists():
        for old in folder.glob("a*.js"):
            old.unlink()
    if files:
        folder.mkdir(exist_ok=True)
        for i, text in files.items():
            (folder / f"a{i}.js").write_text(text, encoding="utf-8")
    path.write_text(html, encoding="utf-8")
    return path
