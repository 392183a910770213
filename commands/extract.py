"""``phoihop extract``: files to the annotation guide's JSON, one file per input."""
from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import List, Optional

import typer
from typing_extensions import Annotated

from phoihop.ingest import explain as trace
from phoihop.ingest.textnorm import counted
from phoihop.ingest.pipeline import InputError, extract_path, iter_inputs
from phoihop.ingest.readers import Limits
from phoihop.ingest.timelimit import TooSlow, time_limit, too_slow_reason

from ._options import MaxMbOpt, MaxSecondsOpt, flag
from ._text import clean


def write_json(out_dir: Path, stem: str, data: dict) -> Path:
    """Write DIR/<stem>.json atomically: a reader never sees half a file.

    The JSON is built in memory and written at once (``json.dump`` writes it piece by piece); the
    directory is made when it is missing (not asked for at every file)."""
    target = out_dir / f"{stem}.json"
    body = fact_lines(data).encode("utf-8")
    try:
        fd, tmp = _temp_file(out_dir, stem)
    except FileNotFoundError:
        out_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = _temp_file(out_dir, stem)
    with os.fdopen(fd, "wb") as fh:
        fh.write(body)
    os.replace(tmp, target)
    return target


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode   # (no indent: json's C encoder, five times faster)


def fact_lines(data: dict) -> str:
    """The JSON of an extraction with one key of it a line and one fact a line (each directive,
    obligation, citation, recipient, agency on a line of its own), as ``json.loads`` reads it back."""
    items = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            items.append(f" {_ENCODE(key)}: [\n" + ",\n".join("  " + _ENCODE(v) for v in value) + "\n ]")
        else:
            items.append(f" {_ENCODE(key)}: {_ENCODE(value)}")
    return "{\n" + ",\n".join(items) + "\n}\n"


_TEMP_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def _temp_file(out_dir: Path, stem: str) -> tuple[int, str]:
    """A new private file beside the target, as ``mkstemp`` makes it (exclusive, mode 0600), named by the
    process id: making up mkstemp's random names cost more than writing the JSON. A name taken (a file
    left by a killed run) falls back to mkstemp."""
    tmp = os.path.join(out_dir, f".{stem}.{os.getpid()}.tmp")
    try:
        return os.open(tmp, _TEMP_FLAGS, 0o600), tmp
    except FileExistsError:
        return tempfile.mkstemp(dir=out_dir, prefix=f".{stem}.", suffix=".tmp")


