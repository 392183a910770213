// Question 2: who coordinates with whom on what. $relation 'coordinates': a lead
// and a support of one obligation (the "chủ trì … phối hợp với" of Nghị định
// 30/2020, Điều 23.2), as COORDINATES_WITH is derived; 'co_assigned': two co-leads
// of one obligation (given the same task, not told to cooperate), as CO_ASSIGNED.
// Each pair once (smaller id first), with the obligations, directives and topics
// it shares. Topics are the obligation's own and its directive's.
// Parameters: $relation; $agency, $topic, $issuer (ids, or '' for any);
// $since/$until, $since_year/$until_year (period of the directive); the agency
// filters (both agencies pass): $filtered, $agency_ids (the agencies that pass
// queries/filters.py's province, level and kind); $limit (rows).
MATCH (d:Directive)-[:IMPOSES]->(o:Obligation)<-[:LEADS]-(a:Agency),
      (o)<-[:LEADS|SUPPORTS]-(b:Agency)
WHERE a.id <> b.id
  AND CASE WHEN $relation = 'co_assigned' THEN a.id < b.id AND EXISTS { MATCH (b)-[:LEADS]->(o) }
           ELSE NOT EXISTS { MATCH (b)-[:LEADS]->(o) } END
  AND ($agency = '' OR a.id = $agency OR b.id = $agency)
  AND ($filtered = false OR (a.id IN $agency_ids AND b.id IN $agency_ids))
  AND ($issuer = '' OR EXISTS { MATCH (:Agency {id: $issuer})-[:ISSUED]->(d) })
  AND ($topic = '' OR EXISTS { MATCH (o)-[:ABOUT]->(:Topic {id: $topic}) }
                      OR EXISTS { MATCH (d)-[:ABOUT]->(:Topic {id: $topic}) })
  AND ($since = '' OR d.date >= $since OR (d.date IS NULL AND d.year >= $since_year))
  AND ($until = '' OR d.date <= $until OR (d.date IS NULL AND d.year <= $until_year))
WITH DISTINCT d, o,
     CASE WHEN a.id < b.id THEN a.id ELSE b.id END AS a_id,
     CASE WHEN a.id < b.id THEN a.name ELSE b.name END AS a_name,
     CASE WHEN a.id < b.id THEN b.id ELSE a.id END AS b_id,
     CASE WHEN a.id < b.id THEN b.name ELSE a.name END AS b_name
OPTIONAL MATCH (o)-[:ABOUT]->(ot:Topic)
OPTIONAL MATCH (d)-[:ABOUT]->(dt:Topic)
RETURN a_id, a_name, b_id, b_name,
       count(DISTINCT o.id) AS obligations,
       collect(DISTINCT d.id) AS directives,
       collect(DISTINCT ot.name) AS obligation_topics,
       collect(DISTINCT dt.name) AS directive_topics
ORDER BY obligations DESC, a_name, b_name, a_id, b_id
LIMIT $limit
