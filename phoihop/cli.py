"""phoihop: Vietnamese government documents to a graph of agencies and obligations.

A thin command line over the library (``phoihop.ingest``, ``phoihop.graph``,
``phoihop.queries``, ``phoihop.ontology``, ``phoihop.view``). Every module in
``commands/`` adds its own commands. The console script ``phoihop`` calls ``main``;
``python cli.py`` in a checkout does the same.
"""
from __future__ import annotations

import importlib
import pkgutil
import sys

import typer

from phoihop import commands
app = typer.Typer(
    name="phoihop",
    help="Turn Vietnamese administrative texts into a knowledge graph of agencies and their obligations.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _group() -> None:
    """Turn Vietnamese administrative texts into a knowledge graph of agencies and their obligations."""
    # a callback keeps the app a group of commands even when only the invoked command is loaded


def _modules(argv: list[str]) -> list[str]:
    """The command modules to load: the invoked command's alone, else all (help, unknown names)."""
    if len(argv) > 1 and argv[1] in commands.MODULES:
        return [commands.MODULES[argv[1]]]
    return sorted(m.name for m in pkgutil.iter_modules(commands.__path__) if not m.name.startswith("_"))


for _name in _modules(sys.argv):
    importlib.import_module(f"phoihop.commands.{_name}").register(app)


def main() -> None:
    app(prog_name="phoihop")


if __name__ == "__main__":
    main()
