"""The branch's and BAZNAS's reports: counts and sums from the database, drawn by ``reports``."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from desktop.domain import lifecycle
from desktop.domain.contributions import (
    add_month, jkm_for, jkk_for, month_start, monthly_rate, reliefs_in, submitted_bracket,
)
from desktop.domain.enrollment import Occupation, Status
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.text import MONTHS_ID, format_date, format_date_long, format_rupiah
from desktop.paths import FONTS
from desktop.domain.actors import Actor
from desktop.services import audit, permissions
from desktop.services.errors import NotFound, ServiceError
from desktop.services.workspace import Workspace
from desktop.storage import documents, report_rows, schools
from desktop.storage import settings as stored_settings
from desktop.storage.database import Tx
from desktop.storage.documents import DocumentRecord
from reports.documents import (
    ContributionData, ContributionRow, Cover, DocumentMark, ReceiptRow, SummaryData, write_contributions,
    write_receipts, write_summary,
)

DEFAULT_TARGET = 3533
TARGET_SETTING = "reports.target"
# Whom a contributions report prices: every covered worker, or a batch's members BPJS has (or had) in hand.
_COVERED = (Status.ENROLLED.value, Status.SUBMITTED.value, Status.ACTIVE.value)
_IN_BATCH = (Status.SUBMITTED.value, Status.ACTIVE.value)


def _generated(now: dt.datetime | None = None) -> str:
    now = now or dt.datetime.now()
    return f"{now.day} {MONTHS_ID[now.month - 1]} {now.year} {now:%H:%M}"


def _month_name(month: dt.date) -> str:
    return f"{MONTHS_ID[month.month - 1]} {month.year}"


def target(ws: Workspace) -> int:
    with ws.read() as tx:
        value = stored_settings.get(tx, TARGET_SETTING)
    return int(value) if value is not None else DEFAULT_TARGET


def set_target(ws: Workspace, value: int) -> None:
    if value <= 0:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Target harus lebih dari 0."))
    with ws.write() as tx:
        stored_settings.put(tx, TARGET_SETTING, str(int(value)))


def summary_report(ws: Workspace, out: Path, actor: Actor, target_count: int | None = None,
                   now: dt.datetime | None = None) -> int:
    """Enrolled, printed and synced counts per kabupaten/kota and per occupation; returns the total.
    ``now``: when the report says it was made (the clock by default)."""
    permissions.require(actor, permissions.Action.REPORT)
    goal = target_count or target(ws)
    with ws.read() as tx:
        enrolled = report_rows.live_counts(tx, "kabupaten_code")
        with_card = report_rows.live_counts(tx, "kabupaten_code", printed=True)
        occupations = Counter(report_rows.live_counts(tx, "occupation"))
    # Nothing is acknowledged by a hub until sync exists on this laptop: the synced column is honest zero.
    rows = [(kab.name, enrolled.get(kab.code, 0), with_card.get(kab.code, 0), 0) for kab in ws.regions.kabupaten()]
    by_occupation = [(m.label, occupations.get(m.value, 0)) for m in Occupation if occupations.get(m.value)]
    by_occupation.sort(key=lambda r: -r[1])
    cover = Cover("Ringkasan kepesertaan pekerja rentan",
                  "JKK + JKM dibiayai BAZNAS (zakat, infak, sedekah) · Kalimantan Barat", _generated(now),
                  (f"Wilayah: semua {len(rows)} kabupaten/kota Kalimantan Barat",
                   "Peserta: semua yang tidak dihapus (terdaftar, diajukan, aktif, ditolak, berakhir)",
                   f"Target: {goal:,} pekerja rentan".replace(",", ".")))
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    from desktop.services.membership import pipeline_counts   # loads the membership package: its reports only

    order = ("enrolled", "submitted", "active", "refused", "ending", "ended")
    per_kab = pipeline_counts(ws, "kabupaten")
    pipeline_kab = [(kab.name, *(per_kab.get(kab.code, {}).get(k, 0) for k in order)) for kab in ws.regions.kabupaten()]
    per_school = pipeline_counts(ws, "school")
    with ws.read() as tx:
        names = {school.npsn: school.name for school in schools.all_schools(tx)}
    pipeline_schools = sorted(((f"{names.get(npsn, npsn)} ({npsn})", *(counts.get(k, 0) for k in order))
                               for npsn, counts in per_school.items()), key=lambda r: r[0])
    write_summary(Path(out), cover, SummaryData(rows, by_occupation, goal, pipeline_kab, pipeline_schools), FONTS)
    audit.log(ws, actor, "export", Path(out).name, {"what": "ringkasan kepesertaan"})
    return sum(r[1] for r in rows)


def receipts_report(ws: Workspace, out: Path, npsn: str, actor: Actor, now: dt.datetime | None = None) -> int:
    """Card hand-over sheet for one school; returns how many people it lists. ``now``: when it is made
    (the clock by default), read once for the cover and the date above the signature."""
    now = now or dt.datetime.now()
    permissions.require(actor, permissions.Action.REPORT)
    permissions.school_for(actor, npsn.strip())     # a coordinator: their own school's sheet only
    with ws.read() as tx:
        sheet = report_rows.school_sheet(tx, npsn.strip())
    if sheet is None:
        raise NotFound(QT_TRANSLATE_NOOP("Service", "Sekolah dengan NPSN {npsn} belum terdaftar."), npsn=npsn)
    name, level, coordinator, kab, people = sheet.name, sheet.level, sheet.coordinator, sheet.kabupaten_code, sheet.people
    rows = [ReceiptRow(full, regno, f"{pupil} ({klass})" if pupil and klass else pupil or "", kpj or "")
            for full, regno, pupil, klass, kpj in people]
    cover = Cover("Tanda terima kartu peserta JKK + JKM", f"{name} · NPSN {npsn} · {level}", _generated(now),
                  (f"Sekolah: {name} (NPSN {npsn}), {ws.regions.name(kab)}",
                   f"Koordinator: {coordinator or '-'}", f"Peserta: {len(rows)} orang tua siswa"))
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    write_receipts(Path(out), cover, rows, coordinator,
                   f"{ws.regions.name(kab).replace('Kabupaten ', '')}, {now.day} {MONTHS_ID[now.month - 1]} {now.year}",
                   FONTS)
    audit.log(ws, actor, "export", Path(out).name, {"what": "tanda terima kartu", "school": npsn, "rows": len(rows)})
    return len(rows)


def _figures(tx: Tx, ws: Workspace, months: int | None, start: dt.date | None = None,
             batch: str | None = None) -> dict:
    """Every figure a contributions report prints, as plain values (rupiah as integers): what BAZNAS owes
    for the covered workers over ``months`` months from ``start``'s month (this month by default), or with
    ``batch`` for that submission batch's members submitted or active. The one place the figures are
    computed; recording and drawing them are elsewhere."""
    statuses = _COVERED
    if batch:
        known = report_rows.batch_workers(tx, batch)
        mine = report_rows.batch_months(tx, batch)
        if not known:
            raise ServiceError(QT_TRANSLATE_NOOP("Service", "Batch {batch} tidak dikenal."), batch=batch)
        months = months or mine or ws.policy.coverage_months
        statuses = _IN_BATCH
    if months is None or not 1 <= months <= 60:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Jumlah bulan harus 1 sampai 60."))
    first = month_start(start or ws.today)
    setting = ws.policy.jkk_income
    # Each worker is priced at the bracket their submission sent BPJS; one not submitted yet, at the
    # programme's setting.
    # A batch's member BPJS answered is priced from the month their membership began, as the ledger
    # allocates (desktop.domain.ledger); one still waiting, from ``first``.
    counts = Counter((kab, occupation, submitted_bracket(lifecycle.loads(events), setting),
                      month_start(began) if batch and status == Status.ACTIVE.value and began else first)
                     for kab, occupation, events, status, began in report_rows.priced(tx, statuses, batch or None))
    brackets = sorted({bracket for _kab, _occupation, bracket, _first in counts})
    per_kab: dict[str, list[int]] = {}
    for (kab, occupation, bracket, begins), n in counts.items():
        jkk = jkm = 0
        for i in range(months):
            a, b = monthly_rate(add_month(begins, i), occupation, bracket=bracket)
            jkk, jkm = jkk + a * n, jkm + b * n
        totals = per_kab.setdefault(kab, [0, 0, 0])
        totals[0] += n
        totals[1] += jkk
        totals[2] += jkm
    rows = [{"kabupaten": kab.code, "name": kab.name, "workers": w, "jkk": jkk, "jkm": jkm}
            for kab in ws.regions.kabupaten() for w, jkk, jkm in [per_kab.get(kab.code, [0, 0, 0])]]
    said = ", ".join(f"JKK {format_rupiah(jkk_for(b))} (1% dari upah yang dilaporkan {format_rupiah(b)})"
                     for b in brackets or [setting])
    notes = [f"Tarif dasar per orang per bulan: {said} dan JKM {format_rupiah(jkm_for(first, rates=ws.rates))}."]
    for relief in reliefs_in(first, months, rates=ws.rates):
        notes.append(f"{relief.source}: iuran {100 - relief.percent}% lebih rendah "
                     f"{_month_name(relief.first_month)} – {_month_name(relief.last_month)}"
                     + (" untuk pekerja sektor transportasi (ojek, sopir, kurir)." if relief.transport else
                        " untuk pekerja di luar sektor transportasi." if relief.transport is False else "."))
    notes.append(f"Dihitung untuk {_covered_people(batch)[9:]}, per bulan dengan tarif bulan itu.")
    return {"batch": batch, "months": months, "first_month": first.isoformat(),
            "period": f"{_month_name(first)} – {_month_name(add_month(first, months - 1))}",
            "brackets": brackets, "rows": rows, "notes": notes, **_totals(rows)}


def contribution_figures(ws: Workspace, months: int | None, start: dt.date | None = None,
                         batch: str | None = None) -> dict:
    """``_figures`` in a read transaction of its own."""
    with ws.read() as tx:
        return _figures(tx, ws, months, start, batch)


def _covered_people(batch: str | None) -> str:
    return (f"Peserta: batch {batch} (diajukan atau aktif)" if batch
            else "Peserta: status terdaftar, diajukan atau aktif")


def _totals(rows: list[dict]) -> dict:
    jkk, jkm = sum(r["jkk"] for r in rows), sum(r["jkm"] for r in rows)
    return {"workers": sum(r["workers"] for r in rows), "jkk": jkk, "jkm": jkm, "total": jkk + jkm}


def issued_local(document: DocumentRecord) -> dt.datetime:
    """When ``document`` was issued, on this laptop's clock (it is stored in UTC)."""
    return document.issued_at.replace(tzinfo=dt.timezone.utc).astimezone().replace(tzinfo=None)


