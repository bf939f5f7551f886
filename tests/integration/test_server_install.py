"""docs/operations.md followed on this machine, as far as it goes without root: the hub installed into a fresh
venv with its extra only (no Qt), started by the command deploy/lindung-hub.service's ExecStart gives, with
the database deploy/hub.env names (here a database of the test PostgreSQL), a laptop registers and syncs,
deploy/lindung-hub-backup takes a pg_dump, the guide's restore commands put it into a new database, and the
same command started on it serves the laptop's data. What needs root (the system user, systemctl, the
PostgreSQL role) is not run here.

The venv is installed from the package registry pip is configured with (the suite's own install needs it
too): about 20 s. Without a registry the test skips, except in CI (CI=true), where it fails."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.serving import wait_healthy
from tests.hub.test_sync import free_port, in_ci, postgres_database
from tests.integration.test_cli import run

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
UNIT_VENV = "/opt/lindung-hub/venv"        # where docs/operations.md installs the hub


def unit_setting(unit: str, key: str) -> str:
    found = re.findall(rf"^{key}=(.*)$", (DEPLOY / unit).read_text(encoding="utf-8"), re.M)
    assert len(found) == 1, (unit, key, found)
    return found[0]


def guide_block(after: str) -> list[str]:
    """The commands of docs/operations.md's first ```sh block after the line holding ``after``."""
    text = (ROOT / "docs" / "operations.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", text[text.index(after):], re.S).group(1)
    return [line for line in block.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def pg_tool(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))), None)
    if found is None:
        pytest.fail(f"{name} not found (PostgreSQL's client programs)", pytrace=False)
    return str(found)


class Service:
    """The unit's ExecStart, in the test's venv and on a free port, with its environment file's variables."""

    def __init__(self, venv: Path, database: str, port: int):
        command = shlex.split(unit_setting("lindung-hub.service", "ExecStart"))
        before = shlex.split(unit_setting("lindung-hub.service", "ExecStartPre"))
        assert command[0] == before[0] == f"{UNIT_VENV}/bin/lindung-hub"
        command[0] = before[0] = str(venv / "bin" / "lindung-hub")
        self.before = before
        command[command.index("--port") + 1] = str(port)
        self.command, self.port = command, port
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("LINDUNG_", "PYTHON"))}
        self.env["LINDUNG_HUB_DB"] = database
        self.url = f"http://127.0.0.1:{port}"
        self.proc: subprocess.Popen | None = None

    def start(self) -> "Service":
        ready = subprocess.run(self.before, env=self.env, capture_output=True, text=True, timeout=120)
        assert ready.returncode == 0 and "Traceback" not in ready.stderr, ready.stderr    # ExecStartPre
        self.proc = subprocess.Popen(self.command, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        wait_healthy(self.url, self.proc, 60)
        return self

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=30)

    def hub(self, *args: str) -> subprocess.CompletedProcess:
        proc = subprocess.run([self.command[0], *args], env=self.env, capture_output=True, text=True, timeout=60)
        assert "Traceback" not in proc.stderr and proc.returncode == 0, proc.stderr
        return proc


def registry_or_skip(proc: subprocess.CompletedProcess, what: str) -> None:
    """A failed pip: skipped off CI when no package registry answered, else a failure."""
    if proc.returncode == 0:
        return
    said = proc.stderr + proc.stdout
    if not in_ci() and any(w in said for w in ("NewConnectionError", "Temporary failure in name resolution",
                                                 "Network is unreachable", "No matching distribution")):
        pytest.skip(f"no package registry: {said.strip().splitlines()[-1]}")
    pytest.fail(f"{what}\n{said}", pytrace=False)


