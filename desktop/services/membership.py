"""From enrolled to protected: submissions to BPJS, BPJS's answer, BAZNAS's payments and renewals.

Every step appends events to the records it concerns (``desktop.domain.lifecycle``) in one
transaction, with one audit entry; status, KPJ number and coverage dates follow from the events. The
records then sync like any edit, and the hub accepts such changes only from the branch's laptops.
Only admin accounts (the branch) may do this.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, or_, select, text, update
from sqlalchemy.orm import Session

from desktop.domain import bpjs, lifecycle
from desktop.domain.contributions import add_month, month_start, monthly_rate
from desktop.domain.enrollment import Asnaf, Funding, Occupation, Relationship, Sex, Status, validate
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.text import add_months, format_date
from desktop.services import audit, permissions
from desktop.services.accounts import Actor
from desktop.services.errors import NotFound, ServiceError
from desktop.services.search import SearchQuery, _filtered
from desktop.services.workspace import Workspace, bulk_work, utcnow
from desktop.storage.models import MembershipBatch, Payment, School, Setting, SyncSkipped, Worker, WorkerChange

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


# --- appending events -----------------------------------------------------------------------------

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
    current: dict[int, tuple[str, int]] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        current.update((wid, (text_, rev)) for wid, text_, rev in session.execute(
            select(Worker.id, Worker.lifecycle, Worker.revision).where(Worker.id.in_(chunk))))
    updates, history = [], []
    for wid, event in events.items():
        old_text, revision = current[wid]
        old = lifecycle.loads(old_text)
        before = lifecycle.derive(old) if old else None
        new = old + [event]
        state = lifecycle.derive(new)
        updates.append((lifecycle.dumps(new), state.status, state.kpj_number,
                        state.coverage_start.isoformat() if state.coverage_start else None,
                        state.coverage_end.isoformat() if state.coverage_end else None,
                        state.batch, revision + 1, actor.username, _sql_time(now), wid))
        changes = {"lifecycle": event["type"]}
        if before is None or before.status != state.status:
            changes["status"] = [before.status if before else "enrolled", state.status]
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


def _next_number(session: Session, ws: Workspace, kind: str) -> str:
    """``AJ-PREFIX-0001`` (a submission) or ``BY-PREFIX-0001`` (a payment): unique across laptops
    because the prefix is this laptop's."""
    key = f"next_{kind}_number"
    session.execute(text("INSERT OR IGNORE INTO settings (key, value) VALUES (:k, '1')"), {"k": key})
    value = session.execute(
        text("UPDATE settings SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = :k RETURNING value"),
        {"k": key}).scalar_one()
    return f"{'AJ' if kind == 'batch' else 'BY'}-{ws.device.prefix}-{int(value) - 1:04d}"


# --- submissions ------------------------------------------------------------------------------------

def _held(session: Session) -> set[str]:
    """Records that may not go to BPJS now: open at the hub's review, or a change the hub refused."""
    held: set[str] = set()
    for key in (REVIEW_SETTING, REFUSED_SETTING):
        row = session.get(Setting, key)
        if row is not None:
            try:
                held.update(json.loads(row.value))
            except ValueError:
                pass
    return held


def _ready_condition():
    return and_(Worker.deleted_at.is_(None), Worker.status.in_((Status.ENROLLED.value, Status.REFUSED.value)))


def _record_values(worker: Worker) -> dict[str, Any]:
    return {c.key: getattr(worker, c.key) for c in Worker.__table__.columns}


@dataclass(frozen=True)
class Readiness:
    ready: list[Worker]
    not_ready: dict[str, int] = field(default_factory=dict)    # reason -> count


