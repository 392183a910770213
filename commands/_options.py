"""The options several commands share (typer annotations only).

Kept apart from ``_output`` so that a command that prints no table (``phoihop extract``) loads
neither Rich nor the stores: each CLI call pays for what it imports.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from typing_extensions import Annotated

StoreOpt = Annotated[Optional[str], typer.Option(
    "--store", metavar="DIR", help="Store directory (default $PHOIHOP_STORE or ./phoihop-data).")]
def flag(*names: str, **kw):
    """A boolean option shown as a flag in --help (no '<bool>' value after it)."""
    return typer.Option(*names, metavar="", **kw)


Neo4jOpt = Annotated[bool, flag(
    "--neo4j", help="Use the Neo4j server from PHOIHOP_NEO4J_URI/_USER/_PASSWORD instead.")]
MaxMbOpt = Annotated[float, typer.Option(
    "--max-mb", min=0.001, help="Refuse a file larger than this many megabytes (a DOCX/zip expanding "
    "to more than 4 times as much).")]
MaxSecondsOpt = Annotated[float, typer.Option(
    "--max-seconds", min=0.0, help="A document that takes longer than this to read and extract is "
    "that file's error, and the others go on (0: no limit).")]
JsonOpt = Annotated[bool, flag("--json", help="Print JSON (for machines).")]
CsvOpt = Annotated[bool, flag("--csv", help="Print CSV with a header; lists joined with '; '.")]
ParquetOpt = Annotated[Optional[Path], typer.Option(
    "--parquet", metavar="FILE", help="Write the rows to FILE as Parquet (typed columns, lists as lists).")]
SinceOpt = Annotated[Optional[str], typer.Option(
    "--since", metavar="DATE", help="From this date on (YYYY, YYYY-MM or YYYY-MM-DD; its first day).")]
UntilOpt = Annotated[Optional[str], typer.Option(
    "--until", metavar="DATE", help="Up to this date (YYYY, YYYY-MM or YYYY-MM-DD; its last day).")]
RowsOpt = Annotated[int, typer.Option(
    "--limit", min=0, help="At most this many rows, in the order shown (0: all). Fast on large graphs.")]
ProvinceOpt = Annotated[Optional[str], typer.Option(
    "--province", metavar="NAME", help="Only agencies of this province (its own, its districts' and communes'); "
    "diacritics optional: \"Ha Noi\".")]
LevelOpt = Annotated[Optional[str], typer.Option(
    "--level", metavar="LEVEL", help="Only agencies of this level: central, province, district or commune.")]
KindOpt = Annotated[Optional[str], typer.Option(
    "--kind", metavar="KIND", help="Only agencies of this kind (ubnd, so, phong, cong_an, bo, …; as in the store).")]
IssuerOpt = Annotated[Optional[str], typer.Option(
    "--issuer", metavar="NAME", help="Only directives of this issuer (name, alias or abbreviation).")]
TopicOpt = Annotated[Optional[str], typer.Option(
    "--topic", metavar="TOPIC", help="Only obligations on this topic (Vietnamese or English name, or id).")]
CoAssignedOpt = Annotated[bool, flag(
    "--co-assigned", help="Add the pairs of co-leads (given the same task), marked co_assigned.")]
