// How many obligations an agency leads or supports, and how many there are in all:
// queries/run.py picks the plan for a page of its duties from the two (Neo4j reads
// both from its counts, without walking the relationships).
MATCH (a:Agency {id: $agency})
CALL () { MATCH (o:Obligation) RETURN count(o) AS obligations }
RETURN COUNT { (a)-[:LEADS|SUPPORTS]->() } AS duties, obligations
