"""Whole-file copies of the encrypted database with SQLCipher's online backup API, and the check of such
a copy. The rules (where copies go, when one is trusted, what a restore keeps aside) are
``services.backup``'s."""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path

from desktop.storage.database import OperationalError
from desktop.storage.engine import read_only_uri, sqlcipher_connect

# SQLite's words for what the operating system said (its errors carry no errno): the disk's own error.
_SQLITE_OS_ERRORS = {"database or disk is full": errno.ENOSPC, "attempt to write a readonly database": errno.EROFS,
                     "unable to open database file": errno.EACCES, "disk I/O error": errno.EIO}
_LINDUNG_TABLES = frozenset({"workers", "settings", "alembic_version"})


@dataclass(frozen=True)
class Inspection:
    intact: bool        # SQLite's integrity check passed
    lindung: bool       # it has a Lindung database's tables
    workers: int        # its rows in ``workers`` (0 unless intact and Lindung's)


def inspect(path: Path, key: bytes) -> Inspection:
    """Check the file at ``path``, opened read-only with ``key``. ``DatabaseError`` when it is no
    database under this key."""
    db = sqlcipher_connect(read_only_uri(path), key, uri=True)
    # A file that is not a backup under this key fails SQLCipher's page check, which it would also log
    # to stderr (three "ERROR CORE ... hmac check failed" lines before the caller's message): its log is
    # silenced for this check (the level is the process's, so it is put back after).
    try:
        level = db.execute("PRAGMA cipher_log_level").fetchone()[0]
        db.execute("PRAGMA cipher_log_level = NONE")
        try:
            if db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                return Inspection(False, False, 0)
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not _LINDUNG_TABLES <= tables:
                return Inspection(True, False, 0)
            return Inspection(True, True, db.execute("SELECT count(*) FROM workers").fetchone()[0])
        finally:
            db.execute(f"PRAGMA cipher_log_level = {level}")
    finally:
        db.close()


def copy(source: Path, target: Path, key: bytes) -> None:
    """Copy the database at ``source`` (consistent while another connection writes) into a new
    self-contained file ``target`` under the same key. What the disk refused is an ``OSError``."""
    target.unlink(missing_ok=True)
    src = sqlcipher_connect(read_only_uri(source), key, uri=True)
    try:
        dst = sqlcipher_connect(target, key)
        try:
            src.backup(dst, pages=4096)
            dst.execute("PRAGMA journal_mode=DELETE")  # a single self-contained file
        finally:
            dst.close()
    except OperationalError as exc:
        code = next((number for words, number in _SQLITE_OS_ERRORS.items() if words in str(exc)), None)
        if code is None:
            raise
        raise OSError(code, os.strerror(code), str(target)) from exc
    finally:
        src.close()
