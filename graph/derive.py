"""The derived relationships between agencies, for every store: what they mean and how
they are read back and recomputed.

- ``COORDINATES_WITH``: one agency leads an obligation and the other supports it (the
  "chủ trì … phối hợp với" of Nghị định 30/2020, Điều 23.2);
- ``CO_ASSIGNED``: both lead one obligation (given the same task, not told to cooperate);
- ``COORDINATES_ON``: ``COORDINATES_WITH`` per topic (obligations about the topic or imposed
  by a directive about it), a summary the stores keep so that coordination on one topic is
  read without aggregating.

Each pair is stored once, from the smaller agency id, with ``obligations`` (count),
``directives``, ``topics`` (the obligations' own and their directives'), ``firstDate`` and
``lastDate`` (the directives' dates, ``datetime.date``) and one example: the most recent
obligation (latest directive date, then document id, then offset) with its ``quote``,
``document``, ``start`` and ``end``. A pair's properties depend only on the obligations
the two agencies share, so recomputing the pairs whose obligations changed (``derive``
with ``pairs``) gives exactly what a full recomputation gives.

Stores hand in ``read(cypher, params) -> list of row tuples``; the queries here use only
Cypher that LadybugDB and Neo4j both read the same way.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import combinations
from typing import Any, Callable, Iterable

from . import schema as S
from .model import DocumentGraph, Rel

Read = Callable[[str, dict[str, Any]], list[tuple]]
Pair = tuple[str, str]

# Pairs recomputed one by one up to this many; beyond it a store rebuilds everything
# (a bulk ingest touches most pairs, and one pass over all roles is then cheaper).
INCREMENTAL_LIMIT = 20_000
# Up to this many pairs (documents, directives), each is read by queries that start at its
# own keys, so that a one-document update costs what its agencies' obligations cost, never
# the size of the store (LadybugDB plans ``UNWIND $ids … MATCH`` as a scan of whole tables);
# beyond it one query reads them all (a bulk ingest, where a few scans are cheaper).
PER_KEY_LIMIT = 200


@dataclass(frozen=True)
class Duty:
    """What the derived relationships summarise of one obligation."""

    directive: str | None
    date: date | None
    topics: frozenset[str]
    document: str
    start: int
    end: int


def as_date(value: Any) -> date | None:
    """An ISO date string (or a date) as a ``date``; partial or malformed dates give None."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _example_key(ob: str, d: Duty) -> tuple:
    """The example of a pair is its most recent obligation (dated first, latest date first)."""
    return (d.date is None, -(d.date.toordinal()) if d.date else 0, d.document, d.start, ob)


def kinds(leads: set[str], supports: set[str]) -> set[tuple[str, str, str]]:
    """(relationship type, a, b) of one obligation's roles, a < b. An agency named both to
    lead and to support counts as a lead."""
    out = set()
    for lead in leads:
        for s in supports - leads:
            out.add((S.COORDINATES_WITH, min(lead, s), max(lead, s)))
    for a, b in combinations(sorted(leads), 2):
        out.add((S.CO_ASSIGNED, a, b))
    return out


def all_pairs(agencies: Iterable[str]) -> set[Pair]:
    """Every unordered pair of agencies that share an obligation (whatever their roles)."""
    return set(combinations(sorted(set(agencies)), 2))


