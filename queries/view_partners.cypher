// The browser view's focus (view/around.py): the agencies one link away from the agencies
// $ids — those given a duty with them ($shared: coordinates, co-assigned), and those that
// assign them duties or that they assign duties to ($assigns). A superset of the view's
// partners (two supports of one duty are no link): the view keeps the links it draws.
MATCH (a:Agency)-[:LEADS|SUPPORTS]->(:Obligation)<-[:LEADS|SUPPORTS]-(b:Agency)
WHERE $shared AND a.id IN $ids
RETURN DISTINCT b.id AS id
UNION
MATCH (a:Agency)-[:LEADS|SUPPORTS]->(:Obligation)<-[:IMPOSES]-(:Directive)<-[:ISSUED]-(b:Agency)
WHERE $assigns AND a.id IN $ids
RETURN DISTINCT b.id AS id
UNION
MATCH (a:Agency)-[:ISSUED]->(:Directive)-[:IMPOSES]->(:Obligation)<-[:LEADS|SUPPORTS]-(b:Agency)
WHERE $assigns AND a.id IN $ids
RETURN DISTINCT b.id AS id
