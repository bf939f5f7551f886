"""Shared by the benchmark scripts: demo databases built once, atomically, in benchmarks/out/."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT))


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


def open_workspace(path: Path, password: str = "rahasia123"):
    """The benchmark databases with an admin account open with its password, like a sign-in."""
    from desktop.services import keys
    from desktop.services.workspace import Workspace

    key = keys.unlock(path, "admin", password) if keys.needs_password(path) else None
    return Workspace(path, key=key)
