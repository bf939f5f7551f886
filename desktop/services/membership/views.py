"""What the branch sees: batches with their counts, payments, the pipeline, a record's events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desktop.domain import lifecycle
from desktop.domain.enrollment import Status
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.text import format_date, format_rupiah
from desktop.services.errors import NotFound
from desktop.services.workspace import Workspace
from desktop.storage import lifecycle_rows, membership_batches
from desktop.storage import payments as payment_rows


@dataclass(frozen=True)
class BatchInfo:
    number: str
    created_at: dt.datetime | None
    created_by: str
    months: int | None
    total: int
    by_status: dict[str, int]     # effective status today -> count
    paid_months: int              # months paid by payments recorded for this batch (here)


def batches(ws: Workspace) -> list[BatchInfo]:
    """Every submission batch any branch laptop made (from the records), newest first."""
    today = ws.today
    with ws.read() as tx:
        counts: dict[str, dict[str, int]] = {}
        for batch_no, status, n in lifecycle_rows.batch_status_counts(tx, today, Status.ACTIVE.value,
                                                                      Status.ENDED.value):
            counts.setdefault(batch_no, {})[status] = n
        local = membership_batches.by_number(tx)
        paid = payment_rows.months_by_batch(tx)
        first_seen: dict[str, tuple[str, str]] = {}
        for number in counts:
            if number not in local:
                life = lifecycle_rows.batch_events(tx, number)
                for event in lifecycle.loads(life):
                    if event.get("type") == lifecycle.SUBMITTED and event.get("batch") == number:
                        first_seen[number] = (event.get("at", ""), event.get("by", ""))
                        break
    out = []
    for number, by_status in counts.items():
        mine = local.get(number)
        if mine is not None:
            created_at, created_by, months = mine.created_at, mine.created_by, mine.months
        else:
            at, created_by = first_seen.get(number, ("", ""))
            try:
                created_at = dt.datetime.fromisoformat(at.rstrip("Z")) if at else None
            except ValueError:
                created_at = None
            months = None
        out.append(BatchInfo(number, created_at, created_by, months, sum(by_status.values()), by_status,
                             paid.get(number, 0)))
    out.sort(key=lambda b: (b.created_at or dt.datetime.min, b.number), reverse=True)
    return out


@dataclass(frozen=True)
class PaymentInfo:
    number: str
    batch_no: str | None
    created_at: dt.datetime
    created_by: str
    months: int
    records: int
    amount_owed: int
    amount_paid: int | None
    reference: str
    renewal: bool
    fund: str = "zakat"          # contributions.Fund: zakat, infak or sedekah
    credit_used: int = 0         # BAZNAS's credit of earlier payments it used besides the transfer


def payments(ws: Workspace) -> list[PaymentInfo]:
    with ws.read() as tx:
        return [PaymentInfo(p.number, p.batch_no, p.created_at, p.created_by, p.months, p.record_count,
                            p.amount_owed, p.amount_paid, p.reference, p.renewal, p.fund, p.credit_used)
                for p in payment_rows.newest_first(tx)]


def pipeline_counts(ws: Workspace, group_by: str = "kabupaten") -> dict[str, dict[str, int]]:
    """Per kabupaten code (or school NPSN): enrolled, submitted, active, refused, ending within 30 days,
    ended — on the workspace's today."""
    today = ws.today
    out: dict[str, dict[str, int]] = {}
    with ws.read() as tx:
        for key, status, n, ending in lifecycle_rows.pipeline(tx, today, today + dt.timedelta(days=30),
                                                              group_by != "kabupaten", Status.ACTIVE.value,
                                                              Status.ENDED.value):
            row = out.setdefault(key, {s: 0 for s in ("enrolled", "submitted", "active", "refused", "ending", "ended")})
            row[status] = row.get(status, 0) + n
            row["ending"] += int(ending or 0)
    return out


def events_of(ws: Workspace, worker_id: str) -> list[dict[str, Any]]:
    """A record's BPJS/BAZNAS events, oldest first (for its page)."""
    with ws.read() as tx:
        life = lifecycle_rows.events_of(tx, worker_id)
        if life is None:
            raise NotFound(QT_TRANSLATE_NOOP("Service", "Data peserta tidak ditemukan."))
        return lifecycle.loads(life)


