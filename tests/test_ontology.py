"""The ontology: it parses, names exactly what graph/schema.py names, speaks Vietnamese
and English, aligns with ORG/ELI/PROV/SKOS, and carries the topic scheme."""
from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib import namespace as ns
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS

from phoihop.graph import schema as S
from phoihop.graph.model import topic_id
from phoihop.ingest.topics import scheme
from phoihop.ontology.vocab import (ELI, EXTRA_TERMS, ID, ORG, PH, camel, class_iri, date_literal, node_iri,
                            ontology, prop_iri, rel_iri, schema_terms, topic_scheme)

KINDS = {"class": OWL.Class, "object": OWL.ObjectProperty, "datatype": OWL.DatatypeProperty}


def declared() -> dict[URIRef, set[URIRef]]:
    """Terms of the ph: namespace that phoihop.ttl declares, with their OWL types."""
    ont = ontology()
    out: dict[URIRef, set[URIRef]] = {}
    for kind in KINDS.values():
        for term in ont.subjects(RDF.type, kind):
            if isinstance(term, URIRef) and term.startswith(str(PH)):
                out.setdefault(term, set()).add(kind)
    return out


def test_names_are_derived_from_the_schema_constants():
    assert camel("REPORTS_TO") == "reportsTo"
    assert rel_iri(S.LEADS) == PH.leads
    assert rel_iri(S.REPORTS_TO) == PH.reportsTo
    assert rel_iri(S.COORDINATES_WITH) == PH.coordinatesWith
    assert rel_iri(S.EVIDENCED_BY) == PH.evidencedBy
    assert class_iri(S.AGENCY) == PH.Agency
    assert prop_iri("name_en") == PH.nameEn
    assert prop_iri("number_key") == PH.numberKey


def test_every_label_rel_type_and_property_of_the_schema_is_declared_with_its_kind():
    terms = declared()
    for term, kind in schema_terms().items():
        assert term in terms, f"{term} (from graph/schema.py) is not declared in phoihop.ttl"
        assert KINDS[kind] in terms[term], f"{term} should be an {KINDS[kind]}"
    for label in S.LABELS:
        for name in S.NODE_PROPERTIES[label]:
            assert prop_iri(name) in terms


def test_the_ontology_declares_nothing_the_schema_does_not_name_except_the_qualified_terms():
    assert set(declared()) == set(schema_terms()) | EXTRA_TERMS


def test_every_class_and_property_has_labels_and_comments_in_vietnamese_and_english():
    ont = ontology()
    for term in declared():
        for pred in (RDFS.label, RDFS.comment):
            langs = {o.language for o in ont.objects(term, pred) if isinstance(o, Literal)}
            assert {"vi", "en"} <= langs, f"{term} lacks {pred} in {({'vi', 'en'} - langs)}"
    assert (PH.Agency, RDFS.label, Literal("Cơ quan", lang="vi")) in ont


def test_alignment_with_org_eli_prov_and_skos():
    ont = ontology()
    for triple in [
        (PH.Agency, RDFS.subClassOf, ORG.Organization),
        (PH.partOf, RDFS.subPropertyOf, ORG.subOrganizationOf),
        (PH.Directive, RDFS.subClassOf, ELI.LegalResource),
        (PH.number, RDFS.subPropertyOf, ELI.id_local),
        (PH.date, RDFS.subPropertyOf, ELI.date_document),
        (PH.evidencedBy, RDFS.subPropertyOf, PROV.wasDerivedFrom),
        (PH.Evidence, RDFS.subClassOf, PROV.Derivation),
        (PH.Topic, RDFS.subClassOf, SKOS.Concept),
        (PH.citesAsBasis, RDFS.subPropertyOf, PH.cites),
        (PH.date, RDFS.range, ns.XSD.date),
    ]:
        assert triple in ont, triple
    inverse = [ont.value(b, OWL.inverseOf) for b in ont.objects(PH.issued, RDFS.subPropertyOf)]
    assert ELI.passed_by in inverse
    assert (PH.coordinatesWith, RDF.type, OWL.SymmetricProperty) in ont


def test_topic_scheme_is_built_from_topics_json_with_vietnamese_and_english_labels():
    g = topic_scheme()
    topics = scheme()
    assert len(set(g.subjects(RDF.type, SKOS.Concept))) == len(topics)
    for t in topics:
        c = node_iri(S.TOPIC, topic_id(t["name"]))  # the IRI the graph's Topic node gets
        assert (c, SKOS.inScheme, ID.topics) in g
        assert (c, SKOS.prefLabel, Literal(t["name"], lang="vi")) in g
        assert (c, SKOS.prefLabel, Literal(t["name_en"], lang="en")) in g
        assert (c, SKOS.notation, Literal(t["id"])) in g


def test_instance_iris_are_stable_and_quote_the_property_graph_id():
    iri = node_iri(S.DIRECTIVE, "uy-ban-nhan-dan-quan-dong-da|2024|345/UBND-YT")
    assert iri == URIRef("https://phoihop.org/id/directive/uy-ban-nhan-dan-quan-dong-da%7C2024%7C345%2FUBND-YT")
    assert node_iri(S.AGENCY, "so-y-te-thanh-pho-ha-noi") == URIRef("https://phoihop.org/id/agency/so-y-te-thanh-pho-ha-noi")


def test_dates_are_typed_and_bad_dates_stay_untyped():
    assert date_literal("2019-12-12").datatype == ns.XSD.date
    assert date_literal("2020-04").datatype == ns.XSD.gYearMonth
    assert date_literal("2024-02-19T08:00:00+07:00").datatype == ns.XSD.dateTime
    assert date_literal("12/2019").datatype is None
    assert date_literal("2019-02-30").datatype is None  # not a day of the calendar
