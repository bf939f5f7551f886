"""Many validated enrollments written inside the caller's write transaction, straight on the driver.

Every bulk enrollment goes through here: a JSON file of records (``enroll_many``), the import's commit
after a preview, and the command line's one-pass import, which enrolls a file's rows while they are
still being checked. No SQLAlchemy: a command that enrolls a file does not load it (0.2 s of a
10,000-row import). The values go to the driver as the ORM would give them (none of these columns has
a bind processor: ``tests/unit/test_bulk_enroll.py`` checks it).
"""

from __future__ import annotations

import operator
import os
from collections.abc import Mapping, Sequence
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from desktop.domain.enrollment import FIELDS, Enrollment, Status
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.regno import registration_nos
from desktop.domain.text import search_key
from desktop.domain.actors import Actor
from desktop.services.errors import ServiceError
from desktop.domain.clock import utcnow
from desktop.services.workspace import Workspace
from desktop.storage.codec import sql_datetime

_CHUNK = 500

# Worker columns filled from a validated Enrollment, in the order of the insert.
ENROLLMENT_COLUMNS = tuple(name for name in FIELDS if name != "school_npsn")
BOOKKEEPING_COLUMNS = ("school_id", "name_key", "id", "uuid", "revision", "kpj_number", "registration_no",
                       "enrolled_by", "device_id", "enrolled_at", "updated_by", "updated_at", "status",
                       "lifecycle")
WORKER_INSERT_COLUMNS = ENROLLMENT_COLUMNS + BOOKKEEPING_COLUMNS
CHANGE_INSERT_COLUMNS = ("worker_id", "revision", "action", "changed_at", "changed_by", "device_id", "changes")
REGNO = WORKER_INSERT_COLUMNS.index("registration_no")

_WORKER_INSERT = (f"INSERT INTO workers ({', '.join(WORKER_INSERT_COLUMNS)}) "
                  f"VALUES ({', '.join('?' * len(WORKER_INSERT_COLUMNS))})")
_CHANGE_INSERT = (f"INSERT INTO worker_changes ({', '.join(CHANGE_INSERT_COLUMNS)}) "
                  f"VALUES ({', '.join('?' * len(CHANGE_INSERT_COLUMNS))})")
DUPLICATE_NIK = QT_TRANSLATE_NOOP("Service", "NIK ini sudah terdaftar atas nama {name} (No. Registrasi {regno}).")
NIK_TAKEN_MEANWHILE = QT_TRANSLATE_NOOP("Service", "NIK sudah terdaftar oleh proses lain; tidak ada yang disimpan.")


def new_uuids(count: int) -> list[str]:
    """``count`` random (version 4) UUIDs as text, as ``str(uuid.uuid4())`` gives them, from one read of
    the system's randomness (10,000: 0.17 -> 0.03 s)."""
    raw = bytearray(os.urandom(16 * count))
    out = []
    for i in range(0, 16 * count, 16):
        raw[i + 6] = raw[i + 6] & 0x0F | 0x40   # version 4
        raw[i + 8] = raw[i + 8] & 0x3F | 0x80   # RFC 4122 variant
        text = raw[i:i + 16].hex()
        out.append(f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}")
    return out


def existing_niks(db, niks: Sequence[str], exclude_uuid: str | None = None) -> dict[str, tuple[str, str, str]]:
    """Live records holding any of ``niks``: nik -> (uuid, registration_no, full_name)."""
    found: dict[str, tuple[str, str, str]] = {}
    for start in range(0, len(niks), _CHUNK):
        chunk = list(niks[start:start + _CHUNK])
        for nik, wid, regno, name in db.execute(
                f"SELECT nik, uuid, registration_no, full_name FROM workers WHERE nik IN "
                f"({', '.join('?' * len(chunk))}) AND deleted_at IS NULL", chunk):
            if wid != exclude_uuid:
                found[nik] = (wid, regno, name)
    return found


def school_ids(db, npsns: set[str]) -> dict[str, int]:
    if not npsns:
        return {}
    wanted = sorted(npsns)
    return dict(db.execute(f"SELECT npsn, id FROM schools WHERE npsn IN ({', '.join('?' * len(wanted))})", wanted))


class Enroller:
    """Inserts batches of validated enrollments in one write transaction (the caller's), each worker with
    a client-generated UUID, revision 1, the next offline registration number and its creation in the
    change log and the name index. The caller logs the whole in the audit trail once."""

    def __init__(self, db, ws: Workspace, schools: Mapping[str, int], actor: Actor):
        self.db, self.ws, self.schools = db, ws, schools
        self.who = actor.username
        self.now = utcnow()
        # As every time is stored (storage.codec), once rather than for each of a batch's 20,000 stamps.
        self.stamp = sql_datetime(self.now)
        # The write lock is held since BEGIN IMMEDIATE, so the next rowids are ours to give.
        self.next_id = (db.execute("SELECT max(id) FROM workers").fetchone()[0] or 0) + 1
        self.inserted: list[tuple] = []

    def _allocate(self, count: int) -> int:
        """Reserve ``count`` registration sequence numbers; returns the first one."""
        new_next = self.db.execute(
            "UPDATE settings SET value = CAST(CAST(value AS INTEGER) + ? AS TEXT) WHERE key = 'next_sequence' "
            "RETURNING value", (count,)).fetchone()[0]
        return int(new_next) - count

    def add(self, enrollments: Sequence[Enrollment]) -> list[tuple]:
        """Insert ``enrollments``; returns their stored rows as tuples in ``WORKER_INSERT_COLUMNS`` order
        (the time stamps as stored: ``self.stamp``, the text of ``self.now``)."""
        if not enrollments:
            return []
        db, who, now, device = self.db, self.who, self.stamp, self.ws.device.id
        first_id = self.next_id
        numbers = registration_nos(self.ws.device.prefix, self._allocate(len(enrollments)), len(enrollments))
        pick = operator.attrgetter(*ENROLLMENT_COLUMNS)
        schools = self.schools
        rows = [
            pick(e) + (schools.get(e.school_npsn) if e.school_npsn else None, search_key(e.full_name),
                       first_id + offset, wid, 1, None, regno, who, device, now, who, now, Status.ENROLLED.value, "[]")
            for offset, (e, wid, regno) in enumerate(zip(enrollments, new_uuids(len(enrollments)), numbers))]
        try:
            db.executemany(_WORKER_INSERT, rows)
        except sqlcipher.IntegrityError as exc:  # a parallel process took the NIK in between: refuse cleanly
            raise ServiceError(NIK_TAKEN_MEANWHILE) from exc
        last_id = first_id + len(rows) - 1
        # One statement fills the name index for the whole batch (a per-row trigger costs 40 µs a row).
        db.execute("INSERT INTO workers_fts(rowid, full_name) SELECT id, full_name FROM workers "
                   "WHERE id BETWEEN ? AND ?", (first_id, last_id))
        db.executemany(_CHANGE_INSERT, [(wid, 1, "create", now, who, device, "{}")
                                        for wid in range(first_id, last_id + 1)])
        self.next_id = last_id + 1
        self.inserted += rows
        return rows

    @property
    def registration_nos(self) -> list[str]:
        return [row[REGNO] for row in self.inserted]


def audit_details(enroller: Enroller, details: Mapping[str, Any] | None) -> dict[str, Any]:
    return {**(details or {}), "registration_nos": enroller.registration_nos}
