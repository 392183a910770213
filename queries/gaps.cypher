// Question 4 (second half), the rows it is computed from: every agency that works
// on a topic (leads or supports an obligation about it, or one imposed by a
// directive about it), with how many such obligations it has. queries/run.py pairs
// the members of a topic within one jurisdiction (province) and keeps the pairs
// that never coordinate, ranked by how much they work on the same topics.
// Parameters: $topic (Topic id, or '' for every topic); the obligation filters
// $issuer, $since/$until, $since_year/$until_year; the agency filters $filtered and
// $agency_ids (the agencies that pass them).
// The directive is matched in a clause of its own: in one pattern Neo4j would not walk
// the IMPOSES relationship that reached a directive about the topic a second time.
MATCH (t:Topic)
WHERE $topic = '' OR t.id = $topic
MATCH (t)<-[:ABOUT]-(x)-[:IMPOSES*0..1]->(o:Obligation)<-[:LEADS|SUPPORTS]-(m:Agency)
MATCH (d:Directive)-[:IMPOSES]->(o)
WHERE ($filtered = false OR m.id IN $agency_ids)
  AND ($issuer = '' OR EXISTS { MATCH (:Agency {id: $issuer})-[:ISSUED]->(d) })
  AND ($since = '' OR d.date >= $since OR (d.date IS NULL AND d.year >= $since_year))
  AND ($until = '' OR d.date <= $until OR (d.date IS NULL AND d.year <= $until_year))
RETURN t.name AS topic, m.id AS id, m.name AS name,
       count(DISTINCT o.id) AS obligations
ORDER BY topic, id