def summarise(roles: Iterable[tuple[str, str, str]], duties: dict[str, Duty],
              pairs: set[Pair] | None = None) -> dict[str, dict[tuple, dict[str, Any]]]:
    """type -> key -> properties (with ``example``: the example obligation's id, whose quote
    the caller adds). Keys are (a, b), and (a, b, topic) for COORDINATES_ON. ``roles`` are
    (obligation, agency, "lead"|"support") rows; ``pairs``: only these pairs."""
    by_ob: dict[str, tuple[set[str], set[str]]] = {}
    for ob, agency, role in roles:
        e = by_ob.setdefault(ob, (set(), set()))
        e[0 if role == "lead" else 1].add(agency)
    shared: dict[str, dict[tuple, list[str]]] = {t: {} for t in S.DERIVED}
    for ob, (leads, supports) in by_ob.items():
        for t, a, b in kinds(leads, supports):
            if pairs is not None and (a, b) not in pairs:
                continue
            shared[t].setdefault((a, b), []).append(ob)
            if t == S.COORDINATES_WITH:
                for topic in duties[ob].topics:
                    shared[S.COORDINATES_ON].setdefault((a, b, topic), []).append(ob)
    return {t: {k: _props(obs, duties) for k, obs in sorted(groups.items())} for t, groups in shared.items()}


def _props(obs: list[str], duties: dict[str, Duty]) -> dict[str, Any]:
    ds = [duties[o] for o in obs]
    dates = [d.date for d in ds if d.date]
    example = min(obs, key=lambda o: _example_key(o, duties[o]))
    e = duties[example]
    return {"obligations": len(set(obs)), "directives": sorted({d.directive for d in ds if d.directive}),
            "topics": sorted(set().union(*(d.topics for d in ds))),
            "firstDate": min(dates, default=None), "lastDate": max(dates, default=None),
            "quote": None, "document": e.document, "start": e.start, "end": e.end, "example": example}


def to_rels(summary: dict[str, dict[tuple, dict[str, Any]]], quotes: dict[str, str]) -> dict[str, list[Rel]]:
    """The relationships to write, by type, with each example's quote filled in."""
    out: dict[str, list[Rel]] = {}
    for t, groups in summary.items():
        rels = out[t] = []
        for key, props in groups.items():
            p = {k: v for k, v in props.items() if k != "example"}
            p["quote"] = quotes.get(props["example"])
            if t == S.COORDINATES_ON:
                p["topic"] = key[2]
            rels.append(Rel(t, S.AGENCY, key[0], S.AGENCY, key[1], p))
    return out


def examples(summary: dict[str, dict[tuple, dict[str, Any]]]) -> list[str]:
    return sorted({p["example"] for groups in summary.values() for p in groups.values()})


# ---------------------------------------------------------------- from documents' graphs

def from_graphs(graphs: Iterable[DocumentGraph]) -> dict[str, list[Rel]]:
    """The derived relationships that documents' graphs give once stored (what a store's
    derivation must equal; tests and the in-memory exports use it)."""
    graphs = list(graphs)
    dates, dtopics, imposes, own, ev, roles = {}, {}, {}, {}, {}, []
    for g in graphs:
        for n in g.nodes:
            if n.label == S.DIRECTIVE and not n.props.get("stub"):
                dates[n.id] = as_date(n.props.get("date"))
        for r in g.rels:
            if r.type == S.IMPOSES:
                imposes[r.end] = min(imposes.get(r.end, r.start), r.start)
            elif r.type == S.ABOUT:
                (own if r.start_label == S.OBLIGATION else dtopics).setdefault(r.start, set()).add(r.end)
            elif r.type == S.EVIDENCED_BY:
                ev[r.start] = r.props
            elif r.type in (S.LEADS, S.SUPPORTS):
                roles.append((r.end, r.start, "lead" if r.type == S.LEADS else "support"))
    duties = {}
    for ob, e in ev.items():
        d = imposes.get(ob)
        duties[ob] = Duty(d, dates.get(d), frozenset(own.get(ob, set()) | dtopics.get(d, set())),
                          e[S.REL_DOC_PROPERTY], e["start"], e["end"])
    summary = summarise(roles, duties)
    return to_rels(summary, {ob: e["quote"] for ob, e in ev.items()})


# ---------------------------------------------------------------- from a store

def _scope(var: str, label: str, ids: list[str] | None) -> tuple[str, dict[str, Any]]:
    """MATCH every node of ``label``, or (``ids``) only those, by their key."""
    if ids is None:
        return f"MATCH ({var}:{label})", {}
    return f"UNWIND $ids AS i MATCH ({var}:{label} {{id: i}})", {"ids": ids}


