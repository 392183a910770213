// Question 2 (lead–support pairs) with a topic filter (and optionally an agency
// and the agency filters), read from the stored per-topic summary COORDINATES_ON
// instead of aggregating every obligation: the same rows as coordination.cypher
// gives for $topic, with topic ids in `topics` (run.py names them). Stores update
// the summary after each ingest or removal (only the pairs that changed).
// Parameters: $topic (Topic id), $agency (id or ''), $filtered/$agency_ids (agency
// filters, both agencies pass), $limit.
// (`c.obligations >= 1` always holds: with it Neo4j seeks its (topic, obligations)
// index, most shared obligations first, and sorts only the ties it needs.)
MATCH (a:Agency)-[c:COORDINATES_ON]->(b:Agency)
WHERE c.topic = $topic AND c.obligations >= 1
  AND ($agency = '' OR a.id = $agency OR b.id = $agency)
  AND ($filtered = false OR (a.id IN $agency_ids AND b.id IN $agency_ids))
RETURN a.id AS a_id, a.name AS a_name, b.id AS b_id, b.name AS b_name,
       c.obligations AS obligations, c.directives AS directives, c.topics AS topics
ORDER BY c.obligations DESC, a.name, b.name, a.id, b.id
LIMIT $limit
