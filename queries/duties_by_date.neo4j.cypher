// Question 1 on Neo4j for an agency with a large share of all obligations: the first
// $limit rows of duties.cypher, found by walking directives in date order (the range
// index on Directive.date gives the order, and the top-k stops early) and keeping the
// obligations they impose on the agency. Reading every obligation of such an agency
// to sort them costs ~20 store reads each (~190 ms for 15,000 at 100k documents);
// here the cost follows the page: ~8 reads per obligation walked past.
// Dated directives only: queries/run.py uses it when they fill the page (undated
// directives come last in the question's order) and the agency is busy enough.
// No index hint: on a database made before the index existed (it is created on the next
// write) the planner sorts the directives instead of failing. Matching the agency first
// made Neo4j sort every directive even with the index.
// Parameters: as duties.cypher, with $since/$until '' or ISO dates.
MATCH (d:Directive)
WHERE d.date >= $since AND ($until = '' OR d.date <= $until)
WITH d
ORDER BY d.date
MATCH (d)-[:IMPOSES]->(o:Obligation)<-[:LEADS|SUPPORTS]-(a:Agency {id: $agency})
WHERE ($issuer = '' OR EXISTS { MATCH (:Agency {id: $issuer})-[:ISSUED]->(d) })
  AND ($topic = '' OR EXISTS { MATCH (o)-[:ABOUT]->(:Topic {id: $topic}) }
                      OR EXISTS { MATCH (d)-[:ABOUT]->(:Topic {id: $topic}) })
WITH DISTINCT a, o, d
WITH a, o, d, CASE WHEN EXISTS { (a)-[:LEADS]->(o) } THEN 'lead' ELSE 'support' END AS role
WHERE $role = '' OR role = $role
MATCH (o)-[e:EVIDENCED_BY]->(src:Document)
WITH a, o, d, e, src, role
ORDER BY d.date, d.id, src.path, e.start, o.id
LIMIT $limit
WITH a, o, d, e, src, role,
     COLLECT { MATCH (co:Agency)-[:LEADS]->(o) WHERE co.id <> a.id RETURN DISTINCT co.name } AS co_leads,
     COLLECT { MATCH (sup:Agency)-[:SUPPORTS]->(o) WHERE sup.id <> a.id RETURN DISTINCT sup.name } AS supporters
RETURN d.id AS directive, d.number AS number, d.type AS type, d.date AS date,
       d.issuer AS issuer, d.subject AS subject,
       role, o.id AS obligation, o.text AS text, o.modality AS modality,
       o.deadline AS deadline, e.quote AS quote, e.start AS start, src.path AS source,
       co_leads, supporters
ORDER BY date, directive, source, start, obligation
