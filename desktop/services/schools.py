"""Schools whose pupils' parents are enrolled (SD/SMP/SMA/SMK and madrasah MI/MTs/MA)."""

from __future__ import annotations

import re

from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.text import fold_spaces
from desktop.services import audit, permissions
from desktop.domain.actors import Actor
from desktop.services.errors import ServiceError
from desktop.services.records import SchoolInfo
from desktop.domain.clock import utcnow
from desktop.services.workspace import Workspace

LEVELS = ("SD", "MI", "SMP", "MTs", "SMA", "MA", "SMK")
_NPSN = re.compile(r"^\d{8}$")


def _info(s) -> SchoolInfo:
    return SchoolInfo(s.id, s.npsn, s.name, s.level, s.kabupaten_code, s.coordinator)


def _checked(ws: Workspace, npsn: str, name: str, level: str, kabupaten_code: str) -> tuple[str, str, str, str]:
    npsn, name = fold_spaces(npsn), fold_spaces(name).upper()
    level = next((lv for lv in LEVELS if lv.lower() == fold_spaces(level).lower()), "")
    if not _NPSN.match(npsn):
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "NPSN harus 8 digit angka."))
    if not name:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Nama sekolah wajib diisi."))
    if not level:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Jenjang sekolah harus salah satu dari {levels}."),
                           levels=", ".join(LEVELS))
    region = ws.regions.get(kabupaten_code)
    if region is None or len(region.code) != 4:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Kode kabupaten/kota {code} tidak dikenal."),
                           code=kabupaten_code)
    return npsn, name, level, region.code


def add_school(ws: Workspace, npsn: str, name: str, level: str, kabupaten_code: str,
               coordinator: str = "", actor: Actor | None = None) -> SchoolInfo:
    """A new school; ``actor`` (the window's user) must be an admin."""
    from sqlalchemy import select

    from desktop.storage.models import School

    if actor is not None:
        permissions.require(actor, permissions.Action.ADMINISTER)
    npsn, name, level, kabupaten_code = _checked(ws, npsn, name, level, kabupaten_code)
    with ws.session(write=True) as session:
        if session.scalar(select(School).where(School.npsn == npsn)) is not None:
            raise ServiceError(QT_TRANSLATE_NOOP("Service", "Sekolah dengan NPSN {npsn} sudah ada."), npsn=npsn)
        school = School(npsn=npsn, name=name, level=level, kabupaten_code=kabupaten_code,
                        coordinator=fold_spaces(coordinator), created_at=utcnow())
        session.add(school)
        session.flush()
        if actor is not None:
            audit.record(session, ws, actor, "create", f"sekolah {npsn}", {"name": name, "level": level})
        return _info(school)


def update_school(ws: Workspace, npsn: str, name: str, level: str, kabupaten_code: str, coordinator: str,
                  actor: Actor) -> SchoolInfo:
    """Correct a school's name, level, kabupaten/kota or coordinator (its NPSN stays: records and the
    hub know the school by it). Admin only; the change goes to the audit log."""
    from sqlalchemy import select

    from desktop.storage.models import School

    permissions.require(actor, permissions.Action.ADMINISTER)
    npsn, name, level, kabupaten_code = _checked(ws, npsn, name, level, kabupaten_code)
    with ws.session(write=True) as session:
        school = session.scalar(select(School).where(School.npsn == npsn))
        if school is None:
            raise ServiceError(QT_TRANSLATE_NOOP("Service", "Sekolah dengan NPSN {npsn} belum terdaftar."), npsn=npsn)
        wanted = {"name": name, "level": level, "kabupaten_code": kabupaten_code, "coordinator": fold_spaces(coordinator)}
        changed = {k: [getattr(school, k), v] for k, v in wanted.items() if getattr(school, k) != v}
        for key, (_old, new) in changed.items():
            setattr(school, key, new)
        if changed:
            audit.record(session, ws, actor, "edit", f"sekolah {npsn}", changed)
        session.flush()
        return _info(school)


def list_schools(ws: Workspace) -> list[SchoolInfo]:
    with ws.read() as db:   # through the driver: `lindung school list` needs no SQLAlchemy
        return [SchoolInfo(*row) for row in db.execute(
            "SELECT id, npsn, name, level, kabupaten_code, coordinator FROM schools ORDER BY name")]


def ids_for_records(tx, records) -> dict[str, int]:
    """NPSN -> local school id for the schools synced records name. A school another laptop added and
    this one does not know yet is added from the record (its NPSN, name and kabupaten), so the records
    keep their school here and when they are sent back. ``tx``: the sync's write unit of work."""
    from desktop.storage.codec import sql_datetime

    wanted = {str(r["school_npsn"]): r for r in records if isinstance(r, dict) and r.get("school_npsn")}
    if not wanted:
        return {}
    npsns = list(wanted)
    known = dict(tx.all(f"SELECT npsn, id FROM schools WHERE npsn IN ({', '.join('?' * len(npsns))})", npsns))
    for npsn, record in wanted.items():
        if npsn in known or not _NPSN.match(npsn):
            continue
        name = fold_spaces(str(record.get("school_name") or "")).upper() or f"SEKOLAH NPSN {npsn}"
        first = name.split()[0] if name.split() else ""
        level = next((lv for lv in LEVELS if lv.upper() == first.replace(".", "")), "")
        known[npsn] = tx.insert(
            "INSERT INTO schools (npsn, name, level, kabupaten_code, coordinator, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (npsn, name[:160], level, str(record.get("kabupaten_code") or "")[:4], "", sql_datetime(utcnow())))
    return known
