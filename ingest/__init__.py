"""Reading and extraction: read -> layout -> structure -> extract -> resolve (docs/extraction.md)."""
from . import regex_cache

regex_cache.install()   # before the modules below compile their patterns
