"""The ``workers`` table and its change log: every statement on them, and the one row <-> record mapper.

Every writer goes through here (the form, an import, Dapodik, a sync pull, lifecycle events, ``lindung
edit``), so a stored date or time has one format (``storage.codec``).
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.storage.codec import stored
from desktop.storage.database import Tx


def insert_rows(tx: Tx, table: str, names: Sequence[str], rows: Sequence[Sequence]) -> None:
    """Insert many rows of ``table`` with one ``executemany``, values stored by the codec. For
    thousands of rows several times faster than an ORM or Core insert (benchmarks/bench_sync.py)."""
    placeholders = ", ".join("?" for _ in names)
    tx.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({placeholders})",
                   [tuple(stored(value) for value in row) for row in rows])


def school_names(tx: Tx, ids: set[int]) -> dict[int, tuple[str, str]]:
    """``{school id: (NPSN, name)}`` of the schools with these ids."""
    if not ids:
        return {}
    wanted = sorted(ids)
    found: dict[int, tuple[str, str]] = {}
    for start in range(0, len(wanted), 500):   # SQLite's bound-parameter limit
        part = wanted[start:start + 500]
        found.update((sid, (npsn, name)) for sid, npsn, name in tx.execute(
            f"SELECT id, npsn, name FROM schools WHERE id IN ({', '.join('?' * len(part))})", part))
    return found