def _ready(session: Session, ws: Workspace, query: SearchQuery, limit: int | None) -> Readiness:
    held = _held(session)
    skipped_niks = set(session.scalars(select(SyncSkipped.nik)))
    ctx = ws.context()
    stmt = _filtered(select(Worker), SearchQuery(query.text, query.kabupaten_code, query.school_id)).where(
        _ready_condition()).order_by(Worker.kabupaten_code, Worker.name_key, Worker.id)
    ready: list[Worker] = []
    not_ready: dict[str, int] = {}
    schools = dict(session.execute(select(School.id, School.npsn)).all())
    for worker in session.scalars(stmt):
        reason = None
        if worker.uuid in held:
            reason = "review"
        elif worker.nik in skipped_niks:
            reason = "duplicate"
        elif worker.status == Status.REFUSED.value:
            values = _record_values(worker)
            if not lifecycle.fixed_since_refusal(lifecycle.derive(lifecycle.loads(worker.lifecycle)), values):
                reason = "refused"
        if reason is None:
            raw = _record_values(worker)
            raw["school_npsn"] = schools.get(worker.school_id)
            if not validate(raw, ctx, reference_date=worker.enrolled_at.date()).ok:
                reason = "invalid"
        if reason is not None:
            not_ready[reason] = not_ready.get(reason, 0) + 1
            continue
        ready.append(worker)
        if limit is not None and len(ready) >= limit:
            break
    return Readiness(ready, not_ready)


NOT_READY_LABELS = {
    "review": QT_TRANSLATE_NOOP("Service", "menunggu tinjauan di hub (konflik atau data ganda)"),
    "duplicate": QT_TRANSLATE_NOOP("Service", "kemungkinan data ganda di hub"),
    "refused": QT_TRANSLATE_NOOP("Service", "ditolak BPJS dan belum diperbaiki"),
    "invalid": QT_TRANSLATE_NOOP("Service", "data belum lengkap atau tidak sah"),
}


def count_ready(ws: Workspace, query: SearchQuery = SearchQuery()) -> Readiness:
    with ws.session() as session:
        found = _ready(session, ws, query, None)
        return Readiness([], {**found.not_ready, "ready": len(found.ready)})


def template(ws: Workspace) -> list[tuple[str, str | None]]:
    """The upload's columns: the branch's template when loaded, else Lindung's own."""
    with ws.session() as session:
        row = session.get(Setting, TEMPLATE_SETTING)
    if row is None:
        return [(bpjs.DEFAULT_HEADERS[key], key) for key in bpjs.EXPORT_KEYS]
    return [(header, key) for header, key in json.loads(row.value)]


def load_template(ws: Workspace, path: Path, actor: Actor) -> list[tuple[str, str | None]]:
    """Follow the branch's own upload template (its header row): names and order are remembered."""
    from desktop.services.spreadsheets import read_table

    require_branch(actor)
    table = read_table(Path(path))
    index = bpjs.find_template_header(table.rows)
    if index is None:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Baris judul templat BPJS tidak ditemukan di {name}: "
                                                        "tidak ada kolom NIK, Nama, Tanggal Lahir dan sejenisnya."),
                           name=Path(path).name)
    mapped = bpjs.map_template(table.rows[index])
    if not any(key == "nik" for _, key in mapped):
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Templat BPJS harus memiliki kolom NIK."))
    with ws.session(write=True) as session:
        session.merge(Setting(key=TEMPLATE_SETTING, value=json.dumps(mapped, ensure_ascii=False)))
        audit.record(session, ws, actor, "edit", "templat BPJS", {"columns": len(mapped),
                                                                   "file": Path(path).name})
    return mapped


def reset_template(ws: Workspace, actor: Actor) -> None:
    require_branch(actor)
    with ws.session(write=True) as session:
        row = session.get(Setting, TEMPLATE_SETTING)
        if row is not None:
            session.delete(row)
            audit.record(session, ws, actor, "edit", "templat BPJS", {"reset": True})


def _export_row(worker: Worker, index: int, ws: Workspace, batch: str, months: int) -> dict[str, Any]:
    regions = ws.regions
    occupation = Occupation.parse(worker.occupation)
    relationship = Relationship.parse(worker.heir_relationship)
    funding = Funding.parse(worker.funding_source)
    return {
        "row": index, "nik": worker.nik, "full_name": worker.full_name, "birth_place": worker.birth_place,
        "birth_date": format_date(worker.birth_date), "sex": worker.sex,
        "address": worker.address, "desa_code": worker.desa_code, "desa": regions.name(worker.desa_code),
        "kecamatan_code": worker.kecamatan_code, "kecamatan": regions.name(worker.kecamatan_code),
        "kabupaten_code": worker.kabupaten_code, "kabupaten": regions.name(worker.kabupaten_code),
        "province_code": worker.kabupaten_code[:2], "phone": worker.phone or "",
        "occupation": worker.occupation_other if occupation is Occupation.OTHER else (
            occupation.label if occupation else worker.occupation),
        "monthly_income": worker.monthly_income, "programmes": "JKK, JKM", "months": months,
        "payer": "BAZNAS" if funding in (None, Funding.BAZNAS_ZAKAT) else funding.label,
        "heir_name": worker.heir_name,
        "heir_relationship": relationship.label if relationship else worker.heir_relationship,
        "registration_no": worker.registration_no, "batch": batch,
    }


