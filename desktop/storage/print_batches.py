"""The card print log: ``print_batches`` (one run of card printing) and ``card_prints`` (each card in
it), every statement on them and the batch's one row <-> record mapper. Both are only appended to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, fields

from desktop.storage.codec import read_datetime, sql_datetime
from desktop.storage.database import Tx

# A condition on ``workers`` (for a search's count): the worker's card was printed at least once.
PRINTED = "EXISTS (SELECT * FROM card_prints WHERE card_prints.worker_id = workers.id)"
_CHUNK = 2000   # registration numbers per statement: below SQLite's limit of bound variables


@dataclass(frozen=True)
class PrintBatchRecord:
    uuid: str
    created_at: dt.datetime     # UTC, naive
    created_by: str
    device_id: str
    layout: str
    card_count: int
    reprint_reason: str | None
    file_name: str


_COLUMNS = tuple(f.name for f in fields(PrintBatchRecord))


def _row(record: PrintBatchRecord) -> tuple:
    return (record.uuid, sql_datetime(record.created_at), record.created_by, record.device_id, record.layout,
            record.card_count, record.reprint_reason, record.file_name[:255])   # the column's length


def _record(row: tuple) -> PrintBatchRecord:
    return PrintBatchRecord(row[0], read_datetime(row[1]), *row[2:])


def add(tx: Tx, record: PrintBatchRecord) -> int:
    """Store a batch; its id (what its cards refer to)."""
    return tx.insert(f"INSERT INTO print_batches ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})",
                     _row(record))


def listing(tx: Tx) -> list[PrintBatchRecord]:
    """Every batch, the newest first."""
    return [_record(row) for row in tx.all(f"SELECT {', '.join(_COLUMNS)} FROM print_batches ORDER BY id DESC")]


def printed_among(tx: Tx, registration_nos: list[str]) -> int:
    """How many of the workers with these registration numbers had a card printed before."""
    printed = 0
    for start in range(0, len(registration_nos), _CHUNK):
        chunk = registration_nos[start:start + _CHUNK]
        printed += tx.scalar(f"SELECT count(*) FROM workers WHERE registration_no IN ({', '.join('?' * len(chunk))}) "
                             f"AND {PRINTED}", chunk)
    return printed


def add_cards(tx: Tx, batch_id: int, registration_nos: list[str],
              with_kpj: Callable[[str | None, str], bool]) -> None:
    """A card of batch ``batch_id`` for each worker named (a reprint when printed before);
    ``with_kpj(kpj_number, status)`` tells whether the card carried the KPJ number. In chunks: memory
    does not grow with the batch."""
    for start in range(0, len(registration_nos), _CHUNK):
        chunk = registration_nos[start:start + _CHUNK]
        found = tx.all(f"SELECT id, kpj_number, status FROM workers WHERE registration_no IN "
                       f"({', '.join('?' * len(chunk))})", chunk)
        ids = [worker_id for worker_id, _, _ in found]
        printed_before = set(tx.column(f"SELECT worker_id FROM card_prints WHERE worker_id IN "
                                       f"({', '.join('?' * len(ids))})", ids)) if ids else set()
        tx.executemany("INSERT INTO card_prints (batch_id, worker_id, reprint, with_kpj) VALUES (?, ?, ?, ?)",
                       [(batch_id, worker_id, int(worker_id in printed_before), int(with_kpj(kpj, status)))
                        for worker_id, kpj, status in found])
