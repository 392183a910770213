"""The RDF export and the network exports, checked on the five gold documents.

The library tests build the in-memory model straight from the gold records
(``document_graph`` + ``to_networkx``, coordination derived as a store does);
the command tests ingest the same records into a real embedded store and
compare the SPARQL answers with the named Cypher queries on that store.
"""
from __future__ import annotations

import json
import zipfile
from collections import Counter
from itertools import combinations

import networkx as nx
import pytest
import typer
from rdflib import Graph, Literal
from rdflib import namespace as ns
from rdflib.namespace import PROV, RDF
from typer.testing import CliRunner

from phoihop.commands import export as export_commands
from phoihop.graph import schema as S
from phoihop.graph.loader import ingest_extractions
from phoihop.graph import derive
from phoihop.graph.model import (DocumentGraph, Node, Rel, document_graph, to_networkx)
from phoihop.graph.store import open_store
from phoihop.ontology.rdf_export import export, to_rdf
from phoihop.ontology.sparql import load_query, run
from phoihop.ontology.validate import validate
from phoihop.ontology.vocab import PH, node_iri

# ---------------------------------------------------------------- the gold graph


def merged_graph(extractions) -> nx.MultiDiGraph:
    """All documents' nodes and relationships in one model: a node seen twice keeps the
    first non-empty value of each property (a directive is a stub only if every document
    knows it as one), and the derived relationships as a store derives them (graph.derive)."""
    nodes: dict[tuple[str, str], Node] = {}
    rels: list[Rel] = []
    for ex in extractions:
        dg = document_graph(ex)
        for n in dg.nodes:
            have = nodes.setdefault((n.label, n.id), Node(n.label, n.id, dict(n.props)))
            for k, v in n.props.items():
                if have.props.get(k) in (None, [], ""):
                    have.props[k] = v
            if n.label == S.DIRECTIVE:
                have.props["stub"] = bool(have.props["stub"] and n.props["stub"])
        rels += dg.rels
    derived = derive.from_graphs(document_graph(ex) for ex in extractions)
    coordination = [r for t, rs in derived.items() if t not in S.SUMMARIES for r in rs]
    return to_networkx(nodes.values(), rels + coordination)


@pytest.fixture(scope="module")
def gold_graph(gold_extractions) -> nx.MultiDiGraph:
    return merged_graph(gold_extractions)


@pytest.fixture(scope="module")
def gold_rdf(gold_graph) -> Graph:
    return to_rdf(gold_graph)


def of_label(g: nx.MultiDiGraph, label: str) -> list[str]:
    return [k for k, d in g.nodes(data=True) if d["label"] == label]


def edges_of(g: nx.MultiDiGraph, type_: str):
    return [(u, v, d) for u, v, d in g.edges(data=True) if d["type"] == type_]


# ---------------------------------------------------------------- SHACL


def test_the_gold_export_conforms_to_the_shapes(gold_rdf):
    conforms, report = validate(gold_rdf)
    assert conforms, report


def _drop_assignees(g):
    ob = of_label(g, S.OBLIGATION)[0]
    for u, v, k, d in list(g.in_edges(ob, keys=True, data=True)):
        if d["type"] in (S.LEADS, S.SUPPORTS):
            g.remove_edge(u, v, k)
    return ob, "an Obligation needs at least one agency that leads or supports it"


def _drop_issuer(g):
    d = next(k for k in of_label(g, S.DIRECTIVE) if not g.nodes[k]["stub"])
    g.nodes[d]["issuer"] = None
    for u, v, k, e in list(g.in_edges(d, keys=True, data=True)):
        if e["type"] == S.ISSUED:
            g.remove_edge(u, v, k)
    return d, "a Directive that is not a stub needs an issuer and a type"


def _bad_date(g):
    d = next(k for k in of_label(g, S.DIRECTIVE) if g.nodes[k].get("date"))
    g.nodes[d]["date"] = "12/2019"
    return d, "a Directive's date is an xsd:date"


def _agency_without_name(g):
    a = of_label(g, S.AGENCY)[0]
    g.nodes[a]["name"] = None
    return a, "an Agency needs a name"