_TEXT_KEYS = {"nik", "phone", "desa_code", "kecamatan_code", "kabupaten_code", "province_code", "registration_no",
              "birth_date"}


@dataclass(frozen=True)
class BatchResult:
    number: str
    records: int
    path: Path
    not_ready: dict[str, int]


def export_submission(ws: Workspace, out: Path, actor: Actor, query: SearchQuery = SearchQuery(),
                      limit: int | None = None, months: int | None = None,
                      progress: Progress | None = None) -> BatchResult:
    """Write the collective registration spreadsheet for the records ready for BPJS (filtered like the
    list) and record them as one submission batch. Nothing ready: ``ServiceError``."""
    from desktop.services.spreadsheets import ColumnSpec, write_workbook

    require_branch(actor)
    months = months or ws.policy.coverage_months
    if not 1 <= months <= MAX_MONTHS:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Jumlah bulan harus 1 sampai {max}."), max=MAX_MONTHS)
    if limit is not None and limit < 1:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Batas jumlah peserta harus 1 atau lebih."))
    out = Path(out)
    columns = template(ws)
    with bulk_work(), ws.session(write=True) as session:
        found = _ready(session, ws, query, limit)
        if not found.ready:
            raise NothingReady(found.not_ready)
        now = utcnow()
        number = _next_number(session, ws, "batch")
        rows = (_export_row(w, i, ws, number, months) for i, w in enumerate(found.ready, start=1))
        specs = [ColumnSpec(header, width=24 if key in ("full_name", "address") else 16,
                            text=key in _TEXT_KEYS) for header, key in columns]
        write_workbook(out, specs, ([row.get(key, "") if key else "" for _, key in columns] for row in rows))
        event = {"type": lifecycle.SUBMITTED, "at": _stamp(now), "by": actor.username, "batch": number,
                 "months": months}
        _append(session, ws, actor, {w.id: dict(event) for w in found.ready}, now)
        filters = {k: v for k, v in (("kabupaten", query.kabupaten_code), ("school_id", query.school_id),
                                     ("query", query.text or None), ("limit", limit)) if v}
        session.add(MembershipBatch(number=number, created_at=now, created_by=actor.username,
                                    device_id=ws.device.id, months=months, record_count=len(found.ready),
                                    filters=json.dumps(filters), file_name=out.name))
        audit.record(session, ws, actor, "submit", number, {"records": len(found.ready), "months": months,
                                                             "file": out.name, **filters})
    return BatchResult(number, len(found.ready), out, found.not_ready)


class NothingReady(ServiceError):
    def __init__(self, not_ready: Mapping[str, int]):
        super().__init__(QT_TRANSLATE_NOOP("Service", "Tidak ada peserta yang siap diajukan ke BPJS{detail}."),
                         detail=(" (" + ", ".join(f"{n} {key}" for key, n in sorted(not_ready.items())) + ")")
                         if not_ready else "")
        self.not_ready = dict(not_ready)


# --- BPJS's answer ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class AnswerResult:
    activated: int
    refused: int
    unchanged: int
    unknown: list[tuple[int, str]]       # (spreadsheet row, reason in Indonesian) — reported, not applied

    def to_json(self) -> dict[str, Any]:
        return {"activated": self.activated, "refused": self.refused, "unchanged": self.unchanged,
                "unknown": [{"row": row, "reason": reason} for row, reason in self.unknown]}


def _answer_rows(path: Path) -> list[bpjs.AnswerRow]:
    from desktop.services.spreadsheets import read_table

    table = read_table(Path(path))
    found = bpjs.find_answer_header(table.rows)
    if found is None:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Berkas {name} bukan jawaban BPJS yang dikenal: perlu kolom "
                                                        "NIK dan kolom KPJ (No KPJ, Nomor Peserta) atau Keterangan."),
                           name=Path(path).name)
    index, mapping = found
    rows = []
    for number, row in enumerate(table.rows[index + 1:], start=index + 2):
        answer = bpjs.read_answer_row(number, row, mapping)
        if answer is not None:
            rows.append(answer)
    return rows


