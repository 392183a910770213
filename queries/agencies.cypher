// Every agency with the names it is known by: what agency_match searches.
MATCH (a:Agency)
RETURN a.id AS id, a.name AS name, a.name_folded AS name_folded, a.aliases AS aliases,
       a.kind AS kind, a.level AS level, a.jurisdiction AS jurisdiction
ORDER BY id
