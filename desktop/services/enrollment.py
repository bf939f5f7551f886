"""Enroll, edit, delete and fetch workers.  Every write is one transaction: all of it or none."""

from __future__ import annotations

import dataclasses

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from desktop.domain import lifecycle
from desktop.domain.enrollment import FIELDS, READ_ONLY_FIELDS, Enrollment, Status, validate
from desktop.domain.messages import QT_TRANSLATE_NOOP, Problem, error
from desktop.domain.nik import clean_nik
from desktop.domain.text import fold_spaces, search_key
from desktop.services import audit, bulk_enroll, permissions
from desktop.domain.actors import Actor
from desktop.services.errors import (
    DuplicateNik, NotFound, PermissionDenied, ServiceError, StaleRevision, ValidationFailed,
)
from desktop.services.records import EnrollOutcome, WorkerRecord
from desktop.domain.clock import utcnow
from desktop.services.workspace import Workspace, bulk_work
from desktop.storage import workers
from desktop.storage.database import tx_of
from desktop.storage.models import School, Worker, WorkerChange

_CHUNK = 500
_ACCEPTED_KEYS = frozenset(FIELDS) | READ_ONLY_FIELDS


def _driver(session: Session):
    """The DB-API connection of the session's transaction, everything the session holds flushed to it."""
    session.flush()
    return session.connection().connection.driver_connection


def _existing_niks(session: Session, niks: Sequence[str], exclude_uuid: str | None = None) -> dict[str, tuple[str, str, str]]:
    """Live records holding any of ``niks``: nik -> (uuid, registration_no, full_name)."""
    return bulk_enroll.existing_niks(_driver(session), niks, exclude_uuid)


DUPLICATE_NIK = bulk_enroll.DUPLICATE_NIK


def _duplicate_problem(regno: str, name: str) -> Problem:
    return error("nik", DUPLICATE_NIK, name=name, regno=regno)


def _school_ids(session: Session, npsns: set[str]) -> dict[str, int]:
    return bulk_enroll.school_ids(_driver(session), npsns) if npsns else {}


def _row_values(e: Enrollment, school_id: int | None) -> dict[str, Any]:
    values = {name: getattr(e, name) for name in FIELDS if name != "school_npsn"}
    values["school_id"] = school_id
    values["name_key"] = search_key(e.full_name)
    return values


def _unknown_keys(raw: Mapping[str, Any]) -> list[Problem]:
    return [error(str(key), QT_TRANSLATE_NOOP("Service", "Kolom \"{key}\" tidak dikenal."), key=key)
            for key in raw if key not in _ACCEPTED_KEYS]


WORKER_INSERT_COLUMNS = bulk_enroll.WORKER_INSERT_COLUMNS


def insert_enrollments(session: Session, ws: Workspace, enrollments: Sequence[Enrollment],
                       schools: Mapping[str, int], actor: Actor, audit_action: str = "create",
                       audit_details: Mapping[str, Any] | None = None) -> list[tuple]:
    """Insert validated enrollments inside the caller's write transaction (``bulk_enroll.Enroller``)
    and log their creation. Returns the stored rows as tuples in ``WORKER_INSERT_COLUMNS`` order."""
    if not enrollments:
        return []
    enroller = bulk_enroll.Enroller(_driver(session), ws, schools, actor)
    rows = enroller.add(enrollments)
    audit.record(session, ws, actor, audit_action, f"{len(rows)} peserta",
                 bulk_enroll.audit_details(enroller, audit_details))
    return rows


def enroll_many(ws: Workspace, raws: Sequence[Mapping[str, Any]], actor: Actor) -> EnrollOutcome:
    """Validate and save every record, or none: raises ``ValidationFailed`` naming each bad one."""
    with bulk_work():
        return _enroll_many(ws, raws, actor)


