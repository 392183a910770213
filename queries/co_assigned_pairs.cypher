// Every pair of co-leads (CO_ASSIGNED, on any topic), for
// the gaps of question 4: pairs that never coordinate, when co-assignment counts too (--co-assigned). Agency filters: $filtered, $agency_ids.
MATCH (a:Agency)-[:CO_ASSIGNED]->(b:Agency)
WHERE $filtered = false OR (a.id IN $agency_ids AND b.id IN $agency_ids)
RETURN a.id AS a_id, b.id AS b_id
