"""Shared by the benchmark scripts: demo databases built once, atomically, in benchmarks/out/."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT))
SCHOOL = "69800001"
# The benchmark databases' admin: a password the account rules accept (10+ characters, not common).
ADMIN_PASSWORD = "kebun-sawit-bench-1"


def fresh_school_db(path: Path) -> None:
    """An empty database at ``path`` with the school the imports go to."""
    from desktop.services.schools import add_school
    from desktop.services.workspace import Workspace

    for suffix in ("", "-wal", "-shm", ".key"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    ws = Workspace(path)
    add_school(ws, SCHOOL, "SD Negeri 12 Pontianak", "SD", "6171")
    ws.close()


def time_import(source: Path, db: Path, runs: int):
    """The import of ``source`` into a fresh database, ``runs`` times, in process: the seconds of each
    stage, and the last preview and result."""
    from desktop.services.accounts import SYSTEM
    from desktop.services.importing import commit_import, read_import
    from desktop.services.spreadsheets import read_table
    from desktop.services.workspace import Workspace

    stages: dict[str, list[float]] = {"read file": [], "read + check": [], "commit": [], "import work": []}
    preview = result = None
    for _ in range(runs):
        fresh_school_db(db)
        ws = Workspace(db)
        t = time.perf_counter()
        read_table(source)
        stages["read file"].append(time.perf_counter() - t)
        t = time.perf_counter()
        preview = read_import(ws, source, school_npsn=SCHOOL)
        checked = time.perf_counter() - t
        t = time.perf_counter()
        result = commit_import(ws, preview, SYSTEM)
        committed = time.perf_counter() - t
        stages["read + check"].append(checked)
        stages["commit"].append(committed)
        stages["import work"].append(checked + committed)
        ws.close()
    return stages, preview, result


def print_stages(stages: dict[str, list[float]]) -> None:
    for name, values in stages.items():
        print(f"  {name:<13} median {statistics.median(values):.3f} s   worst {max(values):.3f} s")


def time_import_command(source: Path, db: Path, runs: int) -> None:
    """The whole ``lindung import --json`` command, start-up included, printed."""
    whole = []
    for _ in range(runs):
        fresh_school_db(db)
        t = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), "import", str(source),
                               "--school", SCHOOL, "--json"], cwd=ROOT, capture_output=True, text=True)
        whole.append(time.perf_counter() - t)
        if proc.returncode != 0:
            raise SystemExit(proc.stderr)
    print(f"  whole command `lindung import` median {statistics.median(whole):.2f} s   worst {max(whole):.2f} s")


def demo_database(name: str, workers: int, seed: int, admin_password: str | None = None) -> Path:
    """``benchmarks/out/<name>.sqlite3`` with ``workers`` demo enrollments (and an admin account when
    a password is given). Built under a temporary name and renamed when complete, so a build that
    was interrupted is never reused."""
    from desktop.services.accounts import SYSTEM, Role, create_account
    from desktop.services.demo import add_demo_workers
    from desktop.services.workspace import Workspace

    OUT.mkdir(exist_ok=True)
    path = OUT / f"{name}.sqlite3"
    if path.exists():
        return path
    partial = path.with_suffix(".building")
    for suffix in ("", "-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    ws = Workspace(partial)
    add_demo_workers(ws, workers, SYSTEM, seed=seed)
    if admin_password is not None:
        create_account(ws, "admin", "Admin Cabang", admin_password, Role.ADMIN)
    ws.close()
    from desktop.services.keys import key_path

    key_path(partial).rename(key_path(path))   # the key first: a database never lies without its key
    partial.rename(path)
    return path


def copy_database(source: Path, target: Path) -> None:
    """A laptop database with its key file (it is encrypted)."""
    import shutil

    from desktop.services.keys import key_path

    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    key_path(target).unlink(missing_ok=True)
    if key_path(source).exists():     # a database built before encryption has none: encrypted on first open
        shutil.copy(key_path(source), key_path(target))
    shutil.copy(source, target)


def open_workspace(path: Path, password: str = ADMIN_PASSWORD):
    """The benchmark databases with an admin account open with its password, like a sign-in."""
    from desktop.services import keys
    from desktop.services.workspace import Workspace

    key = keys.unlock(path, "admin", password) if keys.needs_password(path) else None
    return Workspace(path, key=key)