def _enroll_many(ws: Workspace, raws: Sequence[Mapping[str, Any]], actor: Actor) -> EnrollOutcome:
    permissions.require(actor, permissions.Action.ENROLL)
    ctx = ws.context()
    failures: dict[int, list[Problem]] = {}
    warnings: dict[int, list[Problem]] = {}
    clean: list[tuple[int, Enrollment]] = []
    first_index: dict[str, int] = {}
    for index, raw in enumerate(raws):
        if not isinstance(raw, Mapping):
            failures[index] = [error("-", QT_TRANSLATE_NOOP("Service", "Setiap data harus berupa objek JSON."))]
            continue
        result = validate(raw, ctx)
        problems = result.errors + _unknown_keys(raw)
        if result.enrollment is not None:
            nik = result.enrollment.nik
            if nik in first_index:
                problems.append(error("nik", QT_TRANSLATE_NOOP("Service", "NIK sama dengan data ke-{other} dalam berkas yang sama."), other=first_index[nik] + 1))
            else:
                first_index[nik] = index
        if problems:
            failures[index] = problems
        else:
            enrollment = result.enrollment
            npsn = permissions.school_for(actor, enrollment.school_npsn)   # a coordinator: own school
            if npsn != enrollment.school_npsn:
                enrollment = dataclasses.replace(enrollment, school_npsn=npsn)
            clean.append((index, enrollment))
            if result.warnings:
                warnings[index] = result.warnings

    with ws.session(write=True) as session:
        schools = _school_ids(session, {e.school_npsn for _, e in clean if e.school_npsn})
        taken = _existing_niks(session, [e.nik for _, e in clean])
        for index, e in clean:
            problems = []
            if e.nik in taken:
                _, regno, name = taken[e.nik]
                problems.append(_duplicate_problem(regno, name))
            if e.school_npsn and e.school_npsn not in schools:
                problems.append(error("school_npsn", QT_TRANSLATE_NOOP("Service", "Sekolah dengan NPSN {npsn} belum terdaftar."), npsn=e.school_npsn))
            if problems:
                failures[index] = problems
        if failures:
            raise ValidationFailed(dict(sorted(failures.items())))
        if not clean:
            return EnrollOutcome((), {})

        inserted = insert_enrollments(session, ws, [e for _, e in clean], schools, actor)
        npsn_names = workers.school_names(tx_of(session), set(schools.values()))
        records = tuple(_record_from_values(values | {"enrolled_at": stamp, "updated_at": stamp}, values["id"],
                                            npsn_names)
                        for values in (dict(zip(WORKER_INSERT_COLUMNS, row, strict=True)) for row in inserted)
                        for stamp in (dt.datetime.fromisoformat(values["enrolled_at"]),))
    return EnrollOutcome(records, warnings)


def enroll(ws: Workspace, raw: Mapping[str, Any], actor: Actor) -> WorkerRecord:
    """Enroll one worker; a NIK already enrolled raises ``DuplicateNik`` naming that record."""
    try:
        return enroll_many(ws, [raw], actor).records[0]
    except ValidationFailed as exc:
        problems = exc.failures[0]
        duplicate = next((p for p in problems if p.template == DUPLICATE_NIK), None)
        if duplicate is not None and len(problems) == 1:
            existing = find_by_nik(ws, clean_nik(raw.get("nik")))
            raise DuplicateNik(duplicate.template, existing_id=existing.id if existing else "",
                               **duplicate.params) from None
        raise


def _record_from_values(values: Mapping[str, Any], wid: int, schools: dict[int, tuple[str, str]]) -> WorkerRecord:
    school = schools.get(values.get("school_id"))
    data = {name: values.get(name) for name in WorkerRecord.__dataclass_fields__}
    data.update(id=values["uuid"], school_npsn=school[0] if school else None,
                school_name=school[1] if school else None,
                lifecycle=tuple(lifecycle.loads(values.get("lifecycle"))))
    return WorkerRecord(**data)


