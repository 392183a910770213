"""``phoihop neo4j start|stop|status|env``: a real Neo4j for users who have none.

A thin wrapper over ``scripts/neo4j_server.py`` (Neo4j Community fetched from
Maven Central with ``mvn`` on first use, cached outside the repository). The
tests load the same module through ``server_module()``.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Optional

import typer

from typing_extensions import Annotated
from ._output import flag

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "neo4j_server.py"

InstanceOpt = Annotated[Optional[Path], typer.Option(
    "--instance", metavar="DIR",
    help="Instance directory (conf, data, logs, password); default: the cache directory.")]


def server_module() -> ModuleType:
    """``scripts/neo4j_server.py`` as a module (scripts/ is not a package)."""
    if "phoihop_neo4j_server" not in sys.modules:
        spec = importlib.util.spec_from_file_location("phoihop_neo4j_server", SCRIPT)
        mod = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = mod
        spec.loader.exec_module(mod)
    return sys.modules["phoihop_neo4j_server"]


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    neo4j = typer.Typer(
        help="Start, stop or locate the bundled Neo4j Community server (first start downloads it "
             "from Maven Central with mvn; needs Java 17 or 21).\n\n"
             "Examples:\n\n"
             "  phoihop neo4j start            (add --browser for Neo4j Browser)\n\n"
             "  eval \"$(phoihop neo4j env)\"  &&  phoihop ingest corpus/seeds --neo4j\n\n"
             "  phoihop neo4j stop",
        no_args_is_help=True)

    @neo4j.command()
    def start(instance: InstanceOpt = None,
              timeout: Annotated[float, typer.Option(help="Seconds to wait for Bolt to answer.")] = 180,
              browser: Annotated[bool, flag(
                  "--browser", help="Also serve Neo4j Browser over HTTP on a free local port.")] = False) -> None:
        """Start Neo4j (if not running) and print the PHOIHOP_NEO4J_* settings to use.

        Example: phoihop neo4j start --browser && eval "$(phoihop neo4j env)"
        """
        srv = server_module()
        try:
            server = srv.start(instance, timeout=timeout, log=lambda m: typer.echo(m, err=True), browser=browser)
        except srv.ServerError as e:
            _fail(str(e))
        typer.echo(f"Neo4j {server.version} is running at {server.uri} (pid {server.pid}); "
                   "set these (or run: eval \"$(phoihop neo4j env)\"):", err=True)
        if server.browser_url:
            typer.echo(f"Neo4j Browser: {server.browser_url} (connect to {server.uri}, user {server.user})", err=True)
        elif browser:
            typer.echo("(it was already running without Neo4j Browser: stop it and start it with --browser)", err=True)
        typer.echo("\n".join(srv.env_lines(server)))

    @neo4j.command()
    def stop(instance: InstanceOpt = None) -> None:
        """Stop the bundled Neo4j (its data stays for the next start).

        Example: phoihop neo4j stop
        """
        srv = server_module()
        typer.echo("stopped" if srv.stop(instance) else "not running", err=True)

    @neo4j.command()
    def status(instance: InstanceOpt = None) -> None:
        """Say whether the bundled Neo4j runs, where, and with which pid (exit 1 if not).

        Example: phoihop neo4j status
        """
        server = server_module().status(instance)
        if not server:
            _fail("Neo4j is not running (start it with: phoihop neo4j start)")
        typer.echo(server_module().status_line(server))

    @neo4j.command()
    def env(instance: InstanceOpt = None) -> None:
        """Print `export PHOIHOP_NEO4J_URI=… _USER=… _PASSWORD=…` for a shell.

        Example: eval "$(phoihop neo4j env)"
        """
        srv = server_module()
        server = srv.status(instance)
        if not server:
            _fail("Neo4j is not running (start it with: phoihop neo4j start)")
        typer.echo("\n".join(srv.env_lines(server, export=True)))

    app.add_typer(neo4j, name="neo4j")