def _draw(ws: Workspace, out: Path, figures: dict, document: DocumentRecord | None = None) -> None:
    """The contributions report of ``figures`` (of a document when given: its number, issue date, and
    for a correction the document it corrects)."""
    batch = figures["batch"]
    mark = None
    generated = _generated()
    if document is not None:
        local = issued_local(document)
        generated = _generated(local)
        mark = DocumentMark(document.number, format_date_long(local.date()), document.kind, document.refers_to,
                            figures.get("since"))
    title = {None: f"Tagihan iuran batch {batch}" if batch else "Kewajiban iuran BAZNAS untuk pekerja rentan",
             documents.INVOICE: f"Tagihan iuran batch {batch}",
             documents.SUPPLEMENTARY: f"Tagihan tambahan iuran batch {batch}",
             documents.CREDIT_NOTE: f"Nota kredit iuran batch {batch}"}[document.kind if document else None]
    period = figures["period"]
    filters = [f"Periode: {figures['months']} bulan, {period}", _covered_people(batch),
               "Wilayah: semua kabupaten/kota Kalimantan Barat"]
    cover = Cover(title, f"JKK + JKM · {period}", generated, tuple(filters))
    rows = [ContributionRow(r["name"], r["workers"], r["jkk"], r["jkm"]) for r in figures["rows"]]
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    write_contributions(Path(out), cover, ContributionData(rows, figures["months"], period, tuple(figures["notes"]),
                                                           mark), format_rupiah, FONTS)


