"""Period bounds from what a person types: 2024, 2024-02 or 2024-02-19.

``--since`` takes the first day of what is given and ``--until`` the last, so
both ends are inclusive: ``--since 2024 --until 2024`` is the whole year.
Directive dates in the graph are ISO strings, so the bounds are ISO strings too
(compared as text), plus the years, for directives known only by their year.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

_DATE = re.compile(r"^\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?\s*$")


class DateError(ValueError):
    """A date a person typed that is not YYYY, YYYY-MM or YYYY-MM-DD. ``str()`` is one line."""


def _parts(text: str) -> tuple[int, int | None, int | None]:
    m = _DATE.match(text or "")
    if not m:
        raise DateError(f"{text!r}: not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    month = int(month) if month else None
    day = int(day) if day else None
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"{text!r}: month {month} is not 1-12")
    if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise DateError(f"{text!r}: day {day} is not in {year}-{month:02d}")
    return year, month, day


def first_day(text: str) -> str:
    """'2024' -> '2024-01-01', '2024-02' -> '2024-02-01', '2024-02-19' -> itself."""
    year, month, day = _parts(text)
    return f"{year:04d}-{month or 1:02d}-{day or 1:02d}"


def last_day(text: str) -> str:
    """'2024' -> '2024-12-31', '2024-02' -> '2024-02-29', '2024-02-19' -> itself."""
    year, month, day = _parts(text)
    month = month or 12
    return f"{year:04d}-{month:02d}-{day or calendar.monthrange(year, month)[1]:02d}"


@dataclass(frozen=True)
class Period:
    """An inclusive period; either end may be open (None)."""

    since: str | None = None
    until: str | None = None

    def params(self) -> dict[str, object]:
        """Query parameters: ISO bounds for dated directives, years for those known by year only.

        An open end is '' (and year 0 / 9999), never null: LadybugDB cannot type a
        null parameter, so every query treats '' as "no filter".
        """
        return {
            "since": self.since or "", "until": self.until or "",
            "since_year": int(self.since[:4]) if self.since else 0,
            "until_year": int(self.until[:4]) if self.until else 9999,
        }


def period(since: str | None = None, until: str | None = None) -> Period:
    """The inclusive period between two typed dates; raises DateError if it is empty."""
    p = Period(first_day(since) if since else None, last_day(until) if until else None)
    if p.since and p.until and p.since > p.until:
        raise DateError(f"--since {since} is after --until {until}")
    return p
