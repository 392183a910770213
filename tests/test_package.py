"""The installed package is one namespace, ``phoihop``: a wheel built from the checkout is
installed into a fresh virtual environment and only ``phoihop`` comes out of it.

The fresh environment gets the project's dependencies by a path line pointing at the test
environment's site-packages (a plain path in a ``.pth`` file is added to ``sys.path`` but the
``.pth`` files inside it are not run, so the checkout's editable install does not leak in).
"""
from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
PROJECT_FOLDERS = ["ingest", "graph", "queries", "ontology", "commands", "view", "cli"]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(ROOT)],
                   check=True, capture_output=True, text=True, timeout=600)
    [whl] = out.glob("phoihop-*.whl")
    return whl


@pytest.fixture(scope="module")
def fresh_env(wheel, tmp_path_factory) -> Path:
    env_dir = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    (site / "_phoihop_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
                    str(wheel)], check=True, capture_output=True, text=True, timeout=600)
    return env_dir


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    return dict(env, NO_COLOR="1", COLUMNS="120")


def test_wheel_holds_only_the_phoihop_namespace(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert tops == {"phoihop"}
    for data in ("phoihop/ingest/data/fields.tsv", "phoihop/view/assets/view.js",
                 "phoihop/ontology/shapes.ttl", "phoihop/ontology/queries/duties.rq"):
        assert data in names, data


def test_only_phoihop_is_importable_from_the_fresh_env(fresh_env, tmp_path):
    python = fresh_env / "bin" / "python"
    probe = (
        "import importlib, json, phoihop, phoihop.ingest, phoihop.graph, phoihop.queries, phoihop.ontology, "
        "phoihop.view, phoihop.commands, phoihop.cli\n"
        f"names = {PROJECT_FOLDERS!r}\n"
        "found = []\n"
        "for n in names:\n"
        "    try:\n"
        "        importlib.import_module(n); found.append(n)\n"
        "    except ModuleNotFoundError:\n"
        "        pass\n"
        "print(json.dumps({'found': found, 'file': phoihop.ingest.__file__}))\n"
    )
    out = subprocess.run([str(python), "-c", probe], cwd=tmp_path, env=_clean_env(), check=True,
                         capture_output=True, text=True, timeout=120).stdout
    import json
    got = json.loads(out)
    assert got["found"] == []
    assert str(fresh_env) in got["file"], got["file"]


def test_console_command_of_the_wheel_extracts_and_ingests(fresh_env, tmp_path):
    command = fresh_env / "bin" / "phoihop"
    env = _clean_env()
    seed = sorted(SEEDS.glob("*.txt"))[0]
    run = subprocess.run([str(command), "ingest", str(seed), "--store", str(tmp_path / "store")], cwd=tmp_path,
                         env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert "ingested 1 document" in run.stdout
    stats = subprocess.run([str(command), "stats", "--store", str(tmp_path / "store"), "--json"], cwd=tmp_path,
                           env=env, capture_output=True, text=True, timeout=300)
    assert stats.returncode == 0, stats.stderr
    assert '"Obligation"' in stats.stdout
    module = subprocess.run([str(fresh_env / "bin" / "python"), "-m", "phoihop", "stats", "--store",
                             str(tmp_path / "store"), "--json"], cwd=tmp_path, env=env, capture_output=True,
                            text=True, timeout=300)
    assert module.returncode == 0 and module.stdout == stats.stdout, module.stderr
