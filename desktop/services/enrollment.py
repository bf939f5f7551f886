"""Enroll, edit, delete and fetch workers.  Every write is one unit of work (``Workspace.write``): all
of it or none. The statements and the row <-> record mapping are ``storage.workers``'s."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

from desktop.domain.actors import Actor
from desktop.domain.clock import utcnow
from desktop.domain.enrollment import FIELDS, READ_ONLY_FIELDS, Enrollment, Status, validate
from desktop.domain.messages import QT_TRANSLATE_NOOP, Problem, error
from desktop.domain.nik import clean_nik
from desktop.domain.records import EnrollOutcome, WorkerRecord
from desktop.domain.text import fold_spaces, search_key
from desktop.services import audit, bulk_enroll, permissions
from desktop.services.errors import (
    DuplicateNik, NotFound, PermissionDenied, ServiceError, StaleRevision, ValidationFailed,
)
from desktop.services.workspace import Workspace, bulk_work
from desktop.storage import workers
from desktop.storage.database import Tx

_ACCEPTED_KEYS = frozenset(FIELDS) | READ_ONLY_FIELDS
DUPLICATE_NIK = bulk_enroll.DUPLICATE_NIK
WORKER_INSERT_COLUMNS = bulk_enroll.WORKER_INSERT_COLUMNS


def _duplicate_problem(regno: str, name: str) -> Problem:
    return error("nik", DUPLICATE_NIK, name=name, regno=regno)


def _row_values(e: Enrollment, school_id: int | None) -> dict[str, Any]:
    values = {name: getattr(e, name) for name in FIELDS if name != "school_npsn"}
    values["school_id"] = school_id
    values["name_key"] = search_key(e.full_name)
    return values


def _unknown_keys(raw: Mapping[str, Any]) -> list[Problem]:
    return [error(str(key), QT_TRANSLATE_NOOP("Service", "Kolom \"{key}\" tidak dikenal."), key=key)
            for key in raw if key not in _ACCEPTED_KEYS]


def insert_enrollments(tx: Tx, ws: Workspace, enrollments: Sequence[Enrollment],
                       schools: Mapping[str, int], actor: Actor, audit_action: str = "create",
                       audit_details: Mapping[str, Any] | None = None) -> list[tuple]:
    """Insert validated enrollments inside the caller's write unit of work (``bulk_enroll.Enroller``)
    and log their creation. Returns the stored rows as tuples in ``WORKER_INSERT_COLUMNS`` order."""
    if not enrollments:
        return []
    enroller = bulk_enroll.Enroller(tx, ws, schools, actor)
    rows = enroller.add(enrollments)
    audit.record(tx, ws, actor, audit_action, f"{len(rows)} peserta",
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
                enrollment = enrollment._replace(school_npsn=npsn)
            clean.append((index, enrollment))
            if result.warnings:
                warnings[index] = result.warnings

    with ws.write() as tx:
        schools = bulk_enroll.school_ids(tx, {e.school_npsn for _, e in clean if e.school_npsn})
        taken = workers.existing_niks(tx, [e.nik for _, e in clean])
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

        inserted = insert_enrollments(tx, ws, [e for _, e in clean], schools, actor)
        records = tuple(workers.inserted_records(tx, inserted))
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


def _load(tx: Tx, worker_id: str) -> workers.Stored:
    stored = workers.by_uuid(tx, worker_id)
    if stored is None:
        raise NotFound(QT_TRANSLATE_NOOP("Service", "Data peserta tidak ditemukan."))
    return stored


def get(ws: Workspace, worker_id: str) -> WorkerRecord:
    with ws.read() as tx:
        return _load(tx, worker_id).record


def get_by_registration_no(ws: Workspace, registration_no: str) -> WorkerRecord:
    from desktop.domain.regno import normalize_registration_no

    with ws.read() as tx:
        stored = workers.by_registration_no(tx, normalize_registration_no(registration_no))
    if stored is None:
        raise NotFound(QT_TRANSLATE_NOOP("Service", "Tidak ada peserta dengan No. Registrasi {regno}."), regno=registration_no)
    return stored.record


def find_by_nik(ws: Workspace, nik: str) -> WorkerRecord | None:
    """The live record holding a NIK, if any (for the form's as-you-type duplicate check)."""
    with ws.read() as tx:
        stored = workers.live_by_nik(tx, clean_nik(nik))
    return stored.record if stored else None


def _may_edit(actor: Actor, worker: WorkerRecord) -> None:
    permissions.require_record(actor, worker.enrolled_by, worker.school_npsn)


# Fields whose values identify a person: the audit names them as changed, without the values.
_PERSONAL = frozenset({"nik", "no_kk", "full_name", "birth_place", "birth_date", "address", "phone", "heir_name",
                       "heir_phone", "pupil_name", "desa_code"})


def audit_changes(changes: Mapping[str, list[Any]]) -> dict[str, Any]:
    return {name: ("(diubah)" if name in _PERSONAL else [str(old), str(new)])
            for name, (old, new) in changes.items()}


def _log_change(tx: Tx, ws: Workspace, stored: workers.Stored, revision: int, action: str, actor: Actor,
                changes: dict[str, list[Any]], now: dt.datetime) -> None:
    workers.add_changes(tx, [(stored.rowid, revision, action, now, actor.username, ws.device.id,
                              json.dumps(changes, default=str, ensure_ascii=False))])


def _check_revision(worker: WorkerRecord, base_revision: int | None) -> None:
    if base_revision is not None and worker.revision != base_revision:
        raise StaleRevision(QT_TRANSLATE_NOOP("Service", "Data ini sudah diubah oleh {by} sejak dibuka. Tutup dan buka kembali, lalu ulangi perubahan."),
            by=worker.updated_by)


def _stored_value(stored: workers.Stored, name: str) -> Any:
    """A worker's current value of a column an edit may change."""
    if name == "school_id":
        return stored.school_id
    if name == "name_key":
        return stored.name_key
    return getattr(stored.record, name)


def update_worker(ws: Workspace, worker_id: str, raw: Mapping[str, Any], actor: Actor,
                  base_revision: int | None = None) -> WorkerRecord:
    """Save an edit; ``base_revision`` is the revision the edit started from."""
    with ws.write() as tx:
        stored = _load(tx, worker_id)
        worker = stored.record
        _may_edit(actor, worker)
        if worker.deleted_at is not None:
            raise ServiceError(QT_TRANSLATE_NOOP("Service", "Data yang sudah dihapus tidak dapat diubah."))
        _check_revision(worker, base_revision)
        result = validate(raw, ws.context(), reference_date=worker.enrolled_at.date())
        problems = result.errors + _unknown_keys(raw)
        e = result.enrollment
        if e is not None:
            taken = workers.existing_niks(tx, [e.nik], exclude_uuid=worker.id)
            if e.nik in taken:
                problems.append(_duplicate_problem(*taken[e.nik][1:]))
        school_id = None
        if e is not None and e.school_npsn:
            school_id = bulk_enroll.school_ids(tx, {e.school_npsn}).get(e.school_npsn)
            if school_id is None:
                problems.append(error("school_npsn", QT_TRANSLATE_NOOP("Service", "Sekolah dengan NPSN {npsn} belum terdaftar."), npsn=e.school_npsn))
        if problems:
            raise ValidationFailed({0: problems})
        assert e is not None
        if e.school_npsn != worker.school_npsn:
            permissions.school_for(actor, e.school_npsn)     # a coordinator cannot move a record elsewhere
        values = _row_values(e, school_id)
        changes = {k: [old, v] for k, v in values.items() if (old := _stored_value(stored, k)) != v}
        if not changes:
            return worker
        now = utcnow()
        revision = worker.revision + 1
        workers.update(tx, stored.rowid, {key: new for key, (_, new) in changes.items()}
                       | {"revision": revision, "updated_by": actor.username, "updated_at": now})
        changes.pop("name_key", None)
        _log_change(tx, ws, stored, revision, "update", actor, changes, now)
        audit.record(tx, ws, actor, "edit", worker.registration_no, audit_changes(changes))
        return _load(tx, worker_id).record


def delete_worker(ws: Workspace, worker_id: str, reason: str, actor: Actor,
                  base_revision: int | None = None) -> WorkerRecord:
    """Soft delete: the record stays, marked with who, when and why."""
    reason = fold_spaces(reason)
    if len(reason) < 5:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Tuliskan alasan penghapusan (minimal 5 huruf)."))
    with ws.write() as tx:
        stored = _load(tx, worker_id)
        worker = stored.record
        _may_edit(actor, worker)
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
        revision = worker.revision + 1
        changes = {"status": [worker.status, Status.DELETED.value], "deleted_reason": [None, reason]}
        workers.update(tx, stored.rowid, {
            "status": Status.DELETED.value, "deleted_at": now, "deleted_by": actor.username,
            "deleted_reason": reason, "revision": revision, "updated_by": actor.username, "updated_at": now})
        _log_change(tx, ws, stored, revision, "delete", actor, changes, now)
        audit.record(tx, ws, actor, "delete", worker.registration_no, {"reason": reason})
        return _load(tx, worker_id).record


def history(ws: Workspace, worker_id: str) -> list[dict[str, Any]]:
    """The change log of one worker, oldest first."""
    with ws.read() as tx:
        rows = workers.history(tx, _load(tx, worker_id).rowid)
    return [{"revision": revision, "action": action, "changed_at": at, "changed_by": by,
             "changes": json.loads(changes)} for revision, action, at, by, changes in rows]


def integrity_ok(ws: Workspace) -> bool:
    """SQLite's own integrity check, and the name index matching the workers table row for row."""
    with ws.read() as tx:
        return workers.integrity_ok(tx)
