"""BAZNAS's payments: the months paid for a batch or a list, priced with the dated rates; renewals."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.domain import bounds, lifecycle
from desktop.domain.contributions import (
    BRACKET_DEFAULT, Fund, add_month, month_start, monthly_rate, submitted_bracket,
)
from desktop.domain.enrollment import Status
from desktop.domain.ledger import transfer_shares
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.text import format_rupiah
from desktop.services import audit
from desktop.domain.actors import Actor
from desktop.services.errors import NotFound, ServiceError
from desktop.services.search import SearchQuery
from desktop.services.workspace import Workspace, bulk_work
from desktop.storage import documents, lifecycle_rows
from desktop.storage import payments as payment_rows
from desktop.storage.database import Tx
from desktop.services.membership.ledger import credit_sources, draw
from desktop.services.membership.events import (
    MAX_MONTHS, Held, _append, _next_number, _stamp, held_rows, require_branch,
)


def owed_for(occupation: str, first_month: dt.date, months: int, bracket: int = BRACKET_DEFAULT) -> int:
    """Rupiah owed for one worker declared to BPJS at ``bracket`` for ``months`` months from
    ``first_month`` (JKK 1 % of the bracket, dated rates, PP 50/2025)."""
    month = month_start(first_month)
    total = 0
    for _ in range(months):
        jkk, jkm = monthly_rate(month, occupation, bracket=bracket)
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
    fund: str = Fund.ZAKAT.value          # the BAZNAS fund it came from (contributions.Fund)
    credit_used: int = 0                  # BAZNAS's credit of earlier payments it used besides the transfer

    @property
    def difference(self) -> int | None:
        return None if self.amount_paid is None else self.amount_paid + self.credit_used - self.amount_owed


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


def _plan(held: Mapping[int, Held], months: int, today: dt.date,
          bracket: int) -> tuple[dict[int, tuple[int, str | None]], int, dict[str, int]]:
    """What paying ``months`` months for these workers would do: worker id -> (rupiah owed, the date
    coverage restarts from or None), the total owed, and why the others would not be paid. Each worker
    is priced at the bracket their submission sent BPJS (``bracket``, the programme's setting, for one
    submitted before brackets were recorded)."""
    skipped: dict[str, int] = {}
    planned: dict[int, tuple[int, str | None]] = {}
    prices: dict[tuple[str, dt.date, int], int] = {}
    payable = (Status.SUBMITTED.value, Status.ACTIVE.value)
    owed = 0
    for row in held.values():
        if row.deleted or row.status not in payable:
            reason = "deleted" if row.deleted else row.status
            skipped[reason] = skipped.get(reason, 0) + 1
            continue
        first, restart = _first_covered_month(row.status, row.coverage_start, row.coverage_end, today)
        submitted = lifecycle.last_of(row.lifecycle, lifecycle.SUBMITTED)
        key = (row.occupation, first, submitted_bracket([submitted] if submitted else [], bracket))
        amount_for = prices.get(key)
        if amount_for is None:        # most workers share an occupation, a first month and a bracket
            amount_for = prices[key] = owed_for(key[0], first, months, key[2])
        owed += amount_for
        planned[row.id] = (amount_for, restart)
    return planned, owed, skipped


def _recorded_as(tx: Tx, held: Mapping[int, Held], reference: str, batch_no: str | None) -> str | None:
    """The payment that already recorded this transfer for this batch, or for any of these workers (a
    payment another branch laptop recorded reaches this one as the workers' events): a transfer is money
    received once. None: not recorded yet."""
    if batch_no is not None:
        number = payment_rows.recorded_for(tx, batch_no, reference)
        if number is not None:
            return number
    # As the events are stored (lifecycle.dumps): the reference as JSON writes it, found without parsing
    # the events of every worker.
    needle = json.dumps({"reference": reference}, ensure_ascii=False, separators=(",", ":"))[1:-1]
    for row in held.values():
        if row.lifecycle and needle in row.lifecycle:
            for event in lifecycle.loads(row.lifecycle):
                if event.get("type") == lifecycle.PAID and event.get("reference") == reference:
                    return str(event.get("payment") or "?")
    return None


def _pay(tx: Tx, ws: Workspace, actor: Actor, held: Mapping[int, Held], months: int, reference: str,
         amount: int | None, batch_no: str | None, renewal: bool, fund: Fund, use_credit: bool = False) -> PaymentResult:
    now = ws.now()
    if reference:
        earlier = _recorded_as(tx, held, reference, batch_no)
        if earlier is not None:
            raise ServiceError(QT_TRANSLATE_NOOP(
                "Service", "Transfer {reference} sudah dicatat sebagai pembayaran {payment}; satu transfer dicatat "
                           "sekali. Periksa daftar pembayaran, atau tulis referensi transfer yang lain."),
                reference=reference, payment=earlier)
    planned, owed, skipped = _plan(held, months, ws.today, ws.policy.jkk_income)
    if not planned:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Tidak ada peserta yang dapat dibayar: hanya peserta yang "
                                                        "sudah diajukan atau aktif."))
    owed_each = {wid: owed_for_worker for wid, (owed_for_worker, _r) in planned.items()}
    taken: dict[int, int] = {}
    if use_credit:
        sources = credit_sources(tx, ws)
        if not sources:
            raise ServiceError(QT_TRANSLATE_NOOP(
                "Service", "Tidak ada kredit BAZNAS yang dapat dipakai (kredit yang menunggu jawaban BPJS belum "
                           "dapat dipakai)."))
        # draw() stops at what is there: the credit pays what the transfer does not, as far as it goes
        taken = draw(sources, max(0, owed - amount if amount is not None else owed))
    credit_used = sum(taken.values())
    number = _next_number(tx, ws, "payment")
    if credit_used:
        # The money (the transfer and the credit) is split like a transfer, then the credit within each
        # worker's share: splitting each on its own would round a worker a rupiah over and another under.
        shares: dict[int, int] | None = transfer_shares(
            (amount if amount is not None else owed - credit_used) + credit_used, owed_each)
        credit_shares = transfer_shares(credit_used, shares) or {}
    else:
        credit_shares, shares = {}, transfer_shares(amount, owed_each)
    events: dict[int, dict[str, Any]] = {}
    at = _stamp(now)
    for wid, (amount_for, restart) in planned.items():
        event = {"type": lifecycle.PAID, "at": at, "by": actor.username, "payment": number,
                 "months": months, "amount": amount_for, "fund": fund.value}
        if shares is not None:
            event["paid"] = shares[wid]
        if credit_shares.get(wid):
            event["credit"] = credit_shares[wid]
        if reference:
            event["reference"] = reference
        if restart:
            event["from"] = restart
        events[wid] = event
    _append(tx, ws, actor, events, now, held)
    if taken:           # after the payment's own events: a worker may both give credit and receive
        _append(tx, ws, actor, {wid: {"type": lifecycle.CREDIT_USED, "at": _stamp(now), "by": actor.username,
                                           "payment": number, "amount": part} for wid, part in taken.items()}, now)
    payment_rows.add(tx, payment_rows.PaymentRecord(
        number, batch_no, now, actor.username, ws.device.id, months, len(events), owed, amount, reference, renewal,
        fund.value, credit_used))
    audit.record(tx, ws, actor, "payment", number, {
        "batch": batch_no, "records": len(events), "months": months, "owed": owed, "paid": amount,
        "reference": reference, "renewal": renewal, "fund": fund.value, "credit_used": credit_used,
        "credit_from": len(taken)})
    return PaymentResult(number, len(events), months, owed, amount, skipped, fund.value, credit_used)


@dataclass(frozen=True)
class RefundResult:
    number: str              # the refund's document (RF-…)
    amount: int              # rupiah returned to BAZNAS
    records: int             # records whose credit it was
    reference: str


def refund_credit(ws: Workspace, actor: Actor, amount: int | None = None, reference: str = "",
                  note: str = "") -> RefundResult:
    """Return BAZNAS's credit (money paid for months no one received) to BAZNAS: ``amount`` rupiah, or all
    the credit that can be returned now (not waiting for BPJS's answer). The refund is a numbered document
    (``report documents``), and the records it came from carry it in their ledgers."""
    require_branch(actor)
    if amount is not None:
        _check_amount(amount)
    now = ws.now()
    reference = reference.strip()[:200]
    with bulk_work(), ws.write() as tx:
        sources = credit_sources(tx, ws)
        usable = sum(part for _w, part in sources)
        if usable == 0:
            raise ServiceError(QT_TRANSLATE_NOOP(
                "Service", "Tidak ada kredit BAZNAS yang dapat dikembalikan (kredit yang menunggu jawaban BPJS "
                           "belum dapat dikembalikan)."))
        if amount is not None and not 0 < amount <= usable:
            raise ServiceError(QT_TRANSLATE_NOOP(
                "Service", "Kredit BAZNAS yang dapat dikembalikan {usable}: jumlah {amount} tidak dapat dikembalikan."),
                usable=format_rupiah(usable), amount=format_rupiah(amount))
        taken = draw(sources, usable if amount is None else amount)
        number = _next_number(tx, ws, "refund")
        _append(tx, ws, actor, {wid: {"type": lifecycle.CREDIT_USED, "at": _stamp(now), "by": actor.username,
                                           "refund": number, "amount": part} for wid, part in taken.items()}, now)
        total = sum(taken.values())
        documents.add(tx, documents.DocumentRecord(
            number, documents.REFUND, "-", None, now, actor.username,
            # the figures every document lists (total, workers, months) and the refund's own
            {"amount": total, "total": total, "records": len(taken), "workers": len(taken), "months": 0,
             "first_month": None, "reference": reference, "note": note.strip()[:500]},
            ws.device.id))
        audit.record(tx, ws, actor, "refund", number, {"amount": total, "records": len(taken),
                                                            "reference": reference})
    return RefundResult(number, total, len(taken), reference)


def parse_fund(fund: object) -> Fund:
    """The BAZNAS fund a payment names (``zakat``, ``infak`` or ``sedekah``, code or label)."""
    found = Fund.parse(fund)
    if found is None:
        raise ServiceError(QT_TRANSLATE_NOOP(
            "Service", "Sumber dana {fund} tidak dikenal: pilih zakat, infak atau sedekah."), fund=str(fund)[:40])
    return found


def _check_amount(amount: int | None) -> None:
    """A rupiah amount entered for a payment or a refund: whole, not negative, within the bounds."""
    if amount is not None and (not isinstance(amount, int) or amount < 0):
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Jumlah pembayaran tidak boleh negatif."))
    if amount is not None and amount > bounds.MAX_AMOUNT:
        raise ServiceError(QT_TRANSLATE_NOOP(
            "Service", "Jumlah pembayaran paling banyak {max}: lebih dari iuran seluruh peserta cabang selama 60 "
                       "bulan. Periksa angkanya (kelebihan digit?)."), max=format_rupiah(bounds.MAX_AMOUNT))


def _check_payment_args(months: int, amount: int | None, expiring_days: int | None = None) -> None:
    """What a payment, a renewal or a quote is given, checked before anything is computed (the window
    calls these services directly): the bounds of desktop.domain.bounds, said in Indonesian."""
    if not isinstance(months, int) or not 1 <= months <= MAX_MONTHS:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Jumlah bulan harus 1 sampai {max}."), max=MAX_MONTHS)
    _check_amount(amount)
    if expiring_days is not None and (not isinstance(expiring_days, int)
                                      or not 0 <= expiring_days <= bounds.MAX_DAYS):
        raise ServiceError(QT_TRANSLATE_NOOP(
            "Service", "Jumlah hari harus 0 sampai {max}: masa perlindungan paling lama 5 tahun ke depan."),
            max=bounds.MAX_DAYS)


def _batch_rows(tx: Tx, batch: str) -> dict[int, Held]:
    held = held_rows(tx, batch=batch)
    if not held:
        raise NotFound(QT_TRANSLATE_NOOP("Service", "Batch {batch} tidak dikenal."), batch=batch)
    return held


def add_payment(ws: Workspace, actor: Actor, months: int, batch: str | None = None,
                registration_nos: Sequence[str] = (), reference: str = "", amount: int | None = None,
                fund: str = Fund.ZAKAT.value, use_credit: bool = False) -> PaymentResult:
    """BAZNAS paid the contributions of a batch (or of a list of registration numbers) for ``months``
    months from one of its funds (zakat, infak or sedekah). The amount owed follows the dated rates;
    a different amount paid is kept and stated. ``use_credit``: BAZNAS's credit (money paid for months no
    one received) pays for what the transfer does not, oldest credit first."""
    require_branch(actor)
    _check_payment_args(months, amount)
    chosen = parse_fund(fund)
    if not batch and not registration_nos:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Sebutkan batch atau daftar No. Registrasi yang dibayar."))
    with bulk_work(), ws.write() as tx:
        if batch:
            held = _batch_rows(tx, batch)
        else:
            from desktop.domain.regno import normalize_registration_no

            wanted = [normalize_registration_no(r) for r in registration_nos]
            ids = lifecycle_rows.ids_of_registrations(tx, wanted)
            if len(ids) != len(set(wanted)):
                raise NotFound(QT_TRANSLATE_NOOP("Service", "{n} No. Registrasi tidak dikenal."),
                               n=len(set(wanted)) - len(ids))
            held = held_rows(tx, ids)
        return _pay(tx, ws, actor, held, months, reference.strip()[:200], amount, batch, renewal=False,
                    fund=chosen, use_credit=use_credit)


def _expiring_ids(tx: Tx, ws: Workspace, days: int, query: SearchQuery) -> list[int]:
    """Active records (filtered like the list) whose coverage ends within ``days`` days (or has ended)."""
    return lifecycle_rows.expiring_ids(tx, SearchQuery(query.text, query.kabupaten_code, query.school_id),
                                       ws.today + dt.timedelta(days=days), Status.ACTIVE.value)


def renew(ws: Workspace, actor: Actor, days: int, months: int, query: SearchQuery = SearchQuery(),
          reference: str = "", amount: int | None = None, fund: str = Fund.ZAKAT.value,
          use_credit: bool = False) -> PaymentResult:
    """One step: pay again for everyone whose coverage ends within ``days`` days (filtered like the list)."""
    require_branch(actor)
    _check_payment_args(months, amount, days)
    chosen = parse_fund(fund)
    with bulk_work(), ws.write() as tx:
        ids = _expiring_ids(tx, ws, days, query)
        if not ids:
            raise ServiceError(QT_TRANSLATE_NOOP("Service", "Tidak ada peserta yang perlindungannya berakhir "
                                                            "dalam {days} hari."), days=days)
        return _pay(tx, ws, actor, held_rows(tx, ids), months, reference.strip()[:200], amount, None,
                    renewal=True, fund=chosen, use_credit=use_credit)


@dataclass(frozen=True)
class PaymentQuote:
    """What a payment would cover before it is recorded (the window shows it first)."""

    records: int                  # workers it would pay for
    months: int
    amount_owed: int
    skipped: dict[str, int]       # workers of the batch it would not pay for: status -> count


def quote_payment(ws: Workspace, actor: Actor, months: int, batch: str | None = None,
                  expiring_days: int | None = None, query: SearchQuery = SearchQuery()) -> PaymentQuote:
    """How many workers a payment of ``months`` months for ``batch`` (or a renewal of those whose
    coverage ends within ``expiring_days`` days) covers and what it owes, on the same rates and dates
    as ``add_payment``/``renew`` use; nothing is recorded."""
    require_branch(actor)
    _check_payment_args(months, None, expiring_days)
    with ws.read() as tx:
        if batch:
            held = _batch_rows(tx, batch)
        elif expiring_days is not None:
            held = held_rows(tx, _expiring_ids(tx, ws, expiring_days, query))
        else:
            raise ServiceError(QT_TRANSLATE_NOOP("Service", "Sebutkan batch atau daftar No. Registrasi yang dibayar."))
        planned, owed, skipped = _plan(held, months, ws.today, ws.policy.jkk_income)
    return PaymentQuote(len(planned), months, owed, skipped)
