"""BAZNAS's distribution records: per recipient what was paid for them, with their asnaf and the fund
(zakat, infak, sedekah) it came from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.domain import bounds, lifecycle
from desktop.domain.contributions import Fund
from desktop.domain.enrollment import Asnaf
from desktop.domain.ledger import worker_ledger
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.text import format_date
from desktop.services import audit, permissions
from desktop.domain.actors import Actor
from desktop.services.errors import ServiceError
from desktop.services.membership.ledger import Prices, bracket_reader
from desktop.services.spreadsheets import ColumnSpec, write_rows
from desktop.services.workspace import Workspace
from desktop.storage import documents, lifecycle_rows
from desktop.storage.database import Tx


@dataclass(frozen=True)
class BaznasRecord:
    """A BAZNAS distribution record as ``issue_baznas_report`` wrote it."""

    people: int                      # mustahik listed
    total: int                       # every rupiah BAZNAS transferred in the period (the payments recorded)
    number: str                      # its document (LP-…)
    issued_at: dt.datetime           # UTC
    issued: bool                     # issued by this call (else printed again as first issued)
    changed_since: str | None        # the ledger now says otherwise than this document, not yet reissued
    refers_to: str | None = None     # a reissue: the record it replaces


def baznas_report(ws: Workspace, out: Path, actor: Actor, date_from: dt.date, date_to: dt.date) -> tuple[int, int]:
    """(recipients, total rupiah) of ``issue_baznas_report``."""
    record = issue_baznas_report(ws, out, actor, date_from, date_to)
    return record.people, record.total


def issue_baznas_report(ws: Workspace, out: Path, actor: Actor, date_from: dt.date, date_to: dt.date,
                        reissue: bool = False) -> BaznasRecord:
    """Per recipient (mustahik), what BAZNAS paid for them between two dates (payments recorded then), with
    their asnaf and the funds it came from, for BAZNAS's distribution records. A payment recorded before
    funds were recorded was zakat.

    The record of a period is a numbered document (``LP-…``): its rows are kept when first issued and
    written again the same on any later day. When the ledger now says otherwise for that period (a payment
    recorded late, an answer undone), the record is still written as issued and ``changed_since`` names
    it; with ``reissue`` a new record replacing it is issued (referring to it) and written."""
    from desktop.services.membership.events import _next_number

    permissions.require(actor, permissions.Action.REPORT)
    for day in (date_from, date_to):
        if not bounds.FIRST_DAY <= day <= bounds.LAST_DAY:
            raise ServiceError(QT_TRANSLATE_NOOP("Service", "Tanggal laporan harus antara {first} dan {last}."),
                               first=format_date(bounds.FIRST_DAY), last=format_date(bounds.LAST_DAY))
    period = f"{date_from.isoformat()}..{date_to.isoformat()}"
    # One write transaction (BEGIN IMMEDIATE): two windows issuing the same period at once issue once.
    with ws.write() as tx:
        issued = documents.listing(tx, period, kind=documents.BAZNAS)
        now = _figures(tx, ws, date_from, date_to)
        if issued and (now == issued[-1].figures or not reissue):
            last = issued[-1]
            record = BaznasRecord(last.figures["people"], last.figures["total"], last.number, last.issued_at, False,
                                  None if now == last.figures else last.number, last.refers_to)
            figures = last.figures
        else:
            if not now["rows"] and not now["credits"]:
                raise ServiceError(QT_TRANSLATE_NOOP(
                    "Service", "Tidak ada pembayaran BAZNAS antara {start} dan {end}."),
                    start=format_date(date_from), end=format_date(date_to))
            number = _next_number(tx, ws, "baznas")
            refers_to = issued[-1].number if issued else None
            documents.add(tx, documents.DocumentRecord(number, documents.BAZNAS, period, refers_to, ws.now(),
                                                            actor.username, now, ws.device.id))
            audit.record(tx, ws, actor, "create", number, {"document": documents.BAZNAS, "period": period,
                                                                "total": now["total"], "refers_to": refers_to})
            record = BaznasRecord(now["people"], now["total"], number, ws.now(), True, None, refers_to)
            figures = now
    _write(Path(out), figures)
    audit.log(ws, actor, "export", Path(out).name, {"what": "penyaluran BAZNAS", "from": date_from.isoformat(),
                                                   "to": date_to.isoformat(), "rows": record.people,
                                                   "document": record.number})
    return record


def _figures(tx: Tx, ws: Workspace, date_from: dt.date, date_to: dt.date) -> dict[str, Any]:
    """Every row the record prints, as plain JSON values (dates as ISO text): what a document keeps."""
    lo, hi = date_from.isoformat(), (date_to + dt.timedelta(days=1)).isoformat()
    rows: list[list[Any]] = []
    credits: list[list[Any]] = []
    per_fund: dict[str, int] = {}
    prices, bracket_of = Prices(), bracket_reader(ws.policy.jkk_income)
    for regno, kpj, nik, name, asnaf, kab, life, occupation, status, deleted in lifecycle_rows.paid_recipients(tx):
        events = lifecycle.loads(life)
        # The ledger says what each payment bought for this worker: its shares follow the paid events.
        ledger = worker_ledger(events, prices.of(occupation), bracket_of, deleted, detail=False)
        paid = [(e, share) for e, share in zip((e for e in events if e.get("type") == lifecycle.PAID),
                                               ledger.shares) if lo <= str(e.get("at", ""))[:10] < hi]
        if not paid:
            continue
        for event, share in paid:
            # What BAZNAS transferred for the worker in this payment: the money the share holds, with what
            # left it later (carried on, refunded), less the credit of earlier payments carried into it.
            fund = _fund_label(event)
            per_fund[fund] = per_fund.get(fund, 0) + share.paid + share.moved + share.refunded - share.from_credit
        label = Asnaf.parse(asnaf)
        money = sum(share.paid for _e, share in paid)
        allocated = sum(share.allocated for _e, share in paid)
        row = [len(rows) + 1, regno, kpj or "", nik, name, label.label if label else asnaf,
               ws.regions.name(kab), ", ".join(sorted({str(e.get("payment")) for e, _s in paid})),
               # the months the money bought, or (waiting for BPJS) was paid for
               sum(share.months for _e, share in paid if share.held or share.months_bought),
               money, allocated, money - allocated,
               ", ".join(sorted({_fund_label(e) for e, _s in paid})),
               str(paid[-1][0]["at"])[:10],
               "; ".join(sorted({str(e["reference"]) for e, _s in paid if e.get("reference")})),
               sum(share.from_credit for _e, share in paid)]
        moved = sum(share.moved for _e, share in paid)
        refunded = sum(share.refunded for _e, share in paid)
        if money - allocated or moved or refunded:
            why = (CREDIT_HELD if any(share.held for _e, share in paid) else
                   CREDIT_SURPLUS if money - allocated and allocated else
                   CREDIT_REFUSED if money - allocated or not allocated else CREDIT_SETTLED)
            credits.append([len(credits) + 1, regno, nik, name, status, money - allocated, why, moved, refunded])
        if allocated or any(share.held for _e, share in paid):
            # A mustahik whose protection the money bought, or will buy once BPJS answers; money for a
            # worker BPJS refused bought no one anything: it is BAZNAS's credit only.
            rows.append(row)
    # (``workers``, ``months``, ``first_month``, ``total``: the figures every document lists)
    return {"period": [date_from.isoformat(), date_to.isoformat()], "rows": rows, "credits": credits,
            "per_fund": per_fund, "people": len(rows), "total": sum(per_fund.values()), "workers": len(rows),
            "months": sum(row[MONTHS] for row in rows), "first_month": date_from.isoformat()}


def _write(out: Path, figures: dict[str, Any]) -> None:
    """The workbook of a record's figures: the mustahik, per asnaf, per fund, the credit."""
    rows = [[*row[:PAID_ON], dt.date.fromisoformat(row[PAID_ON]), *row[PAID_ON + 1:]] for row in figures["rows"]]
    credits, per_fund = figures["credits"], figures["per_fund"]
    total = sum(row[AMOUNT] for row in rows)
    by_asnaf: dict[str, list[list[Any]]] = {}
    for row in rows:
        by_asnaf.setdefault(row[ASNAF], []).append(row)
    # Every count, month and rupiah is a number cell, every date a date cell; each total is the sum of
    # the rows above it, written as its number.
    sheets: dict[str, tuple[Any, list[list[Any]]]] = {
        "Per Asnaf": (["Asnaf", "Mustahik", "Jumlah (Rp)"],
                      [[asnaf, len(mine), sum(row[AMOUNT] for row in mine)] for asnaf, mine in sorted(by_asnaf.items())]
                      + [["Jumlah", len(rows), total]]),
        "Per Sumber Dana": (["Sumber Dana", "Jumlah (Rp)"],
                            [[fund.label, per_fund[fund.label]] for fund in Fund if fund.label in per_fund]
                            + [[fund, amount] for fund, amount in per_fund.items()
                               if fund not in {f.label for f in Fund}]
                            + [["Jumlah", sum(per_fund.values())]])}
    if credits:
        # BAZNAS's credit: money that bought no month (refused, still waiting for BPJS, paid beyond the price),
        # carried to the next payment or refunded, never hidden.
        sheets["Kredit BAZNAS"] = (CREDIT_COLUMNS, credits + [[None, None, None, "Jumlah", None,
                                                               sum(c[5] for c in credits), None,
                                                               sum(c[7] for c in credits), sum(c[8] for c in credits)]])
    for asnaf, mine in sorted(by_asnaf.items()):
        sheets[_sheet_name(f"Asnaf {asnaf}", sheets)] = (COLUMNS, [[i, *row[1:]] for i, row in enumerate(mine, 1)]
                                                         + [_total_row(mine)])
    write_rows(Path(out), COLUMNS, rows, extra_sheets=sheets, name="Per Mustahik")