def read_roles(read: Read, obligations: list[str] | None = None) -> list[tuple[str, str, str]]:
    """(obligation, agency, role) of every obligation, or of ``obligations``."""
    match, params = _scope("o", S.OBLIGATION, obligations)
    return [(o, a, role) for role, t in S.ROLES.items()
            for o, a in read(f"{match} MATCH (a:{S.AGENCY})-[:{t}]->(o) RETURN o.id, a.id", params)]


def read_duties(read: Read, obligations: list[str] | None = None) -> dict[str, Duty]:
    """Each obligation's directive (the smallest id imposing it), date, topics and source."""
    match, params = _scope("o", S.OBLIGATION, obligations)
    # No aggregation in Cypher (a server would hold every group): the smallest directive here.
    rows: dict[str, tuple] = {}
    for o, doc, start, end, d in read(f"{match} MATCH (o)-[e:{S.EVIDENCED_BY}]->(x:{S.DOCUMENT}) "
                                      f"OPTIONAL MATCH (d:{S.DIRECTIVE})-[:{S.IMPOSES}]->(o) "
                                      "RETURN o.id, x.id, e.start, e.`end`, d.id", params):
        old = rows.get(o)
        if old is None or (d is not None and (old[4] is None or d < old[4])):
            rows[o] = (o, doc, start, end, d)
    rows = list(rows.values())
    own: dict[str, set[str]] = {}
    for o, t in read(f"{match} MATCH (o)-[:{S.ABOUT}]->(t:{S.TOPIC}) RETURN o.id, t.id", params):
        own.setdefault(o, set()).add(t)
    directives = sorted({r[4] for r in rows if r[4] is not None})
    dmatch, dparams = _scope("d", S.DIRECTIVE, None if obligations is None else directives)
    dates = {d: as_date(v) for d, v in read(f"{dmatch} RETURN d.id, d.date", dparams)}
    dtopics: dict[str, set[str]] = {}
    for d, t in read(f"{dmatch} MATCH (d)-[:{S.ABOUT}]->(t:{S.TOPIC}) RETURN d.id, t.id", dparams):
        dtopics.setdefault(d, set()).add(t)
    return {o: Duty(d, dates.get(d), frozenset(own.get(o, set()) | dtopics.get(d, set())), doc, start, end)
            for o, doc, start, end, d in rows}


def read_quotes(read: Read, obligations: list[str]) -> dict[str, str]:
    return dict(read(f"UNWIND $ids AS i MATCH (o:{S.OBLIGATION} {{id: i}})-[e:{S.EVIDENCED_BY}]->() "
                     "RETURN o.id, e.quote", {"ids": obligations}))


def derive(read: Read, pairs: set[Pair] | None = None, per_key: int = PER_KEY_LIMIT) -> dict[str, list[Rel]]:
    """The derived relationships of the whole store, or only of ``pairs`` (their shared
    obligations are read and summarised; a pair that shares none any more gets none).

    ``per_key``: up to this many pairs, each is read by its own queries (``derive_pairs``);
    a store whose ``UNWIND $keys … MATCH`` seeks each key (Neo4j) passes 0: a few queries
    for all the pairs then cost what the pairs cost, in a few round trips."""
    if pairs is not None and len(pairs) <= per_key:
        return derive_pairs(read, pairs)
    obligations = None
    if pairs is not None:
        rows = [{"a": a, "b": b} for a, b in sorted(pairs)]
        obligations = sorted({r[0] for r in read(
            f"UNWIND $pairs AS p MATCH (a:{S.AGENCY} {{id: p.a}})-[:{S.LEADS}|{S.SUPPORTS}]->(o:{S.OBLIGATION}) "
            f"MATCH (o)<-[:{S.LEADS}|{S.SUPPORTS}]-(b:{S.AGENCY} {{id: p.b}}) RETURN DISTINCT o.id",
            {"pairs": rows})}) if rows else []
    summary = summarise(read_roles(read, obligations), read_duties(read, obligations), pairs)
    return to_rels(summary, read_quotes(read, examples(summary)))


