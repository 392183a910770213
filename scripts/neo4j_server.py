#!/usr/bin/env python3
"""A real Neo4j Community server for the tests and for users who have none.

Only package registries are reachable, and the Neo4j tarball is not on Maven
Central, so the server is assembled from Maven artifacts: ``mvn`` copies the
runtime dependencies of ``org.neo4j:neo4j`` (the whole DBMS, Bolt included)
into ``<home>/lib`` and Java runs ``org.neo4j.server.CommunityEntryPoint``
from there, exactly as the tarball's launcher does. ``<home>`` is
``$PHOIHOP_NEO4J_HOME`` or ``~/.cache/phoihop/neo4j-<version>``, outside the
repository. An *instance* (conf, data, logs, state.json, password) lives in
``<home>`` by default; the tests use a throwaway instance directory so they
never touch a user's data.

    python scripts/neo4j_server.py start     # prints PHOIHOP_NEO4J_* lines
    python scripts/neo4j_server.py env       # the same as `export` lines
    python scripts/neo4j_server.py status
    python scripts/neo4j_server.py stop
"""
from __future__ import annotations

import argparse
import fcntl
import hashlib
import json
import os
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterator

NEO4J_VERSION = "5.26.30"  # 5.26 is the LTS line; it runs on Java 17 and 21
BROWSER_VERSION = "5.24.0"  # the newest Neo4j Browser on Maven Central
JAVA_MAJORS = (17, 21)
USER = "neo4j"
MAIN_CLASS = "org.neo4j.server.CommunityEntryPoint"
ADMIN_CLASS = "org.neo4j.cli.AdminTool"
POM = Path(__file__).resolve().parent / "neo4j" / "pom.xml"
# Memory of the bundled server; $PHOIHOP_NEO4J_HEAP / $PHOIHOP_NEO4J_PAGECACHE override them
# (e.g. 6g / 4g to derive the coordination relationships of a 100k-document graph in one transaction).
HEAP = os.environ.get("PHOIHOP_NEO4J_HEAP") or "2g"  # a 1000-document transaction outgrows 1g
PAGECACHE = os.environ.get("PHOIHOP_NEO4J_PAGECACHE") or "2g"  # allocated as used

JVM_OPTIONS = [
    f"-Xms256m", f"-Xmx{HEAP}", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError",
    "-XX:-OmitStackTraceInFastThrow", "-Dfile.encoding=UTF-8", "-Dlog4j2.disable.jmx=true",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
]


class ServerError(Exception):
    """Neo4j could not be installed, started or stopped. ``str()`` is one line."""


@dataclass
class Server:
    """A running instance: what a client needs to reach it."""

    pid: int
    bolt_port: int
    instance: str
    http_port: int | None = None  # only with the Browser on
    version: str = NEO4J_VERSION
    user: str = USER

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def browser_url(self) -> str | None:
        return f"http://127.0.0.1:{self.http_port}/browser/" if self.http_port else None

    @property
    def password(self) -> str:
        return _password_file(Path(self.instance)).read_text().strip()

    def env(self) -> dict[str, str]:
        return {"PHOIHOP_NEO4J_URI": self.uri, "PHOIHOP_NEO4J_USER": self.user,
                "PHOIHOP_NEO4J_PASSWORD": self.password}

    @contextmanager
    def environment(self) -> Iterator[None]:
        """``PHOIHOP_NEO4J_*`` point at this server inside the block; the values before come back after."""
        saved = {k: os.environ.get(k) for k in self.env()}
        os.environ.update(self.env())
        try:
            yield
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v


# --- where things live -------------------------------------------------------

def home_dir(home: str | os.PathLike | None = None) -> Path:
    """The cache directory holding lib/ (and the default instance)."""
    if home:
        return Path(home).expanduser()
    if os.environ.get("PHOIHOP_NEO4J_HOME"):
        return Path(os.environ["PHOIHOP_NEO4J_HOME"]).expanduser()
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "phoihop" / f"neo4j-{NEO4J_VERSION}"


def _instance_dir(instance, home) -> Path:
    return Path(instance).expanduser().resolve() if instance else home_dir(home).resolve()


def _password_file(instance: Path) -> Path:
    return instance / "password"


def _state_file(instance: Path) -> Path:
    return instance / "state.json"


# --- install -----------------------------------------------------------------

def find_java() -> str:
    """A java binary of a major version Neo4j 5.26 supports (JAVA_HOME first)."""
    candidates = []
    if os.environ.get("JAVA_HOME"):
        candidates.append(Path(os.environ["JAVA_HOME"]) / "bin" / "java")
    if shutil.which("java"):
        candidates.append(Path(shutil.which("java")))
    candidates += sorted(Path("/usr/lib/jvm").glob("*/bin/java"))
    for java in candidates:
        if java.exists() and _java_major(str(java)) in JAVA_MAJORS:
            return str(java)
    raise ServerError(f"Neo4j {NEO4J_VERSION} needs Java {' or '.join(map(str, JAVA_MAJORS))}; "
                      "none found (apt-get install openjdk-17-jre-headless, or set JAVA_HOME)")