# The per-mustahik columns (the first sheet and each asnaf's): the NIK in full, as BAZNAS keeps its
# mustahik by NIK (SIMBA).
COLUMNS = [ColumnSpec("No", 6), ColumnSpec("No. Registrasi", 18, text=True), ColumnSpec("No. KPJ", 14, text=True),
           ColumnSpec("NIK", 18, text=True), ColumnSpec("Nama Mustahik", 28), ColumnSpec("Asnaf", 12),
           ColumnSpec("Kabupaten/Kota", 22), ColumnSpec("Pembayaran", 18), ColumnSpec("Bulan", 8),
           ColumnSpec("Jumlah (Rp)", 14), ColumnSpec("Untuk Kepesertaan (Rp)", 16), ColumnSpec("Kredit (Rp)", 12),
           ColumnSpec("Sumber Dana", 12), ColumnSpec("Tanggal Bayar", 13, date=True), ColumnSpec("Referensi", 24),
           # of "Jumlah", BAZNAS's credit of earlier payments (refused workers' money) carried here
           ColumnSpec("Dari Kredit (Rp)", 14)]
NAME, ASNAF, MONTHS, AMOUNT, ALLOCATED, CREDIT, PAID_ON, FROM_CREDIT = 4, 5, 8, 9, 10, 11, 13, 15
CREDIT_COLUMNS = [ColumnSpec("No", 6), ColumnSpec("No. Registrasi", 18, text=True), ColumnSpec("NIK", 18, text=True),
                  ColumnSpec("Nama", 28), ColumnSpec("Status", 12), ColumnSpec("Kredit (Rp)", 14),
                  ColumnSpec("Sebab", 40), ColumnSpec("Dipakai Pembayaran Lain (Rp)", 16),
                  ColumnSpec("Dikembalikan ke BAZNAS (Rp)", 16)]
