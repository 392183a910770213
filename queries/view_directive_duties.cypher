// The browser view's focus (view/around.py): the obligations the directives $ids impose.
MATCH (d:Directive)-[:IMPOSES]->(o:Obligation)
WHERE d.id IN $ids
RETURN DISTINCT o.id AS id
