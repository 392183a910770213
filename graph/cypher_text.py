"""Reading the text of an ad-hoc Cypher query: its tokens, what it calls, and its dialect.

Both stores refuse ad-hoc writes. Neo4j refuses them itself (the query runs
in a READ session); what a READ session still allows (``TERMINATE
TRANSACTIONS``, procedures of mode DBMS such as ``db.clearQueryCaches``) is
refused here, by ``neo4j_admin_reason``. The embedded store (LadybugDB) is
guarded by ``graph.embedded_store.write_reason`` on the same tokens, and
``to_ladybug`` rewrites the Neo4j spellings people type (``type(r)``) into
LadybugDB's (``label(r)``); ``ladybug_hint`` says how LadybugDB spells what
cannot be rewritten.
"""
from __future__ import annotations

import re

_TOKEN = re.compile(r"""
    (?P<skip>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|//[^\n]*|/\*.*?(?:\*/|\Z))
  | (?P<name>`(?:[^`]|``)*`)
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<sym>\S)
""", re.VERBOSE | re.DOTALL)


def tokens(cypher: str) -> list[tuple[str, str, int]]:
    """(kind, text, offset): kind is 'skip' (string literal, comment), 'name' (a backticked
    name, text unquoted), 'word' or 'sym'."""
    out = []
    for m in _TOKEN.finditer(cypher):
        text = m.group()
        if m.lastgroup == "name":
            text = text[1:-1].replace("``", "`")
        out.append((m.lastgroup, text, m.start()))
    return out


def keywords(cypher: str) -> list[tuple[int, str, list[tuple[str, str, int]]]]:
    """(index, WORD, significant tokens) for each word that can be a keyword: not a property,
    label or parameter (after '.', ':' or '$'), not a map key (before ':'), not an alias
    (after AS). String literals, comments and backticked names never are."""
    toks = [t for t in tokens(cypher) if t[0] != "skip"]
    found = []
    for i, (kind, text, _) in enumerate(toks):
        if kind != "word":
            continue
        prev = toks[i - 1][1] if i else ""
        nxt = toks[i + 1][1] if i + 1 < len(toks) else ""
        if prev in (".", ":", "$") or nxt == ":" or prev.upper() == "AS":
            continue
        found.append((i, text.upper(), toks))
    return found


def procedure_at(toks: list[tuple[str, str, int]], i: int) -> str:
    """The dotted procedure name after the CALL at ``toks[i]`` ('' for a ``CALL {`` or
    ``CALL (`` subquery)."""
    parts, j = [], i + 1
    while j < len(toks) and toks[j][0] in ("word", "name"):
        parts.append(toks[j][1])
        if j + 1 < len(toks) and toks[j + 1][1] == ".":
            j += 2
        else:
            break
    return ".".join(parts)


def called_procedures(cypher: str) -> list[str]:
    """The procedures a query CALLs, dotted names as written."""
    return [name for name in (procedure_at(toks, i) for i, word, toks in keywords(cypher) if word == "CALL") if name]


# --- Neo4j: what a READ session still allows --------------------------------------------

# Administration commands, refused whatever the server would do with them (a READ session
# refuses most, but not TERMINATE TRANSACTIONS, which kills other users' work).
_ADMIN_FIRST = {"TERMINATE", "GRANT", "DENY", "REVOKE", "ALTER", "START", "STOP", "ENABLE",
                "DEALLOCATE", "REALLOCATE", "DRYRUN", "RENAME"}
_ADMIN_AFTER_CREATE = {"USER", "ROLE", "DATABASE", "COMPOSITE", "ALIAS", "SERVER", "OR"}
# Procedures of mode DBMS that only read (a READ session runs every DBMS procedure; those
# not listed here change something: db.clearQueryCaches, dbms.killConnection(s), tx.setMetaData …).
READ_DBMS_PROCEDURES = frozenset({
    "dbms.components", "dbms.info", "dbms.listCapabilities", "dbms.listConfig", "dbms.listConnections",
    "dbms.queryJmx", "dbms.showCurrentUser", "dbms.routing.getRoutingTable",
    "dbms.cluster.routing.getRoutingTable", "tx.getMetaData",
})


