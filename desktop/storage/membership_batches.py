"""The submissions to BPJS this laptop made (``membership_batches``): every statement on the table, and
its one row <-> record mapper. Batches other laptops made are known here from their workers' events."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.storage.codec import read_datetime, sql_datetime
from desktop.storage.database import Tx


@dataclass(frozen=True)
class BatchRecord:
    number: str
    created_at: dt.datetime      # UTC, naive
    created_by: str
    device_id: str
    months: int
    record_count: int
    filters: str                 # JSON: how the records were chosen
    file_name: str


_COLUMNS = ("number", "created_at", "created_by", "device_id", "months", "record_count", "filters", "file_name")


def _row(record: BatchRecord) -> tuple:
    return (record.number, sql_datetime(record.created_at), record.created_by, record.device_id, record.months,
            record.record_count, record.filters, record.file_name)


def _record(row: tuple) -> BatchRecord:
    number, created_at, created_by, device_id, months, record_count, filters, file_name = row
    return BatchRecord(number, read_datetime(created_at), created_by, device_id, months, record_count, filters,
                       file_name)


def add(tx: Tx, record: BatchRecord) -> None:
    tx.execute(f"INSERT INTO membership_batches ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})",
               _row(record))


def by_number(tx: Tx) -> dict[str, BatchRecord]:
    return {record.number: record for record in map(_record, tx.all(
        f"SELECT {', '.join(_COLUMNS)} FROM membership_batches ORDER BY id"))}
