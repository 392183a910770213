"""The property graph as RDF, in the phoihop ontology, and exports in every format.

``to_rdf`` reads the in-memory model (``graph.model.to_networkx`` /
``Store.to_networkx``): a node becomes a resource typed with its label's class,
its properties typed literals (ISO dates as xsd:date, ints as xsd:integer, lists
as repeated values); a relationship becomes a triple. Relationships whose
properties matter get a qualified node as well, so nothing is lost:

- EVIDENCED_BY: PROV-O ``prov:qualifiedDerivation`` -> ``ph:Evidence``
  (``prov:entity`` the document, ``ph:quote``, ``ph:start``, ``ph:end``);
- CITES: the sub-property for its relation (``ph:citesAsBasis`` ...) and
  ``ph:qualifiedCitation`` -> ``ph:Citation`` (``ph:cited``, ``ph:relation``, ``ph:quote``);
- COORDINATES_WITH / CO_ASSIGNED: ``ph:Coordination`` / ``ph:CoAssignment`` (both
  ``ph:AgencyPair``) with both ``ph:participant`` s, ``ph:obligations`` (count),
  ``ph:directives`` and ``ph:topics`` links, ``ph:firstDate``/``ph:lastDate`` and the
  example ``ph:quote`` with its ``ph:document``, ``ph:start`` and ``ph:end``.

With ``align`` (the default) the export also states the triples that the
ontology's alignments entail (org:Organization, eli:LegalResource,
eli:id_local, eli:passed_by, prov:wasDerivedFrom, ...), so that a consumer
without a reasoner finds them.
"""
from __future__ import annotations

import hashlib
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

from phoihop.graph import schema as S
from phoihop.graph.model import topic_id
from phoihop.ingest.textnorm import slug
from phoihop.ingest.topics import topic_by_name
from .vocab import (CITES_BY_RELATION, DATE_PROPERTIES, ELI, ID, PH, REFERENCE_PROPERTIES,
                    class_iri, date_literal, new_graph, node_iri, ontology, prop_iri,
                    rel_iri, topic_scheme)

RDF_FORMATS = {"turtle": "turtle", "jsonld": "json-ld", "nt": "nt"}
DOCUMENT_TYPES = ID["doctypes"]

_XSD_OF = {S.INT: XSD.integer, S.BOOL: XSD.boolean}
# Derived pair relationships: the class of their qualified node and its IRI path.
PAIR_CLASSES = {S.COORDINATES_WITH: (PH.Coordination, "coordination"), S.CO_ASSIGNED: (PH.CoAssignment, "co-assignment")}


def literal(name: str, type_: str, value: Any) -> Literal:
    """One value of property ``name`` with schema type ``type_`` as a typed literal."""
    if isinstance(value, (date, datetime)):
        value = value.isoformat()
    if name in DATE_PROPERTIES:
        return date_literal(value)
    if type_ in _XSD_OF:
        return Literal(value, datatype=_XSD_OF[type_])
    return Literal(str(value))


@lru_cache(maxsize=None)
def _topic_iri(value: str) -> URIRef:
    """A topic named by its id or name (stores list either) at its node's IRI."""
    t = topic_by_name(value)
    return node_iri(S.TOPIC, topic_id(t["name"]) if t else value)


def reference(name: str, value: str) -> URIRef:
    """The IRI that a reference property (doc, directives, topics) points to."""
    label = REFERENCE_PROPERTIES[name]
    return _topic_iri(str(value)) if label == S.TOPIC else node_iri(label, value)


def add_properties(out: Graph, subject, props: dict[str, Any], types: dict[str, str]) -> None:
    """Properties declared in the schema (``types``); None/empty values and unknown keys are left out."""
    for name, type_ in types.items():
        value = props.get(name)
        if value is None or value == "" or value == []:
            continue
        values = value if type_ == S.STRINGS or isinstance(value, (list, tuple, set)) else [value]
        for v in values:
            if v is None or v == "":
                continue
            if name in REFERENCE_PROPERTIES:
                out.add((subject, prop_iri(name), reference(name, v)))
            else:
                out.add((subject, prop_iri(name), literal(name, type_, v)))


def _add_node(out: Graph, data: dict[str, Any]) -> None:
    label = data["label"]
    iri = node_iri(label, data["id"])
    out.add((iri, RDF.type, class_iri(label)))
    add_properties(out, iri, data, S.NODE_PROPERTIES[label])
    if label == S.TOPIC:
        for key, lang in (("name", "vi"), ("name_en", "en")):
            if data.get(key):
                out.add((iri, SKOS.prefLabel, Literal(data[key], lang=lang)))
    elif label == S.DIRECTIVE and data.get("type"):
        kind = ID[f"doctype/{slug(data['type'])}"]
        out.add((iri, ELI.type_document, kind))
        out.add((kind, RDF.type, ELI.ResourceType))
        out.add((kind, RDF.type, SKOS.Concept))
        out.add((kind, SKOS.prefLabel, Literal(data["type"], lang="vi")))
        out.add((kind, SKOS.inScheme, DOCUMENT_TYPES))


