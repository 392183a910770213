"""CLI commands: each module here defines ``register(app)`` and adds its commands.

Commands stay thin: they parse options, call the library and print.

``MODULES`` says which module adds which command, so that ``phoihop extract``
imports the extractor and not the RDF, SHACL and view libraries (about a second
of start-up for every run); ``cli.py`` loads every module for help and for any
name not listed. A test checks the table against what the modules register.
"""

MODULES = {
    "export": "export", "validate": "export", "sparql": "export",
    "extract": "extract",
    "neo4j": "neo4j",
    "duties": "queries", "coordination": "queries", "chain": "queries", "hubs": "queries", "issued": "queries",
    "load": "load",
    "ingest": "store", "remove": "store", "stats": "store", "cypher": "store", "repair": "store",
    "view": "view",
}
