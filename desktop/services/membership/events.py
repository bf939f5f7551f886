"""Appending events to records: one place where a step of the life changes what follows from it."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from typing import Any

from desktop.domain import lifecycle
from desktop.domain.enrollment import Asnaf
from desktop.services import permissions
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.actors import Actor
from desktop.services.errors import ServiceError
from desktop.services.workspace import Workspace
from desktop.storage import lifecycle_rows, numbers
from desktop.storage.codec import sql_datetime, stored
from desktop.storage.database import Tx
from desktop.storage.lifecycle_rows import Held, held_rows

TEMPLATE_SETTING = "bpjs.template"        # the branch's upload template: [[header, key or null], …]
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


# What follows from the events, as the row's columns and the state's attributes.
_DERIVED = tuple(zip(lifecycle_rows.DERIVED_COLUMNS, ("status", "kpj_number", "coverage_start", "coverage_end",
                                                      "batch")))


def _append(tx: Tx, ws: Workspace, actor: Actor, events: Mapping[int, dict[str, Any]],
            now: dt.datetime, held: Mapping[int, Held] | None = None) -> int:
    """Append one event to each worker (id -> event), recompute what follows from the events, bump the
    revision (the change syncs) and log it in the record's history. Returns how many changed. ``held``:
    the workers' rows when the caller already read them.

    A payment for a whole branch appends to some 60,000 records, so the common case is kept lean: a
    ``paid`` event on an active record moves only its coverage end (``lifecycle.paid_end``, from the
    stored derived columns, which always follow from the events), the events are appended as text, an
    event is checked once per distinct text, and only the derived columns that change are written
    (leaving status, KPJ and batch out of the statement spares their indexes)."""
    if not events:
        return 0
    if held is None:
        held = held_rows(tx, list(events))
    changed_at = sql_datetime(now)
    updates: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    history = []
    checked: dict[str, list[str]] = {}
    changes_text: dict[tuple[str, str, str], str] = {}
    ends: dict[tuple[Any, ...], dt.date] = {}
    for wid, event in events.items():
        row = held[wid]
        event_text = lifecycle.dumps_event(event)
        judged = lifecycle.needs_earlier(event)
        old = lifecycle.loads(row.lifecycle) if judged or not row.lifecycle else None
        if judged:              # only these are judged against the record's earlier events
            problems = lifecycle.event_problems([event], ws.today, earlier=old or ())
        else:
            problems = checked.get(event_text)
            if problems is None:
                problems = checked[event_text] = lifecycle.event_problems([event], ws.today)
        if problems:      # every path that appends checks its input first: this is the last guard
            raise ServiceError(QT_TRANSLATE_NOOP("Service", "Peristiwa kepesertaan tidak sah: {problems}"),
                               problems="; ".join(problems))
        fresh = not row.lifecycle or row.lifecycle.strip() in ("", "[]")
        before_status = "enrolled" if fresh else row.status    # the stored status follows from the events
        if (event.get("type") == lifecycle.PAID and not fresh and row.status == "active"
                and row.coverage_start is not None):
            key = (row.coverage_start, row.coverage_end, event.get("months"), event.get("from"))
            end = ends.get(key)
            if end is None:        # most of a branch's workers share their dates
                end = ends[key] = lifecycle.paid_end(row.coverage_start, row.coverage_end, event)
            derived = {"coverage_end": end}
            status = row.status
        else:
            state = lifecycle.derive((lifecycle.loads(row.lifecycle) if old is None else old) + [event])
            derived = {column: getattr(state, attribute) for column, attribute in _DERIVED}
            status = state.status
        columns, values = [], []
        for column, value in derived.items():
            if value != getattr(row, column) or fresh:
                columns.append(column)
                values.append(stored(value))
        updates.setdefault(tuple(columns), []).append(
            (lifecycle.append_text(row.lifecycle, event_text), *values, row.revision + 1, actor.username,
             changed_at, wid))
        key = (event["type"], before_status, status)
        change = changes_text.get(key)
        if change is None:
            changes: dict[str, Any] = {"lifecycle": event["type"]}
            if before_status != status:
                changes["status"] = [before_status, status]
            change = changes_text[key] = json.dumps(changes, ensure_ascii=False)
        history.append((wid, row.revision + 1, "lifecycle", changed_at, actor.username, ws.device.id, change))
    lifecycle_rows.write_appended(tx, updates, history)
    return len(history)


# The letters of each numbered thing: a submission, a payment, an invoice (supplementary invoices
# included), a credit note (nota kredit), a refund of BAZNAS's credit, BAZNAS's distribution record (laporan
# penyaluran).
_NUMBER_LETTERS = {"batch": "AJ", "payment": "BY", "invoice": "INV", "credit_note": "NK", "refund": "RF",
                   "baznas": "LP"}


def _next_number(tx: Tx, ws: Workspace, kind: str) -> str:
    """``AJ-PREFIX-0001`` (a submission), ``BY-PREFIX-0001`` (a payment), ``INV-PREFIX-0001`` (an
    invoice) or ``NK-PREFIX-0001`` (a credit note): unique across laptops because the prefix is this
    laptop's. ``tx``: the caller's write unit."""
    number = numbers.take(tx, kind)
    return f"{_NUMBER_LETTERS[kind]}-{ws.device.prefix}-{number:04d}"
