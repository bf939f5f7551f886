"""Schools whose pupils' parents are enrolled (SD/SMP/SMA/SMK and madrasah MI/MTs/MA)."""

from __future__ import annotations

import dataclasses
import re

from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.text import fold_spaces
from desktop.services import audit, permissions
from desktop.domain.actors import Actor
from desktop.services.errors import ServiceError
from desktop.domain.records import SchoolInfo
from desktop.domain.clock import utcnow
from desktop.services.workspace import Workspace
from desktop.storage import schools
from desktop.storage.database import Tx, tx_of

LEVELS = ("SD", "MI", "SMP", "MTs", "SMA", "MA", "SMK")
_NPSN = re.compile(r"^\d{8}$")


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
    if actor is not None:
        permissions.require(actor, permissions.Action.ADMINISTER)
    npsn, name, level, kabupaten_code = _checked(ws, npsn, name, level, kabupaten_code)
    with ws.write() as tx:
        if schools.by_npsn(tx, npsn) is not None:
            raise ServiceError(QT_TRANSLATE_NOOP("Service", "Sekolah dengan NPSN {npsn} sudah ada."), npsn=npsn)
        school = schools.add(tx, npsn, name, level, kabupaten_code, fold_spaces(coordinator), utcnow())
        if actor is not None:
            audit.record(tx, ws, actor, "create", f"sekolah {npsn}", {"name": name, "level": level})
        return school


def update_school(ws: Workspace, npsn: str, name: str, level: str, kabupaten_code: str, coordinator: str,
                  actor: Actor) -> SchoolInfo:
    """Correct a school's name, level, kabupaten/kota or coordinator (its NPSN stays: records and the
    hub know the school by it). Admin only; the change goes to the audit log."""
    permissions.require(actor, permissions.Action.ADMINISTER)
    npsn, name, level, kabupaten_code = _checked(ws, npsn, name, level, kabupaten_code)
    with ws.write() as tx:
        school = schools.by_npsn(tx, npsn)
        if school is None:
            raise ServiceError(QT_TRANSLATE_NOOP("Service", "Sekolah dengan NPSN {npsn} belum terdaftar."), npsn=npsn)
        wanted = {"name": name, "level": level, "kabupaten_code": kabupaten_code, "coordinator": fold_spaces(coordinator)}
        changed = {k: [getattr(school, k), v] for k, v in wanted.items() if getattr(school, k) != v}
        if changed:
            schools.update(tx, school.id, **wanted)
            audit.record(tx, ws, actor, "edit", f"sekolah {npsn}", changed)
        return dataclasses.replace(school, **wanted)


def list_schools(ws: Workspace) -> list[SchoolInfo]:
    with ws.read() as tx:
        return schools.all_schools(tx)


def ids_for_records(tx: Tx, records) -> dict[str, int]:
    """NPSN -> local school id for the schools synced records name. A school another laptop added and
    this one does not know yet is added from the record (its NPSN, name and kabupaten), so the records
    keep their school here and when they are sent back. Called inside the caller's write (a ``Tx``)."""
    if not isinstance(tx, Tx):   # an ORM session, while sync still opens them (transitional)
        tx = tx_of(tx)
    wanted = {str(r["school_npsn"]): r for r in records if isinstance(r, dict) and r.get("school_npsn")}
    if not wanted:
        return {}
    known = schools.ids(tx, wanted)
    for npsn, record in wanted.items():
        if npsn in known or not _NPSN.match(npsn):
            continue
        name = fold_spaces(str(record.get("school_name") or "")).upper() or f"SEKOLAH NPSN {npsn}"
        first = name.split()[0] if name.split() else ""
        level = next((lv for lv in LEVELS if lv.upper() == first.replace(".", "")), "")
        known[npsn] = schools.add(tx, npsn, name[:160], level, str(record.get("kabupaten_code") or "")[:4], "",
                                  utcnow()).id
    return known
