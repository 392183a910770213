// The source quotes of a page of pairs of the coordination question: every
// obligation each pair shares under the same $relation and obligation filters
// (topic, issuer, period), with its evidence; queries/run.py keeps one per pair
// (the most recent, as graph/derive.py picks the stored example: the latest
// directive date, undated last, then document id, offset and obligation id).
// Parameters: $pairs (list of {a, b} agency ids), $relation, $topic, $issuer,
// $since/$until, $since_year/$until_year.
UNWIND $pairs AS p
MATCH (a:Agency {id: p.a}), (b:Agency {id: p.b})
MATCH (a)-[:LEADS|SUPPORTS]->(o:Obligation)<-[:LEADS|SUPPORTS]-(b)
WITH DISTINCT p, a, b, o
WITH p, o, EXISTS { MATCH (a)-[:LEADS]->(o) } AS a_leads, EXISTS { MATCH (b)-[:LEADS]->(o) } AS b_leads
WHERE CASE WHEN $relation = 'co_assigned' THEN a_leads AND b_leads ELSE a_leads <> b_leads END
MATCH (d:Directive)-[:IMPOSES]->(o), (o)-[e:EVIDENCED_BY]->(src:Document)
WHERE ($issuer = '' OR EXISTS { MATCH (:Agency {id: $issuer})-[:ISSUED]->(d) })
  AND ($topic = '' OR EXISTS { MATCH (o)-[:ABOUT]->(:Topic {id: $topic}) }
                      OR EXISTS { MATCH (d)-[:ABOUT]->(:Topic {id: $topic}) })
  AND ($since = '' OR d.date >= $since OR (d.date IS NULL AND d.year >= $since_year))
  AND ($until = '' OR d.date <= $until OR (d.date IS NULL AND d.year <= $until_year))
RETURN p.a AS a_id, p.b AS b_id, o.id AS obligation, d.date AS date, e.quote AS quote, src.id AS document,
       src.path AS source, e.start AS start, e.`end` AS `end`
ORDER BY a_id, b_id, document, start, obligation
