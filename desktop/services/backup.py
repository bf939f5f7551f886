"""Backups of the laptop's database with SQLite's online backup API, checked before they are trusted.

A backup is taken while the app runs (the API copies a consistent snapshot page by page), written
under a temporary name, checked with ``PRAGMA integrity_check`` and only then renamed into place.
A restore checks the file first, keeps the current database aside, and replaces it in one step.
Backups are encrypted with the database's own key (the copy is page for page), so they open only
on this laptop's database, after a sign-in.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.services.errors import ServiceError
from desktop.storage.engine import read_only_uri, sqlcipher_connect
from reports.files import replacing

AUTO_KEEP = 7


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    workers: int
    size: int


def _check(path: Path, key: bytes) -> int:
    """Integrity check and shape of a Lindung database; returns its number of workers."""
    import sqlcipher3.dbapi2 as sqlcipher

    try:
        db = sqlcipher_connect(read_only_uri(path), key, uri=True)
        # A file that is not a backup under this key fails SQLCipher's page check, which it would also
        # log to stderr (three "ERROR CORE ... hmac check failed" lines before the message below): its
        # log is silenced for this check (the level is the process's, so it is put back after).
        level = db.execute("PRAGMA cipher_log_level").fetchone()[0]
        db.execute("PRAGMA cipher_log_level = NONE")
        try:
            if db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise ServiceError(QT_TRANSLATE_NOOP("Service", "Cadangan {name} rusak (pemeriksaan keutuhan gagal)."),
                                   name=path.name)
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not {"workers", "settings", "alembic_version"} <= tables:
                raise ServiceError(QT_TRANSLATE_NOOP("Service", "{name} bukan cadangan basis data Lindung."),
                                   name=path.name)
            return db.execute("SELECT count(*) FROM workers").fetchone()[0]
        finally:
            db.execute(f"PRAGMA cipher_log_level = {level}")
            db.close()
    except sqlcipher.DatabaseError as exc:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "{name} bukan cadangan basis data Lindung."),
                           name=path.name) from exc


# SQLite's words for what the operating system said (its errors carry no errno): the disk's own error.
_SQLITE_OS_ERRORS = {"database or disk is full": errno.ENOSPC, "attempt to write a readonly database": errno.EROFS,
                     "unable to open database file": errno.EACCES, "disk I/O error": errno.EIO}


def _copy(source: Path, target: Path, key: bytes) -> None:
    import sqlcipher3.dbapi2 as sqlcipher

    with replacing(target, fsync=True) as tmp:
        tmp.unlink(missing_ok=True)
        src = sqlcipher_connect(read_only_uri(source), key, uri=True)
        try:
            dst = sqlcipher_connect(tmp, key)
            try:
                src.backup(dst, pages=4096)
                dst.execute("PRAGMA journal_mode=DELETE")  # a single self-contained file
            finally:
                dst.close()
        except sqlcipher.OperationalError as exc:
            code = next((number for words, number in _SQLITE_OS_ERRORS.items() if words in str(exc)), None)
            if code is None:
                raise
            raise OSError(code, os.strerror(code), str(tmp)) from exc
        finally:
            src.close()


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


def backup_workspace(ws, out: Path, actor) -> BackupInfo:
    """``lindung backup``: a checked copy of the open database, written to the audit log."""
    from desktop.services import audit

    info = backup(ws.path, out, ws.key)
    audit.log(ws, actor, "backup", Path(out).name, {"workers": info.workers, "bytes": info.size})
    return info


def restore_workspace(db_path: Path, file: Path, key: bytes, actor) -> BackupInfo:
    """``lindung restore`` (the database closed): restore, then note it in the restored database's
    audit log (its chain continues from the backup's last entry; the hub keeps both branches)."""
    from desktop.services import audit
    from desktop.services.workspace import Workspace

    from desktop.services import keys

    info = restore(db_path, file, key)
    ws = Workspace(db_path, key=key)
    try:
        # The accounts and passwords are the backup's now: the key file is wrapped for those.
        with ws.read() as db:
            keys.set_accounts(db_path, key, dict(db.execute(
                "SELECT username, password_hash FROM accounts WHERE active").fetchall()))
        audit.log(ws, actor, "restore", Path(file).name, {"workers": info.workers})
    finally:
        ws.close()
    return info
