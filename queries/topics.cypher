// Every topic in the graph, to name the topic ids of the stored summaries.
MATCH (t:Topic)
RETURN t.id AS id, t.name AS name
ORDER BY id
