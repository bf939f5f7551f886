"""Appending events to records: one place where a step of the life changes what follows from it."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop.domain import lifecycle
from desktop.domain.enrollment import Asnaf
from desktop.services import permissions
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.services.accounts import Actor
from desktop.services.errors import ServiceError
from desktop.services.workspace import Workspace
from desktop.storage.models import Worker

TEMPLATE_SETTING = "bpjs.template"        # the branch's upload template: [[header, key or null], …]
REVIEW_SETTING = "sync.review_hold"       # uuids the hub holds for review (conflict, possible duplicate)
REFUSED_SETTING = "sync.refused"
_CHUNK = 500
MAX_MONTHS = lifecycle.MAX_MONTHS

Progress = Callable[[int, int], None]


def require_branch(actor: Actor) -> None:
    permissions.require(actor, permissions.Action.ADMINISTER)


def lifecycle_columns(record: Mapping[str, Any]) -> dict[str, Any]:
    """A synced record's lifecycle as the laptop's columns (its events, KPJ, coverage, last batch)."""
    events = record.get("lifecycle") or []

    def day(value: Any) -> dt.date | None:
        return dt.date.fromisoformat(value) if isinstance(value, str) and value else None

    return {"lifecycle": lifecycle.dumps(events), "kpj_number": record.get("kpj_number") or None,
            "coverage_start": day(record.get("coverage_start")), "coverage_end": day(record.get("coverage_end")),
            "batch_no": lifecycle.derive(events).batch if events else None,
            "asnaf": record.get("asnaf") or Asnaf.MISKIN.value}




def _stamp(now: dt.datetime) -> str:
    return now.isoformat(timespec="seconds") + "Z"


def _sql_time(now: dt.datetime) -> str:
    return now.strftime("%Y-%m-%d %H:%M:%S.%f")     # as SQLAlchemy stores a DateTime in SQLite


def _append(session: Session, ws: Workspace, actor: Actor, events: Mapping[int, dict[str, Any]],
            now: dt.datetime) -> int:
    """Append one event to each worker (id -> event), recompute what follows from the events, bump the
    revision (the change syncs) and log it in the record's history. Returns how many changed."""
    if not events:
        return 0
    ids = list(events)
    current: dict[int, tuple[str, int, str]] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        current.update((wid, (text_, rev, status)) for wid, text_, rev, status in session.execute(
            select(Worker.id, Worker.lifecycle, Worker.revision, Worker.status).where(Worker.id.in_(chunk))))
    updates, history = [], []
    for wid, event in events.items():
        old_text, revision, stored_status = current[wid]
        old = lifecycle.loads(old_text)
        before_status = stored_status if old else "enrolled"    # the stored status follows from the events
        new = old + [event]
        problems = lifecycle.event_problems([event], ws.today, earlier=old)
        if problems:      # every path that appends checks its input first: this is the last guard
            raise ServiceError(QT_TRANSLATE_NOOP("Service", "Peristiwa kepesertaan tidak sah: {problems}"),
                               problems="; ".join(problems))
        state = lifecycle.derive(new)
        updates.append((lifecycle.dumps(new), state.status, state.kpj_number,
                        state.coverage_start.isoformat() if state.coverage_start else None,
                        state.coverage_end.isoformat() if state.coverage_end else None,
                        state.batch, revision + 1, actor.username, _sql_time(now), wid))
        changes = {"lifecycle": event["type"]}
        if before_status != state.status:
            changes["status"] = [before_status, state.status]
        history.append((wid, revision + 1, "lifecycle", _sql_time(now), actor.username, ws.device.id,
                        json.dumps(changes, ensure_ascii=False)))
    cursor = session.connection().connection.driver_connection.cursor()
    try:
        cursor.executemany(
            "UPDATE workers SET lifecycle = ?, status = ?, kpj_number = ?, coverage_start = ?, coverage_end = ?, "
            "batch_no = ?, revision = ?, updated_by = ?, updated_at = ? WHERE id = ?", updates)
        cursor.executemany(
            "INSERT INTO worker_changes (worker_id, revision, action, changed_at, changed_by, device_id, changes) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)", history)
    finally:
        cursor.close()
    return len(updates)


# The letters of each numbered thing: a submission, a payment, an invoice (supplementary invoices
# included), a credit note (nota kredit).
_NUMBER_LETTERS = {"batch": "AJ", "payment": "BY", "invoice": "INV", "credit_note": "NK"}


def _next_number(session: Session, ws: Workspace, kind: str) -> str:
    """``AJ-PREFIX-0001`` (a submission), ``BY-PREFIX-0001`` (a payment), ``INV-PREFIX-0001`` (an
    invoice) or ``NK-PREFIX-0001`` (a credit note): unique across laptops because the prefix is this
    laptop's."""
    key = f"next_{kind}_number"
    session.execute(text("INSERT OR IGNORE INTO settings (key, value) VALUES (:k, '1')"), {"k": key})
    value = session.execute(
        text("UPDATE settings SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = :k RETURNING value"),
        {"k": key}).scalar_one()
    return f"{_NUMBER_LETTERS[kind]}-{ws.device.prefix}-{int(value) - 1:04d}"




def _record_values(worker: Any) -> dict[str, Any]:
    """A worker (ORM object or a row of all its columns) as a dict of its columns."""
    mapping = getattr(worker, "_mapping", None)
    if mapping is not None:
        return dict(mapping)
    return {c.key: getattr(worker, c.key) for c in Worker.__table__.columns}
