"""Claims: from an incident on a record (a death, a work accident, a work-related illness) to the benefit
in the heir's hands.

An incident and a claim's progress are events in the record's life (``desktop.domain.lifecycle``),
appended through the membership events path, so they sync and are scoped like the record. What is due is
judged on the incident's day with the shipped dated rules (``desktop.domain.claims``). Whoever may see
and edit records on this laptop (volunteer, coordinator, branch) reports an incident and ticks the papers
seen; the branch records that a claim was submitted to BPJS, paid or refused."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.domain import claims as rules
from desktop.domain import lifecycle
from desktop.domain.actors import Actor
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.regno import normalize_registration_no
from desktop.services import audit, permissions
from desktop.services.claim_rules import shipped_claim_rules
from desktop.services.errors import NotFound, ServiceError
from desktop.services.membership import events as membership_events
from desktop.services.workspace import Workspace
from desktop.storage import claims as claim_rows
from desktop.storage import settings as settings_rows
from desktop.storage.claims import ClaimRow

# Where the heir takes the papers (a setting: each branch writes its own).
BRANCH_ADDRESS_SETTING, BRANCH_HOURS_SETTING = "claims.branch_address", "claims.branch_hours"
DEFAULT_BRANCH_ADDRESS = "Kantor Cabang BPJS Ketenagakerjaan Pontianak, Kalimantan Barat"
DEFAULT_BRANCH_HOURS = "Senin–Jumat, 08.00–15.00 WIB"
BRANCH_STATES = (lifecycle.CLAIM_SUBMITTED, lifecycle.CLAIM_PAID, lifecycle.CLAIM_REFUSED)


@dataclass(frozen=True)
class Reported:
    claim: str
    registration_no: str
    judgement: rules.Judgement
    claim_type: str | None              # the checklist (None: nothing is due)

    def report(self) -> dict[str, Any]:
        return self.judgement.report(self.claim)


@dataclass(frozen=True)
class ClaimView:
    """A claim as the list, the window and the pack show it."""

    claim: str
    registration_no: str
    full_name: str
    kpj_number: str | None
    kabupaten_code: str
    state: rules.ClaimState
    judgement: rules.Judgement
    claim_type: str | None
    checklist: tuple[rules.Document, ...]
    claimant: rules.Claimant

    @property
    def waits_on(self) -> str | None:
        return rules.WAITS_ON.get(self.state.state)

    @property
    def missing(self) -> tuple[rules.Document, ...]:
        return tuple(d for d in self.checklist if d.key not in self.state.documents)

    def to_json(self, today: dt.date) -> dict[str, Any]:
        return {"claim": self.claim, "registration_no": self.registration_no, "kind": self.state.incident.kind,
                "day": self.state.incident.day.isoformat(), "at_work": self.state.incident.at_work,
                "state": self.state.state, "since": self.state.since.isoformat() if self.state.since else None,
                "waiting_days": (today - self.state.since).days if self.state.since else None,
                "waits_on": self.waits_on, "covered": self.judgement.covered, "benefit": self.judgement.benefit,
                "amount_due": self.judgement.amount, "amount_paid": self.state.amount,
                "paid_on": self.state.paid_on.isoformat() if self.state.paid_on else None,
                "reason": self.state.reason, "documents": sorted(self.state.documents),
                "missing": [d.key for d in self.missing],
                "deadlines": [{"kind": d.kind, "day": d.day.isoformat(), "passed": d.passed(today)}
                              for d in self.judgement.deadlines]}


def _problems_message(problems: Sequence[Any]) -> ServiceError:
    return ServiceError(QT_TRANSLATE_NOOP("Service", "Laporan kejadian tidak dapat dicatat: {problems}"),
                        problems="; ".join(p.message for p in problems))


def _judge(row: ClaimRow, incident: rules.Incident, ws: Workspace) -> rules.Judgement:
    try:
        return rules.judge(lifecycle.loads(row.lifecycle), incident, shipped_claim_rules(), ws.policy.jkk_income)
    except rules.NoRule as exc:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "{reason}"), reason=exc.message) from exc


def _incident(ws: Workspace, actor: Actor, kind: str, day: dt.date, at_work: bool, place: str, what: str,
              reported_by: str | None) -> rules.Incident:
    permissions.require(actor, permissions.Action.EDIT)
    incident = rules.Incident(kind, day, at_work, place.strip(), what.strip(),
                              (reported_by if reported_by is not None else actor.username).strip())
    problems = rules.incident_problems(incident, ws.today)
    if problems:
        raise _problems_message(problems)
    return incident


def _judge_on(tx, ws: Workspace, registration_no: str, incident: rules.Incident) -> tuple[ClaimRow, rules.Judgement]:
    """The record an incident is reported on and what is due (refused: no such record, or a death already
    reported)."""
    row = claim_rows.by_registration(tx, normalize_registration_no(registration_no))
    if row is None or row.deleted:
        raise NotFound(QT_TRANSLATE_NOOP("Service", "Tidak ada peserta dengan No. Registrasi {regno}."),
                       regno=registration_no)
    if incident.kind == rules.DEATH and lifecycle.death_day(lifecycle.loads(row.lifecycle)) is not None:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Kematian peserta {regno} sudah dilaporkan. Lihat "
                                                        "klaimnya di menu Data → Klaim JKK/JKM atau dengan: lindung claim list."), regno=row.registration_no)
    return row, _judge(row, incident, ws)


def preview(ws: Workspace, actor: Actor, registration_no: str, kind: str, day: dt.date, at_work: bool = False,
            place: str = "", what: str = "", reported_by: str | None = None) -> Reported:
    """What ``report`` would judge, refused the same way, without recording anything (``claim`` empty):
    the window shows it before the volunteer saves."""
    incident = _incident(ws, actor, kind, day, at_work, place, what, reported_by)
    with ws.read() as tx:
        row, judgement = _judge_on(tx, ws, registration_no, incident)
    return Reported("", row.registration_no, judgement, rules.claim_type(judgement, incident))


def report(ws: Workspace, actor: Actor, registration_no: str, kind: str, day: dt.date, at_work: bool = False,
           place: str = "", what: str = "", reported_by: str | None = None) -> Reported:
    """Record an incident on the record ``registration_no`` and judge, on its day, what is due."""
    incident = _incident(ws, actor, kind, day, at_work, place, what, reported_by)
    claim = uuid.uuid4().hex
    with ws.write() as tx:
        row, judgement = _judge_on(tx, ws, registration_no, incident)
        regno = row.registration_no
        now = ws.now()
        event = {"type": lifecycle.INCIDENT, "at": membership_events._stamp(now), "by": actor.username,
                 "claim": claim, "kind": kind, "day": day.isoformat(), "at_work": at_work, "place": incident.place,
                 "what": incident.what, "reported_by": incident.reported_by}
        membership_events._append(tx, ws, actor, {row.id: event}, now)
        audit.record(tx, ws, actor, "create", regno, {"claim": claim[:8], "kind": kind, "day": day.isoformat(),
                                                      "covered": judgement.covered, "benefit": judgement.benefit})
    return Reported(claim, regno, judgement, rules.claim_type(judgement, incident))


def _find(tx, claim: str) -> tuple[ClaimRow, rules.ClaimState]:
    claim = claim.strip().lower()
    row = claim_rows.holding(tx, claim) if len(claim) == 32 else None
    if row is None and 4 <= len(claim) < 32:       # the first letters, as the list shows them
        found = [(r, s) for r in claim_rows.with_incidents(tx) for s in rules.claims_of(lifecycle.loads(r.lifecycle))
                 if s.claim.startswith(claim)]
        if len(found) == 1:
            return found[0]
    if row is not None:
        for state in rules.claims_of(lifecycle.loads(row.lifecycle)):
            if state.claim == claim:
                return row, state
    raise NotFound(QT_TRANSLATE_NOOP("Service", "Klaim {claim} tidak dikenal. Lihat kodenya dengan: lindung claim list."),
                   claim=claim)


def update(ws: Workspace, actor: Actor, claim: str, state: str | None = None, amount: int | None = None,
           paid_on: dt.date | None = None, reason: str | None = None, documents: Sequence[str] = ()) -> ClaimView:
    """Move a claim forward (documents complete; the branch: submitted, paid with amount and date, refused
    with a reason) and/or tick the papers seen."""
    permissions.require(actor, permissions.Action.EDIT)
    if state in BRANCH_STATES:
        membership_events.require_branch(actor)
    if state is not None and state not in lifecycle.CLAIM_STATES[1:]:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Status klaim harus salah satu dari: {states}."),
                           states=", ".join(lifecycle.CLAIM_STATES[1:]))
    with ws.write() as tx:
        row, held = _find(tx, claim)
        judgement = _judge(row, held.incident, ws)
        kind = rules.claim_type(judgement, held.incident)
        known = {d.key for d in rules.checklist(kind)} if kind else set()
        unknown = [key for key in documents if key not in known]
        if unknown:
            raise ServiceError(QT_TRANSLATE_NOOP("Service", "Dokumen {keys} tidak ada dalam daftar klaim ini: {known}."),
                               keys=", ".join(unknown), known=", ".join(sorted(known)) or "-")
        if state == lifecycle.CLAIM_PAID and (amount is None or paid_on is None):
            raise ServiceError(QT_TRANSLATE_NOOP("Service", "Klaim dibayar: sebutkan jumlah (--amount) dan tanggalnya (--date)."))
        if state == lifecycle.CLAIM_REFUSED and not (reason or "").strip():
            raise ServiceError(QT_TRANSLATE_NOOP("Service", "Klaim ditolak: tulis alasannya (--reason)."))
        now = ws.now()
        event: dict[str, Any] = {"type": lifecycle.CLAIM, "at": membership_events._stamp(now),
                                 "by": actor.username, "claim": held.claim}
        if state:
            event["state"] = state
        fresh = sorted(set(documents) - held.documents)
        if fresh:
            event["documents"] = fresh
        if state == lifecycle.CLAIM_PAID:
            event.update(amount=amount, date=paid_on.isoformat())
        if state == lifecycle.CLAIM_REFUSED:
            event["reason"] = reason.strip()
        if not state and not fresh:
            raise ServiceError(QT_TRANSLATE_NOOP("Service", "Tidak ada yang berubah: sebutkan --state atau dokumen baru (--document)."))
        try:
            membership_events._append(tx, ws, actor, {row.id: event}, now)
        except ServiceError as exc:
            raise ServiceError(QT_TRANSLATE_NOOP("Service", "Klaim tidak dapat diperbarui: {problems}"),
                               problems=exc.params.get("problems", "")) from exc
        audit.record(tx, ws, actor, "edit", row.registration_no,
                     {"claim": held.claim[:8], "state": state, "documents": len(fresh)})
        row = claim_rows.holding(tx, held.claim)
    return _views(ws, [row], claim=held.claim)[0]


def _views(ws: Workspace, rows: Sequence[ClaimRow], claim: str | None = None) -> list[ClaimView]:
    out = []
    for row in rows:
        events = lifecycle.loads(row.lifecycle)
        for state in rules.claims_of(events):
            if claim is not None and state.claim != claim:
                continue
            try:
                judgement = rules.judge(events, state.incident, shipped_claim_rules(), ws.policy.jkk_income)
            except rules.NoRule as exc:
                judgement = rules.Judgement(False, None, None, (rules._why(exc.template, **exc.params),))
            kind = rules.claim_type(judgement, state.incident)
            heir = rules.Person(row.heir_name, row.heir_relationship, row.heir_phone) if row.heir_name else None
            out.append(ClaimView(state.claim, row.registration_no, row.full_name, row.kpj_number, row.kabupaten_code,
                                 state, judgement, kind, rules.checklist(kind) if kind else (),
                                 rules.claimant(heir, ())))
    return out


def claims(ws: Workspace, actor: Actor, open_only: bool = False) -> list[ClaimView]:
    """Every claim on this laptop, the one waiting longest first (open before closed)."""
    with ws.read() as tx:
        rows = claim_rows.with_incidents(tx)
    views = [v for v in _views(ws, rows) if v.state.open or not open_only]
    return sorted(views, key=lambda v: (not v.state.open, v.state.since or dt.date.min, v.state.incident.day,
                                        v.claim))


def claim(ws: Workspace, actor: Actor, claim_id: str) -> ClaimView:
    with ws.read() as tx:
        row, held = _find(tx, claim_id)
    return _views(ws, [row], claim=held.claim)[0]


def branch_office(ws: Workspace) -> tuple[str, str]:
    """The branch's address and hours, as the claim pack prints them (settings, with defaults)."""
    with ws.read() as tx:
        values = settings_rows.get_many(tx, (BRANCH_ADDRESS_SETTING, BRANCH_HOURS_SETTING))
    return (values.get(BRANCH_ADDRESS_SETTING) or DEFAULT_BRANCH_ADDRESS,
            values.get(BRANCH_HOURS_SETTING) or DEFAULT_BRANCH_HOURS)


