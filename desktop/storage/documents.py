"""Documents issued to BAZNAS (``documents``): every statement on the table, and its one row <-> record
mapper. A document's figures are what it printed, kept as JSON text and given back as plain values;
they are never changed once written (a change is a new document referring to the first)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from desktop.storage.models import Document

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


def to_row(record: DocumentRecord) -> dict[str, Any]:
    """The columns of ``record`` (figures as canonical JSON text)."""
    if record.kind not in KINDS:
        raise ValueError(f"unknown document kind {record.kind!r}")
    return {"number": record.number, "kind": record.kind, "batch_no": record.batch_no,
            "refers_to": record.refers_to, "issued_at": record.issued_at, "issued_by": record.issued_by,
            "figures": json.dumps(record.figures, ensure_ascii=False, sort_keys=True),
            "device_id": record.device_id}


def from_row(row: Any) -> DocumentRecord:
    """A row of ``documents`` (any mapping or object with its columns) as a record."""
    get = row.__getitem__ if isinstance(row, dict) else (
        row._mapping.__getitem__ if hasattr(row, "_mapping") else lambda key: getattr(row, key))
    return DocumentRecord(get("number"), get("kind"), get("batch_no"), get("refers_to"), get("issued_at"),
                          get("issued_by"), json.loads(get("figures")), get("device_id"))


_COLUMNS = (Document.number, Document.kind, Document.batch_no, Document.refers_to, Document.issued_at,
            Document.issued_by, Document.figures, Document.device_id)


def add(session: Session, record: DocumentRecord) -> None:
    session.execute(insert(Document), [to_row(record)])


def get(session: Session, number: str) -> DocumentRecord | None:
    row = session.execute(select(*_COLUMNS).where(Document.number == number)).first()
    return from_row(row) if row is not None else None


def listing(session: Session, batch_no: str | None = None, kind: str | None = None) -> list[DocumentRecord]:
    """Documents in the order they were issued (of one batch with ``batch_no``, of one kind with ``kind``)."""
    query = select(*_COLUMNS).order_by(Document.id)
    if batch_no is not None:
        query = query.where(Document.batch_no == batch_no)
    if kind is not None:
        query = query.where(Document.kind == kind)
    return [from_row(row) for row in session.execute(query)]
