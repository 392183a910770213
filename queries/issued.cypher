// Question 5: what one issuer assigned, to whom, in a period: every
// obligation its directives impose, with the leads, the supports and the quote.
// Parameters: $issuer (Agency id), $since/$until, $since_year/$until_year, $topic
// (id or ''); the agency filters ($filtered, $agency_ids: the agencies that pass
// them) keep the obligations with at least one assignee (lead or support) among them.
MATCH (i:Agency {id: $issuer})-[:ISSUED]->(d:Directive)-[:IMPOSES]->(o:Obligation)
WHERE ($since = '' OR d.date >= $since OR (d.date IS NULL AND d.year >= $since_year))
  AND ($until = '' OR d.date <= $until OR (d.date IS NULL AND d.year <= $until_year))
  AND ($topic = '' OR EXISTS { MATCH (o)-[:ABOUT]->(:Topic {id: $topic}) }
                      OR EXISTS { MATCH (d)-[:ABOUT]->(:Topic {id: $topic}) })
  AND ($filtered = false
       OR EXISTS { MATCH (x:Agency)-[:LEADS|SUPPORTS]->(o) WHERE x.id IN $agency_ids })
MATCH (o)-[e:EVIDENCED_BY]->(src:Document)
OPTIONAL MATCH (l:Agency)-[:LEADS]->(o)
OPTIONAL MATCH (s:Agency)-[:SUPPORTS]->(o)
RETURN d.id AS directive, d.number AS number, d.type AS type, d.date AS date,
       d.subject AS subject, o.id AS obligation, o.text AS text, o.modality AS modality,
       o.deadline AS deadline, e.quote AS quote, e.start AS start, src.path AS source,
       collect(DISTINCT l.name) AS leads, collect(DISTINCT s.name) AS supports
ORDER BY coalesce(date, ''), directive, source, start, obligation
