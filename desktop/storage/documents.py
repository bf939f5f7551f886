"""Documents issued to BAZNAS (``documents``): every statement on the table, and its one row <-> record
mapper. A document's figures are what it printed, kept as JSON text and given back as plain values;
they are never changed once written (a change is a new document referring to the first)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from desktop.storage.codec import read_datetime, sql_datetime
from desktop.storage.database import Tx

INVOICE = "invoice"
SUPPLEMENTARY = "supplementary"
CREDIT_NOTE = "credit_note"
REFUND = "refund"                # BAZNAS's credit returned to it (batch "-": it is no batch's)
BAZNAS = "baznas"                # BAZNAS's distribution record of a period (batch: "FROM..TO", ISO dates)
KINDS = (INVOICE, SUPPLEMENTARY, CREDIT_NOTE, REFUND, BAZNAS)


@dataclass(frozen=True)
class DocumentRecord:
    number: str
    kind: str                    # INVOICE | SUPPLEMENTARY | CREDIT_NOTE
    batch_no: str
    refers_to: str | None        # the number of the document it corrects
    issued_at: dt.datetime       # UTC, naive
    issued_by: str
    figures: dict[str, Any]      # every figure printed: plain JSON values, rupiah as integers
    device_id: str


_COLUMNS = ("number", "kind", "batch_no", "refers_to", "issued_at", "issued_by", "figures", "device_id")
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM documents"


def _row(record: DocumentRecord) -> tuple:
    """The columns of ``record`` in ``_COLUMNS`` order (figures as canonical JSON text)."""
    if record.kind not in KINDS:
        raise ValueError(f"unknown document kind {record.kind!r}")
    return (record.number, record.kind, record.batch_no, record.refers_to, sql_datetime(record.issued_at),
            record.issued_by, json.dumps(record.figures, ensure_ascii=False, sort_keys=True), record.device_id)


def _record(row: tuple) -> DocumentRecord:
    number, kind, batch_no, refers_to, issued_at, issued_by, figures, device_id = row
    return DocumentRecord(number, kind, batch_no, refers_to, read_datetime(issued_at), issued_by,
                          json.loads(figures), device_id)


def add(tx: Tx, record: DocumentRecord) -> None:
    tx.execute(f"INSERT INTO documents ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})",
                    _row(record))


def get(tx: Tx, number: str) -> DocumentRecord | None:
    row = tx.first(f"{_SELECT} WHERE number = ?", (number,))
    return _record(row) if row is not None else None


def listing(tx: Tx, batch_no: str | None = None, kind: str | None = None) -> list[DocumentRecord]:
    """Documents in the order they were issued (of one batch with ``batch_no``, of one kind with ``kind``)."""
    clauses, params = [], []
    if batch_no is not None:
        clauses.append("batch_no = ?")
        params.append(batch_no)
    if kind is not None:
        clauses.append("kind = ?")
        params.append(kind)
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    return [_record(row) for row in tx.all(f"{_SELECT}{where} ORDER BY id", params)]
