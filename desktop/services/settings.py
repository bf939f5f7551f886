"""The programme settings an admin changes in the window (``lindung settings`` on the command line):
age limits, months of coverage, the income thought plausible, minutes before the window locks, and the
income bracket the programme pays JKK for (sent to BPJS for every worker). Each laptop keeps its own."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from desktop.domain import bounds, contributions
from desktop.domain.enrollment import Policy
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.text import format_rupiah
from desktop.services import accounts, audit, permissions
from desktop.domain.actors import Actor
from desktop.services.errors import ServiceError
from desktop.services.workspace import Workspace


@dataclass(frozen=True)
class ProgrammeSettings:
    min_age: int
    max_age: int
    coverage_months: int
    max_plausible_income: int
    lock_minutes: int
    jkk_income: int = contributions.BRACKET_DEFAULT   # upah yang dilaporkan untuk JKK


def programme_settings(ws: Workspace) -> ProgrammeSettings:
    return ProgrammeSettings(**asdict(ws.policy), lock_minutes=accounts.lock_minutes(ws))


def save_programme_settings(ws: Workspace, actor: Actor, wanted: ProgrammeSettings) -> ProgrammeSettings:
    """Check and store the settings (admin only); what changed goes to the audit log."""
    permissions.require(actor, permissions.Action.ADMINISTER)
    if min(asdict(wanted).values()) < 0:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Pengaturan tidak boleh bernilai negatif."))
    if wanted.min_age >= wanted.max_age:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Umur minimal harus lebih kecil dari umur maksimal."))
    if not 1 <= wanted.coverage_months <= 120:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Lama perlindungan: 1 sampai 120 bulan."))
    if wanted.max_age > 120:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Umur maksimal paling banyak 120 tahun."))
    if not 1 <= wanted.max_plausible_income <= bounds.MAX_AMOUNT:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Batas penghasilan wajar harus 1 sampai {max} rupiah."),
                           max=f"{bounds.MAX_AMOUNT:,}".replace(",", "."))
    if not contributions.is_bpu_bracket(wanted.jkk_income):
        raise ServiceError(QT_TRANSLATE_NOOP(
            "Service", "Upah yang dilaporkan untuk JKK harus kelipatan Rp 100.000 dari {low} sampai {high} "
                       "(tingkat penghasilan peserta BPU di BPJS Ketenagakerjaan)."),
            low=format_rupiah(contributions.BRACKET_MIN), high=format_rupiah(contributions.BRACKET_MAX))
    before = programme_settings(ws)
    if wanted.lock_minutes != before.lock_minutes:
        accounts.set_lock_minutes(ws, wanted.lock_minutes, actor)   # checked and logged there
    policy = {k: v for k, v in asdict(wanted).items() if k in Policy.__dataclass_fields__}
    changed = {k: [getattr(before, k), v] for k, v in policy.items() if getattr(before, k) != v}
    if changed:
        ws.set_policy(**{k: v for k, (_old, v) in changed.items()})
        audit.log(ws, actor, "edit", "pengaturan program", changed)
    return programme_settings(ws)