def import_answer(ws: Workspace, path: Path, actor: Actor) -> AnswerResult:
    """Apply BPJS's answer: an 11-digit KPJ with its date activates the submitted worker with that NIK;
    a reason without a KPJ marks them refused. Unknown NIKs and KPJ numbers held by someone else are
    reported and never applied; the same file twice changes nothing the second time."""
    require_branch(actor)
    rows = _answer_rows(path)
    unknown: list[tuple[int, str]] = [(r.row, r.problem) for r in rows if r.problem]
    good = [r for r in rows if not r.problem]
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
        now = utcnow()
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
                if status != Status.SUBMITTED.value:
                    unknown.append((r.row, _not_submitted(status)))
                    continue
                seen_kpj[r.kpj] = r.nik
                events[wid] = {"type": lifecycle.ACTIVATED, "at": _stamp(now), "by": actor.username,
                               "kpj": r.kpj, "start": r.start.isoformat(), "file": Path(path).name}
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
                               "file": Path(path).name}
                refused += 1
        _append(session, ws, actor, events, now)
        audit.record(session, ws, actor, "answer", Path(path).name,
                     {"activated": activated, "refused": refused, "unchanged": unchanged, "unknown": len(unknown)})
    unknown.sort()
    return AnswerResult(activated, refused, unchanged, unknown)


def _not_submitted(status: str) -> str:
    if status == Status.REFUSED.value:
        return QT_TRANSLATE_NOOP("Service", "Peserta ini sudah ditolak; ajukan lagi setelah diperbaiki.")
    return QT_TRANSLATE_NOOP("Service", "Peserta ini belum diajukan ke BPJS.")


# --- payments and coverage ---------------------------------------------------------------------------

def owed_for(occupation: str, first_month: dt.date, months: int) -> int:
    """Rupiah owed for one worker for ``months`` months from ``first_month`` (dated rates, PP 50/2025)."""
    month = month_start(first_month)
    total = 0
    for _ in range(months):
        jkk, jkm = monthly_rate(month, occupation)
        total += jkk + jkm
        month = add_month(month)
    return total


@dataclass(frozen=True)
class PaymentResult:
    number: str
    records: int
    months: int
    amount_owed: int
    amount_paid: int | None
    skipped: dict[str, int]               # why some records of the batch were not paid for: reason -> count

    @property
    def difference(self) -> int | None:
        return None if self.amount_paid is None else self.amount_paid - self.amount_owed


def _first_covered_month(status: str, start: dt.date | None, end: dt.date | None, today: dt.date) -> tuple[dt.date, str | None]:
    """The first month a new payment covers, and the ``from`` date when coverage restarts after a gap."""
    if start is None:
        return today, None
    if end is None:
        return start, None
    following = end + dt.timedelta(days=1)
    if following < today:             # it ran out: paid again from today
        return today, today.isoformat()
    return following, None


def _pay(session: Session, ws: Workspace, actor: Actor, ids: Sequence[int], months: int, reference: str,
         amount: int | None, batch_no: str | None, renewal: bool) -> PaymentResult:
    now = utcnow()
    today = ws.today
    rows = []
    for start in range(0, len(ids), _CHUNK):
        rows += session.execute(select(Worker.id, Worker.status, Worker.occupation, Worker.coverage_start,
                                       Worker.coverage_end, Worker.deleted_at)
                                .where(Worker.id.in_(ids[start:start + _CHUNK]))).all()
    skipped: dict[str, int] = {}
    number = _next_number(session, ws, "payment")
    events: dict[int, dict[str, Any]] = {}
    owed = 0
    for wid, status, occupation, cov_start, cov_end, deleted_at in rows:
        if deleted_at is not None or status not in (Status.SUBMITTED.value, Status.ACTIVE.value):
            reason = "deleted" if deleted_at is not None else status
            skipped[reason] = skipped.get(reason, 0) + 1
            continue
        first, restart = _first_covered_month(status, cov_start, cov_end, today)
        amount_for = owed_for(occupation, first, months)
        owed += amount_for
        event = {"type": lifecycle.PAID, "at": _stamp(now), "by": actor.username, "payment": number,
                 "months": months, "amount": amount_for}
        if reference:
            event["reference"] = reference
        if restart:
            event["from"] = restart
        events[wid] = event
    if not events:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Tidak ada peserta yang dapat dibayar: hanya peserta yang "
                                                        "sudah diajukan atau aktif."))
    _append(session, ws, actor, events, now)
    session.add(Payment(number=number, batch_no=batch_no, created_at=now, created_by=actor.username,
                        device_id=ws.device.id, months=months, record_count=len(events), amount_owed=owed,
                        amount_paid=amount, reference=reference, renewal=renewal))
    audit.record(session, ws, actor, "payment", number, {
        "batch": batch_no, "records": len(events), "months": months, "owed": owed, "paid": amount,
        "reference": reference, "renewal": renewal})
    return PaymentResult(number, len(events), months, owed, amount, skipped)


