"""Keep the example outputs in the README and docs/ true by generating them from the code.

A generated block in a Markdown file looks like this::

    <!-- generated: seeds -->
    ```console
    $ phoihop ingest ../shared/corpus/seeds
    (output, rewritten by this script)
    ```
    <!-- /generated -->

Every line of the block that starts with ``$ phoihop`` is a command; the script runs the
commands of all blocks of one file in order, in a scratch directory beside a link to the
shared material (so ``../shared/...`` paths work as written and the default store
``./phoihop-data`` is a fresh one), and writes each command's output (stdout, then stderr)
under it, with ``(exit N)`` when it fails; ``| head -N`` keeps the first N lines. The label after ``generated:`` names the scratch
directory: blocks with the same label in one file share a store.

    python scripts/docs_examples.py            # rewrite the blocks
    python scripts/docs_examples.py --check    # exit 1 and name the stale blocks (the test runs this)

Output is produced at a fixed terminal width (``COLUMNS``) so that tables are stable.
"""
from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIDTH = "100"
SHARED_STAND_IN = "/home/me/shared"   # where the shared material is, in the examples
WORK_STAND_IN = "/home/me/work"       # the directory the examples' commands run in
BLOCK = re.compile(
    r"(?P<open><!-- generated: (?P<label>[\w-]+) -->\n```console\n)(?P<body>.*?)(?P<close>```\n<!-- /generated -->)",
    re.S,
)


def shared_dir() -> Path:
    """The shared material: $PHOIHOP_SHARED, else ../shared beside the repository."""
    return Path(os.environ.get("PHOIHOP_SHARED") or ROOT.parent / "shared").resolve()


def documents() -> list[Path]:
    """The Markdown files that may hold generated blocks."""
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def run(command: str, cwd: Path) -> str:
    """Run one ``phoihop …`` command line as a user would and return what they would see."""
    command, _, head = command.partition(" | head -")
    argv = shlex.split(command)
    env = dict(os.environ, COLUMNS=WIDTH, LINES="50", NO_COLOR="1", TERM="dumb",
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop("FORCE_COLOR", None)
    proc = subprocess.run([sys.executable, str(ROOT / "cli.py"), *argv[1:]], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)
    out = machine_neutral(proc.stdout + proc.stderr, cwd)
    lines = [line.rstrip() for line in out.rstrip("\n").split("\n")] if out.strip() else []
    if head:
        lines = lines[:int(head)]
    elif proc.returncode:
        lines.append(f"(exit {proc.returncode})")
    return "\n".join(lines)


def machine_neutral(out: str, cwd: Path) -> str:
    """Output with this machine's absolute paths written as a reader's would be.

    Stored sources are absolute paths (a document's identity is its resolved path), so the
    shared material's location and the scratch directory are replaced by fixed stand-ins:
    the examples must read the same on every machine that generates them."""
    out = out.replace(str(shared_dir()), SHARED_STAND_IN)
    return out.replace(str(cwd.resolve()), WORK_STAND_IN)


def regenerate(text: str, scratch: Path) -> str:
    """The text with every generated block's outputs produced again."""
    def block(m: re.Match) -> str:
        cwd = scratch / m["label"] / "work"
        if not cwd.exists():
            cwd.mkdir(parents=True)
            (cwd.parent / "shared").symlink_to(shared_dir())
        commands = [line for line in m["body"].split("\n") if line.startswith("$ phoihop")]
        parts = []
        for command in commands:
            output = run(command[2:], cwd)
            parts.append(command + ("\n" + output if output else ""))
        return m["open"] + "\n\n".join(parts) + "\n" + m["close"]
    return BLOCK.sub(block, text)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="only report stale blocks (exit 1 if any)")
    ap.add_argument("files", nargs="*", type=Path, help="Markdown files (default: README.md and docs/*.md)")
    args = ap.parse_args(argv)
    stale = []
    for path in [p.resolve() for p in args.files] or documents():
        text = path.read_text(encoding="utf-8")
        if not BLOCK.search(text):
            continue
        with tempfile.TemporaryDirectory(prefix="phoihop-docs-") as tmp:
            new = regenerate(text, Path(tmp))
        if new != text:
            stale.append(path)
            if not args.check:
                path.write_text(new, encoding="utf-8")
    for path in stale:
        verb = "is stale (run: python scripts/docs_examples.py)" if args.check else "rewritten"
        print(f"{path.relative_to(ROOT)}: generated examples {verb}", file=sys.stderr)
    return 1 if stale and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
