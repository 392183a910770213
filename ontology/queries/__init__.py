"""Named SPARQL queries over the RDF export (``phoihop sparql NAME``)."""
