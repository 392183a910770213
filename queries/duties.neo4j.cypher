// Question 1 on Neo4j: the same rows as duties.cypher, in the same order. Here the
// page is chosen first (ORDER BY … LIMIT over the agency's obligations, which Neo4j
// keeps as a top-k heap) and the partners are looked up for the rows kept only:
// for the busiest agencies (tens of thousands of obligations) that is a page read
// instead of every obligation's co-assignees. (LadybugDB plans that shape as a scan
// of whole relationship tables, hence the other text.) At 100k documents the first
// page for an agency with 15,000 obligations went from ~330 to ~190 ms.
// Parameters: as duties.cypher.
MATCH (a:Agency {id: $agency})-[r:LEADS|SUPPORTS]->(o:Obligation)<-[:IMPOSES]-(d:Directive)
WHERE ($since = '' OR d.date >= $since OR (d.date IS NULL AND d.year >= $since_year))
  AND ($until = '' OR d.date <= $until OR (d.date IS NULL AND d.year <= $until_year))
  AND ($issuer = '' OR EXISTS { MATCH (:Agency {id: $issuer})-[:ISSUED]->(d) })
  AND ($topic = '' OR EXISTS { MATCH (o)-[:ABOUT]->(:Topic {id: $topic}) }
                      OR EXISTS { MATCH (d)-[:ABOUT]->(:Topic {id: $topic}) })
WITH a, o, d, collect(type(r)) AS kinds
WITH a, o, d, CASE WHEN 'LEADS' IN kinds THEN 'lead' ELSE 'support' END AS role
WHERE $role = '' OR role = $role
MATCH (o)-[e:EVIDENCED_BY]->(src:Document)
WITH a, o, d, e, src, role
ORDER BY d.date IS NULL, d.date, d.id, src.path, e.start, o.id
LIMIT $limit
WITH a, o, d, e, src, role,
     COLLECT { MATCH (co:Agency)-[:LEADS]->(o) WHERE co.id <> a.id RETURN DISTINCT co.name } AS co_leads,
     COLLECT { MATCH (sup:Agency)-[:SUPPORTS]->(o) WHERE sup.id <> a.id RETURN DISTINCT sup.name } AS supporters
RETURN d.id AS directive, d.number AS number, d.type AS type, d.date AS date,
       d.issuer AS issuer, d.subject AS subject,
       role, o.id AS obligation, o.text AS text, o.modality AS modality,
       o.deadline AS deadline, e.quote AS quote, e.start AS start, src.path AS source,
       co_leads, supporters
ORDER BY date IS NULL, date, directive, source, start, obligation
