// The browser view's focus (view/around.py): the obligations the agencies $ids lead or support.
MATCH (a:Agency)-[:LEADS|SUPPORTS]->(o:Obligation)
WHERE a.id IN $ids
RETURN DISTINCT o.id AS id