# Why money bought no month of protection (file content, like the headers).
CREDIT_REFUSED = "ditolak BPJS: tidak ada bulan kepesertaan yang terbeli"
CREDIT_HELD = "menunggu jawaban BPJS: dialokasikan setelah BPJS menjawab"
CREDIT_SURPLUS = "dibayar lebih dari harga bulan yang terbeli"
CREDIT_SETTLED = "kredit sudah dipakai pembayaran lain atau dikembalikan"


def _total_row(rows: list[list[Any]]) -> list[Any]:
    total: list[Any] = [None] * len(COLUMNS)
    total[NAME] = "Jumlah"
    for column in (MONTHS, AMOUNT, ALLOCATED, CREDIT, FROM_CREDIT):
        total[column] = sum(row[column] for row in rows)
    return total


def _sheet_name(wanted: str, taken: dict[str, Any]) -> str:
    """A sheet name Excel accepts (31 characters, none of []:*?/\\) not already used."""
    base = "".join(" " if c in "[]:*?/\\" else c for c in wanted)[:31].strip() or "Asnaf"
    name, n = base, 1
    while name.lower() in {t.lower() for t in taken}:
        n += 1
        name = f"{base[:27]} ({n})"
    return name


def _fund_label(event: dict[str, Any]) -> str:
    fund = Fund.parse(event.get("fund") or Fund.ZAKAT.value)
    return fund.label if fund else str(event.get("fund"))[:20]
