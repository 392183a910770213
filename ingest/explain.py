"""Why the extractor decided what it did: a trace of its stages, printed clause by clause.

The extractor calls ``note(kind, **facts)`` at its decision points; outside a
``tracing()`` block that is one context-variable look-up and nothing else, so
extraction pays nothing for it. ``phoihop extract FILE --explain`` runs the
extractor inside ``tracing()`` and prints ``render(events, text)``: the document
kind and blocks (header, Kính gửi, body, Nơi nhận, signature, attachment), each
directive's scope, then for every clause the bodies found, the role each got
and the reason (the words before it, or the heading / label / sentence it
inherits from), and whether it became an obligation or why not.
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator

_EVENTS: ContextVar[list | None] = ContextVar("phoihop_explain", default=None)


def note(event: str, **facts) -> None:
    """Record one decision of the extractor when a trace is being taken."""
    events = _EVENTS.get()
    if events is not None:
        events.append((event, facts))


def active() -> bool:
    return _EVENTS.get() is not None


@contextmanager
def tracing() -> Iterator[list]:
    """Collect the extractor's decisions made inside the block."""
    events: list = []
    token = _EVENTS.set(events)
    try:
        yield events
    finally:
        _EVENTS.reset(token)


def _short(text: str, n: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1] + "…"


def _why(T: str, m, clause_start: int) -> str:
    """The words just before a mention, which decided its role."""
    before = " ".join(T[max(clause_start, m.start - 40):m.start].split())
    return f"after '…{before[-30:]}'" if before else "opens the clause"


def render(events: list, T: str) -> str:
    """The trace as text for a person: one block per clause."""
    out: list[str] = []
    for kind, f in events:
        if kind == "document":
            out.append(f"document: {f['page']}")
            for name, block in f["blocks"].items():
                if block is not None:
                    out.append(f"  {name:10s} [{block[0]}:{block[1]}] {_short(T[block[0]:block[1]], 70)}")
        elif kind == "scope":
            out.append("")
            out.append(f"directive {f['key']!r} ({f['type']}, issuer {f['issuer']!r}) "
                       f"text [{f['start']}:{f['end']}]" + ("" if f["gives_tasks"] else ": reported only, no tasks"))
        elif kind == "clause":
            cs, ce = f["span"]
            out.append("")
            out.append(f"  [{cs}:{ce}] {_short(T[cs:ce])}")
            for m in f["mentions"]:
                tag = " (generic)" if m.generic else ""
                out.append(f"      body  {m.agency.name!r}{tag}  ← {T[m.start:m.end]!r}")
            roles = f.get("roles")
            if roles is not None:
                for label, ms in (("lead", roles.leads), ("support", roles.supports), ("reports", roles.reports)):
                    for m in ms:
                        out.append(f"      {label:7s} {m.agency.name!r}: {_why(T, m, cs)}")
                if roles.director is not None:
                    out.append(f"      issuer {roles.director.agency.name!r} gives the order here")
                if roles.narrative:
                    out.append("      narrative: the clause reports, it does not instruct")
            if f.get("inherited"):
                names = ", ".join(repr(m.agency.name) for m in f["inherited"][1])
                out.append(f"      lead    {names}: inherited from the {f['inherited'][0]}")
            out.append(f"      => {f['outcome']}")
    return "\n".join(out)
