// Question 1: the duties of one agency (led and supported), by directive,
// with role, deadline, partners (the other assignees of the same obligation)
// and the source quote.
// Parameters: $agency (Agency id), $role ('lead' | 'support' | '' for both),
// $since/$until (ISO dates or ''), $since_year/$until_year (for directives
// known by their year only).
MATCH (a:Agency {id: $agency})-[:LEADS|SUPPORTS]->(o:Obligation)<-[:IMPOSES]-(d:Directive)
WHERE ($since = '' OR d.date >= $since OR (d.date IS NULL AND d.year >= $since_year))
  AND ($until = '' OR d.date <= $until OR (d.date IS NULL AND d.year <= $until_year))
WITH DISTINCT a, o, d
OPTIONAL MATCH (a)-[led:LEADS]->(o)
WITH a, o, d, CASE WHEN led IS NULL THEN 'support' ELSE 'lead' END AS role
WHERE $role = '' OR role = $role
MATCH (o)-[e:EVIDENCED_BY]->(src:Document)
OPTIONAL MATCH (co:Agency)-[:LEADS]->(o)
WHERE co.id <> a.id
OPTIONAL MATCH (sup:Agency)-[:SUPPORTS]->(o)
WHERE sup.id <> a.id
RETURN d.id AS directive, d.number AS number, d.type AS type, d.date AS date,
       d.issuer AS issuer, d.subject AS subject,
       role, o.id AS obligation, o.text AS text, o.modality AS modality,
       o.deadline AS deadline, e.quote AS quote, e.start AS start, src.path AS source,
       collect(DISTINCT co.name) AS co_leads, collect(DISTINCT sup.name) AS supporters
ORDER BY coalesce(date, ''), directive, source, start, obligation