@pytest.mark.parametrize("breaking", [_drop_assignees, _drop_issuer, _bad_date, _agency_without_name])
def test_a_broken_graph_fails_the_shapes_naming_the_node(gold_graph, breaking):
    g = gold_graph.copy()
    key, message = breaking(g)
    conforms, report = validate(to_rdf(g))
    assert not conforms
    assert message in report
    assert str(node_iri(g.nodes[key]["label"], g.nodes[key]["id"])) in report


# ---------------------------------------------------------------- the RDF itself


def test_turtle_round_trip_keeps_every_agency_directive_and_obligation(gold_graph):
    back = Graph().parse(data=export(gold_graph, "turtle"), format="turtle")
    for label in (S.AGENCY, S.DIRECTIVE, S.OBLIGATION, S.DOCUMENT, S.TOPIC):
        assert len(set(back.subjects(RDF.type, PH[label]))) == len(of_label(gold_graph, label)), label
    assert len(set(back.subjects(RDF.type, PH.Evidence))) == len(edges_of(gold_graph, S.EVIDENCED_BY))
    assert len(of_label(gold_graph, S.OBLIGATION)) == 108


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")  # rdflib's own parser
def test_jsonld_and_ntriples_hold_the_same_triples_as_turtle(gold_graph, gold_rdf):
    for fmt, parser in (("jsonld", "json-ld"), ("nt", "nt")):
        back = Graph().parse(data=export(gold_graph, fmt), format=parser)
        assert set(back) == set(gold_rdf), fmt


def test_values_are_typed_literals_and_lists_repeat(gold_graph, gold_rdf):
    d = node_iri(S.DIRECTIVE, "uy-ban-nhan-dan-thanh-pho-ha-noi|2019|252/KH-UBND")
    assert gold_rdf.value(d, PH.date) == Literal("2019-12-12", datatype=ns.XSD.date)
    assert gold_rdf.value(d, PH.year) == Literal(2019)
    assert gold_rdf.value(d, PH.stub) == Literal(False)
    deadlines = {o.datatype for o in gold_rdf.objects(None, PH.deadline)}
    assert deadlines == {ns.XSD.date, ns.XSD.gYearMonth}  # gold has "2020-04" and full dates
    a = node_iri(S.AGENCY, "uy-ban-nhan-dan-thanh-pho-ha-noi")
    aliases = gold_graph.nodes[f"{S.AGENCY}:uy-ban-nhan-dan-thanh-pho-ha-noi"]["aliases"]
    assert {str(o) for o in gold_rdf.objects(a, PH.aliases)} == set(aliases)
    for ev in gold_rdf.subjects(RDF.type, PH.Evidence):
        assert gold_rdf.value(ev, PH.start).datatype == ns.XSD.integer
        assert gold_rdf.value(ev, PROV.entity) in set(gold_rdf.subjects(RDF.type, PH.Document))


def test_citations_are_typed_by_their_relation(gold_graph, gold_rdf):
    expected = Counter(d["relation"] for _, _, d in edges_of(gold_graph, S.CITES))
    for relation, prop in (("basis", PH.citesAsBasis), ("implements", PH.implements), ("mentions", PH.mentions)):
        assert len(list(gold_rdf.subject_objects(prop))) == expected[relation]
        assert {str(o) for o in gold_rdf.objects(None, PH.relation)} == set(expected)


def test_alignment_states_org_and_eli_triples(gold_rdf):
    from phoihop.ontology.vocab import ELI, ORG

    agencies = set(gold_rdf.subjects(RDF.type, PH.Agency))
    assert agencies == set(gold_rdf.subjects(RDF.type, ORG.Organization))
    d = node_iri(S.DIRECTIVE, "uy-ban-nhan-dan-thanh-pho-ha-noi|2019|252/KH-UBND")
    assert gold_rdf.value(d, ELI.id_local) == Literal("252/KH-UBND")
    assert gold_rdf.value(d, ELI.passed_by) == node_iri(S.AGENCY, "uy-ban-nhan-dan-thanh-pho-ha-noi")
    assert (d, RDF.type, ELI.LegalResource) in gold_rdf


# ---------------------------------------------------------------- the two SPARQL questions


