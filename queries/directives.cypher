// Every directive, for finding one by its printed number (number_key) or id.
MATCH (d:Directive)
RETURN d.id AS id, d.number AS number, d.number_key AS number_key, d.type AS type,
       d.date AS date, d.year AS year, d.issuer AS issuer, d.subject AS subject, d.stub AS stub
ORDER BY id
