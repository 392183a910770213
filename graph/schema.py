"""The one place that names the graph: labels, relationship types, properties.

Neo4j, the embedded store, the RDF export, the ontology and the browser view
all read these tables (see ``shared/spec/graph-schema.md``). Property types are
given so that stores with a declared schema (LadybugDB) can create tables.
"""
from __future__ import annotations

# Labels
AGENCY = "Agency"
DIRECTIVE = "Directive"
OBLIGATION = "Obligation"
DOCUMENT = "Document"
TOPIC = "Topic"

# Relationship types
ISSUED = "ISSUED"
IMPOSES = "IMPOSES"
LEADS = "LEADS"
SUPPORTS = "SUPPORTS"
REPORTS_TO = "REPORTS_TO"
CITES = "CITES"
ADDRESSED_TO = "ADDRESSED_TO"
COPIED_TO = "COPIED_TO"
PART_OF = "PART_OF"
ABOUT = "ABOUT"
EVIDENCED_BY = "EVIDENCED_BY"
REPORTED_IN = "REPORTED_IN"
COORDINATES_WITH = "COORDINATES_WITH"
CO_ASSIGNED = "CO_ASSIGNED"
COORDINATES_ON = "COORDINATES_ON"

STRING, INT, BOOL, STRINGS, DATE = "STRING", "INT64", "BOOLEAN", "STRING[]", "DATE"

# Node properties: label -> {property: type}. "id" is the key of every label.
NODE_PROPERTIES: dict[str, dict[str, str]] = {
    AGENCY: {
        "id": STRING, "name": STRING, "name_folded": STRING, "aliases": STRINGS,
        "kind": STRING, "level": STRING, "jurisdiction": STRING,
    },
    DIRECTIVE: {
        "id": STRING, "number": STRING, "number_key": STRING, "type": STRING,
        "date": STRING, "year": INT, "issuer": STRING, "subject": STRING,
        "signer": STRING, "stub": BOOL,
        "doc": STRING,  # the Document that defines it (null for a stub)
        # that document's kind (official, excerpt, news): an official text outranks a report
        # of the same directive for its fields (graph.model.merge_reports)
        "source_kind": STRING,
    },
    OBLIGATION: {
        "id": STRING, "text": STRING, "modality": STRING, "deadline": STRING,
        "targets": STRINGS, "doc": STRING,
    },
    DOCUMENT: {
        # id: SHA-256 of the text. path: the canonical absolute path (symlinks followed) it was
        # last ingested from; paths: every such path holding this content (graph/model.place).
        "id": STRING, "path": STRING, "paths": STRINGS, "title": STRING, "kind": STRING,
        "published": STRING, "chars": INT,
    },
    TOPIC: {"id": STRING, "name": STRING, "name_en": STRING},
}

# Properties every contributed relationship carries: the Document id it came from,
# so that re-ingesting a changed document removes exactly its contribution.
REL_DOC_PROPERTY = "doc"

# Properties of the derived relationships between two agencies (camelCase: Neo4j's style).
PAIR_PROPERTIES = {
    "obligations": INT, "directives": STRINGS, "topics": STRINGS, "firstDate": DATE, "lastDate": DATE,
    "quote": STRING, "document": STRING, "start": INT, "end": INT,
}

# Relationship types: type -> (list of (from label, to label), {property: type})
RELATIONSHIPS: dict[str, tuple[list[tuple[str, str]], dict[str, str]]] = {
    ISSUED: ([(AGENCY, DIRECTIVE)], {"doc": STRING}),
    IMPOSES: ([(DIRECTIVE, OBLIGATION)], {"doc": STRING}),
    LEADS: ([(AGENCY, OBLIGATION)], {"modality": STRING, "doc": STRING}),
    SUPPORTS: ([(AGENCY, OBLIGATION)], {"doc": STRING}),
    REPORTS_TO: ([(OBLIGATION, AGENCY)], {"doc": STRING}),
    CITES: ([(DIRECTIVE, DIRECTIVE)], {"relation": STRING, "quote": STRING, "doc": STRING}),
    ADDRESSED_TO: ([(DIRECTIVE, AGENCY)], {"doc": STRING}),
    COPIED_TO: ([(DIRECTIVE, AGENCY)], {"doc": STRING}),
    PART_OF: ([(AGENCY, AGENCY)], {"doc": STRING}),
    ABOUT: ([(OBLIGATION, TOPIC), (DIRECTIVE, TOPIC)], {"doc": STRING}),
    EVIDENCED_BY: ([(OBLIGATION, DOCUMENT)], {"start": INT, "end": INT, "quote": STRING, "doc": STRING}),
    REPORTED_IN: ([(DIRECTIVE, DOCUMENT)], {"doc": STRING}),
    # Derived (graph/derive.py): a lead and a support of one obligation coordinate; two
    # co-leads are co-assigned. Each pair once, from the smaller id, with what it shares
    # and one example quote (the most recent obligation) with its document and offsets.
    COORDINATES_WITH: ([(AGENCY, AGENCY)], PAIR_PROPERTIES),
    CO_ASSIGNED: ([(AGENCY, AGENCY)], PAIR_PROPERTIES),
    # One per coordinating pair and topic: the pair's obligations about ``topic`` (their own
    # topic or their directive's), as the coordination question counts them for a topic filter.
    COORDINATES_ON: ([(AGENCY, AGENCY)], {"topic": STRING, **PAIR_PROPERTIES}),
}

# Relationships that are derived from the others (not contributed by a document).
DERIVED = {COORDINATES_WITH, CO_ASSIGNED, COORDINATES_ON}

# Derived relationships that only summarise others so that a question is answered
# without aggregating millions of rows (coordination on one topic). Stores keep them;
# the in-memory model, exports and views leave them out: they add no fact.
SUMMARIES = {COORDINATES_ON}

CITATION_RELATIONS = ("basis", "implements", "mentions")
ROLES = {"lead": LEADS, "support": SUPPORTS}

LABELS = tuple(NODE_PROPERTIES)
REL_TYPES = tuple(RELATIONSHIPS)


def endpoints(rel_type: str) -> list[tuple[str, str]]:
    return RELATIONSHIPS[rel_type][0]
