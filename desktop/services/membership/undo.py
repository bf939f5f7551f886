"""Taking back a BPJS answer applied by mistake (a wrong file, a misread date): one step for the whole file.

Every event one application of an answer file added carries that application's id (``answers``). Undoing
it appends an ``answer_undone`` event naming the id to each record that carries it: the record's
events stay as they were (facts are never rewritten), and what follows from them is computed as if the
answer had never been read (``lifecycle.derive``): a worker it activated or refused is "submitted" again,
its KPJ is free for the right worker, months BAZNAS paid meanwhile wait for the next activation. The
events sync like every step of the branch's, and the undo is in the audit log.

A record that was submitted again since (a refusal of that answer was fixed and sent in a new batch) has
moved on: taking the refusal back would put it back in its first batch, not the one BPJS is processing.
Such records keep that answer (the resubmission already answered the refusal) and are reported; the
other records are undone. An answer is undone once.

The hub checks a push's KPJ numbers record by record: KPJ numbers an undo frees reach the hub with it, so
the branch syncs the undo before applying a file that gives those numbers to other workers (the messages
say so when the undo freed any).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from desktop.domain import lifecycle
from desktop.domain.enrollment import Status
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.services import audit
from desktop.domain.actors import Actor
from desktop.services.errors import NotFound, ServiceError
from desktop.services.membership.events import _append, _stamp, require_branch
from desktop.services.workspace import Workspace, bulk_work
from desktop.storage import lifecycle_rows
from desktop.storage.database import Tx

MIN_PREFIX = 6          # an answer may be named by the first characters of its id, as in the list


@dataclass(frozen=True)
class AppliedAnswer:
    answer: str                      # the application's id
    file: str                        # the answer file's name
    at: dt.datetime | None           # when it was applied (UTC)
    by: str
    activated: int                   # records it activated
    refused: int                     # records it refused
    undone: bool
    undone_at: dt.datetime | None = None
    undone_by: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"answer": self.answer, "file": self.file, "at": _iso(self.at), "by": self.by,
                "activated": self.activated, "refused": self.refused, "undone": self.undone,
                "undone_at": _iso(self.undone_at), "undone_by": self.undone_by}


@dataclass(frozen=True)
class UndoResult:
    answer: str
    file: str
    records: int                                 # records whose events of the answer were taken back
    by_status: dict[str, int]                    # what those records are now: status -> count
    payments_waiting: int                        # of them, paid months that wait again for an activation
    kept: list[tuple[str, str]] = field(default_factory=list)   # (registration no., reason) not undone
    kpj_freed: int = 0                           # of them, KPJ numbers given up (free for the right holder)

    def to_json(self) -> dict[str, Any]:
        return {"answer": self.answer, "file": self.file, "records": self.records, "by_status": self.by_status,
                "payments_waiting": self.payments_waiting, "kpj_freed": self.kpj_freed,
                "kept": [{"registration_no": regno, "reason": reason} for regno, reason in self.kept]}


DELETED = QT_TRANSLATE_NOOP("Service", "data sudah dihapus; riwayatnya tetap seperti saat dihapus")
RESUBMITTED = QT_TRANSLATE_NOOP("Service", "sudah diajukan lagi dalam batch baru setelah jawaban ini; tetap seperti "
                                           "sekarang")


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") + "Z" if value else None


def _moment(stamp: Any) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(str(stamp).removesuffix("Z"))
    except ValueError:
        return None


def _carrying(tx: Tx, pattern: str) -> Iterator[tuple[int, str, dt.date | None, bool, list[dict[str, Any]]]]:
    """(id, registration no., coverage start, deleted, events) of the records whose events carry an
    answer id starting with ``pattern`` (the events are stored as compact JSON: ``"answer":"<id>"``)."""
    for wid, regno, start, deleted, life in lifecycle_rows.carrying(tx, pattern):
        yield wid, regno, start, deleted, lifecycle.loads(life)


def applied_answers(ws: Workspace, actor: Actor) -> list[AppliedAnswer]:
    """The answer files applied to the records on this laptop (by any branch laptop: from the records'
    events), newest first, each with what it did and whether it was undone."""
    require_branch(actor)
    found: dict[str, dict[str, Any]] = {}
    with bulk_work(), ws.read() as tx:
        for _wid, _regno, _start, _deleted, events in _carrying(tx, ""):
            for position, event in enumerate(events):
                answer = event.get("answer")
                if not isinstance(answer, str):
                    continue
                entry = found.setdefault(answer, {"file": "", "at": None, "by": "", "activated": 0, "refused": 0,
                                                  "undone_at": None, "undone_by": "", "position": 0})
                entry["position"] = max(entry["position"], position)
                kind = event.get("type")
                if kind == lifecycle.UNDONE:
                    if entry["undone_at"] is None:
                        entry["undone_at"], entry["undone_by"] = _moment(event.get("at")), str(event.get("by") or "")
                    continue
                if kind in (lifecycle.ACTIVATED, lifecycle.REFUSED):
                    entry[kind] += 1
                if entry["at"] is None:
                    entry.update(file=str(event.get("file") or ""), at=_moment(event.get("at")),
                                 by=str(event.get("by") or ""))
    # Newest first; two answers read in the same second: the one later in the records' events.
    order = sorted((e["at"], e["position"], answer) for answer, e in found.items() if e["at"] is not None)
    return [AppliedAnswer(answer, e["file"], e["at"], e["by"], e["activated"], e["refused"],
                          e["undone_at"] is not None, e["undone_at"], e["undone_by"])
            for _at, _position, answer in reversed(order) for e in (found[answer],)]


def _resolve(tx: Tx, name: str) -> str:
    """The full id an answer is named by (the id, or its first characters if no other starts so)."""
    name = name.strip().lower()
    if not name or len(name) < MIN_PREFIX or len(name) > 32 or any(c not in "0123456789abcdef" for c in name):
        raise ServiceError(QT_TRANSLATE_NOOP(
            "Service", "Kode jawaban BPJS \"{answer}\" tidak sah: tulis kodenya seperti di daftar jawaban "
                       "(lindung bpjs answers), paling sedikit {count} karakter."), answer=name[:40], count=MIN_PREFIX)
    if len(name) == 32:
        return name                   # whether any record carries it is for the undo to find
    found = re.compile(f'"answer":"({name}[0-9a-f]*)"')
    ids = {match for *_row, life in lifecycle_rows.carrying(tx, name) for match in found.findall(life)}
    if not ids:
        raise _unknown(name)
    if len(ids) > 1:
        raise ServiceError(QT_TRANSLATE_NOOP(
            "Service", "Kode {answer} cocok dengan {count} jawaban BPJS; tulis kodenya lebih panjang."),
            answer=name, count=len(ids))
    return ids.pop()


def _unknown(name: str) -> NotFound:
    return NotFound(QT_TRANSLATE_NOOP(
        "Service", "Tidak ada jawaban BPJS dengan kode {answer} di laptop ini; lihat daftarnya dengan "
                   "lindung bpjs answers (atau sinkronkan dulu bila jawaban dibaca di laptop cabang lain)."),
        answer=name)


def _plan(tx: Tx, actor: Actor, answer: str, reason: str | None, now: dt.datetime
          ) -> tuple[UndoResult, dict[int, dict[str, Any]]]:
    """What undoing ``answer`` does, and the event each record it changes gets."""
    events: dict[int, dict[str, Any]] = {}
    by_status: dict[str, int] = {}
    kept: list[tuple[str, str]] = []
    file, waiting, freed, undone_before, carried = "", 0, 0, None, False
    for wid, regno, start, deleted, old in _carrying(tx, answer):
        mine = [i for i, e in enumerate(old) if e.get("answer") == answer and e.get("type") != lifecycle.UNDONE]
        if not mine:
            continue
        carried = True
        file = file or str(old[mine[0]].get("file") or "")
        if answer in lifecycle.undone_answers(old):
            undone_before = undone_before or next(e for e in old if e.get("type") == lifecycle.UNDONE
                                                  and e.get("answer") == answer)
            continue
        if deleted:
            kept.append((regno, DELETED))         # a deleted record keeps its history as it ended
            continue
        if any(e.get("type") == lifecycle.SUBMITTED for e in old[mine[0] + 1:]):
            kept.append((regno, RESUBMITTED))
            continue
        event = {"type": lifecycle.UNDONE, "at": _stamp(now), "by": actor.username, "answer": answer,
                 "file": file[:lifecycle.MAX_REASON]}
        if reason:
            event["reason"] = reason[:lifecycle.MAX_REASON]
        after = lifecycle.derive(old + [event])
        by_status[after.status] = by_status.get(after.status, 0) + 1
        if start is not None and after.coverage_start is None and after.months_paid:
            waiting += 1
        if any(e.get("type") == lifecycle.ACTIVATED for e in (old[i] for i in mine)) and after.status != "active":
            freed += 1
        events[wid] = event
    if not carried:
        raise _unknown(answer)
    if not events and undone_before is not None:
        raise ServiceError(QT_TRANSLATE_NOOP(
            "Service", "Jawaban BPJS {file} ({answer}) sudah diurungkan pada {at} oleh {by}; tidak ada yang diubah."),
            file=file, answer=answer[:8], at=str(undone_before.get("at", ""))[:16].replace("T", " "),
            by=undone_before.get("by", ""))
    if not events:
        raise ServiceError(QT_TRANSLATE_NOOP(
            "Service", "Jawaban BPJS {file} tidak dapat diurungkan: semua {count} pesertanya sudah diajukan lagi "
                       "dalam batch baru atau sudah dihapus setelah jawaban ini. Tidak ada yang diubah."),
            file=file, count=len(kept))
    kept.sort()
    return UndoResult(answer, file, len(events), dict(sorted(by_status.items())), waiting, kept, freed), events


def preview_undo(ws: Workspace, actor: Actor, answer: str) -> UndoResult:
    """What ``undo_answer`` would do, changing nothing (for the confirmation the window asks)."""
    require_branch(actor)
    with bulk_work(), ws.read() as tx:
        return _plan(tx, actor, _resolve(tx, answer), None, ws.now())[0]


def undo_answer(ws: Workspace, answer: str, actor: Actor, reason: str | None = None) -> UndoResult:
    """Take back one application of a BPJS answer file (named by its id, or the id's first characters):
    each record it activated or refused gets an ``answer_undone`` event and is what it was before it, in
    one transaction with one audit entry. Refused when unknown or already undone."""
    require_branch(actor)
    reason = (reason or "").strip() or None
    with bulk_work(), ws.write() as tx:
        full = _resolve(tx, answer)
        now = ws.now()
        result, events = _plan(tx, actor, full, reason, now)
        _append(tx, ws, actor, events, now)
        audit.record(tx, ws, actor, "answer_undo", result.file,
                     {"answer": full, "records": result.records, "back_to_submitted": back_to_submitted(result),
                      "payments_waiting": result.payments_waiting, "kept": len(result.kept),
                      **({"reason": reason} if reason else {})})
    return result


def back_to_submitted(result: UndoResult) -> int:
    """How many records the undo put back to "submitted" (waiting for BPJS's answer)."""
    return result.by_status.get(Status.SUBMITTED.value, 0)
