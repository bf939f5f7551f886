"""The ``audit_log`` table: every statement on it and its one row <-> record mapper. Entries are only
ever appended (the chain's rules are in ``domain.audit_chain`` and ``services.audit``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import astuple, dataclass, fields

from desktop.storage.database import Tx


@dataclass(frozen=True)
class AuditRow:
    """One entry as stored; ``details`` is its JSON text (hashed as it is). ``id`` is None until stored."""
    at: str              # UTC, ISO 8601 with a Z
    actor: str
    device_id: str
    action: str
    subject: str
    details: str
    prev_hash: str
    hash: str
    id: int | None = None


_COLUMNS = tuple(f.name for f in fields(AuditRow))
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM audit_log"
_WRITTEN = _COLUMNS[:-1]   # the id is the table's


def _record(row: tuple) -> AuditRow:
    return AuditRow(*row)


def last_hash(tx: Tx) -> str | None:
    """The newest entry's hash (None: the log is empty)."""
    return tx.scalar("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1")


def append(tx: Tx, entry: AuditRow) -> None:
    tx.execute(f"INSERT INTO audit_log ({', '.join(_WRITTEN)}) VALUES ({', '.join('?' * len(_WRITTEN))})",
               astuple(entry)[:-1])


def chain(tx: Tx) -> Iterator[AuditRow]:
    """Every entry, oldest first (read as it is walked: the log grows with every action)."""
    return (_record(row) for row in tx.execute(f"{_SELECT} ORDER BY id"))


def newest(tx: Tx, limit: int, action: str | None = None) -> list[AuditRow]:
    """The newest ``limit`` entries first (of one ``action`` when given)."""
    where, params = (" WHERE action = ?", [action]) if action else ("", [])
    return [_record(row) for row in tx.all(f"{_SELECT}{where} ORDER BY id DESC LIMIT ?", [*params, limit])]


def after(tx: Tx, last_id: int, limit: int) -> list[AuditRow]:
    """The entries after id ``last_id``, oldest first, at most ``limit``."""
    return [_record(row) for row in tx.all(f"{_SELECT} WHERE id > ? ORDER BY id LIMIT ?", (last_id, limit))]