# The obligations two agencies share, from the pair's own keys ($a, $b).
_SHARED = (f"MATCH (a:{S.AGENCY} {{id: $a}})-[:{S.LEADS}|{S.SUPPORTS}]->(o:{S.OBLIGATION})"
           f"<-[:{S.LEADS}|{S.SUPPORTS}]-(b:{S.AGENCY} {{id: $b}}) ")
_LEADING = (f"MATCH (a:{S.AGENCY} {{id: $a}})-[:{S.LEADS}]->(o:{S.OBLIGATION})"
            f"<-[:{S.LEADS}|{S.SUPPORTS}]-(b:{S.AGENCY} {{id: $b}}) RETURN o.id")


def read_pair(read: Read, a: str, b: str) -> tuple[list[tuple[str, str, str]], dict[str, Duty], dict[str, str]]:
    """The roles of ``a`` and ``b`` on the obligations they share where one of them leads (the
    others derive nothing), those obligations' duties and quotes: a few queries that start at
    the two agencies' keys (what ``read_roles``, ``read_duties`` and ``read_quotes`` give for them)."""
    p = {"a": a, "b": b}
    lead_a = {r[0] for r in read(_LEADING, p)}
    lead_b = {r[0] for r in read(_LEADING, {"a": b, "b": a})}
    roles = ([(o, a, "lead") for o in lead_a] + [(o, b, "lead") for o in lead_b]
             + [(o, b, "support") for o in lead_a - lead_b] + [(o, a, "support") for o in lead_b - lead_a])
    obs = lead_a | lead_b
    if not obs:
        return [], {}, {}
    evidence: dict[str, tuple] = {}
    for o, doc, start, end, quote in read(_SHARED + f"MATCH (o)-[e:{S.EVIDENCED_BY}]->(x:{S.DOCUMENT}) "
                                          "RETURN o.id, x.id, e.start, e.`end`, e.quote", p):
        if o in obs:
            evidence.setdefault(o, (doc, start, end, quote))
    imposed: dict[str, str] = {}
    dates: dict[str, date | None] = {}
    for o, d, when in read(_SHARED + f"MATCH (d:{S.DIRECTIVE})-[:{S.IMPOSES}]->(o) RETURN o.id, d.id, d.date", p):
        if o in obs and (o not in imposed or d < imposed[o]):  # the smallest directive, as read_duties
            imposed[o] = d
        dates[d] = as_date(when)
    own: dict[str, set[str]] = {}
    for o, t in read(_SHARED + f"MATCH (o)-[:{S.ABOUT}]->(t:{S.TOPIC}) RETURN o.id, t.id", p):
        own.setdefault(o, set()).add(t)
    dtopics: dict[str, set[str]] = {}
    for d, t in read(_SHARED + f"MATCH (d:{S.DIRECTIVE})-[:{S.IMPOSES}]->(o) "
                     f"MATCH (d)-[:{S.ABOUT}]->(t:{S.TOPIC}) RETURN d.id, t.id", p):
        dtopics.setdefault(d, set()).add(t)
    duties = {}
    for o, (doc, start, end, _) in evidence.items():
        d = imposed.get(o)
        duties[o] = Duty(d, dates.get(d), frozenset(own.get(o, set()) | dtopics.get(d, set())), doc, start, end)
    return roles, duties, {o: e[3] for o, e in evidence.items()}