def _record(session: Session, worker: Worker) -> WorkerRecord:
    values = {c.key: getattr(worker, c.key) for c in Worker.__table__.columns}
    schools = workers.school_names(tx_of(session), {worker.school_id} if worker.school_id else set())
    return _record_from_values(values, worker.id, schools)


def _load(session: Session, worker_id: str) -> Worker:
    worker = session.scalar(select(Worker).where(Worker.uuid == worker_id))
    if worker is None:
        raise NotFound(QT_TRANSLATE_NOOP("Service", "Data peserta tidak ditemukan."))
    return worker


def get(ws: Workspace, worker_id: str) -> WorkerRecord:
    with ws.session() as session:
        return _record(session, _load(session, worker_id))


def get_by_registration_no(ws: Workspace, registration_no: str) -> WorkerRecord:
    from desktop.domain.regno import normalize_registration_no

    with ws.session() as session:
        worker = session.scalar(select(Worker).where(
            Worker.registration_no == normalize_registration_no(registration_no)))
        if worker is None:
            raise NotFound(QT_TRANSLATE_NOOP("Service", "Tidak ada peserta dengan No. Registrasi {regno}."), regno=registration_no)
        return _record(session, worker)


def find_by_nik(ws: Workspace, nik: str) -> WorkerRecord | None:
    """The live record holding a NIK, if any (for the form's as-you-type duplicate check)."""
    with ws.session() as session:
        worker = session.scalar(select(Worker).where(Worker.nik == clean_nik(nik), Worker.deleted_at.is_(None)))
        return _record(session, worker) if worker else None


def _npsn_of(session: Session, worker: Worker) -> str | None:
    return workers.school_names(tx_of(session), {worker.school_id})[worker.school_id][0] if worker.school_id else None


def _may_edit(session: Session, actor: Actor, worker: Worker) -> None:
    permissions.require_record(actor, worker.enrolled_by, _npsn_of(session, worker))


# Fields whose values identify a person: the audit names them as changed, without the values.
_PERSONAL = frozenset({"nik", "no_kk", "full_name", "birth_place", "birth_date", "address", "phone", "heir_name",
                       "heir_phone", "pupil_name", "desa_code"})


def audit_changes(changes: Mapping[str, list[Any]]) -> dict[str, Any]:
    return {name: ("(diubah)" if name in _PERSONAL else [str(old), str(new)])
            for name, (old, new) in changes.items()}


def _log_change(session: Session, ws: Workspace, worker: Worker, action: str, actor: Actor,
                changes: dict[str, list[Any]], now: dt.datetime) -> None:
    session.add(WorkerChange(worker_id=worker.id, revision=worker.revision, action=action, changed_at=now,
                             changed_by=actor.username, device_id=ws.device.id,
                             changes=json.dumps(changes, default=str, ensure_ascii=False)))


def _check_revision(worker: Worker, base_revision: int | None) -> None:
    if base_revision is not None and worker.revision != base_revision:
        raise StaleRevision(QT_TRANSLATE_NOOP("Service", "Data ini sudah diubah oleh {by} sejak dibuka. Tutup dan buka kembali, lalu ulangi perubahan."),
            by=worker.updated_by)


