// The browser view's directive focus (view/around.py): the citations from or to the directives $ids.
MATCH (f:Directive)-[r:CITES]->(t:Directive)
WHERE f.id IN $ids OR t.id IN $ids
RETURN f.id AS from_id, t.id AS to_id, r.relation AS relation, r.quote AS quote, r.doc AS doc
ORDER BY from_id, to_id, doc