def pack(ws: Workspace, actor: Actor, claim_id: str, out: Path) -> int:
    """The one-page claim pack for the heir (``reports.claim_pack``); the number of pages."""
    from pypdf import PdfReader

    from desktop.domain.text import format_date, format_rupiah
    from desktop.paths import FONTS
    from desktop.services.reporting import _generated
    from reports.claim_pack import ClaimPack, write_claim_pack
    from reports.documents import Cover

    view = claim(ws, actor, claim_id)
    judgement, incident = view.judgement, view.state.incident
    if judgement.amount is not None:
        due = f"{judgement.benefit} {format_rupiah(judgement.amount)}"
    elif judgement.benefit is not None:
        due = f"{judgement.benefit}: jumlahnya dinilai BPJS Ketenagakerjaan"
    else:
        due = "Tidak ada manfaat yang dapat diklaim"
    worker = [("Peserta", view.full_name), ("No. Registrasi", view.registration_no),
              ("No. KPJ", view.kpj_number or "belum ada (tanyakan ke kantor cabang)"),
              ("Kejadian", f"{rules.KIND_LABELS[incident.kind]}, {format_date(incident.day)}"
                           f"{' (saat bekerja)' if incident.at_work else ''}" + (f", {incident.place}" if incident.place else ""))]
    who = view.claimant
    claimant = (f"{who.person.name} ({rules.relationship_label(who.person.relationship)})"
                + (f", HP {who.person.phone}" if who.person.phone else "") if who.person else "-")
    claimant += f". {who.reason.message}"
    data = ClaimPack(worker, due, [r.message for r in judgement.reasons], claimant,
                     [(d.label, d.when, d.key in view.state.documents) for d in view.checklist],
                     branch_office(ws), [d.message for d in judgement.deadlines],
                     [w.message for w in judgement.warnings], view.claim)
    cover = Cover("Lembar klaim untuk ahli waris" if incident.kind == rules.DEATH else "Lembar klaim JKK",
                  "BPJS Ketenagakerjaan (JKK/JKM) · iuran dibayar BAZNAS", _generated(dt.datetime.combine(ws.today, dt.datetime.now().time())))   # local time
    write_claim_pack(out, cover, data, FONTS)
    with ws.write() as tx:
        audit.record(tx, ws, actor, "print", view.registration_no, {"what": "lembar klaim", "claim": view.claim[:8]})
    return len(PdfReader(out).pages)


