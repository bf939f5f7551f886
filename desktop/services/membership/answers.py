"""BPJS's answer: KPJ numbers and membership dates, or reasons for refusal."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.domain import bpjs, lifecycle
from desktop.domain.enrollment import Status
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.services import audit
from desktop.services.accounts import Actor
from desktop.services.errors import ServiceError
from desktop.services.workspace import Workspace, bulk_work
from desktop.storage.models import Worker
from desktop.services.membership.events import _CHUNK, _append, _record_values, _stamp, require_branch


@dataclass(frozen=True)
class AnswerResult:
    activated: int
    refused: int
    unchanged: int
    unknown: list[tuple[int, str]]       # (spreadsheet row, reason in Indonesian) — reported, not applied
    pending: int = 0                     # rows BPJS is still processing: nothing changed for them
    answer: str | None = None            # this application's id, carried by each event it added (for undo)

    def to_json(self) -> dict[str, Any]:
        return {"activated": self.activated, "refused": self.refused, "unchanged": self.unchanged,
                "pending": self.pending, "answer": self.answer, "unknown": [{"row": row, "reason": reason} for row, reason in self.unknown]}


def _answer_rows(path: Path) -> list[bpjs.AnswerRow]:
    """The answer's rows as read, each kept only as its NIK, KPJ, date and reason: the sheet is given out
    row by row (an answer for the whole branch runs to some 60,000 rows)."""
    from desktop.services import sheet_limits
    from desktop.services.spreadsheets import read_rows

    rows = iter(read_rows(Path(path), sheet_limits.ANSWER))
    head = list(islice(rows, _HEADER_SEARCH_ROWS))
    found = bpjs.find_answer_header(head, _HEADER_SEARCH_ROWS)
    if found is None:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Berkas {name} bukan jawaban BPJS yang dikenal: perlu kolom "
                                                        "NIK dan kolom KPJ (No KPJ, Nomor Peserta) atau Keterangan."),
                           name=Path(path).name)
    index, mapping = found
    answers = []
    for number, row in enumerate(chain(head[index + 1:], rows), start=index + 2):
        answer = bpjs.read_answer_row(number, row, mapping)
        if answer is not None:
            answers.append(answer)
    return answers


_HEADER_SEARCH_ROWS = 20


def import_answer(ws: Workspace, path: Path, actor: Actor) -> AnswerResult:
    """Apply BPJS's answer: an 11-digit KPJ with its date activates the submitted worker with that NIK;
    a reason without a KPJ marks them refused. Unknown NIKs and KPJ numbers held by someone else are
    reported and never applied; the same file twice changes nothing the second time."""
    require_branch(actor)
    rows = _answer_rows(path)
    unknown: list[tuple[int, str]] = [(r.row, r.problem) for r in rows if r.problem]
    pending = sum(1 for r in rows if r.pending and not r.problem)
    good = [r for r in rows if not r.problem and not r.pending]
    activated = refused = unchanged = 0
    with bulk_work(), ws.session(write=True) as session:
        niks = list({r.nik for r in good})
        workers: dict[str, tuple[int, str, str | None, str]] = {}
        for start in range(0, len(niks), _CHUNK):
            for wid, nik, status, kpj, life in session.execute(
                    select(Worker.id, Worker.nik, Worker.status, Worker.kpj_number, Worker.lifecycle)
                    .where(Worker.nik.in_(niks[start:start + _CHUNK]), Worker.deleted_at.is_(None))):
                workers[nik] = (wid, status, kpj, life)
        kpjs = list({r.kpj for r in good if r.kpj})
        kpj_holder: dict[str, str] = {}
        for start in range(0, len(kpjs), _CHUNK):
            kpj_holder.update(session.execute(
                select(Worker.kpj_number, Worker.nik).where(Worker.kpj_number.in_(kpjs[start:start + _CHUNK]),
                                                            Worker.deleted_at.is_(None))).all())
        now = ws.now()
        answer = uuid.uuid4().hex
        events: dict[int, dict[str, Any]] = {}
        seen_kpj: dict[str, str] = {}
        for r in good:
            found = workers.get(r.nik)
            if found is None:
                unknown.append((r.row, QT_TRANSLATE_NOOP("Service", "NIK tidak ada di antara peserta yang diajukan.")))
                continue
            wid, status, kpj, life = found
            if wid in events:
                unknown.append((r.row, QT_TRANSLATE_NOOP("Service", "NIK ini muncul lebih dari sekali dalam berkas.")))
                continue
            if r.kpj:
                if not lifecycle.plausible_day(r.start, ws.today):
                    unknown.append((r.row, QT_TRANSLATE_NOOP(
                        "Service", "Tanggal kepesertaan (TMT) tidak masuk akal (sebelum 2015 atau lebih dari setahun "
                                   "ke depan); baris ini tidak diterapkan.")))
                    continue
                if status == Status.ACTIVE.value:
                    if kpj == r.kpj:
                        unchanged += 1
                    else:
                        unknown.append((r.row, QT_TRANSLATE_NOOP(
                            "Service", "Peserta ini sudah aktif dengan nomor KPJ lain.")))
                    continue
                holder = kpj_holder.get(r.kpj) or seen_kpj.get(r.kpj)
                if holder is not None and holder != r.nik:
                    unknown.append((r.row, QT_TRANSLATE_NOOP("Service", "Nomor KPJ ini sudah dipakai peserta lain.")))
                    continue
                if status not in (Status.SUBMITTED.value, Status.REFUSED.value):
                    # A refusal is not final: BPJS's later word (a KPJ) activates the worker, both in its history.
                    unknown.append((r.row, _not_submitted(status)))
                    continue
                seen_kpj[r.kpj] = r.nik
                events[wid] = {"type": lifecycle.ACTIVATED, "at": _stamp(now), "by": actor.username,
                               "kpj": r.kpj, "start": r.start.isoformat(), "file": Path(path).name, "answer": answer}
                activated += 1
            else:
                if status == Status.REFUSED.value:
                    state = lifecycle.derive(lifecycle.loads(life))
                    if state.refusal == r.reason:
                        unchanged += 1
                        continue
                if status != Status.SUBMITTED.value:
                    if status == Status.ACTIVE.value:
                        unknown.append((r.row, QT_TRANSLATE_NOOP(
                            "Service", "Peserta ini sudah aktif; penolakan tidak diterapkan.")))
                    else:
                        unknown.append((r.row, _not_submitted(status)))
                    continue
                worker = session.get(Worker, wid)
                events[wid] = {"type": lifecycle.REFUSED, "at": _stamp(now), "by": actor.username,
                               "reason": r.reason[:500], "data": lifecycle.fingerprint(_record_values(worker)),
                               "file": Path(path).name, "answer": answer}
                refused += 1
        _append(session, ws, actor, events, now)
        audit.record(session, ws, actor, "answer", Path(path).name,
                     {"activated": activated, "refused": refused, "unchanged": unchanged, "unknown": len(unknown),
                      "answer": answer if events else None})
    unknown.sort()
    return AnswerResult(activated, refused, unchanged, unknown, pending, answer if events else None)


def _not_submitted(status: str) -> str:
    if status == Status.REFUSED.value:
        return QT_TRANSLATE_NOOP("Service", "Peserta ini sudah ditolak; ajukan lagi setelah diperbaiki.")
    return QT_TRANSLATE_NOOP("Service", "Peserta ini belum diajukan ke BPJS.")