def duties_in_networkx(g: nx.MultiDiGraph) -> set[tuple]:
    """(agency id, role, directive number, quote) for every LEADS/SUPPORTS edge."""
    out = set()
    for u, v, d in g.edges(data=True):
        if d["type"] not in (S.LEADS, S.SUPPORTS):
            continue
        role = "lead" if d["type"] == S.LEADS else "support"
        for x, _, e in g.in_edges(v, data=True):
            if e["type"] == S.IMPOSES:
                for _, _, ev in g.out_edges(v, data=True):
                    if ev["type"] == S.EVIDENCED_BY:
                        out.add((g.nodes[u]["id"], role, g.nodes[x].get("number"), ev["quote"]))
    return out


def pairs_in_networkx(g: nx.MultiDiGraph) -> dict[tuple[str, str], tuple[int, set[str]]]:
    """Lead-support pairs (coordination; co-leads are co-assigned) counted obligation by
    obligation, with the names of their topics and their directives' topics."""
    shared: dict[tuple[str, str], set[str]] = {}
    for ob in of_label(g, S.OBLIGATION):
        leads = {g.nodes[u]["id"] for u, _, d in g.in_edges(ob, data=True) if d["type"] == S.LEADS}
        supports = {g.nodes[u]["id"] for u, _, d in g.in_edges(ob, data=True) if d["type"] == S.SUPPORTS}
        pairs = {tuple(sorted((a, b))) for a in leads for b in supports if a != b}
        for p in pairs:
            shared.setdefault(p, set()).add(ob)
    def topics(node: str) -> set[str]:
        return {g.nodes[t]["name"] for _, t, d in g.out_edges(node, data=True) if d["type"] == S.ABOUT}

    topic = {}
    for ob in of_label(g, S.OBLIGATION):  # its own topics and its directive's
        topic[ob] = topics(ob).union(*(topics(d) for d, _, e in g.in_edges(ob, data=True) if e["type"] == S.IMPOSES))
    return {p: (len(obs), set().union(*(topic[o] for o in obs))) for p, obs in shared.items()}


def test_duties_query_gives_what_the_graph_says(gold_graph, gold_rdf):
    _, rows = run(gold_rdf, load_query("duties"))
    got = {(r["agencyId"], r["role"], r["number"], r["quote"]) for r in rows}
    assert got == duties_in_networkx(gold_graph)
    assert len(rows) == len(edges_of(gold_graph, S.LEADS)) + len(edges_of(gold_graph, S.SUPPORTS))


def test_duties_of_one_agency_with_a_bound_variable(gold_graph, gold_rdf):
    agency = "so-y-te-thanh-pho-ha-noi"
    _, rows = run(gold_rdf, load_query("duties"), {"agencyId": Literal(agency)})
    assert rows and {r["agencyName"] for r in rows} == {"Sở Y tế thành phố Hà Nội"}
    assert {(r["agencyId"], r["role"], r["number"], r["quote"]) for r in rows} == \
        {t for t in duties_in_networkx(gold_graph) if t[0] == agency}


def test_coordination_query_gives_the_pairs_the_graph_implies(gold_graph, gold_rdf):
    _, rows = run(gold_rdf, load_query("coordination"))
    got = {(r["aId"], r["bId"]): (r["obligations"], set(filter(None, (r["topics"] or "").split("; "))))
           for r in rows}
    expected = pairs_in_networkx(gold_graph)
    assert got == expected
    assert len(rows) == len(expected) > 20
    assert [r["obligations"] for r in rows] == sorted((r["obligations"] for r in rows), reverse=True)


# ---------------------------------------------------------------- network formats


def test_graphml_reads_back_with_lists_as_json(gold_graph, tmp_path):
    path = tmp_path / "g.graphml"
    assert export(gold_graph, "graphml", path) is None
    back = nx.read_graphml(path, force_multigraph=True)
    assert back.number_of_nodes() == gold_graph.number_of_nodes()
    assert back.number_of_edges() == gold_graph.number_of_edges()
    key = f"{S.AGENCY}:uy-ban-nhan-dan-thanh-pho-ha-noi"
    assert json.loads(back.nodes[key]["aliases"]) == gold_graph.nodes[key]["aliases"]
    assert back.nodes[key]["label"] == S.AGENCY