def _check_payment_args(months: int, amount: int | None) -> None:
    if not 1 <= months <= MAX_MONTHS:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Jumlah bulan harus 1 sampai {max}."), max=MAX_MONTHS)
    if amount is not None and amount < 0:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Jumlah pembayaran tidak boleh negatif."))


def add_payment(ws: Workspace, actor: Actor, months: int, batch: str | None = None,
                registration_nos: Sequence[str] = (), reference: str = "", amount: int | None = None) -> PaymentResult:
    """BAZNAS paid the contributions of a batch (or of a list of registration numbers) for ``months``
    months. The amount owed follows the dated rates; a different amount paid is kept and stated."""
    require_branch(actor)
    _check_payment_args(months, amount)
    if not batch and not registration_nos:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Sebutkan batch atau daftar No. Registrasi yang dibayar."))
    with bulk_work(), ws.session(write=True) as session:
        if batch:
            ids = list(session.scalars(select(Worker.id).where(Worker.batch_no == batch)))
            if not ids:
                raise NotFound(QT_TRANSLATE_NOOP("Service", "Batch {batch} tidak dikenal."), batch=batch)
        else:
            from desktop.domain.regno import normalize_registration_no

            wanted = [normalize_registration_no(r) for r in registration_nos]
            ids = []
            for start in range(0, len(wanted), _CHUNK):
                ids += session.scalars(select(Worker.id).where(
                    Worker.registration_no.in_(wanted[start:start + _CHUNK])))
            if len(ids) != len(set(wanted)):
                raise NotFound(QT_TRANSLATE_NOOP("Service", "{n} No. Registrasi tidak dikenal."),
                               n=len(set(wanted)) - len(ids))
        return _pay(session, ws, actor, ids, months, reference.strip()[:200], amount, batch, renewal=False)


def expiring_condition(today: dt.date, days: int):
    """Active records whose coverage ends within ``days`` days (or has already ended)."""
    return and_(Worker.deleted_at.is_(None), Worker.status == Status.ACTIVE.value,
                Worker.coverage_end.is_not(None), Worker.coverage_end <= today + dt.timedelta(days=days))


def renew(ws: Workspace, actor: Actor, days: int, months: int, query: SearchQuery = SearchQuery(),
          reference: str = "", amount: int | None = None) -> PaymentResult:
    """One step: pay again for everyone whose coverage ends within ``days`` days (filtered like the list)."""
    require_branch(actor)
    _check_payment_args(months, amount)
    with bulk_work(), ws.session(write=True) as session:
        ids = list(session.scalars(_filtered(select(Worker.id), SearchQuery(
            query.text, query.kabupaten_code, query.school_id)).where(expiring_condition(ws.today, days))))
        if not ids:
            raise ServiceError(QT_TRANSLATE_NOOP("Service", "Tidak ada peserta yang perlindungannya berakhir "
                                                            "dalam {days} hari."), days=days)
        return _pay(session, ws, actor, ids, months, reference.strip()[:200], amount, None, renewal=True)


# --- what the branch sees -------------------------------------------------------------------------

@dataclass(frozen=True)
class BatchInfo:
    number: str
    created_at: dt.datetime | None
    created_by: str
    months: int | None
    total: int
    by_status: dict[str, int]     # effective status today -> count
    paid_months: int              # months paid by payments recorded for this batch (here)


def status_case(today: dt.date):
    """The status on ``today`` as SQL (``ended`` for an active record whose coverage ran out)."""
    from sqlalchemy import case

    return case((and_(Worker.status == Status.ACTIVE.value, Worker.coverage_end.is_not(None),
                      Worker.coverage_end < today), Status.ENDED.value), else_=Worker.status)