def _digest(*parts: Any) -> str:
    return hashlib.sha1("|".join(str(p) for p in parts).encode()).hexdigest()[:20]


def _add_edge(out: Graph, g: nx.MultiDiGraph, u: str, v: str, data: dict[str, Any]) -> None:
    type_ = data["type"]
    s = node_iri(g.nodes[u]["label"], g.nodes[u]["id"])
    o = node_iri(g.nodes[v]["label"], g.nodes[v]["id"])
    types = S.RELATIONSHIPS[type_][1]
    if type_ == S.CITES:
        relation = data.get("relation")
        out.add((s, CITES_BY_RELATION.get(relation, PH.cites), o))
        q = ID[f"citation/{_digest(s, o, relation, data.get('doc'))}"]
        out.add((s, PH.qualifiedCitation, q))
        out.add((q, RDF.type, PH.Citation))
        out.add((q, PH.cited, o))
        add_properties(out, q, data, types)
    elif type_ == S.EVIDENCED_BY:
        out.add((s, PH.evidencedBy, o))
        q = ID[f"evidence/{_digest(s, o, data.get('start'), data.get('end'))}"]
        out.add((s, PROV.qualifiedDerivation, q))
        out.add((q, RDF.type, PH.Evidence))
        out.add((q, PROV.entity, o))
        add_properties(out, q, data, types)
    elif type_ in PAIR_CLASSES:
        out.add((s, rel_iri(type_), o))
        q = ID[f"{PAIR_CLASSES[type_][1]}/{_digest(*sorted((s, o)))}"]
        out.add((q, RDF.type, PAIR_CLASSES[type_][0]))
        out.add((q, PH.participant, s))
        out.add((q, PH.participant, o))
        add_properties(out, q, data, types)
    else:
        out.add((s, rel_iri(type_), o))  # LEADS' modality is the obligation's own


@lru_cache(maxsize=1)
def _alignments() -> tuple[dict[URIRef, set[URIRef]], dict[URIRef, set], dict[URIRef, set[URIRef]]]:
    """From the ontology: class -> super-classes, property -> super-properties
    (transitively), property -> properties it is a sub-property of the inverse of."""
    ont = ontology()

    def closure(pred) -> dict[URIRef, set]:
        direct: dict[URIRef, set] = {}
        for a, b in ont.subject_objects(pred):
            if isinstance(a, URIRef):
                direct.setdefault(a, set()).add(b)
        full = {}
        for a in direct:
            seen, todo = set(), list(direct[a])
            while todo:
                b = todo.pop()
                if b not in seen:
                    seen.add(b)
                    todo.extend(direct.get(b, ()))
            full[a] = seen
        return full

    classes = {a: {b for b in bs if isinstance(b, URIRef)} for a, bs in closure(RDFS.subClassOf).items()}
    supers = closure(RDFS.subPropertyOf)
    props = {a: {b for b in bs if isinstance(b, URIRef)} for a, bs in supers.items()}
    inverses = {a: {ont.value(b, OWL.inverseOf) for b in bs if isinstance(b, BNode)} for a, bs in supers.items()}
    return classes, props, {a: {x for x in xs if x is not None} for a, xs in inverses.items()}


def align(out: Graph) -> Graph:
    """Add the super-class types and super-property triples the ontology entails."""
    classes, props, inverses = _alignments()
    new = []
    for s, p, o in out:
        if p == RDF.type and o in classes:
            new += [(s, RDF.type, c) for c in classes[o]]
        new += [(s, q, o) for q in props.get(p, ())]
        new += [(o, q, s) for q in inverses.get(p, ())]
    for t in new:
        out.add(t)
    return out


def to_rdf(g: nx.MultiDiGraph, align_terms: bool = True) -> Graph:
    """The whole graph as RDF (with the topic scheme), in the phoihop ontology."""
    out = new_graph()
    out += topic_scheme()
    for _, data in g.nodes(data=True):
        _add_node(out, data)
    for u, v, data in g.edges(data=True):
        _add_edge(out, g, u, v, data)
    return align(out) if align_terms else out


def as_networkx(source: Any) -> nx.MultiDiGraph:
    """A networkx graph as it is, or a store's whole graph."""
    return source if isinstance(source, nx.Graph) else source.to_networkx()


def export(source: Any, fmt: str, out: str | Path | None = None, align_terms: bool = True) -> str | None:
    """Write ``source`` (a store or networkx graph) as ``fmt`` to ``out``; without
    ``out`` return the text (not possible for csv, which is a directory or zip)."""
    from . import network_export

    g = as_networkx(source)
    if fmt in network_export.FORMATS:
        return network_export.write(g, fmt, out)
    if fmt not in RDF_FORMATS:
        raise ValueError(f"{fmt}: unknown export format (one of {', '.join([*RDF_FORMATS, *network_export.FORMATS])})")
    rdf = to_rdf(g, align_terms)
    kwargs = {"auto_compact": True} if fmt == "jsonld" else {}
    text = rdf.serialize(format=RDF_FORMATS[fmt], **kwargs)
    if out is None:
        return text
    Path(out).write_text(text, encoding="utf-8")
    return None
