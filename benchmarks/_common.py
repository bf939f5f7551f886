"""Shared by the benchmark scripts: demo databases built once, atomically, in benchmarks/out/."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
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


# --- Lindung beside its floor, measured in the same run -----------------------------------------
# The machine may be shared: each figure is the median of several runs, the floor's runs alternate
# with Lindung's so that both see the same load, and the load average is printed with the ratio.

def run_timed(command: Sequence[str], env: dict[str, str] | None = None) -> float:
    """Seconds of one process from start to exit (a failure stops the benchmark with its stderr)."""
    started = time.perf_counter()
    proc = subprocess.run(list(command), cwd=ROOT, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, command))} failed:\n{proc.stderr[-2000:]}")
    return elapsed


def compare(what: str, lindung: Callable[[], float], floor_name: str, floor: Callable[[], float], runs: int = 3,
            goal_ratio: float | None = None, goal_seconds: float | None = None) -> tuple[float, float]:
    """Time ``floor`` and ``lindung`` alternately ``runs`` times each and print both medians, the ratio
    and the goal; returns (Lindung's median, the floor's median). One untimed run of each first: a
    database made by an older version is migrated then, and the files are in the page cache."""
    floor()
    lindung()
    load = os.getloadavg()[0]
    ours: list[float] = []
    base: list[float] = []
    for _ in range(runs):
        base.append(floor())
        ours.append(lindung())
    mine, bottom = statistics.median(ours), statistics.median(base)
    ratio = mine / bottom
    goals = []
    if goal_ratio is not None:
        goals.append(f"ratio ≤ {goal_ratio:g}: {'met' if ratio <= goal_ratio else 'NOT met'}")
    if goal_seconds is not None:
        goals.append(f"≤ {goal_seconds:g} s: {'met' if mine <= goal_seconds else 'NOT met'}")
    print(f"{what}: median {mine:.2f} s of {runs} ({', '.join(f'{x:.2f}' for x in ours)})")
    print(f"  floor in the same run, {floor_name}: median {bottom:.3f} s ({', '.join(f'{x:.3f}' for x in base)})")
    print(f"  ratio {ratio:.1f}" + (f"; goal {'; '.join(goals)}" if goals else "")
          + f"; load average {load:.2f} before, {os.getloadavg()[0]:.2f} after (2 cores: above 1 the machine "
          "is shared)")
    return mine, bottom


CALAMINE_READ = ("import sys\nfrom python_calamine import CalamineWorkbook\n"
                 "CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).to_python()\n")


def time_import_command(source: Path, db: Path, runs: int, goal_ratio: float | None = 5) -> None:
    """The whole ``lindung import --json`` command, start-up included, beside calamine reading the same
    file in a process of its own (the floor)."""
    def lindung() -> float:
        fresh_school_db(db)
        return run_timed([sys.executable, "-m", "desktop", "--db", str(db), "import", str(source),
                          "--school", SCHOOL, "--json"])

    compare(f"whole command `lindung import {source.name}` (start-up included)", lindung,
            "calamine reading the same file (python -c, a process of its own)",
            lambda: run_timed([sys.executable, "-c", CALAMINE_READ, str(source)]), runs, goal_ratio=goal_ratio)


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
