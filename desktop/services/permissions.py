"""Who may do what, enforced here in the services (the window only hides what would be refused).

- volunteer: enroll, and edit or delete the records they enrolled;
- coordinator: enroll and import for their own school, edit its records, settle its conflicts and
  duplicates, its card receipts;
- printer: print cards and reports, never edit;
- admin: everything, including accounts, settings, schools, backups and this laptop's hub link.
"""

from __future__ import annotations

import enum

from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.actors import Actor, Role
from desktop.services.errors import PermissionDenied


class Action(enum.Enum):
    ENROLL = "enroll"
    EDIT = "edit"
    IMPORT = "import"
    PRINT = "print"
    REPORT = "report"
    REVIEW = "review"
    ADMINISTER = "administer"   # accounts, settings, schools, regions, card keys, backup/restore, hub link


_V, _C, _P, _A = Role.VOLUNTEER, Role.COORDINATOR, Role.PRINTER, Role.ADMIN
ALLOWED: dict[Action, frozenset[Role]] = {
    Action.ENROLL: frozenset({_V, _C, _A}),
    Action.EDIT: frozenset({_V, _C, _A}),
    Action.IMPORT: frozenset({_C, _A}),
    Action.PRINT: frozenset({_P, _A}),
    Action.REPORT: frozenset({_C, _P, _A}),
    Action.REVIEW: frozenset({_C, _A}),
    Action.ADMINISTER: frozenset({_A}),
}
REFUSED = {
    Action.ENROLL: QT_TRANSLATE_NOOP("Service", "Peran Anda tidak dapat mendaftarkan peserta."),
    Action.EDIT: QT_TRANSLATE_NOOP("Service", "Peran Anda tidak dapat mengubah data peserta."),
    Action.IMPORT: QT_TRANSLATE_NOOP("Service", "Hanya koordinator sekolah dan admin yang dapat mengimpor daftar."),
    Action.PRINT: QT_TRANSLATE_NOOP("Service", "Hanya petugas cetak dan admin yang dapat mencetak kartu."),
    Action.REPORT: QT_TRANSLATE_NOOP("Service", "Peran Anda tidak dapat membuat laporan."),
    Action.REVIEW: QT_TRANSLATE_NOOP("Service", "Hanya koordinator sekolah dan admin yang dapat menyelesaikan "
                                                "konflik dan data ganda."),
    Action.ADMINISTER: QT_TRANSLATE_NOOP("Service", "Hanya admin yang dapat melakukan ini."),
}


def may(actor: Actor, action: Action) -> bool:
    return actor.role in ALLOWED[action]


def require(actor: Actor, action: Action) -> None:
    if not may(actor, action):
        raise PermissionDenied(REFUSED[action])


def may_edit_record(actor: Actor, enrolled_by: str, school_npsn: str | None) -> bool:
    """Admins edit every record; a coordinator their school's records and their own; a volunteer
    their own; a printer none."""
    if actor.role is Role.ADMIN:
        return True
    if actor.role is Role.PRINTER:
        return False
    if enrolled_by == actor.username:
        return True
    return actor.role is Role.COORDINATOR and school_npsn is not None and school_npsn == actor.school_npsn


def require_record(actor: Actor, enrolled_by: str, school_npsn: str | None) -> None:
    if not may_edit_record(actor, enrolled_by, school_npsn):
        if actor.role is Role.PRINTER:
            raise PermissionDenied(QT_TRANSLATE_NOOP("Service", "Petugas cetak tidak dapat mengubah data peserta."))
        raise PermissionDenied(QT_TRANSLATE_NOOP("Service", "Data ini didaftarkan oleh {by}; Anda hanya dapat "
                                                            "mengubah data yang Anda daftarkan sendiri."),
                               by=enrolled_by)


def school_for(actor: Actor, school_npsn: str | None) -> str | None:
    """The school a new enrollment or import belongs to: a coordinator's own school, always."""
    if actor.role is not Role.COORDINATOR:
        return school_npsn
    if school_npsn and school_npsn != actor.school_npsn:
        raise PermissionDenied(QT_TRANSLATE_NOOP("Service", "Koordinator hanya dapat mendaftarkan orang tua siswa "
                                                            "sekolahnya sendiri (NPSN {npsn})."),
                               npsn=actor.school_npsn)
    return actor.school_npsn
