"""The ``schools`` table: every statement on it, and its one row <-> record mapper (``SchoolInfo``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from desktop.domain.records import SchoolInfo
from desktop.storage.codec import sql_datetime
from desktop.storage.database import Tx

_COLUMNS = "id, npsn, name, level, kabupaten_code, coordinator"
_CHUNK = 500   # SQLite's bound-parameter limit, with room to spare


def _info(row: tuple) -> SchoolInfo:
    return SchoolInfo(*row)


def all_schools(tx: Tx, by_name: bool = True) -> list[SchoolInfo]:
    """Every school, by name (else in the order they were added: a name matched against them finds the
    first registered of two alike)."""
    order = "name" if by_name else "id"
    return [_info(row) for row in tx.execute(f"SELECT {_COLUMNS} FROM schools ORDER BY {order}")]


def by_npsn(tx: Tx, npsn: str) -> SchoolInfo | None:
    row = tx.first(f"SELECT {_COLUMNS} FROM schools WHERE npsn = ?", (npsn,))
    return _info(row) if row else None


def add(tx: Tx, npsn: str, name: str, level: str, kabupaten_code: str, coordinator: str,
        created_at: dt.datetime) -> SchoolInfo:
    sid = tx.insert("INSERT INTO schools (npsn, name, level, kabupaten_code, coordinator, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (npsn, name, level, kabupaten_code, coordinator, sql_datetime(created_at)))
    return SchoolInfo(sid, npsn, name, level, kabupaten_code, coordinator)


def update(tx: Tx, school_id: int, name: str, level: str, kabupaten_code: str, coordinator: str) -> None:
    tx.execute("UPDATE schools SET name = ?, level = ?, kabupaten_code = ?, coordinator = ? WHERE id = ?",
               (name, level, kabupaten_code, coordinator, school_id))


def ids(tx: Tx, npsns: Iterable[str]) -> dict[str, int]:
    """``{NPSN: school id}`` of the schools with these NPSNs (those known only)."""
    wanted = sorted(set(npsns))
    found: dict[str, int] = {}
    for start in range(0, len(wanted), _CHUNK):
        part = wanted[start:start + _CHUNK]
        found.update(tx.execute(f"SELECT npsn, id FROM schools WHERE npsn IN ({', '.join('?' * len(part))})",
                                part))
    return found


def names(tx: Tx, school_ids: set[int]) -> dict[int, tuple[str, str]]:
    """``{school id: (NPSN, name)}`` of the schools with these ids."""
    wanted = sorted(school_ids)
    found: dict[int, tuple[str, str]] = {}
    for start in range(0, len(wanted), _CHUNK):
        part = wanted[start:start + _CHUNK]
        found.update((sid, (npsn, name)) for sid, npsn, name in tx.execute(
            f"SELECT id, npsn, name FROM schools WHERE id IN ({', '.join('?' * len(part))})", part))
    return found
