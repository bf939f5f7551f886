"""BAZNAS's payments recorded on this laptop (``payments``): every statement on the table, and its one
row <-> record mapper. A payment reaches other laptops as its workers' events; this table is this
laptop's own list of the payments it recorded."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.storage.codec import read_datetime, sql_datetime
from desktop.storage.database import Tx


@dataclass(frozen=True)
class PaymentRecord:
    number: str
    batch_no: str | None
    created_at: dt.datetime      # UTC, naive
    created_by: str
    device_id: str
    months: int
    record_count: int
    amount_owed: int
    amount_paid: int | None
    reference: str
    renewal: bool
    fund: str                    # contributions.Fund
    credit_used: int


_COLUMNS = ("number", "batch_no", "created_at", "created_by", "device_id", "months", "record_count",
            "amount_owed", "amount_paid", "reference", "renewal", "fund", "credit_used")
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM payments"


def _row(record: PaymentRecord) -> tuple:
    return (record.number, record.batch_no, sql_datetime(record.created_at), record.created_by, record.device_id,
            record.months, record.record_count, record.amount_owed, record.amount_paid, record.reference,
            int(record.renewal), record.fund, record.credit_used)


def _record(row: tuple) -> PaymentRecord:
    (number, batch_no, created_at, created_by, device_id, months, record_count, owed, paid, reference, renewal,
     fund, credit_used) = row
    return PaymentRecord(number, batch_no, read_datetime(created_at), created_by, device_id, months, record_count,
                         owed, paid, reference, bool(renewal), fund, credit_used or 0)


def add(tx: Tx, record: PaymentRecord) -> None:
    tx.execute(f"INSERT INTO payments ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})",
               _row(record))


def newest_first(tx: Tx) -> list[PaymentRecord]:
    return [_record(row) for row in tx.all(f"{_SELECT} ORDER BY id DESC")]


def recorded_for(tx: Tx, batch_no: str, reference: str) -> str | None:
    """The number of the payment of ``batch_no`` recorded with this transfer reference, if any."""
    return tx.scalar("SELECT number FROM payments WHERE batch_no = ? AND reference = ?", (batch_no, reference))


def months_by_batch(tx: Tx) -> dict[str, int]:
    """Months paid by the payments recorded here, per submission batch."""
    return {batch: int(months or 0) for batch, months in tx.all(
        "SELECT batch_no, sum(months) FROM payments WHERE batch_no IS NOT NULL GROUP BY batch_no")}
