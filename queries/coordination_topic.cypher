// Question 2 with a topic filter (and optionally an agency), read from the
// stored per-topic summary COORDINATES_ON instead of aggregating every
// obligation: the same rows as coordination.cypher gives for $topic, with
// topic ids in `topics` (run.py names them). Stores rebuild the summary after
// each ingest. Parameters: $topic (Topic id), $agency (id or ''), $limit.
// (`c.obligations > 0` always holds; with it Neo4j seeks its (topic, obligations) index.)
MATCH (a:Agency)-[c:COORDINATES_ON]->(b:Agency)
WHERE c.topic = $topic AND c.obligations > 0
  AND ($agency = '' OR a.id = $agency OR b.id = $agency)
RETURN a.id AS a_id, a.name AS a_name, b.id AS b_id, b.name AS b_name,
       c.obligations AS obligations, c.directives AS directives, c.topics AS topics
ORDER BY obligations DESC, a_name, b_name, a_id, b_id
LIMIT $limit