def batches(ws: Workspace) -> list[BatchInfo]:
    """Every submission batch any branch laptop made (from the records), newest first."""
    today = ws.today
    with ws.session() as session:
        counts: dict[str, dict[str, int]] = {}
        for batch_no, status, n in session.execute(
                select(Worker.batch_no, status_case(today), func.count()).where(
                    Worker.batch_no.is_not(None), Worker.deleted_at.is_(None)).group_by(Worker.batch_no, status_case(today))):
            counts.setdefault(batch_no, {})[status] = n
        local = {b.number: b for b in session.scalars(select(MembershipBatch))}
        paid: dict[str, int] = {}
        for batch_no, months in session.execute(select(Payment.batch_no, func.sum(Payment.months))
                                                .where(Payment.batch_no.is_not(None)).group_by(Payment.batch_no)):
            paid[batch_no] = int(months or 0)
        first_seen: dict[str, tuple[str, str]] = {}
        for number in counts:
            if number not in local:
                life = session.scalar(select(Worker.lifecycle).where(Worker.batch_no == number).limit(1))
                for event in lifecycle.loads(life):
                    if event.get("type") == lifecycle.SUBMITTED and event.get("batch") == number:
                        first_seen[number] = (event.get("at", ""), event.get("by", ""))
                        break
    out = []
    for number, by_status in counts.items():
        mine = local.get(number)
        if mine is not None:
            created_at, created_by, months = mine.created_at, mine.created_by, mine.months
        else:
            at, created_by = first_seen.get(number, ("", ""))
            try:
                created_at = dt.datetime.fromisoformat(at.rstrip("Z")) if at else None
            except ValueError:
                created_at = None
            months = None
        out.append(BatchInfo(number, created_at, created_by, months, sum(by_status.values()), by_status,
                             paid.get(number, 0)))
    out.sort(key=lambda b: (b.created_at or dt.datetime.min, b.number), reverse=True)
    return out


@dataclass(frozen=True)
class PaymentInfo:
    number: str
    batch_no: str | None
    created_at: dt.datetime
    created_by: str
    months: int
    records: int
    amount_owed: int
    amount_paid: int | None
    reference: str
    renewal: bool


def payments(ws: Workspace) -> list[PaymentInfo]:
    with ws.session() as session:
        return [PaymentInfo(p.number, p.batch_no, p.created_at, p.created_by, p.months, p.record_count,
                            p.amount_owed, p.amount_paid, p.reference, p.renewal)
                for p in session.scalars(select(Payment).order_by(Payment.id.desc()))]


def pipeline_counts(ws: Workspace, group_by: str = "kabupaten") -> dict[str, dict[str, int]]:
    """Per kabupaten code (or school NPSN): enrolled, submitted, active, refused, ending within 30 days,
    ended — on the workspace's today."""
    today = ws.today
    column = Worker.kabupaten_code if group_by == "kabupaten" else School.npsn
    soon = and_(Worker.status == Status.ACTIVE.value, Worker.coverage_end.is_not(None),
                Worker.coverage_end >= today, Worker.coverage_end <= today + dt.timedelta(days=30))
    from sqlalchemy import case

    stmt = (select(column, status_case(today), func.count(), func.sum(case((soon, 1), else_=0)))
            .select_from(Worker).where(Worker.deleted_at.is_(None)).group_by(column, status_case(today)))
    if group_by != "kabupaten":
        stmt = stmt.join(School, School.id == Worker.school_id)
    out: dict[str, dict[str, int]] = {}
    with ws.session() as session:
        for key, status, n, ending in session.execute(stmt):
            row = out.setdefault(key, {s: 0 for s in ("enrolled", "submitted", "active", "refused", "ending", "ended")})
            row[status] = row.get(status, 0) + n
            row["ending"] += int(ending or 0)
    return out


def events_of(ws: Workspace, worker_id: str) -> list[dict[str, Any]]:
    """A record's BPJS/BAZNAS events, oldest first (for its page)."""
    with ws.session() as session:
        life = session.scalar(select(Worker.lifecycle).where(Worker.uuid == worker_id))
        if life is None:
            raise NotFound(QT_TRANSLATE_NOOP("Service", "Data peserta tidak ditemukan."))
        return lifecycle.loads(life)


