// Question 3: the citation chain of one directive, transitive, both ways.
// 'up': what it cites (implements, takes as basis, mentions) and what those
// cite in turn; 'down': what cites it, and what cites those. One row per
// CITES edge of the chain, at its shortest distance (depth) from the directive.
// Parameter: $directive (Directive id). Chains longer than 12 steps are cut.
MATCH p = (n:Directive {id: $directive})-[:CITES*0..11]->(f:Directive)-[r:CITES]->(t:Directive)
RETURN 'up' AS direction, min(length(p)) AS depth, r.relation AS relation,
       f.id AS from_id, f.number AS from_number, f.type AS from_type, f.date AS from_date,
       f.issuer AS from_issuer, f.stub AS from_stub,
       t.id AS to_id, t.number AS to_number, t.type AS to_type, t.date AS to_date,
       t.issuer AS to_issuer, t.stub AS to_stub, r.quote AS quote
UNION ALL
MATCH p = (f:Directive)-[r:CITES]->(t:Directive)-[:CITES*0..11]->(n:Directive {id: $directive})
RETURN 'down' AS direction, min(length(p)) AS depth, r.relation AS relation,
       f.id AS from_id, f.number AS from_number, f.type AS from_type, f.date AS from_date,
       f.issuer AS from_issuer, f.stub AS from_stub,
       t.id AS to_id, t.number AS to_number, t.type AS to_type, t.date AS to_date,
       t.issuer AS to_issuer, t.stub AS to_stub, r.quote AS quote
