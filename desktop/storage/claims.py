"""The workers' rows as claims see them (``desktop.services.claims``): incidents and claims live in a
worker's events (``workers.lifecycle``), so this module only finds the rows that hold them; one mapper,
``ClaimRow``. Appending goes through the membership events path (``storage.lifecycle_rows``)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, NamedTuple

from desktop.storage.database import Tx


class ClaimRow(NamedTuple):
    """A worker as a claim needs it: who, where, the KPJ, the heir, and the events."""

    id: int
    uuid: str
    registration_no: str
    full_name: str
    kpj_number: str | None
    kabupaten_code: str
    heir_name: str
    heir_relationship: str
    heir_phone: str | None
    lifecycle: str | None
    deleted: bool


_SELECT = ("SELECT id, uuid, registration_no, full_name, kpj_number, kabupaten_code, heir_name, heir_relationship, "
           "heir_phone, lifecycle, deleted_at IS NOT NULL FROM workers ")


def _row(row: Sequence[Any]) -> ClaimRow:
    return ClaimRow(*row[:-1], bool(row[-1]))


def by_registration(tx: Tx, registration_no: str) -> ClaimRow | None:
    row = tx.first(_SELECT + "WHERE registration_no = ?", (registration_no,))
    return _row(row) if row else None


def _needle(key: str, value: str) -> str:
    """``"key":"value"`` as ``lifecycle.dumps`` writes it inside an event (sorted keys, no spaces)."""
    return json.dumps({key: value}, separators=(",", ":"))[1:-1]


def holding(tx: Tx, claim: str) -> ClaimRow | None:
    """The worker whose events hold the incident opening ``claim``."""
    rows = tx.all(_SELECT + "WHERE instr(lifecycle, ?) > 0", (_needle("claim", claim),))
    return _row(rows[0]) if rows else None


def with_incidents(tx: Tx) -> list[ClaimRow]:
    """Every worker whose events hold an incident."""
    return [_row(row) for row in tx.all(_SELECT + "WHERE instr(lifecycle, ?) > 0 ORDER BY id",
                                        (_needle("type", "incident"),))]


def paid_lives(tx: Tx) -> list[tuple[str, str]]:
    """(kabupaten code, events) of every worker BAZNAS paid for or who has a claim, deleted ones included
    (the money was spent)."""
    return tx.all("SELECT kabupaten_code, lifecycle FROM workers WHERE instr(lifecycle, ?) > 0 OR instr(lifecycle, ?) > 0",
                  (_needle("type", "paid"), _needle("type", "incident")))


_COVERED = "deleted_at IS NULL AND status != 'deceased' AND instr(lifecycle, ?) > 0"


def covered_lives(tx: Tx) -> list[ClaimRow]:
    """Every live worker BPJS ever activated (whose coverage can lapse), but the deceased."""
    return [_row(row) for row in tx.all(_SELECT + "WHERE " + _COVERED + " ORDER BY registration_no",
                                        (_needle("type", "activated"),))]


def covered_lives_of(tx: Tx, worker_ids: Sequence[str]) -> list[ClaimRow]:
    """``covered_lives`` among the workers ``worker_ids`` (uuids; a page of the list, a few hundred)."""
    if not worker_ids:
        return []
    marks = ", ".join("?" * len(worker_ids))
    return [_row(row) for row in tx.all(_SELECT + f"WHERE uuid IN ({marks}) AND " + _COVERED,
                                        (*worker_ids, _needle("type", "activated")))]
