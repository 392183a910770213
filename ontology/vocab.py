"""IRIs of the phoihop vocabulary and of graph instances, derived from ``graph.schema``.

The schema is the one source of truth for names: a label becomes a class
(``Agency`` -> ``ph:Agency``), a relationship type a property in camelCase
(``REPORTS_TO`` -> ``ph:reportsTo``), a node or relationship property a
property (``name_en`` -> ``ph:nameEn``). ``ontology/phoihop.ttl`` declares
exactly these terms plus the few in ``EXTRA_TERMS`` (tests check both ways).
Instance IRIs are minted from property-graph ids, so the same node always
gets the same IRI, whatever store it came from.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from phoihop.graph import schema as S
from phoihop.graph.model import topic_id
from phoihop.ingest.topics import scheme

PH = Namespace("https://phoihop.org/ontology#")
ID = Namespace("https://phoihop.org/id/")
ORG = Namespace("http://www.w3.org/ns/org#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")

ONTOLOGY_FILE = Path(__file__).with_name("phoihop.ttl")
SHAPES_FILE = Path(__file__).with_name("shapes.ttl")
QUERIES_DIR = Path(__file__).with_name("queries")

PREFIXES = {"ph": PH, "id": ID, "org": ORG, "eli": ELI, "prov": PROV, "skos": SKOS,
            "dcterms": DCTERMS, "owl": OWL, "rdfs": RDFS, "xsd": XSD}


def camel(name: str, upper_first: bool = False) -> str:
    """'REPORTS_TO' -> 'reportsTo', 'name_folded' -> 'nameFolded', 'Agency' -> 'Agency'."""
    if "_" not in name and not name.isupper():
        return name[0].upper() + name[1:] if upper_first else name
    head, *rest = name.lower().split("_")
    out = head + "".join(w.capitalize() for w in rest)
    return out[0].upper() + out[1:] if upper_first else out


def class_iri(label: str) -> URIRef:
    return PH[camel(label, upper_first=True)]


def rel_iri(rel_type: str) -> URIRef:
    return PH[camel(rel_type)]


def prop_iri(name: str) -> URIRef:
    return PH[camel(name)]


# A CITES edge is typed by its ``relation`` with a sub-property of ph:cites.
CITES_BY_RELATION = {"basis": PH.citesAsBasis, "implements": PH.implements, "mentions": PH.mentions}
assert set(CITES_BY_RELATION) == set(S.CITATION_RELATIONS)

# Properties whose string values hold ISO dates (typed xsd:date / gYearMonth / gYear).
DATE_PROPERTIES = {"date", "deadline", "published", "firstDate", "lastDate"}

# Properties whose values are ids of other nodes: exported as links, not literals.
REFERENCE_PROPERTIES = {"doc": S.DOCUMENT, "document": S.DOCUMENT, "directives": S.DIRECTIVE, "topics": S.TOPIC}

# Terms of the ontology that the schema does not name: the qualified nodes that
# carry a relationship's properties, and the citation sub-properties.
EXTRA_TERMS = {
    PH.Evidence, PH.Citation, PH.AgencyPair, PH.Coordination, PH.CoAssignment,
    PH.qualifiedCitation, PH.cited, PH.participant,
    *CITES_BY_RELATION.values(),
}

TOPIC_SCHEME = ID["topics"]


def node_iri(label: str, id_: str) -> URIRef:
    """``https://phoihop.org/id/<label lower-case>/<url-quoted id>``."""
    return ID[f"{label.lower()}/{quote(str(id_), safe='')}"]


def schema_terms() -> dict[URIRef, str]:
    """Every term that graph/schema.py implies, with its kind (class / object / datatype)."""
    terms: dict[URIRef, str] = {}
    for label in S.LABELS:
        terms[class_iri(label)] = "class"
    for rel in S.REL_TYPES:
        terms[rel_iri(rel)] = "object"
    props = {p for table in S.NODE_PROPERTIES.values() for p in table}
    props |= {p for _, table in S.RELATIONSHIPS.values() for p in table}
    for p in props:
        terms[prop_iri(p)] = "object" if p in REFERENCE_PROPERTIES else "datatype"
    return terms


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_YEAR = re.compile(r"^\d{4}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")


def date_literal(value: str) -> Literal:
    """An ISO date as xsd:date (YYYY-MM as gYearMonth, YYYY as gYear, with a time as
    dateTime). Anything else stays a plain string, which the SHACL shapes reject."""
    from datetime import date, datetime

    v = str(value).strip()
    try:
        if _DATE.match(v):
            date.fromisoformat(v)
            return Literal(v, datatype=XSD.date)
        if _YEAR_MONTH.match(v):
            return Literal(v, datatype=XSD.gYearMonth)
        if _YEAR.match(v):
            return Literal(v, datatype=XSD.gYear)
        if _DATETIME.match(v):
            datetime.fromisoformat(v.replace("Z", "+00:00"))
            return Literal(v, datatype=XSD.dateTime)
    except ValueError:
        pass
    return Literal(v)


def new_graph() -> Graph:
    """An empty graph that knows only the project's prefixes (not rdflib's dozens)."""
    return bind_prefixes(Graph(bind_namespaces="core"))


def bind_prefixes(g: Graph) -> Graph:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, replace=True)
    return g


@lru_cache(maxsize=1)
def ontology() -> Graph:
    return new_graph().parse(ONTOLOGY_FILE, format="turtle")


def topic_scheme() -> Graph:
    """The SKOS concept scheme of ``ingest/data/topics.json``: one skos:Concept per topic,
    at the IRI its Topic node gets, labelled @vi and @en, with the short id as notation.
    Only topics that are nodes of the graph are also typed ph:Topic."""
    g = new_graph()
    g.add((TOPIC_SCHEME, RDF.type, SKOS.ConceptScheme))
    g.add((TOPIC_SCHEME, SKOS.prefLabel, Literal("Chủ đề của phoihop", lang="vi")))
    g.add((TOPIC_SCHEME, SKOS.prefLabel, Literal("phoihop topics", lang="en")))
    for t in scheme():
        c = node_iri(S.TOPIC, topic_id(t["name"]))
        g.add((c, RDF.type, SKOS.Concept))
        g.add((c, SKOS.inScheme, TOPIC_SCHEME))
        g.add((TOPIC_SCHEME, SKOS.hasTopConcept, c))
        g.add((c, SKOS.prefLabel, Literal(t["name"], lang="vi")))
        g.add((c, SKOS.prefLabel, Literal(t["name_en"], lang="en")))
        g.add((c, SKOS.notation, Literal(t["id"])))
    return g