def contributions_report(ws: Workspace, out: Path, months: int | None, actor: Actor, start: dt.date | None = None,
                         batch: str | None = None) -> int:
    """What BAZNAS owes for the covered workers over ``months`` months from this month; returns the total.
    With ``batch``: the batch's invoice (``batch_invoice``), its total as issued."""
    if batch:
        return batch_invoice(ws, out, actor, batch, months, start).printed.figures["total"]
    permissions.require(actor, permissions.Action.REPORT)
    figures = contribution_figures(ws, months, start)
    _draw(ws, out, figures)
    audit.log(ws, actor, "export", Path(out).name, {"what": "kewajiban iuran", "months": figures["months"]})
    return figures["total"]


@dataclass(frozen=True)
class Invoice:
    """A batch's invoice as ``batch_invoice`` printed it."""
    printed: DocumentRecord          # the document written to the file
    invoice: DocumentRecord          # the batch's invoice (the first document)
    issued: bool                     # ``printed`` was issued by this call
    changed_since: str | None        # the figures differ from this document's and no correction was issued
    difference: int                  # rupiah a correction would add (+) or take away (−)


def _basis(document: DocumentRecord) -> dict:
    """The batch's full figures as of ``document`` (a correction keeps them beside its differences)."""
    return document.figures if document.kind == documents.INVOICE else document.figures["basis"]