@dataclass(frozen=True)
class ImpactRow:
    kabupaten_code: str
    year: int
    contributions: int          # rupiah BAZNAS paid from zakat for these workers' coverage that year
    benefits: int               # rupiah BPJS paid on their claims that year
    claims_paid: int
    claims_open: int            # reported that year, not yet paid or refused
    longest_wait: int | None    # days the oldest of those has waited


def impact(ws: Workspace, actor: Actor) -> list[ImpactRow]:
    """For BAZNAS and BPJS, per kabupaten/kota and year: the contributions paid from zakat (a payment's money
    for each worker, by the year it was recorded) against the benefits paid to the workers and their heirs
    (by the year BPJS paid), with the claims still open and how long the oldest has waited."""
    permissions.require(actor, permissions.Action.REPORT)
    from desktop.domain.ledger import money_of

    rows: dict[tuple[str, int], dict[str, Any]] = {}

    def row(code: str, year: int) -> dict[str, Any]:
        return rows.setdefault((code, year), {"contributions": 0, "benefits": 0, "claims_paid": 0, "claims_open": 0,
                                              "longest_wait": None})

    with ws.read() as tx:
        lives = claim_rows.paid_lives(tx)
    for code, text in lives:
        events = lifecycle.loads(text)
        for event in events:
            at = lifecycle.stamp_day(event.get("at"))
            if event.get("type") == lifecycle.PAID and at and (event.get("fund") or "zakat") == "zakat":
                row(code, at.year)["contributions"] += money_of(event)
        for state in rules.claims_of(events):
            if state.state == lifecycle.CLAIM_PAID and state.paid_on:
                target = row(code, state.paid_on.year)
                target["benefits"] += state.amount or 0
                target["claims_paid"] += 1
            elif state.open and state.reported_at:
                target = row(code, state.reported_at.year)
                target["claims_open"] += 1
                waited = (ws.today - state.reported_at).days
                target["longest_wait"] = max(target["longest_wait"] or 0, waited)
    return [ImpactRow(code, year, **values) for (code, year), values in sorted(rows.items())]


