// Every pair of agencies that coordinate (COORDINATES_WITH, on any topic), for
// the gaps of question 4: pairs that never do. Agency filters: $filtered, $agency_ids.
MATCH (a:Agency)-[:COORDINATES_WITH]->(b:Agency)
WHERE $filtered = false OR (a.id IN $agency_ids AND b.id IN $agency_ids)
RETURN a.id AS a_id, b.id AS b_id
