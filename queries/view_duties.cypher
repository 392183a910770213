// The browser view of a whole archive (view/grouped.py): the selected obligations as the
// page counts them, without their text. One row per group of obligations that share the
// directive's date, year and issuer (the page's year and issuer filters), their topics (own
// and directive's: the topic filter), their issuers (ISSUED), leads and supports; ``duties``
// is how many. Parameters as coordination.cypher: $topic, $issuer (ids, or '' for any),
// $since/$until, $since_year/$until_year (period of the directive); $from_id, $to_id: the
// directives with ids in [$from_id, $to_id) ('' for no end), so that a big store is read in parts.
MATCH (d:Directive)-[:IMPOSES]->(o:Obligation)
WHERE d.id >= $from_id AND ($to_id = '' OR d.id < $to_id)
  AND ($issuer = '' OR EXISTS { MATCH (:Agency {id: $issuer})-[:ISSUED]->(d) })
  AND ($topic = '' OR EXISTS { MATCH (o)-[:ABOUT]->(:Topic {id: $topic}) }
                      OR EXISTS { MATCH (d)-[:ABOUT]->(:Topic {id: $topic}) })
  AND ($since = '' OR d.date >= $since OR (d.date IS NULL AND d.year >= $since_year))
  AND ($until = '' OR d.date <= $until OR (d.date IS NULL AND d.year <= $until_year))
OPTIONAL MATCH (o)<-[:LEADS]-(l:Agency)
WITH d, o, collect(DISTINCT l.id) AS leads
OPTIONAL MATCH (o)<-[:SUPPORTS]-(s:Agency)
WITH d, o, leads, collect(DISTINCT s.id) AS supports
OPTIONAL MATCH (o)-[:ABOUT]->(t:Topic)
WITH d, o, leads, supports, collect(DISTINCT t.id) AS own
OPTIONAL MATCH (d)-[:ABOUT]->(u:Topic)
WITH d, o, leads, supports, own, collect(DISTINCT u.id) AS theirs
OPTIONAL MATCH (i:Agency)-[:ISSUED]->(d)
WITH d, o, leads, supports, own, theirs, collect(DISTINCT i.id) AS issuers
RETURN d.date AS date, d.year AS year, d.issuer AS issuer, issuers, leads, supports, own, theirs,
       count(*) AS duties
