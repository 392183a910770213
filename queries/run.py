"""Run the named questions (``queries/<name>.cypher``) on any store.

Each question is one Cypher text, the same on every store where the dialects
agree; where they do not, ``<name>.<dialect>.cypher`` beside it is used for
that store (dialect "ladybug" for the embedded store, "neo4j" for Neo4j).
Cypher sorts the rows, and so does Python afterwards, with lists inside rows
sorted too, so that both stores give identical answers.

Parameters are never null: LadybugDB cannot type a null parameter, so the
texts read '' as "no filter" (see ``dates.Period.params``).
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any

from phoihop.graph import schema as S
from phoihop.graph.model import number_key, topic_id
from phoihop.graph.store import Store
from phoihop.ingest.textnorm import fold, slug
from phoihop.ingest.topics import scheme, topic_by_name

from .nearest import nearest
from .agency_match import AmbiguousName, UnknownName, find_agency
from .dates import Period
from .filters import Filters, agency_province

HERE = Path(__file__).resolve().parent
DIALECTS = {"embedded": "ladybug", "neo4j": "neo4j"}
# The LIMIT given when the caller wants every row (Cypher has no "no limit" value).
ALL_ROWS = 2**62


@lru_cache(maxsize=None)
def cypher(name: str, store_name: str | None = None) -> str:
    """The text of question ``name`` for a store (its dialect variant when there is one)."""
    variant = _variant(name, store_name)
    return (variant or HERE / f"{name}.cypher").read_text(encoding="utf-8")


def _variant(name: str, store_name: str | None) -> Path | None:
    dialect = DIALECTS.get(store_name or "")
    variant = HERE / f"{name}.{dialect}.cypher"
    return variant if dialect and variant.exists() else None


def run(store: Store, name: str, **params: Any) -> list[dict[str, Any]]:
    """Rows of question ``name`` on ``store`` with ``params``."""
    return store.query(cypher(name, getattr(store, "name", None)), params)


def _sorted(values: list | None) -> list:
    return sorted(v for v in values or [] if v is not None)


def _key(*values: Any) -> tuple:
    """A sort key where None sorts first and numbers and strings never meet."""
    return tuple((0, "") if v is None else (1, v) for v in values)


# ---------------------------------------------------------------- lookups

def agencies(store: Store) -> list[dict[str, Any]]:
    return run(store, "agencies")


def agency(store: Store, text: str, among: Filters | None = None) -> dict[str, Any]:
    """The one agency ``text`` names (forgiving; see ``agency_match``), among those that
    pass the agency filters of ``among`` (resolved) when given: "Sở Y tế" in Hà Nội."""
    rows = agencies(store)
    return find_agency(text, [a for a in rows if among.passes(a)] if among else rows)


def topic(text: str) -> dict[str, Any]:
    """The Topic node (id as in the graph, name, name_en) named by ``text``: a topic's
    Vietnamese or English name or scheme id, any case and diacritics, or a unique part of a name."""
    def node(t: dict[str, Any]) -> dict[str, Any]:
        return {"id": topic_id(t["name"]), "name": t["name"], "name_en": t["name_en"]}

    found = topic_by_name(text) or next((t for t in scheme() if slug(text) == topic_id(t["name"])), None)
    if found:
        return node(found)
    folded = {fold(t["name"]): t["name"] for t in scheme()} | {fold(t["name_en"]): t["name"] for t in scheme()}
    hits = [t for t in scheme() if fold(text) and (fold(text) in fold(t["name"]) or fold(text) in fold(t["name_en"]))]
    if len(hits) == 1:
        return node(hits[0])
    if hits:
        raise AmbiguousName("topic", text, [t["name"] for t in hits])
    near = nearest(fold(text), list(folded), n=5, cutoff=0.5)
    raise UnknownName("topic", text, [folded[n] for n in near] or [t["name"] for t in scheme()])


def directive(store: Store, text: str) -> dict[str, Any]:
    """The directive ``text`` names: its id, or its printed number (as number_key: case,
    spaces and Đ/D do not matter). A number printed by several offices is ambiguous."""
    rows = run(store, "directives")
    for d in rows:
        if d["id"] == text:
            return d
    key = number_key(text.strip())
    hits = [d for d in rows if d["number_key"] == key]
    if not hits and "/" not in key:
        hits = [d for d in rows if (d["number_key"] or "").startswith(key + "/")]
    if len(hits) == 1:
        return hits[0]
    if hits:
        raise AmbiguousName("directive", text, [_candidate(d) for d in hits])
    labels = {d["number_key"] or d["id"]: d for d in rows}
    near = nearest(key, list(labels), n=5, cutoff=0.5)
    raise UnknownName("directive", text, [_candidate(labels[n]) for n in near])


def _candidate(d: dict[str, Any]) -> str:
    """'345/UBND-YT (Ủy ban nhân dân quận Đống Đa, 2024-02-19) id=…' for lists of candidates."""
    what = ", ".join(x for x in (d.get("issuer"), d.get("date")) if x) if d.get("number") else ""
    return directive_label(d) + (f" ({what})" if what else "") + f" id={d['id']}"


def directive_label(d: dict[str, Any], prefix: str = "") -> str:
    """A directive as people cite it: its number, or when it has none
    'Kế hoạch (Ủy ban nhân dân huyện Chương Mỹ, 2022)'. ``prefix`` reads 'from_number' etc."""
    number = d.get(f"{prefix}number")
    if number:
        return number
    when = d.get(f"{prefix}date") or d.get(f"{prefix}year") or d[f"{prefix}id"].rsplit("|", 1)[-1]
    what = ", ".join(str(x) for x in (d.get(f"{prefix}issuer"), when) if x and x != "_")
    return f"{d.get(f'{prefix}type') or 'văn bản'}" + (f" ({what})" if what else "")


# ---------------------------------------------------------------- the questions

def duties(store: Store, agency_id: str, role: str | None = None, period: Period = Period(),
           limit: int | None = None, *, filters: Filters | None = None) -> list[dict[str, Any]]:
    """Question 1: one row per obligation the agency leads or supports, by directive,
    in date order (undated directives last); the first ``limit`` rows (None: all).
    ``filters`` (resolved): the directive's issuer, the topic and the period.

    ``partners`` are the other assignees of the same obligation with their roles.
    """
    every = question_params(filters, period=period)
    params = {"agency": agency_id, "role": role or "",
              **{k: every[k] for k in ("issuer", "topic", "since", "until", "since_year", "until_year")}}
    rows = None
    if limit is not None and _busy(store, agency_id, limit):
        rows = run(store, "duties_by_date", limit=limit, **params)
        if len(rows) < limit:  # the dated directives did not fill the page: undated ones follow them
            rows = None
    if rows is None:
        rows = run(store, "duties", limit=ALL_ROWS if limit is None else limit, **params)
    out = []
    for r in rows:
        partners = ([{"agency": a, "role": "lead"} for a in _sorted(r.pop("co_leads"))]
                    + [{"agency": a, "role": "support"} for a in _sorted(r.pop("supporters"))])
        out.append({**r, "partners": partners})
    return sorted(out, key=lambda r: _key(r["date"] is None, r["date"], r["directive"], r["source"], r["start"],
                                          r["obligation"]))


# A page of an agency's duties is found by walking directives in date order (on stores
# with an ordered date index, where ``duties_by_date`` has a variant) when the agency's
# share of all obligations makes that cheaper than sorting all of its own: walking costs
# ~8 store reads per obligation passed (limit / share of them), sorting ~20 per obligation
# of the agency, so the walk wins when duties**2 > BUSY * limit * obligations.
BUSY = 0.4


def _busy(store: Store, agency_id: str, limit: int) -> bool:
    if _variant("duties_by_date", getattr(store, "name", None)) is None:
        return False
    counts = run(store, "duty_count", agency=agency_id)
    return bool(counts) and counts[0]["duties"] ** 2 > BUSY * limit * counts[0]["obligations"]


# The two kinds of pairs: a lead and a support of one obligation (COORDINATES_WITH), and
# two co-leads of one obligation (CO_ASSIGNED: given the same task, not told to cooperate).
COORDINATES, CO_ASSIGNED = "coordinates", "co_assigned"
# The stored per-topic summary holds lead–support pairs once the derivation keeps
# co-leads apart (CO_ASSIGNED in the schema); before, it mixed both kinds.
DERIVES_CO_ASSIGNED = "CO_ASSIGNED" in S.RELATIONSHIPS


def question_params(filters: Filters | None = None, topic_id: str | None = None, issuer_id: str | None = None,
                    period: Period = Period()) -> dict[str, Any]:
    """The filter parameters of a question: a resolved ``Filters``, with the older
    keyword arguments (topic_id, issuer_id, period) taking precedence when given."""
    params = (filters or Filters()).params()
    if topic_id:
        params["topic"] = topic_id
    if issuer_id:
        params["issuer"] = issuer_id
    if period != Period():
        params.update(period.params())
    return params


def coordination(store: Store, agency_id: str | None = None, topic_id: str | None = None,
                 issuer_id: str | None = None, period: Period = Period(), limit: int | None = None,
                 precomputed: bool = True, *, filters: Filters | None = None,
                 co_assigned: bool = False, examples: bool = True) -> list[dict[str, Any]]:
    """Question 2: one row per pair of a lead and a support of one obligation
    (``relation`` "coordinates"), with what they share, the pairs sharing most
    obligations first; at most ``limit`` rows (None: all). ``co_assigned`` adds the
    pairs of co-leads (``relation`` "co_assigned"; a pair may have a row of each kind).
    Every row carries one example (unless ``examples`` is False): the ``quote``, its
    ``source`` (path), ``document`` (id) and ``start``/``end`` offsets.

    ``filters`` (resolved, see ``queries.filters``): both agencies pass the agency
    filters; the obligations those on topic, issuer and period.
    A topic filter without issuer or period is read from the stored per-topic summary
    (COORDINATES_ON) unless ``precomputed`` is False: same rows, without aggregating
    every obligation of the topic.
    """
    params = question_params(filters, topic_id, issuer_id, period)
    cap = limit if limit is not None else ALL_ROWS
    out = []
    for relation in (COORDINATES, CO_ASSIGNED) if co_assigned else (COORDINATES,):
        rows = _pairs(store, relation, agency_id or "", params, cap, precomputed)
        out += [{**r, "relation": relation} for r in rows]
    out.sort(key=lambda r: _key(-r["obligations"], r["a_name"], r["b_name"], r["a_id"], r["b_id"], r["relation"]))
    out = out[:cap]
    return _with_examples(store, out, params) if examples else out


def _pairs(store: Store, relation: str, agency_id: str, params: dict[str, Any], cap: int,
           precomputed: bool) -> list[dict[str, Any]]:
    """The rows of one kind of pair, labelled and sorted."""
    rows = []
    plain = params["issuer"] == "" and params["since"] == "" and params["until"] == ""
    if (precomputed and relation == COORDINATES and DERIVES_CO_ASSIGNED and params["topic"] and plain
            and cap):
        rows = run(store, "coordination_topic", agency=agency_id, limit=cap,
                   **{k: params[k] for k in ("topic", "filtered", "agency_ids")})
        names = {t["id"]: t["name"] for t in run(store, "topics")} if rows else {}
        rows = [{**r, "topics": [names.get(t, t) for t in r["topics"] or []]} for r in rows]
    if not rows:  # no summary rows: none on the topic, or a store derived before the summary existed
        rows = run(store, "coordination", relation=relation, agency=agency_id, limit=cap, **params)
        rows = [{**r, "topics": _sorted(r.pop("obligation_topics")) + _sorted(r.pop("directive_topics"))}
                for r in rows]
    ids = sorted({d for r in rows for d in r["directives"] or []})
    labels = {d["id"]: directive_label(d) for d in run(store, "directive_labels", ids=ids)} if ids else {}
    return [{
        "a_id": r["a_id"], "a_name": r["a_name"], "b_id": r["b_id"], "b_name": r["b_name"],
        "obligations": r["obligations"], "directives": _sorted(r["directives"]),
        "labels": sorted(labels[d] for d in set(r["directives"])),
        "topics": sorted(set(r["topics"])),
    } for r in rows]


EXAMPLE = ("quote", "source", "document", "start", "end")


def _recent(e: dict[str, Any]) -> tuple:
    """The example order of graph/derive.py: the latest directive date first (undated
    last), then document id, offset and obligation id. Dates are ISO text: a date's
    ordinal is negated so that later dates come first."""
    day = _ordinal(e["date"])
    return (day is None, -(day or 0), e["document"], e["start"], e["obligation"])


def _ordinal(value: Any) -> int | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]).toordinal() if value else None
    except ValueError:
        return None


def _with_examples(store: Store, rows: list[dict[str, Any]], params: dict[str, Any]) -> list[dict[str, Any]]:
    """``rows`` with each pair's example: its most recent shared obligation (``_recent``;
    the same on every store), among those the row counts."""
    found: dict[tuple, dict[str, Any]] = {}
    for relation in sorted({r["relation"] for r in rows}):
        pairs = [{"a": r["a_id"], "b": r["b_id"]} for r in rows if r["relation"] == relation]
        if not pairs:
            continue
        keep = {k: params[k] for k in ("topic", "issuer", "since", "until", "since_year", "until_year")}
        for e in run(store, "coordination_examples", pairs=pairs, relation=relation, **keep):
            key = (relation, e["a_id"], e["b_id"])
            if key not in found or _recent(e) < _recent(found[key]):
                found[key] = e
    empty = dict.fromkeys(EXAMPLE)
    return [{**r, **{k: found.get((r["relation"], r["a_id"], r["b_id"]), empty)[k] for k in EXAMPLE}}
            for r in rows]


def chain(store: Store, directive_id: str) -> list[dict[str, Any]]:
    """Question 3: every citation edge of the chain of a directive, 'up' (what it cites,
    transitively) then 'down' (what cites it, transitively), nearest first."""
    rows = run(store, "chain", directive=directive_id)
    order = {"up": 0, "down": 1}
    return sorted(rows, key=lambda r: _key(order[r["direction"]], r["depth"], r["from_id"], r["to_id"],
                                           r["relation"], r["quote"]))


def gaps(store: Store, topic_id: str | None = None, *, filters: Filters | None = None,
         co_assigned: bool = False, limit: int | None = None) -> list[dict[str, Any]]:
    """Question 4, second half: pairs of agencies of one jurisdiction (province; central
    agencies together) that work on the same topic but never coordinate (no
    COORDINATES_WITH, nor CO_ASSIGNED when ``co_assigned``), ranked by ``shared``: over
    the topics they share, the smaller of their two counts of obligations on it, summed
    (then by the number of shared topics, then names). At most ``limit`` rows (None: all).

    An agency whose jurisdiction lies in no one province (a district name several
    provinces have, or none given below the central level) is in no pair.
    """
    params = question_params(filters, topic_id)
    members = run(store, "gaps", **params)
    apart = _coordinating(store, params, co_assigned)
    names = {m["id"]: m["name"] for m in members}
    provinces = {a["id"]: agency_province(a) for a in agencies(store) if a["id"] in names}
    shared: dict[tuple[str, str], list] = {}
    for (topic, province), group in _by_topic_and_place(members, provinces).items():
        for i, (a, na) in enumerate(group):
            for b, nb in group[i + 1:]:
                if (a, b) not in apart:
                    e = shared.setdefault((a, b), [0, [], province])
                    e[0] += min(na, nb)
                    e[1].append(topic)
    rows = [{"a_id": a, "a_name": names[a], "b_id": b, "b_name": names[b], "province": province,
             "shared": score, "topics": sorted(topics)}
            for (a, b), (score, topics, province) in shared.items()]
    rows.sort(key=lambda r: _key(-r["shared"], -len(r["topics"]), r["a_name"], r["b_name"], r["a_id"], r["b_id"]))
    return rows if limit is None else rows[:limit]


def _by_topic_and_place(members: list[dict[str, Any]], provinces: dict[str, str | None]
                        ) -> dict[tuple[str, str], list[tuple[str, int]]]:
    """{(topic, province): [(agency id, obligations on the topic)], by id} of the member rows."""
    groups: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for m in members:
        province = provinces.get(m["id"])
        if province:
            groups.setdefault((m["topic"], province), []).append((m["id"], m["obligations"]))
    return {k: sorted(v) for k, v in groups.items()}


def _coordinating(store: Store, params: dict[str, Any], co_assigned: bool) -> set[tuple[str, str]]:
    """Pairs (smaller id first) that coordinate, or are co-assigned too when asked."""
    keep = {k: params[k] for k in ("filtered", "agency_ids")}
    names = ["coordinating_pairs"] + (["co_assigned_pairs"] if co_assigned and DERIVES_CO_ASSIGNED else [])
    return {tuple(sorted((r["a_id"], r["b_id"]))) for n in names for r in run(store, n, **keep)}


def issued(store: Store, issuer_id: str, period: Period = Period(), *,
           filters: Filters | None = None) -> list[dict[str, Any]]:
    """Question 5: what the issuer's directives assigned, to whom (leads, supports), with the quote.
    ``filters`` (resolved): the topic, the period, and the agency filters, which keep the
    obligations with an assignee that passes them (``filters.issuer`` is not used)."""
    params = question_params(filters, period=period)
    params["issuer"] = issuer_id
    rows = run(store, "issued", **params)
    out = [{**r, "leads": _sorted(r["leads"]), "supports": _sorted(r["supports"])} for r in rows]
    return sorted(out, key=lambda r: _key(r["date"] is None, r["date"], r["directive"], r["source"], r["start"],
                                          r["obligation"]))