def impact_report(ws: Workspace, actor: Actor, out: Path, now: dt.datetime | None = None) -> list[ImpactRow]:
    """The impact (``impact``) as the PDF BAZNAS and BPJS are handed (``reports.impact``): a table per year;
    returns the rows it prints. ``now``: when the report says it was made (the clock by default)."""
    from desktop.domain.text import format_date_long, format_rupiah
    from desktop.paths import FONTS
    from desktop.services.reporting import _generated
    from reports.documents import Cover
    from reports.impact import ImpactData, ImpactLine, write_impact

    rows = impact(ws, actor)
    years: dict[int, list[ImpactLine]] = {}
    for r in rows:
        name = ws.regions.name(r.kabupaten_code) or r.kabupaten_code
        years.setdefault(r.year, []).append(ImpactLine(name, r.contributions, r.benefits, r.claims_paid, r.claims_open,
                                                       r.longest_wait))
    cover = Cover("Dampak perlindungan: iuran zakat dan manfaat BPJS",
                  "JKK + JKM dibiayai BAZNAS dari zakat · BPJS Ketenagakerjaan · Kalimantan Barat",
                  _generated(now or dt.datetime.combine(ws.today, dt.datetime.now().time())),      # local time
                  ("Wilayah: kabupaten/kota yang memiliki iuran atau klaim tercatat",
                   "Iuran: menurut tahun pembayaran dicatat; manfaat: menurut tahun dibayar BPJS; "
                   "klaim terbuka: menurut tahun dilaporkan",
                   f"Lama tunggu dihitung sampai {format_date_long(ws.today)}"))
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    write_impact(Path(out), cover, ImpactData(sorted(years.items())), format_rupiah, FONTS)
    audit.log(ws, actor, "export", Path(out).name, {"what": "laporan dampak", "rows": len(rows)})
    return rows


