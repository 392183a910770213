// The browser view's focus (view/around.py): the obligations $ids with what a page shows of
// them: text, deadline, directive, leads, supports, own topics, and the quote with its document.
UNWIND $ids AS id
MATCH (d:Directive)-[:IMPOSES]->(o:Obligation)
WHERE o.id = id
OPTIONAL MATCH (o)<-[:LEADS]-(l:Agency)
WITH d, o, collect(DISTINCT l.id) AS leads
OPTIONAL MATCH (o)<-[:SUPPORTS]-(s:Agency)
WITH d, o, leads, collect(DISTINCT s.id) AS supports
OPTIONAL MATCH (o)-[:ABOUT]->(t:Topic)
WITH d, o, leads, supports, collect(DISTINCT t.id) AS topics
OPTIONAL MATCH (o)-[e:EVIDENCED_BY]->(doc:Document)
RETURN o.id AS id, o.text AS text, o.modality AS modality, o.deadline AS deadline, d.id AS directive,
       leads, supports, topics, doc.id AS document, doc.title AS title, doc.path AS path,
       e.quote AS quote, e.start AS start_at, e.`end` AS end_at
ORDER BY id, document