def update_worker(ws: Workspace, worker_id: str, raw: Mapping[str, Any], actor: Actor,
                  base_revision: int | None = None) -> WorkerRecord:
    """Save an edit; ``base_revision`` is the revision the edit started from."""
    with ws.session(write=True) as session:
        worker = _load(session, worker_id)
        _may_edit(session, actor, worker)
        if worker.deleted_at is not None:
            raise ServiceError(QT_TRANSLATE_NOOP("Service", "Data yang sudah dihapus tidak dapat diubah."))
        _check_revision(worker, base_revision)
        result = validate(raw, ws.context(), reference_date=worker.enrolled_at.date())
        problems = result.errors + _unknown_keys(raw)
        e = result.enrollment
        if e is not None:
            taken = _existing_niks(session, [e.nik], exclude_uuid=worker.uuid)
            if e.nik in taken:
                problems.append(_duplicate_problem(*taken[e.nik][1:]))
        school_id = None
        if e is not None and e.school_npsn:
            school_id = _school_ids(session, {e.school_npsn}).get(e.school_npsn)
            if school_id is None:
                problems.append(error("school_npsn", QT_TRANSLATE_NOOP("Service", "Sekolah dengan NPSN {npsn} belum terdaftar."), npsn=e.school_npsn))
        if problems:
            raise ValidationFailed({0: problems})
        assert e is not None
        if e.school_npsn != _npsn_of(session, worker):
            permissions.school_for(actor, e.school_npsn)     # a coordinator cannot move a record elsewhere
        values = _row_values(e, school_id)
        changes = {k: [getattr(worker, k), v] for k, v in values.items() if getattr(worker, k) != v}
        if changes:
            now = utcnow()
            for key, (_, new) in changes.items():
                setattr(worker, key, new)
            worker.revision += 1
            worker.updated_by, worker.updated_at = actor.username, now
            changes.pop("name_key", None)
            _log_change(session, ws, worker, "update", actor, changes, now)
            audit.record(session, ws, actor, "edit", worker.registration_no, audit_changes(changes))
            session.flush()
        return _record(session, worker)


def delete_worker(ws: Workspace, worker_id: str, reason: str, actor: Actor,
                  base_revision: int | None = None) -> WorkerRecord:
    """Soft delete: the record stays, marked with who, when and why."""
    reason = fold_spaces(reason)
    if len(reason) < 5:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Tuliskan alasan penghapusan (minimal 5 huruf)."))
    with ws.session(write=True) as session:
        worker = _load(session, worker_id)
        _may_edit(session, actor, worker)
        if worker.deleted_at is not None:
            raise ServiceError(QT_TRANSLATE_NOOP("Service", "Data ini sudah dihapus."))
        if worker.status in (Status.SUBMITTED.value, Status.ACTIVE.value) and \
                not permissions.may(actor, permissions.Action.ADMINISTER):
            # BPJS holds the registration: deleting it here cannot undo that, so ending the record is the
            # branch's decision (its events, KPJ and coverage stay in its history, with the reason).
            raise PermissionDenied(QT_TRANSLATE_NOOP(
                "Service", "Peserta ini sudah diajukan ke BPJS atau aktif; hanya admin cabang yang dapat "
                           "menghapusnya (dengan alasan)."))
        _check_revision(worker, base_revision)
        now = utcnow()
        changes = {"status": [worker.status, Status.DELETED.value], "deleted_reason": [None, reason]}
        worker.status = Status.DELETED.value
        worker.deleted_at, worker.deleted_by, worker.deleted_reason = now, actor.username, reason
        worker.revision += 1
        worker.updated_by, worker.updated_at = actor.username, now
        _log_change(session, ws, worker, "delete", actor, changes, now)
        audit.record(session, ws, actor, "delete", worker.registration_no, {"reason": reason})
        session.flush()
        return _record(session, worker)


def history(ws: Workspace, worker_id: str) -> list[dict[str, Any]]:
    """The change log of one worker, oldest first."""
    with ws.session() as session:
        worker = _load(session, worker_id)
        rows = session.scalars(select(WorkerChange).where(WorkerChange.worker_id == worker.id)
                               .order_by(WorkerChange.id))
        return [{"revision": c.revision, "action": c.action, "changed_at": c.changed_at,
                 "changed_by": c.changed_by, "changes": json.loads(c.changes)} for c in rows]


def integrity_ok(ws: Workspace) -> bool:
    """SQLite's own integrity check, and the name index matching the workers table row for row."""
    with ws.session() as session:
        if session.execute(text("PRAGMA integrity_check")).scalar() != "ok":
            return False
        try:
            session.execute(text("INSERT INTO workers_fts(workers_fts, rank) VALUES ('integrity-check', 1)"))
        except DBAPIError:
            return False
        return True
