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


# -- the sync pull --
# The statements of sync (``desktop.sync.client``) on the records: the pull's inserts, updates and
# removals, the push's acknowledgements, and the counts compared with the hub's. A page's thousand ids
# go as one JSON parameter (``json_each``): the statement stays the same and is prepared once.

import json  # noqa: E402  (this section's own imports: the file above is another change's)
from dataclasses import dataclass  # noqa: E402
from operator import itemgetter  # noqa: E402
from typing import Any  # noqa: E402

_JSON_IDS = "(SELECT value FROM json_each(?))"


@dataclass(slots=True)
class SyncHeld:
    """What sync decides on about a record held here; kept up to date by the caller as it changes it."""

    id: int
    uuid: str
    registration_no: str
    nik: str
    revision: int
    synced_revision: int | None
    hub_revision: int
    deleted: bool

    @property
    def waiting(self) -> bool:
        """Changed here since the hub last acknowledged it."""
        return self.synced_revision is None or self.synced_revision < self.revision


def sync_held(tx: Tx, uuids: Sequence[str]) -> dict[str, SyncHeld]:
    """The records held here among ``uuids``, by uuid."""
    return {row[1]: SyncHeld(*row[:-1], bool(row[-1])) for row in tx.execute(
        "SELECT id, uuid, registration_no, nik, revision, synced_revision, hub_revision, deleted_at IS NOT NULL "
        f"FROM workers WHERE uuid IN {_JSON_IDS}", (json.dumps(list(uuids)),))}


def live_holders(tx: Tx, niks: Sequence[str]) -> dict[str, str]:
    """``{NIK: uuid}`` of the records not deleted that hold these NIKs."""
    return dict(tx.all(f"SELECT nik, uuid FROM workers WHERE nik IN {_JSON_IDS} AND deleted_at IS NULL",
                       (json.dumps(list(niks)),)))


def registration_holders(tx: Tx, numbers: Sequence[str]) -> dict[str, str]:
    """``{registration number: uuid}`` of the records holding these numbers."""
    return dict(tx.all(f"SELECT registration_no, uuid FROM workers WHERE registration_no IN {_JSON_IDS}",
                       (json.dumps(list(numbers)),)))


def last_id(tx: Tx) -> int:
    return tx.scalar("SELECT COALESCE(MAX(id), 0) FROM workers") or 0


def add_pulled(tx: Tx, rows: Sequence[dict[str, Any]]) -> None:
    """Insert the hub's new records (each row the same columns, ``id`` given and rising), with their
    search index entries: one statement for the lot, where the insert trigger would run once a row."""
    if not rows:
        return
    names = tuple(rows[0])
    row = itemgetter(*names)
    insert_rows(tx, "workers", names, [row(values) for values in rows])
    tx.execute("INSERT INTO workers_fts(rowid, full_name) SELECT id, full_name FROM workers WHERE id BETWEEN ? AND ?",
               (rows[0]["id"], rows[-1]["id"]))


_CHANGE_COLUMNS = ("worker_id", "revision", "action", "changed_at", "changed_by", "device_id", "changes")


def add_changes(tx: Tx, rows: Sequence[Sequence[Any]]) -> None:
    """Lines of the records' history: (worker id, revision, action, changed at, by, device id, changes JSON)."""
    insert_rows(tx, "worker_changes", _CHANGE_COLUMNS, rows)


def take_hub_version(tx: Tx, worker_id: int, values: dict[str, Any], hub_revision: int, revision: int) -> None:
    """The record's columns become ``values`` (the hub's version): in step with the hub at ``revision``."""
    assigned = "".join(f"{name} = ?, " for name in values)
    tx.execute(f"UPDATE workers SET {assigned}revision = ?, hub_revision = ?, synced_revision = ? WHERE id = ?",
               [stored(value) for value in values.values()] + [revision, hub_revision, revision, worker_id])


def acknowledge(tx: Tx, rows: Sequence[tuple[int, int, str]]) -> None:
    """The hub acknowledged these pushes: (revision pushed, the hub's revision, uuid) each."""
    tx.executemany("UPDATE workers SET synced_revision = ?, hub_revision = ? WHERE uuid = ?", rows)


def mark_synced(tx: Tx, worker_id: int) -> None:
    """The record waits no more (its change is given up)."""
    tx.execute("UPDATE workers SET synced_revision = revision WHERE id = ?", (worker_id,))


def waiting_count(tx: Tx) -> int:
    """Records the hub has not acknowledged."""
    return tx.scalar("SELECT count(*) FROM workers WHERE synced_revision IS NULL OR synced_revision < revision") or 0


def hub_held_count(tx: Tx, among: Sequence[str] | None = None) -> int:
    """Records held here as a copy of the hub's (of those among ``among`` when given)."""
    if among is None:
        return tx.scalar("SELECT count(*) FROM workers WHERE hub_revision > 0") or 0
    return tx.scalar(f"SELECT count(*) FROM workers WHERE hub_revision > 0 AND uuid IN {_JSON_IDS}",
                     (json.dumps(list(among)),)) or 0


def hub_held_uuids(tx: Tx) -> list[str]:
    return tx.column("SELECT uuid FROM workers WHERE hub_revision > 0")


def remove(tx: Tx, ids: Sequence[int]) -> None:
    """Remove records whole: their card prints, their history, the rows (their search index entries go
    with them, by a trigger)."""
    for start in range(0, len(ids), 500):
        chunk = list(ids[start:start + 500])
        marks = ", ".join("?" * len(chunk))
        tx.execute(f"DELETE FROM card_prints WHERE worker_id IN ({marks})", chunk)
        tx.execute(f"DELETE FROM worker_changes WHERE worker_id IN ({marks})", chunk)
        tx.execute(f"DELETE FROM workers WHERE id IN ({marks})", chunk)
