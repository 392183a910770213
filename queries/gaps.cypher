// Question 4 (second half): pairs of agencies that work on the same topic
// (lead or support an obligation about it, or one imposed by a directive
// about it) but never coordinate (no COORDINATES_WITH between them, on any topic).
// The members of each topic are collected once and paired (by id: LadybugDB
// cannot UNWIND a list of nodes), which is ~10x faster than matching twice.
// Parameter: $topic (Topic id, or '' for every topic).
MATCH (t:Topic)
WHERE $topic = '' OR t.id = $topic
MATCH (t)<-[:ABOUT]-(x)-[:IMPOSES*0..1]->(:Obligation)<-[:LEADS|SUPPORTS]-(m:Agency)
WITH t, collect(DISTINCT m.id) AS members
UNWIND members AS i
UNWIND members AS j
WITH t, i, j
WHERE i < j
MATCH (a:Agency {id: i}), (b:Agency {id: j})
WHERE NOT EXISTS { MATCH (a)-[:COORDINATES_WITH]-(b) }
RETURN a.id AS a_id, a.name AS a_name, b.id AS b_id, b.name AS b_name,
       collect(DISTINCT t.name) AS topics
ORDER BY a_name, b_name, a_id, b_id
