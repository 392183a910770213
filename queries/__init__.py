"""The questions the graph answers, as named Cypher texts run on any store.

``<name>.cypher`` holds one question (``duties``, ``coordination``, ``chain``,
``gaps``, ``issued``, plus the ``agencies`` and ``directives`` lookups);
``run`` runs them with parameters and sorts the rows the same way on every
store; ``analysis`` adds degree and betweenness (networkx); ``agency_match``
and ``dates`` turn what a person types into ids and inclusive periods.
"""