def install_hub(venv: Path) -> float:
    """docs/operations.md's install commands (`python3 -m venv …`, `…/pip install --constraint … ".[hub]"`),
    the venv's place changed to the test's; returns the seconds they took."""
    commands = guide_block("(hanya extra `hub`")
    started = time.monotonic()
    for line in commands:
        line = line.replace(UNIT_VENV, str(venv)).replace("/opt/lindung-hub/src", str(ROOT))
        argv = shlex.split(line)
        if argv[0] == "python3":
            argv[0] = sys.executable
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LINDUNG_", "PYTHON"))}
        registry_or_skip(subprocess.run(argv, capture_output=True, text=True, env=env, cwd=ROOT, timeout=300), line)
    return time.monotonic() - started


def verify_units(tmp_path: Path, venv: Path) -> None:
    """systemd's own check of the units (keys, values, that the programs they start exist), their paths
    changed to this test's; it says nothing when all is well."""
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        assert not in_ci(), "systemd-analyze missing"
        return
    units = tmp_path / "units"
    units.mkdir()
    for name in ("lindung-hub.service", "lindung-hub-backup.service", "lindung-hub-backup.timer"):
        text = (DEPLOY / name).read_text(encoding="utf-8")
        (units / name).write_text(text.replace(UNIT_VENV, str(venv)).replace("/opt/lindung-hub/src", str(ROOT)))
    proc = subprocess.run([analyze, "verify", *sorted(str(u) for u in units.iterdir())], capture_output=True, text=True)
    assert proc.returncode == 0 and not proc.stderr.strip(), proc.stderr


def test_a_laptops_install_resolves_no_server_stack(tmp_path):
    """pip's own resolution of a laptop's install (``lindung[app]`` at the lock's versions), nothing installed."""
    report = tmp_path / "report.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LINDUNG_", "PYTHON"))}
    registry_or_skip(subprocess.run(
        [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet", "--report", str(report),
         "--constraint", str(ROOT / "requirements" / "lock.txt"), f"{ROOT}[app]"],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=300), "pip install --dry-run .[app]")
    names = {item["metadata"]["name"].lower().replace("_", "-") for item in json.loads(report.read_text())["install"]}
    assert {"pyside6-essentials", "sqlcipher3", "faker", "httpx"} <= names
    assert not names & {"fastapi", "starlette", "uvicorn", "psycopg", "psycopg-binary", "pydantic"}, sorted(names)


