"""Backups of the laptop's database with SQLite's online backup API, checked before they are trusted.

A backup is taken while the app runs (the API copies a consistent snapshot page by page), written
under a temporary name, checked with ``PRAGMA integrity_check`` and only then renamed into place.
A restore checks the file first, keeps the current database aside, and replaces it in one step.
Backups are encrypted with the database's own key (the copy is page for page), so they open only
on this laptop's database, after a sign-in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.services import audit, keys
from desktop.services.errors import ServiceError
from desktop.services.workspace import Workspace
from desktop.storage import accounts as stored_accounts
from desktop.storage import backup as stored_backup
from desktop.storage.database import DatabaseError
from reports.files import replacing

AUTO_KEEP = 7


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    workers: int
    size: int


def _check(path: Path, key: bytes) -> int:
    """Integrity check and shape of a Lindung database; returns its number of workers."""
    try:
        found = stored_backup.inspect(path, key)
    except DatabaseError as exc:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "{name} bukan cadangan basis data Lindung."),
                           name=path.name) from exc
    if not found.intact:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Cadangan {name} rusak (pemeriksaan keutuhan gagal)."),
                           name=path.name)
    if not found.lindung:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "{name} bukan cadangan basis data Lindung."),
                           name=path.name)
    return found.workers


def _copy(source: Path, target: Path, key: bytes) -> None:
    with replacing(target, fsync=True) as tmp:
        stored_backup.copy(source, tmp, key)


def backup(db_path: Path, out: Path, key: bytes) -> BackupInfo:
    """Copy the database at ``db_path`` to ``out`` (consistent even while the app writes), checked."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    _copy(Path(db_path), out, key)
    workers = _check(out, key)
    return BackupInfo(out, workers, out.stat().st_size)


def restore(db_path: Path, file: Path, key: bytes) -> BackupInfo:
    """Replace the database at ``db_path`` (the app closed) by a checked backup; the current database
    is kept beside it as ``<name>.sebelum-pulih-<time>``."""
    file, db_path = Path(file), Path(db_path)
    if not file.is_file():
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Berkas {name} tidak ditemukan."), name=str(file))
    workers = _check(file, key)
    if db_path.exists():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        _copy(db_path, db_path.with_name(f"{db_path.name}.sebelum-pulih-{stamp}"), key)
    staged = db_path.with_name(db_path.name + ".pulih")
    _copy(file, staged, key)
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    staged.replace(db_path)
    return BackupInfo(db_path, workers, db_path.stat().st_size)


def auto_backup(db_path: Path, key: bytes, keep: int = AUTO_KEEP,
                now: dt.datetime | None = None) -> BackupInfo | None:
    """A daily rotating backup in ``backups/`` beside the database: at most one a day, ``keep`` kept."""
    db_path = Path(db_path)
    folder = db_path.parent / "backups"
    now = now or dt.datetime.now()
    target = folder / f"{db_path.stem}-{now:%Y%m%d}.sqlite3"
    if target.exists():
        return None
    info = backup(db_path, target, key)
    for old in sorted(folder.glob(f"{db_path.stem}-*.sqlite3"))[:-keep]:
        old.unlink(missing_ok=True)
    return info


def backup_workspace(ws: Workspace, out: Path, actor) -> BackupInfo:
    """``lindung backup``: a checked copy of the open database, written to the audit log."""
    info = backup(ws.path, out, ws.key)
    audit.log(ws, actor, "backup", Path(out).name, {"workers": info.workers, "bytes": info.size})
    return info


def restore_workspace(db_path: Path, file: Path, key: bytes, actor) -> BackupInfo:
    """``lindung restore`` (the database closed): restore, then note it in the restored database's
    audit log (its chain continues from the backup's last entry; the hub keeps both branches)."""
    info = restore(db_path, file, key)
    ws = Workspace(db_path, key=key)
    try:
        # The accounts and passwords are the backup's now: the key file is wrapped for those.
        with ws.read() as tx:
            hashes = stored_accounts.active_hashes(tx)
        keys.set_accounts(db_path, key, hashes)
        audit.log(ws, actor, "restore", Path(file).name, {"workers": info.workers})
    finally:
        ws.close()
    return info
