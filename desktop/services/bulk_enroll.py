"""Many validated enrollments written inside the caller's write unit of work (a ``Tx``).

Every bulk enrollment goes through here: a JSON file of records (``enroll_many``), the import's commit
after a preview, and the command line's one-pass import, which enrolls a file's rows while they are
still being checked. The rows go to ``storage.workers.insert_enrolled`` as they are stored (the batch's
one time stamp made by ``storage.codec``); no SQLAlchemy, so a command that enrolls a file does not
load it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any

from desktop.domain.actors import Actor
from desktop.domain.clock import utcnow
from desktop.domain.enrollment import Enrollment
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.regno import registration_nos
from desktop.services.errors import ServiceError
from desktop.services.workspace import Workspace
from desktop.storage import schools, settings, workers
from desktop.storage.codec import sql_datetime
from desktop.storage.database import IntegrityError, Tx

# Worker columns filled from a validated Enrollment, in the order of the insert (storage.workers).
ENROLLMENT_COLUMNS = workers.ENROLLMENT_COLUMNS
WORKER_INSERT_COLUMNS = workers.INSERT_COLUMNS
REGNO = WORKER_INSERT_COLUMNS.index("registration_no")

DUPLICATE_NIK = QT_TRANSLATE_NOOP("Service", "NIK ini sudah terdaftar atas nama {name} (No. Registrasi {regno}).")
NIK_TAKEN_MEANWHILE = QT_TRANSLATE_NOOP("Service", "NIK sudah terdaftar oleh proses lain; tidak ada yang disimpan.")
_SEQUENCE = "next_sequence"   # the setting holding the next offline registration number's sequence

existing_niks = workers.existing_niks


def school_ids(tx: Tx, npsns: set[str]) -> dict[str, int]:
    """``{NPSN: school id}`` of the registered schools among ``npsns``."""
    return schools.ids(tx, npsns) if npsns else {}


def new_uuids(count: int) -> list[str]:
    """``count`` random (version 4) UUIDs as text, as ``str(uuid.uuid4())`` gives them, from one read of
    the system's randomness (several times faster than a ``uuid.uuid4()`` each: benchmarks/NOTES.md)."""
    raw = bytearray(os.urandom(16 * count))
    out = []
    for i in range(0, 16 * count, 16):
        raw[i + 6] = raw[i + 6] & 0x0F | 0x40   # version 4
        raw[i + 8] = raw[i + 8] & 0x3F | 0x80   # RFC 4122 variant
        text = raw[i:i + 16].hex()
        out.append(f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}")
    return out


class Enroller:
    """Inserts batches of validated enrollments in one write transaction (the caller's), each worker with
    a client-generated UUID, revision 1, the next offline registration number and its creation in the
    change log and the name index. The caller logs the whole in the audit trail once."""

    def __init__(self, tx: Tx, ws: Workspace, schools: Mapping[str, int], actor: Actor):
        self.tx, self.ws, self.schools = tx, ws, schools
        self.who = actor.username
        self.now = utcnow()
        # As every time is stored (storage.codec), once rather than for each of a batch's 20,000 stamps.
        self.stamp = sql_datetime(self.now)
        # The write lock is held since BEGIN IMMEDIATE, so the next rowids are ours to give.
        self.next_id = workers.next_id(tx)
        self.inserted: list[tuple] = []

    def _allocate(self, count: int) -> int:
        """Reserve ``count`` registration sequence numbers; returns the first one."""
        return settings.add_to(self.tx, _SEQUENCE, count) - count

    def add(self, enrollments: Sequence[Enrollment]) -> list[tuple]:
        """Insert ``enrollments``; returns their stored rows as tuples in ``WORKER_INSERT_COLUMNS`` order
        (the time stamps as stored: ``self.stamp``, the text of ``self.now``)."""
        if not enrollments:
            return []
        who, now, device = self.who, self.stamp, self.ws.device.id
        first_id = self.next_id
        numbers = registration_nos(self.ws.device.prefix, self._allocate(len(enrollments)), len(enrollments))
        schools = self.schools
        rows = workers.enrolled_rows(enrollments, [schools.get(e.school_npsn) if e.school_npsn else None
                                                   for e in enrollments],
                                     first_id, new_uuids(len(enrollments)), numbers, who, device, now)
        try:
            workers.insert_enrolled(self.tx, rows, now, who, device)
        except IntegrityError as exc:  # a parallel process took the NIK in between: refuse cleanly
            raise ServiceError(NIK_TAKEN_MEANWHILE) from exc
        self.next_id = first_id + len(rows)
        self.inserted += rows
        return rows

    @property
    def registration_nos(self) -> list[str]:
        return [row[REGNO] for row in self.inserted]


def audit_details(enroller: Enroller, details: Mapping[str, Any] | None) -> dict[str, Any]:
    return {**(details or {}), "registration_nos": enroller.registration_nos}
