"""BPJS's answer: KPJ numbers and membership dates, or reasons for refusal.

An answer is read whole before anything is applied, and the same reading serves the preview (``apply=
False``: what would change, which sheet and columns were read, how the dates were read) and the
application. Nothing is guessed: a file without a KPJ column applies nothing; a date column is read in
one order for all its rows (``bpjs.date_column_order``); a date outside the batch's plausible window,
a name that is not the worker's, two different answers for one NIK are reported with the value, never
applied.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from pathlib import Path
from typing import Any, NamedTuple

from desktop.domain import bpjs, lifecycle
from desktop.domain.enrollment import Status
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.text import DAY_FIRST, MONTH_FIRST, add_months, date_orders
from desktop.services import audit
from desktop.domain.actors import Actor
from desktop.services.errors import ServiceError
from desktop.services.workspace import Workspace, bulk_work
from desktop.storage import lifecycle_rows
from desktop.services.membership.events import _append, _stamp, require_branch


class Unapplied(NamedTuple):
    """A row of the answer that changed nothing, and why."""

    row: int              # the spreadsheet's row number
    reason: str           # a message template (Indonesian), translated where it is shown
    sheet: str = ""       # the sheet, when the answer was read from more than one
    value: str = ""       # what the file held that the reason is about (a date, a KPJ), when there is one


@dataclass(frozen=True)
class AnswerResult:
    activated: int
    refused: int
    unchanged: int
    unknown: list[Unapplied]             # reported, not applied
    pending: int = 0                     # workers BPJS is still processing: nothing changed for them
    answer: str | None = None            # this application's id, carried by each event it added (for undo)
    applied: bool = True                 # False: a preview, nothing was changed
    sheets: tuple[str, ...] = ()         # the sheets read
    ignored_sheets: tuple[tuple[str, str], ...] = ()   # (sheet, why it was not read: a message template)
    columns: tuple[tuple[str, str | None], ...] = ()   # (the file's header, the answer key read from it or None)
    date_order: str = DAY_FIRST          # how day and month were read: bpjs DAY_FIRST or MONTH_FIRST
    date_basis: str = bpjs.ASSUMED       # how that is known: bpjs PROVEN, ASSUMED, MIXED or PLAUSIBLE
    dates: tuple[tuple[str, str], ...] = ()   # a sample: (as written, as read: ISO date)
    fingerprint: str = ""                # the file's SHA-256: an application after a preview checks it
    file: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "applied": self.applied, "activated": self.activated, "refused": self.refused,
                "unchanged": self.unchanged, "pending": self.pending, "answer": self.answer,
                "sheets": list(self.sheets),
                "ignored_sheets": [{"sheet": sheet, "reason": reason.format(sheet=sheet)}
                                   for sheet, reason in self.ignored_sheets],
                "columns": [{"header": header, "read_as": key} for header, key in self.columns],
                "dates": {"order": self.date_order, "basis": self.date_basis,
                          "sample": [{"written": text, "read": day} for text, day in self.dates]},
                "unknown": [{"row": u.row, "reason": u.reason, **({"sheet": u.sheet} if u.sheet else {}),
                             **({"value": u.value} if u.value else {})} for u in self.unknown]}


# How the date column's order was settled when its values prove none: the other order makes every date
# plausible where day-first does not.
PLAUSIBLE = "plausible"
_HEADER_SEARCH_ROWS = 20
DATE_SAMPLE = 5

NO_KPJ_COLUMN = QT_TRANSLATE_NOOP(
    "Service", "Berkas {name} tidak memuat kolom nomor KPJ, jadi tidak ada yang diterapkan (tanpa KPJ berkas ini "
               "tidak dapat dibaca sebagai jawaban BPJS, juga tidak sebagai daftar penolakan). Kolom yang terbaca: "
               "{columns}. Beri judul kolom nomornya \"No KPJ\" lalu baca lagi.")
NOT_AN_ANSWER = QT_TRANSLATE_NOOP(
    "Service", "Berkas {name} bukan jawaban BPJS yang dikenal: tidak ada lembar dengan kolom NIK dan kolom KPJ "
               "(No KPJ, Nomor Peserta) di 20 baris pertamanya. Lembar yang ada: {sheets}.")
CHANGED_SINCE_PREVIEW = QT_TRANSLATE_NOOP(
    "Service", "Berkas {name} berubah sejak pratinjau dibuat. Baca pratinjaunya lagi sebelum menerapkan.")
TOO_EARLY = QT_TRANSLATE_NOOP(
    "Service", "Tanggal kepesertaan (TMT) lebih dari sebulan sebelum batch peserta ini ditulis; tidak diterapkan. "
               "Periksa tanggal di berkas (hari dan bulan tertukar?).")
TOO_LATE = QT_TRANSLATE_NOOP(
    "Service", "Tanggal kepesertaan (TMT) lebih dari tiga bulan setelah hari ini; tidak diterapkan. Periksa tanggal "
               "di berkas (hari dan bulan tertukar?).")
NAME_DIFFERS = QT_TRANSLATE_NOOP(
    "Service", "Nama di berkas tidak sama dengan nama peserta ber-NIK ini; tidak diterapkan. Periksa NIK dan nama "
               "di berkas BPJS.")
OTHER_START = QT_TRANSLATE_NOOP(
    "Service", "Peserta ini sudah aktif dengan nomor KPJ ini tetapi dengan tanggal kepesertaan (TMT) lain; tidak "
               "diubah. Bila tanggal yang tercatat salah, urungkan jawaban yang menerapkannya lalu baca lagi.")
TWO_ANSWERS = QT_TRANSLATE_NOOP(
    "Service", "NIK ini mendapat dua jawaban berbeda dalam berkas ini (nomor KPJ atau TMT lain); tidak diterapkan.")
REFUSED_AFTER_KPJ = QT_TRANSLATE_NOOP(
    "Service", "NIK ini ditolak di baris ini setelah diberi nomor KPJ di baris sebelumnya; tidak diterapkan. "
               "Tanyakan ke BPJS mana yang benar.")


@dataclass
class _Reading:
    rows: list[bpjs.AnswerRow]
    sheets: tuple[str, ...]
    ignored: tuple[tuple[str, str], ...]
    columns: tuple[tuple[str, str | None], ...]
    has_names: bool
    order: str = DAY_FIRST
    basis: str = bpjs.ASSUMED
    problems: list[Unapplied] = field(default_factory=list)


def _read(path: Path) -> _Reading:
    """Every sheet of the answer that has an answer's header, row by row (an answer for the whole branch
    runs to some 60,000 rows): each row kept only as its NIK, KPJ, date, name and reason."""
    from desktop.services import sheet_limits
    from desktop.services.spreadsheets import read_sheets

    def wanted(head: Sequence[Sequence[Any]]) -> bool:
        return bpjs.find_answer(head, _HEADER_SEARCH_ROWS) is not None

    sheets = read_sheets(Path(path), sheet_limits.ANSWER, wanted)
    many = len(sheets) > 1
    rows: list[bpjs.AnswerRow] = []
    columns: list[tuple[str, str | None]] = []
    has_names = True
    for sheet in sheets:
        stream = iter(sheet)
        head = list(islice(stream, _HEADER_SEARCH_ROWS))
        found = bpjs.find_answer(head, _HEADER_SEARCH_ROWS)
        if found is None:
            names = ", ".join([sheet.sheet] + [name for name, _ in sheets[0].ignored])
            raise ServiceError(NOT_AN_ANSWER, name=Path(path).name, sheets=names)
        read = found.columns(head)
        if "kpj" not in found.mapping:
            said = "; ".join(f"{header} → {_ROLE_WORDS.get(key, 'tidak dipakai')}" for header, key in read)
            raise ServiceError(NO_KPJ_COLUMN, name=Path(path).name, columns=said)
        has_names = has_names and "name" in found.mapping
        columns.extend((f"{sheet.sheet}: {header}" if many else header, key) for header, key in read)
        for number, row in enumerate(chain(head[found.last + 1:], stream), start=found.last + 2):
            answer = bpjs.read_answer_row(number, row, found.mapping)
            if answer is not None:
                rows.append(replace(answer, sheet=sheet.sheet) if many else answer)
    return _Reading(rows, tuple(s.sheet for s in sheets), sheets[0].ignored, tuple(columns), has_names)


# What each answer key is called when the columns read are said back (CLI and messages).
_ROLE_WORDS = {"nik": "NIK", "kpj": "nomor KPJ", "start": "tanggal kepesertaan (TMT)", "reason": "keterangan",
               "status": "status", "name": "nama"}
ROLE_LABELS = {
    "nik": QT_TRANSLATE_NOOP("Service", "NIK"), "kpj": QT_TRANSLATE_NOOP("Service", "nomor KPJ"),
    "start": QT_TRANSLATE_NOOP("Service", "tanggal kepesertaan (TMT)"),
    "reason": QT_TRANSLATE_NOOP("Service", "keterangan"), "status": QT_TRANSLATE_NOOP("Service", "status"),
    "name": QT_TRANSLATE_NOOP("Service", "nama"),
}


def _settle_dates(reading: _Reading) -> None:
    """Read the date column as a whole: its order from the values that prove one; a mixed column's
    ambiguous values reported."""
    texts = [r.start_text for r in reading.rows if r.kpj]
    order, basis = bpjs.date_column_order(texts)
    reading.order, reading.basis = order, basis
    if order == DAY_FIRST and basis != bpjs.MIXED:
        return
    settled = []
    for r in reading.rows:
        if r.kpj and r.start_text and (r.problem is None or r.start is None):
            orders = date_orders(r.start_text)
            if basis == bpjs.MIXED and len(orders) == 2:
                r = replace(r, start=None, problem=bpjs.UNCLEAR_DATE, value=r.start_text)
            else:
                start = bpjs.day_from_cell(r.start_text, next(iter(orders)) if len(orders) == 1 else order)
                r = replace(r, start=start, problem=None if start else r.problem)
        settled.append(r)
    reading.rows = settled


def _window(life: str | None, today: dt.date) -> tuple[dt.date | None, dt.date]:
    """The days a membership date may name for a worker: from a month before the batch was written (their
    last submission) to three months after today."""
    written = None
    for event in lifecycle.loads(life):
        if event.get("type") == lifecycle.SUBMITTED:
            written = lifecycle.stamp_day(event.get("at")) or written
    return (add_months(written, -1) if written else None), add_months(today, 3)


def _implausible(day: dt.date, window: tuple[dt.date | None, dt.date]) -> str | None:
    earliest, latest = window
    if earliest is not None and day < earliest or day < lifecycle.EARLIEST_DAY:
        return TOO_EARLY
    if day > latest:
        return TOO_LATE
    return None


def _fingerprint(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def preview_answer(ws: Workspace, path: Path, actor: Actor) -> AnswerResult:
    """What applying the answer would do, changing nothing: the same reading and checks as ``import_answer``."""
    return import_answer(ws, path, actor, apply=False)


def import_answer(ws: Workspace, path: Path, actor: Actor, apply: bool = True,
                  fingerprint: str | None = None) -> AnswerResult:
    """Apply BPJS's answer: an 11-digit KPJ with its date activates the submitted worker with that NIK;
    a reason without a KPJ marks them refused. Unknown NIKs, KPJ numbers held by someone else,
    implausible dates and names that are not the worker's are reported and never applied; the same
    file twice changes nothing the second time. ``fingerprint``: the file must be the one previewed."""
    require_branch(actor)
    path = Path(path)
    reading = _read(path)        # first: a file that is missing or no answer is said so
    digest = _fingerprint(path)
    if fingerprint is not None and fingerprint != digest:
        raise ServiceError(CHANGED_SINCE_PREVIEW, name=path.name)
    _settle_dates(reading)
    unknown = [Unapplied(r.row, r.problem, r.sheet, r.value) for r in reading.rows if r.problem]
    read = [r for r in reading.rows if not r.problem]
    decided, pending, conflicts = _decisive(read)
    unknown.extend(conflicts)
    activated = refused = unchanged = 0
    with bulk_work(), (ws.write() if apply else ws.read()) as tx:
        workers = lifecycle_rows.answerable(tx, list({r.nik for r in decided}))
        covered_from = lifecycle_rows.coverage_starts(
            tx, [found[0] for found in workers.values() if found[1] == Status.ACTIVE.value])
        kpj_holder = lifecycle_rows.kpj_holders(tx, list({r.kpj for r in decided if r.kpj}))
        _choose_order_by_plausibility(reading, decided, workers, ws.today)
        now = ws.now()
        answer = uuid.uuid4().hex
        events: dict[int, dict[str, Any]] = {}
        seen_kpj: dict[str, str] = {}

        def report(r: bpjs.AnswerRow, reason: str, value: str = "") -> None:
            unknown.append(Unapplied(r.row, reason, r.sheet, value))

        for r in decided:
            found = workers.get(r.nik)
            if found is None:
                report(r, QT_TRANSLATE_NOOP("Service", "NIK tidak ada di antara peserta yang diajukan."))
                continue
            wid, status, kpj, life, name = found
            if r.name and not bpjs.names_agree(r.name, name):
                report(r, NAME_DIFFERS, r.name)
                continue
            if r.kpj:
                assert r.start is not None
                if status == Status.ACTIVE.value:
                    if kpj == r.kpj and covered_from.get(wid) not in (None, r.start):
                        report(r, OTHER_START, r.start_text)
                    elif kpj == r.kpj:
                        unchanged += 1
                    else:
                        report(r, QT_TRANSLATE_NOOP("Service", "Peserta ini sudah aktif dengan nomor KPJ lain."))
                    continue
                too = _implausible(r.start, _window(life, ws.today))
                if too is not None:
                    report(r, too, r.start_text)
                    continue
                holder = kpj_holder.get(r.kpj) or seen_kpj.get(r.kpj)
                if holder is not None and holder != r.nik:
                    report(r, QT_TRANSLATE_NOOP("Service", "Nomor KPJ ini sudah dipakai peserta lain."), r.kpj)
                    continue
                if status not in (Status.SUBMITTED.value, Status.REFUSED.value):
                    # A refusal is not final: BPJS's later word (a KPJ) activates the worker, both in its history.
                    report(r, _not_submitted(status))
                    continue
                seen_kpj[r.kpj] = r.nik
                events[wid] = {"type": lifecycle.ACTIVATED, "at": _stamp(now), "by": actor.username,
                               "kpj": r.kpj, "start": r.start.isoformat(), "file": path.name, "answer": answer}
                activated += 1
            else:
                if status == Status.REFUSED.value:
                    state = lifecycle.derive(lifecycle.loads(life))
                    if state.refusal == r.reason:
                        unchanged += 1
                        continue
                if status != Status.SUBMITTED.value:
                    if status == Status.ACTIVE.value:
                        report(r, QT_TRANSLATE_NOOP("Service", "Peserta ini sudah aktif; penolakan tidak diterapkan."))
                    else:
                        report(r, _not_submitted(status))
                    continue
                events[wid] = {"type": lifecycle.REFUSED, "at": _stamp(now), "by": actor.username,
                               "reason": r.reason[:500], "data": None, "file": path.name, "answer": answer}
                refused += 1
        if apply:
            refused_ids = [wid for wid, event in events.items() if event["type"] == lifecycle.REFUSED]
            for worker in lifecycle_rows.candidates_of(tx, refused_ids):     # the data refused
                events[worker.id]["data"] = lifecycle.fingerprint(worker._asdict())
            _append(tx, ws, actor, events, now)
            audit.record(tx, ws, actor, "answer", path.name,
                         {"activated": activated, "refused": refused, "unchanged": unchanged,
                          "unknown": len(unknown), "answer": answer if events else None})
    sheet_order = {name: n for n, name in enumerate(reading.sheets)}
    unknown.sort(key=lambda u: (sheet_order.get(u.sheet, 0), u.row))
    samples: dict[str, str] = {}
    for r in reading.rows:
        if r.kpj and r.start is not None and r.start_text not in samples and len(samples) < DATE_SAMPLE:
            samples[r.start_text] = r.start.isoformat()
    return AnswerResult(activated, refused, unchanged, unknown, pending, answer if events and apply else None,
                        apply, reading.sheets, reading.ignored, reading.columns, reading.order, reading.basis,
                        tuple(samples.items()), digest, path.name)


def _decisive(rows: list[bpjs.AnswerRow]) -> tuple[list[bpjs.AnswerRow], int, list[Unapplied]]:
    """Each NIK's answer within one file: BPJS's later word wins (a KPJ after a refusal activates), words
    of waiting count only where nothing else is said; two different KPJs or dates, or a refusal after
    the KPJ, are reported. Returns (one row per NIK, NIKs still pending, rows reported)."""
    by_nik: dict[str, list[bpjs.AnswerRow]] = {}
    for r in rows:
        by_nik.setdefault(r.nik, []).append(r)
    decided: list[bpjs.AnswerRow] = []
    conflicts: list[Unapplied] = []
    pending = 0
    for group in by_nik.values():
        said = [r for r in group if not r.pending]
        if not said:
            pending += 1
            continue
        granted = [r for r in said if r.kpj]
        if not granted:
            decided.append(said[-1])
            continue
        if len({(r.kpj, r.start) for r in granted}) > 1:
            conflicts.extend(Unapplied(r.row, TWO_ANSWERS, r.sheet, r.kpj or "") for r in granted)
            continue
        last = granted[-1]
        later = [r for r in said if not r.kpj and r.row > last.row and r.sheet == last.sheet]
        if later:
            conflicts.extend(Unapplied(r.row, REFUSED_AFTER_KPJ, r.sheet) for r in later)
            continue
        decided.append(last)
    return decided, pending, conflicts


def _choose_order_by_plausibility(reading: _Reading, decided: list[bpjs.AnswerRow],
                                  workers: dict[str, tuple[int, str, str | None, str, str]], today: dt.date) -> None:
    """A date column that proves no order was read day-first; where that makes some dates implausible and
    month-first makes every date plausible, the column is month-first (an English-locale Excel's
    ``12/1/2026`` … ``12/9/2026``)."""
    if reading.basis != bpjs.ASSUMED:
        return
    ambiguous = [(n, r) for n, r in enumerate(decided) if r.kpj and len(date_orders(r.start_text)) == 2
                 and r.nik in workers]
    if not ambiguous:
        return
    windows = {r.nik: _window(workers[r.nik][3], today) for _, r in ambiguous}
    if not any(_implausible(r.start, windows[r.nik]) for _, r in ambiguous if r.start):
        return
    other = {n: bpjs.day_from_cell(r.start_text, MONTH_FIRST) for n, r in ambiguous}
    if all(day is not None and not _implausible(day, windows[r.nik]) for (n, r), day in zip(ambiguous, other.values())):
        for n, _r in ambiguous:
            decided[n] = replace(decided[n], start=other[n])
        reading.order, reading.basis = MONTH_FIRST, PLAUSIBLE
        starts = {(r.sheet, r.row): decided[n].start for n, r in ambiguous}
        reading.rows = [replace(r, start=starts[(r.sheet, r.row)]) if (r.sheet, r.row) in starts else r
                        for r in reading.rows]


def _not_submitted(status: str) -> str:
    if status == Status.REFUSED.value:
        return QT_TRANSLATE_NOOP("Service", "Peserta ini sudah ditolak; ajukan lagi setelah diperbaiki.")
    return QT_TRANSLATE_NOOP("Service", "Peserta ini belum diajukan ke BPJS.")