def derive_pairs(read: Read, pairs: set[Pair]) -> dict[str, list[Rel]]:
    """``derive`` of a few pairs, each read from its own keys (``read_pair``)."""
    roles: list[tuple[str, str, str]] = []
    duties: dict[str, Duty] = {}
    quotes: dict[str, str] = {}
    for a, b in sorted(pairs):
        r, d, q = read_pair(read, a, b)
        roles += r
        duties.update(d)
        quotes.update(q)
    return to_rels(summarise(roles, duties, pairs), quotes)


def touched(read: Read, documents: list[str] = (), directives: list[str] = (),
            per_key: int = PER_KEY_LIMIT) -> set[Pair]:
    """Pairs whose shared obligations change when ``documents`` are added or taken out, or
    ``directives`` change (their dates and topics reach every obligation they impose).
    ``per_key``: as in ``derive``."""
    if len(documents) + len(directives) <= per_key:
        return _touched_by_key(read, documents, directives)
    members: dict[str, set[str]] = {}
    roles = f"<-[:{S.LEADS}|{S.SUPPORTS}]-(a:{S.AGENCY})"
    if documents:
        for o, a in read(f"UNWIND $docs AS x MATCH (o:{S.OBLIGATION}) WHERE o.doc = x "
                         f"MATCH (o){roles} RETURN o.id, a.id", {"docs": list(documents)}):
            members.setdefault(o, set()).add(a)
        directives = sorted(set(directives) | {r[0] for r in read(
            f"UNWIND $docs AS x MATCH (d:{S.DIRECTIVE}) WHERE d.doc = x RETURN d.id", {"docs": list(documents)})})
    if directives:
        for o, a in read(f"UNWIND $ids AS i MATCH (d:{S.DIRECTIVE} {{id: i}})-[:{S.IMPOSES}]->(o:{S.OBLIGATION}) "
                         f"MATCH (o){roles} RETURN o.id, a.id", {"ids": list(directives)}):
            members.setdefault(o, set()).add(a)
    out: set[Pair] = set()
    for agencies in members.values():
        out |= all_pairs(agencies)
    return out


def _touched_by_key(read: Read, documents: list[str], directives: list[str]) -> set[Pair]:
    """``touched`` for a few documents and directives: from each one's key (a document's
    obligations are the ones evidenced by it, its directives the ones it defines)."""
    members: dict[str, set[str]] = {}
    roles = f"<-[:{S.LEADS}|{S.SUPPORTS}]-(a:{S.AGENCY}) RETURN o.id, a.id"
    directives = set(directives)
    for doc in documents:
        for o, a in read(f"MATCH (x:{S.DOCUMENT} {{id: $doc}})<-[:{S.EVIDENCED_BY}]-(o:{S.OBLIGATION}){roles}",
                         {"doc": doc}):
            members.setdefault(o, set()).add(a)
        directives |= {r[0] for r in read(f"MATCH (x:{S.DOCUMENT} {{id: $doc}})<-[:{S.REPORTED_IN}]-(d:{S.DIRECTIVE}) "
                                          "WHERE d.doc = $doc RETURN d.id", {"doc": doc})}
    for d in sorted(directives):
        for o, a in read(f"MATCH (d:{S.DIRECTIVE} {{id: $id}})-[:{S.IMPOSES}]->(o:{S.OBLIGATION}){roles}", {"id": d}):
            members.setdefault(o, set()).add(a)
    out: set[Pair] = set()
    for agencies in members.values():
        out |= all_pairs(agencies)
    return out


def graph_pairs(graphs: Iterable[DocumentGraph]) -> tuple[set[Pair], list[str]]:
    """Pairs that documents' own obligations join, and the directives they define."""
    members: dict[str, set[str]] = {}
    directives = set()
    for g in graphs:
        for r in g.rels:
            if r.type in (S.LEADS, S.SUPPORTS):
                members.setdefault(r.end, set()).add(r.start)
        directives |= {n.id for n in g.nodes if n.label == S.DIRECTIVE and not n.props.get("stub")}
    out: set[Pair] = set()
    for agencies in members.values():
        out |= all_pairs(agencies)
    return out, sorted(directives)
