"""phoihop: Vietnamese government documents to a graph of agencies and obligations.

A thin command line over the library (``ingest``, ``graph``, ``queries``,
``ontology``, ``view``). Every module in ``commands/`` adds its own commands.
"""
from __future__ import annotations

import importlib
import pkgutil

import typer

import commands

app = typer.Typer(
    name="phoihop",
    help="Turn Vietnamese administrative texts into a knowledge graph of agencies and their obligations.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for _mod in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
    if not _mod.name.startswith("_"):
        importlib.import_module(f"commands.{_mod.name}").register(app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
