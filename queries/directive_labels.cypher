// What a list of directives is printed with (number, or type, issuer and date).
// Parameter: $ids (Directive ids).
MATCH (d:Directive)
WHERE d.id IN $ids
RETURN d.id AS id, d.number AS number, d.type AS type, d.date AS date, d.year AS year, d.issuer AS issuer
ORDER BY id