def describe_event(event: Mapping[str, Any]) -> str:
    """One line (Indonesian) for a record's history."""
    kind = event.get("type")
    if kind == lifecycle.SUBMITTED:
        return f"diajukan ke BPJS dalam batch {event.get('batch')} ({event.get('months')} bulan)"
    if kind == lifecycle.ACTIVATED:
        start = event.get("start")
        return f"aktif: KPJ {event.get('kpj')} sejak {format_date(dt.date.fromisoformat(start)) if start else '?'}"
    if kind == lifecycle.REFUSED:
        return f"ditolak BPJS: {event.get('reason')}"
    if kind == lifecycle.PAID:
        line = f"dibayar BAZNAS {event.get('months')} bulan ({event.get('payment')})"
        if event.get("from"):
            line += f", mulai lagi {format_date(dt.date.fromisoformat(event['from']))}"
        return line
    return str(kind)


# --- BAZNAS's distribution records ----------------------------------------------------------------

def baznas_report(ws: Workspace, out: Path, actor: Actor, date_from: dt.date, date_to: dt.date) -> tuple[int, int]:
    """Per recipient (mustahik), what BAZNAS paid for them between two dates (payments recorded then), with
    their asnaf, for BAZNAS's distribution records. Returns (recipients, total rupiah)."""
    from desktop.services.spreadsheets import ColumnSpec, write_workbook

    permissions.require(actor, permissions.Action.REPORT)
    lo, hi = date_from.isoformat(), (date_to + dt.timedelta(days=1)).isoformat()
    rows: list[list[Any]] = []
    total = 0
    with ws.session() as session:
        found = session.execute(
            select(Worker.registration_no, Worker.kpj_number, Worker.nik, Worker.full_name, Worker.asnaf,
                   Worker.kabupaten_code, Worker.lifecycle)
            .where(Worker.lifecycle.like('%"paid"%')).order_by(Worker.kabupaten_code, Worker.name_key))
        for regno, kpj, nik, name, asnaf, kab, life in found:
            paid = [e for e in lifecycle.loads(life) if e.get("type") == lifecycle.PAID
                    and lo <= str(e.get("at", ""))[:10] < hi]
            if not paid:
                continue
            amount = sum(int(e.get("amount") or 0) for e in paid)
            months = sum(int(e.get("months") or 0) for e in paid)
            total += amount
            label = Asnaf.parse(asnaf)
            rows.append([len(rows) + 1, regno, kpj or "", nik, name, label.label if label else asnaf,
                         ws.regions.name(kab), ", ".join(sorted({str(e.get("payment")) for e in paid})), months,
                         amount, format_date(dt.date.fromisoformat(str(paid[-1]["at"])[:10])),
                         "; ".join(sorted({str(e["reference"]) for e in paid if e.get("reference")}))])
    if not rows:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Tidak ada pembayaran BAZNAS antara {start} dan {end}."),
                           start=format_date(date_from), end=format_date(date_to))
    columns = [ColumnSpec("No", 6), ColumnSpec("No. Registrasi", 18, text=True), ColumnSpec("No. KPJ", 14, text=True),
               ColumnSpec("NIK", 18, text=True), ColumnSpec("Nama Mustahik", 28), ColumnSpec("Asnaf", 12),
               ColumnSpec("Kabupaten/Kota", 22), ColumnSpec("Pembayaran", 18), ColumnSpec("Bulan", 8),
               ColumnSpec("Jumlah (Rp)", 14), ColumnSpec("Tanggal Bayar", 13), ColumnSpec("Referensi", 24)]
    by_asnaf: dict[str, list[int]] = {}
    for row in rows:
        entry = by_asnaf.setdefault(row[5], [0, 0])
        entry[0] += 1
        entry[1] += row[9]
    write_workbook(Path(out), columns, rows, extra_sheets={"Per Asnaf": (
        ["Asnaf", "Mustahik", "Jumlah (Rp)"],
        [[k, str(v[0]), str(v[1])] for k, v in sorted(by_asnaf.items())] + [["Jumlah", str(len(rows)), str(total)]])})
    audit.log(ws, actor, "export", Path(out).name, {"what": "penyaluran BAZNAS", "from": date_from.isoformat(),
                                                   "to": date_to.isoformat(), "rows": len(rows)})
    return len(rows), total