def _java_major(java: str) -> int | None:
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30).stderr
    except (OSError, subprocess.SubprocessError):
        return None
    for token in out.split():
        token = token.strip('"')
        if token[:1].isdigit():
            head = token.split(".")[0].split("-")[0].split("+")[0]
            return int(head) if head.isdigit() else None
    return None


def ensure_installed(home: str | os.PathLike | None = None, log=None) -> Path:
    """Neo4j's jars in ``<home>/lib``, fetched from Maven Central by ``mvn`` on first use."""
    home = home_dir(home)
    lib = home / "lib"
    if _installed(lib):
        return lib
    mvn = shutil.which("mvn")
    if not mvn:
        raise ServerError("mvn not found: install Maven (apt-get install maven, or run scripts/install_system_deps.sh)")
    home.mkdir(parents=True, exist_ok=True)
    with open(home / ".install.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # two test sessions must not download into one folder
        if _installed(lib):
            return lib
        partial = home / "lib.partial"
        shutil.rmtree(partial, ignore_errors=True)
        shutil.copy(POM, home / "pom.xml")  # mvn runs there, so no target/ lands in the repository
        if log:
            log(f"fetching Neo4j Community {NEO4J_VERSION} from Maven Central into {lib} ...")
        cmd = [mvn, "-q", "-B", "-f", str(home / "pom.xml"), f"-Dneo4j.version={NEO4J_VERSION}",
               f"-Dneo4j.browser.version={BROWSER_VERSION}",
               "dependency:copy-dependencies", f"-DoutputDirectory={partial}", "-DincludeScope=runtime"]
        run = subprocess.run(cmd, capture_output=True, text=True, cwd=home)
        if run.returncode != 0 or not any(partial.glob(f"neo4j-{NEO4J_VERSION}.jar")):
            tail = " | ".join(line.strip() for line in (run.stdout + run.stderr).splitlines()
                              if "ERROR" in line)[:400]
            raise ServerError(f"mvn could not fetch org.neo4j:neo4j:{NEO4J_VERSION}: {tail or 'no jars'}")
        (partial / ".complete").write_text(_fingerprint())
        shutil.rmtree(lib, ignore_errors=True)
        partial.rename(lib)
    return lib


def _fingerprint() -> str:
    """What lib/ was fetched for: a changed pom or version fetches again."""
    pom = hashlib.sha256(POM.read_bytes()).hexdigest()[:16]
    return f"neo4j {NEO4J_VERSION} browser {BROWSER_VERSION} pom {pom}\n"


def _installed(lib: Path) -> bool:
    try:
        return (lib / ".complete").read_text() == _fingerprint()
    except OSError:
        return False


# --- configuration -----------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _write_conf(instance: Path, bolt_port: int, http_port: int | None) -> Path:
    conf = instance / "conf"
    conf.mkdir(parents=True, exist_ok=True)
    d = {name: instance / name for name in ("data", "logs", "run", "import", "plugins")}
    for p in d.values():
        p.mkdir(exist_ok=True)
    lines = [
        "# written by scripts/neo4j_server.py on every start (the port changes)",
        "server.default_listen_address=127.0.0.1",
        f"server.bolt.listen_address=127.0.0.1:{bolt_port}",
        f"server.bolt.advertised_address=127.0.0.1:{bolt_port}",
        *([f"server.http.enabled=true", f"server.http.listen_address=127.0.0.1:{http_port}",
           f"server.http.advertised_address=127.0.0.1:{http_port}"] if http_port else ["server.http.enabled=false"]),
        "server.https.enabled=false",
        f"server.memory.pagecache.size={PAGECACHE}",
        "dbms.security.auth_enabled=true",
        "dbms.usage_report.enabled=false",
        "client.allow_telemetry=false",
        "db.tx_log.preallocate=false",
        "db.tx_log.rotation.retention_policy=2 files",
        *(f"server.directories.{name}={path}" for name, path in d.items()),
    ]
    (conf / "neo4j.conf").write_text("\n".join(lines) + "\n")
    return conf


def _neo4j_env(instance: Path) -> dict[str, str]:
    return {**os.environ, "NEO4J_HOME": str(instance), "NEO4J_CONF": str(instance / "conf")}


def _ensure_password(java: str, lib: Path, instance: Path) -> None:
    """A random password, set before the first start (it cannot be set after)."""
    pw_file = _password_file(instance)
    if pw_file.exists():
        return
    if (instance / "data" / "databases").exists():
        raise ServerError(f"{instance}: has a database but no password file; delete {instance / 'data'} to start afresh")
    password = secrets.token_urlsafe(18)
    while password.startswith("-"):      # an argument starting with "-" reads as an option
        password = secrets.token_urlsafe(18)
    fd = os.open(pw_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(password + "\n")
    # "@FILE": neo4j-admin reads the argument from the (private) file, so that the password
    # is never on a command line, where any user sees it in ps.
    run = subprocess.run([java, "-cp", f"{lib}/*", ADMIN_CLASS, "dbms", "set-initial-password", f"@{pw_file}"],
                         capture_output=True, text=True, env=_neo4j_env(instance), timeout=300)
    if run.returncode != 0:
        pw_file.unlink(missing_ok=True)
        raise ServerError(f"neo4j-admin set-initial-password failed: {(run.stderr or run.stdout).strip()[:300]}")


# --- process control ---------------------------------------------------------

def _is_our_process(pid: int, instance: Path) -> bool:
    """True if ``pid`` is the Neo4j of this instance (not a recycled pid)."""
    try:
        import psutil
        cmd = " ".join(psutil.Process(pid).cmdline())
    except Exception:
        return False
    return MAIN_CLASS in cmd and f"--home-dir={instance}" in cmd


def status(instance=None, home=None) -> Server | None:
    """The running server of this instance, or None."""
    inst = _instance_dir(instance, home)
    try:
        state = json.loads(_state_file(inst).read_text())
    except (OSError, ValueError):
        return None
    server = Server(**state)
    return server if _is_our_process(server.pid, inst) else None


def _bolt_answers(server: Server) -> bool:
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError, Neo4jError, DriverError

    try:
        with GraphDatabase.driver(server.uri, auth=(server.user, server.password),
                                  connection_timeout=3) as driver:
            driver.verify_connectivity()
        return True
    except AuthError as e:
        raise ServerError(f"Neo4j at {server.uri} refuses the password in {_password_file(Path(server.instance))}: {e.message}")
    except (Neo4jError, DriverError, OSError):
        return False


LOGS = ("console.log", "neo4j.log", "debug.log")


def _log_sizes(instance: Path) -> dict[str, int]:
    return {name: (instance / "logs" / name).stat().st_size if (instance / "logs" / name).exists() else 0
            for name in LOGS}


def _new_log_lines(instance: Path, since: dict[str, int]) -> list[str]:
    """What this start wrote to the logs (they grow across starts)."""
    lines = []
    for name in LOGS:
        p = instance / "logs" / name
        if p.exists():
            with open(p, "rb") as f:
                f.seek(since.get(name, 0) if p.stat().st_size >= since.get(name, 0) else 0)
                lines += [line.strip() for line in f.read().decode(errors="replace").splitlines() if line.strip()]
    return lines


def _why(lines: list[str], instance: Path, n: int = 3) -> str:
    """The start's errors (else its last lines): why Neo4j did not come up, in one line."""
    errors = [line for line in lines if "Exception" in line or "ERROR" in line]
    return " | ".join(errors[:n] or lines[-n:])[:600] or f"see {instance / 'logs'}"


def start(instance=None, home=None, timeout: float = 180, log=None, browser: bool = False) -> Server:
    """Start (or find running) Neo4j for this instance and wait until Bolt answers.

    ``browser`` also turns HTTP on (a free port) to serve Neo4j Browser.
    """
    running = status(instance, home)
    if running:
        return running
    lib = ensure_installed(home, log=log)
    java = find_java()
    inst = _instance_dir(instance, home)
    inst.mkdir(parents=True, exist_ok=True)
    try:
        return _launch(java, lib, inst, timeout, log, browser)
    except PortTaken:  # another program took a free port before Neo4j bound it: once more
        return _launch(java, lib, inst, timeout, log, browser)


class PortTaken(ServerError):
    pass


def _launch(java: str, lib: Path, inst: Path, timeout: float, log, browser: bool) -> Server:
    port = free_port()
    http_port = free_port() if browser else None
    conf = _write_conf(inst, port, http_port)
    _ensure_password(java, lib, inst)
    (inst / "logs" / "console.log").unlink(missing_ok=True)
    since = _log_sizes(inst)
    console = open(inst / "logs" / "console.log", "w")
    proc = subprocess.Popen(
        [java, *JVM_OPTIONS, "-cp", f"{lib}/*", MAIN_CLASS, f"--home-dir={inst}", f"--config-dir={conf}"],
        stdout=console, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=inst,
        env=_neo4j_env(inst), start_new_session=True)  # survives the command that started it
    console.close()
    server = Server(pid=proc.pid, bolt_port=port, instance=str(inst), http_port=http_port)
    _state_file(inst).write_text(json.dumps(asdict(server), indent=1) + "\n")
    if log:
        log(f"starting Neo4j {NEO4J_VERSION} (pid {proc.pid}, bolt port {port}, logs in {inst / 'logs'}) ...")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            _state_file(inst).unlink(missing_ok=True)
            lines = _new_log_lines(inst, since)
            error = PortTaken if any("already in use" in line.lower() for line in lines) else ServerError
            raise error(f"Neo4j exited with code {proc.returncode} while starting: {_why(lines, inst)}")
        if _bolt_answers(server):
            return server
        time.sleep(0.5)
    stop(inst)
    raise ServerError(f"Neo4j did not answer on {server.uri} within {timeout:.0f}s: {_why(_new_log_lines(inst, since), inst)}")


def stop(instance=None, home=None, timeout: float = 60) -> bool:
    """Stop this instance's server (SIGTERM, wait, then SIGKILL). False if it was not running."""
    inst = _instance_dir(instance, home)
    server = status(inst)
    _state_file(inst).unlink(missing_ok=True)
    if not server:
        return False
    import psutil

    proc = psutil.Process(server.pid)
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout)
    except psutil.TimeoutExpired:
        proc.kill()
        proc.wait(30)
    return True


def import_full(arguments: list[str], instance=None, home=None, database: str = "neo4j") -> str:
    """``neo4j-admin database import full`` into ``database`` of this instance, replacing it
    (the offline importer: the server must be stopped). ``arguments``: the importer's
    ``--nodes=…``/``--relationships=…`` and options. Returns its last lines (the counts)."""
    inst = _instance_dir(instance, home)
    if status(inst):
        raise ServerError(f"{inst}: Neo4j is running; the offline importer needs it stopped")
    lib = ensure_installed(home)
    cmd = [find_java(), "-cp", f"{lib}/*", ADMIN_CLASS, "database", "import", "full", database,
           "--overwrite-destination", *arguments]
    run = subprocess.run(cmd, capture_output=True, text=True, env=_neo4j_env(inst), cwd=inst)
    if run.returncode != 0:
        lines = [line for line in (run.stderr or run.stdout).splitlines() if line.strip() and not line.startswith("\tat ")]
        raise ServerError(f"neo4j-admin database import failed: {' '.join(lines[-3:])[:400]}")
    return "\n".join(run.stdout.strip().splitlines()[-6:])


def status_line(server: Server) -> str:
    browser = f" browser {server.browser_url}" if server.browser_url else ""
    return f"running: {server.uri} pid {server.pid} Neo4j {server.version} instance {server.instance}{browser}"


def env_lines(server: Server, export: bool = False) -> list[str]:
    prefix = "export " if export else ""
    return [f"{prefix}{k}={shlex.quote(v)}" for k, v in server.env().items()]


# --- command line ------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="neo4j_server.py", description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter,
                                epilog="examples:\n  eval \"$(python scripts/neo4j_server.py env)\"\n"
                                       "  python scripts/neo4j_server.py start --browser\n"
                                       "  python scripts/neo4j_server.py start --instance /tmp/neo4j-test")
    p.add_argument("action", choices=["start", "stop", "status", "env"])
    p.add_argument("--instance", help="instance directory (conf, data, logs); default: the cache directory")
    p.add_argument("--home", help="cache directory holding lib/ (default: $PHOIHOP_NEO4J_HOME or ~/.cache/phoihop/neo4j-VERSION)")
    p.add_argument("--timeout", type=float, default=180, help="seconds to wait for Bolt (start)")
    p.add_argument("--browser", action="store_true", help="also serve Neo4j Browser over HTTP (start)")
    a = p.parse_args(argv)

    def say(msg: str) -> None:
        print(msg, file=sys.stderr)

    try:
        if a.action == "start":
            server = start(a.instance, a.home, timeout=a.timeout, log=say, browser=a.browser)
            say(f"Neo4j {server.version} is running at {server.uri} (pid {server.pid}); use:")
            if server.browser_url:
                say(f"Neo4j Browser: {server.browser_url} (connect to {server.uri}, user {server.user})")
            print("\n".join(env_lines(server)))
        elif a.action == "stop":
            say("stopped" if stop(a.instance, a.home) else "not running")
        else:
            server = status(a.instance, a.home)
            if not server:
                say(f"Neo4j is not running (instance {_instance_dir(a.instance, a.home)}); "
                    "start it with: python scripts/neo4j_server.py start")
                return 1
            if a.action == "status":
                print(status_line(server))
            else:
                print("\n".join(env_lines(server, export=True)))
    except ServerError as e:
        say(f"error: {e}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
