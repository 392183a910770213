// The browser view's focus (view/around.py): the directives $ids with their issuers (ISSUED)
// and topics.
UNWIND $ids AS id
MATCH (d:Directive)
WHERE d.id = id
OPTIONAL MATCH (i:Agency)-[:ISSUED]->(d)
WITH d, collect(DISTINCT i.id) AS issuers
OPTIONAL MATCH (d)-[:ABOUT]->(t:Topic)
RETURN d.id AS id, d.number AS number, d.number_key AS number_key, d.type AS type, d.date AS date,
       d.year AS year, d.issuer AS issuer, d.subject AS subject, d.signer AS signer, d.stub AS stub,
       issuers, collect(DISTINCT t.id) AS topics
ORDER BY id
