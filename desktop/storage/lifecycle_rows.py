"""The workers' rows as events are appended to them (``desktop.services.membership.events``): every
statement of that path. A payment for a whole branch appends to some 60,000 records, so the rows are read
as the driver gives them (plain tuples, dates as the ISO text SQLite holds, each distinct date parsed once)
and written with one ``executemany`` per set of columns that change."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from sqlalchemy.orm import Session


class Held(NamedTuple):
    """A worker's row as an event is appended to it: its events and what follows from them."""

    id: int
    lifecycle: str | None
    revision: int
    status: str
    kpj_number: str | None
    coverage_start: dt.date | None
    coverage_end: dt.date | None
    batch_no: str | None
    occupation: str
    deleted: bool


_SELECT = ("SELECT id, lifecycle, revision, status, kpj_number, coverage_start, coverage_end, batch_no, occupation, "
           "deleted_at IS NOT NULL FROM workers ")
_CHUNK = 500
_MANY, _MANY_CACHE = 10_000, -262_144       # rows; KiB (256 MB) for the writes of that many
_DAYS = functools.lru_cache(maxsize=4096)(dt.date.fromisoformat)    # a branch's workers share a few dates

# The derived columns an append may change (what ``lifecycle.derive`` gives, by column).
DERIVED_COLUMNS = ("status", "kpj_number", "coverage_start", "coverage_end", "batch_no")


def _held(row: Sequence[Any]) -> Held:
    wid, text_, revision, status, kpj, start, end, batch, occupation, deleted = row
    return Held(wid, text_, revision, status, kpj, _DAYS(start[:10]) if start else None,
                _DAYS(end[:10]) if end else None, batch, occupation, bool(deleted))


def _driver(session: Session):
    return session.connection().connection.driver_connection


def held_rows(session: Session, ids: Sequence[int] = (), batch: str | None = None) -> dict[int, Held]:
    """The rows of these workers (or of one submission batch's: one query instead of one per chunk)."""
    db = _driver(session)
    if batch is not None:
        return {row[0]: _held(row) for row in db.execute(_SELECT + "WHERE batch_no = ?", (batch,))}
    held: dict[int, Held] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start:start + _CHUNK])
        held.update((row[0], _held(row)) for row in db.execute(
            _SELECT + f"WHERE id IN ({','.join('?' * len(chunk))})", chunk))
    return held


def write_appended(session: Session, updates: dict[tuple[str, ...], list[tuple[Any, ...]]],
                   history: Iterable[tuple[Any, ...]]) -> None:
    """The rows with their new events: for each set of derived columns that change, rows of (events text,
    each changed column's value (dates as ISO text), revision, updated_by, updated_at (``codec.sql_datetime``), id);
    and their history lines (worker id, revision, action, changed_at, changed_by, device id, changes)."""
    db = _driver(session)
    cursor = db.cursor()
    many = sum(len(rows) for rows in updates.values()) > _MANY
    if many:      # a branch's rows: kept in memory to the commit, not written out and read back midway
        cache = db.execute("PRAGMA cache_size").fetchone()[0]
        db.execute(f"PRAGMA cache_size = {_MANY_CACHE}")
    try:
        for columns, rows in updates.items():
            if not set(columns) <= set(DERIVED_COLUMNS):
                raise ValueError(f"not a derived column: {columns}")
            assigned = "".join(f"{column} = ?, " for column in columns)
            cursor.executemany(f"UPDATE workers SET lifecycle = ?, {assigned}revision = ?, updated_by = ?, "
                               "updated_at = ? WHERE id = ?", rows)
        cursor.executemany(
            "INSERT INTO worker_changes (worker_id, revision, action, changed_at, changed_by, device_id, changes) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)", list(history))
    finally:
        cursor.close()
        if many:
            db.execute(f"PRAGMA cache_size = {int(cache)}")

