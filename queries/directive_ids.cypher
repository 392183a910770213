// Every directive id in order: where the browser view's overview cuts the store into parts.
MATCH (d:Directive)
RETURN d.id AS id
ORDER BY id
