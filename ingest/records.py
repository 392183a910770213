"""Plain records that extraction produces and every later stage consumes.

One extraction per source file. Offsets are character offsets into
``Extraction.text`` (the text as read, NFC-normalised), so that every fact can
be quoted back from its source.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Agency:
    """A body that can be given a task, under its canonical name (guide §3)."""

    name: str
    kind: str = "other"            # ubnd, so, phong, cong_an, bo, ... collective
    level: str | None = None       # central, province, district, commune
    jurisdiction: str | None = None
    generic: bool = False          # "các đơn vị liên quan": kept, never scored
    aliases: list[str] = field(default_factory=list)
    parent: str | None = None      # canonical name of the body it belongs to (PART_OF)


@dataclass
class Assignee:
    agency: str                    # canonical name
    role: str                      # lead | support
    generic: bool = False


@dataclass
class Directive:
    key: str                       # number when printed, else "issuer|type|year"
    number: str | None
    type: str | None
    date: str | None               # ISO date
    issuer: str | None             # canonical agency name
    subject: str | None = None
    signer: str | None = None      # signer's title/name (an attribute, not an agency)
    topics: list[str] = field(default_factory=list)
    span: tuple[int, int] | None = None


@dataclass
class Obligation:
    directive: str                 # Directive.key
    text: str                      # == Extraction.text[span[0]:span[1]]
    span: tuple[int, int]
    assignees: list[Assignee]
    modality: str | None = None
    reports_to: list[str] = field(default_factory=list)
    deadline: str | None = None    # ISO date or YYYY-MM
    topics: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)   # quoted figures such as "100%"


@dataclass
class Citation:
    source: str                    # citing Directive.key ("from" in JSON)
    to: str | None                 # cited number as printed, or None
    relation: str                  # basis | implements | mentions
    to_type: str | None = None
    to_date: str | None = None
    to_issuer: str | None = None
    to_subject: str | None = None
    span: tuple[int, int] | None = None


@dataclass
class Recipient:
    directive: str
    agency: str
    kind: str                      # addressed | copied
    generic: bool = False
    span: tuple[int, int] | None = None


@dataclass
class Extraction:
    document: str                  # file name, e.g. "003_ab11.txt"
    path: str
    text: str
    sha256: str
    kind: str = "official"         # official | news | excerpt
    title: str | None = None
    published: str | None = None
    directives: list[Directive] = field(default_factory=list)
    obligations: list[Obligation] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    recipients: list[Recipient] = field(default_factory=list)
    agencies: list[Agency] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)   # the reader's (not in the JSON): read with losses

    def agency(self, name: str) -> Agency | None:
        for a in self.agencies:
            if a.name == name:
                return a
        return None

    def to_json(self) -> dict[str, Any]:
        """The annotation guide's §7 format (with extra fields)."""
        def span(s):
            return list(s) if s is not None else None

        return {
            "document": self.document,
            "sha256": self.sha256,
            "kind": self.kind,
            "title": self.title,
            "published": self.published,
            "directives": [
                {"key": d.key, "number": d.number, "type": d.type, "date": d.date, "issuer": d.issuer,
                 "subject": d.subject, "signer": d.signer, "topics": list(d.topics), "span": span(d.span)}
                for d in self.directives
            ],
            "obligations": [
                {
                    "directive": o.directive,
                    "text": o.text,
                    "span": span(o.span),
                    "assignees": [{"agency": a.agency, "role": a.role, "generic": a.generic} for a in o.assignees],
                    "modality": o.modality,
                    "reports_to": list(o.reports_to),
                    "deadline": o.deadline,
                    "topics": list(o.topics),
                    "targets": list(o.targets),
                }
                for o in self.obligations
            ],
            "citations": [
                {
                    "from": c.source, "to": c.to, "relation": c.relation,
                    "to_type": c.to_type, "to_date": c.to_date,
                    "to_issuer": c.to_issuer, "to_subject": c.to_subject,
                    "span": span(c.span),
                }
                for c in self.citations
            ],
            "recipients": [
                {"directive": r.directive, "agency": r.agency, "kind": r.kind,
                 "generic": r.generic, "span": span(r.span)}
                for r in self.recipients
            ],
            "agencies": [{"name": a.name, "kind": a.kind, "level": a.level, "jurisdiction": a.jurisdiction,
                          "generic": a.generic, "aliases": list(a.aliases), "parent": a.parent}
                         for a in self.agencies],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], text: str = "", path: str = "") -> "Extraction":
        """Rebuild records from the JSON that ``to_json`` wrote (for re-loading saved output)."""
        def tup(s):
            return tuple(s) if s else None

        def locate(o: dict) -> tuple[int, int]:
            # Gold files carry no spans: find the quoted text in the source.
            if o.get("span"):
                return tuple(o["span"])
            i = text.find(o["text"])
            return (i, i + len(o["text"])) if i >= 0 else (0, 0)

        return cls(
            document=data["document"], path=path, text=text,
            sha256=data.get("sha256", ""), kind=data.get("kind", "official"),
            title=data.get("title"), published=data.get("published"),
            directives=[Directive(**{**{k: v for k, v in d.items() if k in _DIRECTIVE_FIELDS},
                                     "span": tup(d.get("span"))}) for d in data.get("directives", [])],
            obligations=[
                Obligation(
                    directive=o["directive"], text=o["text"], span=locate(o),
                    assignees=[Assignee(agency=a["agency"], role=a["role"], generic=a.get("generic", False))
                               for a in o["assignees"]],
                    modality=o.get("modality"), reports_to=o.get("reports_to", []),
                    deadline=o.get("deadline"), topics=o.get("topics", []), targets=o.get("targets", []),
                )
                for o in data.get("obligations", [])
            ],
            citations=[
                Citation(source=c["from"], to=c.get("to"), relation=c["relation"],
                         to_type=c.get("to_type"), to_date=c.get("to_date"),
                         to_issuer=c.get("to_issuer"), to_subject=c.get("to_subject"),
                         span=tup(c.get("span")))
                for c in data.get("citations", [])
            ],
            recipients=[
                Recipient(directive=r["directive"], agency=r["agency"], kind=r["kind"],
                          generic=r.get("generic", False), span=tup(r.get("span")))
                for r in data.get("recipients", [])
            ],
            agencies=[Agency(**{k: v for k, v in a.items() if k in _AGENCY_FIELDS}) for a in data.get("agencies", [])],
        )


_DIRECTIVE_FIELDS = {"key", "number", "type", "date", "issuer", "subject", "signer", "topics"}
_AGENCY_FIELDS = {"name", "kind", "level", "jurisdiction", "generic", "aliases", "parent"}


class InputError(Exception):
    """A file that cannot be read as a document. ``str()`` is the one-line message."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