def test_gexf_keeps_graph_attributes_under_unreserved_names(gold_graph, tmp_path):
    path = tmp_path / "g.gexf"
    export(gold_graph, "gexf", path)
    back = nx.read_gexf(path)
    assert back.number_of_nodes() == gold_graph.number_of_nodes()
    key = f"{S.AGENCY}:so-y-te-thanh-pho-ha-noi"
    assert back.nodes[key]["label"] == "Sở Y tế thành phố Hà Nội"  # what Gephi shows
    assert back.nodes[key]["node_label"] == S.AGENCY
    offsets = [d for *_, d in back.edges(data=True) if d.get("rel_type") == S.EVIDENCED_BY]
    assert len(offsets) == len(edges_of(gold_graph, S.EVIDENCED_BY))
    assert all(isinstance(d["start_offset"], int) for d in offsets)


@pytest.mark.parametrize("name", ["tables", "tables.zip"])
def test_csv_is_a_node_table_and_an_edge_table(gold_graph, tmp_path, name):
    import csv
    import io

    out = tmp_path / name
    export(gold_graph, "csv", out)
    if name.endswith(".zip"):
        with zipfile.ZipFile(out) as z:
            texts = {n: z.read(n).decode() for n in z.namelist()}
    else:
        texts = {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()}
    nodes = list(csv.DictReader(io.StringIO(texts["nodes.csv"])))
    edges = list(csv.DictReader(io.StringIO(texts["edges.csv"])))
    assert len(nodes) == gold_graph.number_of_nodes() and len(edges) == gold_graph.number_of_edges()
    assert Counter(r["label"] for r in nodes)[S.OBLIGATION] == 108
    assert {r["type"] for r in edges} == {d["type"] for *_, d in gold_graph.edges(data=True)}


def test_unknown_format_and_csv_without_output_are_refused(gold_graph):
    with pytest.raises(ValueError, match="unknown export format"):
        export(gold_graph, "xml")
    with pytest.raises(ValueError, match="csv"):
        export(gold_graph, "csv")


# ---------------------------------------------------------------- commands on a real store


