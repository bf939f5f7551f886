"""The ``accounts`` table: the laptop's local accounts, every statement on it and its one row <-> record
mapper. Passwords are kept as their Argon2id hash (PHC string); an account is never deleted, only made
inactive."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from desktop.storage.codec import read_datetime, sql_datetime
from desktop.storage.database import Tx


@dataclass(frozen=True)
class AccountRecord:
    username: str
    display_name: str
    role: str                       # domain.actors.Role's value
    password_hash: str
    active: bool
    created_at: dt.datetime         # UTC, naive
    last_login_at: dt.datetime | None = None
    school_npsn: str | None = None  # a coordinator's school


_COLUMNS = ("username", "display_name", "role", "password_hash", "active", "created_at", "last_login_at",
            "school_npsn")
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM accounts"
_ACTIVE_HASHES = "SELECT username, password_hash FROM accounts WHERE active"


def _row(record: AccountRecord) -> tuple:
    return (record.username, record.display_name, record.role, record.password_hash, int(record.active),
            sql_datetime(record.created_at),
            sql_datetime(record.last_login_at) if record.last_login_at is not None else None, record.school_npsn)


def _record(row: tuple) -> AccountRecord:
    username, display_name, role, password_hash, active, created_at, last_login_at, school_npsn = row
    return AccountRecord(username, display_name, role, password_hash, bool(active), read_datetime(created_at),
                         read_datetime(last_login_at), school_npsn)


def any_account(tx: Tx) -> bool:
    return bool(tx.scalar("SELECT EXISTS (SELECT 1 FROM accounts)"))


def count(tx: Tx) -> int:
    return tx.scalar("SELECT count(*) FROM accounts")


def get(tx: Tx, username: str, active: bool = False) -> AccountRecord | None:
    """The account named ``username`` (only an active one with ``active``), or None."""
    row = tx.first(f"{_SELECT} WHERE username = ?{' AND active' if active else ''}", (username,))
    return _record(row) if row is not None else None


def add(tx: Tx, record: AccountRecord) -> None:
    tx.execute(f"INSERT INTO accounts ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})",
               _row(record))


def set_password_hash(tx: Tx, username: str, password_hash: str) -> None:
    tx.execute("UPDATE accounts SET password_hash = ? WHERE username = ?", (password_hash, username))


def signed_in(tx: Tx, username: str, password_hash: str, at: dt.datetime) -> None:
    """A sign-in: when it was, and the hash (a new one when the old parameters were rehashed)."""
    tx.execute("UPDATE accounts SET password_hash = ?, last_login_at = ? WHERE username = ?",
               (password_hash, sql_datetime(at), username))


def active(tx: Tx) -> list[AccountRecord]:
    """The active accounts by name."""
    return [_record(row) for row in tx.all(f"{_SELECT} WHERE active ORDER BY username")]


def active_hashes(tx: Tx) -> dict[str, str]:
    """Name: stored hash of every active account (what the key file wraps the database key for)."""
    return dict(tx.all(_ACTIVE_HASHES))


def plain_active_hashes(path: Path) -> dict[str, str]:
    """``active_hashes`` of a plain (not yet encrypted) SQLite file, read-only; {} without an accounts
    table. Used once, when such a file is encrypted on its first open after an update."""
    import sqlite3

    from desktop.storage.engine import read_only_uri

    connection = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        if connection.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='accounts'").fetchone() is None:
            return {}
        return dict(connection.execute(_ACTIVE_HASHES))
    finally:
        connection.close()