def _same(a: dict, b: dict) -> bool:
    key = [(r["kabupaten"], r["workers"], r["jkk"], r["jkm"]) for r in a["rows"]]
    return key == [(r["kabupaten"], r["workers"], r["jkk"], r["jkm"]) for r in b["rows"]]


def batch_invoice(ws: Workspace, out: Path, actor: Actor, batch: str, months: int | None = None,
                  start: dt.date | None = None, reissue: bool = False) -> Invoice:
    """The invoice of a submission batch, a numbered document. The first time its figures are computed,
    recorded and printed; every later time the recorded figures are printed again, whatever the day. When
    the figures computed now (over the invoice's own months) differ from the last issued ones, the
    invoice is still printed as issued and the difference is said; with ``reissue`` a supplementary
    invoice (more owed) or a credit note (less) is issued for the difference instead, referring to the
    invoice, and printed."""
    from desktop.services.membership.events import _next_number

    permissions.require(actor, permissions.Action.REPORT)
    # One write transaction (BEGIN IMMEDIATE): two laptops' windows or commands issuing at once issue once.
    with ws.write() as tx:
        issued = documents.listing(tx, batch)
        if not issued:
            figures = _figures(tx, ws, months, start, batch)
            record = documents.DocumentRecord(_next_number(tx, ws, "invoice"), documents.INVOICE, batch, None,
                                              ws.now(), actor.username, figures, ws.device.id)
            documents.add(tx, record)
            audit.record(tx, ws, actor, "create", record.number,
                         {"document": record.kind, "batch": batch, "total": figures["total"]})
            result = Invoice(record, record, True, None, 0)
        else:
            invoice, last = issued[0], issued[-1]
            if months is not None and months != invoice.figures["months"]:
                raise ServiceError(QT_TRANSLATE_NOOP(
                    "Service", "Tagihan batch {batch} sudah terbit sebagai {number} untuk {months} bulan. Cetak "
                    "ulang tanpa menyebut jumlah bulan."), batch=batch, number=invoice.number,
                    months=invoice.figures["months"])
            basis = _basis(last)
            now = _figures(tx, ws, basis["months"], dt.date.fromisoformat(basis["first_month"]), batch)
            difference = now["total"] - basis["total"]
            if _same(now, basis):
                result = Invoice(invoice, invoice, False, None, 0)
            elif not reissue:
                result = Invoice(invoice, invoice, False, last.number, difference)
            else:
                kind = documents.SUPPLEMENTARY if difference >= 0 else documents.CREDIT_NOTE
                rows = [{**r, **{k: r[k] - b[k] for k in ("workers", "jkk", "jkm")}}
                        for r, b in zip(now["rows"], basis["rows"])]
                figures = {**now, "rows": rows, **_totals(rows), "basis": now, "since": last.number}
                record = documents.DocumentRecord(
                    _next_number(tx, ws, "invoice" if kind == documents.SUPPLEMENTARY else "credit_note"),
                    kind, batch, invoice.number, ws.now(), actor.username, figures, ws.device.id)
                documents.add(tx, record)
                audit.record(tx, ws, actor, "create", record.number,
                             {"document": kind, "batch": batch, "refers_to": invoice.number, "total": difference})
                result = Invoice(record, invoice, True, None, difference)
    _draw(ws, out, result.printed.figures, result.printed)
    audit.log(ws, actor, "export", Path(out).name, {"what": "kewajiban iuran", "batch": batch,
                                                   "document": result.printed.number})
    return result


def document_subject(document: DocumentRecord) -> tuple[str, dict[str, str]]:
    """What a document is about, as a listing says it: a batch, the workers of a refund, a period. A
    message template (context "Service") and its values."""
    figures = document.figures
    if document.kind == documents.REFUND:
        return QT_TRANSLATE_NOOP("Service", "{count} peserta"), {"count": str(figures["workers"])}
    if document.kind == documents.BAZNAS:
        first, last = (format_date(dt.date.fromisoformat(day)) for day in figures["period"])
        return QT_TRANSLATE_NOOP("Service", "periode {first} s.d. {last}"), {"first": first, "last": last}
    return QT_TRANSLATE_NOOP("Service", "batch {batch}"), {"batch": document.batch_no}


def issued_documents(ws: Workspace, actor: Actor, batch: str | None = None) -> list[DocumentRecord]:
    """The documents issued (of one batch with ``batch``), in the order they were issued."""
    permissions.require(actor, permissions.Action.REPORT)
    with ws.read() as tx:
        return documents.listing(tx, batch)