def test_the_operations_guide_installs_serves_backs_up_and_restores_a_hub(tmp_path):
    venv = tmp_path / "venv"
    seconds = install_hub(venv)
    print(f"hub installed into a fresh venv in {seconds:.1f} s")
    probe = subprocess.run([str(venv / "bin" / "python"), "-c",
                            "import importlib.util as u, json; print(json.dumps([m for m in ('PySide6', 'shiboken6', "
                            "'faker', 'fastapi', 'psycopg') if u.find_spec(m)]))"],
                           capture_output=True, text=True, env={"PATH": os.environ["PATH"]})
    assert json.loads(probe.stdout) == ["fastapi", "psycopg"], probe.stderr   # the server stack, no Qt, no Faker
    assert subprocess.run([str(venv / "bin" / "lindung-hub"), "--help"], capture_output=True).returncode == 0

    verify_units(tmp_path, venv)
    env_file = (DEPLOY / "hub.env").read_text(encoding="utf-8")
    assert re.search(r"^LINDUNG_HUB_DB=postgresql\+psycopg://", env_file, re.M)
    first = Service(venv, postgres_database(), free_port()).start()
    try:
        assert first.hub("migrate").stdout.startswith("Basis data hub pada revisi")
        code = first.hub("device-code", "--name", "kantor", "--role", "admin").stdout.strip().splitlines()[-1]
        a = tmp_path / "a.sqlite3"
        assert run(a, "demo", "--workers", "3", "--seed", "61").returncode == 0
        assert run(a, "register", "--hub", first.url, "--code", code).returncode == 0
        assert run(a, "sync").stdout.startswith("pushed 3, pulled 0")

        # The backup as the timer runs it (libpq's variables name the server and database).
        from sqlalchemy.engine import make_url

        url = make_url(first.env["LINDUNG_HUB_DB"])
        backups = tmp_path / "backups"
        backups.mkdir()
        dump_env = {**first.env, "PGHOST": url.host, "PGPORT": str(url.port), "PGUSER": url.username,
                    "PGDATABASE": url.database, "BACKUP_DIR": str(backups),
                    "PATH": f"{Path(pg_tool('pg_dump')).parent}:{os.environ['PATH']}"}
        backup = subprocess.run([str(DEPLOY / "lindung-hub-backup")], env=dump_env, capture_output=True, text=True)
        assert backup.returncode == 0, backup.stderr
        dumps = list(backups.iterdir())
        assert len(dumps) == 1 and re.fullmatch(r"lindung-hub-\d{8}T\d{6}Z\.dump", dumps[0].name)
    finally:
        first.stop()

    # Restore as the guide says, into a new database, and the same service command on it, on the same address.
    restored = f"restored_{url.database}"
    for line in guide_block("Memulihkan cadangan"):
        line = line.replace("/var/backups/lindung-hub/lindung-hub-20261207T013000Z.dump", str(dumps[0]))
        argv = shlex.split(line.replace("lindung_hub_pulih", restored))
        if argv[:2] == ["sudo", "-u"]:                     # as the test's own PostgreSQL user
            argv = argv[3:]
        if "--owner" in argv:                              # the role of step 2 needs root to make
            del argv[argv.index("--owner"):argv.index("--owner") + 2]
        assert argv[0] in ("createdb", "pg_restore"), line
        argv = [pg_tool(argv[0]), "-h", url.host, "-p", str(url.port), "-U", url.username, *argv[1:]]
        proc = subprocess.run(argv, capture_output=True, text=True)
        assert proc.returncode == 0, (line, proc.stderr)
    second = Service(venv, url.set(database=restored).render_as_string(hide_password=False), first.port).start()
    try:
        assert len(json.loads(second.hub("list", "--json").stdout)) == 3
        assert run(a, "demo", "--workers", "1", "--seed", "62").returncode == 0
        assert run(a, "sync").stdout.startswith("pushed 1, pulled 0")       # the laptop's credential came back too
        code = second.hub("device-code", "--name", "kedua", "--role", "admin").stdout.strip().splitlines()[-1]
        b = tmp_path / "b.sqlite3"
        assert run(b, "register", "--hub", second.url, "--code", code).returncode == 0
        assert run(b, "sync").stdout.startswith("pushed 0, pulled 4")
    finally:
        second.stop()


def container_command() -> list[str]:
    """deploy/Containerfile's CMD (exec form), the argv the image runs."""
    found = re.findall(r"^CMD (\[.*\])$", (DEPLOY / "Containerfile").read_text(encoding="utf-8"), re.M)
    assert len(found) == 1, found
    return json.loads(found[0])


def test_the_container_command_starts_on_the_empty_database_of_the_guide(tmp_path):
    """The image's CMD, run here with this checkout's lindung-hub first on PATH (no container engine in the
    suite), against a new empty PostgreSQL database as docs/operations.md's steps 2 and 7 give one: the hub
    makes its tables and serves (``serve`` alone refused it: the image never started)."""
    argv = container_command()
    port = free_port()       # the image's port, loopback for its own interface, one worker process
    argv = [part.replace("8750", str(port)).replace("0.0.0.0", "127.0.0.1").replace("--workers 2", "--workers 1")
            for part in argv]
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "lindung-hub"                   # the image's console script, for this checkout
    shim.write_text(f"#!/bin/sh\nexec {shlex.quote(sys.executable)} -m hub.cli \"$@\"\n")
    shim.chmod(0o755)
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("LINDUNG_")},
           "PATH": f"{bin_dir}:{os.environ['PATH']}", "PYTHONPATH": str(ROOT), "LINDUNG_HUB_DB": postgres_database()}
    url = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(argv, env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        wait_healthy(url, proc, 60)
        health = httpx.get(url + "/health").json()
        assert health["status"] == "ok" and health["database"] == "postgresql", health
    finally:
        proc.terminate()
        proc.wait(timeout=30)