def neo4j_admin_reason(cypher: str) -> str | None:
    """Why ``cypher`` is an administration command we refuse on Neo4j (None otherwise).

    TERMINATE anywhere (it composes with SHOW TRANSACTIONS); the other administration
    commands when they lead the statement (after EXPLAIN / PROFILE / CYPHER options).
    """
    words = keywords(cypher)
    for _, word, _ in words:
        if word == "TERMINATE":
            return "TERMINATE TRANSACTIONS is an administration command"
    lead = [(i, w, toks) for i, w, toks in words if w not in ("EXPLAIN", "PROFILE", "CYPHER")]
    if not lead:
        return None
    i, word, toks = lead[0]
    following = toks[i + 1][1].upper() if i + 1 < len(toks) else ""
    if word in _ADMIN_FIRST or (word in ("CREATE", "DROP") and following in _ADMIN_AFTER_CREATE):
        return f"{word} {following} is an administration command".replace("  ", " ")
    return None


# --- LadybugDB: the Neo4j spellings people type -------------------------------------------

# Neo4j function -> LadybugDB function of the same arguments (names are case-insensitive).
LADYBUG_FUNCTIONS = {
    "type": "label", "tointeger": "to_int64", "tofloat": "to_double", "tostring": "to_string",
    "toboolean": "to_bool", "split": "string_split", "elementid": "id",
}
# What has no one-word translation: how LadybugDB says it.
LADYBUG_HINTS = {
    "head": "LadybugDB spells head(list) as list_extract(list, 1)",
    "last": "LadybugDB spells last(list) as list_extract(list, -1)",
    "startnode": "LadybugDB has no startNode(r): name the node in the pattern, (a)-[r]->(b)",
    "endnode": "LadybugDB has no endNode(r): name the node in the pattern, (a)-[r]->(b)",
    "datetime": "LadybugDB spells datetime() as current_timestamp()",
    "timestamp": "LadybugDB spells timestamp() as current_timestamp()",
    "tointegerornull": "LadybugDB has no toIntegerOrNull: use to_int64(x) on values that are numbers",
    "exists": "LadybugDB spells exists(n.p) as n.p IS NOT NULL, and EXISTS { (n)-->() } as EXISTS { MATCH (n)-->() }",
    "db.labels": "LadybugDB lists its tables with CALL show_tables() RETURN *",
    "db.relationshiptypes": "LadybugDB lists its tables with CALL show_tables() RETURN *",
    "db.propertykeys": "LadybugDB lists a table's properties with CALL table_info('Agency') RETURN *",
    "db.schema.visualization": "LadybugDB shows the schema with CALL show_tables() RETURN * and "
                               "CALL table_info('Agency') RETURN *",
}


def to_ladybug(cypher: str) -> tuple[str, list[str]]:
    """``cypher`` with Neo4j function names LadybugDB lacks replaced by its own, and one note
    per replacement ("type() is label() in LadybugDB")."""
    toks = [t for t in tokens(cypher) if t[0] != "skip"]
    edits: list[tuple[int, int, str]] = []
    notes: list[str] = []
    for i, (kind, text, offset) in enumerate(toks):
        new = LADYBUG_FUNCTIONS.get(text.lower()) if kind == "word" else None
        if not new or i + 1 >= len(toks) or toks[i + 1][1] != "(" or (i and toks[i - 1][1] in (".", ":", "$")):
            continue
        edits.append((offset, offset + len(text), new))
        note = f"{text}() is {new}() in LadybugDB"
        if note not in notes:
            notes.append(note)
    for start, end, new in reversed(edits):
        cypher = cypher[:start] + new + cypher[end:]
    return cypher, notes


_MISSING = re.compile(r"function (\w+) does not exist|\b(exists)\s*[({]>", re.IGNORECASE)


def ladybug_hint(message: str, cypher: str) -> str | None:
    """How LadybugDB spells what a failed query used, when we know it."""
    m = _MISSING.search(message)
    if m:
        hint = LADYBUG_HINTS.get((m.group(1) or m.group(2)).lower())
        if hint:
            return hint
    for name in called_procedures(cypher):
        if name.lower() in LADYBUG_HINTS:
            return LADYBUG_HINTS[name.lower()]
    return None