def output_stems(files: list[Path]) -> dict[Path, str]:
    """The name of each file's JSON: its stem, unless two inputs share it (``x.docx`` and
    ``x.pdf``: then ``x.docx``, ``x.pdf``), or share their file name too (``a/x.txt`` and
    ``b/x.txt``: then ``a__x.txt``, ``b__x.txt``, their paths below the common folder)."""
    def counts(names: list[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for n in names:
            out[n] = out.get(n, 0) + 1
        return out

    stems = counts([f.stem for f in files])
    names = counts([f.name for f in files])
    shared = [f for f in files if stems[f.stem] > 1 and names[f.name] > 1]
    root = Path(os.path.commonpath([str(f.resolve().parent) for f in files])) if shared else Path(".")
    out = {}
    for f in files:
        if stems[f.stem] == 1:
            out[f] = f.stem
        elif names[f.name] == 1:
            out[f] = f.name
        else:
            out[f] = "__".join(f.resolve().relative_to(root).parts)
    return out


def register(app: typer.Typer) -> None:
    @app.command()
    def extract(
        paths: List[str] = typer.Argument(..., metavar="PATH...", help="Files or directories (every readable file in them); with "
                                          "--engine spark also URIs (s3a://bucket/dir, hdfs://…)."),
        out: Optional[str] = typer.Option(None, "--out", "-o", metavar="DIR", help="Directory for <file stem>.json outputs "
                                          "(with --engine spark also a URI)."),
        quiet: Annotated[bool, flag("--quiet", "-q", help="Print only errors.")] = False,
        explain: Annotated[bool, flag("--explain", help="Print, clause by clause, the bodies found, the role each "
                                      "got and why.")] = False,
        max_mb: MaxMbOpt = 32,
        max_seconds: MaxSecondsOpt = 300,
        engine: Optional[str] = typer.Option(
            None, "--engine", metavar="local|spark",
            help="Write Parquet tables of the graph model to --out instead of JSON: 'local' on this "
                 "machine (--workers processes), 'spark' as an Apache Spark job (pip install 'phoihop\\[spark]')."),
        master: str = typer.Option("local[*]", "--master", metavar="URL",
                                   help="With --engine spark: the Spark master (local[N], spark://host:7077, yarn…)."),
        workers: int = typer.Option(1, "--workers", min=1, help="With --engine local: extraction processes."),
    ) -> None:
        """Extract directives, agencies, obligations, citations and recipients to JSON.

        Example: phoihop extract ../shared/corpus/seeds --out out/

        Example: phoihop extract ../shared/corpus/seeds/003_ab11a4f8cab28fa6.txt --explain

        Example: phoihop extract --engine spark ../shared/corpus/seeds --out tables/ --master 'local[2]'

        Writes OUT/<stem>.json in the gold format of the annotation guide (§7)
        (OUT/<name>.json when two inputs share a stem, as x.docx and x.pdf),
        with spans for every obligation. A file that cannot be read gets one
        line on stderr; the others are still extracted; the exit code is 1.
        With --explain the decisions are printed for each file (document kind and
        blocks, each directive's scope, then every clause: bodies, roles and the
        words that gave them, and whether it became an obligation); --out is then
        optional.
        With --engine the output is the graph model as Parquet tables (documents,
        directives, agencies, obligations, roles, citations, recipients, topics, …,
        and errors: the files that gave nothing), the graph 'phoihop ingest' would
        store; 'phoihop load DIR' loads them (docs/scale.md).
        """
        if engine is not None:
            # (as typed: a Path would fold "s3a://bucket" into "s3a:/bucket")
            _tables(paths, out, engine, master, workers, Limits.megabytes(max_mb, max_seconds), quiet)
            return
        if out is None and not explain:
            raise typer.BadParameter("give --out DIR (or --explain to print the decisions)", param_hint="--out")
        out_dir = None if out is None else Path(out)
        failed = 0
        done = 0
        files = iter_inputs([Path(p) for p in paths])
        stems = output_stems(files)
        limits = Limits.megabytes(max_mb, max_seconds)
        for p in files:
            try:
                with time_limit(limits.max_seconds):
                    if explain:
                        with trace.tracing() as events:
                            ex = extract_path(p, limits)
                    else:
                        ex = extract_path(p, limits)
            except InputError as e:
                typer.echo(clean(f"error: {e}"), err=True)
                failed += 1
                continue
            except TooSlow:
                typer.echo(clean(f"error: {too_slow_reason(p, limits, 'extracted')}"), err=True)
                failed += 1
                continue
            if explain:
                typer.echo(clean(f"== {p}"))
                typer.echo(clean(trace.render(events, ex.text)))
            for line in ex.warnings:
                typer.echo(clean(f"warning: {line}"), err=True)
            done += 1
            if out_dir is None:
                continue
            write_json(out_dir, stems[p], ex.to_json())
            if not quiet:
                typer.echo(clean(f"{p} -> {out_dir / (stems[p] + '.json')}: {counted(len(ex.directives), 'directive')}, "
                           f"{counted(len(ex.obligations), 'obligation')}, {counted(len(ex.agencies), 'agency')}"))
        if not quiet:
            typer.echo(f"extracted {counted(done, 'file')}, {counted(failed, 'error')}", err=bool(failed))
        if failed:
            raise typer.Exit(1)


def per_core(meter: dict) -> str:
    """What the extraction cost inside the Spark tasks, the rate a cluster's time follows."""
    s = meter["cpu_seconds"]
    return (f"extraction in the tasks: {counted(meter['files'], 'file')}, {meter['bytes'] / 1e6:.1f} MB in "
            f"{s:.1f} CPU s ({meter['files'] / s:.1f} files, {meter['bytes'] / 1e6 / s:.2f} MB per core-second)")


def _tables(paths: List[str], out: Optional[str], engine: str, master: str, workers: int,
            limits: Limits, quiet: bool) -> None:
    """``extract --engine``: the Parquet tables of the graph model in ``out``; exit 1 when a
    file gave nothing (it is in the errors table)."""
    if engine not in ("local", "spark"):
        raise typer.BadParameter(f"{engine!r}: choose local or spark", param_hint="--engine")
    if out is None:
        raise typer.BadParameter("give --out DIR (where the tables go)", param_hint="--out")
    meter: dict = {}
    if engine == "spark":
        from phoihop.graph import spark_job
        try:
            counts = spark_job.run(paths, out, master=master, limits=limits, meter=meter)
        except spark_job.SparkMissing as e:
            typer.echo(f"error: {e}", err=True)
            raise typer.Exit(1)
    else:
        from phoihop.graph.tables import extract_tables
        if any("://" in p for p in paths + [out]):
            raise typer.BadParameter("URIs are read by --engine spark; --engine local reads local paths")
        counts = extract_tables([Path(p) for p in paths], Path(out), workers=workers, limits=limits)
    if not quiet:
        typer.echo(clean(f"{out}: " + ", ".join(f"{n} {t}" for t, n in counts.items())))
        if meter.get("cpu_seconds"):
            typer.echo(per_core(meter))
    if counts.get("errors"):
        typer.echo(f"{counted(counts['errors'], 'file')} gave nothing: see {out}/errors", err=True)
        raise typer.Exit(1)
