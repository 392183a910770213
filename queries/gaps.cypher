// Question 4 (second half): pairs of agencies that work on the same topic
// (lead or support an obligation about it, or one of a directive about it)
// but never coordinate (no COORDINATES_WITH between them, on any topic).
// Parameter: $topic (Topic id, or '' for every topic).
MATCH (t:Topic)
WHERE $topic = '' OR t.id = $topic
MATCH (a:Agency)-[:LEADS|SUPPORTS]->(o:Obligation)<-[:IMPOSES]-(d:Directive)
WHERE EXISTS { MATCH (o)-[:ABOUT]->(t) } OR EXISTS { MATCH (d)-[:ABOUT]->(t) }
WITH DISTINCT t, a
MATCH (b:Agency)-[:LEADS|SUPPORTS]->(o2:Obligation)<-[:IMPOSES]-(d2:Directive)
WHERE a.id < b.id
  AND (EXISTS { MATCH (o2)-[:ABOUT]->(t) } OR EXISTS { MATCH (d2)-[:ABOUT]->(t) })
  AND NOT EXISTS { MATCH (a)-[:COORDINATES_WITH]-(b) }
RETURN a.id AS a_id, a.name AS a_name, b.id AS b_id, b.name AS b_name,
       collect(DISTINCT t.name) AS topics
ORDER BY a_name, b_name, a_id, b_id