@pytest.fixture(scope="module")
def gold_store(gold_extractions, tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("export") / "store"
    store = open_store(str(path), create=True)
    try:
        ingest_extractions(gold_extractions, store)
    finally:
        store.close()
    return str(path)


@pytest.fixture(scope="module")
def phoihop() -> typer.Typer:
    app = typer.Typer()
    export_commands.register(app)
    return app


def test_the_phoihop_command_has_export_validate_and_sparql():
    from phoihop.cli import app

    names = {c.name for c in app.registered_commands}
    assert {"export", "validate", "sparql"} <= names


def invoke(app, *args: str):
    return CliRunner().invoke(app, list(args))


def test_export_turtle_to_stdout_and_file(phoihop, gold_store, gold_graph, tmp_path):
    r = invoke(phoihop, "export", "--format", "turtle", "--store", gold_store)
    assert r.exit_code == 0, r.output
    back = Graph().parse(data=r.stdout, format="turtle")
    assert len(set(back.subjects(RDF.type, PH.Obligation))) == len(of_label(gold_graph, S.OBLIGATION))
    out = tmp_path / "g.nt"
    r = invoke(phoihop, "export", "-f", "nt", "--out", str(out), "--store", gold_store)
    assert r.exit_code == 0 and out.stat().st_size > 0


def test_export_refuses_bad_format_and_csv_to_stdout(phoihop, gold_store, tmp_path):
    r = invoke(phoihop, "export", "--format", "xml", "--store", gold_store)
    assert r.exit_code == 2 and "xml: unknown format" in r.output
    r = invoke(phoihop, "export", "--format", "csv", "--store", gold_store)
    assert r.exit_code == 2 and "--out" in r.output
    r = invoke(phoihop, "export", "--format", "turtle", "--store", str(tmp_path / "none"))
    assert r.exit_code == 1 and "no store here yet" in r.output


def test_validate_passes_on_the_gold_store(phoihop, gold_store):
    r = invoke(phoihop, "validate", "--store", gold_store)
    assert r.exit_code == 0, r.output
    assert "Conforms: True" in r.output


def test_validate_fails_on_a_store_with_a_bad_date(phoihop, tmp_path):
    """A document graph written by hand: a directive dated '12/2019', an obligation nobody leads."""
    doc, did, oid = "f" * 64, "so-y-te|2019|1/KH-SYT", "o1"
    g = DocumentGraph(doc, "hand.txt", [
        Node(S.DOCUMENT, doc, {"id": doc, "path": "hand.txt", "kind": "official", "chars": 20}),
        Node(S.DIRECTIVE, did, {"id": did, "number": "1/KH-SYT", "type": "Kế hoạch", "date": "12/2019",
                                "year": 2019, "issuer": "Sở Y tế", "stub": False, "doc": doc}),
        Node(S.OBLIGATION, oid, {"id": oid, "text": "Kiểm tra", "doc": doc}),
    ], [
        Rel(S.IMPOSES, S.DIRECTIVE, did, S.OBLIGATION, oid, {"doc": doc}),
        Rel(S.EVIDENCED_BY, S.OBLIGATION, oid, S.DOCUMENT, doc, {"doc": doc, "start": 0, "end": 8, "quote": "Kiểm tra"}),
    ])
    store = open_store(str(tmp_path / "store"), create=True)
    try:
        store.write_document(g)
    finally:
        store.close()
    r = invoke(phoihop, "validate", "--store", str(tmp_path / "store"))
    assert r.exit_code == 1
    assert "Conforms: False" in r.output
    assert "a Directive's date is an xsd:date" in r.output
    assert "an Obligation needs at least one agency that leads or supports it" in r.output


def test_sparql_duties_agree_with_the_named_cypher_query(phoihop, gold_store):
    from phoihop.queries import run as named

    store = open_store(gold_store, read_only=True)
    try:
        agency = "so-lao-dong-thuong-binh-va-xa-hoi-thanh-pho-ha-noi"
        cypher_rows = named.duties(store, agency)
        # the stored COORDINATES_WITH: lead–support pairs; before the derivation kept co-leads
        # apart (CO_ASSIGNED), both kinds in one count per pair
        pairs = named.coordination(store, co_assigned=not named.DERIVES_CO_ASSIGNED)
    finally:
        store.close()
    r = invoke(phoihop, "sparql", "duties", "--bind", f"agencyId={agency}", "--json", "--store", gold_store)
    assert r.exit_code == 0, r.output
    sparql_rows = json.loads(r.stdout)
    assert len(sparql_rows) == len(cypher_rows) > 0
    assert {(x["role"], x["number"], x["quote"]) for x in sparql_rows} == \
        {(x["role"], x["number"], x["quote"]) for x in cypher_rows}

    r = invoke(phoihop, "sparql", "coordination", "--json", "--store", gold_store)
    assert r.exit_code == 0, r.output
    stored: dict = {}
    for x in pairs:
        stored[(x["a_id"], x["b_id"])] = stored.get((x["a_id"], x["b_id"]), 0) + x["obligations"]
    assert {(x["aId"], x["bId"], x["obligations"]) for x in json.loads(r.stdout)} == \
        {(a, b, n) for (a, b), n in stored.items()}


def test_sparql_from_a_file_as_csv_and_bad_queries(phoihop, gold_store, tmp_path):
    q = tmp_path / "count.rq"
    q.write_text("PREFIX ph: <https://phoihop.org/ontology#>\n"
                 "SELECT (COUNT(?o) AS ?n) WHERE { ?o a ph:Obligation }", encoding="utf-8")
    r = invoke(phoihop, "sparql", f"@{q}", "--csv", "--store", gold_store)
    assert r.exit_code == 0, r.output
    assert r.stdout.split() == ["n", "108"]
    r = invoke(phoihop, "sparql", "SELECT WHERE {", "--store", gold_store)
    assert r.exit_code == 2 and r.output.startswith("error: SPARQL:")
    r = invoke(phoihop, "sparql", f"@{tmp_path / 'missing.rq'}", "--store", gold_store)
    assert r.exit_code == 2 and "cannot read query file" in r.output


@pytest.mark.neo4j
def test_neo4j_and_the_embedded_store_export_the_same_rdf(phoihop, neo4j_store, gold_extractions, gold_store):
    ingest_extractions(gold_extractions, neo4j_store)
    from_neo4j = invoke(phoihop, "export", "--format", "nt", "--neo4j")
    assert from_neo4j.exit_code == 0, from_neo4j.output
    embedded = invoke(phoihop, "export", "--format", "nt", "--store", gold_store)
    assert set(Graph().parse(data=from_neo4j.stdout, format="nt")) == \
        set(Graph().parse(data=embedded.stdout, format="nt"))
    r = invoke(phoihop, "validate", "--neo4j")
    assert r.exit_code == 0 and "Conforms: True" in r.output