def describe_event(event: Mapping[str, Any]) -> str:
    """One line (Indonesian) for a record's history."""
    kind = event.get("type")
    if kind == lifecycle.SUBMITTED:
        return f"diajukan ke BPJS dalam batch {event.get('batch')} ({event.get('months')} bulan)"
    if kind == lifecycle.ACTIVATED:
        start = event.get("start")
        return f"aktif: KPJ {event.get('kpj')} sejak {format_date(dt.date.fromisoformat(start)) if start else '?'}"
    if kind == lifecycle.REFUSED:
        return f"ditolak BPJS: {event.get('reason')}"
    if kind == lifecycle.PAID:
        line = f"dibayar BAZNAS {event.get('months')} bulan ({event.get('payment')}), dana {event.get('fund') or 'zakat'}"
        if event.get("from"):
            line += f", mulai lagi {format_date(dt.date.fromisoformat(event['from']))}"
        if event.get("credit"):
            line += f", {format_rupiah(event['credit'])} dari kredit BAZNAS"
        return line
    if kind == lifecycle.CREDIT_USED:
        where = (f"dipakai pembayaran {event['payment']}" if event.get("payment")
                 else f"dikembalikan kepada BAZNAS ({event.get('refund')})")
        return f"kredit BAZNAS {format_rupiah(int(event.get('amount') or 0))} {where}"
    if kind == lifecycle.PAID_SHARE:
        return (f"bagian transfer {event.get('payment')}: {format_rupiah(int(event.get('paid') or 0))} "
                f"(pembayaran sebelum buku dana)")
    if kind == lifecycle.UNDONE:
        line = (f"jawaban BPJS {event.get('file') or ''} ({str(event.get('answer'))[:8]}) diurungkan: "
                f"peristiwanya tidak berlaku")
        return line + (f" ({event['reason']})" if event.get("reason") else "")
    if kind == lifecycle.INCIDENT:
        return _describe_incident(event)
    if kind == lifecycle.CLAIM:
        return _describe_claim(event)
    return str(kind)


# An incident as the history says it ("Dilaporkan meninggal dunia …"); the claim's states in words.
_INCIDENT_WORDS = {lifecycle.DEATH: "meninggal dunia", lifecycle.ACCIDENT: "mengalami kecelakaan",
                   lifecycle.ILLNESS: "menderita penyakit akibat kerja"}
_CLAIM_WORDS = {lifecycle.DOCUMENTS_COMPLETE: "berkas lengkap", lifecycle.CLAIM_SUBMITTED: "diajukan ke BPJS",
                lifecycle.CLAIM_PAID: "dibayar", lifecycle.CLAIM_REFUSED: "ditolak"}


def _day_text(value: Any) -> str:
    day = lifecycle._day(value)
    return format_date(day) if day else "?"


def _describe_incident(event: Mapping[str, Any]) -> str:
    kind = event.get("kind")
    line = f"Dilaporkan {_INCIDENT_WORDS.get(kind, str(kind))} {_day_text(event.get('day'))}"
    line += " (saat kerja)" if event.get("at_work") else " (bukan saat kerja)"
    if event.get("place"):
        line += f" di {event['place']}"
    if event.get("reported_by"):
        line += f" oleh {event['reported_by']}"
    if event.get("what"):
        line += f": {event['what']}"
    return line + f" (klaim {str(event.get('claim'))[:8]})"


def _describe_claim(event: Mapping[str, Any]) -> str:
    from desktop.domain.claims import CHECKLISTS

    papers = {document.key: document.label for documents in CHECKLISTS.values() for document in documents}
    parts = []
    state = event.get("state")
    if state == lifecycle.CLAIM_PAID:
        parts.append(f"dibayar {format_rupiah(int(event.get('amount') or 0))} pada {_day_text(event.get('date'))}")
    elif state == lifecycle.CLAIM_REFUSED:
        parts.append(f"ditolak: {event.get('reason') or ''}")
    elif state:
        parts.append(_CLAIM_WORDS.get(state, str(state)))
    if event.get("documents"):
        names = [papers.get(key, str(key)) for key in event["documents"]]
        parts.append("dokumen dilihat: " + ", ".join(names))
    return f"Klaim {str(event.get('claim'))[:8]}: " + "; ".join(parts)