@dataclass(frozen=True)
class GapFlag:
    registration_no: str
    full_name: str
    kabupaten_code: str
    risks: tuple[Any, ...]       # warnings (``Problem``): field ``jkm_months`` or ``scholarship``


def gap_flags(ws: Workspace, actor: Actor, soon_days: int = rules.SOON_DAYS) -> list[GapFlag]:
    """The workers whose coverage is about to lapse (within ``soon_days`` days), or lapsed, or was renewed
    after a gap, where that threatens the 3-month (full JKM) or 3-year (scholarship) condition, on today."""
    permissions.require(actor, permissions.Action.EDIT)
    if not 0 <= soon_days <= 366:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Jumlah hari harus 0 sampai 366."))
    with ws.read() as tx:
        rows = claim_rows.covered_lives(tx)
    return _flags(ws, rows, soon_days)


def gap_flags_of(ws: Workspace, actor: Actor, worker_ids: Sequence[str]) -> dict[str, GapFlag]:
    """``gap_flags`` of the workers ``worker_ids`` only (the page the list shows), by worker id."""
    permissions.require(actor, permissions.Action.EDIT)
    with ws.read() as tx:
        rows = claim_rows.covered_lives_of(tx, list(worker_ids))
    uuids = {row.registration_no: row.uuid for row in rows}
    return {uuids[flag.registration_no]: flag for flag in _flags(ws, rows, rules.SOON_DAYS)}


def _flags(ws: Workspace, rows: Sequence[ClaimRow], soon_days: int) -> list[GapFlag]:
    flags = []
    claim_rules = shipped_claim_rules()
    for row in rows:
        risks = rules.gap_risks(lifecycle.loads(row.lifecycle), ws.today, claim_rules, soon_days)
        if risks:
            flags.append(GapFlag(row.registration_no, row.full_name, row.kabupaten_code, tuple(risks)))
    return flags
